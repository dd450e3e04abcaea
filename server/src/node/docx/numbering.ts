/**
 * The list numbering Word generates from numbering.xml (w:abstractNum / w:num) — the `一、`,
 * `（一）`, `1.` that a .docx shows but that are not in the paragraph's runs.
 *
 * Counters follow Word: list instances (w:num) that point to the same abstract definition share
 * one sequence unless the instance overrides a start value (w:lvlOverride/w:startOverride), which
 * makes it a list of its own; numbering a level restarts the deeper levels (w:lvlRestart can limit
 * or prevent that); `%N` in w:lvlText is level N's current value in that level's format (decimal for
 * every level when the level is w:isLgl).
 */
import type { XmlElement } from './xml';

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string | null;
  /** w:lvlRestart (1-based level after which this level restarts; 0 = never), null when absent. */
  restart: number | null;
  isLgl: boolean;
  suff: 'tab' | 'space' | 'nothing';
}

interface NumDef {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDef>;
}

export interface NumberingDefs {
  abstracts: Map<string, Map<number, LevelDef>>;
  nums: Map<string, NumDef>;
}

export function emptyNumbering(): NumberingDefs {
  return { abstracts: new Map(), nums: new Map() };
}

function intAttr(el: XmlElement | undefined, fallback: number): number {
  const v = el?.attr('val');
  const n = v === undefined ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
}

function parseLevel(lvl: XmlElement): LevelDef {
  const restartEl = lvl.child('lvlRestart');
  const lgl = lvl.child('isLgl');
  const suff = lvl.child('suff')?.attr('val');
  return {
    start: intAttr(lvl.child('start'), 0),
    numFmt: lvl.child('numFmt')?.attr('val') ?? 'decimal',
    lvlText: lvl.child('lvlText')?.attr('val') ?? null,
    restart: restartEl ? intAttr(restartEl, 1) : null,
    isLgl: !!lgl && !isFalse(lgl.attr('val')),
    suff: suff === 'space' || suff === 'nothing' ? suff : 'tab',
  };
}

export function isFalse(v: string | undefined): boolean {
  return v === '0' || v === 'false' || v === 'off';
}

/** Read the definitions from numbering.xml's root element. */
export function parseNumbering(root: XmlElement | null): NumberingDefs {
  const defs = emptyNumbering();
  if (!root) return defs;
  for (const abs of root.children('abstractNum')) {
    const id = abs.attr('abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, LevelDef>();
    for (const lvl of abs.children('lvl')) levels.set(intAttr2(lvl.attr('ilvl')), parseLevel(lvl));
    defs.abstracts.set(id, levels);
  }
  for (const num of root.children('num')) {
    const id = num.attr('numId');
    const abstractId = num.child('abstractNumId')?.attr('val');
    if (id === undefined || abstractId === undefined) continue;
    const startOverrides = new Map<number, number>();
    const levelOverrides = new Map<number, LevelDef>();
    for (const o of num.children('lvlOverride')) {
      const ilvl = intAttr2(o.attr('ilvl'));
      const so = o.child('startOverride');
      if (so) startOverrides.set(ilvl, intAttr(so, 0));
      const lvl = o.child('lvl');
      if (lvl) levelOverrides.set(ilvl, parseLevel(lvl));
    }
    defs.nums.set(id, { abstractId, startOverrides, levelOverrides });
  }
  return defs;
}

function intAttr2(v: string | undefined): number {
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 && n < 9 ? n : 0;
}

interface CounterState {
  values: number[];
  used: boolean[];
}

/** Generates the numbering text of numbered paragraphs, in document order. */
export class NumberingCounter {
  private states = new Map<string, CounterState>();
  constructor(private readonly defs: NumberingDefs) {}

  private level(num: NumDef, ilvl: number): LevelDef | undefined {
    return num.levelOverrides.get(ilvl) ?? this.defs.abstracts.get(num.abstractId)?.get(ilvl);
  }

  /**
   * The text Word shows before a paragraph numbered (numId, ilvl), including the separator that
   * follows it (see `separator`), or '' when the paragraph is not numbered after all.
   */
  next(numId: string, ilvl: number): string {
    if (numId === '0') return '';
    const num = this.defs.nums.get(numId);
    if (!num) return '';
    const def = this.level(num, ilvl);
    if (!def) return '';
    const own = num.startOverrides.size > 0;
    const key = own ? `num:${numId}` : `abs:${num.abstractId}`;
    let state = this.states.get(key);
    if (!state) {
      state = { values: new Array<number>(9).fill(0), used: new Array<boolean>(9).fill(false) };
      this.states.set(key, state);
    }
    const startOf = (l: number) => num.startOverrides.get(l) ?? this.level(num, l)?.start ?? 0;
    if (state.used[ilvl]) state.values[ilvl]++;
    else {
      state.values[ilvl] = startOf(ilvl);
      state.used[ilvl] = true;
    }
    for (let d = ilvl + 1; d < 9; d++) {
      const r = this.level(num, d)?.restart ?? null;
      // Restart after any shallower level by default; w:lvlRestart N restarts only after levels 1..N.
      if (r === null || (r > 0 && ilvl + 1 <= r)) state.used[d] = false;
    }
    if (def.numFmt === 'none' && !def.lvlText) return '';
    const text = (def.lvlText ?? '').replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const value = state!.used[l] ? state!.values[l] : startOf(l);
      const fmt = def.isLgl ? 'decimal' : (this.level(num, l)?.numFmt ?? 'decimal');
      return formatNumber(value, fmt);
    });
    const shown = def.numFmt === 'bullet' ? bulletText(text) : text;
    return shown + separator(shown, def.suff);
  }
}

