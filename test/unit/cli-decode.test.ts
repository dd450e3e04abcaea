import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { decodeBuffer } from '../../server/src/cli/files';

/** What the strict decoder gives (null: not UTF-8). */
function strict(buf: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

describe('cli: decoding report files', () => {
  it('accepts exactly the UTF-8 the strict decoder accepts, with the same text', () => {
    const cases = [
      Buffer.from('关于2024年度法治政府建设情况的报告\r\n一、主要举措\n'),
      Buffer.from('plain ascii'),
      Buffer.from('x\ufeffy 𠀀 é'),
      Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate
      Buffer.from([0xc0, 0xaf]), // overlong
      Buffer.from([0xe4, 0xb8]), // truncated
      Buffer.from([0xf4, 0x90, 0x80, 0x80]), // beyond U+10FFFF
      Buffer.alloc(0),
    ];
    for (const buf of cases) {
      const d = decodeBuffer(buf);
      const expected = strict(buf);
      if (expected !== null) assert.deepEqual(d, { ok: true, text: expected, encoding: 'utf-8' }, buf.toString('hex'));
      else assert.ok(!d.ok || d.encoding === 'gb18030', buf.toString('hex'));
    }
  });

  it('strips one byte-order mark', () => {
    const d = decodeBuffer(Buffer.from('\ufeff一、甲\n'));
    assert.deepEqual(d, { ok: true, text: '一、甲\n', encoding: 'utf-8-bom' });
  });
});
