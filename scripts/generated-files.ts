/**
 * Files (or parts of files) generated from the rules' metadata, written by `npm run docs` and
 * compared with the committed files by test/unit/docs.test.ts:
 * - docs/rules.md;
 * - the `rules` property of schemas/reportlintrc.schema.json: one property per rule id with the
 *   severity enum, unknown ids rejected (VS Code flags them in `.reportlintrc.json`);
 * - the `reportlint.rules` setting in package.json: the same, for the settings editor.
 * Only the generated property is replaced in the two JSON files; the rest is left as written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderRulesMarkdown } from '../server/src/core/features/docs';
import { DOCUMENTED_RULES } from '../server/src/core/rules';

export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;

/** One JSON-schema property per rule id: its severity and its description (with the default) in both languages. */
function ruleProperties(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of [...DOCUMENTED_RULES].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0))) {
    out[r.meta.id] = {
      type: 'string',
      enum: [...SEVERITIES],
      // No `default`: a profile may change a rule's default severity, and completion would write it in.
      description: `${r.meta.description.en} (default: ${r.meta.defaultSeverity}) / ${r.meta.description['zh-cn']}（默认：${r.meta.defaultSeverity}）`,
    };
  }
  return out;
}

/** The `rules` property of schemas/reportlintrc.schema.json. */
export function schemaRulesProperty(): unknown {
  return {
    type: 'object',
    description: 'Severity per rule id, or "off" (see docs/rules.md). / 各规则的级别，或 off 关闭（见 docs/rules.md）。',
    properties: ruleProperties(),
    additionalProperties: false,
  };
}

/** The `reportlint.rules` setting of package.json. */
export function settingRulesProperty(): unknown {
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    properties: ruleProperties(),
    additionalProperties: false,
    markdownDescription: '%config.rules%',
  };
}

/**
 * `text` (a JSON file) with the value of the property `key` replaced by `value`: the first
 * occurrence of `"key":` whose value is an object, indented like the key's line. Throws when the
 * key is missing (the generator must not silently skip a file).
 */
export function spliceJsonProperty(text: string, key: string, value: unknown): string {
  const marker = `${JSON.stringify(key)}: {`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`property ${key} not found`);
  const open = at + marker.length - 1;
  let depth = 0;
  let end = -1;
  for (let i = open; i < text.length && end < 0; i++) {
    const c = text[i];
    if (c === '"') {
      // Skip a string (escapes included).
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) end = i + 1;
  }
  if (end < 0) throw new Error(`property ${key}: unbalanced braces`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, at))![0];
  const json = compactJson(value).replace(/\n/g, `\n${indent}`);
  return text.slice(0, open) + json + text.slice(end);
}

/** JSON with two-space indentation, arrays of scalars on one line (`["error", "warning"]`). */
export function compactJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\n\s*((?:(?:"(?:[^"\\]|\\.)*"|-?[\d.eE+-]+|true|false|null),\n\s*)*(?:"(?:[^"\\]|\\.)*"|-?[\d.eE+-]+|true|false|null))\n\s*\]/g, (_m, items: string) =>
    `[${items.split(/,\n\s*/).join(', ')}]`,
  );
}

export interface GeneratedFile {
  /** Path relative to the repository root. */
  path: string;
  /** What the file should contain given its current content. */
  expected(current: string): string;
}

export const GENERATED_FILES: readonly GeneratedFile[] = [
  { path: 'docs/rules.md', expected: () => renderRulesMarkdown() },
  { path: 'schemas/reportlintrc.schema.json', expected: (current) => spliceJsonProperty(current, 'rules', schemaRulesProperty()) },
  { path: 'package.json', expected: (current) => spliceJsonProperty(current, 'reportlint.rules', settingRulesProperty()) },
];

/** Write every generated file under `root`; returns the paths that changed. */
export function writeGeneratedFiles(root: string): string[] {
  const changed: string[] = [];
  for (const f of GENERATED_FILES) {
    const file = path.join(root, f.path);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const next = f.expected(current);
    if (next !== current) {
      fs.writeFileSync(file, next);
      changed.push(f.path);
    }
  }
  return changed;
}
