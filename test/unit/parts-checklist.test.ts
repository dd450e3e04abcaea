import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { formatChecklist, type PartsChecklist } from '../../client/src/parts-checklist';
import { partsChecklist } from '../../server/src/lsp/parts-checklist';
import { getProfile } from '../../server/src/core/profiles/registry';
import { defaultConfig } from '../../server/src/core/config/config';
import { analyze, REPO_ROOT } from '../helpers';

/** vscode.l10n.t with the Chinese bundle, as the extension runs in a Chinese VS Code. */
const bundle = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const zh = (m: string, ...args: string[]) => (bundle[m] ?? m).replace(/\{(\d+)\}/g, (_, i) => args[Number(i)]);
const en = (m: string, ...args: string[]) => m.replace(/\{(\d+)\}/g, (_, i) => args[Number(i)]);

const DRAFT = [
  '某县林业局关于2024年度法治政府建设情况的报告',
  '2024年，县林业局坚持依法行政,推进法治政府建设。现将有关情况报告如下:',
  '一、主要举措和成效',
  '(一)落实责任。局主要负责人履行推进法治建设第一责任人职责,带头学法2次。',
  '(二)规范执法。办理林业行政案件23件。',
  '',
].join('\n');

function serverChecklist(text: string): PartsChecklist {
  const profile = getProfile('fazhi-zhengfu-annual', defaultConfig())!;
  return partsChecklist(analyze(text), profile, 'zh-cn');
}

describe('the status bar parts checklist', () => {
  it('the server lists the mandated parts with their status, ranges for written parts and insert edits for the others', () => {
    const list = serverChecklist(DRAFT);
    assert.equal(list.profile.name, '法治政府建设年度报告');
    assert.deepEqual(list.parts.map((p) => `${p.id} ${p.status}`), ['measures written', 'first-responsible written', 'shortcomings not-reached', 'plan not-reached']);
    assert.equal(list.written, 2);
    assert.equal(list.total, 4);
    assert.equal(list.parts[0].range!.start.line, 2);
    assert.equal(list.parts[2].marker, '二、');
    assert.ok(list.parts[2].edits!.length > 0);
    // Signed: the absent parts are missing.
    const signed = serverChecklist(DRAFT + '某县林业局\n2025年1月20日\n');
    assert.deepEqual(signed.parts.map((p) => p.status), ['written', 'written', 'missing', 'missing']);
  });

  it('formats "3/4 parts" with ✓ / ✗ / … rows, in Chinese and English', () => {
    const list = serverChecklist(DRAFT);
    const v = formatChecklist(list, zh);
    assert.equal(v.text, '$(tasklist) 法治政府建设年度报告 2/4 部分');
    assert.equal(v.label, 'ReportLint 法定部分 2/4');
    assert.equal(v.tone, 'pending');
    assert.deepEqual(v.rows.map((r) => `${r.label} | ${r.description}`), [
      '✓ 主要举措和成效 | 已写 · 第 3 行',
      '✓ 党政主要负责人履行第一责任人职责情况 | 已写 · 第 4 行',
      '… 存在的不足和原因 | 尚未写到 · 选择即插入（编号“二、”）',
      '… 下一年度主要安排 | 尚未写到 · 选择即插入（编号“二、”）',
    ]);
    const e = formatChecklist(list, en);
    assert.equal(e.label, 'ReportLint parts 2/4');
    assert.equal(e.rows[2].description, 'not reached yet · choose to insert it (numbered 二、)');
  });

  it('a missing part gives the warning tone; a complete report the plain one', () => {
    const signed = formatChecklist(serverChecklist(DRAFT + '某县林业局\n2025年1月20日\n'), zh);
    assert.equal(signed.tone, 'missing');
    assert.match(signed.rows[2].label, /^✗ /);
    const complete = formatChecklist(
      serverChecklist(DRAFT + '二、存在的不足和原因\n一是执法力量不足,主要原因是编制有限。\n三、2025年工作安排\n2025年，县林业局将继续规范执法。\n'),
      zh,
    );
    assert.equal(complete.tone, 'complete');
    assert.equal(complete.text, '$(tasklist) 法治政府建设年度报告 4/4 部分');
  });
});
