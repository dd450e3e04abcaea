/**
 * The custom requests behind the client's commands, views and status bar (README: "Commands"),
 * each a function from its typed params (lsp/protocol.ts) and the session state to its answer.
 */
import { fileURLToPath } from 'url';
import { Analysis } from '../../core/analysis';
import { checkDocument } from '../../core/check';
import { checkDecision } from '../../core/config/check-decision';
import { renderRuleMarkdown } from '../../core/features/docs';
import { reportSkeletonSnippet, skeletonOrder } from '../../core/features/report-skeleton';
import { statsSummary, statsToCsv, statsToMarkdown, unverifiableReason } from '../../core/figures/summary';
import { renumberAllEdits } from '../../core/outline/renumber';
import { outlineToJson, type OutlineJson } from '../../core/outline/serialize';
import { locateParts } from '../../core/profiles/locate';
import { partChecklist } from '../../core/profiles/part-status';
import { allProfiles, getProfile } from '../../core/profiles/registry';
import { partInsertion } from '../../core/profiles/skeleton';
import { fullWidthPunctuationEdits } from '../../core/rules/punctuation-width';
import type { TextEdit } from '../../core/types';
import { isDocxPath } from '../../node/docx';
import { docxViewUri } from '../../node/docx/view-uri';
import { toDiagnostic } from '../convert';
import { readDocxForCheck } from '../docx';
import { partsChecklist as buildPartsChecklist, type PartsChecklist } from '../parts-checklist';
import type * as P from '../protocol';
import { IgnoreFilter, readReportFile } from '../workspace-check';
import { formatOf, LARGE_DOC_PROBE, type ServerState } from '../state';

/** Edits that renumber every heading sequence (the client applies them as one undoable edit). */
export async function renumber(state: ServerState, params: P.UriParams): Promise<TextEdit[]> {
  const doc = state.documents.get(params.uri);
  // Over the size limit: no edits (the answer is an array of edits; documentStatus says why).
  return doc && !(await state.sizeGuard(doc)) ? renumberAllEdits(state.analysisOf(doc)) : [];
}

/** The profiles a document may use, and which one is in use for it. */
export async function profiles(state: ServerState, params: P.ProfilesParams | null): Promise<P.ProfilesAnswer> {
  params ??= {};
  const doc = params.uri ? state.documents.get(params.uri) : undefined;
  const config = state.configFor(params.uri ?? '', await state.getSettings(params.uri ?? ''));
  const active = doc ? await state.authoringProfile(doc) : null;
  return {
    active: active?.id ?? null,
    configured: config.profile,
    profiles: allProfiles(config).map((p) => ({ id: p.id, name: p.name[state.locale], description: p.description?.[state.locale] ?? '' })),
  };
}

/** A whole report skeleton as a snippet, for the profile and year the writer picked. */
export async function skeleton(state: ServerState, params: P.SkeletonParams): Promise<{ snippet: string } | null> {
  const config = state.configFor(params.uri ?? '', await state.getSettings(params.uri ?? ''));
  const profile = getProfile(params.profile, config);
  if (!profile) return null;
  return { snippet: reportSkeletonSnippet(profile, { year: params.year, format: params.format ?? 'text' }) };
}

/** The mandated parts the document lacks, each with the edits that insert it where it belongs. */
export async function missingParts(state: ServerState, params: P.UriParams): Promise<P.MissingPart[]> {
  const doc = state.documents.get(params.uri);
  if (!doc || (await state.sizeGuard(doc))) return [];
  const profile = await state.authoringProfile(doc);
  if (!profile) return [];
  const analysis = state.analysisOf(doc);
  return partChecklist(analysis, locateParts(analysis, profile))
    .flatMap(({ part, status }) => {
      if (status === 'written') return [];
      const ins = partInsertion(analysis, profile, part.id);
      return [
        {
          id: part.id,
          name: part.name[state.locale],
          item: part.item[state.locale],
          required: part.required,
          status,
          order: skeletonOrder(part),
          marker: ins.marker,
          edits: ins.edits,
        },
      ];
    });
}

/** The mandated parts and where the report stands with each (the status bar's checklist; lsp/parts-checklist.ts). */
export async function partsChecklist(state: ServerState, params: P.UriParams): Promise<PartsChecklist | null> {
  const doc = state.documents.get(params.uri);
  if (!doc || (await state.sizeGuard(doc))) return null;
  const profile = await state.authoringProfile(doc);
  return profile ? buildPartsChecklist(state.analysisOf(doc), profile, state.locale) : null;
}

/** What the status bar shows: the profile in use and whether the document is checked. */
export async function documentStatus(state: ServerState, params: P.UriParams): Promise<P.DocumentStatus | null> {
  const doc = state.documents.get(params.uri);
  if (!doc) return null;
  const settings = await state.getSettings(doc.uri);
  const analysis = state.analysisOf(doc);
  const profile = await state.authoringProfile(doc);
  const config = state.configFor(doc.uri, settings);
  return {
    checked: state.shouldCheck(doc, state.judgedAnalysis(doc, analysis, config), settings.enable, config).check,
    run: settings.run,
    profile: profile ? { id: profile.id, name: profile.name[state.locale] } : null,
    tooLarge: await state.sizeGuard(doc),
  };
}

/**
 * Check files that are not open (the "check all reports in the workspace" command): the client
 * lists them (honouring files.exclude); .reportlintignore and the enable mode apply here, and
 * the findings are published like those of open documents.
 */
