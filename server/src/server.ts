/**
 * The ReportLint language server: wiring only. Every answer comes from the core
 * library; the lsp/ adapters translate it.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  ErrorCodes,
  ResponseError,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'url';
import { Analysis } from './core/analysis';
import { checkDocument } from './core/check';
import { defaultConfig, mergeConfig, type ResolvedConfig } from './core/config/config';
import { ignoresFor, loadConfigFor, readFailure } from './node/config-files';
import { MAX_CONFIG_BYTES, readTextFile } from './node/fs-access';
import { hoverAt } from './core/features/hover';
import { isReportDocument } from './core/profiles/detect';
import { checkDecision, type CheckDecision, type EnableMode } from './core/config/check-decision';
import { applySafeFixes, safeFixRules } from './core/features/safe-fixes';
import './core/features/heading-hover';
import { completionsAt } from './core/features/completion';
import { activeProfile } from './core/profiles/detect';
import { DEFAULT_PROFILE_ID, getProfile } from './core/profiles/registry';
import type { Profile } from './core/profiles/types';
import { allProfiles } from './core/profiles/registry';
import { locateParts } from './core/profiles/locate';
import { partInsertion } from './core/profiles/skeleton';
import { renumberAllEdits } from './core/outline/renumber';
import { lensMode, sectionLenses } from './core/features/code-lens';
import { renderRuleMarkdown } from './core/features/docs';
import { skeletonOrder } from './core/features/report-skeleton';
import { encodeSemanticTokens, semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from './core/features/semantic-tokens';
import { reportSkeletonSnippet } from './core/features/report-skeleton';
import { IgnoreFilter, readReportFile } from './lsp/workspace-check';
import { localize, normalizeLocale } from './core/l10n';
import { outlineToJson } from './core/outline/serialize';
import { statsSummary, statsToCsv, statsToMarkdown, unverifiableReason } from './core/figures/summary';
import { fullWidthPunctuationEdits } from './core/rules/punctuation-width';
import type { Finding, Locale, SeverityOrOff } from './core/types';
import { toCodeAction, toCompletionItem, toDiagnostic, toDocumentSymbols, toFoldingRanges } from './lsp/convert';
import { debounceDelay, DocumentSession, type CancelToken } from './lsp/pipeline';
import { CheckScheduler } from './lsp/scheduler';
import { collectNow, reclaimMemory, RECLAIM_MIN_SIZE } from './lsp/memory';
import { configDiagnostics, isConfigFile, problemDiagnostics } from './lsp/config-diagnostics';
import { IGNORE_FILE_NAME, parseIgnoreFile, type IgnoreEntry } from './core/config/suppress';
import * as path from 'path';
import { runSuppression, suppressionActions, SUPPRESS_COMMANDS, type SuppressArgs } from './lsp/suppress-actions';
import { ALL_RULES } from './core/rules';
import { previousYearFindings } from './lsp/cross-year';
import { partsChecklist } from './lsp/parts-checklist';
import { testModeRules } from './lsp/test-mode';
import { readDocxForCheck, registerDocxRequests } from './lsp/docx';
import { docxFileUri, docxViewUri } from './node/docx/view-uri';
import { isDocxPath } from './node/docx';
import { arrayOf, guarded, int, obj, oneOf, optional, OPTIONAL_URI_PARAM, range, str, CODE_ACTION, TEXT_DOCUMENT, TEXT_POSITION, URI_PARAM, valid, bool } from './lsp/params';
import { LruCache } from './lsp/lru';
import { socketTransportRefusal } from './node/transport';

const SKELETON_PARAMS = obj({ uri: optional(str), profile: str, year: int, format: optional(oneOf('text', 'markdown')) });
const CHECK_FILES_PARAMS = obj({ uris: arrayOf(str), roots: arrayOf(str, 1000) });
const SUPPRESS_ARGS = obj({ uri: str, ruleId: str, range });

export type { EnableMode };

/** The `reportlint.*` settings the server reads (see package.json contributes.configuration). */
interface Settings {
  enable: EnableMode;
  rules: Record<string, SeverityOrOff>;
  maxFileSize: number;
  /** `onType` (default): check as the writer types; `onSave`: only when the file is saved. */
  run: 'onType' | 'onSave';
  /** Report profile id, `auto` or `none` (a .reportlintrc.json `profile` takes precedence). */
  profile: string;
  /** Code lenses above sections with an inconsistent figure ('inconsistent', default), with any figure ('all') or none; true/false from older settings. */
  codeLens: 'inconsistent' | 'all' | 'none' | boolean;
  /** Honour .reportlint-ignore.json. */
  ignoreFile: boolean;
}

