/**
 * The parts checklist as the status bar shows it (pure: no vscode import, unit-tested). The
 * server answers `reportlint/partsChecklist` (server/src/lsp/parts-checklist.ts); `t` is
 * vscode.l10n.t (or a stand-in in tests).
 */

// The answer's types are the server's own (typed once, like every request in lsp/protocol.ts).
import type { PartStatus } from '../../server/src/core/profiles/part-status';
import type { ChecklistPart, PartsChecklist } from '../../server/src/lsp/parts-checklist';
export type { ChecklistPart, PartsChecklist, PartStatus };

export type Translate = (message: string, ...args: string[]) => string;

/** ✓ written, ✗ missing (the report has gone past it), … not reached yet. */
export const STATUS_MARK: Record<PartStatus, string> = { written: '✓', missing: '✗', 'not-reached': '…' };

export interface ChecklistRow {
  part: ChecklistPart;
  /** `✓ 主要举措和成效` */
  label: string;
  /** What the row says and what choosing it does. */
  description: string;
}

export interface ChecklistView {
  /** The status bar text, e.g. `$(tasklist) 法治政府建设年度报告 3/4 部分`. */
  text: string;
  /** Its accessible label (read by screen readers and the end-to-end test). */
  label: string;
  /** The tooltip: the profile, then one line per part. */
  tooltipLines: string[];
  rows: ChecklistRow[];
  /** The error, warning or neutral look of the item. */
  tone: 'missing' | 'pending' | 'complete';
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

export function statusText(status: PartStatus, t: Translate): string {
  if (status === 'written') return t('written');
  if (status === 'missing') return t('missing');
  return t('not reached yet');
}

/** What the status bar item and its quick pick show for a checklist. */
export function formatChecklist(list: PartsChecklist, t: Translate): ChecklistView {
  const count = t('{0}/{1} parts', String(list.written), String(list.total));
  const rows = list.parts.map((part) => {
    const line = part.range ? t('line {0}', String(part.range.start.line + 1)) : '';
    const action =
      part.status === 'written'
        ? line
        : part.marker
          ? t('choose to insert it (numbered {0})', part.marker)
          : t('choose to insert it');
    return {
      part,
      label: `${STATUS_MARK[part.status]} ${part.name}`,
      description: [statusText(part.status, t), action].filter(Boolean).join(' · '),
    };
  });
  const tone = list.parts.some((p) => p.status === 'missing') ? 'missing' : list.written < list.total ? 'pending' : 'complete';
  return {
    text: `$(tasklist) ${shorten(list.profile.name, 12)} ${count}`,
    label: `${t('ReportLint parts')} ${list.written}/${list.total}`,
    tooltipLines: [list.profile.name, ...rows.map((r) => `${r.label} — ${r.description}`)],
    rows,
    tone,
  };
}
