/**
 * The language server's session state, shared by the feature adapters (lsp/features/): the open
 * documents and their checking sessions, the settings and the per-folder configuration, and the
 * policy questions every feature asks (is the document too large, is it checked, which profile).
 * It talks to the client only through a ServerPort, so it holds no connection.
 */
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../core/analysis';
import { checkDecision, type CheckDecision, type EnableMode } from '../core/config/check-decision';
import { defaultConfig, mergeConfig, type ResolvedConfig } from '../core/config/config';
import type { IgnoreEntry } from '../core/config/suppress';
import { localize } from '../core/l10n';
import { activeProfile, isReportDocument } from '../core/profiles/detect';
import { DEFAULT_PROFILE_ID, getProfile } from '../core/profiles/registry';
import type { Profile } from '../core/profiles/types';
import type { Rule } from '../core/rules/types';
import type { Locale, SeverityOrOff } from '../core/types';
import { findIgnoreFile, loadConfigWithFiles, readSidecar, relativeReportPath, type Sidecar } from '../node/config-files';
import { docxFileUri } from '../node/docx/view-uri';
import { FolderConfigCache } from './config-cache';
import { isConfigFile } from './config-diagnostics';
import { LruCache } from './lru';
import { IDLE_TRIM_DELAY_MS, trimWhenIdle } from './memory';
import { DocumentSession } from './pipeline';
import type { TooLargeAnswer } from './protocol';

export type { EnableMode };

/** The `reportlint.*` settings the server reads (see package.json contributes.configuration). */
export interface Settings {
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

export const DEFAULT_SETTINGS: Settings = { enable: 'auto', rules: {}, maxFileSize: defaultConfig().maxFileSize, run: 'onType', profile: 'auto', codeLens: 'inconsistent', ignoreFile: true };

/** What the state needs from the connection. */
export interface ServerPort {
  /** The `reportlint` settings section for a resource (null when the client has none). */
  getConfiguration(uri: string): Promise<Partial<Settings> | null>;
  sendDiagnostics(params: PublishDiagnosticsParams): Promise<void>;
  error(message: string): void;
  /** Ask the client to report changes to these files (workspace/didChangeWatchedFiles), when it can. */
  watchFiles(files: readonly string[]): void;
}

/** The language id of documents the writer declared reports. */
export const REPORT_LANGUAGE = 'reportlint';
/** How much of a document over the size limit is read to judge whether it is a report. */
export const LARGE_DOC_PROBE = 65_536;

const TOO_LARGE_MESSAGE = {
  'zh-cn': '文档有 {size} 个字符，超过 maxFileSize（{max}），ReportLint 不分析它。可在设置 reportlint.maxFileSize 或 .reportlintrc.json 中调整上限。',
  en: 'The document has {size} characters, more than maxFileSize ({max}); ReportLint does not analyse it. The limit is set by reportlint.maxFileSize or .reportlintrc.json.',
};

export function formatOf(doc: { languageId: string; uri: string }): 'markdown' | 'text' {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri) ? 'markdown' : 'text';
}

