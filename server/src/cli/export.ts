/**
 * `reportlint export --format docx FILE [-o OUT]`: the report as a GB/T 9704 .docx (node/docx/write).
 * FILE is a .txt/.md report (or a .docx, re-laid out). OUT defaults to FILE with the extension
 * .docx (`name.公文.docx` when that would be FILE itself). The file is written next to its final
 * name and renamed into place, so a symbolic link at OUT is replaced, never written through.
 */
import fs = require('fs');
import path = require('path');
import { localize, type LocalizedText } from '../core/l10n';
import type { Locale } from '../core/types';
import { docxProblemMessage, exportDocx, isDocxPath, readDocx } from '../node/docx';
import { MAX_REPORT_BYTES, readRegularFile } from '../node/fs-access';
import { decodeBuffer, readProblemMessage } from './files';

const MESSAGES = {
  written: { 'zh-cn': '已导出 {path}（GB/T 9704 公文格式）', en: 'Wrote {path} (GB/T 9704 layout)' },
  undecodable: { 'zh-cn': '{path}：无法解码为文本，未导出', en: '{path}: cannot be decoded as text; nothing written' },
  unwritable: { 'zh-cn': '{path}：无法写入（{error}）', en: '{path}: cannot be written ({error})' },
} satisfies Record<string, LocalizedText>;

export function defaultExportPath(input: string): string {
  const ext = path.extname(input);
  const base = ext ? input.slice(0, -ext.length) : input;
  return isDocxPath(input) ? `${base}.公文.docx` : `${base}.docx`;
}

/** Returns the exit code: 0 written, 2 the input could not be read or the output not written. */
export async function runExport(input: string, output: string | null, locale: Locale, stderr: (s: string) => void): Promise<number> {
  const t = (m: LocalizedText, a: Record<string, string>) => localize(m, locale, a);
  const read = readRegularFile(input, MAX_REPORT_BYTES);
  if (!read.ok) {
    stderr(`reportlint: ${readProblemMessage(read, locale)}\n`);
    return 2;
  }
  const buf = read.data;
  let text: string;
  if (isDocxPath(input)) {
    try {
      text = (await readDocx(buf)).text;
    } catch (e) {
      stderr(`reportlint: ${docxProblemMessage(e, input, locale)}\n`);
      return 2;
    }
  } else {
    const d = decodeBuffer(buf);
    if (!d.ok) {
      stderr(`reportlint: ${t(MESSAGES.undecodable, { path: input })}\n`);
      return 2;
    }
    text = d.text;
  }
  const out = output ?? defaultExportPath(input);
  const format = /\.(md|markdown)$/i.test(input) ? 'markdown' : 'text';
  const bytes = await exportDocx(text, { format });
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
    fs.renameSync(temp, out);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    stderr(`reportlint: ${t(MESSAGES.unwritable, { path: out, error: (e as Error).message })}\n`);
    return 2;
  }
  stderr(t(MESSAGES.written, { path: out }) + '\n');
  return 0;
}
