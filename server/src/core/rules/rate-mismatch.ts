import type { Rule } from './types';
import { figureText } from '../figures/explain';
import { formatAt } from '../figures/arithmetic';
import { claimData, flaggedClaims } from '../figures/rule-helpers';
import type { Claim } from '../figures/claim';
import type { Fix, Range } from '../types';
import type { RuleContext } from './types';
import { asWritten } from '../document/quote';
import { localize } from '../l10n';

/** rate-mismatch: a rate (…率 p%) that its own numerator and denominator do not give. */
export const rateMismatch: Rule = {
  meta: {
    id: 'rate-mismatch',
    defaultSeverity: 'error',
    category: 'figures',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '比率与同一句中给出的分子、分母不符（如审结202宗、共260宗，审结率却写85%）。',
      en: 'A rate does not match the numerator and denominator stated with it (202 of 260 decided, yet 审结率 85%).',
    },
    docs: {
      'zh-cn':
        '报告常写“共调解矛盾纠纷2176宗，成功调解2085宗，成功率95.82%”。读者会复算：2085 ÷ 2176 = 95.818…%，四舍五入为95.82%，一致。' +
        '本规则只在分子、分母在同一句（以逗号、分号连接的分句）中明确给出时核对，或者通过“已审结案件中”这类回指明确指向上一句的数字；' +
        '分子可以是几项之和（直接纠错13宗＋撤回2宗）。按所写精度比较（GRIM/statcheck 方法）：写两位小数就按两位小数四舍五入，也接受截断，' +
        '并在悬停提示中说明是哪一种。分母不明确（几个总数都对不上）时不报错，只给出一条提示，列出尝试过的算法。含“约”“余”等的近似数不会导致报错。' +
        '写100%而分子小于分母时给出警告而非错误。分母不必带“共”“总”：比率名带有分子、分母的概念（出庭应诉率 = 出庭应诉 ÷ 开庭审理，审结率 = 审结 ÷ 受理或收到），' +
        '比率也可以写在计数之前（出庭应诉率100%（开庭审理12件，出庭应诉12件））。综合化解率按（纠错＋调解和解）÷ 审结计算，这是一种读法，不符时给出警告。' +
        '不带“率”字的占比同样核对：“N件，占比X%”“占总数的X%”“占已审结案件比X%”，总数在同一句中时不符为错误；总数取自前文时，只有同组其他占比与之相符才给出警告，否则只给提示。' +
        '快速修复只有一种：按所写精度把比率改为由所给分子、分母算出的值（与提示中的数值一致）；计数是官方统计数字，不提供修改计数的编辑，' +
        '悬停提示中会作为参考列出“若比率无误，计数应为多少”。',
      en:
        'Reports say things like 共调解矛盾纠纷2176宗，成功调解2085宗，成功率95.82%. Readers recompute: 2085 ÷ 2176 = 95.818…%, which rounds ' +
        'to 95.82% — consistent. The rule checks a rate only when its numerator and denominator are stated in the same sentence (clauses ' +
        'chained by commas and semicolons) or through an explicit back-reference such as 已审结案件中 to the previous sentence; the numerator ' +
        'may be a sum (13 corrected + 2 withdrawn). The comparison is made at the stated precision, as statcheck and the GRIM test do: two ' +
        'decimals stated means rounding to two decimals; truncation is accepted too and the hover says which. When the base is ambiguous ' +
        '(several totals, none fits) there is no error, only an information note listing what was tried. Approximate figures (约, 余 …) never ' +
        'cause an error. A stated 100% over a numerator below the denominator is a warning rather than an error. The base needs no 共 or 总: each ' +
        'rate name carries the concepts of its numerator and base (出庭应诉率 = 出庭应诉 ÷ 开庭审理; 审结率 = 审结 ÷ 受理 or 收到), and a rate may come ' +
        'before its counts (出庭应诉率100%（开庭审理12件，出庭应诉12件）). 综合化解率 is read as (纠错 + 调解/和解) ÷ 审结, a reading: a mismatch is a ' +
        'warning. Shares without 率 are checked too (N件，占比X% · 占总数的X% · 占已审结案件比X%): with the whole in the same sentence a mismatch ' +
        'is an error; with the whole from an earlier sentence it is a warning only when the other shares of the series match that whole, else an ' +
        'information note. ' +
        'The only quick fix writes ' +
        'the rate computed from the stated counts at the stated precision (the value the message gives); counts are official figures and ' +
        'are never offered as edits: the counts that would make the rate right are shown in the hover, as information.',
    },
  },
  messages: {
    mismatch: {
      'zh-cn': '{name}{rate}与所给数字不符：{working}，按所写精度应为 {expected}%',
      en: '{name} {rate} does not match its counts: {working}, which is {expected}% at the stated precision',
    },
    bound: {
      'zh-cn': '{name}{rate}与所给数字不符：{working}',
      en: '{name} {rate} does not match its counts: {working}',
    },
    ambiguous: {
      'zh-cn': '{name}{rate}无法核对：分母不明确，尝试了 {tried}',
      en: '{name} {rate} cannot be verified: the base is ambiguous; tried {tried}',
    },
  },
  check(ctx) {
    for (const kind of ['rate', 'share'] as const) for (const c of flaggedClaims(ctx, kind)) {
      if (c.kind !== kind) continue;
      const rate = c.anchor;
      const rateText = figureText(ctx.doc.text, rate);
      if (c.verdict === 'inconsistent' && c.computed !== null) {
        // A stated 100% over counts that fall short is usually a rounded-up boast: a warning (domain.md §3).
        const hundred = rate.value === 100 && c.computed < 100;
        ctx.report({
          ...((hundred || c.severity === 'warning') && ctx.severity === 'error' ? { severity: 'warning' as const } : {}),
          message:
            c.problem === 'bound'
              ? ctx.t('bound', { name: asWritten(ctx.doc, c.name, rate.start), rate: rateText, working: c.working })
              : ctx.t('mismatch', { name: asWritten(ctx.doc, c.name, rate.start), rate: rateText, working: c.working.split(' → ')[0], expected: formatAt(c.computed, rate.decimals) }),
          range: { start: rate.start, end: rate.end },
          fixes: rateFix(ctx, c),
          explanation: withCountNotes(ctx, c, quoted(ctx, c, localize(c.explanation, ctx.locale))),
          related: relatedInputs(ctx, c),
          data: claimData(c),
        });
      } else if (c.verdict === 'unverifiable' && c.problem === 'ambiguous' && c.tried?.length) {
        ctx.report({
          severity: 'info',
          message: ctx.t('ambiguous', { name: asWritten(ctx.doc, c.name, rate.start), rate: rateText, tried: c.tried.map((t) => t.text).join(ctx.locale === 'en' ? '; ' : '；') }),
          range: { start: rate.start, end: rate.end },
          explanation: quoted(ctx, c, localize(c.explanation, ctx.locale)),
          data: claimData(c),
        });
      }
    }
  },
};

