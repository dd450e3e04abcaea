// What `npm test` does about the end-to-end suite, given what is missing on this machine.
// Pure, so test/unit/readme.test.ts can check it without running the whole test command.

/**
 * @param {{ missing: string[], ci: boolean, only: string | null }} input
 * @returns {{ runE2e: boolean, fail: string | null, notice: string | null, lastLine: string | null }}
 *   fail: a message to print before exiting 1 (nothing else runs); notice: printed before the other
 *   suites run; lastLine: printed after them, as the very last line.
 */
export function e2ePolicy({ missing, ci, only }) {
  if (only !== null && only !== 'e2e') return { runE2e: false, fail: null, notice: null, lastLine: null };
  if (!missing.length) return { runE2e: true, fail: null, notice: null, lastLine: null };
  const what = `end-to-end prerequisites missing: ${missing.join('; ')}`;
  const how = 'install them with `npm run e2e:setup` (Debian or Ubuntu, root or sudo, about 300 MB once)';
  if (ci) return { runE2e: false, fail: `npm test: FAILED: ${what} (CI=true: a missing prerequisite is a failure); ${how}.`, notice: null, lastLine: null };
  if (only === 'e2e') return { runE2e: false, fail: `npm test: FAILED: ${what}; ${how}.`, notice: null, lastLine: null };
  return {
    runE2e: false,
    fail: null,
    notice: `npm test: ${what}; running the other suites. To run it, ${how}.`,
    lastLine: `npm test: the end-to-end suite was NOT run (${what}; ${how}).`,
  };
}
