/**
 * Word documents in the language server:
 * - `reportlint/docxText {uri}` (a file URI): the .docx's text view for the client's read-only
 *   view, or a message naming the file when it cannot be read;
 * - `reportlint/exportDocx {uri}` (an open document): the report as a GB/T 9704 .docx, base64;
 * - `readDocxForCheck`: the text of a .docx for the workspace check.
 * The .docx is read here (not in the client) so that the client stays small.
 */
import { fileURLToPath } from 'url';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core/types';
import { docxProblemMessage, exportDocx, readDocx } from '../node/docx';
import { MAX_REPORT_BYTES, readRegularFile } from '../node/fs-access';
import { onRequest, URI_PARAM } from './params';
import { REQUESTS, type DocxTextAnswer } from './protocol';

export type DocxTextResult = DocxTextAnswer;

export async function readDocxForCheck(file: string, locale: Locale): Promise<DocxTextResult> {
  const read = readRegularFile(file, MAX_REPORT_BYTES);
  if (!read.ok) return { ok: false, message: `${file}: ${read.detail || read.code}` };
  try {
    return { ok: true, text: (await readDocx(read.data)).text };
  } catch (e) {
    return { ok: false, message: docxProblemMessage(e, file, locale) };
  }
}

export function registerDocxRequests(connection: Connection, documents: TextDocuments<TextDocument>, locale: () => Locale): void {
  onRequest(connection, REQUESTS.docxText, URI_PARAM, async (params): Promise<DocxTextResult> => {
    let file: string;
    try {
      file = fileURLToPath(params.uri);
    } catch {
      return { ok: false, message: params.uri };
    }
    return readDocxForCheck(file, locale());
  });
  onRequest(connection, REQUESTS.exportDocx, URI_PARAM, async (params): Promise<{ data: string } | null> => {
    const doc = documents.get(params.uri);
    if (!doc) return null;
    const markdown = doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
    const bytes = await exportDocx(doc.getText(), { format: markdown ? 'markdown' : 'text' });
    return { data: bytes.toString('base64') };
  });
}