/**
 * The one edit a rate finding offers: the rate computed from the stated counts, written at the
 * stated precision (the value the message gives). Only for a rate in Arabic digits whose counts
 * are exact (the engine suggests a rate edit only then).
 */
function rateFix(ctx: RuleContext, c: Claim): Fix[] {
  const rate = c.anchor;
  if (c.computed === null || c.problem === 'bound' || !c.suggestions.some((s) => s.figure === rate)) return [];
  const newText = formatAt(c.computed, rate.decimals);
  if (newText === ctx.doc.text.slice(rate.numStart, rate.numEnd)) return [];
  return [
    {
      title: ctx.locale === 'en' ? `Change the rate to ${newText}% (computed from the stated counts)` : `将比率改为 ${newText}%（按所给数字计算）`,
      kind: 'figure-suggestion',
      edits: [{ range: ctx.doc.rangeOf(rate.numStart, rate.numEnd), newText }],
    },
  ];
}

/** The counts that would make the stated rate right, as information in the hover (never as edits). */
function withCountNotes(ctx: RuleContext, c: Claim, explanation: string): string {
  const counts = c.suggestions.filter((s) => s.figure !== c.anchor);
  if (!counts.length) return explanation;
  const rate = figureText(ctx.doc.text, c.anchor);
  const lines = counts.map((s) =>
    ctx.locale === 'en'
      ? `- if ${figureText(ctx.doc.text, s.figure)} were ${s.newText}, the rate ${rate} would be right`
      : `- 若 ${figureText(ctx.doc.text, s.figure)} 为 ${s.newText}，则所写 ${rate} 正确`,
  );
  const head = ctx.locale === 'en' ? '*For reference (counts are not changed by a quick fix):*' : '*供参考（快速修复不修改计数）：*';
  return `${explanation}\n\n${head}\n${lines.join('\n')}`;
}

/** The explanation with the rate's name as the document spells it. */
function quoted(ctx: RuleContext, c: Claim, explanation: string): string {
  const written = asWritten(ctx.doc, c.name, c.anchor.start);
  return written === c.name ? explanation : explanation.split(c.name).join(written);
}

/** The related information of a claim's finding, built by push over the inputs (a .filter/.map chain's
 * arrays changed map between the interpreter and optimised code and de-optimised the rule's check). */
function relatedInputs(ctx: RuleContext, c: Claim): Array<{ range: Range; message: string }> {
  const out: Array<{ range: Range; message: string }> = [];
  for (let k = 0; k < c.inputs.length; k++) {
    const i = c.inputs[k];
    if (i.role !== 'rate') out.push({ range: ctx.doc.rangeOf(i.figure.start, i.figure.end), message: `${i.role === 'denominator' ? (ctx.locale === 'en' ? 'denominator' : '分母') : ctx.locale === 'en' ? 'numerator' : '分子'}: ${figureText(ctx.doc.text, i.figure)}` });
  }
  return out;
}
