import type { Analysis } from '../analysis';
import { figuresOf } from '../figures/analyze';
import type { OffsetRange } from '../types';
import { countBefore } from '../document/sorted';

/**
 * Semantic tokens for reports: what the outline and the figures engine know, so a plain .txt
 * report is highlighted as precisely as it is checked (a run-in heading's title stops at its
 * 。, a year is not a count, 〔2024〕3号 is neither). Declared in package.json
 * (semanticTokenTypes / semanticTokenModifiers / semanticTokenScopes) with TextMate scope
 * fallbacks that match syntaxes/reportlint.tmLanguage.json.
 */
export const TOKEN_TYPES = ['headingMarker', 'heading', 'number', 'rate', 'year', 'approximate'] as const;
export const TOKEN_MODIFIERS = ['level1', 'level2', 'level3', 'level4', 'part', 'percentage'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  line: number;
  /** UTF-16 column. */
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

interface Span extends OffsetRange {
  type: TokenType;
  modifiers: TokenModifier[];
}

function levelModifier(level: number): TokenModifier[] {
  if (level === 0) return ['part'];
  if (level >= 1 && level <= 4) return [`level${level}` as TokenModifier];
  return [];
}

/** Tokens in document order; none overlap and none crosses a line break. */
export function semanticTokens(analysis: Analysis): SemanticToken[] {
  const { doc, outline } = analysis;
  const fa = figuresOf(analysis);
  const inner: Span[] = [];
  for (const f of fa.figures) {
    const percent = f.kind === 'percent' || f.kind === 'points';
    inner.push({ start: f.numStart, end: percent ? f.end : f.numEnd, type: 'number', modifiers: percent ? ['percentage'] : [] });
    if (f.approxWord) {
      // Looked for inside the figure's own text only (a search over the whole document per figure was quadratic).
      const w = f.approxWord;
      const inFigure = doc.text.slice(f.start, f.end);
      const b = inFigure.lastIndexOf(w, f.numStart - w.length - f.start);
      const before = b >= 0 ? f.start + b : -1;
      const a = f.numEnd - f.start >= 0 ? inFigure.indexOf(w, f.numEnd - f.start) : -1;
      const after = a >= 0 ? f.start + a : -1;
      const at = before >= f.start && before + w.length <= f.numStart ? before : after >= f.numEnd && after + w.length <= f.end ? after : -1;
      if (at >= 0) inner.push({ start: at, end: at + f.approxWord.length, type: 'approximate', modifiers: [] });
    }
  }
  for (const r of fa.rates) {
    // The rate's name ends at most 6 characters before its figure: only that window is searched.
    const from = Math.max(0, r.figure.start - r.name.length - 6);
    const found = doc.simplified.slice(from, r.figure.start + r.name.length).lastIndexOf(r.name, r.figure.start - from);
    const at = found >= 0 ? from + found : -1;
    if (at >= 0 && r.figure.start - (at + r.name.length) <= 6) inner.push({ start: at, end: at + r.name.length, type: 'rate', modifiers: [] });
  }
  for (const s of fa.skipped) {
    if (s.reason === 'year') inner.push({ start: s.start, end: s.end, type: 'year', modifiers: [] });
  }
  inner.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop spans that overlap an earlier one.
  const clean: Span[] = [];
  for (const sp of inner) {
    if (sp.end <= sp.start) continue;
    const last = clean[clean.length - 1];
    if (last && sp.start < last.end) continue;
    clean.push(sp);
  }

  const spans: Span[] = [...clean];
  /** A heading's text, minus the figures and years inside it. */
  const headingText = (range: OffsetRange, mods: TokenModifier[]) => {
    let pos = range.start;
    // `clean` is sorted and its spans do not overlap: start at the first that ends after the heading
    // starts (binary search) and stop at the first that starts after it ends.
    for (let i = countBefore(clean, (sp) => sp.end <= range.start); i < clean.length && clean[i].start < range.end; i++) {
      const sp = clean[i];
      if (sp.end <= pos) continue;
      if (sp.start > pos) spans.push({ start: pos, end: sp.start, type: 'heading', modifiers: mods });
      pos = Math.max(pos, sp.end);
    }
    if (range.end > pos) spans.push({ start: pos, end: range.end, type: 'heading', modifiers: mods });
  };
  for (const h of outline.headings) {
    const mods = levelModifier(h.style === 'markdown' ? -1 : h.level);
    if (h.markerRange.end > h.markerRange.start && h.style !== 'markdown') spans.push({ ...h.markerRange, type: 'headingMarker', modifiers: mods });
    headingText(h.titleRange, mods);
  }
  if (outline.title) headingText(outline.title.range, []);
  spans.sort((a, b) => a.start - b.start || a.end - b.end);

  const out: SemanticToken[] = [];
  let lastEnd = -1;
  for (const sp of spans) {
    if (sp.start < lastEnd) continue; // the title line's figures are already out
    // Split at line breaks (a span never should cross one, but be safe).
    let start = sp.start;
    while (start < sp.end) {
      const p = doc.positionAt(start);
      const lineEnd = doc.lines[p.line].end;
      const end = Math.min(sp.end, lineEnd);
      if (end > start) out.push({ line: p.line, character: p.character, length: end - start, type: sp.type, modifiers: sp.modifiers });
      start = lineEnd >= sp.end ? sp.end : doc.lines[p.line + 1]?.start ?? sp.end;
    }
    lastEnd = sp.end;
  }
  return out;
}

/** The LSP encoding: five integers per token, positions relative to the previous token. */
export function encodeSemanticTokens(tokens: readonly SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const t of tokens) {
    const dl = t.line - line;
    const dc = dl === 0 ? t.character - char : t.character;
    let mods = 0;
    for (const m of t.modifiers) mods |= 1 << TOKEN_MODIFIERS.indexOf(m);
    data.push(dl, dc, t.length, TOKEN_TYPES.indexOf(t.type), mods);
    line = t.line;
    char = t.character;
  }
  return data;
}
