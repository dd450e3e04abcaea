/**
 * Quoting the document's own text. The checker matches on a simplified-script view of the
 * text (same length, same offsets), so words it found — a rate's name, a label — come out in
 * simplified characters; a message, hover or view that quotes them must show the writer's
 * spelling (審結率 stays 審結率).
 */
import type { ReportDocument } from './document';

/**
 * `found` as written in the document: its last occurrence in the simplified view that ends at
 * or before `before` (within `window` characters), read back from the original text at the
 * same offsets. Unchanged when it is not found there. Only the window is read (a search back
 * from `before` would read to the start of the text whenever the word is not near: quadratic
 * when every claim's name and labels are quoted).
 */
export function asWritten(doc: ReportDocument, found: string, before: number, window = 200): string {
  if (!found || doc.simplified === doc.text) return found;
  // Shorter than the word: only an occurrence at the start of the text can qualify.
  if (before < found.length) return doc.simplified.startsWith(found) ? doc.text.slice(0, found.length) : found;
  const from = Math.max(0, before - window);
  const i = doc.simplified.slice(from, before).lastIndexOf(found);
  return i < 0 ? found : doc.text.slice(from + i, from + i + found.length);
}
