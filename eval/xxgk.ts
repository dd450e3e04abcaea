/**
 * The 政府信息公开工作年度报告 section of the evaluation: on the dev corpus's openings of this kind
 * (the files MANIFEST.md lists as 政府信息公开工作年度报告), whether the kind is detected, which
 * statistical tables are read, the table identities checked per file (kept / broken / not
 * checkable), the narrative figures compared with cells, and every finding of the kind's rules.
 * The openings are cut off after ~2,000 bytes, so their tables may end mid-row: at most
 * information notes are expected, never an error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Analysis } from '../server/src/core/analysis';
import { checkDocument } from '../server/src/core/check';
import { defaultConfig } from '../server/src/core/config/config';
import { activeProfile } from '../server/src/core/profiles/detect';
import { statisticalTables } from '../server/src/core/statistical-tables';
import { excerpt, type EvalContext, type EvalSection, type EvalSectionResult } from './section';

export const XXGK_KIND = '政府信息公开工作年度报告';
export const XXGK_PROFILE = 'xinxi-gongkai-annual';
/** The rules of the kind: their findings are listed file by file. */
export const XXGK_RULES = new Set(['table-identity', 'table-unreadable', 'table-value', 'table-text-mismatch', 'statistics-period', 'publication-deadline', 'missing-part', 'part-order']);

/** The dev files of the kind, from MANIFEST.md (| d_045.txt | address | body | year | kind | …). */
function filesOfKind(devDir: string): string[] {
  const manifest = path.join(devDir, 'MANIFEST.md');
  if (!fs.existsSync(manifest)) return [];
  const out: string[] = [];
  for (const line of fs.readFileSync(manifest, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (/^d_\d+\.txt$/.test(cells[1] ?? '') && cells[5] === XXGK_KIND) out.push(cells[1]);
  }
  return out.sort();
}

export const XXGK_SECTION: EvalSection = {
  id: 'xxgk',
  run(ctx: EvalContext): EvalSectionResult {
    const devDir = path.join(ctx.corpusDir, 'dev');
    const files = filesOfKind(devDir);
    const rows: string[] = [];
    const findingLines: string[] = [];
    let detected = 0;
    let checked = 0;
    let kept = 0;
    let broken = 0;
    let skipped = 0;
    let textChecked = 0;
    let kindErrors = 0;
    let otherErrors = 0;
    let notes = 0;
    for (const file of files) {
      const text = fs.readFileSync(path.join(devDir, file), 'utf8');
      const analysis = Analysis.fromText(text, { uri: file });
      const config = defaultConfig();
      const profile = activeProfile(analysis, config);
      const isKind = profile?.id === XXGK_PROFILE;
      if (isKind) detected++;
      const st = isKind ? statisticalTables(analysis, profile!) : null;
      const ids = st ? st.identities.checks : [];
      const ok = ids.filter((c) => c.holds).length;
      checked += ids.length;
      kept += ok;
      broken += ids.length - ok;
      skipped += st?.identities.skipped.length ?? 0;
      textChecked += st?.text.length ?? 0;
      // Which identities, in which columns or rows: 'balance×7 row-total×9' …
      const byId = new Map<string, number>();
      for (const c of ids) byId.set(`${c.table.def.id}/${c.identity.id}`, (byId.get(`${c.table.def.id}/${c.identity.id}`) ?? 0) + 1);
      const list = [...byId].map(([k, n]) => `${k}×${n}`).join(' ') || '—';
      const tables = st ? st.tables.map((t) => `${t.def.id}${t.damage.length ? '(damaged)' : t.cut ? '(cut)' : ''}`).join(' ') || '—' : '—';
      rows.push(`| ${file} | ${isKind ? 'yes' : 'no'} | ${tables} | ${list} | ${ok}/${ids.length} | ${st?.text.filter((x) => x.holds).length ?? 0}/${st?.text.length ?? 0} |`);
      const findings = checkDocument(analysis, { config });
      for (const f of findings) {
        if (f.severity === 'error') {
          if (XXGK_RULES.has(f.ruleId)) kindErrors++;
          else otherErrors++;
        }
        if (!XXGK_RULES.has(f.ruleId) && f.severity !== 'error') continue;
        if (f.severity === 'info') notes++;
        const line = analysis.doc.lines[f.range.start.line]?.text ?? '';
        findingLines.push(`| ${file}:${f.range.start.line + 1} | ${f.severity} | ${f.ruleId} | ${excerpt(line.slice(f.range.start.character))} |`);
      }
    }
    const markdown = [
      '## 政府信息公开工作年度报告: tables and identities',
      '',
      `${files.length} dev openings of the kind (MANIFEST.md); ${detected} detected as \`${XXGK_PROFILE}\`. ` +
        `Table identities checked: ${checked} (${kept} kept, ${broken} broken); ${skipped} not checkable (rows not reached in the ` +
        `cut-off openings, damaged rows, empty cells). Narrative figures compared with a cell: ${textChecked}. ` +
        `Error-level findings of the kind's rules: ${kindErrors}; of other rules on these files: ${otherErrors}; information notes of the kind's rules: ${notes}.`,
      '',
      '| file | detected | tables read | identities checked (table/identity×columns or rows) | kept | text = cell |',
      '|---|---|---|---|---:|---:|',
      ...rows,
      '',
      'Findings of the kind’s rules, and errors of any rule, on these files:',
      '',
      '| where | severity | rule | at |',
      '|---|---|---|---|',
      ...(findingLines.length ? findingLines : ['| — | | | |']),
      '',
    ].join('\n');
    return {
      markdown,
      headlines: [
        { key: 'xxgk.detected', label: '信息公开 openings detected as their kind', value: detected, better: 'higher' },
        { key: 'xxgk.identities-checked', label: '信息公开 table identities checked', value: checked, better: 'higher' },
        { key: 'xxgk.kind-errors', label: 'error-level findings of the 信息公开 rules on its openings', value: kindErrors, better: 'lower' },
      ],
    };
  },
};