const REPORT_LANGUAGE = 'reportlint';

// Never a socket or pipe transport unless the command line explicitly opts in (node/transport.ts).
const refusal = socketTransportRefusal(process.argv);
if (refusal) {
  process.stderr.write(refusal + '\n');
  process.exit(2);
}
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let locale: Locale = 'zh-cn';
let hasConfigurationCapability = false;
/** VS Code's workspace trust (initializationOptions.isTrusted, updated by reportlint/didChangeTrust). */
let trusted = true;
/** Workspace folder paths, for the workspace-wide config file. */
let workspaceRoots: string[] = [];

/** Checking state per open document (lsp/pipeline.ts) and the check scheduling (lsp/scheduler.ts). */
const sessions = new Map<string, DocumentSession>();
const scheduler = new CheckScheduler(
  (uri, version, token) => validate(uri, version, token),
  (e) => connection.console.error(`ReportLint: ${e instanceof Error ? e.stack : String(e)}`),
);
/** Settings per URI: bounded (custom requests may name any number of unopened URIs). */
const settingsCache = new LruCache<string, Promise<Settings>>(256);
/** The built-in rules, plus a throwing rule only under REPORTLINT_TEST_MODE=throwing-rule (see lsp/test-mode.ts). */
const RULES = [...ALL_RULES, ...testModeRules(process.env)];
/** How much of a document over the size limit is read to judge whether it is a report. */
const LARGE_DOC_PROBE = 65_536;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = normalizeLocale((params.initializationOptions as { locale?: string } | undefined)?.locale ?? params.locale);
  hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
  trusted = (params.initializationOptions as { isTrusted?: boolean } | undefined)?.isTrusted !== false;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceRoots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: { label: 'ReportLint' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['（', '(', '第', '#'] },
      codeLensProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
      executeCommandProvider: { commands: Object.values(SUPPRESS_COMMANDS) },
    },
    serverInfo: { name: 'ReportLint', version: typeof REPORTLINT_VERSION === 'string' ? REPORTLINT_VERSION : 'dev' },
  };
});

declare const REPORTLINT_VERSION: string | undefined;

function formatOf(doc: TextDocument): 'markdown' | 'text' {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri) ? 'markdown' : 'text';
}

function sessionOf(doc: TextDocument): DocumentSession {
  let session = sessions.get(doc.uri);
  if (!session || session.format !== formatOf(doc)) {
    session = new DocumentSession(doc.uri, formatOf(doc));
    sessions.set(doc.uri, session);
  }
  return session;
}

/** The analysis for the current version of a document, built once and shared. */
function analysisOf(doc: TextDocument): Analysis {
  return sessionOf(doc).analysis(doc.getText(), doc.version);
}

async function getSettings(uri: string): Promise<Settings> {
  const defaults: Settings = { enable: 'auto', rules: {}, maxFileSize: defaultConfig().maxFileSize, run: 'onType', profile: 'auto', codeLens: 'inconsistent', ignoreFile: true };
  if (!hasConfigurationCapability) return defaults;
  let p = settingsCache.get(uri);
  if (!p) {
    p = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'reportlint' })
      .then((s: Partial<Settings> | null) => ({ ...defaults, ...(s ?? {}) }))
      .catch(() => defaults);
    settingsCache.set(uri, p);
  }
  return p;
}

function configFor(uri: string, settings: Settings): ResolvedConfig {
  let base = mergeConfig(defaultConfig(), { rules: settings.rules, maxFileSize: settings.maxFileSize, profile: settings.profile || 'auto' });
  // The text view of a .docx takes the configuration of the .docx's folder.
  uri = docxFileUri(uri) ?? uri;
  if (uri.startsWith('file:')) {
    try {
      base = loadConfigFor(fileURLToPath(uri), base, { trusted });
      publishConfigFiles(base.sources);
    } catch {
      // Not a local path: defaults and settings only.
    }
  }
  return base;
}

