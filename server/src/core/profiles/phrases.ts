import { simplify } from '../document/script';
import { PHRASE_GAP } from './types';
import { countBefore } from '../document/sorted';

/**
 * Literal phrase matching for profile data. A phrase is plain text; `…` inside it stands
 * for a gap of at most PHRASE_GAP characters that does not cross a sentence end. Matching
 * is a handful of indexOf calls per phrase, linear in the text: profile data cannot make
 * the checker hang, whatever it contains.
 */
export interface CompiledPhrase {
  source: string;
  pieces: string[];
}

const SENTENCE_END = /[。！？!?\n\r]/;
const SENTENCE_END_UNITS = new Set([...'。！？!?\n\r'].map((c) => c.charCodeAt(0)));

export function compilePhrase(p: string): CompiledPhrase {
  const pieces = simplify(p)
    .split('…')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { source: p, pieces };
}

const cache = new Map<string, CompiledPhrase>();
function compiled(p: string): CompiledPhrase {
  let c = cache.get(p);
  if (!c) {
    c = compilePhrase(p);
    if (cache.size > 5000) cache.clear();
    cache.set(p, c);
  }
  return c;
}

export interface PhraseMatch {
  phrase: string;
  start: number;
  end: number;
}

/** First match of one phrase in `text` from `from`, or null. */
export function findPhrase(text: string, phrase: string, from = 0): PhraseMatch | null {
  return findCompiled(text, compiled(phrase), from);
}

/** The plain matcher for one phrase: indexOf for the first piece, then each later piece within the gap. */
function findCompiled(text: string, c: CompiledPhrase, from = 0): PhraseMatch | null {
  const phrase = c.source;
  if (!c.pieces.length) return null;
  let i = text.indexOf(c.pieces[0], from);
  while (i >= 0) {
    let end = i + c.pieces[0].length;
    let ok = true;
    for (let k = 1; k < c.pieces.length && ok; k++) {
      const window = text.slice(end, end + PHRASE_GAP + c.pieces[k].length);
      const j = window.indexOf(c.pieces[k]);
      if (j < 0 || SENTENCE_END.test(window.slice(0, j))) ok = false;
      else end = end + j + c.pieces[k].length;
    }
    if (ok) return { phrase, start: i, end };
    i = text.indexOf(c.pieces[0], i + 1);
  }
  return null;
}

/**
 * A phrase list compiled for matching many phrases at once: an Aho–Corasick automaton over the
 * distinct pieces of all its phrases. One scan of the text finds every occurrence of every piece
 * (linear in the text plus the occurrences); each phrase is then matched by walking the sorted
 * occurrences of its pieces with cursors that only move forward, so a phrase whose pieces do not
 * occur costs nothing and none is re-searched from every occurrence of its first piece.
 * (Hand-written: the npm Aho–Corasick packages are small and unmaintained; this is ~80 lines,
 * checked against the plain indexOf matcher by test/unit/hardening-phrases.test.ts.)
 */
interface CompiledEntry {
  /** The first phrase of the list with these pieces, and how many phrases have them. */
  source: string;
  index: number;
  copies: number;
  ids: number[];
  lens: number[];
}

interface ListMatcher {
  entries: CompiledEntry[];
  /**
   * Piece id → the entries indexed under it. Each entry is indexed under one of its pieces, the
   * one fewest entries share, so a piece common to many phrases (的) does not make them all
   * candidates wherever it occurs.
   */
  byPiece: Map<number, number[]>;
}

class PieceAutomaton {
  /**
   * The automaton as a complete transition table (failure links folded in): row s, column k is
   * the state after a code unit of class k in state s. Class 0 is every code unit that occurs in
   * no piece (back to the root); the code units of the pieces are classes 1.. in order of appearance.
   */
  private readonly delta: Int32Array;
  private readonly width: number;
  /**
   * A code unit's class, in two levels: `pages` gives each block of 256 code units its block in
   * `classes` (block 0 is all zeros: a block with no code unit of any piece, most of them).
   */
  private readonly pages = new Uint16Array(256);
  private classes = new Uint16Array(256);
  /** The first state, following dictionary links, whose piece ends here (-1: none). */
  private readonly firstOut: Int32Array;
  /** The piece ending at this state (-1: none) and the nearest suffix state with a piece. */
  private readonly out: Int32Array;
  private readonly dict: Int32Array;
  readonly lengths: number[] = [];

