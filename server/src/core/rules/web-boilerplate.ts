import type { Rule } from './types';
import type { ReportDocument, Line } from '../document/document';
import type { Fix, TextEdit } from '../types';
import { isJsSpaceCode } from '../document/chars';

const SEP = '\\s*[:：|｜]\\s*';
/**
 * Lines of web-page furniture. Each pattern must match the whole trimmed line, so a report
 * sentence that merely mentions 来源 or 打印 never matches.
 */
export const PATTERNS: { id: string; re: RegExp }[] = [
  { id: 'views', re: new RegExp(`^(?:浏览|阅读|访问|点击)(?:次数|量|数)${SEP}[-\\d,，\\s次]*$`) },
  { id: 'font-size', re: /^[【\[]?\s*(?:字体|字号)\s*[:：]?\s*(?:[大中小]\s*)*[】\]]?$/ },
  { id: 'source', re: new RegExp(`^(?:来源|信息来源|文章来源|稿件来源|稿源|出处)${SEP}\\S[^。！？]{0,30}$`) },
  { id: 'byline', re: new RegExp(`^(?:作者|通讯员|记者|责任编辑|编辑|责编|审核|校对|供稿|摄影|图片)${SEP}\\S[^。！？,，]{0,20}$`) },
  { id: 'published', re: new RegExp(`^(?:发布时间|发布日期|发表时间|更新时间|时间|日期)${SEP}[\\d\\s:：./年月日-]{6,30}$`) },
  { id: 'timestamp', re: /^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$/ },
  {
    id: 'page-action',
    re: /^(?:[【\[]?\s*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|收藏本页|加入收藏|我要纠错|纠错)\s*[】\]]?\s*)+$/,
  },
  { id: 'share', re: /^(?:分享到|分享至|扫一扫|扫描二维码)[:：]?[\s\S]{0,30}$/ },
  { id: 'breadcrumb', re: /^(?:当前位置\s*[:：]?\s*)?(?:首页|主页|网站首页)\s*[>＞»›/]\s*\S[\s\S]{0,60}$/ },
  { id: 'prev-next', re: new RegExp(`^(?:上一篇|下一篇)${SEP}[\\s\\S]{0,60}$`) },
];
/**
 * The characters each of PATTERNS can match first (on a trimmed line, so never a space): the
 * first characters of its alternatives, after an optional bracket (【 or [) where it allows one.
 */
const PATTERN_FIRST_CHARS: Record<string, string> = {
  views: '浏阅访点',
  'font-size': '【[字',
  source: '来信文稿出',
  byline: '作通记责编审校供摄图',
  published: '发更时日',
  timestamp: '12',
  'page-action': '【[打关返收加我纠',
  share: '分扫',
  breadcrumb: '当首主网',
  'prev-next': '上下',
};
/**
 * The first two characters each of PATTERNS can match (on a trimmed line whose spaces are
 * collapsed: a space after the first character would be one of them), for the patterns whose
 * match opens with a word; `*` after a character: any second character (an optional bracket,
 * 【 or [, may be followed by spaces).
 */
const PATTERN_PREFIXES: Record<string, string[]> = {
  views: ['浏览', '阅读', '访问', '点击'],
  'font-size': ['【*', '[*', '字体', '字号'],
  source: ['来源', '信息', '文章', '稿件', '稿源', '出处'],
  byline: ['作者', '通讯', '记者', '责任', '编辑', '责编', '审核', '校对', '供稿', '摄影', '图片'],
  published: ['发布', '发表', '更新', '时间', '日期'],
  timestamp: ['19', '20'],
  'page-action': ['【*', '[*', '打印', '关闭', '返回', '收藏', '加入', '我要', '纠错'],
  share: ['分享', '扫一', '扫描'],
  breadcrumb: ['当前', '首页', '主页', '网站'],
  'prev-next': ['上一', '下一'],
};
/** PATTERN_PREFIXES as code-unit pairs (first << 16 | second), and the first units followed by anything. */
const PREFIX_PAIRS = new Set<number>();
const PREFIX_ANY_SECOND = new Set<number>();
for (const list of Object.values(PATTERN_PREFIXES)) {
  for (const p of list) {
    if (p[1] === '*') PREFIX_ANY_SECOND.add(p.charCodeAt(0));
    else PREFIX_PAIRS.add(p.charCodeAt(0) * 0x10000 + p.charCodeAt(1));
  }
}

/** Whether a line whose first non-space character is at text[i] (before `end`) opens as one of PATTERNS can. */
function opensLikePattern(text: string, i: number, end: number): boolean {
  const c0 = text.charCodeAt(i);
  if (PREFIX_ANY_SECOND.has(c0)) return true;
  return i + 1 < end && PREFIX_PAIRS.has(c0 * 0x10000 + text.charCodeAt(i + 1));
}

