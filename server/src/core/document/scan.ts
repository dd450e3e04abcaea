/**
 * Regex searches that start only where they can match. V8 runs a pattern whose first character
 * is a class or an alternation at every position of the text (about a nanosecond a character),
 * while indexOf finds one character many times faster: a pattern every match of which starts
 * with one of a few characters is tried, anchored, at their occurrences only.
 */

/**
 * The matches a global search for `sticky`'s pattern finds in `text` (what text.matchAll gives
 * with the `g` flag, in order, none overlapping), when every match starts with one of the code
 * units of `firsts`: the pattern (with the `y` flag) is tried at each occurrence of one of them
 * past the end of the last match, found with indexOf.
 */
export function matchesStartingWith(text: string, firsts: string, sticky: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const k = firsts.length;
  // The next occurrence at or after `pos` of each first character (-1: none left).
  const next: number[] = [];
  for (let j = 0; j < k; j++) next.push(text.indexOf(firsts[j]));
  let pos = 0;
  for (;;) {
    let at = -1;
    for (let j = 0; j < k; j++) {
      if (next[j] >= 0 && next[j] < pos) next[j] = text.indexOf(firsts[j], pos);
      if (next[j] >= 0 && (at < 0 || next[j] < at)) at = next[j];
    }
    if (at < 0) return out;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m) out.push(m);
    // An empty match moves on by one, as matchAll does.
    pos = at + (m && m[0].length ? m[0].length : 1);
  }
}

/**
 * matchesStartingWith from a list of offsets instead of indexOf: `offsets` (ascending) holds at
 * least every occurrence in `text` of the code units of `firsts` (other offsets are passed over).
 */
export function matchesAtOffsets(text: string, offsets: readonly number[], firsts: string, sticky: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let pos = 0;
  for (let k = 0; k < offsets.length; k++) {
    const at = offsets[k];
    if (at < pos || !isOneOf(text.charCodeAt(at), firsts)) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m) out.push(m);
    // An empty match moves on by one, as matchAll does.
    pos = at + (m && m[0].length ? m[0].length : 1);
  }
  return out;
}

/** Whether the code unit `c` is one of `units`' (NaN, past the end of a text, is none). */
function isOneOf(c: number, units: string): boolean {
  for (let j = 0; j < units.length; j++) if (units.charCodeAt(j) === c) return true;
  return false;
}

/** Whether `sticky`'s pattern matches somewhere in `text`, every match starting with `first` (one code unit). */
export function matchesSomewhere(text: string, first: string, sticky: RegExp): boolean {
  for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
    sticky.lastIndex = at;
    if (sticky.test(text)) return true;
  }
  return false;
}
