/**
 * `reportlint fix [--rules a,b] [--dry-run] PATH...`: applies the safe fixes (rules whose metadata
 * says `safeFix: true`, the set the editor's fix-all uses; core/safe-fixes.ts) in place, as
 * markdownlint-cli2 `--fix` and autocorrect `--fix` do. `--dry-run` prints a unified diff instead.
 * Files are written back in the encoding they were read in, atomically (a temporary file in the
 * same folder, then a rename), never through a symbolic link (node/fs-access.ts writeFileInside).
 */
import path = require('path');
import { Analysis } from '../core/analysis';
import { checkDecision } from '../core/config/check-decision';
import { localize, type LocalizedText } from '../core/l10n';
import { applySafeFixes, safeFixRules } from '../core/features/safe-fixes';
import type { Options } from './args';
import { fileResolver, loadExplicitConfig, loadInputs, reportProblems, EXIT_FAILURE, EXIT_OK, type CliIO, type LoadedFile } from './main';
import { CLI_MESSAGES } from './messages';
import { FsAccessError, writeFileInside, type FsProblemCode } from '../node/fs-access';
import type { Locale } from '../core/types';
import { usageLine } from './args';
import { iconv } from './files';

/** jsdiff, loaded on first use: only `--dry-run` prints a diff. */
let diffModule: typeof import('diff') | null = null;
function diff(): typeof import('diff') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (diffModule ??= require('diff') as typeof import('diff'));
}

export async function runFix(o: Options, io: CliIO): Promise<number> {
  const t = (m: LocalizedText, a?: Record<string, string | number>) => localize(m, o.locale, a);
  const safe = safeFixRules().map((r) => r.meta.id);
  let ruleIds: Set<string> | null = null;
  if (o.rules) {
    const bad = o.rules.filter((id) => !safe.includes(id));
    if (bad.length || !o.rules.length) {
      io.stderr(usageLine({ locale: o.locale, message: t(CLI_MESSAGES.unknownRules, { ids: bad.join(',') || '""', allowed: safe.join(',') }) }) + '\n');
      return EXIT_FAILURE;
    }
    ruleIds = new Set(o.rules);
  }
  const { files, problems } = await loadInputs(o, io);
  const explicit = loadExplicitConfig(o, problems);
  const resolver = fileResolver(o, explicit);
  let fixedFiles = 0;
  let fixes = 0;
  const diffs: string[] = [];
  const messages: string[] = [];
  for (const f of files) {
    // A Word document is never rewritten as text: the writer fixes it in Word.
    if (f.origins) {
      problems.push({ path: f.path, kind: 'notice', message: t(CLI_MESSAGES.fixNoDocx, { path: f.path }) });
      continue;
    }
    const config = resolver.config(f.path);
    for (const e of config.errors) {
      const line = t(CLI_MESSAGES.configError, { file: e.file, message: e.localized?.[o.locale] ?? e.message });
      if (!problems.some((p) => p.message === line)) problems.push({ path: e.file, kind: 'error', message: line });
    }
    const analysis = Analysis.fromText(f.text, { uri: f.path });
    const decision = checkDecision({ mode: o.force ? 'always' : 'auto', analysis, path: f.path, config });
    if (!decision.check) {
      problems.push({ path: f.path, kind: 'notice', message: t(CLI_MESSAGES.skippedNotReport, { path: f.path }) });
      continue;
    }
    const result = applySafeFixes(f.text, {
      uri: f.path,
      ruleIds,
      check: { config, locale: o.locale, ignores: resolver.ignores(f.path), forceReport: decision.force },
    });
    if (!result.applied.length) continue;
    const count = result.applied.reduce((n, a) => n + a.edits, 0);
    if (o.dryRun) {
      // Both sides labelled with the path as given, as `diff -u` does: `patch -p0` applies it.
      diffs.push(diff().createTwoFilesPatch(f.path, f.path, f.text, result.text, undefined, undefined, { context: 3 }).replace(/^(?:Index: .*\n)?=+\n/, ''));
      messages.push(t(CLI_MESSAGES.fixWouldApply, { path: f.path, count }));
    } else {
      const failure = writeAtomically(f, result.text, o.locale);
      if (failure) {
        problems.push({ path: f.path, kind: 'error', message: t(CLI_MESSAGES.fixWriteFailed, { path: f.path, error: failure }) });
        continue;
      }
      messages.push(t(CLI_MESSAGES.fixApplied, { path: f.path, count }));
    }
    fixedFiles++;
    fixes += count;
  }
  const failed = reportProblems(problems, io);
  if (diffs.length) io.stdout(diffs.join(''));
  for (const m of messages) io.stderr(m + '\n');
  io.stderr((fixes ? t(CLI_MESSAGES.fixSummary, { files: fixedFiles, count: fixes }) : t(CLI_MESSAGES.fixNone)) + '\n');
  return failed || !files.length ? EXIT_FAILURE : EXIT_OK;
}

/** The bytes of `text` in the encoding the file was read in (a byte order mark kept). */
export function encodeLike(encoding: string, text: string): Buffer {
  switch (encoding) {
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv().encode(text, 'utf-16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv().encode(text, 'utf-16be')]);
    case 'gb18030':
      return iconv().encode(text, 'gb18030');
    default:
      return Buffer.from(text, 'utf8');
  }
}

const WRITE_PROBLEM: Partial<Record<FsProblemCode, LocalizedText>> = {
  symlink: { 'zh-cn': '是符号链接，不经链接写入', en: 'a symbolic link; never written through' },
  'not-regular': { 'zh-cn': '不是普通文件', en: 'not a regular file' },
  permission: { 'zh-cn': '没有写入权限', en: 'permission denied' },
  'not-found': { 'zh-cn': '文件已不存在', en: 'the file is gone' },
};

/**
 * Replaces the file's content atomically with `text` in the file's own encoding, never through a
 * symbolic link (server/src/node/fs-access.ts: temporary file in the same folder, then a rename;
 * permissions kept). Returns an error text in the locale, or null.
 */
function writeAtomically(f: LoadedFile, text: string, locale: Locale): string | null {
  try {
    writeFileInside(f.path, encodeLike(f.encoding, text), path.dirname(path.resolve(f.path)));
    return null;
  } catch (e) {
    if (!(e instanceof FsAccessError)) return String(e);
    const known = WRITE_PROBLEM[e.code];
    return known ? localize(known, locale) : e.detail || e.code;
  }
}
