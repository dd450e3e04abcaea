import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { jsonc } from './jsonc';
import type { SeverityOrOff } from '../types';
import type { Profile } from '../profiles/types';
import { validateProfile } from '../profiles/load';
import { builtinProfiles } from '../profiles/registry';
import { configText as problemText, configTextWith, jsonProblem, type ConfigMessageKey, type ConfigText } from './config-messages';

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

/** A ConfigError's `message` (English) and `localized` texts. */
function withText(text: ConfigText): { message: string; localized: ConfigText } {
  return { message: text.en, localized: text };
}

export interface ConfigError {
  file: string;
  message: string;
  /** The same problem in each locale, when known (the CLI and the editor show the user's). */
  localized?: ConfigText;
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

/** At most this many problems are reported per config, profile or ignore file (answers stay bounded). */
export const MAX_FILE_ERRORS = 100;

/** Keys that would reach an object's prototype machinery; never accepted anywhere in a config. */
const PROTO_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

let knownRuleIds: Set<string> | null = null;
function ruleIds(): Set<string> {
  // Loaded on first use: the rule list imports every rule (none of which imports this file at run time).
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  if (!knownRuleIds) knownRuleIds = new Set((require('../rules') as typeof import('../rules')).DOCUMENTED_RULES.map((r) => r.meta.id));
  return knownRuleIds;
}

/** The known id nearest to `id` (edit distance at most a third of its length), or null. */
export function nearestId(id: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(id.length / 3)) + 1;
  if (id.length > 64) return null;
  for (const k of known) {
    if (Math.abs(k.length - id.length) >= bestD) continue;
    const d = editDistance(id, k, bestD);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length];
}

/** Collects a file's problems, at most MAX_FILE_ERRORS of them plus one line saying how many more. */
export class ErrorList {
  readonly errors: ConfigError[] = [];
  private dropped = 0;
  constructor(private readonly file: string) {}
  add(text: string | ConfigText, at?: { offset: number; length: number }, severity?: 'error' | 'info'): void {
    if (this.errors.length >= MAX_FILE_ERRORS) {
      this.dropped++;
      return;
    }
    const message = typeof text === 'string' ? text : text.en;
    const localized = typeof text === 'string' ? {} : { localized: text };
    this.errors.push({ file: this.file, message, ...localized, ...(at ? { offset: at.offset, length: at.length } : {}), ...(severity ? { severity } : {}) });
  }
  /** Like add, with the text built only when it will be kept (100,000 problems cost 100 texts). */
  addText(key: ConfigMessageKey, args?: Record<string, string | number>, at?: { offset: number; length: number }, severity?: 'error' | 'info'): void {
    if (this.errors.length >= MAX_FILE_ERRORS) {
      this.dropped++;
      return;
    }
    this.add(problemText(key, args), at, severity);
  }
  get full(): boolean {
    return this.errors.length >= MAX_FILE_ERRORS;
  }
  done(): ConfigError[] {
    if (this.dropped) {
      const localized = problemText('more', { count: this.dropped });
      this.errors.push({ file: this.file, message: localized.en, localized });
    }
    return this.errors;
  }
}

/** Where a property's key is, for error locations. */
function keyAt(prop: JsonNode): { offset: number; length: number } {
  const key = prop.children?.[0] ?? prop;
  return { offset: key.offset, length: key.length };
}

/** Where the value at `jsonPath` is in a parsed config (null when absent). */
export function locateInConfig(text: string, jsonPath: (string | number)[]): { offset: number; length: number } | null {
  const tree = jsonc().parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = tree ? jsonc().findNodeAtLocation(tree, jsonPath) : undefined;
  return node ? { offset: node.offset, length: node.length } : null;
}

/**
 * Parse and validate one config file's text. Invalid parts are dropped with an error each, located
 * from the parser's own offsets (linear in the file): JSON syntax, unknown keys, bad values,
 * unknown rule ids (with the nearest known id), `__proto__` / `constructor` keys.
 */
