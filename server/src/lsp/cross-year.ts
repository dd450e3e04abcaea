/**
 * Across years in the editor: last year's report of the same issuing body, looked for in the
 * document's own folder (open documents first, then files on disk), compared with the pure core
 * function `compareYears`. Reads go through node/fs-access (regular files only, a size cap); what
 * each file is (issuing body, year) is remembered per file version (mtime and size), so a check
 * costs a directory listing and a few `stat`s once the folder is known.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { Analysis } from '../core/analysis';
import type { ResolvedConfig } from '../core/config/config';
import { activeProfile } from '../core/profiles/detect';
import { compareYears, reportKey, type ReportKey } from '../core/statistical-tables/cross-year';
import type { Finding, Locale } from '../core/types';
import { readTextFile } from '../node/fs-access';

/** Files larger than this are not read as candidates (a report is far smaller). */
const MAX_CANDIDATE_BYTES = 4 * 1024 * 1024;
/** A folder with more entries than this is not searched. */
const MAX_ENTRIES = 500;
/** Remembered files (oldest dropped first). */
const MAX_CACHED = 200;
const REPORT_FILE = /\.(txt|md|markdown)$/i;

interface Known {
  stamp: string;
  key: ReportKey | null;
  analysis: Analysis | null;
}
const known = new Map<string, Known>();

function remember(file: string, entry: Known): void {
  known.delete(file);
  known.set(file, entry);
  while (known.size > MAX_CACHED) known.delete(known.keys().next().value as string);
}

/**
 * Findings of the cross-year comparison for the document at `uri` (a file: URI), or [] when the
 * document has no key, no predecessor is found in its folder, or both rules are off. `openText`
 * gives the text of a file open in the editor (unsaved changes win over the disk).
 */
export function previousYearFindings(
  analysis: Analysis,
  uri: string,
  config: ResolvedConfig,
  locale: Locale,
  openText: (file: string) => string | undefined = () => undefined,
): Finding[] {
  if (!uri.startsWith('file:')) return [];
  const profile = activeProfile(analysis, config);
  if (!profile?.tables?.length) return [];
  const key = reportKey(analysis, profile);
  if (!key) return [];
  const self = fileURLToPath(uri);
  const dir = path.dirname(self);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  if (names.length > MAX_ENTRIES) return [];
  for (const name of names.filter((n) => REPORT_FILE.test(n)).sort()) {
    const file = path.join(dir, name);
    if (file === self) continue;
    let stamp: string;
    let text: string | undefined = openText(file);
    if (text !== undefined) stamp = `open:${text.length}:${hash(text)}`;
    else {
      let st: fs.Stats;
      try {
        st = fs.statSync(file);
      } catch {
        continue;
      }
      if (!st.isFile() || st.size > MAX_CANDIDATE_BYTES) continue;
      stamp = `${st.mtimeMs}:${st.size}`;
    }
    let entry = known.get(file);
    if (!entry || entry.stamp !== stamp) {
      if (text === undefined) {
        const r = readTextFile(file, MAX_CANDIDATE_BYTES);
        if (!r.ok) continue;
        text = r.text;
      }
      const a = Analysis.fromText(text, { uri: file });
      const p = activeProfile(a, config);
      const k = p?.id === profile.id ? reportKey(a, p) : null;
      entry = { stamp, key: k, analysis: k ? a : null };
    }
    remember(file, entry);
    if (entry.key && entry.analysis && entry.key.issuer === key.issuer && entry.key.year === key.year - 1) {
      return compareYears(analysis, entry.analysis, profile, locale, name)
        .filter((f) => config.rules[f.ruleId] !== 'off')
        .map((f) => ({ ...f, severity: (config.rules[f.ruleId] as Finding['severity'] | undefined) ?? f.severity }));
    }
  }
  return [];
}

/** A cheap fingerprint of an open document's text (FNV-1a). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
