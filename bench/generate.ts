/**
 * Deterministic benchmark inputs.
 *
 * The text is assembled from the project's own fixtures (test/fixtures/**: the clean ones) and a
 * few templates in this file, never from the seed documents. A seeded PRNG picks headings,
 * sentences and figures, so the same repository state always yields the same inputs.
 *
 * Shape of a generated report (a typical 10 KB annual report):
 *   title line, opening paragraph,
 *   一、 measures: several （一） sub-sections, some with 1. items, paragraphs of 2–6 sentences,
 *        figures in most paragraphs,
 *   二、 shortcomings: one paragraph with 一是…二是…三是… and a cause sentence,
 *   三、 next year's plan: an opening sentence about Y+1 and 一是…二是…,
 *   closing block: issuing body and date.
 * Larger inputs are compilations: a compilation title, then one `第N部分` per report.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Analysis } from '../server/src/core/analysis';
import { checkDocument } from '../server/src/core/check';
import { simplify } from '../server/src/core/document/script';

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Corpus {
  /** Heading titles found in the fixtures (without their markers). */
  titles: string[];
  /** Body sentences found in the fixtures. */
  sentences: string[];
  /** Issuing bodies (closing blocks and title prefixes). */
  issuers: string[];
  /** Files the corpus was built from (relative paths). */
  sources: string[];
}

const MARKER = /^\s*(?:#{1,6}\s*)?(?:第[一二三四五六七八九十0-9]+(?:部分|章|篇|节)\s*|[一二三四五六七八九十]{1,3}\s*[、.．,，]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*[、,，]?|[0-9０-９]{1,2}\s*[.．、]|[(（]\s*[0-9０-９]{1,2}\s*[)）])\s*/;
const CJK = /[\u4e00-\u9fff]/;
const DATE_LINE = /^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;
/** Titles naming a mandated part (the generator places those itself) or fixture furniture. */
const PART_WORDS = /(报告|不足|问题|原因|计划|安排|打算|下一步|代码|其他|短板|差距|成效|举措)/;
/** Enumerations, years and formulas belong to the template, not to random paragraphs. */
const NOT_A_BODY_SENTENCE = /(^[一二三四五六七八九十]+是|^第[一二三四五六七八九十]+[，,]|^(首先|其次|再次|最后)|(?:19|20)\d{2}\s*年|如下[：:]|究其原因)/;
const ISSUER = /(?:人民政府|办公室|办事处|司法局|局|委员会|街道|政府)$/;

function walk(dir: string, acc: string[]): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return acc;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, acc);
    else if (/\.(txt|md)$/i.test(e.name)) acc.push(full);
  }
  return acc;
}