  constructor(pieces: readonly string[]) {
    // The trie, with a map of transitions per state while it is built.
    const next: Map<number, number>[] = [new Map()];
    const out: number[] = [-1];
    let width = 1;
    pieces.forEach((piece, id) => {
      let s = 0;
      for (let i = 0; i < piece.length; i++) {
        const c = piece.charCodeAt(i);
        if (!this.classOf(c)) this.setClass(c, width++);
        let t = next[s].get(c);
        if (t === undefined) {
          t = next.length;
          next.push(new Map());
          out.push(-1);
          next[s].set(c, t);
        }
        s = t;
      }
      out[s] = id;
      this.lengths.push(piece.length);
    });
    const n = next.length;
    this.width = width;
    const fail = new Int32Array(n);
    this.out = Int32Array.from(out);
    this.dict = new Int32Array(n).fill(-1);
    this.firstOut = new Int32Array(n).fill(-1);
    this.delta = new Int32Array(n * width);
    // Breadth first: a state's failure state has its row filled before the state's own row.
    const queue: number[] = [0];
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      for (const [c, t] of next[s]) {
        if (s > 0) {
          let f = fail[s];
          while (f > 0 && !next[f].has(c)) f = fail[f];
          const g = next[f].get(c);
          fail[t] = g !== undefined && g !== t ? g : 0;
        }
        this.dict[t] = this.out[fail[t]] >= 0 ? fail[t] : this.dict[fail[t]];
        queue.push(t);
      }
      this.firstOut[s] = this.out[s] >= 0 ? s : this.dict[s];
      const row = s * width;
      const failRow = fail[s] * width;
      // The failure state's row, copied natively (a loop here ran interpreted once per process).
      if (s > 0) this.delta.copyWithin(row + 1, failRow + 1, failRow + width);
      for (const [c, t] of next[s]) this.delta[row + this.classOf(c)] = t;
    }
  }

  private classOf(c: number): number {
    return this.classes[(this.pages[c >>> 8] << 8) | (c & 255)];
  }

  private setClass(c: number, k: number): void {
    let page = this.pages[c >>> 8];
    if (!page) {
      page = this.classes.length >>> 8;
      const grown = new Uint16Array(this.classes.length + 256);
      grown.set(this.classes);
      this.classes = grown;
      this.pages[c >>> 8] = page;
    }
    this.classes[(page << 8) | (c & 255)] = k;
  }

  /** Whether some piece occurs in `text` (the loop of scan, stopping at the first occurrence, recording nothing). */
  occurs(text: string): boolean {
    const { pages, classes, delta, width, firstOut } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const k = classes[(pages[c >>> 8] << 8) | (c & 255)];
      if (k === 0) {
        s = 0;
        continue;
      }
      s = delta[s * width + k];
      if (firstOut[s] >= 0) return true;
    }
    return false;
  }

  /**
   * Start offsets (ascending) of every occurrence within text[from, end) of the pieces that occur,
   * per piece id, counted from `origin` (the scan of text.slice(origin, end) from from - origin).
   */
  scan(text: string, from: number, end = text.length, origin = 0): Map<number, number[]> | null {
    let occ: Map<number, number[]> | null = null;
    const { pages, classes, delta, width, firstOut, out, dict, lengths } = this;
    let s = 0;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      const k = classes[(pages[c >>> 8] << 8) | (c & 255)];
      if (k === 0) {
        s = 0;
        continue;
      }
      s = delta[s * width + k];
      for (let o = firstOut[s]; o >= 0; o = dict[o]) {
        const id = out[o];
        occ ??= new Map();
        const list = occ.get(id);
        if (list) list.push(i + 1 - lengths[id] - origin);
        else occ.set(id, [i + 1 - lengths[id] - origin]);
      }
    }
    return occ;
  }
}

/**
 * Matchers for several phrase lists over one automaton (the distinct pieces of all of them), so
 * that one scan of a text serves every list; each list's entries refer to the shared piece ids.
 */
interface SharedMatchers {
  automaton: PieceAutomaton;
  lists: ListMatcher[];
  /**
   * One list whose every phrase is a single piece (no gap): every piece of the automaton is then
   * a phrase of its own, so the list is contained in a text exactly when some piece occurs in it.
   */
  singlePieces: boolean;
}