/** Whether the document is checked at all under the enable mode. */
/** Over the size limit (reportlint.maxFileSize / maxFileSize) no outline is built for a document. */
function tooLarge(doc: TextDocument, config: ResolvedConfig): boolean {
  return doc.getText().length > config.maxFileSize;
}

/** The answer of a custom request for a document over the size limit (no analysis is built). */
interface TooLarge {
  tooLarge: true;
  size: number;
  maxFileSize: number;
  message: string;
}

const TOO_LARGE_MESSAGE = {
  'zh-cn': '文档有 {size} 个字符，超过 maxFileSize（{max}），ReportLint 不分析它。可在设置 reportlint.maxFileSize 或 .reportlintrc.json 中调整上限。',
  en: 'The document has {size} characters, more than maxFileSize ({max}); ReportLint does not analyse it. The limit is set by reportlint.maxFileSize or .reportlintrc.json.',
};

/** null when the document is within the size limit, else the "too large" answer. */
async function sizeGuard(doc: TextDocument): Promise<TooLarge | null> {
  const config = configFor(doc.uri, await getSettings(doc.uri));
  const size = doc.getText().length;
  if (size <= config.maxFileSize) return null;
  return { tooLarge: true, size, maxFileSize: config.maxFileSize, message: localize(TOO_LARGE_MESSAGE, locale, { size: String(size), max: String(config.maxFileSize) }) };
}

/**
 * The analysis that decides whether a document is a report: for a document over the size
 * limit only its beginning is read, and checking it yields one document-too-large finding.
 */
function judgedAnalysis(doc: TextDocument, analysis: Analysis, config: ResolvedConfig): Analysis {
  if (!tooLarge(doc, config)) return analysis;
  return Analysis.fromText(analysis.doc.text.slice(0, LARGE_DOC_PROBE), { uri: doc.uri, format: formatOf(doc) });
}

/** Whether the document is checked, and as a report: the decision the CLI makes too (core/check-decision.ts). */
function shouldCheck(doc: TextDocument, analysis: Analysis, mode: EnableMode, config?: ResolvedConfig): CheckDecision {
  return checkDecision({ mode, analysis, path: doc.uri, reportLanguage: doc.languageId === REPORT_LANGUAGE, config });
}

/** Diagnostics for config files that are not open (open ones are checked from their buffer). */
function publishConfigFiles(files: readonly string[]): void {
  for (const file of files) {
    const uri = pathToFileURL(file).href;
    if (documents.get(uri)) continue;
    const read = readTextFile(file, MAX_CONFIG_BYTES);
    // An unusable config file (a FIFO, a device, too large): one diagnostic saying so, in the file.
    const diagnostics = read.ok ? configDiagnostics(uri, file, read.text, trusted) : problemDiagnostics('', [{ file, message: `cannot read config file (${readFailure(read.code, read.detail)})` }]);
    void connection.sendDiagnostics({ uri, diagnostics });
  }
}

/** Sidecars currently shown with problems (their diagnostics are cleared once they are fixed). */
const sidecarsWithProblems = new Set<string>();

/**
 * The `.reportlint-ignore.json` entries for a report; a malformed or unreadable sidecar gets
 * diagnostics in the sidecar itself (unless it is open: then validate() checks its buffer).
 */
function sidecarEntries(file: string): IgnoreEntry[] {
  const found = ignoresFor(file);
  if (found.file) {
    const uri = pathToFileURL(found.file).href;
    if (!documents.get(uri) && (found.errors.length || sidecarsWithProblems.has(uri))) {
      const read = readTextFile(found.file, MAX_CONFIG_BYTES);
      void connection.sendDiagnostics({ uri, diagnostics: problemDiagnostics(read.ok ? read.text : '', found.errors, 'ignore-file') });
      if (found.errors.length) sidecarsWithProblems.add(uri);
      else sidecarsWithProblems.delete(uri);
    }
  }
  return found.entries;
}

