/**
 * A report as a .docx laid out as GB/T 9704-2012 (党政机关公文格式) asks, with the `docx` package:
 *
 * - A4 (210 × 297 mm); margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, which leaves the
 *   版心 of 156 × 225 mm;
 * - body 仿宋_GB2312 三号 (16 pt), 28 characters a line and 22 lines a page: a document grid of
 *   28.95 pt lines (579 twips × 22 ≈ 225 mm) and characters pitched 156 mm / 28, plus an exact
 *   line height of the same 28.95 pt for applications that ignore the grid; paragraphs justified
 *   with a first-line indent of two characters;
 * - the title (the outline's title line) 方正小标宋简体 二号 (22 pt), centred;
 * - headings by level: 一、 黑体, （一） 楷体_GB2312, 1. and （1） 仿宋_GB2312 (the body font); on a
 *   run-in heading line only the heading is set in the heading font;
 * - the issuing body and the date (the outline's closing block) right-aligned, the date four
 *   characters from the right edge and the issuing body centred over it;
 * - page numbers `— N —` in 四号 (14 pt) 宋体 below the 版心 (the number's top about 7 mm below it),
 *   odd pages on the right and even pages on the left, one character in from the edge;
 * - table rows (`cell | cell |`, and Markdown tables) as real Word tables.
 *
 * Fonts are named, not embedded: the reader's machine supplies them (Word falls back to its own
 * substitutes where a font is missing). Every line of the text is one paragraph (blank lines
 * included), and heading numbers stay text in the runs, so reading the .docx back gives the same
 * text (the round trip): only a Markdown heading's `#` marks and a Markdown table's rule row are
 * not carried over.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { Analysis } from '../../core/analysis';
import { tablesOf } from '../../core/document/blocks/tables';
import type { DocumentFormat } from '../../core/document/document';

/** Twips (1/20 pt) in a millimetre. */
const MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * MM);

export const GBT9704 = {
  page: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** 三号 in half-points. */
  bodySize: 32,
  /** 二号. */
  titleSize: 44,
  /** 四号 (page numbers, table cells). */
  smallSize: 28,
  /** 225 mm / 22 lines, in twips (28.95 pt). */
  linePitch: 579,
  /**
   * Space added to each character, in twips: 156 mm / 28 = 15.79 pt a character, so a 16 pt
   * character gives up a quarter point (−5 twips → 15.75 pt, 28 to the line).
   */
  charSpacing: -5,
  fonts: { title: '方正小标宋简体', body: '仿宋_GB2312', level1: '黑体', level2: '楷体_GB2312', pageNumber: '宋体' },
} as const;

/** One character of 三号 in twips. */
const CHAR = 320;

function fonts(name: string): IRunOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

function runs(text: string, font: string, size: number, bold = false): TextRun[] {
  if (!text) return [];
  const parts = text.split('\t');
  return [new TextRun({ font: fonts(font), size, bold, children: parts.flatMap((p, i) => (i ? ['\t', p] : [p])).filter((x) => x !== '') })];
}

/** Cells of a table row written as `a | b |` or `| a | b |`; null when the line is no table row. */
export function pipeCells(line: string): string[] | null {
  const t = line.trim();
  if (!t.endsWith('|') || (t.match(/\|/g)?.length ?? 0) < 2) return null;
  const inner = t.startsWith('|') ? t.slice(1, -1) : t.slice(0, -1);
  return inner.split('|').map((c) => c.trim());
}

const isRuleRow = (cells: string[]) => cells.every((c) => /^:?-{3,}:?$/.test(c));

export interface ExportOptions {
  format?: DocumentFormat;
}

