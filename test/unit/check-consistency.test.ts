import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../../server/src/core/analysis';
import { checkDocument, checkDocumentSteps, type CheckOptions } from '../../server/src/core/check';
import { defaultConfig, mergeConfig } from '../../server/src/core/config/config';
import type { Outline } from '../../server/src/core/outline/outline';
import { outlineToJson } from '../../server/src/core/outline/serialize';
import { DocumentSession } from '../../server/src/lsp/pipeline';
import { CheckScheduler } from '../../server/src/lsp/scheduler';
import { FIXTURES, REPO_ROOT } from '../helpers';
import { findingsImage } from '../invariants';

/**
 * Every version of a document is checked from its whole text, so checking a text gives the same
 * findings however it was reached: through the server's session after any sequence of edits and
 * checks under other options, or by a fresh one-off check (the CLI's path), or twice in a row.
 * These properties guard against state leaking between checks (module-level caches, memos that
 * outlive a version).
 */
const CONFIG = mergeConfig(defaultConfig(), {});
const OPTIONS: CheckOptions = { config: CONFIG, locale: 'zh-cn', forceReport: true };

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

describe('checking the same text gives the same findings', () => {
  const fixtures = fixtureTexts();

  it('has fixtures to edit', () => {
    assert.ok(fixtures.length >= 5, `only ${fixtures.length} fixture texts`);
  });

  it('after random edits, the server session gives exactly the findings and outline of a fresh check (every fixture)', () => {
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
            // Lazily built parts (messages, fixes, related information) are not own properties
            // of a LazyFinding: compare the JSON images too, which read them.
            assert.equal(findingsImage(findings), findingsImage(full.findings), `${name}: messages or fixes differ after edits`);
            assert.deepStrictEqual(outlineShape(a, a.outline), full.outline, `${name}: outline differs after edits`);
          }
        }),
        { numRuns: 25, seed: 20261124 },
      );
    }
  });

  it('a session that checked other options before gives a fresh check\'s findings (locale, severities)', () => {
    const text = '一、基本情况\n全年共受理案件200件，审结180件，审结率95%。\n共受理行政复议案件12件。\n三、其他\n共受理行政复议案件15件。\n';
    const uri = 'file:///t/f.txt';
    const session = new DocumentSession(uri, 'text');
    const variants: CheckOptions[] = [
      OPTIONS,
      { ...OPTIONS, locale: 'en' },
      { ...OPTIONS, config: mergeConfig(CONFIG, { rules: { 'rate-mismatch': 'warning', 'figure-conflict': 'error' } }) },
      OPTIONS,
    ];
    let version = 1;
    for (const opts of variants) {
      const edited = text + '补充说明。'.repeat(version);
      const got = session.check(session.analysis(edited, version++), opts);
      const full = checkDocument(Analysis.fromText(edited, { uri }), opts);
      assert.deepStrictEqual(got, full);
      assert.equal(findingsImage(got), findingsImage(full), 'messages or fixes differ');
      assert.ok(got.some((f) => f.ruleId === 'rate-mismatch') && got.some((f) => f.ruleId === 'figure-conflict'), JSON.stringify(got.map((f) => f.ruleId)));
    }
  });

  it('checking one analysis twice, or a fresh analysis of the same text, gives the same findings (every fixture)', () => {
    for (const { name, text } of fixtures) {
      const uri = name.endsWith('.md') ? 'file:///t/report.md' : 'file:///t/report.txt';
      const a = Analysis.fromText(text, { uri });
      const first = checkDocument(a, OPTIONS);
      const second = checkDocument(a, OPTIONS);
      const fresh = checkDocument(Analysis.fromText(text, { uri }), OPTIONS);
      assert.deepStrictEqual(second, first, `${name}: second check of one analysis differs`);
      assert.deepStrictEqual(fresh, first, `${name}: fresh analysis differs`);
      assert.equal(findingsImage(second), findingsImage(first), `${name}: second check of one analysis differs (messages or fixes)`);
      assert.equal(findingsImage(fresh), findingsImage(first), `${name}: fresh analysis differs (messages or fixes)`);
    }
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
      const direct = checkDocument(Analysis.fromText(text), OPTIONS);
      assert.deepStrictEqual(r.value, direct);
      assert.equal(findingsImage(r.value), findingsImage(direct));
    }
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

  it('a debounced check is prepared half-way through its debounce, once, unless superseded; an immediate one is not', async () => {
    const events: string[] = [];
    const t0 = Date.now();
    const s = new CheckScheduler(
      async (_uri, v) => {
        events.push(`run ${v}`);
      },
      (e) => assert.fail(String(e)),
      async (_uri, v, token) => {
        assert.equal(token.cancelled, false);
        events.push(`prepare ${v} at ${Date.now() - t0 >= 30 ? 'half' : 'early'}`);
      },
    );
    s.schedule('u', 1, 60);
    await new Promise((r) => setTimeout(r, 10));
    s.schedule('u', 2, 60); // before version 1 was prepared: only version 2 is
    await new Promise((r) => setTimeout(r, 120));
    s.schedule('u', 3, 0);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(events, ['prepare 2 at half', 'run 2', 'run 3']);
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
