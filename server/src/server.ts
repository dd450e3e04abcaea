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
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'url';
import { Analysis } from './core/analysis';
import { checkDocument } from './core/check';
import { defaultConfig, loadConfigFor, mergeConfig, type ResolvedConfig } from './core/config';
import { hoverAt } from './core/hover';
import { isReportDocument } from './core/profiles/detect';
import './core/heading-hover';
import { completionsAt } from './core/completion';
import { activeProfile } from './core/profiles/detect';
import { DEFAULT_PROFILE_ID, getProfile } from './core/profiles/registry';
import type { Profile } from './core/profiles/types';
import { normalizeLocale } from './core/l10n';
import { outlineToJson } from './core/outline/serialize';
import { statsSummary, statsToMarkdown } from './core/figures/summary';
import type { Finding, Locale, SeverityOrOff } from './core/types';
import { toCodeAction, toCompletionItem, toDiagnostic, toDocumentSymbols, toFoldingRanges } from './lsp/convert';
import { debounceDelay } from './lsp/pipeline';

export type EnableMode = 'auto' | 'always' | 'never';

/** The `reportlint.*` settings the server reads (see package.json contributes.configuration). */
interface Settings {
  enable: EnableMode;
  rules: Record<string, SeverityOrOff>;
  maxFileSize: number;
}

const REPORT_LANGUAGE = 'reportlint';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let locale: Locale = 'zh-cn';
let hasConfigurationCapability = false;

interface DocState {
  version: number;
  analysis: Analysis;
  findings: Finding[] | null;
  timer: NodeJS.Timeout | null;
}
const states = new Map<string, DocState>();
const settingsCache = new Map<string, Promise<Settings>>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = normalizeLocale((params.initializationOptions as { locale?: string } | undefined)?.locale ?? params.locale);
  hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'ReportLint' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['（', '(', '第', '#'] },
    },
    serverInfo: { name: 'ReportLint', version: typeof REPORTLINT_VERSION === 'string' ? REPORTLINT_VERSION : 'dev' },
  };
});

declare const REPORTLINT_VERSION: string | undefined;

function formatOf(doc: TextDocument): 'markdown' | 'text' {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri) ? 'markdown' : 'text';
}

/** The analysis for the current version of a document, built once and shared. */
function analysisOf(doc: TextDocument): Analysis {
  let st = states.get(doc.uri);
  if (!st || st.version !== doc.version) {
    const analysis = Analysis.fromText(doc.getText(), { uri: doc.uri, format: formatOf(doc), version: doc.version });
    st = { version: doc.version, analysis, findings: null, timer: st?.timer ?? null };
    states.set(doc.uri, st);
  }
  return st.analysis;
}

async function getSettings(uri: string): Promise<Settings> {
  const defaults: Settings = { enable: 'auto', rules: {}, maxFileSize: defaultConfig().maxFileSize };
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
  let base = mergeConfig(defaultConfig(), { rules: settings.rules, maxFileSize: settings.maxFileSize });
  if (uri.startsWith('file:')) {
    try {
      base = loadConfigFor(fileURLToPath(uri), base);
    } catch {
      // Not a local path: defaults and settings only.
    }
  }
  return base;
}

/** Whether the document is checked at all under the enable mode. */
function shouldCheck(doc: TextDocument, analysis: Analysis, mode: EnableMode): { check: boolean; force: boolean } {
  if (mode === 'never') return { check: false, force: false };
  if (mode === 'always' || doc.languageId === REPORT_LANGUAGE) return { check: true, force: true };
  return { check: isReportDocument(analysis), force: false };
}

async function validate(doc: TextDocument): Promise<void> {
  const version = doc.version;
  const settings = await getSettings(doc.uri);
  const current = documents.get(doc.uri);
  if (!current || current.version !== version) return; // a newer version will be validated
  const analysis = analysisOf(current);
  const { check, force } = shouldCheck(current, analysis, settings.enable);
  let findings: Finding[] = [];
  if (check) {
    const config = configFor(doc.uri, settings);
    findings = checkDocument(analysis, {
      config,
      locale,
      forceReport: force,
      onRuleError: (rule, e) => connection.console.error(`ReportLint: rule ${rule} failed on ${doc.uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`),
    });
  }
  const st = states.get(doc.uri);
  if (!st || st.version !== version || documents.get(doc.uri)?.version !== version) return; // stale
  st.findings = findings;
  await connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: findings.map((f) => toDiagnostic(f, doc.uri)) });
}

