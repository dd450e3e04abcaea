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
/**
 * Per-code-unit cache of the mapping: 0 = not looked up yet, otherwise the simplified code unit
 * (equal to the input when the character is already simplified or maps to more than one unit).
 * A typed array instead of a Map: the view of a 1 MB document costs a table read per character.
 */
const charTable = new Uint16Array(0x10000);

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

function simplifyCode(code: number): number {
  let mapped = charTable[code];
  if (mapped === 0) {
    const ch = String.fromCharCode(code);
    const out = getConverter()(ch);
    mapped = out.length === 1 ? out.charCodeAt(0) : code;
    charTable[code] = mapped;
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
    const mapped = simplifyCode(code);
    if (mapped !== code) {
      traditionalCount++;
      if (!out) out = [];
      out.push(text.slice(last, i), String.fromCharCode(mapped));
      last = i + 1;
    }
  }
  if (!out) return { simplified: text, traditionalCount, cjkCount };
  out.push(text.slice(last));
  return { simplified: out.join(''), traditionalCount, cjkCount };
}

/** Convert a single string to simplified (used for profile phrases and user input). */
export function simplify(text: string): string {
  if (text.length === 1) {
    // Fast path for the per-character lookups of the hygiene rules.
    const code = text.charCodeAt(0);
    if (!isCjkUnit(code)) return text;
    const mapped = simplifyCode(code);
    return mapped === code ? text : String.fromCharCode(mapped);
  }
  return toSimplifiedView(text).simplified;
}
