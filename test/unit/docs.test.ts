import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { renderRulesMarkdown } from '../../server/src/core/docs';
import { ALL_RULES } from '../../server/src/core/rules';
import { REPO_ROOT } from '../helpers';

describe('rule metadata and documentation', () => {
  it('docs/rules.md is up to date (run `npm run docs`)', () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
    assert.equal(committed, renderRulesMarkdown(), 'docs/rules.md is stale: run `npm run docs`');
  });

  it('every rule has a unique kebab-case id, both locales of every text, and messages for both locales', () => {
    const ids = new Set<string>();
    for (const r of ALL_RULES) {
      assert.match(r.meta.id, /^[a-z]+(-[a-z0-9]+)*$/);
      assert.ok(!ids.has(r.meta.id), `duplicate id ${r.meta.id}`);
      ids.add(r.meta.id);
      for (const t of [r.meta.description, r.meta.docs, ...Object.values(r.messages)]) {
        assert.ok(t['zh-cn'] && t['zh-cn'].trim(), `${r.meta.id}: missing zh-cn text`);
        assert.ok(t.en && t.en.trim(), `${r.meta.id}: missing en text`);
        assert.match(t['zh-cn'], /[\u4e00-\u9fff]/, `${r.meta.id}: zh-cn text has no Chinese`);
      }
    }
  });
});
