import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { DOCUMENTED_RULES } from '../../server/src/core/rules';
import { REPO_ROOT } from '../helpers';
import { GENERATED_FILES, SEVERITIES, spliceJsonProperty } from '../../scripts/generated-files';

describe('rule metadata and documentation', () => {
  for (const f of GENERATED_FILES) {
    it(`${f.path} is up to date with the rules' metadata (run \`npm run docs\`)`, () => {
      const committed = fs.readFileSync(path.join(REPO_ROOT, f.path), 'utf8');
      assert.equal(committed, f.expected(committed), `${f.path} is stale: run \`npm run docs\``);
    });
  }

  it('the config schema and the setting list exactly the rule ids, and reject unknown ids and bad severities', () => {
    const ids = DOCUMENTED_RULES.map((r) => r.meta.id).sort();
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'reportlintrc.schema.json'), 'utf8'));
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const configs = [pkg.contributes.configuration].flat();
    const setting = configs.map((c: { properties: Record<string, unknown> }) => c.properties['reportlint.rules']).find(Boolean);
    for (const [what, prop] of [['schema', schema.properties.rules], ['setting', setting]] as const) {
      assert.deepEqual(Object.keys(prop.properties).sort(), ids, what);
      assert.equal(prop.additionalProperties, false, what);
      for (const id of ids) assert.deepEqual(prop.properties[id].enum, [...SEVERITIES], `${what}: ${id}`);
    }
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.equal(validate({ rules: { [ids[0]]: 'off', [ids[1]]: 'warning' } }), true, JSON.stringify(validate.errors));
    assert.equal(validate({ rules: { 'no-such-rule': 'warning' } }), false, 'an unknown rule id is flagged');
    assert.equal(validate({ rules: { [ids[0]]: 'fatal' } }), false, 'an unknown severity is flagged');
  });

  it('spliceJsonProperty replaces one object property and keeps the rest of the text as written', () => {
    const text = '{\n  "a": { "x": [1, 2] },\n  "rules": {\n    "s": "}{\\"",\n    "n": { "m": 1 }\n  },\n  "b": 2\n}\n';
    const out = spliceJsonProperty(text, 'rules', { k: ['error', 'off'] });
    assert.equal(out, '{\n  "a": { "x": [1, 2] },\n  "rules": {\n    "k": ["error", "off"]\n  },\n  "b": 2\n}\n');
    assert.throws(() => spliceJsonProperty(text, 'missing', {}));
  });

  it('every rule has a unique kebab-case id, both locales of every text, and messages for both locales', () => {
    const ids = new Set<string>();
    for (const r of DOCUMENTED_RULES) {
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