/** Check one version of a document and publish its diagnostics, unless cancelled or stale. */
async function validate(uri: string, version: number, token: CancelToken): Promise<void> {
  if (uri.startsWith('file:') && path.basename(fileURLToPath(uri)) === IGNORE_FILE_NAME) {
    const doc = documents.get(uri);
    if (doc && doc.version === version) await connection.sendDiagnostics({ uri, version, diagnostics: problemDiagnostics(doc.getText(), parseIgnoreFile(doc.getText(), fileURLToPath(uri)).errors, 'ignore-file') });
    return;
  }
  if (uri.startsWith('file:') && isConfigFile(fileURLToPath(uri))) {
    const cfg = documents.get(uri);
    if (cfg && cfg.version === version) await connection.sendDiagnostics({ uri, version, diagnostics: configDiagnostics(uri, fileURLToPath(uri), cfg.getText(), trusted) });
    return;
  }
  const settings = await getSettings(uri);
  const doc = documents.get(uri);
  if (token.cancelled || !doc || doc.version !== version) return; // a newer version will be validated
  const session = sessionOf(doc);
  const analysis = session.analysis(doc.getText(), version);
  // A large document: the previous version's analysis and findings are garbage now; collecting
  // them before the check lowers its peak (see lsp/memory.ts).
  const large = doc.getText().length > RECLAIM_MIN_SIZE;
  if (large) collectNow();
  const config = configFor(uri, settings);
  const { check, force } = shouldCheck(doc, judgedAnalysis(doc, analysis, config), settings.enable, config);
  let findings: Finding[] | null = [];
  if (check) {
    findings = await session.checkAsync(
      analysis,
      {
        config,
        locale,
        rules: RULES,
        forceReport: force,
        ignores: settings.ignoreFile && uri.startsWith('file:') ? sidecarEntries(fileURLToPath(uri)) : [],
        onRuleError: (rule, e) => connection.console.error(`ReportLint: rule ${rule} failed on ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`),
      },
      token,
    );
    if (findings === null) return; // cancelled by a newer version
    // Across years: last year's report of the same body in the document's folder (lsp/cross-year.ts).
    const previous = previousYearFindings(analysis, uri, config, locale, (file) => documents.get(pathToFileURL(file).href)?.getText());
    if (previous.length) findings = [...findings, ...previous];
  } else session.setFindings(version, findings);
  if (documents.get(uri)?.version !== version || !scheduler.claimPublish(uri, version, token)) return; // stale
  // A large document's check leaves hundreds of megabytes of garbage: it is collected before the
  // diagnostics go out, and what building them left, after.
  if (large) collectNow();
  await connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, uri)) });
  if (large) reclaimMemory();
}

function schedule(doc: TextDocument, immediate: boolean): void {
  const delay = immediate ? 0 : debounceDelay(doc.getText().length, sessions.get(doc.uri)?.lastCheckMs ?? 0);
  sessionOf(doc).lastDebounceMs = delay;
  scheduler.schedule(doc.uri, doc.version, delay);
}

/** Timing of the last scheduled check of a document (the benchmark's round-trip measure). */
connection.onRequest('reportlint/pipelineStats', guarded('reportlint/pipelineStats', URI_PARAM, (params: { uri: string }) => {
  const session = sessions.get(params.uri);
  return session ? { debounceMs: session.lastDebounceMs, checkMs: session.lastCheckMs } : null;
}));

documents.onDidOpen((e) => schedule(e.document, true));
documents.onDidChangeContent((e) => {
  if (scheduler.pendingVersion(e.document.uri) === e.document.version) return; // the open already scheduled it
  const doc = e.document;
  void getSettings(doc.uri).then((s) => {
    if (s.run !== 'onSave') schedule(doc, false);
  });
});
documents.onDidSave((e) => {
  void getSettings(e.document.uri).then((s) => {
    if (s.run === 'onSave') schedule(e.document, true);
  });
});
documents.onDidClose((e) => {
  scheduler.forget(e.document.uri);
  sessions.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  if (e.document.getText().length > RECLAIM_MIN_SIZE) reclaimMemory();
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  for (const doc of documents.all()) schedule(doc, true);
});
connection.onDidChangeWatchedFiles(() => {
  // A .reportlintrc.json changed: re-check every open document.
  for (const doc of documents.all()) schedule(doc, true);
});

