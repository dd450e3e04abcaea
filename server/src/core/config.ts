import * as fs from 'fs';
import * as path from 'path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { SeverityOrOff } from './types';
import type { Profile } from './profiles/types';
import { validateProfile } from './profiles/load';
import { builtinProfiles } from './profiles/registry';

/** The shape of `.reportlintrc.json` (JSONC). See schemas/reportlintrc.schema.json. */
export interface ReportLintConfig {
  $schema?: string;
  /** Report profile id, or `auto` to detect it. */
  profile?: string;
  /** Per-rule severity, or `off`. */
  rules?: Record<string, SeverityOrOff>;
  /** Documents larger than this many UTF-16 code units get one information finding instead of a check. */
  maxFileSize?: number;
  /** When true, files above are not consulted. */
  root?: boolean;
  /** Custom report profiles (JSON data files, paths relative to this config file). Not loaded in untrusted workspaces. */
  profiles?: string[];
}

export interface ConfigError {
  file: string;
  message: string;
  /** Offset and length of the offending text in the config file, when known. */
  offset?: number;
  length?: number;
  /** 'info' for notices that are not mistakes (custom profiles skipped in an untrusted workspace). */
  severity?: 'error' | 'info';
}

export interface ResolvedConfig {
  profile: string;
  rules: Record<string, SeverityOrOff>;
  maxFileSize: number;
  /** Config files that contributed, nearest last. */
  sources: string[];
  errors: ConfigError[];
  /** Validated custom profiles from the workspace (never loaded in an untrusted workspace). */
  customProfiles?: Profile[];
}

export const CONFIG_FILE_NAMES = ['.reportlintrc.json', '.reportlintrc'];
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

export function defaultConfig(): ResolvedConfig {
  return { profile: 'auto', rules: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE, sources: [], errors: [] };
}

/** Parse and validate one config file's text. Invalid parts are dropped with an error each. */
export function parseConfigText(text: string, file: string): { config: ReportLintConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const parseErrors: ParseError[] = [];
  const raw = parseJsonc(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  for (const e of parseErrors) {
    errors.push({ file, message: `JSON: ${printParseErrorCode(e.error)}`, offset: e.offset, length: e.length });
  }
  if (parseErrors.length) return { config: {}, errors };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push({ file, message: 'config must be a JSON object' });
    return { config: {}, errors };
  }
  const config: ReportLintConfig = {};
  const obj = raw as Record<string, unknown>;
  const find = (key: string) => locate(text, key);
  for (const [key, value] of Object.entries(obj)) {
    switch (key) {
      case '$schema':
        break;
      case 'profile':
        if (typeof value === 'string' && value.length > 0 && value.length <= 100) config.profile = value;
        else errors.push({ file, message: '"profile" must be a non-empty string', ...find(key) });
        break;
      case 'profiles':
        if (Array.isArray(value) && value.length <= 20 && value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 260)) config.profiles = value as string[];
        else errors.push({ file, message: '"profiles" must be an array of at most 20 file paths', ...find(key) });
        break;
      case 'root':
        if (typeof value === 'boolean') config.root = value;
        else errors.push({ file, message: '"root" must be true or false', ...find(key) });
        break;
      case 'maxFileSize':
        if (typeof value === 'number' && Number.isFinite(value) && value > 0) config.maxFileSize = value;
        else errors.push({ file, message: '"maxFileSize" must be a positive number', ...find(key) });
        break;
      case 'rules':
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          config.rules = {};
          for (const [rule, sev] of Object.entries(value as Record<string, unknown>)) {
            if (typeof sev === 'string' && SEVERITIES.has(sev)) config.rules[rule] = sev as SeverityOrOff;
            else errors.push({ file, message: `rule "${rule}": severity must be one of error, warning, info, hint, off`, ...find(rule) });
          }
        } else errors.push({ file, message: '"rules" must be an object of rule id → severity', ...find(key) });
        break;
      default:
        errors.push({ file, message: `unknown key "${key}"`, ...find(key) });
    }
  }
  return { config, errors };
}

function locate(text: string, key: string): { offset?: number; length?: number } {
  const i = text.indexOf(`"${key}"`);
  return i >= 0 ? { offset: i, length: key.length + 2 } : {};
}