/** The report `text` as a GB/T 9704 .docx. */
export async function exportDocx(text: string, options: ExportOptions = {}): Promise<Buffer> {
  const analysis = Analysis.fromText(text, { format: options.format });
  const doc = analysis.doc;
  const outline = analysis.outline;
  const headingAt = new Map(outline.headings.map((h) => [h.line, h]));
  const titleLine = outline.title?.line ?? -1;
  const closing = outline.closing;
  const lines = doc.lines.map((l) => l.text);
  const body: (Paragraph | Table)[] = [];
  const bodyRun = (t: string) => runs(t, GBT9704.fonts.body, GBT9704.bodySize);
  const exact = { line: GBT9704.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

  // Pipe and Markdown tables (the table model) become Word tables; their caption stays a paragraph.
  // A table laid out one cell per line stays as its lines: joining them would change the text.
  const tableAt = new Map<number, number>();
  for (const t of tablesOf(doc)) {
    if (t.form === 'cell-per-line') continue;
    const first = t.caption && t.caption.line === t.startLine ? t.startLine + 1 : t.startLine;
    tableAt.set(first, t.endLine);
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const tableEnd = tableAt.get(i);
    if (tableEnd !== undefined) {
      const rows: string[][] = [];
      for (let j = i; j <= tableEnd; j++) {
        const c = pipeCells(lines[j]);
        if (c && !isRuleRow(c)) rows.push(c);
      }
      if (rows.length) {
        body.push(table(rows));
        i = tableEnd;
        continue;
      }
    }
    if (i === titleLine) {
      const next = lines[i + 1] ?? '';
      body.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { ...exact, line: Math.max(GBT9704.linePitch, 640), after: next.trim() ? GBT9704.linePitch : 0 },
          children: runs(line, GBT9704.fonts.title, GBT9704.titleSize),
        }),
      );
      continue;
    }
    if (closing && (i === closing.date.line || i === closing.issuer?.line)) {
      // Half-width characters (the date's digits) take half a character.
      const width = (s: string) => Array.from(s.trim()).reduce((w, ch) => w + (ch.codePointAt(0)! < 0x2000 ? CHAR / 2 : CHAR), 0);
      const dateWidth = width(closing.date.text);
      const right = i === closing.date.line ? 4 * CHAR : 4 * CHAR + Math.max(0, Math.round((dateWidth - width(line)) / 2));
      body.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right }, spacing: exact, children: bodyRun(line) }));
      continue;
    }
    const h = headingAt.get(i);
    let children: TextRun[];
    if (h && h.level >= 1 && h.level <= 4) {
      const font = h.level === 1 ? GBT9704.fonts.level1 : h.level === 2 ? GBT9704.fonts.level2 : GBT9704.fonts.body;
      const lineStart = doc.lines[i].start;
      // A Markdown heading's `#` marks are not text of the report.
      const from = h.markdownLevel !== null ? h.markerRange.start - lineStart : 0;
      const split = h.bodyStart !== null ? h.bodyStart - lineStart : line.length;
      children = [...runs(line.slice(from, split), font, GBT9704.bodySize), ...bodyRun(line.slice(split))];
    } else if (h && h.markdownLevel !== null) {
      children = runs(line.replace(/^\s*#+\s*/, '').replace(/\s*#+\s*$/, ''), GBT9704.fonts.level1, GBT9704.bodySize);
    } else {
      children = bodyRun(line);
    }
    body.push(new Paragraph({ alignment: AlignmentType.BOTH, indent: { firstLine: 2 * CHAR }, spacing: exact, children }));
  }

  const pageNumber = (alignment: 'left' | 'right') =>
    new Footer({
      children: [
        new Paragraph({
          alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: alignment === 'right' ? { right: 280 } : { left: 280 },
          children: [new TextRun({ font: fonts(GBT9704.fonts.pageNumber), size: GBT9704.smallSize, children: ['— ', PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });

  const document = new Document({
    creator: 'ReportLint',
    title: outline.title?.text ?? '',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fonts(GBT9704.fonts.body), size: GBT9704.bodySize, characterSpacing: GBT9704.charSpacing, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exact },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: GBT9704.page,
            margin: {
              ...GBT9704.margin,
              header: mm(15),
              // The page number's line: its top about 7 mm below the 版心 (35 mm − 7 mm − one 四号 line).
              footer: mm(23),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: GBT9704.linePitch },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children: body.length ? body : [new Paragraph({ children: [] })],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function table(rows: string[][]): Table {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const contentWidth = GBT9704.page.width - GBT9704.margin.left - GBT9704.margin.right;
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: new Array<number>(columns).fill(Math.floor(contentWidth / columns)),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: Array.from({ length: columns }, (_, k) =>
            new TableCell({
              width: { size: Math.floor(contentWidth / columns), type: WidthType.DXA },
              children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 360, lineRule: LineRuleType.AUTO }, children: runs(cells[k] ?? '', GBT9704.fonts.body, GBT9704.smallSize) })],
            }),
          ),
        }),
    ),
  });
}
