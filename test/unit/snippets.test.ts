import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { checkDocument } from '../../server/src/core/check';
import { analyze, REPO_ROOT } from '../helpers';
import { lintSnippet, parseSnippet, render, SnippetSyntaxError, walk } from '../snippet-syntax';
import { builtinProfiles } from '../../server/src/core/profiles/registry';
import { reportSkeletonSnippet, YEAR_STOP } from '../../server/src/core/features/report-skeleton';
import { generatedSnippets, renderSnippetsJson } from '../../server/src/core/features/snippets';

interface SnippetDef {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const contributed: { language: string; path: string }[] = pkg.contributes.snippets ?? [];
const files = [...new Set(contributed.map((c) => c.path))];

function load(file: string): Record<string, SnippetDef> {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
}
const bodyOf = (s: SnippetDef) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixesOf = (s: SnippetDef) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

describe('snippet syntax parser', () => {
  it('parses tab stops, placeholders, nested placeholders, choices, variables and transforms', () => {
    const nodes = parseSnippet('共${1}件，${2:办结${3:5}}，${4|件,宗|}，$0 ${CURRENT_YEAR} ${5:${CURRENT_MONTH/^0?(\\d+)$/$1/}} \\$9');
    const types = [...walk(nodes)].map((n) => n.type);
    assert.deepEqual(types.filter((t) => t !== 'text'), ['tabstop', 'placeholder', 'placeholder', 'choice', 'tabstop', 'variable', 'placeholder', 'variable']);
    assert.equal(render(nodes, { CURRENT_YEAR: '2025', CURRENT_MONTH: '03' }), '共件，办结5，件， 2025 3 $9');
  });

  it('rejects what VS Code would insert as broken text', () => {
    for (const bad of ['${1:abc', '${1|a,b}', '${1|a,,b|}', 'cost $ 5', '${:x}', '${1|${2},b|}', '${CURRENT_YEAR/(/x/}', '${1x}']) {
      assert.throws(() => parseSnippet(bad), SnippetSyntaxError, bad);
    }
  });

  it('lints unknown variables, gaps in tab stop numbers and conflicting defaults', () => {
    assert.match(lintSnippet(parseSnippet('${CURRENT_YAER}')).join(), /unknown variable/);
    assert.match(lintSnippet(parseSnippet('$1 $3')).join(), /without gaps/);
    assert.match(lintSnippet(parseSnippet('${1:a} ${1:b}')).join(), /two different defaults/);
    assert.deepEqual(lintSnippet(parseSnippet('${1:a} $1 ${2|x,y|} $2 $0')), []);
  });
});

describe('contributed snippets', () => {
  it('are contributed for plaintext, markdown and the reportlint language', () => {
    assert.deepEqual([...new Set(contributed.map((c) => c.language))].sort(), ['markdown', 'plaintext', 'reportlint']);
    assert.ok(files.length >= 1);
  });

  for (const file of files) {
    it(`${file}: valid JSON, every body parses cleanly, prefixes in pinyin and Chinese, bilingual descriptions`, () => {
      const snippets = load(file);
      const allPrefixes = new Map<string, string>();
      for (const [name, s] of Object.entries(snippets)) {
        const body = bodyOf(s);
        let nodes;
        try {
          nodes = parseSnippet(body);
        } catch (e) {
          assert.fail(`${name}: ${(e as Error).message}`);
        }
        assert.deepEqual(lintSnippet(nodes), [], name);
        assert.ok([...walk(nodes)].some((n) => n.type !== 'text'), `${name} has no tab stop`);
        const prefixes = prefixesOf(s);
        assert.ok(prefixes.some((p) => /^[a-z0-9]+$/.test(p)), `${name}: no pinyin-initials prefix`);
        assert.ok(prefixes.some((p) => /[\u4e00-\u9fff]/.test(p)), `${name}: no Chinese prefix`);
        for (const p of prefixes) {
          assert.ok(!allPrefixes.has(p), `prefix ${p} used by ${allPrefixes.get(p)} and ${name}`);
          allPrefixes.set(p, name);
        }
        assert.ok(s.description && /[\u4e00-\u9fff]/.test(s.description) && /[A-Za-z]{3}/.test(s.description), `${name}: description must be Chinese / English`);
      }
    });
  }

  it('the report skeleton expands into a report with title, the mandated parts in the regulation\'s order and a closing block, free of findings', () => {
    const skeleton = Object.values(load('./snippets/report.json')).find((s) => prefixesOf(s).includes('bg'));
    assert.ok(skeleton, 'no snippet with prefix bg');
    const body = bodyOf(skeleton);
    // ×× placeholders, never XX/20XX.
    assert.ok(!/X{2}/.test(body), body);
    assert.match(body, /××单位/);
    const text = render(parseSnippet(body), { CURRENT_YEAR: '2025', CURRENT_MONTH: '02', CURRENT_DATE: '08' }, { 1: '某市某区人民政府', [YEAR_STOP]: '2024' });
    const a = analyze(text);
    const o = a.outline;
    assert.ok(o.title && /关于2024年度法治政府建设情况的报告$/.test(o.title.text), o.title?.text);
    assert.ok(o.looksLikeReport);
    assert.deepEqual(
      o.sections.map((s) => s.heading.marker),
      ['一、', '二、', '三、', '四、', '五、'],
    );
    // 第二十五条: measures, shortcomings, first-responsible, plan, other.
    assert.match(o.sections[0].heading.title, /举措和成效/);
    assert.match(o.sections[1].heading.title, /不足和原因/);
    assert.match(o.sections[2].heading.title, /第一责任人/);
    assert.match(o.sections[3].heading.title, /^2025年工作安排$/, 'the plan part is about the coming year');
    assert.match(o.sections[4].heading.title, /其他需要报告/);
    assert.equal(o.closing?.date.text, '2025年2月8日');
    assert.equal(o.closing?.issuer?.text, '某市某区人民政府');
    // Filled in, the skeleton passes every rule: the writer starts from a clean report.
    assert.deepEqual(checkDocument(a).map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  it('snippets/report.json is generated from the profiles (run `npm run snippets`)', () => {
    assert.equal(fs.readFileSync(path.join(REPO_ROOT, 'snippets', 'report.json'), 'utf8'), renderSnippetsJson(builtinProfiles()), 'snippets/report.json is stale: run `npm run snippets`');
  });

  it('one skeleton source: the snippet and the command expand to the same report for every year', () => {
    for (const profile of builtinProfiles()) {
      if (!profile.snippetPrefixes?.length) continue;
      const snippet = generatedSnippets([profile])[profile.id === 'fazhi-zhengfu-annual' ? 'report-skeleton' : `${profile.id}-report-skeleton`];
      for (const year of [2019, 2024, 2025]) {
        const vars = { CURRENT_YEAR: String(year + 1), CURRENT_MONTH: '03', CURRENT_DATE: '01' };
        const fromSnippet = render(parseSnippet(snippet.body.join('\n')), vars, { [YEAR_STOP]: String(year) });
        const fromCommand = render(parseSnippet(reportSkeletonSnippet(profile, { year, format: 'text' })), vars);
        assert.equal(fromSnippet, fromCommand, `${profile.id} ${year}`);
      }
    }
  });
});