/** Config files that apply to `filePath`, farthest first, stopping at a file with `"root": true`. */
export function findConfigFiles(filePath: string): string[] {
  const found: string[] = [];
  let dir = path.resolve(path.dirname(filePath));
  for (let depth = 0; depth < 100; depth++) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) {
        found.unshift(candidate);
        if (/"root"\s*:\s*true/.test(safeRead(candidate) ?? '')) return found;
        break;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function safeRead(p: string): string | null {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}

/** Merge config layers (earlier layers are overridden by later ones) onto the defaults. */
export function mergeConfig(base: ResolvedConfig, layer: ReportLintConfig, source?: string): ResolvedConfig {
  return {
    profile: layer.profile ?? base.profile,
    rules: { ...base.rules, ...(layer.rules ?? {}) },
    maxFileSize: layer.maxFileSize ?? base.maxFileSize,
    sources: source ? [...base.sources, source] : base.sources,
    errors: base.errors,
    ...(base.customProfiles ? { customProfiles: base.customProfiles } : {}),
  };
}

export interface LoadOptions {
  /**
   * False in an untrusted workspace: custom profiles named in config files are then not read
   * (VS Code's workspace trust; the CLI is always trusted).
   */
  trusted?: boolean;
}

/** Largest custom profile file read. */
export const MAX_PROFILE_FILE_SIZE = 256 * 1024;

/** Read and validate the custom profiles one config file names. Never throws. */
export function loadCustomProfiles(configFile: string, configText: string, paths: string[], known: Set<string>): { profiles: Profile[]; errors: ConfigError[] } {
  const profiles: Profile[] = [];
  const errors: ConfigError[] = [];
  for (const rel of paths) {
    const where = locateValue(configText, rel);
    const full = path.resolve(path.dirname(configFile), rel);
    let text: string;
    try {
      if (fs.statSync(full).size > MAX_PROFILE_FILE_SIZE) {
        errors.push({ file: configFile, message: `profile "${rel}" is larger than ${MAX_PROFILE_FILE_SIZE} bytes`, ...where });
        continue;
      }
      text = fs.readFileSync(full, 'utf8');
    } catch {
      errors.push({ file: configFile, message: `cannot read profile "${rel}"`, ...where });
      continue;
    }
    const parseErrors: ParseError[] = [];
    const data = parseJsonc(text, parseErrors, { allowTrailingComma: true });
    if (parseErrors.length) {
      errors.push({ file: configFile, message: `profile "${rel}": JSON: ${printParseErrorCode(parseErrors[0].error)} at offset ${parseErrors[0].offset}`, ...where });
      continue;
    }
    const { profile, problems } = validateProfile(data);
    if (!profile) {
      const shown = problems.slice(0, 5).map((p) => `${p.path || '/'} ${p.message}`).join('; ');
      errors.push({ file: configFile, message: `profile "${rel}" is invalid: ${shown}`, ...where });
      continue;
    }
    if (known.has(profile.id)) {
      errors.push({ file: configFile, message: `profile "${rel}": id "${profile.id}" is already taken`, ...where });
      continue;
    }
    known.add(profile.id);
    profiles.push(profile);
  }
  return { profiles, errors };
}

function locateValue(text: string, value: string): { offset?: number; length?: number } {
  const i = text.indexOf(JSON.stringify(value));
  return i >= 0 ? { offset: i, length: JSON.stringify(value).length } : {};
}

/** Discover, read and merge the config files for one report file. Never throws. */
export function loadConfigFor(filePath: string, base: ResolvedConfig = defaultConfig(), options: LoadOptions = {}): ResolvedConfig {
  const trusted = options.trusted ?? true;
  let resolved = base;
  let profileSetIn: { file: string; text: string } | null = null;
  const known = new Set<string>([...builtinProfiles().map((p) => p.id), ...(base.customProfiles ?? []).map((p) => p.id)]);
  for (const file of findConfigFiles(filePath)) {
    const text = safeRead(file);
    if (text === null) {
      resolved = { ...resolved, errors: [...resolved.errors, { file, message: 'cannot read config file' }] };
      continue;
    }
    const { config, errors } = parseConfigText(text, file);
    resolved = mergeConfig(resolved, config, file);
    if (config.profile) profileSetIn = { file, text };
    if (errors.length) resolved = { ...resolved, errors: [...resolved.errors, ...errors] };
    if (config.profiles?.length) {
      if (!trusted) {
        resolved = {
          ...resolved,
          errors: [...resolved.errors, { file, severity: 'info', message: 'custom profiles are not loaded in an untrusted workspace', ...locate(text, 'profiles') }],
        };
      } else {
        const loaded = loadCustomProfiles(file, text, config.profiles, known);
        resolved = {
          ...resolved,
          customProfiles: [...(resolved.customProfiles ?? []), ...loaded.profiles],
          errors: [...resolved.errors, ...loaded.errors],
        };
      }
    }
  }
  // An unknown profile id falls back to detection, with an error where it was set.
  if (resolved.profile !== 'auto' && resolved.profile !== 'none' && !known.has(resolved.profile)) {
    const where = profileSetIn ? { file: profileSetIn.file, ...locateValue(profileSetIn.text, resolved.profile) } : { file: '(settings)' };
    resolved = {
      ...resolved,
      errors: [...resolved.errors, { ...where, message: `unknown profile "${resolved.profile}" (known: auto, none, ${[...known].join(', ')})` }],
      profile: 'auto',
    };
  }
  return resolved;
}