/** Read the clean fixtures of the repository into a corpus of titles and sentences. */
export function loadCorpus(repoRoot: string): Corpus {
  // Typical text, not defects: rule fixtures only when they expect no finding (their negative
  // cases); the outline and CLI fixtures; not the example, which is full of deliberate defects.
  const rulesDir = path.join(repoRoot, 'test', 'fixtures', 'rules');
  const files = walk(path.join(repoRoot, 'test', 'fixtures'), []).filter((f) => {
    if (!f.startsWith(rulesDir + path.sep)) return true;
    const expect = f.replace(/\.(txt|md)$/i, '.expect');
    try {
      return fs.readFileSync(expect, 'utf8').trim() === '';
    } catch {
      return false;
    }
  });
  const titles = new Set<string>();
  const sentences = new Set<string>();
  const issuers = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    // Keep only texts that are mostly Chinese prose: fixtures of binary or pathological input are skipped.
    if (text.includes('\u0000') || text.length > 200_000) continue;
    for (const raw of text.split(/\r\n|\r|\n/)) {
      const line = raw.replace(/^\ufeff/, '').trim();
      if (!line || !CJK.test(line) || line.startsWith('```')) continue;
      if (DATE_LINE.test(line)) continue;
      if (line.length <= 30 && ISSUER.test(line) && !/[，,。；;：:]/.test(line)) {
        issuers.add(line);
        continue;
      }
      const m = MARKER.exec(line);
      let body = line;
      if (m && m[0].length > 0 && m[0].length < line.length) {
        const rest = line.slice(m[0].length);
        const stop = rest.search(/[。：:]/);
        const title = (stop >= 0 ? rest.slice(0, stop) : rest).trim();
        if (title.length >= 2 && title.length <= 30 && CJK.test(title) && !PART_WORDS.test(title) && simplify(title) === title) titles.add(title);
        body = stop >= 0 ? rest.slice(stop + 1) : '';
      }
      for (const s of body.split(/(?<=[。；！？])/)) {
        const t = s.trim();
        if (t.length >= 8 && t.length <= 160 && CJK.test(t) && /[。；]$/.test(t) && !NOT_A_BODY_SENTENCE.test(t) && simplify(t) === t) sentences.add(t.replace(/；$/, '。'));
      }
    }
  }
  const sorted = (s: Set<string>) => [...s].sort();
  // A typical report has few defects: keep the sentences on which no rule reports anything alone.
  const clean = (sentence: string) => checkDocument(Analysis.fromText(`一、标题\n${sentence}\n`), { forceReport: true }).length === 0;
  const corpus: Corpus = {
    titles: sorted(titles),
    sentences: sorted(sentences).filter(clean),
    issuers: sorted(issuers),
    sources: files.map((f) => path.relative(repoRoot, f)).sort(),
  };
  // Templates keep the generator usable even on a repository with few fixtures.
  if (corpus.titles.length < 8) corpus.titles.push(...TEMPLATE_TITLES);
  if (corpus.issuers.length < 3) corpus.issuers.push(...TEMPLATE_ISSUERS);
  if (corpus.sentences.length < 20) corpus.sentences.push(...TEMPLATE_SENTENCES);
  return corpus;
}

const TEMPLATE_TITLES = ['加强组织领导', '规范行政执法', '完善制度体系', '推进政务公开', '强化执法监督', '深化普法宣传', '化解行政争议', '加强队伍建设'];
const TEMPLATE_ISSUERS = ['某市某区司法局', '某县人民政府', '某街道办事处'];
const TEMPLATE_SENTENCES = [
  '组织开展专项检查，督促整改发现的问题。',
  '健全重大行政决策程序，落实合法性审查制度。',
  '持续推进行政执法公示制度，执法全过程记录。',
  '加强基层法治队伍建设，定期组织业务培训。',
];

const UNITS = ['件', '次', '场', '人次', '份', '个'];
const ACTIONS = ['办理', '受理', '审查', '开展', '组织', '备案'];
const OBJECTS = ['行政处罚案件', '行政复议案件', '规范性文件', '法治宣传活动', '执法检查', '合同审查'];

