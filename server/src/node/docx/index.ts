/**
 * Word documents for the CLI and the editor: `readDocx` (a .docx as text plus where each line
 * comes from) and `exportDocx` (a report as a GB/T 9704 .docx). The checking core never sees a
 * .docx: it gets the text.
 */
import { localize, type LocalizedText } from '../../core/l10n';
import type { Locale } from '../../core/types';
import { DocxReadError, type DocxProblemKind } from './zip';
import type { ExportOptions } from './write';

export { readDocx, type DocxText } from './read';
export { describeOrigin, type LineOrigin } from './origin';
export { DocxReadError, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';
export type { ExportOptions } from './write';

/**
 * The report `text` as a GB/T 9704 .docx (write.ts). The writer and the docx library it uses are
 * loaded on the first export, not with this module: loading them (the library's classes and its
 * zip compressor's tables) was some 5 ms of every CLI process and server start, which export
 * rarely or never.
 */
export async function exportDocx(text: string, options?: ExportOptions): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const writer = require('./write') as typeof import('./write');
  return writer.exportDocx(text, options);
}

/** True for paths the reader handles (by extension, case-insensitive). */
export function isDocxPath(p: string): boolean {
  return /\.docx$/i.test(p);
}

const PROBLEMS: Record<DocxProblemKind, LocalizedText> = {
  doc: {
    'zh-cn': '{path}：这是旧版 Word 二进制格式（.doc）的文件，不是 .docx，无法读取。请在 Word 或 WPS 中“另存为” .docx 后再检查。',
    en: '{path}: this is an old binary Word file (.doc), not a .docx, and cannot be read. Save it as .docx in Word or WPS and check again.',
  },
  encrypted: {
    'zh-cn': '{path}：文档设有打开密码（已加密），无法读取。请在 Word 或 WPS 中取消密码后另存，再检查。',
    en: '{path}: the document is password-protected (encrypted) and cannot be read. Remove the password in Word or WPS, save, and check again.',
  },
  corrupt: {
    'zh-cn': '{path}：不是有效的 .docx 文件，可能已损坏（{detail}）。',
    en: '{path}: not a valid .docx file; it may be damaged ({detail}).',
  },
  'not-word': {
    'zh-cn': '{path}：压缩包中没有 Word 正文（{detail}），不是 Word 文档。',
    en: '{path}: the archive has no Word body ({detail}); it is not a Word document.',
  },
  'too-large': {
    'zh-cn': '{path}：解压后内容过大或条目过多（{detail}），疑似压缩炸弹，未读取。',
    en: '{path}: the content is too large or has too many entries once unpacked ({detail}), probably a zip bomb; not read.',
  },
};

/** The message for a .docx that could not be read, naming the file. */
export function docxProblemMessage(e: unknown, path: string, locale: Locale): string {
  if (e instanceof DocxReadError) return localize(PROBLEMS[e.kind], locale, { path, detail: e.detail || e.kind });
  return localize(PROBLEMS.corrupt, locale, { path, detail: e instanceof Error ? e.message : String(e) });
}
