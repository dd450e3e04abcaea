/**
 * The Markdown block structure ReportLint needs, from one parser (markdown-it, CommonMark):
 * which lines are fenced code (delimiters included), and where YAML front matter ends. The
 * outline, the table finder and the punctuation rules all skip the same code blocks, so a fence
 * that contains the other fence character (``` around ~~~) or a longer closing fence is read
 * the same way everywhere. Indented code is not treated as code here: Chinese reports often
 * indent their paragraphs.
 */
import MarkdownIt from 'markdown-it';

export interface MarkdownBlocks {
  /** Per line (0-based, the document's line splitting): 1 when the line belongs to fenced code. */
  fenced: Uint8Array;
  /** Fenced code blocks as inclusive line ranges, in document order (an unclosed one runs to the end). */
  fences: { startLine: number; endLine: number }[];
  /** The last line of YAML front matter (`---` on the first line … `---` or `...`), or -1. */
  frontMatterEnd: number;
}

let parser: MarkdownIt | null = null;
function blockParser(): MarkdownIt {
  if (!parser) {
    parser = new MarkdownIt('commonmark', { html: true });
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
  const fenced = new Uint8Array(n);
  const fences: MarkdownBlocks['fences'] = [];
  const frontMatterEnd = frontMatter(text);
  // Front matter is not Markdown: the parser reads the rest (line numbers kept by blank lines).
  const body = frontMatterEnd >= 0 ? '\n'.repeat(frontMatterEnd + 1) + afterLine(text, frontMatterEnd) : text;
  // Most reports have no fence at all: the parser runs only when a fence marker occurs.
  const tokens = body.includes('```') || body.includes('~~~') ? blockParser().parse(body, {}) : [];
  for (const token of tokens) {
    if (token.type !== 'fence' || !token.map) continue;
    const startLine = token.map[0];
    const endLine = Math.min(n, token.map[1]) - 1;
    fences.push({ startLine, endLine });
    fenced.fill(1, startLine, endLine + 1);
  }
  const blocks = { fenced, fences, frontMatterEnd };
  last = { text, blocks };
  return blocks;
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
