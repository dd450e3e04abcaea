import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { findCitations, KNOWN_BY_KEY } from '../../server/src/core/document/citations';
import { applyEdits, check } from '../helpers';

describe('cited titles and their years', () => {
  it('reads a span in any dash or 至, in either bracket width, as the same words', () => {
    const text = '《甲乙规划（2021—2025年）》《甲乙规划(2021-2025年)》《甲乙规划（2021至2025年）》《甲乙规划（2021–2025 年）》';
    const cites = findCitations(text);
    assert.equal(cites.length, 4);
    assert.equal(new Set(cites.map((c) => c.key)).size, 1);
    for (const c of cites) assert.deepEqual(c.years, [{ from: 2021, to: 2025, span: true }]);
  });

  it('reads a title nested in a title (〈…〉) as a citation of its own', () => {
    const cites = findCitations('《关于贯彻〈丙丁纲要（2020—2025年）〉的实施意见》');
    assert.deepEqual(cites.map((c) => c.title), ['关于贯彻〈丙丁纲要（2020—2025年）〉的实施意见', '丙丁纲要（2020—2025年）']);
  });

  it('keys a known document the way its citations are keyed', () => {
    const [c] = findCitations('《法治政府建设实施纲要(2021-2025年)》');
    assert.ok(KNOWN_BY_KEY.has(c.key));
  });

  it('suggests the other citation\'s years, keeping this citation\'s dash and brackets', () => {
    const text = '落实《戊己行动方案（2022—2025年）》。\n对照《戊己行动方案(2022-2024年)》自查。\n';
    const [f] = check(text, { only: ['citation-mismatch'], forceReport: true });
    assert.equal(f.severity, 'warning');
    assert.equal(f.range.start.line, 1);
    assert.equal(f.related?.[0].range.start.line, 0);
    assert.equal(applyEdits(text, f.fixes![0].edits), '落实《戊己行动方案（2022—2025年）》。\n对照《戊己行动方案(2022-2025年)》自查。\n');
  });

  it('names the known edition in English too', () => {
    const [f] = check('贯彻《法治社会建设实施纲要（2020—2026年）》。\n', { only: ['citation-mismatch'], forceReport: true, locale: 'en' });
    assert.match(f.message, /2020—2025/);
    assert.match(f.message, /known document/);
  });
});
