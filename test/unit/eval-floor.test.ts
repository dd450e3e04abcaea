import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { belowFloor, readFloor, runEval } from '../../eval/index';
import { locateShared, sharedMissingMessage } from '../../eval/locate';

/**
 * The regression guard of the real-text evaluation (`npm run eval`): every headline figure must
 * be at least as good as the committed floor (eval/floor.json). Raise the floor with
 * `npm run eval -- --floor` when a change really improves the figures; never lower it to pass.
 */
const shared = locateShared();

describe('real-text evaluation floor', { skip: shared ? false : sharedMissingMessage() }, () => {
  it('no headline figure is worse than eval/floor.json', () => {
    const report = runEval(shared!);
    const floor = readFloor();
    // Every guarded figure is still reported (a renamed key would silently drop its guard).
    for (const key of Object.keys(floor)) assert.ok(report.headlines.some((h) => h.key === key), `headline ${key} is no longer reported`);
    assert.deepEqual(belowFloor(report.headlines, floor), []);
  });
});
