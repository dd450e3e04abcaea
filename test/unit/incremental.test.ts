import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../../server/src/core/analysis';
import { checkDocument, checkDocumentSteps, type CheckOptions } from '../../server/src/core/check';
import { defaultConfig, mergeConfig } from '../../server/src/core/config';
import { AnalysisCache, GenerationalMap } from '../../server/src/core/incremental';
import { diffTexts, ReportDocument } from '../../server/src/core/document';
import type { Outline } from '../../server/src/core/outline/outline';
import { outlineToJson } from '../../server/src/core/outline/serialize';
import { ALL_RULES } from '../../server/src/core/rules';
import { paragraphRule } from '../../server/src/core/rules/paragraph-rule';
import type { Rule } from '../../server/src/core/rules/types';
import { DocumentSession } from '../../server/src/lsp/pipeline';
import { CheckScheduler } from '../../server/src/lsp/scheduler';
import { FIXTURES, REPO_ROOT } from '../helpers';

/**
 * A paragraph-granular rule used only here, to exercise caching and re-anchoring of findings and
 * fixes: it flags an ASCII comma between two CJK characters and offers the full-width comma.
 */
const asciiComma: Rule = paragraphRule({
  meta: {
    id: 'test-ascii-comma',
    defaultSeverity: 'info',
    category: 'hygiene',
    scope: 'any',
    fixable: true,
    description: { 'zh-cn': '测试规则', en: 'test rule' },
    docs: { 'zh-cn': '测试规则', en: 'test rule' },
  },
  messages: { comma: { 'zh-cn': '半角逗号：{n}', en: 'ASCII comma: {n}' } },
  checkParagraph(ctx) {
    const re = /(?<=[\u4e00-\u9fff]),(?=[\u4e00-\u9fff])/g;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(ctx.simplified))) {
      n++;
      const range = { start: m.index, end: m.index + 1 };
      ctx.report({
        message: ctx.t('comma', { n }),
        range,
        fixes: [{ title: '，', edits: [{ range, newText: '，' }], kind: 'punct' }],
        data: { runIn: ctx.runIn },
      });
    }
  },
});

const RULES: readonly Rule[] = [...ALL_RULES, asciiComma];
const CONFIG = mergeConfig(defaultConfig(), {});
const OPTIONS: CheckOptions = { config: CONFIG, locale: 'zh-cn', rules: RULES, forceReport: true };

function fixtureTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(txt|md)$/.test(e.name)) out.push({ name: path.relative(REPO_ROOT, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(FIXTURES);
  walk(path.join(REPO_ROOT, 'examples'));
  return out.filter((f) => f.text.length < 100_000);
}

/** Everything observable of an outline, without the parent/child cycles. */
function outlineShape(a: Analysis, o: Outline) {
  return {
    json: outlineToJson(a, 'x'),
    headings: o.headings,
    paragraphs: o.paragraphs.map((p) => ({ ...p, section: p.section ? o.flat.indexOf(p.section) : -1 })),
    sectionRanges: o.flat.map((s) => s.range),
    enumerations: o.enumerations,
    title: o.title,
    closing: o.closing,
    looksLikeReport: o.looksLikeReport,
    reportCues: o.reportCues,
  };
}

function fullRun(text: string, uri: string) {
  const a = Analysis.fromText(text, { uri });
  return { findings: checkDocument(a, OPTIONS), outline: outlineShape(a, a.outline) };
}

const PIECES = ['一、', '（二）', '(三)', '3.', '1．', '（1）', '\n', '\r\n', '\n\n', '。', ',', '，', '一是', '二是', '第一,', '首先,', '报告', '年', '某', '區', '# ', '```\n', '2025年3月1日', ' '];

/** An edit as the client sends it: a range in the current text and its replacement. */
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.nat({ max: 12 }),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((a) => a.join('')),
});

