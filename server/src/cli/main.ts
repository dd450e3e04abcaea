import path = require('path');
import { Analysis } from '../core/analysis';
import { checkDocument } from '../core/check';
import { defaultConfig, mergeConfig, parseConfigText, type ConfigError, type ResolvedConfig } from '../core/config/config';
import { loadCustomProfiles, readConfigLayer } from '../node/config-files';
import { allProfiles, builtinProfiles } from '../core/profiles/registry';
import { activeProfile } from '../core/profiles/detect';
import { statisticalTables } from '../core/statistical-tables';
import { crossYearForTexts } from '../core/statistical-tables/cross-year';
import { localize, normalizeLocale, type LocalizedText } from '../core/l10n';
import { outlineToJson, outlineToText } from '../core/outline/serialize';
import { statsSummary, statsToCsv, statsToText } from '../core/figures/summary';
import { DOCUMENTED_RULES } from '../core/rules';
import { SEVERITY_RANK, type Finding, type Locale, type Severity } from '../core/types';
import { collectFiles, decodeBuffer, decodeProblem, readProblemMessage, readStreamCapped, type FileProblem } from './files';
import { MAX_REPORT_BYTES, readRegularFile } from '../node/fs-access';
import { DEFAULT_MAX_PER_RULE, fileResult, formatJson, formatSarif, formatText, reportedFinding, settledResult, type CrossYearKey, type FileResult, type TextOptions } from './format';
import { checkOneFile } from './check-file';
import { CLI_MESSAGES } from './messages';
import { escapeForTerminal } from './escape';
import { localeFromEnv, parseCommandLine, usageLine, type Options } from './args';
import { runFix } from './fix';
import { epochMs, runWorker, startWorkers, threadCpuMs, workerCount, type CheckSettings, type FileResolver, type WorkerPool, type WorkerTiming } from './parallel';
import { ResolveCache } from './resolve-cache';
import { runExport } from './export';

import { docxProblemMessage, isDocxPath, readDocx, type LineOrigin } from '../node/docx';

declare const REPORTLINT_VERSION: string | undefined;
const VERSION = typeof REPORTLINT_VERSION === 'string' ? REPORTLINT_VERSION : '0.0.0-dev';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard input, read to its end; null once it runs past `maxBytes` (reading stops there). */
  readStdin: (maxBytes: number) => Promise<Buffer | null>;
  env: Record<string, string | undefined>;
  /** Set by main once the locale is known, for the messages written after it returns. */
  locale?: Locale;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/** Whether this process ran a command that reads documents (see checkedDocuments). */
let readDocuments = false;

/**
 * Whether this process ran a command that checks, reads or converts documents (not `rules`,
 * `--help`, `--version` or a usage error): bin/compile-cache.js asks at exit, and only such a run
 * writes the full code cache of the bundle (one that holds the checking code).
 */
export function checkedDocuments(): boolean {
  return readDocuments;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandLine(argv, io.env);
  if (parsed.kind === 'usage') {
    io.locale = parsed.locale;
    io.stderr(usageLine(parsed) + '\n');
    return EXIT_FAILURE;
  }
  if (parsed.kind === 'help') {
    io.stdout(localize(CLI_MESSAGES.usage, parsed.locale) + '\n');
    return EXIT_OK;
  }
  if (parsed.kind === 'version') {
    io.stdout(VERSION + '\n');
    return EXIT_OK;
  }
  const o = parsed.options;
  io.locale = o.locale;
  readDocuments = o.command !== 'rules';
  switch (o.command) {
    case 'export':
      return runExport(o.paths[0], o.output, o.locale, io.stderr);
    case 'check':
      return runCheck(o, io);
    case 'outline':
      return runOutline(o, io);
    case 'stats':
      return runStats(o, io);
    case 'fix':
      return runFix(o, io);
    case 'rules':
      for (const r of DOCUMENTED_RULES) io.stdout(`${r.meta.id}\t${r.meta.defaultSeverity}\t${r.meta.description[o.locale]}\n`);
      return EXIT_OK;
  }
}

export interface LoadedFile {
  path: string;
  text: string;
  /** A .docx: where each line of its text view comes from. */
  origins?: LineOrigin[];
  /** How the file was decoded (`fix` writes it back the same way). */
  encoding: string;
}