function buildMatchers(lists: readonly (readonly string[] | undefined)[]): SharedMatchers {
  const pieceIds = new Map<string, number>();
  const pieces: string[] = [];
  const matchers = lists.map((phrases) => {
    const entries: CompiledEntry[] = [];
    const byKey = new Map<string, CompiledEntry>();
    (phrases ?? []).forEach((source, index) => {
      const c = compilePhrase(source);
      if (!c.pieces.length) return;
      const key = c.pieces.join('\u2026');
      const same = byKey.get(key);
      if (same) {
        same.copies++;
        return;
      }
      const ids = c.pieces.map((p) => {
        let id = pieceIds.get(p);
        if (id === undefined) {
          id = pieces.length;
          pieceIds.set(p, id);
          pieces.push(p);
        }
        return id;
      });
      const entry = { source, index, copies: 1, ids, lens: c.pieces.map((p) => p.length) };
      byKey.set(key, entry);
      entries.push(entry);
    });
    return entries;
  });
  return {
    automaton: new PieceAutomaton(pieces),
    singlePieces: matchers.length === 1 && matchers[0].every((e) => e.ids.length === 1),
    lists: matchers.map((entries) => {
      // Sharing counts within the list (as a list of its own would): the key piece of each entry.
      const shared = new Map<number, number>();
      for (const e of entries) for (const id of new Set(e.ids)) shared.set(id, (shared.get(id) ?? 0) + 1);
      const byPiece = new Map<number, number[]>();
      entries.forEach((e, i) => {
        let key = e.ids[0];
        for (const id of e.ids) if (shared.get(id)! < shared.get(key)! || (shared.get(id) === shared.get(key) && pieces[id].length > pieces[key].length)) key = id;
        const l = byPiece.get(key);
        if (l) l.push(i);
        else byPiece.set(key, [i]);
      });
      return { entries, byPiece };
    }),
  };
}

const singleMatchers = new WeakMap<readonly string[], SharedMatchers>();
function listMatcher(phrases: readonly string[]): SharedMatchers {
  let m = singleMatchers.get(phrases);
  if (!m) {
    m = buildMatchers([phrases]);
    singleMatchers.set(phrases, m);
  }
  return m;
}

const NO_OCCURRENCES: ReadonlyMap<number, number[]> = new Map();

/** One scan of a text for a phrase list; phrases are then matched from the occurrences. */
class ListScan {
  private readonly occ: ReadonlyMap<number, number[]>;

  constructor(
    private readonly text: string,
    private readonly matcher: ListMatcher,
    occ: ReadonlyMap<number, number[]> | null,
  ) {
    this.occ = occ ?? NO_OCCURRENCES;
  }

  /** Whether text[a, b) holds a sentence end (b - a is at most PHRASE_GAP: read in place). */
  private sentenceBetween(a: number, b: number): boolean {
    for (let i = a; i < b; i++) if (SENTENCE_END_UNITS.has(this.text.charCodeAt(i))) return true;
    return false;
  }

  /** The entries (ascending list order) whose every piece occurs: only they can match. */
  candidates(): CompiledEntry[] {
    if (!this.occ.size) return [];
    const out: number[] = [];
    for (const id of this.occ.keys()) {
      const l = this.matcher.byPiece.get(id);
      if (l) for (const i of l) if (this.matcher.entries[i].ids.every((x) => this.occ.has(x))) out.push(i);
    }
    return out.sort((a, b) => a - b).map((i) => this.matcher.entries[i]);
  }

  /**
   * Calls `onMatch` with the matches of an entry in order of their start, each as the plain
   * matcher finds it: a start of the first piece at or after `from`, then each later piece at its
   * first occurrence at or after the end of the previous one, at most PHRASE_GAP characters later
   * and with no sentence end between. Cursors only move forward (starts and ends grow together).
   * `onMatch` returns the position the next match must start at or after, or -1 to stop.
   */
  walk(e: CompiledEntry, from: number, onMatch: (start: number, end: number) => number): void {
    const lists = e.ids.map((id) => this.occ.get(id)!);
    const cursor = new Array<number>(lists.length).fill(0);
    const first = lists[0];
    for (let a = countBefore(first, (s) => s < from); a < first.length; a++) {
      const start = first[a];
      if (start < from) continue;
      let end = start + e.lens[0];
      let ok = true;
      for (let k = 1; k < lists.length; k++) {
        const list = lists[k];
        let p = cursor[k];
        while (p < list.length && list[p] < end) p++;
        cursor[k] = p;
        if (p === list.length) return; // no later occurrence: no later start can match either
        const j = list[p];
        if (j - end > PHRASE_GAP || this.sentenceBetween(end, j)) {
          ok = false;
          break;
        }
        end = j + e.lens[k];
      }
      if (ok) {
        from = onMatch(start, end);
        if (from < 0) return;
      }
    }
  }

  /**
   * Whether some entry matches (what `candidates()` and `first(e, 0)` say together), without
   * sorting the candidates or making a match: every match counts the same here.
   */
  containsSome(): boolean {
    if (!this.occ.size) return false;
    const { byPiece, entries } = this.matcher;
    for (const id of this.occ.keys()) {
      const l = byPiece.get(id);
      if (!l) continue;
      for (const i of l) {
        const e = entries[i];
        let all = true;
        for (const x of e.ids) if (!this.occ.has(x)) all = false;
        if (all && this.matchesFrom(e, 0)) return true;
      }
    }
    return false;
  }

