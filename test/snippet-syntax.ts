/**
 * A parser for VS Code's TextMate snippet syntax, written from the grammar in
 * https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar, strict
 * where VS Code is lenient so that a typo in a snippet file fails a test instead of
 * silently inserting `${` as text.
 *
 *   any         ::= tabstop | placeholder | choice | variable | text
 *   tabstop     ::= '$' int | '${' int '}' | '${' int transform '}'
 *   placeholder ::= '${' int ':' any* '}'
 *   choice      ::= '${' int '|' text (',' text)* '|}'
 *   variable    ::= '$' var | '${' var '}' | '${' var ':' any* '}' | '${' var transform '}'
 *   transform   ::= '/' regex '/' (format | text)* '/' options
 */

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; transform?: Transform }
  | { type: 'placeholder'; index: number; children: SnippetNode[] }
  | { type: 'choice'; index: number; options: string[] }
  | { type: 'variable'; name: string; children?: SnippetNode[]; transform?: Transform };

export interface Transform {
  regex: string;
  format: string;
  options: string;
}

export class SnippetSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at offset ${offset}`);
  }
}

/** Variables VS Code resolves in snippets. */
export const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER',
  'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR',
  'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM', 'RANDOM_HEX', 'UUID',
  'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

export function parseSnippet(src: string): SnippetNode[] {
  let pos = 0;

  const fail = (msg: string): never => {
    throw new SnippetSyntaxError(msg, pos);
  };

  const readInt = (): number | null => {
    const m = /^[0-9]+/.exec(src.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    return Number(m[0]);
  };
  const readVar = (): string | null => {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(src.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    return m[0];
  };

  /** Text up to one of `stops` (unescaped). `\` escapes `$`, `}`, `\` (and the stops). */
  const readText = (stops: string): string => {
    let out = '';
    while (pos < src.length) {
      const c = src[pos];
      if (c === '\\' && pos + 1 < src.length && ('$}\\' + stops).includes(src[pos + 1])) {
        out += src[pos + 1];
        pos += 2;
        continue;
      }
      if (stops.includes(c)) break;
      out += c;
      pos++;
    }
    return out;
  };

  const readTransform = (): Transform => {
    // at '/'
    pos++;
    let regex = '';
    while (pos < src.length && src[pos] !== '/') {
      if (src[pos] === '\\' && pos + 1 < src.length) {
        regex += src[pos] + src[pos + 1];
        pos += 2;
      } else regex += src[pos++];
    }
    if (src[pos] !== '/') fail('unterminated transform regex');
    pos++;
    let format = '';
    while (pos < src.length && src[pos] !== '/') {
      if (src[pos] === '\\' && pos + 1 < src.length) {
        format += src[pos] + src[pos + 1];
        pos += 2;
      } else format += src[pos++];
    }
    if (src[pos] !== '/') fail('unterminated transform format');
    pos++;
    const m = /^[a-z]*/.exec(src.slice(pos))!;
    pos += m[0].length;
    if (src[pos] !== '}') fail('transform not closed with }');
    pos++;
    try {
      new RegExp(regex, m[0].replace(/[^gimsuy]/g, ''));
    } catch (e) {
      fail(`invalid transform regex /${regex}/: ${(e as Error).message}`);
    }
    if (/[^gimsuy]/.test(m[0])) fail(`invalid transform options "${m[0]}"`);
    validateFormat(format);
    return { regex, format, options: m[0] };
  };

  const validateFormat = (format: string) => {
    // $n, ${n}, ${n:/upcase}, ${n:+if}, ${n:?if:else}, ${n:-else}, ${n:else}
    let i = 0;
    while (i < format.length) {
      if (format[i] === '\\') {
        i += 2;
        continue;
      }
      if (format[i] === '$') {
        if (/[0-9]/.test(format[i + 1] ?? '')) {
          i++;
          while (/[0-9]/.test(format[i] ?? '')) i++;
          continue;
        }
        if (format[i + 1] === '{') {
          const close = format.indexOf('}', i);
          if (close < 0) fail('unterminated ${ in transform format');
          const inner = format.slice(i + 2, close);
          if (!/^[0-9]+(:(\/(upcase|downcase|capitalize|camelcase|pascalcase)|\+.*|\?.*:.*|-.*|[^/+?-].*))?$/.test(inner)) {
            fail(`invalid format item \${${inner}}`);
          }
          i = close + 1;
          continue;
        }
      }
      i++;
    }
  };

  const parseAny = (stops: string): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    const pushText = (t: string) => {
      if (!t) return;
      const last = nodes[nodes.length - 1];
      if (last && last.type === 'text') last.value += t;
      else nodes.push({ type: 'text', value: t });
    };
    while (pos < src.length) {
      const c = src[pos];
      if (stops.includes(c)) break;
      if (c === '\\') {
        pushText(readText(stops + '$'));
        continue;
      }
      if (c !== '$') {
        pushText(readText(stops + '$'));
        continue;
      }
      // '$'
      const start = pos;
      pos++;
      if (src[pos] === '{') {
        pos++;
        const index = readInt();
        if (index !== null) {
          const next = src[pos];
          if (next === '}') {
            pos++;
            nodes.push({ type: 'tabstop', index });
          } else if (next === ':') {
            pos++;
            const children = parseAny('}');
            if (src[pos] !== '}') fail(`placeholder \${${index}: not closed`);
            pos++;
            nodes.push({ type: 'placeholder', index, children });
          } else if (next === '|') {
            pos++;
            const options: string[] = [];
            for (;;) {
              options.push(readText(',|'));
              if (src[pos] === ',') {
                pos++;
                continue;
              }
              break;
            }
            if (src.slice(pos, pos + 2) !== '|}') fail(`choice \${${index}| not closed with |}`);
            pos += 2;
            if (options.some((o) => o === '')) fail(`choice \${${index}| has an empty option`);
            if (options.some((o) => o.includes('$'))) fail(`choice \${${index}| options are plain text; "$" is not expanded`);
            nodes.push({ type: 'choice', index, options });
          } else if (next === '/') {
            nodes.push({ type: 'tabstop', index, transform: readTransform() });
          } else {
            fail(`unexpected "${next ?? 'end'}" after \${${index}`);
          }
          continue;
        }
        const name = readVar();
        if (name === null) fail('"${" must be followed by a number or a variable name');
        const next = src[pos];
        if (next === '}') {
          pos++;
          nodes.push({ type: 'variable', name: name! });
        } else if (next === ':') {
          pos++;
          const children = parseAny('}');
          if (src[pos] !== '}') fail(`variable \${${name}: not closed`);
          pos++;
          nodes.push({ type: 'variable', name: name!, children });
        } else if (next === '/') {
          nodes.push({ type: 'variable', name: name!, transform: readTransform() });
        } else {
          fail(`unexpected "${next ?? 'end'}" after \${${name}`);
        }
        continue;
      }
      const index = readInt();
      if (index !== null) {
        nodes.push({ type: 'tabstop', index });
        continue;
      }
      const name = readVar();
      if (name !== null) {
        nodes.push({ type: 'variable', name });
        continue;
      }
      pos = start;
      fail('a lone "$" (write "\\$" for a dollar sign)');
    }
    return nodes;
  };

  const nodes = parseAny('');
  if (pos < src.length) fail(`unexpected "${src[pos]}"`);
  return nodes;
}

/** Every node, depth first. */
export function* walk(nodes: SnippetNode[]): Generator<SnippetNode> {
  for (const n of nodes) {
    yield n;
    if ((n.type === 'placeholder' || n.type === 'variable') && n.children) yield* walk(n.children);
  }
}

/**
 * Problems a parse does not catch: unknown variables, tab stops that skip numbers,
 * one tab stop given two different defaults, a choice mirrored as a placeholder.
 */
export function lintSnippet(nodes: SnippetNode[]): string[] {
  const problems: string[] = [];
  const indices = new Set<number>();
  const defaults = new Map<number, string>();
  const kinds = new Map<number, string>();
  for (const n of walk(nodes)) {
    if (n.type === 'variable' && !KNOWN_VARIABLES.has(n.name)) problems.push(`unknown variable ${n.name} (inserted literally)`);
    if (n.type === 'tabstop' || n.type === 'placeholder' || n.type === 'choice') {
      indices.add(n.index);
      if (n.type !== 'tabstop') {
        const def = n.type === 'choice' ? `choice:${n.options.join(',')}` : `placeholder:${render(n.children)}`;
        const prev = defaults.get(n.index);
        if (prev !== undefined && prev !== def) problems.push(`tab stop ${n.index} has two different defaults`);
        defaults.set(n.index, def);
        const k = kinds.get(n.index);
        if (k && k !== n.type) problems.push(`tab stop ${n.index} is both a ${k} and a ${n.type}`);
        kinds.set(n.index, n.type);
      }
    }
  }
  const numbered = [...indices].filter((i) => i > 0).sort((a, b) => a - b);
  numbered.forEach((v, i) => {
    if (v !== i + 1) problems.push(`tab stops are not numbered 1…${numbered.length} without gaps (found ${numbered.join(', ')})`);
  });
  return [...new Set(problems)];
}

/**
 * The text a snippet inserts with every placeholder at its default (or at `values[index]`, as if
 * the writer typed it) and variables given by `vars`.
 */
export function render(nodes: SnippetNode[], vars: Record<string, string> = {}, values: Record<number, string> = {}): string {
  const current = new Map<number, string>(Object.entries(values).map(([k, v]) => [Number(k), v]));
  const fixed = new Set(current.keys());
  // Choices default to their first option; placeholders to their text (set when reached).
  for (const n of walk(nodes)) {
    if (n.type === 'choice' && !current.has(n.index)) current.set(n.index, n.options[0]);
  }
  const go = (list: SnippetNode[]): string => {
    const out: string[] = [];
    for (const n of list) {
      switch (n.type) {
        case 'text':
          out.push(n.value);
          break;
        case 'tabstop':
        case 'choice':
          out.push(current.get(n.index) ?? '');
          break;
        case 'placeholder': {
          const v = go(n.children);
          if (!fixed.has(n.index)) current.set(n.index, v);
          out.push(current.get(n.index)!);
          break;
        }
        case 'variable': {
          let v = vars[n.name];
          if (v === undefined) v = n.children ? go(n.children) : '';
          else if (n.transform) v = v.replace(new RegExp(n.transform.regex, n.transform.options), n.transform.format.replace(/\$\{?(\d+)\}?/g, '$$$1'));
          out.push(v);
          break;
        }
      }
    }
    return out.join('');
  };
  return go(nodes);
}
