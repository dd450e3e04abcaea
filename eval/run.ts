/**
 * `npm run eval`: run the checker on ../shared/corpus, print the results and write
 * eval/RESULTS.md. `--floor` also rewrites eval/floor.json to the current figures (do that only
 * when a change really improves them: the floor is a regression guard, not a target).
 */
import * as fs from 'fs';
import { belowFloor, FLOOR_FILE, readFloor, RESULTS_FILE, runEval } from './index';
import { locateShared, sharedMissingMessage } from './locate';

function main(): number {
  const shared = locateShared();
  if (!shared) {
    console.log(sharedMissingMessage());
    return 0;
  }
  const t0 = Date.now();
  const report = runEval(shared);
  fs.writeFileSync(RESULTS_FILE, report.markdown);
  console.log(report.markdown);
  console.log(`(${Date.now() - t0} ms; written to ${RESULTS_FILE})`);
  if (process.argv.includes('--floor')) {
    const floor: Record<string, number> = {};
    for (const h of report.headlines) floor[h.key] = h.value;
    fs.writeFileSync(FLOOR_FILE, `${JSON.stringify(floor, null, 2)}\n`);
    console.log(`floor written to ${FLOOR_FILE}`);
    return 0;
  }
  if (fs.existsSync(FLOOR_FILE)) {
    const bad = belowFloor(report.headlines, readFloor());
    for (const b of bad) console.error(`below the floor: ${b}`);
    return bad.length ? 1 : 0;
  }
  return 0;
}

process.exitCode = main();
