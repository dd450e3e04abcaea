/**
 * Command-line arguments, parsed with node:util `parseArgs` (`--opt=value`, `--opt value`, `--`,
 * bundled short flags such as `-sf json`). parseArgs runs non-strict and the checks are done here,
 * so every usage error is one line in the chosen locale.
 */
import { parseArgs as nodeParseArgs } from 'util';
import { localize, normalizeLocale, type LocalizedText } from '../core/l10n';
import type { Locale, Severity } from '../core/types';
import { CLI_MESSAGES } from './messages';

export type Command = 'check' | 'outline' | 'stats' | 'fix' | 'rules';
export const COMMANDS: readonly Command[] = ['check', 'outline', 'stats', 'fix', 'rules'];

export interface Options {
  command: Command;
  paths: string[];
  format: string;
  failOn: Severity;
  configFile: string | null;
  locale: Locale;
  stdinName: string;
  /** `--force`: check every file given or found, not only those that look like reports. */
  force: boolean;
  /** `--summary` (true), `--no-summary` (false), or neither (null: automatic, see format.ts). */
  summary: boolean | null;
  /** `--max-per-rule N`: in text output, rules with more findings than this in a file are summarised. */
  maxPerRule: number | null;
  /** `stats --format csv`: start with a UTF-8 byte order mark (`--no-bom` turns it off). */
  bom: boolean;
  /** `fix --rules a,b`: only these rules' safe fixes (null: all of them). */
  rules: string[] | null;
  /** `fix --dry-run`: print a unified diff instead of writing. */
  dryRun: boolean;
  /** `--follow-symlinks`: folder walks follow links that lead outside the folders given. */
  followSymlinks: boolean;
}

export type Parsed = { kind: 'run'; options: Options } | { kind: 'help'; locale: Locale } | { kind: 'version' } | { kind: 'usage'; locale: Locale; message: string };

/** Every option: its type, short flag, the values it accepts and the commands it applies to. */
const OPTIONS = {
  format: { type: 'string', short: 'f', commands: ['check', 'outline', 'stats'] },
  'fail-on': { type: 'string', commands: ['check'] },
  config: { type: 'string', commands: ['check', 'fix'] },
  locale: { type: 'string', commands: null },
  'stdin-name': { type: 'string', commands: ['check', 'outline', 'stats'] },
  force: { type: 'boolean', commands: ['check', 'fix'] },
  summary: { type: 'boolean', short: 's', commands: ['check'] },
  'no-summary': { type: 'boolean', commands: ['check'] },
  'max-per-rule': { type: 'string', commands: ['check'] },
  'no-bom': { type: 'boolean', commands: ['stats'] },
  rules: { type: 'string', commands: ['fix'] },
  'dry-run': { type: 'boolean', short: 'n', commands: ['fix'] },
  'follow-symlinks': { type: 'boolean', commands: ['check', 'outline', 'stats', 'fix'] },
  help: { type: 'boolean', short: 'h', commands: null },
  version: { type: 'boolean', short: 'v', commands: null },
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string; commands: readonly Command[] | null }>;
type OptionName = keyof typeof OPTIONS;

/** The formats each command writes (the help lists exactly these). */
export const FORMATS: Record<Command, readonly string[]> = {
  check: ['text', 'json', 'sarif'],
  outline: ['text', 'json'],
  stats: ['text', 'json', 'csv'],
  fix: ['text'],
  rules: ['text'],
};
export const FAIL_ON: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
export const LOCALES = ['zh-cn', 'en'] as const;