  /** Whether `first(e, from)` finds a match; an entry of one piece matches at any occurrence from `from` on. */
  private matchesFrom(e: CompiledEntry, from: number): boolean {
    if (e.ids.length === 1) {
      const l = this.occ.get(e.ids[0])!;
      return l.length > 0 && l[l.length - 1] >= from;
    }
    return this.first(e, from) !== null;
  }

  first(e: CompiledEntry, from: number): PhraseMatch | null {
    let m: PhraseMatch | null = null;
    this.walk(e, from, (start, end) => {
      m = { phrase: e.source, start, end };
      return -1;
    });
    return m;
  }
}

/** The earliest match of any of the phrases (the first phrase in the list on a tie), or null. */
export function findAny(text: string, phrases: readonly string[] | undefined, from = 0): PhraseMatch | null {
  if (!phrases || !phrases.length) return null;
  const m = listMatcher(phrases);
  return firstOf(new ListScan(text, m.lists[0], m.automaton.scan(text, from)), from);
}

function firstOf(scan: ListScan, from: number): PhraseMatch | null {
  let best: PhraseMatch | null = null;
  for (const e of scan.candidates()) {
    const m = scan.first(e, from);
    if (m && (!best || m.start < best.start)) best = m;
  }
  return best;
}

export function containsAny(text: string, phrases: readonly string[] | undefined): boolean {
  if (!phrases || !phrases.length) return false;
  const m = listMatcher(phrases);
  // A list of gapless phrases: the first occurrence of any of them decides, with nothing recorded.
  if (m.singlePieces) return m.automaton.occurs(text);
  return containsOf(new ListScan(text, m.lists[0], m.automaton.scan(text, 0)));
}

function containsOf(scan: ListScan): boolean {
  return scan.containsSome();
}

/** Number of non-overlapping occurrences of the phrases (each phrase counted on its own; capped). */
export function countAll(text: string, phrases: readonly string[], cap = 1000): number {
  if (!phrases.length) return 0;
  const m = listMatcher(phrases);
  return countOf(new ListScan(text, m.lists[0], m.automaton.scan(text, 0)), cap);
}

function countOf(scan: ListScan, cap: number): number {
  let n = 0;
  for (const e of scan.candidates()) {
    let own = 0;
    scan.walk(e, 0, (_start, end) => {
      own++;
      return own * e.copies + n >= cap ? -1 : end;
    });
    n += own * e.copies;
    if (n >= cap) return cap;
  }
  return n;
}

/**
 * Phrase lists matched together: one automaton over the pieces of all of them, so that one scan
 * of a text answers findAny, containsAny and countAll for every list (each as the function of
 * that name gives it for the list alone). Made once per set of lists (they are profile data).
 */
export class PhraseLists {
  private readonly matchers: SharedMatchers;

  constructor(lists: readonly (readonly string[] | undefined)[]) {
    this.matchers = buildMatchers(lists);
  }

  /** One scan of `text` (from offset 0). */
  scan(text: string): PhraseScan {
    return new PhraseScan(text, this.matchers, this.matchers.automaton.scan(text, 0));
  }

  /** The scan of text.slice(start, end), without making the slice unless some piece occurs in it. */
  scanRange(text: string, start: number, end: number): PhraseScan {
    const occ = this.matchers.automaton.scan(text, start, end, start);
    if (!occ) return (this.empty ??= new PhraseScan('', this.matchers, null));
    return new PhraseScan(text.slice(start, end), this.matchers, occ);
  }

  /** The scan of a text in which no piece occurs (every list's answer is no match). */
  private empty: PhraseScan | null = null;
}

/** The occurrences of the pieces of some PhraseLists in one text. */
export class PhraseScan {
  constructor(
    private readonly text: string,
    private readonly matchers: SharedMatchers,
    private readonly occ: ReadonlyMap<number, number[]> | null,
  ) {}

  /** The scan of each list, made when first asked for (a text is asked about each list several times). */
  private readonly scans: (ListScan | undefined)[] = [];

  private list(i: number): ListScan {
    return (this.scans[i] ??= new ListScan(this.text, this.matchers.lists[i], this.occ));
  }

  // A text in which no piece occurs (most headings and first sentences) matches no list.

  /** Whether no piece of any list occurs in the text (then no list matches). */
  get empty(): boolean {
    return this.occ === null;
  }

  /** findAny(text, lists[i]). */
  findAny(i: number): PhraseMatch | null {
    return this.occ && this.matchers.lists[i].entries.length ? firstOf(this.list(i), 0) : null;
  }

  /** containsAny(text, lists[i]). */
  containsAny(i: number): boolean {
    return this.occ && this.matchers.lists[i].entries.length ? containsOf(this.list(i)) : false;
  }

  /** countAll(text, lists[i], cap). */
  countAll(i: number, cap = 1000): number {
    return this.occ && this.matchers.lists[i].entries.length ? countOf(this.list(i), cap) : 0;
  }
}
