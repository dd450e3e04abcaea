import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Analysis } from '../core/analysis';
import { checkDocument } from '../core/check';
import { defaultConfig, loadCustomProfiles, mergeConfig, parseConfigText, type ResolvedConfig } from '../core/config';
import { builtinProfiles } from '../core/profiles/registry';
import { localize, normalizeLocale, type LocalizedText } from '../core/l10n';
import { outlineToJson, outlineToText } from '../core/outline/serialize';
import { statsSummary, statsToCsv, statsToText } from '../core/figures/summary';
import { ALL_RULES } from '../core/rules';
import { SEVERITY_RANK, type Locale, type Severity } from '../core/types';
import { collectFiles, decodeBuffer, readProblemMessage, type FileProblem } from './files';
import { MAX_REPORT_BYTES, readRegularFile } from '../node/fs-access';
import { fileResult, formatJson, formatSarif, formatText, type FileResult } from './format';
import { CLI_MESSAGES } from './messages';
import { epochMs, runWorker, startWorkers, workerCount, type CheckSettings, type FileResolver, type WorkerPool, type WorkerTiming } from './parallel';
import { ResolveCache } from './resolve-cache';
import { runExport } from './export';

const EXPORT_USAGE = {
  onePath: { 'zh-cn': 'export 只接受一个报告文件：reportlint export --format docx 文件 [-o 输出.docx]', en: 'export takes one report file: reportlint export --format docx FILE [-o OUT.docx]' },
} satisfies Record<string, LocalizedText>;
import { docxProblemMessage, isDocxPath, readDocx, type LineOrigin } from '../node/docx';

declare const REPORTLINT_VERSION: string | undefined;
const VERSION = typeof REPORTLINT_VERSION === 'string' ? REPORTLINT_VERSION : '0.0.0-dev';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Buffer>;
  env: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

class UsageError extends Error {}

interface Options {
  command: string;
  paths: string[];
  format: string;
  failOn: Severity;
  configFile: string | null;
  locale: Locale;
  stdinName: string;
  /** `--follow-symlinks`: folder walks follow links that lead outside the folders given. */
  followSymlinks: boolean;
  /** `export -o OUT`. */
  output: string | null;
}

