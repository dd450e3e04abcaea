/**
 * Reading the parts of a .docx (a zip archive) with hard limits, before any XML is parsed.
 *
 * Only the parts the reader needs are inflated, and the bytes are counted as they come out of the
 * inflater (not taken from the sizes the archive declares, which a hostile file can fake): past
 * `maxInflatedBytes` in total, or with more than `maxEntries` entries in the central directory, the
 * file is refused as a probable zip bomb. yauzl also checks that every entry inflates to exactly
 * the size it declares.
 */
import type * as yauzl from 'yauzl';

export type DocxProblemKind = 'doc' | 'encrypted' | 'corrupt' | 'not-word' | 'too-large';

/** Why a file could not be read as a .docx; `detail` is the underlying error (English, for the message). */
export class DocxReadError extends Error {
  constructor(
    readonly kind: DocxProblemKind,
    readonly detail: string = '',
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
  }
}

export interface ZipLimits {
  /** Entries in the central directory (a .docx has a few dozen). */
  maxEntries: number;
  /** Bytes actually inflated, over all the parts read. */
  maxInflatedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxInflatedBytes: 128 * 1024 * 1024 };

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Stream name of an encrypted OOXML package inside an OLE2 container ([MS-OFFCRYPTO]), UTF-16LE. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * Classify a buffer that is not a zip by its first bytes: an OLE2 compound file is either a
 * password-protected .docx (it holds an `EncryptedPackage` stream) or an old binary .doc.
 */
export function sniffNonZip(buf: Buffer): DocxReadError | null {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE2_MAGIC)) {
    return buf.includes(ENCRYPTED_PACKAGE) ? new DocxReadError('encrypted') : new DocxReadError('doc');
  }
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) return new DocxReadError('corrupt', 'not a zip archive');
  return null;
}

/**
 * Inflate the entries whose names `wanted` accepts. Rejects with DocxReadError.
 */
export async function readZipParts(buf: Buffer, wanted: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Map<string, Buffer>> {
  const sniffed = sniffNonZip(buf);
  if (sniffed) throw sniffed;
  // yauzl is loaded on the first .docx read, not at start-up (every CLI process paid for it).
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { fromBuffer } = require('yauzl') as typeof import('yauzl');
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, z) => {
      if (err || !z) reject(new DocxReadError('corrupt', err?.message ?? 'unreadable zip'));
      else resolve(z);
    });
  });
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new DocxReadError('too-large', `${zip.entryCount} entries`);
  }
  const parts = new Map<string, Buffer>();
  let inflated = 0;
  return new Promise<Map<string, Buffer>>((resolve, reject) => {
    let settled = false;
    const fail = (e: DocxReadError) => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(e);
    };
    zip.on('error', (err: Error) => fail(new DocxReadError('corrupt', err.message)));
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(parts);
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      if (settled) return;
      if (!wanted(entry.fileName) || parts.has(entry.fileName)) {
        zip.readEntry();
        return;
      }
      if (entry.isEncrypted()) {
        fail(new DocxReadError('encrypted', entry.fileName));
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) {
          fail(new DocxReadError('corrupt', err?.message ?? entry.fileName));
          return;
        }
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > limits.maxInflatedBytes) {
            stream.destroy();
            fail(new DocxReadError('too-large', `more than ${limits.maxInflatedBytes} bytes inflated`));
            return;
          }
          chunks.push(chunk);
        });
        stream.on('error', (e: Error) => fail(new DocxReadError('corrupt', `${entry.fileName}: ${e.message}`)));
        stream.on('end', () => {
          if (settled) return;
          parts.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}