function schedule(doc: TextDocument, immediate: boolean): void {
  let st = states.get(doc.uri);
  if (!st) {
    analysisOf(doc);
    st = states.get(doc.uri)!;
  }
  if (st.timer) clearTimeout(st.timer);
  const run = () => {
    const s = states.get(doc.uri);
    if (s) s.timer = null;
    const latest = documents.get(doc.uri);
    if (latest) validate(latest).catch((e) => connection.console.error(`ReportLint: ${e instanceof Error ? e.stack : String(e)}`));
  };
  st.timer = immediate ? null : setTimeout(run, debounceDelay(doc.getText().length));
  if (immediate) run();
}

documents.onDidOpen((e) => schedule(e.document, true));
documents.onDidChangeContent((e) => {
  if (states.get(e.document.uri)?.version === e.document.version) return;
  schedule(e.document, false);
});
documents.onDidClose((e) => {
  const st = states.get(e.document.uri);
  if (st?.timer) clearTimeout(st.timer);
  states.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
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
  // Markdown already has an outline from VS Code; add ours only for reports.
  if (formatOf(doc) === 'markdown' && doc.languageId !== REPORT_LANGUAGE && settings.enable === 'auto') {
    return isReportDocument(analysisOf(doc));
  }
  return true;
}

connection.onDocumentSymbol(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || !(await symbolsAllowed(doc))) return [];
  return toDocumentSymbols(analysisOf(doc));
});

connection.onFoldingRanges(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || !(await symbolsAllowed(doc))) return [];
  return toFoldingRanges(analysisOf(doc));
});

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  const st = doc ? states.get(doc.uri) : undefined;
  if (!doc || !st || st.version !== doc.version || !st.findings) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'ReportLint') continue;
    const finding = st.findings.find((f) => f.ruleId === diagnostic.code && sameRange(f.range, diagnostic.range) && f.message === diagnostic.message);
    for (const fix of finding?.fixes ?? []) actions.push(toCodeAction(fix, doc.uri, diagnostic));
  }
  return actions;
});

connection.onHover(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || !(await symbolsAllowed(doc))) return null;
  const analysis = analysisOf(doc);
  const st = states.get(doc.uri);
  const findings = st && st.version === doc.version && st.findings ? st.findings : [];
  const md = hoverAt(analysis, analysis.doc.offsetAt(params.position), locale, findings);
  return md ? { contents: { kind: 'markdown', value: md } } : null;
});

/** The profile for authoring help: the active one, or the built-in one for documents checked in any case. */
async function authoringProfile(doc: TextDocument): Promise<Profile | null> {
  const settings = await getSettings(doc.uri);
  const config = configFor(doc.uri, settings);
  const found = activeProfile(analysisOf(doc), config);
  if (found || config.profile === 'none') return found;
  const forced = settings.enable === 'always' || doc.languageId === REPORT_LANGUAGE;
  return forced ? getProfile(DEFAULT_PROFILE_ID, config) ?? null : null;
}

connection.onCompletion(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || !(await symbolsAllowed(doc))) return null;
  return completionsAt(analysisOf(doc), params.position, locale, await authoringProfile(doc)).map(toCompletionItem);
});

/** Custom request used by the client's commands and tests: the outline as the CLI's JSON. */
connection.onRequest('reportlint/outline', (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  return outlineToJson(analysisOf(doc), params.uri);
});

/**
 * The statistics summary (数据核对表) of an open document: coverage, every claim and a
 * rendered Markdown table in the server's locale. Shape documented in README; null
 * when the document is not open.
 */
connection.onRequest('reportlint/stats', (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const summary = statsSummary(analysisOf(doc));
  let name = params.uri.replace(/^.*\//, '');
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the encoded name
  }
  return { ...summary, uri: params.uri, markdown: statsToMarkdown(summary, locale, name) };
});

documents.listen(connection);
connection.listen();
