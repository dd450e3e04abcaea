/**
 * A .docx as the text the checker reads: one line per paragraph of the document body, in order,
 * with the list numbering Word generates (numbering.xml) written out; each table row as a pipe row
 * `cell | cell |` (the form the table model reads); tracked changes as if accepted (insertions
 * kept, deletions dropped); comments, footnotes, text boxes, headers and footers left out; hidden
 * text (w:vanish) left out. `origins[i]` says where text line i comes from in the document, for
 * messages that must send the writer to the right place in Word.
 */
import { emptyNumbering, isFalse, NumberingCounter, parseNumbering, type NumberingDefs } from './numbering';
import { parseTree, streamXml, type XmlElement } from './xml';
import { DEFAULT_ZIP_LIMITS, DocxReadError, readZipParts, type ZipLimits } from './zip';
import type { LineOrigin } from './origin';

export interface DocxText {
  text: string;
  /** Parallel to the text's lines. */
  origins: LineOrigin[];
}

interface StyleDef {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
}

function parseStyles(root: XmlElement | null): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  if (!root) return styles;
  for (const s of root.children('style')) {
    const id = s.attr('styleId');
    if (id === undefined) continue;
    const numPr = s.child('pPr')?.child('numPr');
    const ilvl = numPr?.child('ilvl')?.attr('val');
    styles.set(id, {
      basedOn: s.child('basedOn')?.attr('val') ?? null,
      numId: numPr?.child('numId')?.attr('val') ?? null,
      ilvl: ilvl === undefined ? null : Number.parseInt(ilvl, 10) || 0,
    });
  }
  return styles;
}

/** numId and ilvl a paragraph style gives (following w:basedOn), or nulls. */
function styleNumbering(styles: Map<string, StyleDef>, id: string | null): { numId: string | null; ilvl: number | null } {
  let numId: string | null = null;
  let ilvl: number | null = null;
  const seen = new Set<string>();
  for (let s = id ? styles.get(id) : undefined; s && !seen.has(id!); ) {
    seen.add(id!);
    numId ??= s.numId;
    ilvl ??= s.ilvl;
    id = s.basedOn;
    s = id ? styles.get(id) : undefined;
  }
  return { numId, ilvl };
}

/** Resolve a relationship target against the folder of the part that owns the .rels. */
function resolveTarget(ownerDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerDir ? ownerDir.split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relTargets(rels: XmlElement | null, ownerDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rels?.children('Relationship') ?? []) {
    const type = r.attr('Type') ?? '';
    const target = r.attr('Target');
    if (!target || r.attr('TargetMode') === 'External') continue;
    const kind = type.slice(type.lastIndexOf('/') + 1);
    if (!out.has(kind)) out.set(kind, resolveTarget(ownerDir, target));
  }
  return out;
}