describe('incremental checking', () => {
  const fixtures = fixtureTexts();

  it('has fixtures to edit', () => {
    assert.ok(fixtures.length >= 5, `only ${fixtures.length} fixture texts`);
  });

  it('gives exactly the findings and outline of a full run after random edits (every fixture)', () => {
    for (const { name, text } of fixtures) {
      const uri = name.endsWith('.md') ? 'file:///t/report.md' : 'file:///t/report.txt';
      fc.assert(
        fc.property(fc.array(editArb, { minLength: 1, maxLength: 8 }), (edits) => {
          const session = new DocumentSession(uri, uri.endsWith('.md') ? 'markdown' : 'text');
          let doc = TextDocument.create(uri, 'plaintext', 1, text);
          session.check(session.analysis(doc.getText(), 1), OPTIONS);
          for (const e of edits) {
            const current = doc.getText();
            const start = Math.floor(e.at * current.length);
            const end = Math.min(current.length, start + e.del);
            doc = TextDocument.update(doc, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.insert }], doc.version + 1);
            const a = session.analysis(doc.getText(), doc.version);
            const findings = session.check(a, OPTIONS);
            const full = fullRun(doc.getText(), uri);
            assert.deepStrictEqual(findings, full.findings, `${name}: findings differ after edits`);
            assert.deepStrictEqual(outlineShape(a, a.outline), full.outline, `${name}: outline differs after edits`);
          }
        }),
        { numRuns: 25, seed: 20261124 },
      );
    }
  });

  it('reuses the unchanged lines and paragraphs after a one-character edit', () => {
    const text = fixtures.map((f) => f.text).join('\n');
    const session = new DocumentSession('file:///t/all.txt', 'text');
    session.check(session.analysis(text, 1), OPTIONS);
    const first = { ...session.cacheStats! };
    assert.ok(first.headingMisses > 5 && first.paragraphMisses > 5, JSON.stringify(first));
    const mid = text.indexOf('，', Math.floor(text.length / 2));
    const edited = text.slice(0, mid) + '某' + text.slice(mid);
    const findings = session.check(session.analysis(edited, 2), OPTIONS);
    const stats = session.cacheStats!;
    assert.ok(stats.headingMisses <= 1, `heading recognitions redone: ${stats.headingMisses}`);
    assert.ok(stats.paragraphMisses <= 1, `paragraph checks redone: ${stats.paragraphMisses}`);
    assert.ok(stats.paragraphHits > 5);
    assert.deepStrictEqual(findings, fullRun(edited, 'file:///t/all.txt').findings);
  });

  it('drops cached paragraph findings when the locale or configuration changes', () => {
    const text = '一、甲\n某单位开展检查,督促整改。\n';
    const session = new DocumentSession('file:///t/c.txt', 'text');
    const zh = session.check(session.analysis(text, 1), OPTIONS).filter((f) => f.ruleId === 'test-ascii-comma');
    const en = session.check(session.analysis(text, 1), { ...OPTIONS, locale: 'en' }).filter((f) => f.ruleId === 'test-ascii-comma');
    assert.match(zh[0].message, /半角逗号/);
    assert.match(en[0].message, /ASCII comma/);
    const warn = mergeConfig(CONFIG, { rules: { 'test-ascii-comma': 'warning' } });
    const w = session.check(session.analysis(text, 1), { ...OPTIONS, config: warn }).filter((f) => f.ruleId === 'test-ascii-comma');
    assert.equal(w[0].severity, 'warning');
  });

  it("a paragraph rule's own check() reports what the checker reports", () => {
    const text = fixtures.map((f) => f.text).join('\n');
    const a = Analysis.fromText(text, { uri: 'file:///t/p.txt' });
    const viaChecker = checkDocument(a, { ...OPTIONS, rules: [asciiComma] });
    const direct: unknown[] = [];
    asciiComma.check({
      analysis: a,
      doc: a.doc,
      outline: a.outline,
      locale: 'zh-cn',
      config: CONFIG,
      severity: 'info',
      t: (k, args) => `半角逗号：${args?.n}`,
      report: (f) => direct.push(f),
    });
    assert.ok(viaChecker.length > 0);
    assert.equal(direct.length, viaChecker.length);
  });

  it('checkDocumentSteps drained equals checkDocument', () => {
    for (const { text } of fixtures) {
      const steps = checkDocumentSteps(Analysis.fromText(text), OPTIONS);
      let r = steps.next();
      let n = 0;
      while (!r.done) {
        n++;
        r = steps.next();
      }
      assert.ok(n >= 1);
      assert.deepStrictEqual(r.value, checkDocument(Analysis.fromText(text), OPTIONS));
    }
  });
});

