import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { renumberAllEdits } from '../../server/src/core/outline/renumber';
import { checkDocument } from '../../server/src/core/check';
import { analyze, applyEdits, FIXTURES, readSeed, SEED, SEEDS_SKIP } from '../helpers';

const dir = path.join(FIXTURES, 'renumber');
const cases = fs.readdirSync(dir).filter((f) => !f.includes('.expected.'));

function renumber(text: string, uri: string): string {
  return applyEdits(text, renumberAllEdits(analyze(text, uri)));
}

describe('renumber all headings', () => {
  for (const file of cases) {
    it(`${file}: renumbers every sequence, touching only numerals, and is idempotent`, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const expected = fs.readFileSync(path.join(dir, file.replace(/\.(txt|md)$/, '.expected.$1')), 'utf8');
      const uri = `file:///fixtures/renumber/${file}`;
      const edits = renumberAllEdits(analyze(text, uri));
      assert.ok(edits.length > 0);
      for (const e of edits) assert.equal(e.range.start.line, e.range.end.line, 'an edit spans lines');
      const once = applyEdits(text, edits);
      assert.equal(once, expected);
      assert.deepEqual(renumberAllEdits(analyze(once, uri)), [], 'renumbering twice changed more');
      assert.equal(renumber(once, uri), once);
      const numbering = checkDocument(analyze(once, uri)).filter((f) => f.ruleId === 'numbering-gap' || f.ruleId === 'numbering-duplicate');
      assert.deepEqual(numbering, []);
    });
  }

  it('leaves a correctly numbered document alone', () => {
    const text = fs.readFileSync(path.join(dir, 'gaps.expected.txt'), 'utf8');
    assert.deepEqual(renumberAllEdits(analyze(text)), []);
  });

  it('changes nothing in the seeds, whose numbering is already consistent', { skip: SEEDS_SKIP }, () => {
    for (const name of [SEED.baiyun, SEED.xiangzhou, SEED.xinhua, SEED.gzOffice]) {
      assert.deepEqual(renumberAllEdits(analyze(readSeed(name), `file:///seeds/${name}`)), [], name);
    }
  });
});