async function symbolsAllowed(doc: TextDocument): Promise<boolean> {
  const settings = await getSettings(doc.uri);
  if (settings.enable === 'never') return false;
  if (tooLarge(doc, configFor(doc.uri, settings))) return false; // no outline for giant documents
  // Markdown already has an outline from VS Code; add ours only for reports.
  if (formatOf(doc) === 'markdown' && doc.languageId !== REPORT_LANGUAGE && settings.enable === 'auto') {
    return isReportDocument(analysisOf(doc), configFor(doc.uri, settings));
  }
  return true;
}

/**
 * Authoring help (completion, heading hover, semantic tokens) only where the document is
 * checked: a non-report .txt in `auto` mode gets no marker suggestions or colouring.
 */
async function authoringAllowed(doc: TextDocument): Promise<boolean> {
  const settings = await getSettings(doc.uri);
  if (tooLarge(doc, configFor(doc.uri, settings))) return false;
  return shouldCheck(doc, analysisOf(doc), settings.enable, configFor(doc.uri, settings)).check;
}

connection.onDocumentSymbol(guarded('textDocument/documentSymbol', TEXT_DOCUMENT, async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || !(await symbolsAllowed(doc))) return [];
  return toDocumentSymbols(analysisOf(doc));
}));

connection.onFoldingRanges(guarded('textDocument/foldingRange', TEXT_DOCUMENT, async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || !(await symbolsAllowed(doc))) return [];
  return toFoldingRanges(analysisOf(doc));
}));

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** `source.fixAll.reportlint`: the safe fixes only (editor.codeActionsOnSave may apply them), the set `reportlint fix` applies. */
const FIX_ALL_KIND = 'source.fixAll.reportlint';

const contains = (r: Diagnostic['range'], p: Diagnostic['range']['start']) =>
  (r.start.line < p.line || (r.start.line === p.line && r.start.character <= p.character)) && (r.end.line > p.line || (r.end.line === p.line && r.end.character >= p.character));
const extent = (r: Diagnostic['range']) => (r.end.line - r.start.line) * 100_000 + (r.end.character - r.start.character);

connection.onCodeAction(guarded('textDocument/codeAction', CODE_ACTION, (params) => {
  const doc = documents.get(params.textDocument.uri);
  const findings = doc ? sessions.get(doc.uri)?.findingsFor(doc.version) : null;
  if (!doc || !findings) return [];
  const only = params.context.only;
  if (only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(k + '.') || k === 'source')) {
    const fixAll = safeFixAllAction(doc, findings);
    return fixAll ? [fixAll] : [];
  }
  const actions: CodeAction[] = [];
  // Only the finding(s) under the caret: the narrowest ReportLint findings that contain it, so a
  // paragraph-wide note does not add its actions to a word's quick-fix menu.
  const ours = params.context.diagnostics.filter((d) => d.source === 'ReportLint');
  const under = ours.filter((d) => contains(d.range, params.range.start));
  const candidates = under.length ? under : ours;
  const narrowest = Math.min(...candidates.map((d) => extent(d.range)));
  for (const diagnostic of candidates.filter((d) => extent(d.range) === narrowest)) {
    const finding = findings.find((f) => f.ruleId === diagnostic.code && sameRange(f.range, diagnostic.range) && f.message === diagnostic.message);
    for (const fix of finding?.fixes ?? []) actions.push(toCodeAction(fix, doc.uri, diagnostic));
    if (finding) actions.push(...suppressionActions(finding, doc.uri, diagnostic, locale));
  }
  return actions;
}));

/**
 * One action applying every safe fix (rule metadata `safeFix`, core/safe-fixes.ts) whose rule has
 * a finding in this version, as one edit: the text between the first and the last change.
 */