/**
 * What stands between the number and the paragraph text in the text view: nothing after a marker
 * that ends in punctuation or a bracket (`一、`, `（一）`, `1.`), as the writer would type it; one
 * space otherwise (`第一章 总则`); nothing when the level says so (w:suff nothing).
 */
export function separator(marker: string, suff: LevelDef['suff']): string {
  if (!marker || suff === 'nothing') return '';
  return /[、.．,，:：)）\]】〕》>」』-]$/.test(marker) ? '' : ' ';
}

/** Symbol-font bullets are private-use code points: they read as `•`. */
function bulletText(text: string): string {
  const cleaned = text.replace(/[\ue000-\uf8ff]/g, '');
  return cleaned.trim() ? cleaned : text ? '•' : '';
}

const DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** A counter value in a w:numFmt. Unknown formats print decimal, as Word does for them. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2473 + n) : String(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2487 + n) : String(n);
    case 'upperLetter':
    case 'lowerLetter': {
      if (n < 1) return String(n);
      const ch = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.ceil(n / 26));
      return fmt === 'upperLetter' ? ch : ch.toLowerCase();
    }
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return n >= 0 && n < 100 ? chineseThousands(n, DIGITS, ['', '十', '百', '千'], true) : digitwise(n);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
      return chineseThousands(n, DIGITS, ['', '十', '百', '千'], true);
    case 'chineseLegalSimplified':
      return chineseThousands(n, LEGAL_DIGITS, ['', '拾', '佰', '仟'], false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return digitwise(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? BRANCHES[n - 1] : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function digitwise(n: number): string {
  return String(n).replace(/\d/g, (d) => DIGITS[Number(d)]);
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/**
 * Chinese counting numerals below 10^8: 十一, 二十, 一百零五, 一千零一十, 两 not used. With
 * `dropLeadingOne`, 10–19 read 十… (not 一十…), as Word prints them.
 */
function chineseThousands(n: number, digits: string, units: string[], dropLeadingOne: boolean): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) return String(n);
  if (n === 0) return digits[0];
  const zeroWord = digits === DIGITS ? '零' : digits[0];
  const group = (g: number): string => {
    let out = '';
    let zero = false;
    for (let u = 3; u >= 0; u--) {
      const d = Math.floor(g / 10 ** u) % 10;
      if (d === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += zeroWord;
      zero = false;
      out += digits[d] + units[u];
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = high ? group(high) + '万' : '';
  if (low) out += (high && low < 1000 ? zeroWord : '') + group(low);
  if (dropLeadingOne && n >= 10 && n < 20) out = out.slice(1);
  return out;
}