/**
 * Read the inputs (files, folders, `-`), reporting every problem; never throws. `onCollected` is
 * told how many inputs there are before any is read; `onFile` gets each file as it is decoded.
 */
export async function loadInputs(
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
    const problem = decodeProblem(p, d, o.locale);
    if (problem) problems.push(problem);
    if (!d.ok) return;
    const file = { path: p, text: d.text, encoding: d.encoding };
    files.push(file);
    onFile?.(file, files.length - 1);
  };
  // A .docx is read as its text view (node/docx); a file it cannot read is reported by name.
  const readWord = async (p: string, buf: Buffer) => {
    try {
      const d = await readDocx(buf);
      const file = { path: p, text: d.text, encoding: 'docx', origins: d.origins };
      files.push(file);
      onFile?.(file, files.length - 1);
    } catch (e) {
      problems.push({ path: p, kind: 'error', message: docxProblemMessage(e, p === '-' ? o.stdinName : p, o.locale) });
    }
  };
  onCollected?.(collected.files.length + (o.paths.includes('-') ? 1 : 0));
  if (o.paths.includes('-')) {
    // The same cap as a file's (MAX_REPORT_BYTES): a pipe that never ends is not read into memory.
    const input = await io.readStdin(MAX_REPORT_BYTES);
    if (!input) problems.push({ path: '-', kind: 'error', skipped: true, message: t(CLI_MESSAGES.stdinTooLarge, { size: MAX_REPORT_BYTES }) });
    else if (isDocxPath(o.stdinName)) await readWord('-', input);
    else decode('-', input);
  }
  for (const p of collected.files) {
    const read = readRegularFile(p, MAX_REPORT_BYTES);
    if (!read.ok) {
      problems.push({ path: p, kind: 'error', skipped: true, message: readProblemMessage(read, o.locale) });
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
export function fileResolver(o: Pick<Options, 'stdinName'>, explicit: ResolvedConfig | null): FileResolver & { ignoreErrors(filePath: string): ConfigError[] } {
  const cache = new ResolveCache();
  return {
    config: (filePath) => explicit ?? cache.config(filePath === '-' ? path.join(process.cwd(), o.stdinName) : filePath),
    ignores: (filePath) => (filePath === '-' ? [] : cache.ignores(filePath)),
    ignoreErrors: (filePath) => (filePath === '-' ? [] : cache.ignoreErrors(filePath)),
  };
}

export function loadExplicitConfig(o: Pick<Options, 'configFile' | 'locale'>, problems: FileProblem[]): ResolvedConfig | null {
  if (!o.configFile) return null;
  const t = (m: LocalizedText, a?: Record<string, string | number>) => localize(m, o.locale, a);
  const layer = readConfigLayer(o.configFile);
  if (layer.text === null) {
    problems.push({ path: o.configFile, kind: 'error', message: t(CLI_MESSAGES.unreadable, { path: o.configFile, error: layer.problem ?? '' }) });
    return defaultConfig();
  }
  const text = layer.text;
  const { config, errors } = parseConfigText(text, o.configFile);
  const merged = mergeConfig(defaultConfig(), config, o.configFile);
  if (config.profiles?.length) {
    const loaded = loadCustomProfiles(o.configFile, text, config.profiles, new Set(builtinProfiles().map((p) => p.id)));
    return { ...merged, customProfiles: loaded.profiles, errors: [...errors, ...loaded.errors] };
  }
  return { ...merged, errors };
}

export function reportProblems(problems: FileProblem[], io: CliIO): boolean {
  let failed = false;
  for (const p of problems) {
    io.stderr(`reportlint: ${escapeForTerminal(p.message)}\n`);
    if (p.kind === 'error') failed = true;
  }
  return failed;
}

async function runCheck(o: Options, io: CliIO): Promise<number> {
  const t = (m: LocalizedText, a?: Record<string, string | number>) => localize(m, o.locale, a);
  // The phases' times, for REPORTLINT_TIMING only (else 0: node:perf_hooks is not loaded for them).
  const timing = io.env.REPORTLINT_TIMING === '1';
  const now = timing ? epochMs : () => 0;
  const marks: [string, number][] = [['start', now()]];
  const displayPath = (p: string) => (p === '-' ? o.stdinName : p);
  // Many files: check them on worker threads across the cores (same results, same order). The
  // workers start as soon as the files are counted and get each file as soon as it is read.
  const started: { pool: WorkerPool | null } = { pool: null };
  const text: TextOptions = { summary: o.summary, maxPerRule: o.maxPerRule ?? DEFAULT_MAX_PER_RULE };
  const settings: CheckSettings = { locale: o.locale, format: o.format, configFile: o.configFile, stdinName: o.stdinName, force: o.force, text };
  const { files, problems } = await loadInputs(
    o,
    io,
    (count) => {
      marks.push(['collected', now()]);
      const workers = workerCount(count, io.env);
      if (workers > 0) started.pool = startWorkers(workers, settings, __filename);
    },
    (f, index) => started.pool?.add({ index, path: f.path, displayPath: displayPath(f.path), text: f.text, origins: f.origins }),
  );
  marks.push(['read', now()]);
  const explicit = loadExplicitConfig(o, problems);
  const resolver = fileResolver(o, explicit);
  const configProblems = new Set<string>();
  const configs: ResolvedConfig[] = [];
  for (const f of files) {
    const config = resolver.config(f.path);
    configs.push(config);
    for (const e of [...config.errors, ...resolver.ignoreErrors(f.path)]) {
      const line = t(CLI_MESSAGES.configError, { file: e.file, message: e.localized?.[o.locale] ?? e.message });
      if (!configProblems.has(line)) {
        configProblems.add(line);
        problems.push({ path: e.file, kind: 'error', message: line });
      }
    }
  }
  marks.push(['configs', now()]);
  let results: FileResult[] = [];
  let sequentialCheckMs = 0;
  if (started.pool) {
    // The main thread checks files from the same queue as the workers.
    results = await started.pool.finish((job) => settledResult(checkOneFile(job, configs[job.index], resolver.ignores(job.path), o.locale, o.force), o.format, o.locale, text));
    sequentialCheckMs = started.pool.here.checkMs;
  } else {
    files.forEach((f, i) => {
      const ignores = resolver.ignores(f.path);
      const t0 = now();
      const checked = checkOneFile({ text: f.text, displayPath: displayPath(f.path), origins: f.origins }, configs[i], ignores, o.locale, o.force);
      sequentialCheckMs += now() - t0;
      // Its part of the output now, so that its analysis can be collected (see settledResult).
      results.push(settledResult(checked, o.format, o.locale, text));
    });
  }
  // Across years: this year's report against last year's report of the same body among the files.
  // Only the files whose pairing key (taken during their check) matches another file's are
  // analysed again, and crossYearForTexts pairs them exactly as it would among all the files.
  const paired = crossYearCandidates(results);
  const cross = new Map<number, Finding[]>();
  if (paired.length >= 2) {
    const found = crossYearForTexts(
      paired.map((i) => ({ name: displayPath(files[i].path), text: files[i].text, config: configs[i] })),
      allProfiles(configs[0]),
      o.locale,
    );
    for (const [k, extra] of found) cross.set(paired[k], extra);
  }
  for (const [i, extra] of cross) {
    const config = configs[i];
    const kept = extra
      .filter((f) => config.rules[f.ruleId] !== 'off')
      // reportedFinding first: spreading a lazily built finding would leave its message behind.
      .map((f) => ({ ...reportedFinding(f), severity: (config.rules[f.ruleId] as Severity | undefined) ?? f.severity }));
    if (!kept.length || results[i].skipped) continue;
    const base = results[i].findings ?? checkOneFile({ text: files[i].text, displayPath: displayPath(files[i].path), origins: files[i].origins }, config, resolver.ignores(files[i].path), o.locale, o.force).findings ?? [];
    // A Word document keeps its paragraph origins (the "（段落 N）" of its findings).
    results[i] = fileResult(results[i].path, [...base, ...kept], results[i].origins ?? files[i].origins);
  }
  marks.push(['checked', now()]);
  for (const r of results) if (r.skipped) problems.push({ path: r.path, kind: 'notice', message: t(CLI_MESSAGES.skippedNotReport, { path: r.path }) });
  const ioFailed = reportProblems(problems, io);
  const output = o.format === 'json' ? formatJson(results) : o.format === 'sarif' ? formatSarif(results, VERSION, o.locale) : formatText(results, o.locale, text);
  marks.push(['formatted', now()]);
  if (output) io.stdout(output + '\n');
  marks.push(['written', now()]);
  // Every file found was skipped (binary, unreadable, undecodable): nothing was checked, which is not a pass.
  const allSkipped = !files.length && problems.some((p) => p.skipped);
  if (allSkipped) io.stderr(`reportlint: ${t(CLI_MESSAGES.nothingChecked)}\n`);
  if (timing) io.stderr(timingReport(marks, started.pool?.timings ?? [], { checkMs: sequentialCheckMs, files: started.pool ? started.pool.here.files : files.length }, files.length));
  const count = (s: Severity) => results.reduce((n, r) => n + r.counts[s], 0);
  io.stderr(t(CLI_MESSAGES.summary, { files: results.filter((r) => !r.skipped).length, errors: count('error'), warnings: count('warning'), infos: count('info') + count('hint') }) + '\n');
  if (ioFailed || allSkipped) return EXIT_FAILURE;
  const threshold = SEVERITY_RANK[o.failOn];
  const failing = results.some((r) => (Object.keys(r.counts) as Severity[]).some((s) => r.counts[s] > 0 && SEVERITY_RANK[s] >= threshold));
  return failing ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * The indices (in input order) of the results whose cross-year key (same kind of report, same
 * issuing body) is one year apart from another result's: the only files that can be compared
 * across years. A file without a key is never paired (core/statistical-tables/cross-year.ts).
 */
export function crossYearCandidates(results: readonly Pick<FileResult, 'crossYear'>[]): number[] {
  const years = new Map<string, Set<number>>();
  const body = (k: CrossYearKey) => JSON.stringify([k.profile, k.issuer]);
  for (const r of results) {
    if (!r.crossYear) continue;
    const set = years.get(body(r.crossYear)) ?? new Set<number>();
    set.add(r.crossYear.year);
    years.set(body(r.crossYear), set);
  }
  const out: number[] = [];
  results.forEach((r, i) => {
    const k = r.crossYear;
    const set = k && years.get(body(k));
    if (k && set && (set.has(k.year - 1) || set.has(k.year + 1))) out.push(i);
  });
  return out;
}

/**
 * REPORTLINT_TIMING=1 (developers, benchmark): one line on stderr, `reportlint-timing {…}`, with
 * the phases of `check` in milliseconds since the process started; how long the checks took on the
 * main thread and, per worker thread, when it was ready and finished and how long its checks
 * took; CPU times (process, main thread, each worker; per thread on Linux only).
 */
function timingReport(marks: [string, number][], workers: readonly WorkerTiming[], main: { checkMs: number; files: number }, files: number): string {
  const origin = performance.timeOrigin;
  const at = (ms: number) => Math.round(ms - origin);
  const phases = Object.fromEntries(marks.map(([k, v]) => [k, at(v)]));
  const cpu = process.cpuUsage();
  const report = {
    files,
    phases,
    checkMs: Math.round(workers.reduce((n, w) => n + w.checkMs, main.checkMs)),
    // The main thread's share of the checks, and CPU times: the whole process and each thread.
    main: { checkMs: Math.round(main.checkMs), files: main.files, cpuMs: threadCpuMs() },
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    workers: workers.map((w) => ({ ready: at(w.readyAt), done: at(w.doneAt), checkMs: Math.round(w.checkMs), cpuMs: w.cpuMs, files: w.files })),
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
    // Excel on Chinese Windows reads a CSV without a byte order mark as GBK (mojibake).
    io.stdout((o.bom ? '\uFEFF' : '') + statsToCsv(rows));
  } else {
    for (const r of rows) io.stdout(statsToText(escapeForTerminal(r.path), r.summary, o.locale));
  }
  return failed || !files.length ? EXIT_FAILURE : EXIT_OK;
}

/** `reportlint outline`: the section tree of each file; JSON has one entry per file, as `check`. */
async function runOutline(o: Options, io: CliIO): Promise<number> {
  const { files, problems } = await loadInputs(o, io);
  const failed = reportProblems(problems, io);
  const resolver = fileResolver(o, loadExplicitConfig(o, []));
  const outlines = files.map((f) => {
    const displayPath = f.path === '-' ? o.stdinName : f.path;
    const analysis = Analysis.fromText(f.text, { uri: displayPath });
    // The kind of report (its profile) and its statistical tables, after the sections.
    const profile = activeProfile(analysis, resolver.config(f.path));
    const tables = profile?.tables?.length
      ? statisticalTables(analysis, profile).tables.map((t) => ({ id: t.def.id, name: t.def.name[o.locale], range: analysis.doc.rangeOf(t.start, t.end) }))
      : [];
    return { displayPath, docx: !!f.origins, analysis, profile: profile ? { id: profile.id, name: profile.name[o.locale] } : null, tables };
  });
  if (o.format === 'json') {
    io.stdout(JSON.stringify({ files: outlines.map((x) => withSource({ ...outlineToJson(x.analysis, x.displayPath), profile: x.profile, tables: x.tables }, x.docx)) }, null, 2) + '\n');
  } else {
    const blocks: string[] = [];
    for (const { displayPath, analysis, profile, tables } of outlines) {
      const lines = [escapeForTerminal(displayPath)];
      const title = analysis.outline.title;
      if (title) lines.push(title.text);
      const body = outlineToText(analysis);
      if (body) lines.push(body);
      for (const t of tables) lines.push(localize(CLI_MESSAGES.outlineTable, o.locale, { name: t.name, line: t.range.start.line + 1 }));
      if (profile) lines.push(localize(CLI_MESSAGES.outlineProfile, o.locale, { name: profile.name, id: profile.id }));
      blocks.push(lines.join('\n'));
      if (!analysis.outline.looksLikeReport) io.stderr(localize(CLI_MESSAGES.notReport, o.locale, { path: escapeForTerminal(displayPath) }) + '\n');
    }
    if (blocks.length) io.stdout(`${localize(CLI_MESSAGES.outlineLegend, o.locale)}\n${blocks.join('\n\n')}\n`);
  }
  return failed || !files.length ? EXIT_FAILURE : EXIT_OK;
}

/** A .docx's JSON entry says where it came from: `"source": "docx"` after its path. */
function withSource<T extends { path: string }>(entry: T, docx: boolean): T | (T & { source: 'docx' }) {
  if (!docx) return entry;
  const { path: p, ...rest } = entry;
  return { path: p, source: 'docx' as const, ...rest } as T & { source: 'docx' };
}

/** Entry point of the CLI's worker threads (see parallel.ts): configuration resolved exactly as above. */
export function workerMain(): void {
  runWorker((s: CheckSettings) => fileResolver({ stdinName: s.stdinName }, loadExplicitConfig({ configFile: s.configFile, locale: s.locale }, [])));
}

/**
 * Entry point for bin/reportlint.js. Output survives its reader: when the reader goes away (EPIPE,
 * `reportlint check … | head -1`) the run ends quietly with the exit code it would have had; any
 * other failure to write the output (a full disk, `> /dev/full`) is an I/O failure: exit code 2 and
 * one line on stderr.
 */
export function run(): void {
  let writeError: NodeJS.ErrnoException | null = null;
  const failed = (e: unknown) => {
    writeError ??= e as NodeJS.ErrnoException;
  };
  process.stdout.on('error', failed);
  // Nowhere left to report a failing stderr: ignore it rather than crash.
  process.stderr.on('error', () => undefined);
  const io: CliIO = {
    stdout: (s) => {
      if (writeError) return;
      try {
        process.stdout.write(s, (e) => e && failed(e));
      } catch (e) {
        failed(e);
      }
    },
    stderr: (s) => {
      try {
        process.stderr.write(s);
      } catch {
        // see above
      }
    },
    readStdin: (maxBytes) => readStreamCapped(process.stdin, maxBytes),
    env: process.env,
  };
  const finish = (code: number) => {
    const e = writeError as NodeJS.ErrnoException | null;
    if (e && e.code !== 'EPIPE') {
      io.stderr(`reportlint: ${localize(CLI_MESSAGES.writeFailed, io.locale ?? localeFromEnv(process.env), { error: e.code ?? e.message })}\n`);
      code = EXIT_FAILURE;
    }
    process.exitCode = code;
  };
  main(process.argv.slice(2), io).then(
    // Wait until what was written has been handed to the system, so that its failure counts.
    (code) => (writeError ? finish(code) : process.stdout.write('', () => finish(code))),
    (e) => {
      io.stderr(`reportlint: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = EXIT_FAILURE;
    },
  );
}
