/** Where ../shared is: beside the repository root, else $REPORTLINT_SHARED; null when neither exists. */
import * as fs from 'fs';
import * as path from 'path';

/** The repository root (this file runs from out/eval/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export function locateShared(): string | null {
  const candidates = [path.resolve(REPO_ROOT, '..', 'shared'), process.env.REPORTLINT_SHARED ?? ''];
  for (const c of candidates) {
    if (c && fs.existsSync(path.join(c, 'corpus'))) return path.resolve(c);
  }
  return null;
}

/** Why the evaluation cannot run (for the skip message). */
export function sharedMissingMessage(): string {
  return `../shared/corpus not found beside the repository (${path.resolve(REPO_ROOT, '..', 'shared')}) and REPORTLINT_SHARED is not set; the real-text evaluation is skipped`;
}