function parseArgs(argv: string[], env: CliIO['env']): Options | 'help' | 'version' {
  const localeFromEnv = normalizeLocale(env.REPORTLINT_LOCALE || env.LC_ALL || env.LC_MESSAGES || env.LANG);
  const opts: Options = { command: '', paths: [], format: 'text', failOn: 'error', configFile: null, locale: localeFromEnv, stdinName: 'stdin.txt', followSymlinks: false, output: null };
  // The locale must be known before any usage error is printed.
  const li = argv.indexOf('--locale');
  if (li >= 0 && argv[li + 1]) opts.locale = normalizeLocale(argv[li + 1]);
  const t = (m: LocalizedText, a?: Record<string, string>) => localize(m, opts.locale, a);
  const value = (i: number, opt: string) => {
    const v = argv[i + 1];
    if (v === undefined) throw new UsageError(t(CLI_MESSAGES.missingValue, { opt }));
    return v;
  };
  const oneOf = (opt: string, v: string, allowed: string[]) => {
    if (!allowed.includes(v)) throw new UsageError(t(CLI_MESSAGES.badValue, { opt, value: v, allowed: allowed.join('|') }));
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--format') opts.format = oneOf(a, value(i++, a), ['text', 'json', 'sarif', 'csv', 'docx']);
    else if (a === '-o' || a === '--output') opts.output = value(i++, a);
    else if (a === '--fail-on') opts.failOn = oneOf(a, value(i++, a), ['error', 'warning', 'info', 'hint']) as Severity;
    else if (a === '--config') opts.configFile = value(i++, a);
    else if (a === '--locale') opts.locale = normalizeLocale(oneOf(a, value(i++, a), ['zh-cn', 'zh-CN', 'en']));
    else if (a === '--stdin-name') opts.stdinName = value(i++, a);
    else if (a === '--follow-symlinks') opts.followSymlinks = true;
    else if (a.startsWith('--') || (a.startsWith('-') && a !== '-')) throw new UsageError(t(CLI_MESSAGES.unknownOption, { opt: a }));
    else if (!opts.command) opts.command = a;
    else opts.paths.push(a);
  }
  return opts;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  let opts: Options | 'help' | 'version';
  const fallbackLocale = normalizeLocale(io.env.REPORTLINT_LOCALE || io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  try {
    opts = parseArgs(argv, io.env);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`reportlint: ${e.message}\n${localize(CLI_MESSAGES.usage, fallbackLocale)}\n`);
      return EXIT_FAILURE;
    }
    throw e;
  }
  if (opts === 'help') {
    io.stdout(localize(CLI_MESSAGES.usage, fallbackLocale) + '\n');
    return EXIT_OK;
  }
  if (opts === 'version') {
    io.stdout(VERSION + '\n');
    return EXIT_OK;
  }
  const o = opts;
  const t = (m: LocalizedText, a?: Record<string, string | number>) => localize(m, o.locale, a);
  const usage = (msg: string) => {
    io.stderr(`reportlint: ${msg}\n${t(CLI_MESSAGES.usage)}\n`);
    return EXIT_FAILURE;
  };
  if (o.format === 'docx' && o.command !== 'export') return usage(t(CLI_MESSAGES.badValue, { opt: '--format', value: 'docx', allowed: 'text|json|sarif|csv' }));
  switch (o.command) {
    case 'export':
      if (o.paths.length !== 1 || o.paths[0] === '-') return usage(t(EXPORT_USAGE.onePath));
      // docx is the only export format so far: it is also the default.
      if (o.format !== 'docx' && o.format !== 'text') return usage(t(CLI_MESSAGES.badValue, { opt: '--format', value: o.format, allowed: 'docx' }));
      return runExport(o.paths[0], o.output, o.locale, io.stderr);
    case 'check':
      if (!o.paths.length) return usage(t(CLI_MESSAGES.noPaths));
      if (o.format === 'csv') return usage(t(CLI_MESSAGES.badValue, { opt: '--format', value: 'csv', allowed: 'text|json|sarif' }));
      return runCheck(o, io);
    case 'outline':
      if (o.paths.length !== 1) return usage(t(CLI_MESSAGES.onePath));
      if (o.format === 'sarif' || o.format === 'csv') return usage(t(CLI_MESSAGES.badValue, { opt: '--format', value: o.format, allowed: 'text|json' }));
      return runOutline(o, io);
    case 'stats':
      if (!o.paths.length) return usage(t(CLI_MESSAGES.noPaths));
      if (o.format === 'sarif') return usage(t(CLI_MESSAGES.badValue, { opt: '--format', value: 'sarif', allowed: 'text|json|csv' }));
      return runStats(o, io);
    case 'rules':
      for (const r of ALL_RULES) io.stdout(`${r.meta.id}\t${r.meta.defaultSeverity}\t${r.meta.description[o.locale]}\n`);
      return EXIT_OK;
    case '':
      io.stdout(t(CLI_MESSAGES.usage) + '\n');
      return EXIT_FAILURE;
    default:
      return usage(t(CLI_MESSAGES.unknownCommand, { cmd: o.command }));
  }
}

interface LoadedFile {
  path: string;
  text: string;
  /** A .docx: where each line of its text view comes from. */
  origins?: LineOrigin[];
}

/**
 * Read the inputs (files, folders, `-`), reporting every problem; never throws. `onCollected` is
 * told how many inputs there are before any is read; `onFile` gets each file as it is decoded.
 */
