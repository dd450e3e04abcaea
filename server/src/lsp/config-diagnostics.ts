import * as path from 'path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES, locateInConfig, locateKey, parseConfigText, type ConfigError } from '../core/config/config';
import { loadCustomProfiles } from '../node/config-files';
import { builtinProfiles } from '../core/profiles/registry';
import { DIAGNOSTIC_SOURCE } from './convert';

/** True for `.reportlintrc.json` / `.reportlintrc` documents. */
export function isConfigFile(filePath: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.basename(filePath));
}

/**
 * Diagnostics for one config file's text: JSON syntax, unknown keys, bad severities, unreadable
 * or invalid custom profiles, an unknown profile id. The checker falls back to the defaults for
 * every broken part, so these tell the writer why a setting has no effect.
 */
export function configDiagnostics(uri: string, filePath: string, text: string, trusted: boolean): Diagnostic[] {
  const { config, errors } = parseConfigText(text, filePath);
  const all: ConfigError[] = [...errors];
  const known = new Set(builtinProfiles().map((p) => p.id));
  if (config.profiles?.length) {
    if (trusted) {
      const loaded = loadCustomProfiles(filePath, text, config.profiles, known);
      all.push(...loaded.errors);
    } else {
      all.push({ file: filePath, severity: 'info', message: 'custom profiles are not loaded in an untrusted workspace', ...(locateKey(text, 'profiles') ?? {}) });
    }
  }
  if (config.profile && config.profile !== 'auto' && config.profile !== 'none' && !known.has(config.profile)) {
    all.push({ file: filePath, message: `unknown profile "${config.profile}"; detection (auto) is used instead`, ...(locateInConfig(text, ['profile']) ?? {}) });
  }
  return problemDiagnostics(text, all);
}

/** Diagnostics for a config, profile or ignore file's problems (offsets into `text`; at the start when unknown). */
export function problemDiagnostics(text: string, problems: readonly ConfigError[], code = 'config'): Diagnostic[] {
  const doc = TextDocument.create('file:///x', 'jsonc', 0, text);
  return problems.map((e) => {
    const start = doc.positionAt(e.offset ?? 0);
    const end = doc.positionAt((e.offset ?? 0) + (e.length ?? 0));
    return {
      range: { start, end },
      severity: e.severity === 'info' ? DiagnosticSeverity.Information : DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code,
      message: e.message,
    };
  });
}
