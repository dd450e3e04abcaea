import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasFutureMarker } from '../../server/src/core/document/future-marker';

const VERBS = ['将', '计划', '拟'];

test('将 as the future marker', () => {
  assert.equal(hasFutureMarker('2025年,我们将着力提升执法水平', VERBS), true);
  assert.equal(hasFutureMarker('2026年,某镇将继续将法治建设纳入年度综合考核', VERBS), true);
  assert.equal(hasFutureMarker('2025年,某局即将启动执法改革', VERBS), true);
  assert.equal(hasFutureMarker('2025年,某局计划开展培训', VERBS), true);
});

test('将 as the object marker (将X贯穿/纳入…) is not the future', () => {
  assert.equal(hasFutureMarker('2025年,某局将法治思维和法治方式贯穿环境执法全过程', VERBS), false);
  assert.equal(hasFutureMarker('2025年,某局将合法性审查列入重大决策必经程序', VERBS), false);
  assert.equal(hasFutureMarker('2025年,某局将学法情况作为考核依据', VERBS), false);
  assert.equal(hasFutureMarker('2025年,某局将来', VERBS), false);
});
