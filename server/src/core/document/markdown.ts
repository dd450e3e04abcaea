/**
 * The Markdown block structure ReportLint needs, from one parser (markdown-it, CommonMark):
 * which lines are not report text — fenced code (delimiters included) and HTML comment blocks
 * (a passage the writer commented out with `<!-- … -->`, which is not published) — and where YAML
 * front matter ends. The outline, the table finder and the punctuation rules all skip the same
 * blocks, so a fence that contains the other fence character (``` around ~~~) or a longer
 * closing fence is read the same way everywhere. Indented code is not treated as code here: Chinese reports often
 * indent their paragraphs. HTML comments (the `<!-- reportlint-disable … -->` directives) come from
 * the same parser's token stream, so a comment inside a code fence or an inline code span is not one.
 */
import type MarkdownIt from 'markdown-it';

/**
 * A new markdown-it parser. The library is loaded on first use, not with this module: loading and
 * initialising it (with its HTML entity tables) was some 2.5 ms of every CLI process, and only
 * Markdown documents (and texts with `<!--`) are parsed.
 */
function newMarkdownIt(): MarkdownIt {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const Constructor = require('markdown-it') as typeof import('markdown-it');
  return new Constructor('commonmark', { html: true });
}

export interface MarkdownBlocks {
  /**
   * Per line (0-based, the document's line splitting): 1 when the line is not report text, being
   * part of fenced code or of an HTML comment block.
   */
  hidden: Uint8Array;
  /**
   * The blocks behind `hidden` as inclusive line ranges, in document order: fenced code (an
   * unclosed fence runs to the end) and closed HTML comment blocks.
   */
  hiddenBlocks: { startLine: number; endLine: number; kind: 'fence' | 'comment' }[];
  /** The last line of YAML front matter (`---` on the first line … `---` or `...`), or -1. */
  frontMatterEnd: number;
}

let parser: MarkdownIt | null = null;
function blockParser(): MarkdownIt {
  if (!parser) {
    parser = newMarkdownIt();
    // Only the block structure is used: no inline parsing.
    parser.core.ruler.disable(['inline', 'text_join']);
  }
  return parser;
}

/** Number of lines of `text` as ReportDocument splits it (LF, CRLF and lone CR; at least one). */
function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

let last: { text: string; blocks: MarkdownBlocks } | null = null;

/** The block structure of a Markdown text (the last result is kept: callers ask for the same text in turn). */
export function markdownBlocks(text: string): MarkdownBlocks {
  if (last && last.text === text) return last.blocks;
  const n = lineCount(text);
  const hidden = new Uint8Array(n);
  const hiddenBlocks: MarkdownBlocks['hiddenBlocks'] = [];
  const frontMatterEnd = frontMatter(text);
  // Front matter is not Markdown: the parser reads the rest (line numbers kept by blank lines).
  const body = frontMatterEnd >= 0 ? '\n'.repeat(frontMatterEnd + 1) + afterLine(text, frontMatterEnd) : text;
  // Most reports have neither fence nor comment: the parser runs only when a marker occurs.
  const tokens = body.includes('```') || body.includes('~~~') || body.includes('<!--') ? blockParser().parse(body, {}) : [];
  for (const token of tokens) {
    if (!token.map) continue;
    let kind: 'fence' | 'comment';
    if (token.type === 'fence') kind = 'fence';
    else if (token.type === 'html_block' && isWholeComment(token.content)) kind = 'comment';
    else continue;
    const startLine = token.map[0];
    const endLine = Math.min(n, token.map[1]) - 1;
    hiddenBlocks.push({ startLine, endLine, kind });
    hidden.fill(1, startLine, endLine + 1);
  }
  const blocks = { hidden, hiddenBlocks, frontMatterEnd };
  last = { text, blocks };
  return blocks;
}

/**
 * An HTML block that is nothing but closed comments (`<!-- … -->`, possibly several, with blank
 * space between). CommonMark lets a comment block run on after `-->` to the end of its line, and
 * an unclosed `<!--` to the end of the document; text after the last `-->` is shown by a Markdown
 * viewer and an unclosed comment is usually being typed, so neither is hidden.
 */
function isWholeComment(html: string): boolean {
  let rest = html.trim();
  if (!rest.startsWith('<!--')) return false;
  while (rest.startsWith('<!--')) {
    const close = rest.indexOf('-->', 4);
    if (close < 0) return false;
    rest = rest.slice(close + 3).trim();
  }
  return rest === '';
}

