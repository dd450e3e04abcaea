/**
 * Cited document titles (《…》, and 〈…〉 or <…> nested in them) with the years they carry:
 * 《法治政府建设实施纲要（2021—2025年）》 is the title 法治政府建设实施纲要(#—#年) in the edition
 * 2021—2025. Two citations with the same words and different years are either two editions of a
 * document or one document cited wrongly; `citationKey` gives the words, `years` the edition.
 * Matching reads the simplified-script view, so 綱要 and 纲要 are one title.
 */

import { matchesAtOffsets, matchesStartingWith } from './scan';

/** A year or a span of years inside a title. */
export interface TitleYears {
  /** First year (the only one for a single year). */
  from: number;
  /** Last year (equal to `from` for a single year). */
  to: number;
  /** A span (2021—2025年), not a single year (2023年). */
  span: boolean;
}

export interface Citation {
  /** Offsets of the whole citation including its marks (《…》) in the text. */
  start: number;
  end: number;
  /** The title as written (original text, without the marks). */
  title: string;
  /** The title's words with every year replaced by #, brackets, spaces and pinyin residue dropped. */
  key: string;
  /** The years in the title, in order. */
  years: TitleYears[];
  /** Offsets of the years (the whole year expression) in the text, in order. */
  yearRanges: Array<{ start: number; end: number }>;
}

/** A span: 2021—2025年, 2021-2025, 2021年至2025年, 2021~2025年; dashes of every width and 至/到. */
const YEAR_RE = /((?:19|20)\d\d)\s*(?:年\s*)?(?:(?:[-—–－~～‐‑−]+|至|到)\s*((?:19|20)\d\d)\s*)?(?:年(?:度)?)?/g;
const PINYIN_RE = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]/g;

/**
 * The citations of a text (simplified view and original of the same length), in order. `opens`,
 * when given, lists (ascending) at least every offset of 《 in the text (ReportDocument.bracketOffsets).
 * With `withYears`, only the citations that carry a year (some of TitleYears): a title without an
 * ASCII digit, and the titles nested in it, are passed over unread.
 */
export function findCitations(simplified: string, original: string = simplified, opens?: readonly number[], withYears = false): Citation[] {
  const out: Citation[] = [];
  // Every match starts at a 《: the pattern is tried at those only (matchesStartingWith).
  for (const m of opens ? matchesAtOffsets(simplified, opens, '《', OUTER_AT) : matchesStartingWith(simplified, '《', OUTER_AT)) {
    const start = m.index;
    const inner = m[1];
    if (withYears && !hasAsciiDigit(inner)) continue;
    out.push(citation(simplified, original, start, start + m[0].length, start + 1, start + 1 + inner.length));
    // A title quoted inside the title: 《关于贯彻落实〈…纲要(2021—2025年)〉的实施方案》.
    const NESTED = /[〈<]([^〈〉<>]{2,100})[〉>]/g;
    let n: RegExpExecArray | null;
    while ((n = NESTED.exec(inner))) {
      const s = start + 1 + n.index;
      out.push(citation(simplified, original, s, s + n[0].length, s + 1, s + 1 + n[1].length));
    }
  }
  return out;
}

/** Whether a string holds one of 0–9 (YEAR_RE's years are ASCII digits). */
function hasAsciiDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** A citation at one position: 《, 2 to 120 characters (no mark, no line break), 》. */
const OUTER_AT = /《([^《》\n]{2,120})》/y;

function citation(simplified: string, original: string, start: number, end: number, tStart: number, tEnd: number): Citation {
  const words = simplified.slice(tStart, tEnd);
  const years: TitleYears[] = [];
  const yearRanges: Array<{ start: number; end: number }> = [];
  YEAR_RE.lastIndex = 0;
  let y: RegExpExecArray | null;
  let key = '';
  let last = 0;
  while ((y = YEAR_RE.exec(words))) {
    const from = Number(y[1]);
    const to = y[2] ? Number(y[2]) : from;
    years.push({ from, to, span: !!y[2] });
    yearRanges.push({ start: tStart + y.index, end: tStart + y.index + y[0].length });
    key += words.slice(last, y.index) + (y[2] ? '#—#' : '#');
    last = y.index + y[0].length;
  }
  key += words.slice(last);
  return { start, end, title: original.slice(tStart, tEnd), key: normalizeKey(key), years, yearRanges };
}

/** The words of a title for comparison: no pinyin residue, brackets, spaces or nested marks. */
export function normalizeKey(s: string): string {
  return s.replace(PINYIN_RE, '').replace(/[\s\u3000()（）〈〉<>“”"'‘’]/g, '');
}

/** The years of a citation as one printable signature (2021—2025, 2023). */
export function yearsSignature(years: readonly TitleYears[]): string {
  return years.map((y) => (y.span ? `${y.from}—${y.to}` : String(y.from))).join('/');
}

/**
 * Well-known national documents whose titles carry their years, with every edition issued (data,
 * not logic: add a document or an edition here). A citation with the same words and years that
 * match no edition is very likely a slip.
 */
export const KNOWN_DOCUMENTS: ReadonlyArray<{ title: string; editions: ReadonlyArray<readonly [number, number]> }> = [
  // 中共中央、国务院: the 2015 and the 2021 plan for a law-based government.
  { title: '法治政府建设实施纲要（#—#年）', editions: [[2015, 2020], [2021, 2025]] },
  // 中共中央, 2021.
  { title: '法治中国建设规划（#—#年）', editions: [[2020, 2025]] },
  // 中共中央, 2020.
  { title: '法治社会建设实施纲要（#—#年）', editions: [[2020, 2025]] },
  // 中宣部、司法部: the 七五 and 八五 legal-education plans.
  { title: '关于开展法治宣传教育的第七个五年规划（#—#年）', editions: [[2016, 2020]] },
  { title: '关于开展法治宣传教育的第八个五年规划（#—#年）', editions: [[2021, 2025]] },
];

/** A known document's title in one edition (its # replaced by the years). */
export function knownTitle(title: string, edition: readonly [number, number]): string {
  return title.replace('#—#', `${edition[0]}—${edition[1]}`);
}

/** The known documents by the key their citations have. */
export const KNOWN_BY_KEY: ReadonlyMap<string, { title: string; editions: ReadonlyArray<readonly [number, number]> }> = new Map(
  KNOWN_DOCUMENTS.map((d) => {
    const t = `《${knownTitle(d.title, d.editions[0])}》`;
    return [findCitations(t)[0].key, d];
  }),
);

/**
 * Words right before a citation that mark it as another edition on purpose (上一轮《…》, 原《…》,
 * 替代/废止《…》): such a citation is never compared with the current edition.
 */
export const OTHER_EDITION_BEFORE_RE = /(?:上一?轮|上一?期|上一?个|前一?轮|前一?期|原|旧|老|已废止的?|废止|替代|取代|接续|衔接|延续|对比|相比|修订前的?|此前的?|以往的?)$/;

/** Words right after a citation that mark it as an earlier or another edition (《…》已废止, 《…》到期, 《…》实施完毕). */
export const OTHER_EDITION_AFTER_RE = /^(?:已|同时|业已)?(?:废止|失效|到期|期满|实施完毕|收官|圆满完成|全面完成)/;
