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
 * same offsets. Unchanged when it is not found there.
 */
export function asWritten(doc: ReportDocument, found: string, before: number, window = 200): string {
  if (!found || doc.simplified === doc.text) return found;
  const from = Math.max(0, before - window);
  const at = doc.simplified.lastIndexOf(found, before - found.length);
  if (at < from || at < 0) return found;
  return doc.text.slice(at, at + found.length);
}