export function parseConfigText(text: string, file: string): { config: ReportLintConfig; errors: ConfigError[] } {
  const errors = new ErrorList(file);
  const parseErrors: ParseError[] = [];
  const raw: unknown = jsonc().parse(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  for (const e of parseErrors) errors.add(errors.full ? '' : jsonProblem(jsonc().printParseErrorCode(e.error)), { offset: e.offset, length: e.length });
  if (parseErrors.length) return { config: {}, errors: errors.done() };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    errors.addText('notObject');
    return { config: {}, errors: errors.done() };
  }
  // The keys in order with their offsets, from the parser's events (no tree is built).
  type Key = { key: string; offset: number; length: number };
  const top: Key[] = [];
  const ruleKeys: Key[] = [];
  let depth = 0;
  let inRules = false;
  jsonc().visit(
    text,
    {
      onObjectBegin: () => void depth++,
      onObjectEnd: () => {
        depth--;
        if (depth === 1) inRules = false;
      },
      onArrayBegin: () => void depth++,
      onArrayEnd: () => void depth--,
      onObjectProperty: (key, offset, length) => {
        if (depth === 1) {
          top.push({ key, offset, length });
          inRules = key === 'rules';
        } else if (depth === 2 && inRules) ruleKeys.push({ key, offset, length });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  const own = (o: object, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined);
  const config: ReportLintConfig = {};
  for (const { key, offset, length } of top) {
    const at = { offset, length };
    if (PROTO_KEYS.has(key)) {
      errors.addText('keyNotAllowed', { key }, at);
      continue;
    }
    const value = own(raw, key);
    switch (key) {
      case '$schema':
        break;
      case 'profile':
        if (typeof value === 'string' && value.length > 0 && value.length <= 100) config.profile = value;
        else errors.addText('profile', undefined, at);
        break;
      case 'profiles':
        if (Array.isArray(value) && value.length <= 20 && value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 260)) config.profiles = value as string[];
        else errors.addText('profiles', undefined, at);
        break;
      case 'root':
        if (typeof value === 'boolean') config.root = value;
        else errors.addText('root', undefined, at);
        break;
      case 'maxFileSize':
        if (typeof value === 'number' && Number.isFinite(value) && value > 0) config.maxFileSize = value;
        else errors.addText('maxFileSize', undefined, at);
        break;
      case 'rules':
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          const rules: Record<string, SeverityOrOff> = {};
          const known = ruleIds();
          for (const r of ruleKeys) {
            const rule = r.key;
            const where = { offset: r.offset, length: r.length };
            if (PROTO_KEYS.has(rule)) {
              errors.addText('ruleKeyNotAllowed', { rule }, where);
              continue;
            }
            const sev = own(value, rule);
            if (!known.has(rule)) {
              // Only the first problems get a suggestion: the answer stays bounded and linear.
              const near = errors.full ? null : nearestId(rule, known);
              if (near) errors.addText('unknownRuleNear', { rule, near }, where);
              else errors.addText('unknownRule', { rule }, where);
            } else if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[rule] = sev as SeverityOrOff;
            else errors.addText('severity', { rule }, where);
          }
          config.rules = rules;
        } else errors.addText('rules', undefined, at);
        break;
      default:
        errors.addText('unknownKey', { key }, at);
    }
  }
  return { config, errors: errors.done() };
}

/** True when a config text says `"root": true` (discovery stops there). */
export function isRootConfig(text: string): boolean {
  const parsed = jsonc().parse(text, [], { allowTrailingComma: true }) as { root?: unknown } | null;
  return !!parsed && typeof parsed === 'object' && Object.prototype.hasOwnProperty.call(parsed, 'root') && parsed.root === true;
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

/** A config file as read by the node side: its text, or why it could not be read. */
export interface ConfigLayer {
  file: string;
  text: string | null;
  problem?: string;
  /** `problem` in both locales, when the reader gives it. */
  problemText?: ConfigText;
}

/** Reads a custom profile named in a config file (node side; the core never touches files). */
export type ProfileReader = (configFile: string, rel: string) => { ok: true; text: string } | { ok: false; message: string; problem?: ConfigText };

/** Validate the custom profiles one config file names, from the texts `read` gives. Never throws. */
export function profilesFromConfig(configFile: string, configText: string, paths: string[], known: Set<string>, read: ProfileReader): { profiles: Profile[]; errors: ConfigError[] } {
  const profiles: Profile[] = [];
  const errors = new ErrorList(configFile);
  paths.forEach((rel, i) => {
    const where = locateInConfig(configText, ['profiles', i]) ?? undefined;
    const got = read(configFile, rel);
    if (!got.ok) {
      if (got.problem) errors.add(configTextWith('profileUnreadable', { rel }, { problem: got.problem }), where);
      else errors.addText('profileUnreadable', { rel, problem: got.message }, where);
      return;
    }
    const parseErrors: ParseError[] = [];
    const data = jsonc().parse(got.text, parseErrors, { allowTrailingComma: true });
    if (parseErrors.length) {
      errors.add(configTextWith('profileJson', { rel, offset: parseErrors[0].offset }, { problem: jsonProblem(jsonc().printParseErrorCode(parseErrors[0].error)) }), where);
      return;
    }
    const proto = findProtoKey(jsonc().parseTree(got.text, [], { allowTrailingComma: true }));
    if (proto) {
      errors.addText('profileKey', { rel, key: proto }, where);
      return;
    }
    const { profile, problems } = validateProfile(data);
    if (!profile) {
      const shown = (l: 'zh-cn' | 'en') => problems.slice(0, 5).map((p) => `${p.path || '/'} ${p.localized[l]}`).join(l === 'en' ? '; ' : '；');
      errors.add(configTextWith('profileInvalid', { rel }, { problems: { 'zh-cn': shown('zh-cn'), en: shown('en') } }), where);
      return;
    }
    if (known.has(profile.id)) {
      errors.addText('profileTaken', { rel, id: profile.id }, where);
      return;
    }
    known.add(profile.id);
    profiles.push(profile);
  });
  return { profiles, errors: errors.done() };
}

/** The first `__proto__` / `constructor` / `prototype` key anywhere in a JSON tree. */
function findProtoKey(node: JsonNode | undefined): string | null {
  if (!node) return null;
  const stack: JsonNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'property' && n.children?.[0] && PROTO_KEYS.has(String(n.children[0].value))) return String(n.children[0].value);
    if (n.children) stack.push(...n.children);
  }
  return null;
}

