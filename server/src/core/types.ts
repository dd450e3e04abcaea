/**
 * Plain data types shared by the checking library and its adapters.
 * Positions and ranges follow the LSP convention (0-based lines, UTF-16 code
 * unit columns) but are declared here so the core never imports LSP packages.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Offsets are UTF-16 code unit offsets into the document text. */
export interface OffsetRange {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** Localised title shown in the quick-fix menu. */
  title: string;
  edits: TextEdit[];
  /** Only set when one fix is clearly the right one. */
  isPreferred?: boolean;
  /** Stable kind of fix, e.g. `renumber`, `replace-year`; used by tests and commands. */
  kind?: string;
}

export interface RelatedInformation {
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedInformation[];
  /** Optional Markdown explanation shown on hover (e.g. the arithmetic behind a verdict). */
  explanation?: string;
  /** Rule-specific, JSON-serialisable detail (used by hovers, summaries and tests). */
  data?: Record<string, unknown>;
}

export type Locale = 'zh-cn' | 'en';