async function loadInputs(
  o: Options,
  io: CliIO,
  onCollected?: (count: number) => void,
  onFile?: (file: LoadedFile, index: number) => void,
): Promise<{ files: LoadedFile[]; problems: FileProblem[] }> {
  const t = (m: LocalizedText, a?: Record<string, string | number>) => localize(m, o.locale, a);
  const problems: FileProblem[] = [];
  const files: LoadedFile[] = [];
  const fsPaths = o.paths.filter((p) => p !== '-');
  const collected = collectFiles(fsPaths, {
    notFound: (p) => t(CLI_MESSAGES.notFound, { path: p }),
    permission: (p) => t(CLI_MESSAGES.permission, { path: p }),
    loop: (p) => t(CLI_MESSAGES.loop, { path: p }),
    unreadableDir: (p, e) => t(CLI_MESSAGES.unreadableDir, { path: p, error: e }),
    emptyFolder: (p) => t(CLI_MESSAGES.emptyFolder, { path: p }),
    notRegular: (p) => t(CLI_MESSAGES.notRegular, { path: p }),
    outsideRoot: (p, target) => t(CLI_MESSAGES.outsideRoot, { path: p, target }),
    brokenLink: (p) => t(CLI_MESSAGES.brokenLink, { path: p }),
  }, { followSymlinks: o.followSymlinks });
  problems.push(...collected.problems);
  const decode = (p: string, buf: Buffer) => {
    const d = decodeBuffer(buf);
    if (!d.ok) {
      problems.push({ path: p, kind: d.reason === 'binary' ? 'notice' : 'error', message: t(d.reason === 'binary' ? CLI_MESSAGES.binary : CLI_MESSAGES.badEncoding, { path: p }) });
      return;
    }
    if (d.encoding === 'gb18030') problems.push({ path: p, kind: 'notice', message: t(CLI_MESSAGES.decodedGbk, { path: p }) });
    const file = { path: p, text: d.text };
    files.push(file);
    onFile?.(file, files.length - 1);
  };
  // A .docx is read as its text view (node/docx); a file it cannot read is reported by name.
  const readWord = async (p: string, buf: Buffer) => {
    try {
      const d = await readDocx(buf);
      const file = { path: p, text: d.text, origins: d.origins };
      files.push(file);
      onFile?.(file, files.length - 1);
    } catch (e) {
      problems.push({ path: p, kind: 'error', message: docxProblemMessage(e, p === '-' ? o.stdinName : p, o.locale) });
    }
  };
  onCollected?.(collected.files.length + (o.paths.includes('-') ? 1 : 0));
  if (o.paths.includes('-')) {
    const input = await io.readStdin();
    if (isDocxPath(o.stdinName)) await readWord('-', input);
    else decode('-', input);
  }
  for (const p of collected.files) {
    const read = readRegularFile(p, MAX_REPORT_BYTES);
    if (!read.ok) {
      problems.push({ path: p, kind: 'error', message: readProblemMessage(read, o.locale) });
      continue;
    }
    if (isDocxPath(p)) await readWord(p, read.data);
    else decode(p, read.data);
  }
  return { files, problems };
}

/**
 * How the configuration and the sidecar entries of each file are found: the --config file for
 * every file, or the config files around it; folders are resolved once (the same in the main
 * thread and in the workers).
 */
function fileResolver(o: Pick<Options, 'stdinName'>, explicit: ResolvedConfig | null): FileResolver {
  const cache = new ResolveCache();
  return {
    config: (filePath) => explicit ?? cache.config(filePath === '-' ? path.join(process.cwd(), o.stdinName) : filePath),
    ignores: (filePath) => (filePath === '-' ? [] : cache.ignores(filePath)),
  };
}

