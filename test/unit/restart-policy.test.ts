import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../client/src/restart-policy';

describe('client: restart policy for a crashed server', () => {
  it('restarts and tells the user once, then gives up past 4 restarts in 3 minutes, saying so once', () => {
    const p = new RestartPolicy();
    const d = [0, 1000, 2000, 3000, 4000, 5000, 6000].map((t) => p.onClosed(t));
    assert.deepEqual(d.map((x) => x.restart), [true, true, true, true, false, false, false]);
    assert.deepEqual(d.map((x) => x.notify), ['restarted', null, null, null, 'gave-up', null, null]);
  });

  it('crashes spread out over time keep being restarted without repeating the message', () => {
    const p = new RestartPolicy();
    const d = Array.from({ length: 20 }, (_, i) => p.onClosed(i * 60_000));
    assert.ok(d.every((x) => x.restart));
    assert.equal(d.filter((x) => x.notify).length, 1);
  });

  it('the limit and window are configurable', () => {
    const p = new RestartPolicy(1, 1000);
    assert.deepEqual([p.onClosed(0), p.onClosed(10), p.onClosed(5000)].map((x) => x.restart), [true, false, true]);
  });
});