/** The local path of a file URI, or null. */
export function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export class ServerState {
  locale: Locale = 'zh-cn';
  hasConfigurationCapability = false;
  /** VS Code's workspace trust (initializationOptions.isTrusted, updated by reportlint/didChangeTrust). */
  trusted = true;
  /** Workspace folder paths, for the workspace-wide config file. */
  workspaceRoots: string[] = [];
  /** Checking state per open document (lsp/pipeline.ts). */
  readonly sessions = new Map<string, DocumentSession>();
  /** Settings per URI: bounded (custom requests may name any number of unopened URIs). */
  readonly settingsCache = new LruCache<string, Promise<Settings>>(256);
  /** Config files and sidecars per folder, invalidated by file watching (lsp/config-cache.ts). */
  readonly folders = new FolderConfigCache();
  /** Called with the config files of a configuration read from disk (their diagnostics are published). */
  onConfigLoaded: (files: readonly string[]) => void = () => undefined;
  /** Called with a sidecar read from disk (its problems are published). */
  onSidecarLoaded: (sidecar: Sidecar) => void = () => undefined;
  /** Files the client was asked to watch beyond its own watchers (custom profiles with other names). */
  private readonly watched = new Set<string>();

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    readonly port: ServerPort,
    readonly rules: readonly Rule[],
  ) {}

  sessionOf(doc: TextDocument): DocumentSession {
    let session = this.sessions.get(doc.uri);
    if (!session || session.format !== formatOf(doc)) {
      session = new DocumentSession(doc.uri, formatOf(doc));
      this.sessions.set(doc.uri, session);
    }
    return session;
  }

  /** The analysis for the current version of a document, built once and shared. */
  analysisOf(doc: TextDocument): Analysis {
    return this.sessionOf(doc).analysis(doc.getText(), doc.version);
  }

  /**
   * The rules' models of very large documents go once the writer pauses, followed by a collection
   * (lsp/memory.ts); each call re-arms the timer.
   */
  releaseModelsWhenIdle(): void {
    trimWhenIdle(IDLE_TRIM_DELAY_MS, () => {
      for (const s of this.sessions.values()) s.releaseModels();
    });
  }

  getSettings(uri: string): Promise<Settings> {
    if (!this.hasConfigurationCapability) return Promise.resolve(DEFAULT_SETTINGS);
    let p = this.settingsCache.get(uri);
    if (!p) {
      p = this.port
        .getConfiguration(uri)
        .then((s) => ({ ...DEFAULT_SETTINGS, ...(s ?? {}) }))
        .catch(() => DEFAULT_SETTINGS);
      this.settingsCache.set(uri, p);
    }
    return p;
  }

  /** The configuration of a document: the settings, then the config files of its folder (cached per folder). */
  configFor(uri: string, settings: Settings): ResolvedConfig {
    const base = mergeConfig(defaultConfig(), { rules: settings.rules, maxFileSize: settings.maxFileSize, profile: settings.profile || 'auto' });
    // The text view of a .docx takes the configuration of the .docx's folder.
    const file = filePathOf(docxFileUri(uri) ?? uri);
    if (!file) return base; // not a local path: defaults and settings only
    const key = JSON.stringify([settings.rules, settings.maxFileSize, settings.profile || 'auto', this.trusted]);
    let read: readonly string[] = [];
    const { config, fresh } = this.folders.config(path.dirname(path.resolve(file)), key, () => {
      const loaded = loadConfigWithFiles(file, base, { trusted: this.trusted });
      read = loaded.files;
      return loaded;
    });
    if (fresh) {
      this.onConfigLoaded(config.sources);
      this.watchProfiles(read);
    }
    return config;
  }

  /**
   * The client watches config files, sidecars and `*.reportlint-profile.json`; a custom profile
   * named otherwise is watched on request, so that its changes reach the cache too.
   */
  private watchProfiles(files: readonly string[]): void {
    const unwatched = files.filter((f) => !isConfigFile(f) && !f.endsWith('.reportlint-profile.json') && !this.watched.has(path.resolve(f)));
    if (!unwatched.length) return;
    for (const f of unwatched) this.watched.add(path.resolve(f));
    this.port.watchFiles(unwatched);
  }

  /** The `.reportlint-ignore.json` entries for a report (the sidecar is cached per folder). */
  ignoresFor(file: string): IgnoreEntry[] {
    const sidecar = this.folders.sidecar(path.dirname(path.resolve(file)), () => {
      const found = findIgnoreFile(file);
      const read = found ? readSidecar(found) : null;
      if (read) this.onSidecarLoaded(read);
      return read;
    });
    if (!sidecar) return [];
    const rel = relativeReportPath(path.dirname(sidecar.file), file);
    return sidecar.entries.filter((e) => e.file === rel);
  }

  /** Over the size limit (reportlint.maxFileSize / maxFileSize) no outline is built for a document. */
  tooLarge(doc: TextDocument, config: ResolvedConfig): boolean {
    return doc.getText().length > config.maxFileSize;
  }

  /** null when the document is within the size limit, else the "too large" answer. */
  async sizeGuard(doc: TextDocument): Promise<TooLargeAnswer | null> {
    const config = this.configFor(doc.uri, await this.getSettings(doc.uri));
    const size = doc.getText().length;
    if (size <= config.maxFileSize) return null;
    return { tooLarge: true, size, maxFileSize: config.maxFileSize, message: localize(TOO_LARGE_MESSAGE, this.locale, { size: String(size), max: String(config.maxFileSize) }) };
  }

  /**
   * The analysis that decides whether a document is a report: for a document over the size
   * limit only its beginning is read, and checking it yields one document-too-large finding.
   */
  judgedAnalysis(doc: TextDocument, analysis: Analysis, config: ResolvedConfig): Analysis {
    if (!this.tooLarge(doc, config)) return analysis;
    return Analysis.fromText(analysis.doc.text.slice(0, LARGE_DOC_PROBE), { uri: doc.uri, format: formatOf(doc) });
  }

  /** Whether the document is checked, and as a report: the decision the CLI makes too (core/config/check-decision.ts). */
  shouldCheck(doc: TextDocument, analysis: Analysis, mode: EnableMode, config?: ResolvedConfig): CheckDecision {
    return checkDecision({ mode, analysis, path: doc.uri, reportLanguage: doc.languageId === REPORT_LANGUAGE, config });
  }

  /** Outline and folding: not for giant documents, and in Markdown only for reports. */
  async symbolsAllowed(doc: TextDocument): Promise<boolean> {
    const settings = await this.getSettings(doc.uri);
    if (settings.enable === 'never') return false;
    const config = this.configFor(doc.uri, settings);
    if (this.tooLarge(doc, config)) return false; // no outline for giant documents
    // Markdown already has an outline from VS Code; add ours only for reports.
    if (formatOf(doc) === 'markdown' && doc.languageId !== REPORT_LANGUAGE && settings.enable === 'auto') {
      return isReportDocument(this.analysisOf(doc), config);
    }
    return true;
  }

  /**
   * Authoring help (completion, heading hover, semantic tokens) only where the document is
   * checked: a non-report .txt in `auto` mode gets no marker suggestions or colouring.
   */
  async authoringAllowed(doc: TextDocument): Promise<boolean> {
    const settings = await this.getSettings(doc.uri);
    const config = this.configFor(doc.uri, settings);
    if (this.tooLarge(doc, config)) return false;
    return this.shouldCheck(doc, this.analysisOf(doc), settings.enable, config).check;
  }

  /** The profile for authoring help: the active one, or the built-in one for documents checked in any case. */
  async authoringProfile(doc: TextDocument): Promise<Profile | null> {
    const settings = await this.getSettings(doc.uri);
    const config = this.configFor(doc.uri, settings);
    const found = activeProfile(this.judgedAnalysis(doc, this.analysisOf(doc), config), config);
    if (found || config.profile === 'none') return found;
    const forced = settings.enable === 'always' || doc.languageId === REPORT_LANGUAGE;
    return forced ? getProfile(DEFAULT_PROFILE_ID, config) ?? null : null;
  }
}