function loadExplicitConfig(o: Pick<Options, 'configFile' | 'locale'>, problems: FileProblem[]): ResolvedConfig | null {
  if (!o.configFile) return null;
  const t = (m: LocalizedText, a?: Record<string, string | number>) => localize(m, o.locale, a);
  let text: string;
  try {
    text = fs.readFileSync(o.configFile, 'utf8');
  } catch (e) {
    problems.push({ path: o.configFile, kind: 'error', message: t(CLI_MESSAGES.unreadable, { path: o.configFile, error: (e as Error).message }) });
    return defaultConfig();
  }
  const { config, errors } = parseConfigText(text, o.configFile);
  const merged = mergeConfig(defaultConfig(), config, o.configFile);
  if (config.profiles?.length) {
    const loaded = loadCustomProfiles(o.configFile, text, config.profiles, new Set(builtinProfiles().map((p) => p.id)));
    return { ...merged, customProfiles: loaded.profiles, errors: [...errors, ...loaded.errors] };
  }
  return { ...merged, errors };
}

function reportProblems(problems: FileProblem[], io: CliIO): boolean {
  let failed = false;
  for (const p of problems) {
    io.stderr(`reportlint: ${p.message}\n`);
    if (p.kind === 'error') failed = true;
  }
  return failed;
}

