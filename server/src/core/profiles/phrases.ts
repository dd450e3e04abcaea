import { simplify } from '../script';
import { PHRASE_GAP } from './types';

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

/** The phrases of a list, compiled once per list (profile data is checked against every paragraph). */
const compiledLists = new WeakMap<readonly string[], CompiledPhrase[]>();
function compiledList(phrases: readonly string[]): CompiledPhrase[] {
  let list = compiledLists.get(phrases);
  if (!list) {
    list = phrases.map(compilePhrase);
    compiledLists.set(phrases, list);
  }
  return list;
}

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

/** The earliest match of any of the phrases, or null. */
export function findAny(text: string, phrases: readonly string[] | undefined, from = 0): PhraseMatch | null {
  if (!phrases) return null;
  let best: PhraseMatch | null = null;
  for (const c of compiledList(phrases)) {
    const m = findCompiled(text, c, from);
    if (m && (!best || m.start < best.start)) best = m;
  }
  return best;
}

export function containsAny(text: string, phrases: readonly string[] | undefined): boolean {
  if (!phrases) return false;
  for (const c of compiledList(phrases)) if (findCompiled(text, c) !== null) return true;
  return false;
}

/** Number of non-overlapping occurrences of the phrases (capped). */
export function countAll(text: string, phrases: readonly string[], cap = 1000): number {
  let n = 0;
  for (const p of phrases) {
    let from = 0;
    let m: PhraseMatch | null;
    while (n < cap && (m = findPhrase(text, p, from))) {
      n++;
      from = m.end;
    }
  }
  return n;
}