export async function checkFiles(state: ServerState, params: P.CheckFilesParams): Promise<P.CheckSummary> {
  const filter = new IgnoreFilter(params.roots);
  const summary: P.CheckSummary = { files: 0, checked: 0, ignored: 0, unreadable: [], errors: 0, warnings: 0, withFindings: 0 };
  for (const uri of params.uris) {
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      continue; // not a local file
    }
    if (filter.ignores(file)) {
      summary.ignored++;
      continue;
    }
    summary.files++;
    // A .docx is checked as its text view; the findings go to the view's URI (lsp/docx.ts).
    const docx = isDocxPath(file);
    const target = docx ? docxViewUri(uri) : uri;
    if (state.documents.get(target)) continue; // open documents are checked as they are edited
    const read = docx ? await readDocxForCheck(file, state.locale) : readReportFile(file);
    if (!read.ok) {
      summary.unreadable.push(file);
      continue;
    }
    const settings = await state.getSettings(uri);
    if (settings.enable === 'never') continue;
    const analysis = Analysis.fromText(read.text, { uri });
    const config = state.configFor(uri, settings);
    const { check, force } = checkDecision({ mode: settings.enable, analysis, path: file, config });
    if (!check) continue;
    summary.checked++;
    const findings = checkDocument(analysis, { config, locale: state.locale, forceReport: force });
    for (const f of findings) {
      if (f.severity === 'error') summary.errors++;
      else if (f.severity === 'warning') summary.warnings++;
    }
    if (findings.length) summary.withFindings++;
    await state.port.sendDiagnostics({ uri: target, diagnostics: findings.map((f) => toDiagnostic(f, target)) });
  }
  // .reportlintignore files that exist but could not be read (a FIFO, a device, too large) are listed too.
  summary.unreadable.push(...filter.problems);
  return summary;
}

/** The outline as the CLI's JSON. */
export async function outline(state: ServerState, params: P.UriParams): Promise<OutlineJson | P.TooLargeAnswer | null> {
  const doc = state.documents.get(params.uri);
  if (!doc) return null;
  return (await state.sizeGuard(doc)) ?? outlineToJson(state.analysisOf(doc), params.uri);
}

/**
 * The statistics summary (数据核对表) of an open document: coverage, every claim and a
 * rendered Markdown table in the server's locale; null when the document is not open.
 */
export async function stats(state: ServerState, params: P.UriParams): Promise<P.StatsAnswer | P.StatsTooLargeAnswer | null> {
  const doc = state.documents.get(params.uri);
  if (!doc) return null;
  const large = await state.sizeGuard(doc);
  if (large) return { ...large, uri: params.uri, markdown: large.message };
  const summary = statsSummary(state.analysisOf(doc));
  let name = params.uri.replace(/^.*\//, '');
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the encoded name
  }
  const claims = summary.claims.map((c) => ({ ...c, reason: unverifiableReason(c, state.locale) }));
  return { ...summary, claims, uri: params.uri, name, markdown: statsToMarkdown(summary, state.locale, name) };
}

/** The 数据核对表 of an open document as the CLI's CSV (`reportlint stats --format csv`). */
export function statsCsv(state: ServerState, params: P.UriParams): { csv: string } | null {
  const doc = state.documents.get(params.uri);
  if (!doc) return null;
  let file = params.uri;
  if (params.uri.startsWith('file:')) {
    try {
      file = fileURLToPath(params.uri);
    } catch {
      // keep the URI
    }
  }
  return { csv: statsToCsv([{ path: file, summary: statsSummary(state.analysisOf(doc)) }]) };
}

/** A rule's documentation page from its metadata (the client shows it for Diagnostic.codeDescription links). */
export function ruleDoc(state: ServerState, params: { id: string }): string | null {
  return renderRuleMarkdown(params.id, state.locale);
}

/**
 * Whether a text looks like a report: the same auto-mode decision as checking
 * (core/config/check-decision.ts), for the client's switch to the ReportLint language.
 */
export async function looksLikeReport(state: ServerState, params: P.LooksLikeReportParams): Promise<boolean> {
  const text = String(params.text ?? '').slice(0, LARGE_DOC_PROBE);
  const format = formatOf({ languageId: params.languageId ?? '', uri: params.uri });
  const analysis = Analysis.fromText(text, { uri: params.uri, format });
  return checkDecision({ mode: 'auto', analysis, path: params.uri, config: state.configFor(params.uri, await state.getSettings(params.uri)) }).check;
}

/**
 * The edits that convert the whole document to full-width punctuation (the client's
 * `reportlint.convertPunctuation` command applies them as one edit).
 */
export async function fullWidthPunctuation(state: ServerState, params: P.UriParams): Promise<P.PunctuationAnswer | (P.TooLargeAnswer & P.PunctuationAnswer) | null> {
  const doc = state.documents.get(params.uri);
  if (!doc) return null;
  const version = doc.version;
  const large = await state.sizeGuard(doc);
  if (large) return { ...large, version, edits: [] };
  return { version, edits: fullWidthPunctuationEdits(state.analysisOf(doc)) };
}

/** Timing of the last scheduled check of a document (the benchmark's round-trip measure). */
export function pipelineStats(state: ServerState, params: P.UriParams): P.PipelineStats | null {
  const session = state.sessions.get(params.uri);
  if (!session) return null;
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { debounceMs: session.lastDebounceMs, checkMs: session.lastCheckMs, memory: { rss, heapTotal, heapUsed, external, arrayBuffers }, cpuMs: (cpu.user + cpu.system) / 1000 };
}
