import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { checkDocument } from '../../server/src/core/check';
import { locateParts } from '../../server/src/core/profiles/locate';
import { builtinProfiles } from '../../server/src/core/profiles/registry';
import { escapeSnippetText, reportSkeletonSnippet, skeletonParts, titleAfterIssuer } from '../../server/src/core/features/report-skeleton';
import { analyze } from '../helpers';
import { lintSnippet, parseSnippet, render } from '../snippet-syntax';

describe('report skeleton command (core)', () => {
  for (const profile of builtinProfiles()) {
    for (const format of ['text', 'markdown'] as const) {
      it(`${profile.id} (${format}): a valid snippet that expands into a report with every part, free of findings`, () => {
        const snippet = reportSkeletonSnippet(profile, { year: 2024, format });
        const nodes = parseSnippet(snippet);
        assert.deepEqual(lintSnippet(nodes), []);
        const text = render(nodes, { CURRENT_YEAR: '2025', CURRENT_MONTH: '01', CURRENT_DATE: '20' }, { 1: '某县人民政府' });
        const uri = format === 'markdown' ? 'file:///x/report.md' : 'file:///x/report.txt';
        const a = analyze(text, uri);
        assert.equal(a.outline.title?.text, `某县人民政府${titleAfterIssuer(profile, 2024)}`);
        if (profile.id === 'fazhi-zhengfu-annual') assert.match(a.outline.title?.text ?? '', /^某县人民政府关于2024年度/);
        assert.equal(a.outline.closing?.issuer?.text, '某县人民政府');
        assert.equal(a.outline.closing?.date.text, '2025年1月20日');
        const located = locateParts(a, profile);
        for (const p of skeletonParts(profile)) assert.ok(located.byId.get(p.id), `${p.id} not recognised in the expanded skeleton`);
        // The expanded skeleton passes every rule.
        assert.deepEqual(checkDocument(a).map((f) => `${f.ruleId}: ${f.message}`), []);
        // The plan part is about the next year.
        if (profile.parts.some((p) => p.nextYear)) assert.match(text, /2025年/);
      });
    }
  }

  it('escapes snippet syntax in profile text', () => {
    assert.equal(escapeSnippetText('a$b}c\\d'), 'a\\$b\\}c\\\\d');
    assert.equal(render(parseSnippet(escapeSnippetText('共$5}件\\'))), '共$5}件\\');
  });
});