export function localeFromEnv(env: Record<string, string | undefined>): Locale {
  return normalizeLocale(env.REPORTLINT_LOCALE || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

class UsageError extends Error {}

export function parseCommandLine(argv: string[], env: Record<string, string | undefined>): Parsed {
  let locale = localeFromEnv(env);
  const { tokens } = nodeParseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(OPTIONS).map(([k, v]) => [k, 'short' in v ? { type: v.type, short: v.short } : { type: v.type }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  // The locale first: every later message is in it. A bad --locale is reported in the environment's.
  for (const tok of tokens) {
    if (tok.kind === 'option' && tok.name === 'locale' && typeof tok.value === 'string') {
      const v = tok.value.toLowerCase();
      if ((LOCALES as readonly string[]).includes(v)) locale = normalizeLocale(v);
    }
  }
  const t = (m: LocalizedText, a?: Record<string, string>) => localize(m, locale, a);
  try {
    const positionals: string[] = [];
    const seen = new Map<OptionName, string | boolean>();
    const raw = new Map<OptionName, string>();
    for (const tok of tokens) {
      if (tok.kind === 'positional') positionals.push(tok.value);
      if (tok.kind !== 'option') continue;
      const name = tok.name as OptionName;
      const spec = (OPTIONS as Record<string, (typeof OPTIONS)[OptionName]>)[tok.name];
      if (!spec) throw new UsageError(t(CLI_MESSAGES.unknownOption, { opt: tok.rawName }));
      if (spec.type === 'boolean') {
        if (tok.value !== undefined) throw new UsageError(t(CLI_MESSAGES.noValueAllowed, { opt: tok.rawName }));
        seen.set(name, true);
      } else {
        // Non-strict parseArgs takes the next argument even when it is another option.
        if (tok.value === undefined || (!tok.inlineValue && tok.value.startsWith('-') && tok.value !== '-')) {
          throw new UsageError(t(CLI_MESSAGES.missingValue, { opt: tok.rawName }));
        }
        seen.set(name, tok.value);
      }
      raw.set(name, tok.rawName);
    }
    if (seen.has('help')) return { kind: 'help', locale };
    if (seen.has('version')) return { kind: 'version' };
    const [commandArg, ...paths] = positionals;
    if (commandArg === undefined) throw new UsageError(t(CLI_MESSAGES.noCommand));
    if (!(COMMANDS as readonly string[]).includes(commandArg)) throw new UsageError(t(CLI_MESSAGES.unknownCommand, { cmd: commandArg }));
    const command = commandArg as Command;
    for (const name of seen.keys()) {
      const allowed = OPTIONS[name].commands as readonly Command[] | null;
      if (allowed && !allowed.includes(command)) throw new UsageError(t(CLI_MESSAGES.optionNotFor, { opt: raw.get(name) ?? `--${name}`, cmd: command }));
    }
    const str = (n: OptionName) => seen.get(n) as string | undefined;
    const oneOf = (n: OptionName, allowed: readonly string[]): string | undefined => {
      const v = str(n);
      if (v !== undefined && !allowed.includes(v)) throw new UsageError(t(CLI_MESSAGES.badValue, { opt: `--${n}`, value: v, allowed: allowed.join('|') }));
      return v;
    };
    const localeArg = str('locale');
    if (localeArg !== undefined && !(LOCALES as readonly string[]).includes(localeArg.toLowerCase())) {
      throw new UsageError(t(CLI_MESSAGES.badValue, { opt: '--locale', value: localeArg, allowed: LOCALES.join('|') }));
    }
    let maxPerRule: number | null = null;
    const mpr = str('max-per-rule');
    if (mpr !== undefined) {
      if (!/^\d{1,6}$/.test(mpr)) throw new UsageError(t(CLI_MESSAGES.badNumber, { opt: '--max-per-rule', value: mpr }));
      maxPerRule = Number(mpr);
    }
    if (seen.has('summary') && seen.has('no-summary')) throw new UsageError(t(CLI_MESSAGES.conflicting, { a: '--summary', b: '--no-summary' }));
    const rulesArg = str('rules');
    const options: Options = {
      command,
      paths,
      format: oneOf('format', FORMATS[command]) ?? 'text',
      failOn: (oneOf('fail-on', FAIL_ON) ?? 'error') as Severity,
      configFile: str('config') ?? null,
      locale,
      stdinName: str('stdin-name') ?? 'stdin.txt',
      force: seen.has('force'),
      summary: seen.has('summary') ? true : seen.has('no-summary') ? false : null,
      maxPerRule,
      bom: !seen.has('no-bom'),
      rules: rulesArg === undefined ? null : rulesArg.split(',').map((s) => s.trim()).filter(Boolean),
      dryRun: seen.has('dry-run'),
      followSymlinks: seen.has('follow-symlinks'),
    };
    if (command !== 'rules' && !paths.length) throw new UsageError(t(CLI_MESSAGES.noPaths));
    if (command === 'rules' && paths.length) throw new UsageError(t(CLI_MESSAGES.unexpectedArgument, { arg: paths[0] }));
    if (command === 'fix' && paths.includes('-')) throw new UsageError(t(CLI_MESSAGES.fixNoStdin));
    return { kind: 'run', options };
  } catch (e) {
    if (e instanceof UsageError) return { kind: 'usage', locale, message: e.message };
    throw e;
  }
}

/** The one line a usage error prints: the problem, then where to read more. */
export function usageLine(p: { locale: Locale; message: string }): string {
  return `reportlint: ${p.message}${localize(CLI_MESSAGES.seeHelp, p.locale)}`;
}
