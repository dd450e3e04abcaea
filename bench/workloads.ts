/** Shared pieces of the benchmark workloads. */

const HEADING_START = /^\s*(?:第|[一二三四五六七八九十]+[、.．]|[(（]|[0-9０-９]+[.．、]|#)/;

/** Line and column of a body line near the middle of the text: where the one-character edit goes. */
export function middlePosition(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  let line = Math.floor(lines.length / 2);
  while (line < lines.length - 1 && (HEADING_START.test(lines[line]) || lines[line].length < 10)) line++;
  return { line, character: Math.floor(lines[line].length / 2) };
}

export interface Change {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/**
 * A one-character edit at `pos` (from middlePosition of the original text): even iterations
 * insert `某`, odd ones delete it again, so the document does not drift while it is edited.
 */
export function middleEdit(pos: { line: number; character: number }, iteration: number): Change {
  if (iteration % 2 === 0) return { range: { start: pos, end: pos }, text: '某' };
  return { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
}
