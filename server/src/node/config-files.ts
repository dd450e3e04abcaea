/**
 * Config files, custom profiles and `.reportlint-ignore.json` sidecars as the server and the CLI
 * find and read them (through fs-access.ts). The core (core/config.ts, core/suppress.ts) receives
 * their texts and never touches the file system.
 */
import path = require('path');
import {
  CONFIG_FILE_NAMES,
  defaultConfig,
  isRootConfig,
  MAX_PROFILE_FILE_SIZE,
  profilesFromConfig,
  resolveConfig,
  type ConfigError,
  type ConfigLayer,
  type LoadOptions,
  type ProfileReader,
  type ResolvedConfig,
} from '../core/config/config';
import type { Profile } from '../core/profiles/types';
import { configText, configTextWith, type ConfigText } from '../core/config/config-messages';
import { IGNORE_FILE_NAME, parseIgnoreFile, type IgnoreEntry } from '../core/config/suppress';
import { pathExists, MAX_CONFIG_BYTES, readTextFile, type FsProblemCode } from './fs-access';

/** Why a file could not be read, in both locales. */
export function readFailureText(code: FsProblemCode, detail: string): ConfigText {
  switch (code) {
    case 'not-regular':
      return configText('fsNotRegular');
    case 'too-large':
      return configText('fsTooLarge', { bytes: detail });
    case 'broken-link':
      return configText('fsBrokenLink');
    case 'not-found':
      return configText('fsNotFound');
    case 'permission':
      return configText('fsPermission');
    default:
      return { 'zh-cn': detail || code, en: detail || code };
  }
}

/** A short English reason for a read failure. */
export function readFailure(code: FsProblemCode, detail: string): string {
  return readFailureText(code, detail).en;
}

/** Read one config file: its text, or why it could not be read. */
export function readConfigLayer(file: string): ConfigLayer {
  const r = readTextFile(file, MAX_CONFIG_BYTES);
  if (r.ok) return { file, text: r.text };
  const problem = readFailureText(r.code, r.detail);
  return { file, text: null, problem: problem.en, problemText: problem };
}

/** Reads custom profiles relative to their config file, regular files of at most MAX_PROFILE_FILE_SIZE bytes. */
export const readProfileFile: ProfileReader = (configFile, rel) => {
  const r = readTextFile(path.resolve(path.dirname(configFile), rel), MAX_PROFILE_FILE_SIZE);
  if (r.ok) return r;
  const problem = readFailureText(r.code, r.detail);
  return { ok: false, message: problem.en, problem };
};

/** The config files that apply to `filePath`, farthest first, read, stopping at one with `"root": true`. */
export function configLayersFor(filePath: string): ConfigLayer[] {
  const found: ConfigLayer[] = [];
  let dir = path.resolve(path.dirname(filePath));
  for (let depth = 0; depth < 100; depth++) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      // A name that exists but is not a regular file (a FIFO, a device, a broken link) is reported.
      if (!pathExists(candidate)) continue;
      const layer = readConfigLayer(candidate);
      found.unshift(layer);
      if (layer.text !== null && isRootConfig(layer.text)) return found;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

/** Config files that apply to `filePath`, farthest first. */
export function findConfigFiles(filePath: string): string[] {
  return configLayersFor(filePath).map((l) => l.file);
}

/** Discover, read and merge the config files for one report file. Never throws. */
export function loadConfigFor(filePath: string, base: ResolvedConfig = defaultConfig(), options: LoadOptions = {}): ResolvedConfig {
  return resolveConfig(configLayersFor(filePath), base, { ...options, readProfile: readProfileFile });
}

/**
 * Like loadConfigFor, also naming every file read (config layers and custom profiles), so that a
 * cache of the result knows which file changes make it stale (lsp/config-cache.ts).
 */
export function loadConfigWithFiles(filePath: string, base: ResolvedConfig = defaultConfig(), options: LoadOptions = {}): { config: ResolvedConfig; files: string[] } {
  const layers = configLayersFor(filePath);
  const files = layers.map((l) => l.file);
  const readProfile: ProfileReader = (configFile, rel) => {
    files.push(path.resolve(path.dirname(configFile), rel));
    return readProfileFile(configFile, rel);
  };
  return { config: resolveConfig(layers, base, { ...options, readProfile }), files };
}

/** Read and validate the custom profiles one config file names. Never throws. */
export function loadCustomProfiles(configFile: string, configText: string, paths: string[], known: Set<string>): { profiles: Profile[]; errors: ConfigError[] } {
  return profilesFromConfig(configFile, configText, paths, known, readProfileFile);
}

// ---- .reportlint-ignore.json ----

/** The nearest sidecar for a report, walking up from its folder (not above `stopAt`); null when there is none. */
export function findIgnoreFile(reportPath: string, stopAt?: string): string | null {
  let dir = path.dirname(path.resolve(reportPath));
  const stop = stopAt ? path.resolve(stopAt) : null;
  for (let i = 0; i < 100; i++) {
    const candidate = path.join(dir, IGNORE_FILE_NAME);
    // Whatever is there (a regular file, a FIFO, a broken link) is the sidecar; readSidecar reports what is wrong with it.
    if (pathExists(candidate)) return candidate;
    if (stop && dir === stop) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/** A report's path as a sidecar in `sidecarDir` names it. */
export function relativeReportPath(sidecarDir: string, reportPath: string): string {
  return path.relative(sidecarDir, path.resolve(reportPath)).split(path.sep).join('/');
}

export interface Sidecar {
  file: string;
  entries: IgnoreEntry[];
  /** Why the sidecar, or some of its entries, could not be used. */
  errors: ConfigError[];
}

/** Read and parse one sidecar; an unreadable or malformed one is reported, never silently dropped. */
export function readSidecar(file: string): Sidecar {
  const r = readTextFile(file, MAX_CONFIG_BYTES);
  if (!r.ok) {
    const text = configTextWith('ignoreUnreadable', {}, { problem: readFailureText(r.code, r.detail) });
    return { file, entries: [], errors: [{ file, message: text.en, localized: text }] };
  }
  const parsed = parseIgnoreFile(r.text, file);
  return { file, entries: parsed.ignores, errors: parsed.errors };
}

/** The nearest sidecar's entries that concern one report, with the sidecar's problems. Never throws. */
export function ignoresFor(reportPath: string): { entries: IgnoreEntry[]; errors: ConfigError[]; file: string | null } {
  const file = findIgnoreFile(reportPath);
  if (!file) return { entries: [], errors: [], file: null };
  const sidecar = readSidecar(file);
  const rel = relativeReportPath(path.dirname(file), reportPath);
  return { entries: sidecar.entries.filter((e) => e.file === rel), errors: sidecar.errors, file };
}

/** The sidecar entries that concern one report (reads the nearest sidecar; never throws). */
export function loadIgnoresFor(reportPath: string): IgnoreEntry[] {
  return ignoresFor(reportPath).entries;
}