describe('incremental building blocks', () => {
  it('a version built from the previous one has exactly the lines and simplified view of a fresh one', () => {
    const alphabet = fc.constantFrom('a', '甲', '區', '報', '\n', '\r', '\r\n', ' ', '。', '1');
    const textArb = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(textArb, fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 6 }), insert: textArb }), { maxLength: 6 }), (initial, edits) => {
        let prev = new ReportDocument(initial);
        void prev.simplified; // a computed view is patched, not recomputed
        for (const e of edits) {
          const start = Math.floor(e.at * prev.text.length);
          const next = prev.text.slice(0, start) + e.insert + prev.text.slice(Math.min(prev.text.length, start + e.del));
          const built = new ReportDocument(next, { previous: prev });
          const fresh = new ReportDocument(next);
          assert.deepStrictEqual(built.lines, fresh.lines);
          assert.deepStrictEqual(built.script, fresh.script);
          const m = built.mapping!;
          for (let i = 0; i < m.prefixLines; i++) assert.equal(built.lines[i].text, prev.lines[i].text);
          for (let i = m.suffixStart; i < built.lines.length; i++) assert.equal(built.lines[i].text, prev.lines[i + m.shift].text);
          prev = built;
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('diffTexts finds the common prefix and suffix without overlap', () => {
    assert.deepStrictEqual(diffTexts('abcXdef', 'abcYYdef'), { prefix: 3, suffix: 3 });
    assert.deepStrictEqual(diffTexts('aaa', 'aaaa'), { prefix: 3, suffix: 0 });
    assert.deepStrictEqual(diffTexts('', 'x'), { prefix: 0, suffix: 0 });
    // Long texts are compared block by block first.
    const head = '甲'.repeat(10_000);
    const tail = '乙'.repeat(9_000);
    assert.deepStrictEqual(diffTexts(head + 'A' + tail, head + 'BB' + tail), { prefix: 10_000, suffix: 9_000 });
    assert.deepStrictEqual(diffTexts(head + tail, head + tail + head), { prefix: 19_000, suffix: 0 });
    assert.deepStrictEqual(diffTexts(head + head, head), { prefix: 10_000, suffix: 0 });
  });

  it('GenerationalMap keeps what the last generation used and drops the rest', () => {
    const m = new GenerationalMap<string, number>();
    m.set('a', 1);
    m.set('b', 2);
    m.nextGeneration();
    assert.equal(m.get('a'), 1); // carried into the new generation
    m.nextGeneration();
    assert.equal(m.get('a'), 1);
    assert.equal(m.get('b'), undefined);
    m.set('n', 0);
    m.nextGeneration();
    assert.equal(m.has('n'), true);
  });

  it('AnalysisCache: the same line text at another position yields the moved heading', () => {
    const cache = new AnalysisCache();
    const a1 = Analysis.fromText('一、甲\n二、乙\n', { cache });
    const h1 = a1.outline.headings[1];
    const a2 = Analysis.fromText('前言。\n一、甲\n二、乙\n', { cache });
    const h2 = a2.outline.headings[1];
    assert.equal(cache.stats.headingHits, 2);
    assert.equal(h2.line, h1.line + 1);
    assert.equal(h2.markerRange.start, h1.markerRange.start + 4);
    assert.deepStrictEqual(a2.outline.headings, Analysis.fromText('前言。\n一、甲\n二、乙\n').outline.headings);
  });
});

describe('check scheduling', () => {
  it('a newer version cancels the pending check of an older one', async () => {
    const ran: number[] = [];
    const s = new CheckScheduler(async (_uri, v) => {
      ran.push(v);
    }, (e) => assert.fail(String(e)));
    s.schedule('u', 1, 20);
    s.schedule('u', 2, 20);
    await new Promise((r) => setTimeout(r, 60));
    assert.deepEqual(ran, [2]);
  });

  it('a running check sees its token cancelled, and never claims publication after a newer version', async () => {
    const tokens: { v: number; token: { cancelled: boolean } }[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = new CheckScheduler(async (_uri, v, token) => {
      tokens.push({ v, token });
      if (v === 1) await gate;
    }, (e) => assert.fail(String(e)));
    s.schedule('u', 1, 0);
    s.schedule('u', 2, 0);
    assert.equal(tokens[0].token.cancelled, true);
    assert.equal(tokens[1].token.cancelled, false);
    assert.equal(s.claimPublish('u', 2, tokens[1].token), true);
    assert.equal(s.claimPublish('u', 1, { cancelled: false }), false, 'older than published');
    release();
  });

  it('checkAsync returns null when cancelled and leaves the last findings in place', async () => {
    const session = new DocumentSession('file:///t/a.txt', 'text');
    const text = '一、甲\n三、丙\n';
    const a = session.analysis(text, 1);
    assert.equal((await session.checkAsync(a, OPTIONS, { cancelled: false }))?.length, 1);
    const b = session.analysis(text + '五、戊\n', 2);
    assert.equal(await session.checkAsync(b, OPTIONS, { cancelled: true }), null);
    assert.equal(session.findingsFor(2), null);
    assert.equal(session.findingsFor(1)?.length, 1);
  });
});