function safeFixAllAction(doc: TextDocument, findings: readonly Finding[]): CodeAction | null {
  const ruleIds = new Set(findings.filter((f) => safeFixRules().some((r) => r.meta.id === f.ruleId)).map((f) => f.ruleId));
  if (!ruleIds.size) return null;
  const text = doc.getText();
  // The findings already reflect the settings and ignores: fix exactly the rules they name.
  const fixed = applySafeFixes(text, { uri: doc.uri, format: formatOf(doc), ruleIds, check: { locale, forceReport: true, config: { ...defaultConfig(), rules: {} } } }).text;
  if (fixed === text) return null;
  let start = 0;
  while (start < text.length && start < fixed.length && text[start] === fixed[start]) start++;
  let end = 0;
  while (end < text.length - start && end < fixed.length - start && text[text.length - 1 - end] === fixed[fixed.length - 1 - end]) end++;
  const edit = { range: { start: doc.positionAt(start), end: doc.positionAt(text.length - end) }, newText: fixed.slice(start, fixed.length - end) };
  return { title: localize(FIX_ALL_TITLE, locale), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: [edit] } } };
}

const FIX_ALL_TITLE = { 'zh-cn': '修复全部可安全修复的问题（拼音残留、全角标点）', en: 'Fix all safely fixable problems (pinyin residue, full-width punctuation)' };

connection.onHover(guarded('textDocument/hover', TEXT_POSITION, async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || !(await symbolsAllowed(doc))) return null;
  const analysis = analysisOf(doc);
  const findings = sessions.get(doc.uri)?.findingsFor(doc.version) ?? [];
  const md = hoverAt(analysis, analysis.doc.offsetAt(params.position), locale, findings);
  return md ? { contents: { kind: 'markdown', value: md } } : null;
}));

/** The profile for authoring help: the active one, or the built-in one for documents checked in any case. */
async function authoringProfile(doc: TextDocument): Promise<Profile | null> {
  const settings = await getSettings(doc.uri);
  const config = configFor(doc.uri, settings);
  const found = activeProfile(judgedAnalysis(doc, analysisOf(doc), config), config);
  if (found || config.profile === 'none') return found;
  const forced = settings.enable === 'always' || doc.languageId === REPORT_LANGUAGE;
  return forced ? getProfile(DEFAULT_PROFILE_ID, config) ?? null : null;
}

connection.onCompletion(guarded('textDocument/completion', TEXT_POSITION, async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || !(await authoringAllowed(doc))) return null;
  return completionsAt(analysisOf(doc), params.position, locale, await authoringProfile(doc)).map(toCompletionItem);
}));

connection.onCodeLens(guarded('textDocument/codeLens', TEXT_DOCUMENT, async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const settings = await getSettings(doc.uri);
  const analysis = analysisOf(doc);
  const mode = lensMode(settings.codeLens);
  if (mode === 'none' || tooLarge(doc, configFor(doc.uri, settings)) || !shouldCheck(doc, analysis, settings.enable, configFor(doc.uri, settings)).check) return [];
  return sectionLenses(analysis, locale, mode).map((l) => ({ range: l.range, command: { title: l.title, command: l.command, arguments: [doc.uri] } }));
}));

connection.languages.semanticTokens.on(guarded('textDocument/semanticTokens/full', TEXT_DOCUMENT, async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || !(await authoringAllowed(doc))) return { data: [] };
  return { data: encodeSemanticTokens(semanticTokens(analysisOf(doc))) };
}));

// ---- Requests behind the client's commands (README: "Commands") ----

/** Edits that renumber every heading sequence (the client applies them as one undoable edit). */
connection.onRequest('reportlint/renumber', guarded('reportlint/renumber', URI_PARAM, async (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  // Over the size limit: no edits (the answer is an array of edits; documentStatus says why).
  return doc && !(await sizeGuard(doc)) ? renumberAllEdits(analysisOf(doc)) : [];
}));

/** The profiles a document may use, and which one is in use for it. */
connection.onRequest('reportlint/profiles', guarded('reportlint/profiles', OPTIONAL_URI_PARAM, async (params: { uri?: string } | null) => {
  params ??= {};
  const doc = params.uri ? documents.get(params.uri) : undefined;
  const settings = await getSettings(params.uri ?? '');
  const config = configFor(params.uri ?? '', settings);
  const active = doc ? await authoringProfile(doc) : null;
  return {
    active: active?.id ?? null,
    configured: config.profile,
    profiles: allProfiles(config).map((p) => ({ id: p.id, name: p.name[locale], description: p.description?.[locale] ?? '' })),
  };
}));

