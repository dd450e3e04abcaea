import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { describe, it } from 'node:test';
import { cancelIdleTrim, collectNow, reclaimMemory, SERVER_EXEC_ARGV, trimWhenIdle } from '../../server/src/lsp/memory';
import { DocumentSession, LARGE_DOCUMENT_SIZE } from '../../server/src/lsp/pipeline';

describe('server memory', () => {
  it('a very large document lets the previous version go as soon as a new version is analysed', () => {
    const session = new DocumentSession('file:///t/big.txt', 'text');
    const line = '一、本年度共办理行政复议案件一百二十件。\n';
    const big = line.repeat(Math.ceil((LARGE_DOCUMENT_SIZE + 1) / line.length));
    const a = session.analysis(big, 1);
    session.setFindings(1, []);
    assert.deepEqual(session.findingsFor(1), []);
    const b = session.analysis(big + '二、乙\n', 2);
    assert.notEqual(a, b);
    assert.equal(session.findingsFor(1), null);
    assert.equal(session.analysis(big + '二、乙\n', 2), b, 'the same version is analysed once');
  });

  it('a normal document keeps the last findings until the new version is checked', () => {
    const session = new DocumentSession('file:///t/a.txt', 'text');
    session.analysis('一、甲\n', 1);
    session.setFindings(1, []);
    session.analysis('一、甲\n三、丙\n', 2);
    assert.deepEqual(session.findingsFor(1), []);
  });

  it("a very large document's models go when the server releases them, a normal document's stay", () => {
    const line = '一、本年度共办理行政复议案件一百二十件。\n';
    const big = new DocumentSession('file:///t/big.txt', 'text');
    const a = big.analysis(line.repeat(Math.ceil((LARGE_DOCUMENT_SIZE + 1) / line.length)), 1);
    assert.equal(big.large, true);
    let built = 0;
    const model = () => ++built;
    a.memo('model', model);
    big.releaseModels();
    a.memo('model', model);
    assert.equal(built, 2, 'rebuilt after the release');
    const small = new DocumentSession('file:///t/a.txt', 'text');
    const b = small.analysis(line, 1);
    assert.equal(small.large, false);
    b.memo('model', model);
    small.releaseModels();
    b.memo('model', model);
    assert.equal(built, 3, 'kept');
  });

  it('a feature answer is computed once per version', () => {
    const session = new DocumentSession('file:///t/a.txt', 'text');
    const v1 = session.analysis('一、甲\n', 1);
    let computed = 0;
    const compute = () => ++computed;
    assert.equal(session.answer(v1, 'tokens', compute), 1);
    assert.equal(session.answer(v1, 'tokens', compute), 1);
    assert.equal(session.answer(v1, 'lens', compute), 2, 'another key is another answer');
    const v2 = session.analysis('一、甲\n二、乙\n', 2);
    assert.equal(session.answer(v2, 'tokens', compute), 3, 'a new version is computed again');
  });

  it("a new version lets the previous version's analysis go, feature answers included", () => {
    // In a process of its own with gc exposed: the previous analysis must be collectable once
    // the next version is analysed, although a feature answer was computed from it.
    const pipeline = require.resolve('../../server/src/lsp/pipeline');
    const script = `
      const { DocumentSession } = require(${JSON.stringify(pipeline)});
      const session = new DocumentSession('file:///t/a.txt', 'text');
      let v1 = session.analysis('一、甲\\n', 1);
      session.answer(v1, 'tokens', () => [1, 2, 3]);
      const ref = new WeakRef(v1);
      v1 = null;
      session.analysis('一、甲\\n二、乙\\n', 2);
      setTimeout(() => { gc(); process.stdout.write(ref.deref() === undefined ? 'released' : 'retained'); }, 0);
    `;
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'released');
  });

  it('the idle release runs before the collection, without gc exposed too', async () => {
    const g = globalThis as { gc?: () => void };
    const saved = g.gc;
    delete g.gc;
    let released = 0;
    try {
      assert.equal(trimWhenIdle(10, () => released++), false, 'no collection is due without gc');
      await new Promise<void>((r) => setTimeout(r, 40));
      assert.equal(released, 1);
    } finally {
      if (saved) g.gc = saved;
    }
  });

  it('collects only when the process exposes gc (the test runner does not)', () => {
    const exposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
    assert.equal(collectNow(), exposed);
    assert.equal(reclaimMemory(), exposed);
  });

  it('the idle trim runs once, after the last of several requests (two collections: the second gives back the pages the first emptied), and not when cancelled', async () => {
    const g = globalThis as { gc?: () => void };
    const saved = g.gc;
    let collections = 0;
    g.gc = () => collections++;
    const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
    try {
      assert.equal(trimWhenIdle(40), true);
      await wait(20);
      assert.equal(trimWhenIdle(40), true); // re-armed: the first request does not fire
      await wait(30);
      assert.equal(collections, 0, 'not before 40 ms after the last request');
      await wait(40);
      assert.equal(collections, 2);
      trimWhenIdle(20);
      cancelIdleTrim();
      await wait(40);
      assert.equal(collections, 2, 'a cancelled idle collection does not run');
    } finally {
      if (saved) g.gc = saved;
      else delete g.gc;
    }
    assert.equal(trimWhenIdle(), typeof g.gc === 'function', 'without gc exposed nothing is scheduled');
    cancelIdleTrim();
  });

  it('the server options are accepted by node and expose gc', () => {
    const r = spawnSync(process.execPath, [...SERVER_EXEC_ARGV, '-e', 'process.stdout.write(typeof gc)'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'function');
  });
});
