import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { checkDocument } from '../../server/src/core/check';
import { DOCUMENTED_RULES } from '../../server/src/core/rules';
import { analyze, REPO_ROOT } from '../helpers';

const read = (rel: string) => fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('localisation', () => {
  it('every %key% in package.json has an English and a Chinese string, and the two files have the same keys', () => {
    const pkg = read('package.json');
    const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const zh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
    const keys = [...new Set([...pkg.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]))];
    assert.ok(keys.length > 10);
    for (const k of keys) {
      assert.ok(en[k]?.trim(), `package.nls.json lacks ${k}`);
      assert.ok(zh[k] && /[\u4e00-\u9fff]/.test(zh[k]), `package.nls.zh-cn.json lacks a Chinese ${k}`);
    }
    assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  });

  it('every contributed setting has a description, enums have enum descriptions, and commands have localised titles in category ReportLint', () => {
    const pkg = JSON.parse(read('package.json'));
    for (const [key, prop] of Object.entries(pkg.contributes.configuration.properties as Record<string, Record<string, unknown>>)) {
      assert.ok(prop.markdownDescription || prop.description, `${key} has no description`);
      assert.ok('default' in prop, `${key} has no default`);
      if (Array.isArray(prop.enum)) assert.equal((prop.enumDescriptions as string[] | undefined)?.length, prop.enum.length, `${key}: enumDescriptions`);
    }
    for (const c of pkg.contributes.commands as { command: string; title: string; category: string }[]) {
      assert.match(c.title, /^%[\w.]+%$/, `${c.command} title is not localised`);
      assert.equal(c.category, 'ReportLint');
    }
  });

  it('every vscode.l10n.t string in the client has a Chinese translation with the same placeholders', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    const dir = path.join(REPO_ROOT, 'client', 'src');
    let count = 0;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        const key = m[1].replace(/\\'/g, "'");
        count++;
        assert.ok(bundle[key], `${f}: no zh-cn translation for "${key}"`);
        assert.deepEqual(placeholders(bundle[key]), placeholders(key), `placeholders differ for "${key}"`);
      }
      assert.ok(!/l10n\.t\(\s*[`"]/.test(src), `${f}: use single-quoted literals in vscode.l10n.t so they can be checked`);
    }
    assert.ok(count > 20);
  });

  it('every message of every rule exists in both locales with the same placeholders', () => {
    for (const rule of DOCUMENTED_RULES) {
      for (const [key, text] of Object.entries(rule.messages)) {
        assert.ok(text['zh-cn']?.trim() && /[\u4e00-\u9fff]/.test(text['zh-cn']), `${rule.meta.id}.${key}: zh-cn`);
        assert.ok(text.en?.trim(), `${rule.meta.id}.${key}: en`);
        assert.deepEqual(placeholders(text['zh-cn']), placeholders(text.en), `${rule.meta.id}.${key}: placeholders differ`);
      }
    }
  });

  it('checking a fixture in each locale gives the same findings with messages in that locale', () => {
    const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'rules');
    let compared = 0;
    for (const rule of fs.readdirSync(dir)) {
      for (const f of fs.readdirSync(path.join(dir, rule)).filter((n) => /\.(txt|md)$/.test(n))) {
        const text = fs.readFileSync(path.join(dir, rule, f), 'utf8');
        const uri = `file:///fixtures/${rule}/${f}`;
        const zh = checkDocument(analyze(text, uri), { locale: 'zh-cn' });
        const en = checkDocument(analyze(text, uri), { locale: 'en' });
        assert.deepEqual(en.map((x) => [x.ruleId, x.range]), zh.map((x) => [x.ruleId, x.range]), `${rule}/${f}`);
        zh.forEach((x, i) => {
          assert.match(x.message, /[\u4e00-\u9fff]/, `${rule}/${f}: zh message`);
          assert.ok(!/\{\w+\}/.test(x.message) && !/\{\w+\}/.test(en[i].message), `${rule}/${f}: unfilled placeholder in "${x.message}" / "${en[i].message}"`);
          assert.notEqual(en[i].message, x.message, `${rule}/${f}: en message equals zh`);
          for (const fix of [...(x.fixes ?? []), ...(en[i].fixes ?? [])]) assert.ok(fix.title.trim() && !/\{\w+\}/.test(fix.title), `${rule}/${f}: fix title`);
          compared++;
        });
      }
    }
    assert.ok(compared > 0);
  });
});