/** Template sentences that carry figures (counts, rates, sums), with consistent arithmetic. */
function figureSentence(r: () => number): string {
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const total = 20 + Math.floor(r() * 980);
  const obj = pick(OBJECTS);
  switch (Math.floor(r() * 4)) {
    case 0: {
      const done = Math.max(1, total - Math.floor(r() * total * 0.2));
      return `全年${pick(ACTIONS)}${obj}${total}件，已办结${done}件，办结率${((done / total) * 100).toFixed(2)}%。`;
    }
    case 1: {
      const a = Math.floor(total * (0.2 + r() * 0.5));
      return `共${pick(ACTIONS)}${obj}${total}${pick(UNITS)}，其中简易程序${a}件、普通程序${total - a}件。`;
    }
    case 2:
      return `${pick(ACTIONS)}${obj}${total}${pick(UNITS)}，同比增长${(r() * 40).toFixed(1)}%。`;
    default:
      return `覆盖群众${(1 + r() * 9).toFixed(1)}万余人次，发放宣传资料${total}份。`;
  }
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Chinese numeral for 1…999 (十一, 二十, 一百零五, 一百一十). */
function cn(n: number): string {
  if (n <= 10) return CN[n];
  if (n < 20) return '十' + CN[n - 10];
  if (n < 100) return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return CN[h] + '百';
  if (rest < 10) return CN[h] + '百零' + CN[rest];
  return CN[h] + '百' + (rest < 20 ? '一' + cn(rest) : cn(rest));
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** One report of roughly `targetBytes` UTF-8 bytes (≥ a minimal skeleton). */
export function generateReport(corpus: Corpus, seed: number, targetBytes = 10 * 1024): string {
  const r = prng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const year = 2024;
  const issuer = pick(corpus.issuers);
  const paragraph = (min: number, max: number) => {
    const n = min + Math.floor(r() * (max - min + 1));
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(r() < 0.3 ? figureSentence(r) : pick(corpus.sentences));
    return parts.join('');
  };
  const head = [
    `${issuer}关于${year}年度法治政府建设情况的报告`,
    `${year}年，${issuer}坚持依法行政，${paragraph(1, 2)}现将有关情况报告如下：`,
  ];
  const subsection = (n: number): string => {
    const lines: string[] = [];
    if (r() < 0.5) {
      // Run-in heading: the title ends at 。 and the body follows on the same line.
      lines.push(`（${cn(n)}）${pick(corpus.titles)}。${paragraph(2, 5)}`);
    } else {
      lines.push(`（${cn(n)}）${pick(corpus.titles)}`);
      if (r() < 0.4) {
        const items = 2 + Math.floor(r() * 3);
        for (let i = 1; i <= items; i++) lines.push(`${i}．${pick(corpus.titles)}。${paragraph(1, 3)}`);
      } else {
        const paras = 1 + Math.floor(r() * 2);
        for (let i = 0; i < paras; i++) lines.push(paragraph(2, 6));
      }
    }
    return lines.join('\n');
  };
  const tailLines = (first: number) => [
    `${cn(first)}、存在的不足和原因`,
    `一是${paragraph(1, 1).replace(/。$/, '')}；二是${paragraph(1, 1).replace(/。$/, '')}；三是${paragraph(1, 1)}究其原因，主要是统筹谋划不够、保障投入不足。`,
    `${cn(first + 1)}、${year + 1}年工作安排`,
    `${year + 1}年，${issuer}将继续推进法治政府建设。一是${paragraph(1, 1).replace(/。$/, '')}；二是${paragraph(1, 1)}`,
    issuer,
    `${year + 1}年${1 + Math.floor(r() * 3)}月${1 + Math.floor(r() * 28)}日`,
  ];
  // Thematic level-1 sections of 2–6 sub-sections each, until the report reaches its size.
  const body: string[] = [];
  let size = utf8Length(head.join('\n') + tailLines(9).join('\n'));
  let level1 = 0;
  while ((size < targetBytes || level1 === 0) && level1 < 30) {
    level1++;
    const title = level1 === 1 ? '主要举措和成效' : pick(corpus.titles);
    body.push(`${cn(level1)}、${title}`);
    size += utf8Length(title) + 8;
    const subs = 2 + Math.floor(r() * 5);
    for (let n = 1; n <= subs && size < targetBytes; n++) {
      const chunk = subsection(n);
      body.push(chunk);
      size += utf8Length(chunk) + 1;
    }
  }
  const tail = tailLines(level1 + 1);
  return [...head, ...body, ...tail].join('\n') + '\n';
}

/** A compilation of reports, each under a `第N部分` heading, of roughly `targetBytes` UTF-8 bytes. */
export function generateCompilation(corpus: Corpus, seed: number, targetBytes: number): string {
  const r = prng(seed);
  const out: string[] = ['某省关于2024年度法治政府建设情况的综合报告', '现将各地各部门法治政府建设情况汇编报告如下：'];
  let size = utf8Length(out.join('\n'));
  let part = 0;
  while (size < targetBytes) {
    part++;
    const report = generateReport(corpus, Math.floor(r() * 2 ** 31), 8 * 1024 + Math.floor(r() * 8 * 1024));
    const chunk = `第${cn(part)}部分 ${report}`;
    out.push(chunk.trimEnd());
    size += utf8Length(chunk);
  }
  return out.join('\n') + '\n';
}

/** A benchmark input of about `targetBytes`: one report up to 16 KB, a compilation above. */
export function generateInput(corpus: Corpus, seed: number, targetBytes: number): string {
  return targetBytes <= 16 * 1024 ? generateReport(corpus, seed, targetBytes) : generateCompilation(corpus, seed, targetBytes);
}
