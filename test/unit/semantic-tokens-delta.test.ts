import { strict as assert } from 'assert';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import type { SemanticTokensEdit } from 'vscode-languageserver';
import { tokensEdits } from '../../server/src/lsp/features/semantic-tokens';

/** What a client does with a delta: splice each edit into the previous integers. */
function apply(previous: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const out = [...previous];
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

describe('semantic tokens delta (textDocument/semanticTokens/full/delta)', () => {
  it('no edit for equal encodings; one edit covering only what changed otherwise', () => {
    assert.deepEqual(tokensEdits([0, 1, 2, 0, 0], [0, 1, 2, 0, 0]), []);
    assert.deepEqual(tokensEdits([], []), []);
    // A token inserted on line 1 between tokens on lines 0 and 3: the next token's line delta
    // changes from 3 to 2, the rest of it and everything after stays.
    assert.deepEqual(tokensEdits([0, 0, 2, 0, 0, 3, 0, 2, 1, 0], [0, 0, 2, 0, 0, 1, 4, 2, 2, 0, 2, 0, 2, 1, 0]), [{ start: 5, deleteCount: 1, data: [1, 4, 2, 2, 0, 2] }]);
    // Deletion: no data.
    assert.deepEqual(tokensEdits([0, 0, 2, 0, 0, 1, 4, 2, 2, 0], [0, 0, 2, 0, 0]), [{ start: 5, deleteCount: 5 }]);
    // Everything replaced.
    assert.deepEqual(tokensEdits([1, 2, 3], [4, 5]), [{ start: 0, deleteCount: 3, data: [4, 5] }]);
    // Repeated values: prefix and suffix never overlap.
    assert.deepEqual(apply([7, 7, 7], tokensEdits([7, 7, 7], [7, 7])), [7, 7]);
    assert.deepEqual(apply([7, 7], tokensEdits([7, 7], [7, 7, 7, 7])), [7, 7, 7, 7]);
  });

  it('applying the edits to the previous encoding gives the new one (property)', () => {
    const ints = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 });
    fc.assert(
      fc.property(ints, ints, (a, b) => {
        const edits = tokensEdits(a, b);
        assert.deepEqual(apply(a, edits), b);
        assert.ok(edits.length <= 1);
        if (edits.length) assert.ok(edits[0].start + edits[0].deleteCount <= a.length);
      }),
      { numRuns: 2000, seed: 18 },
    );
  });
});