/** PATTERNS by the code unit a line starts with, each list in PATTERNS order (the first that matches wins). */
const PATTERNS_BY_FIRST = new Map<number, { id: string; re: RegExp }[]>();
for (const p of PATTERNS) {
  for (const ch of PATTERN_FIRST_CHARS[p.id]) {
    const list = PATTERNS_BY_FIRST.get(ch.charCodeAt(0)) ?? [];
    list.push(p);
    PATTERNS_BY_FIRST.set(ch.charCodeAt(0), list);
  }
}

/** A line made of several furniture items: 发布时间:2021-09-10 来源:本网 浏览次数:12. */
const COMBINED_TOKENS = /(浏览次数|阅读次数|来源[:：|｜]|发布时间|字体[:：]?\s*[大中小【]|打印本页|关闭窗口|分享到|责任编辑)/g;

/** Whether a line has more than `max` non-space characters (read up to the one that tells). */
function moreNonSpaceThan(line: string, max: number): boolean {
  return moreNonSpaceIn(line, 0, line.length, max);
}

/** moreNonSpaceThan on text[start, end), read in place (a line's slice is slower to read). */
function moreNonSpaceIn(text: string, start: number, end: number, max: number): boolean {
  if (end - start <= max) return false;
  let n = 0;
  for (let i = start; i < end; i++) if (!isJsSpaceCode(text.charCodeAt(i)) && ++n > max) return true;
  return false;
}

/**
 * The characters a line matching one of PATTERNS starts with (after its leading spaces): the first
 * characters of their alternatives. A line starting otherwise can only be `combined`.
 */
const FIRST_CHARS = new Set([...'浏阅访点【[字来信文稿出作通记责编审校供摄图发更时日0123456789打关返收加我纠分扫当首主网上下']);
/** COMBINED_TOKENS for a test: a line without one of them (spaces collapsed or not) is not `combined`. */
const ANY_COMBINED_TOKEN = new RegExp(COMBINED_TOKENS.source);

/** COMBINED_TOKENS for one scan of a whole text (see tokenLines). */
const COMBINED_SCAN = new RegExp(COMBINED_TOKENS.source, 'g');

/**
 * Per line, 1 when a COMBINED_TOKENS match of one scan of the whole text touches it, or null when
 * there is none (most reports). A line on which ANY_COMBINED_TOKEN matches is always marked: a
 * match on the line is a match in the whole text, found unless an earlier match covers its start,
 * and then the earlier match reaches into the line. One regex pass over the text instead of a
 * test of every line.
 */
function tokenLines(doc: ReportDocument, simplified: string): Uint8Array | null {
  COMBINED_SCAN.lastIndex = 0;
  let m = COMBINED_SCAN.exec(simplified);
  if (!m) return null;
  const marked = new Uint8Array(doc.lines.length);
  for (; m; m = COMBINED_SCAN.exec(simplified)) {
    const last = doc.positionAt(m.index + m[0].length - 1).line;
    for (let l = doc.positionAt(m.index).line; l <= last; l++) marked[l] = 1;
  }
  return marked;
}

