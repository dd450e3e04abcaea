/**
 * Traditional → simplified normalisation for matching.
 *
 * Keyword rules match against a simplified view of the text. The view has the
 * same length as the original (character-for-character mapping), so every
 * offset found in the view is an offset in the original text.
 *
 * The mapping comes from OpenCC's data (opencc-js, TSCharacters/TSPhrases),
 * loaded lazily the first time a document needs it, and cached per character.
 */

// opencc-js ships no CommonJS typings for the t2cn entry; we only need the converter factory.
type ConverterFn = (s: string) => string;

let converter: ConverterFn | null = null;
const charCache = new Map<string, string>();

function getConverter(): ConverterFn {
  if (!converter) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const OpenCC = require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): ConverterFn };
    converter = OpenCC.Converter({ from: 'tw', to: 'cn' });
  }
  return converter;
}

/** True when the code unit can be a CJK ideograph that OpenCC may map. */
function isCjkUnit(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

function simplifyChar(ch: string): string {
  let mapped = charCache.get(ch);
  if (mapped === undefined) {
    const out = getConverter()(ch);
    mapped = out.length === ch.length ? out : ch;
    charCache.set(ch, mapped);
  }
  return mapped;
}

export interface ScriptView {
  /** Same length as the input; traditional characters replaced by simplified ones. */
  simplified: string;
  /** Number of characters that differ between the original and the simplified view. */
  traditionalCount: number;
  /** Number of CJK ideographs seen. */
  cjkCount: number;
}

export function toSimplifiedView(text: string): ScriptView {
  let out: string[] | null = null;
  let traditionalCount = 0;
  let cjkCount = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isCjkUnit(code)) continue;
    cjkCount++;
    const ch = text[i];
    const mapped = simplifyChar(ch);
    if (mapped !== ch) {
      traditionalCount++;
      if (!out) out = [];
      out.push(text.slice(last, i), mapped);
      last = i + 1;
    }
  }
  if (!out) return { simplified: text, traditionalCount, cjkCount };
  out.push(text.slice(last));
  return { simplified: out.join(''), traditionalCount, cjkCount };
}

/** Convert a single string to simplified (used for profile phrases and user input). */
export function simplify(text: string): string {
  return toSimplifiedView(text).simplified;
}