async function runCheck(o: Options, io: CliIO): Promise<number> {
  const t = (m: LocalizedText, a?: Record<string, string | number>) => localize(m, o.locale, a);
  const marks: [string, number][] = [['start', epochMs()]];
  const displayPath = (p: string) => (p === '-' ? o.stdinName : p);
  // Many files: check them on worker threads across the cores (same results, same order). The
  // workers start as soon as the files are counted and get each file as soon as it is read.
  const started: { pool: WorkerPool | null } = { pool: null };
  const settings: CheckSettings = { locale: o.locale, format: o.format, configFile: o.configFile, stdinName: o.stdinName };
  const { files, problems } = await loadInputs(
    o,
    io,
    (count) => {
      marks.push(['collected', epochMs()]);
      const workers = workerCount(count, io.env);
      if (workers > 0) started.pool = startWorkers(workers, settings, __filename);
    },
    (f, index) => started.pool?.add({ index, path: f.path, displayPath: displayPath(f.path), text: f.text, origins: f.origins }),
  );
  marks.push(['read', epochMs()]);
  const explicit = loadExplicitConfig(o, problems);
  const resolver = fileResolver(o, explicit);
  const configProblems = new Set<string>();
  const configs: ResolvedConfig[] = [];
  for (const f of files) {
    const config = resolver.config(f.path);
    configs.push(config);
    for (const e of config.errors) {
      const line = t(CLI_MESSAGES.configError, { file: e.file, message: e.message });
      if (!configProblems.has(line)) {
        configProblems.add(line);
        problems.push({ path: e.file, kind: 'error', message: line });
      }
    }
  }
  marks.push(['configs', epochMs()]);
  let results: FileResult[] = [];
  let sequentialCheckMs = 0;
  if (started.pool) {
    results = await started.pool.finish();
  } else {
    files.forEach((f, i) => {
      const ignores = resolver.ignores(f.path);
      const t0 = epochMs();
      const analysis = Analysis.fromText(f.text, { uri: displayPath(f.path) });
      results.push(fileResult(displayPath(f.path), checkDocument(analysis, { config: configs[i], locale: o.locale, ignores }), f.origins));
      sequentialCheckMs += epochMs() - t0;
    });
  }
  marks.push(['checked', epochMs()]);
  const ioFailed = reportProblems(problems, io);
  const output = o.format === 'json' ? formatJson(results) : o.format === 'sarif' ? formatSarif(results, VERSION, o.locale) : formatText(results, o.locale);
  marks.push(['formatted', epochMs()]);
  if (output) io.stdout(output + '\n');
  marks.push(['written', epochMs()]);
  if (io.env.REPORTLINT_TIMING === '1') io.stderr(timingReport(marks, started.pool?.timings ?? [], sequentialCheckMs, files.length));
  const count = (s: Severity) => results.reduce((n, r) => n + r.counts[s], 0);
  io.stderr(t(CLI_MESSAGES.summary, { files: results.length, errors: count('error'), warnings: count('warning'), infos: count('info') + count('hint') }) + '\n');
  if (ioFailed) return EXIT_FAILURE;
  const threshold = SEVERITY_RANK[o.failOn];
  const failing = results.some((r) => (Object.keys(r.counts) as Severity[]).some((s) => r.counts[s] > 0 && SEVERITY_RANK[s] >= threshold));
  return failing ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * REPORTLINT_TIMING=1 (developers, benchmark): one line on stderr, `reportlint-timing {…}`, with
 * the phases of `check` in milliseconds since the process started and, per worker thread, when
 * it was ready, when it finished and how long the checks themselves took.
 */
function timingReport(marks: [string, number][], workers: readonly WorkerTiming[], sequentialCheckMs: number, files: number): string {
  const origin = performance.timeOrigin;
  const at = (ms: number) => Math.round(ms - origin);
  const phases = Object.fromEntries(marks.map(([k, v]) => [k, at(v)]));
  const report = {
    files,
    phases,
    checkMs: Math.round(workers.reduce((n, w) => n + w.checkMs, sequentialCheckMs)),
    workers: workers.map((w) => ({ ready: at(w.readyAt), done: at(w.doneAt), checkMs: Math.round(w.checkMs), files: w.files })),
  };
  return `reportlint-timing ${JSON.stringify(report)}\n`;
}

/** `reportlint stats`: the statistics summary (数据核对表) of each file. Exit 0 unless input failed. */
async function runStats(o: Options, io: CliIO): Promise<number> {
  const { files, problems } = await loadInputs(o, io);
  const failed = reportProblems(problems, io);
  const rows = files.map((f) => {
    const displayPath = f.path === '-' ? o.stdinName : f.path;
    return { path: displayPath, docx: !!f.origins, summary: statsSummary(Analysis.fromText(f.text, { uri: displayPath })) };
  });
  if (o.format === 'json') {
    const entry = (r: (typeof rows)[number]) => (r.docx ? { path: r.path, source: 'docx', coverage: r.summary.coverage, claims: r.summary.claims } : { path: r.path, coverage: r.summary.coverage, claims: r.summary.claims });
    io.stdout(JSON.stringify({ files: rows.map(entry) }, null, 2) + '\n');
  } else if (o.format === 'csv') {
    io.stdout(statsToCsv(rows));
  } else {
    for (const r of rows) io.stdout(statsToText(r.path, r.summary, o.locale));
  }
  return failed || !files.length ? EXIT_FAILURE : EXIT_OK;
}

async function runOutline(o: Options, io: CliIO): Promise<number> {
  const { files, problems } = await loadInputs(o, io);
  const failed = reportProblems(problems, io);
  if (!files.length) return EXIT_FAILURE;
  const f = files[0];
  const displayPath = f.path === '-' ? o.stdinName : f.path;
  const analysis = Analysis.fromText(f.text, { uri: displayPath });
  if (o.format === 'json') {
    const json = outlineToJson(analysis, displayPath);
    const { path: jsonPath, ...rest } = json;
    io.stdout(JSON.stringify(f.origins ? { path: jsonPath, source: 'docx', ...rest } : json, null, 2) + '\n');
  } else {
    const title = analysis.outline.title;
    if (title) io.stdout(title.text + '\n');
    const body = outlineToText(analysis);
    if (body) io.stdout(body + '\n');
    if (!analysis.outline.looksLikeReport) io.stderr(localize(CLI_MESSAGES.notReport, o.locale, { path: displayPath }) + '\n');
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}

/** Entry point of the CLI's worker threads (see parallel.ts): configuration resolved exactly as above. */
export function workerMain(): void {
  runWorker((s: CheckSettings) => fileResolver({ stdinName: s.stdinName }, loadExplicitConfig({ configFile: s.configFile, locale: s.locale }, [])));
}

/** Entry point for bin/reportlint.js. */
export function run(): void {
  const io: CliIO = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        process.stdin.on('data', (c: Buffer) => chunks.push(c));
        process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
        process.stdin.on('error', reject);
      }),
    env: process.env,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`reportlint: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = EXIT_FAILURE;
    },
  );
}
