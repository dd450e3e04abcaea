import * as path from 'path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES, loadCustomProfiles, parseConfigText, type ConfigError } from '../core/config';
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
  const doc = TextDocument.create(uri, 'jsonc', 0, text);
  const { config, errors } = parseConfigText(text, filePath);
  const all: ConfigError[] = [...errors];
  const known = new Set(builtinProfiles().map((p) => p.id));
  if (config.profiles?.length) {
    if (trusted) {
      const loaded = loadCustomProfiles(filePath, text, config.profiles, known);
      all.push(...loaded.errors);
    } else {
      const i = text.indexOf('"profiles"');
      all.push({ file: filePath, severity: 'info', message: 'custom profiles are not loaded in an untrusted workspace', ...(i >= 0 ? { offset: i, length: 10 } : {}) });
    }
  }
  if (config.profile && config.profile !== 'auto' && config.profile !== 'none' && !known.has(config.profile)) {
    const i = text.indexOf(JSON.stringify(config.profile));
    all.push({ file: filePath, message: `unknown profile "${config.profile}"; detection (auto) is used instead`, ...(i >= 0 ? { offset: i, length: config.profile.length + 2 } : {}) });
  }
  return all.map((e) => {
    const start = doc.positionAt(e.offset ?? 0);
    const end = doc.positionAt((e.offset ?? 0) + (e.length ?? 0));
    return {
      range: { start, end },
      severity: e.severity === 'info' ? DiagnosticSeverity.Information : DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code: 'config',
      message: e.message,
    };
  });
}