/** The offset of the first code unit of text[start, end) that is not a space, or `end`. */
function firstNonSpaceIn(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isJsSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** The first character of a line that is not a space, or ''. */
function firstNonSpace(line: string): string {
  for (let i = 0; i < line.length; i++) if (!isJsSpaceCode(line.charCodeAt(i))) return line[i];
  return '';
}

/** A line with more non-space characters than this is a paragraph, never page furniture. */
const MAX_NON_SPACE = 80;

export function boilerplateKind(simplifiedLine: string): string | null {
  // The collapsed line keeps every non-space character: a paragraph is rejected unread.
  if (moreNonSpaceThan(simplifiedLine, MAX_NON_SPACE)) return null;
  // Neither a pattern's first character nor a furniture token: nothing below can match.
  if (!FIRST_CHARS.has(firstNonSpace(simplifiedLine)) && !ANY_COMBINED_TOKEN.test(simplifiedLine)) return null;
  return candidateKind(simplifiedLine);
}

/** White space runs, collapsed to one space before the patterns are tried. */
const SPACE_RUN = /[\s\u00a0\u3000]+/g;
const ENDS_WITH_PERIOD = /。$/;

/**
 * boilerplateKind of a line that passed its first two tests (at most MAX_NON_SPACE non-space
 * characters; a pattern's first character or a furniture token): what the patterns say. Without
 * those tests a line cannot match either: the patterns start with FIRST_CHARS (after spaces,
 * which trimming drops) and `combined` needs tokens, which collapsing spaces neither makes nor
 * breaks.
 */
function candidateKind(simplifiedLine: string): string | null {
  // A line without white space (most) is its own collapsed and trimmed form.
  const t = hasJsSpace(simplifiedLine) ? simplifiedLine.replace(SPACE_RUN, ' ').trim() : simplifiedLine;
  if (!t || t.length > 80) return null;
  // Only the patterns that can start with the line's first character (in PATTERNS order).
  const candidates = PATTERNS_BY_FIRST.get(t.charCodeAt(0));
  if (candidates) for (const p of candidates) if (p.re.test(t)) return p.id;
  const tokens = t.match(COMBINED_TOKENS);
  if (tokens && new Set(tokens).size >= 2 && !ENDS_WITH_PERIOD.test(t)) return 'combined';
  return null;
}

/** Whether a string holds white space (a code unit `\s` matches: the spaces SPACE_RUN collapses). */
function hasJsSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isJsSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

/** The edit that deletes a whole line with its line break. */
function deleteLineEdit(doc: ReportDocument, line: Line): TextEdit {
  const next = doc.lines[line.index + 1];
  if (next) return { range: doc.rangeOf(line.start, next.start), newText: '' };
  const prev = doc.lines[line.index - 1];
  return { range: doc.rangeOf(prev ? prev.end : line.start, line.end), newText: '' };
}

/** web-boilerplate: page furniture copied along with a web article (浏览次数, 【字体:大 中 小】, 来源:本网 …). */
export const webBoilerplate: Rule = {
  meta: {
    id: 'web-boilerplate',
    defaultSeverity: 'warning',
    category: 'hygiene',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '从网页复制时带入的页面元素行，如“浏览次数”“【字体:大 中 小】”“来源:本网”“打印本页”“关闭窗口”“分享到”。',
      en: 'Web-page furniture copied with the text: lines such as 浏览次数, 【字体:大 中 小】, 来源:本网, 打印本页, 关闭窗口, 分享到.',
    },
    docs: {
      'zh-cn':
        '从政府网站复制报告或新闻稿时，页面上的浏览次数、字号切换、来源、发布时间、打印/关闭按钮、分享按钮、编辑署名等也会被一起复制。' +
        '本规则只报告整行都是这类页面元素的短行，正文中提到“来源”“打印”的句子不会报告。快速修复删除整行（连同换行）；' +
        '另有一项在一次编辑中删除全文所有此类行。',
      en:
        'Copying a report or a press release from a government website brings the page furniture along: view counts, font-size ' +
        'switches, source and publication-time lines, print/close buttons, share buttons, editor bylines. Only short lines that ' +
        'consist entirely of such furniture are reported; a sentence that mentions 来源 or 打印 is not. The quick fix deletes the ' +
        'line with its line break; a second action deletes every such line in one edit.',
    },
  },
  messages: {
    boilerplate: {
      'zh-cn': '网页页面元素“{text}”不属于正文，应删除',
      en: 'Web-page furniture “{text}” is not part of the text; delete it',
    },
    fixOne: { 'zh-cn': '删除此行', en: 'Delete this line' },
    fixAll: { 'zh-cn': '删除全文全部网页页面元素行（{count}行）', en: 'Delete all web-page furniture lines ({count})' },
  },
  check(ctx) {
    const doc = ctx.doc;
    const hits: { line: Line; kind: string }[] = [];
    const simplified = doc.simplified;
    const tokens = tokenLines(doc, simplified);
    for (const line of doc.lines) {
      // Neither a furniture token nor a pattern's first characters (boilerplateKind's second test,
      // and the patterns' own first words), read on the line's first characters: most lines are
      // rejected here. A line with a token is always marked (tokenLines).
      if (!(tokens && tokens[line.index])) {
        const first = firstNonSpaceIn(simplified, line.start, line.end);
        if (first === line.end || !opensLikePattern(simplified, first, line.end)) continue;
      }
      // A paragraph (boilerplateKind's first test) is rejected without slicing its line.
      if (moreNonSpaceIn(simplified, line.start, line.end, MAX_NON_SPACE)) continue;
      // boilerplateKind's second test is passed too: a line with a token is marked, and a line
      // that opens like a pattern starts with one of FIRST_CHARS.
      const kind = candidateKind(doc.lineSimplified(line));
      if (kind) hits.push({ line, kind });
    }
    if (!hits.length) return;
    // Messages and fixes are built when read (most checks never read a fix).
    let edits: TextEdit[] | null = null;
    const editsOf = (): TextEdit[] => (edits ??= hits.map((h) => deleteLineEdit(doc, h.line)));
    let fixAll: Fix | null = null;
    const deleteAll = (): Fix => {
      if (fixAll) return fixAll;
      const all = editsOf();
      // Deleting the last line takes the previous line break: drop overlaps in the fix-all.
      const allEdits = all.filter((e, i) => i === 0 || doc.offsetAt(e.range.start) >= doc.offsetAt(all[i - 1].range.end));
      return (fixAll = { title: ctx.t('fixAll', { count: hits.length }), edits: allEdits, kind: 'delete-all-boilerplate' });
    };
    hits.forEach((h, i) => {
      const text = h.line.text.trim();
      const start = h.line.start + h.line.text.indexOf(text);
      ctx.report({
        message: () => ctx.t('boilerplate', { text }),
        range: { start, end: start + text.length },
        fixes: () => {
          const fixes: Fix[] = [{ title: ctx.t('fixOne'), edits: [editsOf()[i]], kind: 'delete-line', isPreferred: true }];
          if (hits.length > 1) fixes.push(deleteAll());
          return fixes;
        },
        data: { kind: h.kind },
      });
    });
  },
};