/** The last line of YAML front matter at the top of `text`, or -1. */
function frontMatter(text: string): number {
  if (!/^---(?:\r\n|\r|\n)/.test(text)) return -1;
  const re = /\r\n|\r|\n/g;
  let line = 0;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const content = text.slice(start, m.index);
    if (line > 0 && (content === '---' || content === '...')) return line;
    line++;
    start = m.index + m[0].length;
  }
  const tail = text.slice(start);
  return line > 0 && (tail === '---' || tail === '...') ? line : -1;
}

/** The text after line `line` (0-based) and its line break. */
function afterLine(text: string, line: number): string {
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null = null;
  for (let i = 0; i <= line; i++) {
    m = re.exec(text);
    if (!m) return '';
  }
  return text.slice(m!.index + m![0].length);
}

/** An HTML comment of a Markdown text: where it starts and what it says. */
export interface MarkdownComment {
  /** 0-based line of the `<!--`. */
  line: number;
  /** The text between `<!--` and `-->`, untrimmed. */
  body: string;
}

let commentParserInstance: MarkdownIt | null = null;
function commentParser(): MarkdownIt {
  if (!commentParserInstance) {
    // Inline parsing is needed for comments inside paragraphs; indented text is a paragraph (as above).
    commentParserInstance = newMarkdownIt();
    commentParserInstance.block.ruler.disable(['code']);
    // Inline comments as markdown-it's html_inline rule reads them (CommonMark: `<!-->`, `<!--->` or
    // `<!--` … `-->`), with their offset in the paragraph kept, since inline tokens carry no position
    // (a code span over two lines would otherwise put a later comment on the wrong line).
    commentParserInstance.inline.ruler.before('html_inline', 'html_comment_offset', (state, silent) => {
      const src = state.src;
      const pos = state.pos;
      if (src.charCodeAt(pos) !== 0x3c || !src.startsWith('<!--', pos)) return false;
      let end: number;
      if (src.startsWith('>', pos + 4)) end = pos + 5;
      else if (src.startsWith('->', pos + 4)) end = pos + 6;
      else {
        const close = src.indexOf('-->', pos + 4);
        if (close < 0) return false;
        end = close + 3;
      }
      if (!silent) {
        const token = state.push('html_inline', '', 0);
        token.content = src.slice(pos, end);
        token.meta = { offset: pos };
      }
      state.pos = end;
      return true;
    });
  }
  return commentParserInstance;
}

/** Every complete `<!-- … -->` in raw HTML (an HTML block's content), with its offset. */
function commentsInHtml(html: string): { index: number; body: string }[] {
  const out: { index: number; body: string }[] = [];
  let from = 0;
  for (;;) {
    const open = html.indexOf('<!--', from);
    if (open < 0) return out;
    const close = html.indexOf('-->', open + 4);
    if (close < 0) return out;
    out.push({ index: open, body: html.slice(open + 4, close) });
    from = close + 3;
  }
}

function linesBefore(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

let lastComments: { text: string; comments: MarkdownComment[] } | null = null;

/**
 * The HTML comments of a Markdown text, in document order: comment blocks and comments in raw
 * HTML blocks, and inline comments in paragraphs and headings. Not comments: `<!--` in a code
 * fence, in an inline code span, or in front matter.
 */
export function markdownComments(text: string): MarkdownComment[] {
  if (!text.includes('<!--')) return [];
  if (lastComments && lastComments.text === text) return lastComments.comments;
  const frontMatterEnd = frontMatter(text);
  const body = frontMatterEnd >= 0 ? '\n'.repeat(frontMatterEnd + 1) + afterLine(text, frontMatterEnd) : text;
  const comments: MarkdownComment[] = [];
  for (const token of commentParser().parse(body, {})) {
    if (!token.map) continue;
    if (token.type === 'html_block') {
      for (const c of commentsInHtml(token.content)) comments.push({ line: token.map[0] + linesBefore(token.content, c.index), body: c.body });
    } else if (token.type === 'inline' && token.children) {
      // The paragraph's content keeps its line breaks: the comment's line is counted from its offset.
      for (const child of token.children) {
        const offset = (child.meta as { offset?: number } | null)?.offset;
        if (child.type !== 'html_inline' || offset === undefined) continue;
        comments.push({ line: token.map[0] + linesBefore(token.content, offset), body: child.content.slice(4, Math.max(4, child.content.length - 3)) });
      }
    }
  }
  lastComments = { text, comments };
  return comments;
}