/** A whole report skeleton as a snippet, for the profile and year the writer picked. */
connection.onRequest('reportlint/skeleton', guarded('reportlint/skeleton', SKELETON_PARAMS, async (params: { uri?: string; profile: string; year: number; format?: 'text' | 'markdown' }) => {
  const config = configFor(params.uri ?? '', await getSettings(params.uri ?? ''));
  const profile = getProfile(params.profile, config);
  if (!profile) return null;
  return { snippet: reportSkeletonSnippet(profile, { year: params.year, format: params.format ?? 'text' }) };
}));

/** The mandated parts the document lacks, each with the edits that insert it where it belongs. */
connection.onRequest('reportlint/missingParts', guarded('reportlint/missingParts', URI_PARAM, async (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc || (await sizeGuard(doc))) return [];
  const profile = await authoringProfile(doc);
  if (!profile) return [];
  const analysis = analysisOf(doc);
  return locateParts(analysis, profile)
    .parts.filter((p) => !p.location)
    .map(({ part }) => {
      const ins = partInsertion(analysis, profile, part.id);
      return { id: part.id, name: part.name[locale], item: part.item[locale], required: part.required, order: skeletonOrder(part), marker: ins.marker, edits: ins.edits };
    });
}));

/** The mandated parts and where the report stands with each (the status bar's checklist; lsp/parts-checklist.ts). */
connection.onRequest('reportlint/partsChecklist', guarded('reportlint/partsChecklist', URI_PARAM, async (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc || (await sizeGuard(doc))) return null;
  const profile = await authoringProfile(doc);
  return profile ? partsChecklist(analysisOf(doc), profile, locale) : null;
}));

/** What the status bar shows: the profile in use and whether the document is checked. */
connection.onRequest('reportlint/documentStatus', guarded('reportlint/documentStatus', URI_PARAM, async (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const settings = await getSettings(doc.uri);
  const analysis = analysisOf(doc);
  const profile = await authoringProfile(doc);
  return {
    checked: shouldCheck(doc, judgedAnalysis(doc, analysis, configFor(doc.uri, settings)), settings.enable, configFor(doc.uri, settings)).check,
    run: settings.run,
    profile: profile ? { id: profile.id, name: profile.name[locale] } : null,
  };
}));

/**
 * Check files that are not open (the "check all reports in the workspace" command): the client
 * lists them (honouring files.exclude); .reportlintignore and the enable mode apply here, and
 * the findings are published like those of open documents.
 */
connection.onRequest('reportlint/checkFiles', guarded('reportlint/checkFiles', CHECK_FILES_PARAMS, async (params: { uris: string[]; roots: string[] }) => {
  const filter = new IgnoreFilter(params.roots);
  const summary = { files: 0, checked: 0, ignored: 0, unreadable: [] as string[], errors: 0, warnings: 0, withFindings: 0 };
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
    if (documents.get(target)) continue; // open documents are checked as they are edited
    const read = docx ? await readDocxForCheck(file, locale) : readReportFile(file);
    if (!read.ok) {
      summary.unreadable.push(file);
      continue;
    }
    const settings = await getSettings(uri);
    if (settings.enable === 'never') continue;
    const analysis = Analysis.fromText(read.text, { uri });
    const config = configFor(uri, settings);
    const { check, force } = checkDecision({ mode: settings.enable, analysis, path: file, config });
    if (!check) continue;
    summary.checked++;
    const findings = checkDocument(analysis, { config, locale, forceReport: force });
    for (const f of findings) {
      if (f.severity === 'error') summary.errors++;
      else if (f.severity === 'warning') summary.warnings++;
    }
    if (findings.length) summary.withFindings++;
    await connection.sendDiagnostics({ uri: target, diagnostics: findings.map((f) => toDiagnostic(f, target)) });
  }
  // .reportlintignore files that exist but could not be read (a FIFO, a device, too large) are listed too.
  summary.unreadable.push(...filter.problems);
  return summary;
}));

registerDocxRequests(connection, documents, () => locale);

connection.onNotification('reportlint/didChangeTrust', (p: { isTrusted: boolean }) => {
  if (!valid(obj({ isTrusted: bool }), p)) return;
  trusted = p.isTrusted !== false;
  for (const doc of documents.all()) schedule(doc, true);
});