/**
 * Merge the config files that apply to one report (farthest first, as read by the node side) onto
 * `base`, loading the custom profiles they name through `readProfile`. Never throws.
 */
export function resolveConfig(layers: readonly ConfigLayer[], base: ResolvedConfig, options: LoadOptions & { readProfile: ProfileReader }): ResolvedConfig {
  const trusted = options.trusted ?? true;
  let resolved = base;
  let profileSetIn: { file: string; text: string } | null = null;
  const known = new Set<string>([...builtinProfiles().map((p) => p.id), ...(base.customProfiles ?? []).map((p) => p.id)]);
  for (const { file, text, problem, problemText: why } of layers) {
    if (text === null) {
      const message = why ? configTextWith('configUnreadableWhy', {}, { problem: why }) : problem ? problemText('configUnreadableWhy', { problem }) : problemText('configUnreadable');
      resolved = { ...resolved, errors: [...resolved.errors, { file, ...withText(message) }] };
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
          errors: [...resolved.errors, { file, severity: 'info', ...withText(problemText('untrusted')), ...(locateKey(text, 'profiles') ?? {}) }],
        };
      } else {
        const loaded = profilesFromConfig(file, text, config.profiles, known, options.readProfile);
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
    const where = profileSetIn ? { file: profileSetIn.file, ...(locateInConfig(profileSetIn.text, ['profile']) ?? {}) } : { file: '(settings)' };
    resolved = {
      ...resolved,
      errors: [...resolved.errors, { ...where, ...withText(problemText('unknownProfile', { profile: resolved.profile, known: ['auto', 'none', ...known].join(', ') })) }],
      profile: 'auto',
    };
  }
  return resolved;
}

/** Where a top-level key is in a config text (null when absent). */
export function locateKey(text: string, key: string): { offset: number; length: number } | null {
  const tree = jsonc().parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const prop = tree?.children?.find((p) => p.children?.[0]?.value === key);
  return prop ? keyAt(prop) : null;
}
