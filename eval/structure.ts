/**
 * The structure section of the evaluation: the outline's headings against
 * corpus/dev/structure_truth.tsv (precision and recall, every mismatch listed), and every
 * numbering-*, year-mismatch and missing-part finding on the dev texts and on
 * gov-work-reports-2026.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Analysis } from '../server/src/core/analysis';
import { checkDocument } from '../server/src/core/check';
import { excerpt, pct, type EvalContext, type EvalSection, type EvalSectionResult } from './section';

const RULES = /^(numbering-|year-mismatch$|missing-part$|text-cut-off$)/;

export const STRUCTURE_SECTION: EvalSection = {
  id: 'structure',
  run(ctx: EvalContext): EvalSectionResult {
    const devDir = path.join(ctx.corpusDir, 'dev');
    const truthFile = path.join(devDir, 'structure_truth.tsv');
    const truth = new Map<string, { line: number; heading: boolean }[]>();
    for (const row of fs.readFileSync(truthFile, 'utf8').trim().split('\n').slice(1)) {
      const c = row.split('\t');
      const list = truth.get(c[0]) ?? [];
      list.push({ line: Number(c[1]), heading: c[5] === 'yes' });
      truth.set(c[0], list);
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const mismatches: string[] = [];
    const findings: string[] = [];
    const counts = new Map<string, number>();
    const devFiles = fs.readdirSync(devDir).filter((f) => /^d_\d+\.txt$/.test(f)).sort();
    const record = (group: string, file: string, a: Analysis) => {
      for (const f of checkDocument(a)) {
        if (!RULES.test(f.ruleId)) continue;
        const key = `${group} ${f.ruleId} ${f.severity}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        findings.push(`| ${group} | ${file}:${f.range.start.line + 1} | ${f.ruleId} | ${f.severity} | ${excerpt(a.doc.lines[f.range.start.line].text)} |`);
      }
    };
    for (const file of devFiles) {
      const a = Analysis.fromText(fs.readFileSync(path.join(devDir, file), 'utf8'), { uri: file });
      const predicted = new Set(a.outline.headings.map((h) => h.line + 1));
      const rows = truth.get(file) ?? [];
      const yes = new Set(rows.filter((r) => r.heading).map((r) => r.line));
      for (const l of predicted) {
        if (yes.has(l)) tp++;
        else {
          fp++;
          mismatches.push(`| ${file}:${l} | heading, truth says not | ${excerpt(a.doc.lines[l - 1].text)} |`);
        }
      }
      for (const l of yes) {
        if (!predicted.has(l)) {
          fn++;
          mismatches.push(`| ${file}:${l} | missed heading | ${excerpt(a.doc.lines[l - 1]?.text ?? '')} |`);
        }
      }
      record('dev', file, a);
    }
    const govDir = path.join(ctx.corpusDir, 'gov-work-reports-2026');
    const govFiles = fs.existsSync(govDir) ? fs.readdirSync(govDir).filter((f) => f.endsWith('.txt')).sort() : [];
    for (const file of govFiles) record('gov', file, Analysis.fromText(fs.readFileSync(path.join(govDir, file), 'utf8'), { uri: file }));
    const precision = tp + fp ? (100 * tp) / (tp + fp) : 0;
    const recall = tp + fn ? (100 * tp) / (tp + fn) : 0;
    const errorsOf = (group: string) => [...counts].filter(([k]) => k.startsWith(`${group} `) && k.endsWith(' error')).reduce((s, [, n]) => s + n, 0);
    const md = [
      '## Structure (outline and numbering)',
      '',
      `Headings against structure_truth.tsv: precision ${pct(tp, tp + fp)} (${tp} of ${tp + fp}), recall ${pct(tp, tp + fn)} (${tp} of ${tp + fn}).`,
      '',
      '| where | mismatch | line |',
      '|---|---|---|',
      ...mismatches,
      '',
      'numbering-*, year-mismatch, missing-part and text-cut-off findings:',
      '',
      ...[...counts].sort().map(([k, n]) => `- ${k}: ${n}`),
      '',
      '| corpus | file:line | rule | severity | line |',
      '|---|---|---|---|---|',
      ...findings,
      '',
    ].join('\n');
    return {
      markdown: md,
      headlines: [
        { key: 'structure.heading-precision-pct', label: 'heading precision (%)', value: Math.round(precision * 10) / 10, better: 'higher' },
        { key: 'structure.heading-recall-pct', label: 'heading recall (%)', value: Math.round(recall * 10) / 10, better: 'higher' },
        { key: 'structure.gov-errors', label: 'numbering/year/part errors on gov-work-reports-2026', value: errorsOf('gov'), better: 'lower' },
      ],
    };
  },
};