connection.onExecuteCommand((params) => {
  const kind = (Object.keys(SUPPRESS_COMMANDS) as (keyof typeof SUPPRESS_COMMANDS)[]).find((k) => SUPPRESS_COMMANDS[k] === params.command);
  const raw: unknown = params.arguments?.[0];
  if (!kind) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${String(params.command)}`);
  if (!valid(SUPPRESS_ARGS, raw) || !RULES.some((r) => r.meta.id === (raw as SuppressArgs).ruleId)) throw new ResponseError(ErrorCodes.InvalidParams, `${params.command}: invalid arguments`);
  const args = raw as SuppressArgs;
  if (!args.uri.startsWith('file:')) return null;
  const doc = documents.get(args.uri);
  if (!doc) return null;
  try {
    const written = runSuppression(kind, args, analysisOf(doc), fileURLToPath(args.uri), workspaceRoots);
    for (const d of documents.all()) schedule(d, true);
    return { written };
  } catch (e) {
    connection.console.error(`ReportLint: ${params.command} failed: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
});

/** Custom request used by the client's commands and tests: the outline as the CLI's JSON. */
connection.onRequest('reportlint/outline', guarded('reportlint/outline', URI_PARAM, async (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  return (await sizeGuard(doc)) ?? outlineToJson(analysisOf(doc), params.uri);
}));

/**
 * The statistics summary (数据核对表) of an open document: coverage, every claim and a
 * rendered Markdown table in the server's locale. Shape documented in README; null
 * when the document is not open.
 */
connection.onRequest('reportlint/stats', guarded('reportlint/stats', URI_PARAM, async (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const large = await sizeGuard(doc);
  if (large) return { ...large, uri: params.uri, markdown: large.message };
  const summary = statsSummary(analysisOf(doc));
  let name = params.uri.replace(/^.*\//, '');
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the encoded name
  }
  const claims = summary.claims.map((c) => ({ ...c, reason: unverifiableReason(c, locale) }));
  return { ...summary, claims, uri: params.uri, name, markdown: statsToMarkdown(summary, locale, name) };
}));

/** The 数据核对表 of an open document as the CLI's CSV (`reportlint stats --format csv`). */
connection.onRequest('reportlint/statsCsv', guarded('reportlint/statsCsv', URI_PARAM, (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  let file = params.uri;
  if (params.uri.startsWith('file:')) {
    try {
      file = fileURLToPath(params.uri);
    } catch {
      // keep the URI
    }
  }
  return { csv: statsToCsv([{ path: file, summary: statsSummary(analysisOf(doc)) }]) };
}));

/** A rule's documentation page from its metadata (the client shows it for Diagnostic.codeDescription links). */
connection.onRequest('reportlint/ruleDoc', guarded('reportlint/ruleDoc', obj({ id: str }), (params: { id: string }) => renderRuleMarkdown(params.id, locale)));

/**
 * Whether a text looks like a report: the same auto-mode decision as checking (core/enable.ts),
 * for the client's switch to the ReportLint language (reportlint.autoLanguage).
 */
connection.onRequest('reportlint/looksLikeReport', guarded('reportlint/looksLikeReport', obj({ uri: str, text: str, languageId: optional(str) }), async (params: { uri: string; text: string; languageId?: string }) => {
  const text = String(params.text ?? '').slice(0, LARGE_DOC_PROBE);
  const format = params.languageId === 'markdown' || /\.(md|markdown)$/i.test(params.uri) ? 'markdown' : 'text';
  const settings = await getSettings(params.uri);
  const analysis = Analysis.fromText(text, { uri: params.uri, format });
  return checkDecision({ mode: 'auto', analysis, path: params.uri, config: configFor(params.uri, settings) }).check;
}));

/**
 * Custom request behind the client's `reportlint.convertPunctuation` command: the edits that
 * convert the whole document to full-width punctuation (the client applies them as one edit).
 */
connection.onRequest('reportlint/fullWidthPunctuation', guarded('reportlint/fullWidthPunctuation', URI_PARAM, async (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const version = doc.version;
  const large = await sizeGuard(doc);
  if (large) return { ...large, version, edits: [] };
  return { version, edits: fullWidthPunctuationEdits(analysisOf(doc)) };
}));

documents.listen(connection);
connection.listen();
