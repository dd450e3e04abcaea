import * as path from 'path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES, locateInConfig, locateKey, parseConfigText, type ConfigError } from '../core/config/config';
import { configText, configTextWith } from '../core/config/config-messages';
import type { Locale } from '../core/types';
import type { FsProblemCode } from '../node/fs-access';
import { loadCustomProfiles, readFailureText } from '../node/config-files';
import { builtinProfiles } from '../core/profiles/registry';
import { DIAGNOSTIC_SOURCE } from './convert';

/** True for `.reportlintrc.json` / `.reportlintrc` documents. */
export function isConfigFile(filePath: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.basename(filePath));
}

/** "cannot read config file (why)", as a ConfigError's message and localised texts. */
export function readFailureMessage(code: FsProblemCode, detail: string): Pick<ConfigError, 'message' | 'localized'> {
  const text = configTextWith('configUnreadableWhy', {}, { problem: readFailureText(code, detail) });
  return { message: text.en, localized: text };
}

/**
 * Diagnostics for one config file's text: JSON syntax, unknown keys, bad severities, unreadable
 * or invalid custom profiles, an unknown profile id. The checker falls back to the defaults for
 * every broken part, so these tell the writer why a setting has no effect. Messages in `locale`.
 */
export function configDiagnostics(uri: string, filePath: string, text: string, trusted: boolean, locale: Locale = 'zh-cn'): Diagnostic[] {
  const { config, errors } = parseConfigText(text, filePath);
  const all: ConfigError[] = [...errors];
  const known = new Set(builtinProfiles().map((p) => p.id));
  if (config.profiles?.length) {
    if (trusted) {
      const loaded = loadCustomProfiles(filePath, text, config.profiles, known);
      all.push(...loaded.errors);
    } else {
      const t = configText('untrusted');
      all.push({ file: filePath, severity: 'info', message: t.en, localized: t, ...(locateKey(text, 'profiles') ?? {}) });
    }
  }
  if (config.profile && config.profile !== 'auto' && config.profile !== 'none' && !known.has(config.profile)) {
    const t = configText('unknownProfileAuto', { profile: config.profile });
    all.push({ file: filePath, message: t.en, localized: t, ...(locateInConfig(text, ['profile']) ?? {}) });
  }
  return problemDiagnostics(text, all, 'config', locale);
}

/**
 * Diagnostics for a config, profile or ignore file's problems (offsets into `text`; at the start
 * when unknown), in `locale` where the problem has a localised text.
 */
export function problemDiagnostics(text: string, problems: readonly ConfigError[], code = 'config', locale: Locale = 'zh-cn'): Diagnostic[] {
  const doc = TextDocument.create('file:///x', 'jsonc', 0, text);
  return problems.map((e) => {
    const start = doc.positionAt(e.offset ?? 0);
    const end = doc.positionAt((e.offset ?? 0) + (e.length ?? 0));
    return {
      range: { start, end },
      severity: e.severity === 'info' ? DiagnosticSeverity.Information : DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code,
      message: e.localized?.[locale] ?? e.message,
    };
  });
}