/** Read a .docx file's bytes. Rejects with DocxReadError (the CLI names the file in its message). */
export async function readDocx(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<DocxText> {
  const parts = await readZipParts(buf, (name) => name.endsWith('.xml') || name.endsWith('.rels'), limits);
  const pkgRels = relTargets(parseTree(parts.get('_rels/.rels'), '_rels/.rels'), '');
  const mainName = pkgRels.get('officeDocument') ?? 'word/document.xml';
  const main = parts.get(mainName);
  if (!main) throw new DocxReadError('not-word', mainName);
  const dir = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/')) : '';
  const relsName = `${dir ? dir + '/' : ''}_rels/${mainName.slice(dir ? dir.length + 1 : 0)}.rels`;
  const docRels = relTargets(parseTree(parts.get(relsName), relsName), dir);
  const numberingName = docRels.get('numbering') ?? `${dir}/numbering.xml`;
  const stylesName = docRels.get('styles') ?? `${dir}/styles.xml`;
  const numbering = parts.has(numberingName) ? parseNumbering(parseTree(parts.get(numberingName), numberingName)) : emptyNumbering();
  const styles = parseStyles(parseTree(parts.get(stylesName), stylesName));
  return bodyText(main, mainName, numbering, styles);
}

/** Elements whose whole content is not part of the accepted body text. */
const SKIP = new Set([
  'del', // tracked deletion
  'moveFrom', // tracked move: the old place
  'delText',
  'delInstrText',
  'instrText', // field codes (the field's result is read)
  'txbxContent', // text boxes
  'textbox',
  'Fallback', // mc:AlternateContent's fallback duplicates its choice
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'sectPr',
  'tblGrid',
  'tblPr',
  'object',
  // Formatting before a tracked change: the current properties are the accepted ones.
  'pPrChange',
  'rPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'sectPrChange',
  'numberingChange',
]);

interface ParagraphState {
  text: string;
  numId: string | null;
  ilvl: number | null;
  style: string | null;
  markDeleted: boolean;
}

interface CellState {
  paragraphs: string[];
  span: number;
  vContinue: boolean;
}

interface RowState {
  cells: string[];
  deleted: boolean;
}

interface TableState {
  rows: string[];
  row: RowState | null;
  cell: CellState | null;
}

function bodyText(xml: Buffer, part: string, numbering: NumberingDefs, styles: Map<string, StyleDef>): DocxText {
  const counter = new NumberingCounter(numbering);
  const lines: string[] = [];
  const origins: LineOrigin[] = [];
  let paragraphNo = 0;
  let tableNo = 0;
  let skip = 0;
  const path: string[] = [];
  let para: ParagraphState | null = null;
  /** Text of paragraphs whose mark was deleted (tracked): it joins the next paragraph. */
  let carry: { text: string; numId: string | null; ilvl: number | null; style: string | null } | null = null;
  const tables: TableState[] = [];
  let hiddenRun = false;
  let inText = false;

  const inside = (local: string) => path.includes(local);
  const finishParagraph = (p: ParagraphState) => {
    let text = p.text;
    let numId = p.numId;
    let ilvl = p.ilvl;
    let style = p.style;
    if (carry) {
      text = carry.text + text;
      numId = carry.numId ?? numId;
      ilvl = carry.ilvl ?? ilvl;
      style = carry.style ?? style;
      carry = null;
    }
    if (p.markDeleted) {
      carry = { text, numId, ilvl, style };
      return;
    }
    const fromStyle = styleNumbering(styles, style);
    const effectiveNum = numId ?? fromStyle.numId;
    const prefix = effectiveNum ? counter.next(effectiveNum, ilvl ?? fromStyle.ilvl ?? 0) : '';
    const full = prefix + text;
    const table = tables[tables.length - 1];
    if (table?.cell) {
      table.cell.paragraphs.push(full.replace(/\n/g, ' '));
      return;
    }
    paragraphNo++;
    for (const line of full.split('\n')) {
      lines.push(line);
      origins.push({ paragraph: paragraphNo });
    }
  };

  streamXml(xml, part, {
    open(local, attrs) {
      if (skip > 0) {
        skip++;
        return;
      }
      const parent = path[path.length - 1];
      path.push(local);
      if (SKIP.has(local)) {
        // A w:del inside the paragraph mark's properties marks the mark itself deleted.
        if (local === 'del' && para && parent === 'rPr' && path[path.length - 3] === 'pPr') para.markDeleted = true;
        // A deleted table row (w:trPr/w:del).
        else if (local === 'del' && parent === 'trPr' && tables.length) {
          const row = tables[tables.length - 1].row;
          if (row) row.deleted = true;
        }
        path.pop();
        skip = 1;
        return;
      }
      switch (local) {
        case 'p':
          para = { text: '', numId: null, ilvl: null, style: null, markDeleted: false };
          break;
        case 'pStyle':
          if (para && parent === 'pPr') para.style = attrs.get('val') ?? null;
          break;
        case 'numId':
          if (para && parent === 'numPr' && inside('pPr')) para.numId = attrs.get('val') ?? null;
          break;
        case 'ilvl':
          if (para && parent === 'numPr' && inside('pPr')) para.ilvl = Number.parseInt(attrs.get('val') ?? '0', 10) || 0;
          break;
        case 'r':
          hiddenRun = false;
          break;
        case 'vanish':
          if (parent === 'rPr' && path[path.length - 3] === 'r' && !isFalse(attrs.get('val'))) hiddenRun = true;
          break;
        case 't':
          inText = parent === 'r' && !hiddenRun;
          break;
        case 'tab':
          if (para && parent === 'r' && !hiddenRun) para.text += '\t';
          break;
        case 'br':
        case 'cr': {
          const type = attrs.get('type');
          if (para && parent === 'r' && !hiddenRun && type !== 'page' && type !== 'column') para.text += '\n';
          break;
        }
        case 'noBreakHyphen':
          if (para && parent === 'r' && !hiddenRun) para.text += '-';
          break;
        case 'tbl':
          if (!tables.length) tableNo++;
          tables.push({ rows: [], row: null, cell: null });
          break;
        case 'tr':
          if (tables.length) tables[tables.length - 1].row = { cells: [], deleted: false };
          break;
        case 'tc':
          if (tables.length) tables[tables.length - 1].cell = { paragraphs: [], span: 1, vContinue: false };
          break;
        case 'gridSpan': {
          const cell = tables[tables.length - 1]?.cell;
          if (cell && parent === 'tcPr') cell.span = Math.max(1, Math.min(64, Number.parseInt(attrs.get('val') ?? '1', 10) || 1));
          break;
        }
        case 'vMerge': {
          const cell = tables[tables.length - 1]?.cell;
          if (cell && parent === 'tcPr' && attrs.get('val') !== 'restart') cell.vContinue = true;
          break;
        }
      }
    },
    close(local) {
      if (skip > 0) {
        skip--;
        return;
      }
      path.pop();
      switch (local) {
        case 'p':
          if (para) finishParagraph(para);
          para = null;
          break;
        case 't':
          inText = false;
          break;
        case 'r':
          hiddenRun = false;
          break;
        case 'tc': {
          const t = tables[tables.length - 1];
          if (t?.cell && t.row) {
            const text = t.cell.vContinue ? '' : t.cell.paragraphs.join(' ').trim();
            t.row.cells.push(text.replace(/\|/g, '｜'));
            for (let i = 1; i < t.cell.span; i++) t.row.cells.push('');
          }
          if (t) t.cell = null;
          break;
        }
        case 'tr': {
          const t = tables[tables.length - 1];
          if (t?.row && !t.row.deleted) t.rows.push(t.row.cells.join(' | ') + ' |');
          if (t) t.row = null;
          break;
        }
        case 'tbl': {
          const t = tables.pop();
          if (!t) break;
          const outer = tables[tables.length - 1];
          if (outer?.cell) {
            // A table inside a cell: its rows become text of that cell.
            outer.cell.paragraphs.push(t.rows.map((r) => r.replace(/ \|$/, '').replace(/ \| /g, ' ')).join(' '));
          } else {
            t.rows.forEach((row, i) => {
              lines.push(row);
              origins.push({ table: tableNo, row: i + 1 });
            });
          }
          break;
        }
      }
    },
    text(t) {
      if (skip === 0 && inText && para) para.text += t.replace(/[\r\n]+/g, ' ');
    },
  });
  if (carry) {
    // The last paragraph mark cannot really be deleted; keep the text.
    const c = carry as { text: string };
    paragraphNo++;
    lines.push(c.text);
    origins.push({ paragraph: paragraphNo });
  }
  return { text: lines.join('\n'), origins };
}
