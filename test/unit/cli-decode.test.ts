import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { controlRatio, decodeBuffer } from '../../server/src/cli/files';

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

describe('cli: controlRatio', () => {
  /** The byte loop controlRatio replaced (reference). */
  function refControlRatio(buf: Buffer): number {
    let n = 0;
    const len = Math.min(buf.length, 8192);
    for (let i = 0; i < len; i++) {
      const b = buf[i];
      if (b < 9 || (b > 13 && b < 32)) n++;
    }
    return len ? n / len : 0;
  }

  it('equals the byte loop on every byte value, random buffers and past 8,192 bytes', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, b) => b));
    assert.equal(controlRatio(all), refControlRatio(all));
    assert.equal(controlRatio(all), 27 / 256);
    assert.equal(controlRatio(Buffer.alloc(0)), 0);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let k = 0; k < 200; k++) {
      const len = k === 0 ? 9000 : next() * (k % 7) + (k % 5);
      const buf = Buffer.from(Array.from({ length: len }, () => (k % 3 === 0 ? next() : next() < 32 ? next() & 31 : 0x40 + (next() & 63))));
      assert.equal(controlRatio(buf), refControlRatio(buf), `buffer ${k}`);
    }
  });
});
