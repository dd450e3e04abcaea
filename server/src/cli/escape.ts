/**
 * Text for a terminal: control characters (C0, DEL, C1), line and paragraph separators and the
 * bidirectional overrides are written as escapes (`\n`, `\x1b`, `\u202e`), so a file name or a
 * quoted text can neither split an output line nor send escape sequences to the terminal.
 * JSON and SARIF output need none of this (JSON.stringify escapes what it must).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeForTerminal(s: string): string {
  if (!UNSAFE.test(s)) return s;
  UNSAFE.lastIndex = 0;
  return s.replace(UNSAFE, (ch) => {
    const named = NAMED[ch];
    if (named) return named;
    const c = ch.charCodeAt(0);
    return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
  });
}
