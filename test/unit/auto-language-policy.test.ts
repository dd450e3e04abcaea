import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { AutoLanguagePolicy, CHANGE_WINDOW_MS } from '../../client/src/auto-language-policy';

const K = 'file:///w/%E6%80%BB%E7%BB%93.txt';

describe('switching report files to the ReportLint language', () => {
  it('switches plain-text and Markdown files and Untitled buffers once', () => {
    const p = new AutoLanguagePolicy();
    assert.equal(p.candidate(K, 'file', 'plaintext'), true);
    assert.equal(p.candidate('untitled:Untitled-1', 'untitled', 'plaintext'), true);
    assert.equal(p.candidate('file:///w/a.md', 'file', 'markdown'), true);
    assert.equal(p.candidate('file:///w/a.ini', 'file', 'ini'), false);
    assert.equal(p.candidate('git:/w/a.txt', 'git', 'plaintext'), false);
    p.switching(K, 'plaintext');
    assert.equal(p.opened(K, 'reportlint', 10), false);
    assert.equal(p.candidate(K, 'file', 'plaintext'), false, 'once');
  });

  it('never again for a file the user switched back (remembered across sessions)', () => {
    const p = new AutoLanguagePolicy();
    p.switching(K, 'plaintext');
    p.opened(K, 'reportlint', 0);
    // The user picks "Plain Text": VS Code closes the ReportLint document and opens it as plain text.
    p.closed(K, 'reportlint', 5000);
    assert.equal(p.opened(K, 'plaintext', 5001), true);
    assert.equal(p.candidate(K, 'file', 'plaintext'), false);
    const next = new AutoLanguagePolicy(p.declinedList());
    assert.equal(next.candidate(K, 'file', 'plaintext'), false);
  });

  it('a file closed and opened again later is a candidate again', () => {
    const p = new AutoLanguagePolicy();
    p.switching(K, 'plaintext');
    p.closed(K, 'reportlint', 0);
    assert.equal(p.opened(K, 'plaintext', CHANGE_WINDOW_MS + 1), false);
    assert.equal(p.candidate(K, 'file', 'plaintext'), true);
  });
});
