/**
 * The core's layout (docs/development.md): folders by what they are, and no import cycles, so a
 * newcomer can read it bottom-up — document/ (text, lines, script view, blocks) knows nothing of
 * the outline, the figures, the profiles, the rules or the editor features built on it.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers';

const CORE = path.join(REPO_ROOT, 'server', 'src', 'core');

function coreFiles(dir = CORE): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...coreFiles(full));
    else if (e.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

interface Edge { to: string; typeOnly: boolean }

/** Relative imports and re-exports of a file, resolved to files, each marked type-only or not. */
function imports(file: string): Edge[] {
  const src = fs.readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const m of src.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)) {
    const base = path.resolve(path.dirname(file), m[2]);
    const target = [base + '.ts', path.join(base, 'index.ts')].find((c) => fs.existsSync(c));
    if (target) edges.push({ to: target, typeOnly: Boolean(m[1]) });
  }
  return edges;
}

/** Strongly connected components of more than one file (Tarjan), over value imports. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter); low.set(v, counter); counter++; stack.push(v); on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); component.push(path.relative(CORE, w)); } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('core layout', () => {
  const files = coreFiles();

  it('has no import cycle between files (value imports)', () => {
    const graph = new Map(files.map((f) => [f, imports(f).filter((e) => !e.typeOnly).map((e) => e.to)]));
    assert.deepEqual(cycles(graph), []);
  });

  it('finds a cycle when there is one (self-test of the checker)', () => {
    const graph = new Map([[path.join(CORE, 'a.ts'), [path.join(CORE, 'b.ts')]], [path.join(CORE, 'b.ts'), [path.join(CORE, 'a.ts')]]]);
    assert.deepEqual(cycles(graph), [['a.ts', 'b.ts']]);
  });

  it('document/ imports nothing from the layers built on it', () => {
    const upper = ['outline', 'figures', 'profiles', 'rules', 'features', 'statistical-tables', 'config'];
    const offenders: string[] = [];
    for (const f of files.filter((f) => path.relative(CORE, f).startsWith('document' + path.sep))) {
      for (const e of imports(f)) {
        if (e.typeOnly) continue;
        const top = path.relative(CORE, e.to).split(path.sep)[0];
        if (upper.includes(top)) offenders.push(`${path.relative(CORE, f)} → ${path.relative(CORE, e.to)}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('keeps only the entry points loose in core/', () => {
    const loose = fs.readdirSync(CORE).filter((n) => n.endsWith('.ts')).sort();
    assert.deepEqual(loose, ['analysis.ts', 'check.ts', 'index.ts', 'types.ts']);
  });
});
