/**
 * The read-only text view of a .docx in the editor is a virtual document whose URI is the file's
 * URI with the scheme `reportlint-docx` (`file:///d/报告.docx` → `reportlint-docx:/d/报告.docx`).
 * The client's content provider and the server (workspace check, configuration lookup) both use
 * these two functions, so the findings land on the document the view shows.
 */
export const DOCX_SCHEME = 'reportlint-docx';

/** `file:///d/x.docx` → `reportlint-docx:/d/x.docx`; a file URI with an authority keeps it. */
export function docxViewUri(fileUri: string): string {
  const m = /^file:\/\/([^/]*)(\/.*)$/.exec(fileUri);
  if (!m) return fileUri;
  return m[1] ? `${DOCX_SCHEME}://${m[1]}${m[2]}` : `${DOCX_SCHEME}:${m[2]}`;
}

/** The inverse of docxViewUri; null for other URIs. */
export function docxFileUri(viewUri: string): string | null {
  if (!viewUri.startsWith(`${DOCX_SCHEME}:`)) return null;
  const rest = viewUri.slice(DOCX_SCHEME.length + 1);
  return rest.startsWith('//') ? `file:${rest}` : `file://${rest}`;
}
