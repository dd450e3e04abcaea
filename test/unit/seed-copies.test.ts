import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT, SEEDS_DIR } from '../helpers';

/**
 * The repository carries none of the real texts of ../shared (seeds and corpus): the same test as
 * ../shared/hooks/check-seed-copies.py (whitespace removed, 30-character runs against runs taken every
 * 6 characters of the real texts, a file with 3 or more matching runs fails), over every tracked file,
 * non-ASCII paths included (git ls-files -z), so that a regenerated fixture cannot bring a copy back.
 */
const SHARED = path.dirname(SEEDS_DIR);
const FOLDERS = ['seeds', 'corpus/dev', 'corpus/gov-work-reports-2026'].map((d) => path.join(SHARED, d));
const K = 30;
const STEP = 6;
const LIMIT = 3;

function tracked(): string[] | null {
  const r = spawnSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 ? r.stdout.split('\0').filter(Boolean) : null;
}

const files = fs.existsSync(FOLDERS[0]) ? tracked() : null;
const skip = !fs.existsSync(FOLDERS[0]) ? `../shared not found beside the repository (${SHARED}); seed-copy test skipped` : files === null ? 'not a git checkout; seed-copy test skipped' : false;

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The runs of the real texts the hook compares with: K characters every STEP. */
function gramsOf(texts: Iterable<string>): Set<string> {
  const grams = new Set<string>();
  for (const t of texts) {
    const text = squeeze(t);
    for (let i = 0; i < text.length - K; i += STEP) grams.add(text.slice(i, i + K));
  }
  return grams;
}

/** How many K-character runs of `text` are runs of the real texts (counting stops at LIMIT). */
function matchingRuns(text: string, grams: Set<string>): number {
  const s = squeeze(text);
  let n = 0;
  for (let i = 0; i < s.length - K && n < LIMIT; i++) if (grams.has(s.slice(i, i + K))) n++;
  return n;
}

function* realTexts(): Generator<string> {
  for (const dir of FOLDERS) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) yield fs.readFileSync(path.join(dir, name), 'utf8');
  }
}

describe('no copy of the real texts in the repository', { skip }, () => {
  it(`no tracked file has ${LIMIT} or more ${K}-character runs of ../shared`, () => {
    const grams = gramsOf(realTexts());
    assert.ok(grams.size > 1000, `only ${grams.size} runs read from ${SHARED}`);
    const hits: string[] = [];
    for (const f of files!) {
      const p = path.join(REPO_ROOT, f);
      let st: fs.Stats;
      try {
        st = fs.lstatSync(p);
      } catch {
        continue; // deleted in the working tree
      }
      if (!st.isFile() || st.size > 5_000_000) continue;
      const buf = fs.readFileSync(p);
      if (buf.includes(0)) continue; // binary
      if (matchingRuns(buf.toString('utf8'), grams) >= LIMIT) hits.push(f);
    }
    assert.deepEqual(hits, [], 'these tracked files carry text of ../shared: write fixtures of your own');
  });

  it('the check finds a copy: an excerpt of a real text just long enough for three runs fails it', () => {
    const real = realTexts().next().value!;
    const grams = gramsOf([real]);
    const text = squeeze(real);
    const excerpt = text.slice(10 * STEP, 10 * STEP + K + 2 * STEP + 1);
    assert.equal(matchingRuns(excerpt, grams), LIMIT);
    assert.equal(matchingRuns(excerpt.slice(1), grams), 2, 'one character fewer: two runs, under the limit');
  });
});
