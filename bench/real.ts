/**
 * Real text for the benchmark: the complete 2026 provincial government work reports of the shared
 * corpus (`../shared/corpus/gov-work-reports-2026`, or $REPORTLINT_SHARED/corpus/…), read at run
 * time and never copied into the repository. Absent in a user's clone: the benchmark then skips
 * the real-text measures and says so.
 */
import * as fs from 'fs';
import * as path from 'path';

export const REAL_CORPUS = 'gov-work-reports-2026';

/** The shared folder: ../shared beside the repository, else $REPORTLINT_SHARED. */
export function sharedDir(repoRoot: string): string | null {
  const candidates = [path.resolve(repoRoot, '..', 'shared'), process.env.REPORTLINT_SHARED].filter((d): d is string => !!d);
  return candidates.find((d) => fs.existsSync(path.join(d, 'corpus', REAL_CORPUS))) ?? null;
}

/** The reports of the real corpus, in file-name order (null when the corpus is absent). */
export function realReports(repoRoot: string): { name: string; text: string }[] | null {
  const shared = sharedDir(repoRoot);
  if (!shared) return null;
  const dir = path.join(shared, 'corpus', REAL_CORPUS);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return files.map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8').replace(/^\ufeff/, '') }));
}

/**
 * The reports concatenated (one blank line between them) and repeated until the text reaches
 * `targetBytes` UTF-8 bytes, cut at the end of the line that reaches it.
 */
export function realInput(reports: readonly { text: string }[], targetBytes: number): string {
  const all = reports.map((r) => r.text.replace(/\s+$/, '')).join('\n\n') + '\n\n';
  const allBytes = Buffer.byteLength(all, 'utf8');
  const parts: string[] = [];
  let bytes = 0;
  while (bytes + allBytes <= targetBytes) {
    parts.push(all);
    bytes += allBytes;
  }
  if (bytes < targetBytes) {
    // The rest: whole lines of the next repetition until the target is reached.
    let i = 0;
    while (bytes < targetBytes && i < all.length) {
      let j = all.indexOf('\n', i);
      j = j < 0 ? all.length : j + 1;
      const line = all.slice(i, j);
      parts.push(line);
      bytes += Buffer.byteLength(line, 'utf8');
      i = j;
    }
  }
  return parts.join('');
}

/**
 * `text` in pieces of at most `max` UTF-16 units, cut after a line break where there is one
 * (else at `max`, never inside a surrogate pair). autocorrect-node's `lintFor` gives up above
 * about 250,000 units ("call limit reached", no finding), so it is timed on such pieces.
 */
export function chunks(text: string, max = 65_536): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + max);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end - 1);
      if (nl >= i) end = nl + 1;
      else if (/[\ud800-\udbff]/.test(text[end - 1])) end--;
    }
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}
