/**
 * The custom requests and notifications (`reportlint/...`) between the client and the server:
 * ONE typed definition of each, imported by both sides. The client sends them with
 * `client.sendRequest(REQUESTS.x, params)`, the server answers them through `onRequest` in
 * lsp/features/custom-requests.ts, so a renamed or retyped field fails to compile on both sides.
 *
 * The definitions are plain objects carrying their types (RequestDef): the server and the client
 * bundle different vscode-jsonrpc versions whose RequestType classes are not interchangeable, so
 * the client turns them into its own RequestType objects (client/src/requests.ts) and the server
 * answers by method name (lsp/params.ts onRequest). This module imports only types from the core.
 */

/** A custom request: its method name, and (as types only) its params and result. */
export interface RequestDef<P, R> {
  readonly method: string;
  /** Never set: carries the params and result types. */
  readonly types?: { params: P; result: R };
}

/** A custom notification: its method name and (as a type only) its params. */
export interface NotificationDef<P> {
  readonly method: string;
  readonly types?: { params: P };
}

function request<P, R>(method: string): RequestDef<P, R> {
  return { method };
}

function notification<P>(method: string): NotificationDef<P> {
  return { method };
}
import type { OutlineJson } from '../core/outline/serialize';
import type { StatsClaimJson, StatsCoverage } from '../core/figures/summary';
import type { Range, TextEdit } from '../core/types';
import type { PartsChecklist } from './parts-checklist';

export type { Range, TextEdit };

/** Params naming one document. */
export interface UriParams {
  uri: string;
}

/** The answer of a request about a document over the size limit (no analysis is built). */
export interface TooLargeAnswer {
  tooLarge: true;
  /** UTF-16 code units. */
  size: number;
  maxFileSize: number;
  /** Localised explanation, ready to show. */
  message: string;
}

export interface ProfilesParams {
  uri?: string;
}
export interface ProfilesAnswer {
  /** The profile in use for the document, or null. */
  active: string | null;
  /** The configured profile id, `auto` or `none`. */
  configured: string;
  profiles: { id: string; name: string; description: string }[];
}

export interface SkeletonParams {
  uri?: string;
  profile: string;
  year: number;
  format?: 'text' | 'markdown';
}

export interface MissingPart {
  id: string;
  name: string;
  item: string;
  required: boolean;
  /**
   * `missing`: the report goes past where the part belongs (a later part or the closing is
   * written); `not-reached`: the text has not got that far yet (a draft still being written).
   */
  status: 'missing' | 'not-reached';
  /** Place in the regulation's order. */
  order: number;
  marker: string;
  edits: TextEdit[];
}

export interface DocumentStatus {
  checked: boolean;
  run: 'onType' | 'onSave';
  profile: { id: string; name: string } | null;
  /** Over the size limit: why requests about the document answer nothing (renumber, missingParts). */
  tooLarge: TooLargeAnswer | null;
}

export interface CheckFilesParams {
  uris: string[];
  roots: string[];
}
export interface CheckSummary {
  files: number;
  checked: number;
  ignored: number;
  unreadable: string[];
  errors: number;
  warnings: number;
  withFindings: number;
}

/** One claim of the 数据核对表, with why it could not be verified (localised) when it could not. */
export interface StatsClaim extends StatsClaimJson {
  reason: string | null;
}
export interface StatsAnswer {
  uri: string;
  coverage: StatsCoverage;
  claims: StatsClaim[];
  /** The file name shown in titles. */
  name: string;
  markdown: string;
}
/** Over the size limit: no claims; `markdown` is the explanation. */
export type StatsTooLargeAnswer = TooLargeAnswer & { uri: string; markdown: string };

export interface LooksLikeReportParams {
  uri: string;
  text: string;
  languageId?: string;
}

export interface PunctuationAnswer {
  /** The document version the edits apply to. */
  version: number;
  edits: TextEdit[];
}

export interface PipelineStats {
  debounceMs: number;
  checkMs: number;
  /** The server process's memory now (process.memoryUsage(), bytes), for the benchmark. */
  memory: { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
  /** CPU time the server process has used since it started (ms; all its threads), for the benchmark. */
  cpuMs: number;
}

export type DocxTextAnswer = { ok: true; text: string } | { ok: false; message: string };

/** Whether an answer is the "document too large" answer. */
export function isTooLarge(answer: unknown): answer is TooLargeAnswer {
  return !!answer && typeof answer === 'object' && (answer as { tooLarge?: unknown }).tooLarge === true;
}

export const REQUESTS = {
  /** Edits that renumber every heading sequence (empty over the size limit). */
  renumber: request<UriParams, TextEdit[]>('reportlint/renumber'),
  /** The profiles a document may use, and which one is in use for it. */
  profiles: request<ProfilesParams | null, ProfilesAnswer>('reportlint/profiles'),
  /** A whole report skeleton as a snippet; null for an unknown profile. */
  skeleton: request<SkeletonParams, { snippet: string } | null>('reportlint/skeleton'),
  /** The mandated parts the document lacks, each with the edits that insert it. */
  missingParts: request<UriParams, MissingPart[]>('reportlint/missingParts'),
  /** The mandated parts and where the report stands with each (the status bar's checklist); null without a profile. */
  partsChecklist: request<UriParams, PartsChecklist | null>('reportlint/partsChecklist'),
  /** What the status bar shows; null when the document is not open. */
  documentStatus: request<UriParams, DocumentStatus | null>('reportlint/documentStatus'),
  /** Check files that are not open and publish their findings. */
  checkFiles: request<CheckFilesParams, CheckSummary>('reportlint/checkFiles'),
  /** The outline as the CLI's JSON. */
  outline: request<UriParams, OutlineJson | TooLargeAnswer | null>('reportlint/outline'),
  /** The 数据核对表 of an open document. */
  stats: request<UriParams, StatsAnswer | StatsTooLargeAnswer | null>('reportlint/stats'),
  /** The 数据核对表 as the CLI's CSV. */
  statsCsv: request<UriParams, { csv: string } | null>('reportlint/statsCsv'),
  /** A rule's documentation page (Markdown), null for an unknown rule. */
  ruleDoc: request<{ id: string }, string | null>('reportlint/ruleDoc'),
  /** Whether a text looks like a report (the auto-mode decision). */
  looksLikeReport: request<LooksLikeReportParams, boolean>('reportlint/looksLikeReport'),
  /** The edits converting the whole document to full-width punctuation. */
  fullWidthPunctuation: request<UriParams, PunctuationAnswer | (TooLargeAnswer & PunctuationAnswer) | null>('reportlint/fullWidthPunctuation'),
  /** Timing of the last scheduled check of a document (the benchmark's round-trip measure). */
  pipelineStats: request<UriParams, PipelineStats | null>('reportlint/pipelineStats'),
  /** A .docx file's text view. */
  docxText: request<UriParams, DocxTextAnswer>('reportlint/docxText'),
  /** An open report as a GB/T 9704 .docx, base64. */
  exportDocx: request<UriParams, { data: string } | null>('reportlint/exportDocx'),
} as const;

export const NOTIFICATIONS = {
  /** VS Code's workspace trust changed. */
  didChangeTrust: notification<{ isTrusted: boolean }>('reportlint/didChangeTrust'),
} as const;

/** The params and result types of a request definition. */
export type ParamsOf<T> = T extends RequestDef<infer P, unknown> ? P : never;
export type ResultOf<T> = T extends RequestDef<unknown, infer R> ? R : never;
