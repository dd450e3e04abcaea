/**
 * The 数据核对 view (Explorer): every claim about figures the server recognised in the active
 * report, grouped by verdict (不一致 / 无法核对 / 一致). Each claim shows the working and, when it
 * cannot be checked, the reason (from the core); clicking a claim or one of its figures reveals
 * it in the editor. Filters by verdict and kind; exports: CSV (the CLI's format) and the
 * Markdown 数据核对表 as a read-only preview (a virtual document, never an unsaved buffer).
 * A status-bar entry shows the counts and opens the view.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isTooLarge, REQUESTS } from './requests';

export const CLAIMS_VIEW = 'reportlint.claims';
export const CLAIMS_COMMANDS = {
  show: 'reportlint.showClaims',
  reveal: 'reportlint.revealClaim',
  filter: 'reportlint.filterClaims',
  exportCsv: 'reportlint.exportClaimsCsv',
  showTable: 'reportlint.showStatistics',
  refresh: 'reportlint.refreshClaims',
} as const;
/** Scheme of the read-only 数据核对表 previews. */
export const STATS_SCHEME = 'reportlint-stats';

const LANGUAGES = new Set(['plaintext', 'markdown', 'reportlint']);

type Verdict = 'inconsistent' | 'unverifiable' | 'consistent';
const VERDICTS: Verdict[] = ['inconsistent', 'unverifiable', 'consistent'];

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface ClaimInput {
  role: string;
  label: string;
  text: string;
  range: Range;
}
export interface Claim {
  kind: string;
  name: string;
  verdict: Verdict;
  text: string;
  range: Range;
  inputs: ClaimInput[];
  working: string;
  problem?: string;
  reason?: string | null;
}
interface StatsAnswer {
  uri: string;
  name: string;
  coverage: { claims: number; consistent: number; inconsistent: number; unverifiable: number };
  claims: Claim[];
  markdown: string;
}

type Node =
  | { type: 'group'; verdict: Verdict; claims: Claim[] }
  | { type: 'claim'; claim: Claim }
  | { type: 'detail'; claim: Claim; label: string; description?: string; range?: Range; icon: string };

function verdictLabel(v: Verdict): string {
  switch (v) {
    case 'inconsistent':
      return vscode.l10n.t('Inconsistent');
    case 'unverifiable':
      return vscode.l10n.t('Not checkable');
    default:
      return vscode.l10n.t('Consistent');
  }
}

const KIND_LABEL = (kind: string): string =>
  ({
    rate: vscode.l10n.t('rate'),
    'rate-bound': vscode.l10n.t('rate bound'),
    grim: 'GRIM',
    sum: vscode.l10n.t('total'),
    change: vscode.l10n.t('change'),
    'percent-point': vscode.l10n.t('percentage points'),
    repeat: vscode.l10n.t('repeated figure'),
  })[kind] ?? kind;

const ROLE_LABEL = (role: string): string =>
  ({
    numerator: vscode.l10n.t('numerator'),
    denominator: vscode.l10n.t('denominator'),
    total: vscode.l10n.t('total'),
    part: vscode.l10n.t('part'),
    current: vscode.l10n.t('current'),
    base: vscode.l10n.t('base'),
    change: vscode.l10n.t('change'),
    first: vscode.l10n.t('first mention'),
    second: vscode.l10n.t('repeated'),
    from: vscode.l10n.t('from'),
    to: vscode.l10n.t('to'),
    rate: vscode.l10n.t('rate'),
  })[role] ?? role;

/** The claim's label: its name and the figure as written (both quoted from the document). */
export function claimLabel(c: Claim): string {
  if (c.kind === 'rate' || c.kind === 'rate-bound' || c.kind === 'grim') return `${c.name} ${c.text}`;
  return c.name.includes(c.text) ? c.name : `${c.name} ${c.text}`.trim();
}

export class ClaimsView implements vscode.TreeDataProvider<Node>, vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly previewChanged = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.previewChanged.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly status = vscode.window.createStatusBarItem('reportlint.claims', vscode.StatusBarAlignment.Right, 99);
  private disposables: vscode.Disposable[] = [];
  private stats: StatsAnswer | null = null;
  private docUri: vscode.Uri | null = null;
  private pending: NodeJS.Timeout | null = null;
  private verdicts = new Set<Verdict>(VERDICTS);
  private kinds: Set<string> | null = null;
  /** Markdown of the previews opened, by preview URI. */
  private previews = new Map<string, string>();

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.view = vscode.window.createTreeView(CLAIMS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.status.name = vscode.l10n.t('ReportLint figures');
    this.status.command = CLAIMS_COMMANDS.show;
    this.disposables.push(
      this.view,
      this.status,
      this.changed,
      this.previewChanged,
      vscode.workspace.registerTextDocumentContentProvider(STATS_SCHEME, this),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(300);
      }),
      vscode.commands.registerCommand(CLAIMS_COMMANDS.show, () => this.show()),
      vscode.commands.registerCommand(CLAIMS_COMMANDS.reveal, (uri: string, range: Range) => this.reveal(uri, range)),
      vscode.commands.registerCommand(CLAIMS_COMMANDS.filter, () => this.pickFilter()),
      vscode.commands.registerCommand(CLAIMS_COMMANDS.exportCsv, () => this.exportCsv()),
      vscode.commands.registerCommand(CLAIMS_COMMANDS.showTable, () => this.showTable()),
      vscode.commands.registerCommand(CLAIMS_COMMANDS.refresh, () => this.schedule(0)),
    );
    this.schedule(0);
  }

  /** The report shown: the active editor's, or the last one while another kind of editor is focused. */
  private target(): vscode.Uri | null {
    const editor = vscode.window.activeTextEditor;
    if (editor && LANGUAGES.has(editor.document.languageId) && (editor.document.uri.scheme === 'file' || editor.document.uri.scheme === 'untitled')) return editor.document.uri;
    return this.docUri;
  }

  schedule(ms: number): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = null;
      void this.load();
    }, ms);
  }

  private async load(): Promise<void> {
    const uri = this.target();
    const c = this.client();
    if (!uri || !c || !c.isRunning()) {
      this.stats = null;
      this.render();
      return;
    }
    let answer: StatsAnswer | null = null;
    try {
      const status = await c.sendRequest(REQUESTS.documentStatus, { uri: uri.toString() });
      const result = status?.checked ? await c.sendRequest(REQUESTS.stats, { uri: uri.toString() }) : null;
      // A document over the size limit gets a message instead of claims.
      answer = result && !isTooLarge(result) ? result : null;
    } catch {
      answer = null;
    }
    this.docUri = uri;
    this.stats = answer;
    this.render();
  }

  private render(): void {
    const s = this.stats;
    if (!s) {
      this.view.message = vscode.l10n.t('Open a report to review its figures.');
      this.view.description = undefined;
      this.status.hide();
    } else {
      const { inconsistent, unverifiable, consistent, claims } = s.coverage;
      this.view.description = s.name;
      this.view.message = claims ? this.filterMessage() : vscode.l10n.t('No claims about figures were recognised in {0}.', s.name);
      this.status.text = `$(symbol-number) ${vscode.l10n.t('Figures')} $(error) ${inconsistent} $(question) ${unverifiable}`;
      this.status.accessibilityInformation = { label: `${vscode.l10n.t('ReportLint figures')} ${inconsistent} ${unverifiable} ${consistent}` };
      this.status.tooltip = vscode.l10n.t('{0} claims about figures: {1} inconsistent, {2} not checkable, {3} consistent. Click to review them.', String(claims), String(inconsistent), String(unverifiable), String(consistent));
      if (claims) this.status.show();
      else this.status.hide();
    }
    this.changed.fire(undefined);
  }

  private filterMessage(): string | undefined {
    const off = VERDICTS.filter((v) => !this.verdicts.has(v)).map(verdictLabel);
    if (!off.length && !this.kinds) return undefined;
    return vscode.l10n.t('Filtered: {0}', [...off.map((v) => `−${v}`), ...(this.kinds ? [[...this.kinds].map(KIND_LABEL).join('/')] : [])].join(' '));
  }

  private visible(c: Claim): boolean {
    return this.verdicts.has(c.verdict) && (!this.kinds || this.kinds.has(c.kind));
  }

  getChildren(node?: Node): Node[] {
    const s = this.stats;
    if (!s) return [];
    if (!node) {
      return VERDICTS.filter((v) => this.verdicts.has(v))
        .map((verdict) => ({ type: 'group' as const, verdict, claims: s.claims.filter((c) => c.verdict === verdict && this.visible(c)) }))
        .filter((g) => g.claims.length);
    }
    if (node.type === 'group') return node.claims.map((claim) => ({ type: 'claim' as const, claim }));
    if (node.type === 'claim') {
      const c = node.claim;
      const out: Node[] = [];
      if (c.reason) out.push({ type: 'detail', claim: c, label: vscode.l10n.t('Reason: {0}', c.reason), icon: 'question' });
      if (c.working) out.push({ type: 'detail', claim: c, label: vscode.l10n.t('Working: {0}', c.working), icon: 'symbol-operator' });
      for (const i of c.inputs) {
        if (i.role === 'rate' && c.kind !== 'percent-point') continue;
        out.push({ type: 'detail', claim: c, label: `${ROLE_LABEL(i.role)}：${i.label ? `${i.label} ` : ''}${i.text}`, description: vscode.l10n.t('line {0}', String(i.range.start.line + 1)), range: i.range, icon: 'symbol-number' });
      }
      return out;
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(verdictLabel(node.verdict), node.verdict === 'consistent' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.verdict}`;
      item.description = String(node.claims.length);
      item.iconPath = new vscode.ThemeIcon(node.verdict === 'inconsistent' ? 'error' : node.verdict === 'unverifiable' ? 'question' : 'pass', new vscode.ThemeColor(node.verdict === 'inconsistent' ? 'problemsErrorIcon.foreground' : node.verdict === 'unverifiable' ? 'problemsWarningIcon.foreground' : 'testing.iconPassed'));
      item.contextValue = 'group';
      return item;
    }
    const uri = this.stats?.uri ?? '';
    if (node.type === 'claim') {
      const c = node.claim;
      const item = new vscode.TreeItem(claimLabel(c), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `claim:${c.range.start.line}:${c.range.start.character}:${c.kind}`;
      const line = vscode.l10n.t('line {0}', String(c.range.start.line + 1));
      item.description = `${line} · ${c.verdict === 'unverifiable' && c.reason ? c.reason : c.working}`;
      const tip = new vscode.MarkdownString();
      tip.appendText(`${claimLabel(c)} — ${KIND_LABEL(c.kind)}, ${line}\n\n`);
      if (c.working) tip.appendText(vscode.l10n.t('Working: {0}', c.working) + '\n\n');
      if (c.reason) tip.appendText(vscode.l10n.t('Reason: {0}', c.reason) + '\n\n');
      for (const i of c.inputs) if (i.role !== 'rate') tip.appendText(`${ROLE_LABEL(i.role)}：${i.label ? `${i.label} ` : ''}${i.text}\n\n`);
      item.tooltip = tip;
      item.contextValue = 'claim';
      item.command = { command: CLAIMS_COMMANDS.reveal, title: vscode.l10n.t('Reveal the figure'), arguments: [uri, c.range] };
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.tooltip = node.label;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.range) item.command = { command: CLAIMS_COMMANDS.reveal, title: vscode.l10n.t('Reveal the figure'), arguments: [uri, node.range] };
    return item;
  }

  private async show(): Promise<void> {
    await vscode.commands.executeCommand(`${CLAIMS_VIEW}.focus`);
    this.schedule(0);
  }

  /** Select the figure in its editor (opening it if needed). */
  private async reveal(uri: string, range: Range): Promise<void> {
    const target = vscode.Uri.parse(uri);
    const doc = await vscode.workspace.openTextDocument(target);
    const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, preserveFocus: false, selection: r });
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async pickFilter(): Promise<void> {
    const kinds = [...new Set((this.stats?.claims ?? []).map((c) => c.kind))];
    type Item = vscode.QuickPickItem & { verdict?: Verdict; claimKind?: string };
    const items: Item[] = [{ label: vscode.l10n.t('Verdict'), kind: vscode.QuickPickItemKind.Separator }];
    for (const v of VERDICTS) items.push({ label: verdictLabel(v), verdict: v, picked: this.verdicts.has(v) });
    if (kinds.length) {
      items.push({ label: vscode.l10n.t('Kind'), kind: vscode.QuickPickItemKind.Separator });
      for (const k of kinds) items.push({ label: KIND_LABEL(k), claimKind: k, picked: !this.kinds || this.kinds.has(k) });
    }
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Show these claims') });
    if (!picked) return;
    this.verdicts = new Set(picked.filter((p) => p.verdict).map((p) => p.verdict!));
    const pickedKinds = picked.filter((p) => p.claimKind).map((p) => p.claimKind!);
    this.kinds = pickedKinds.length === kinds.length ? null : new Set(pickedKinds);
    this.render();
  }

  private async exportCsv(): Promise<void> {
    const uri = this.target();
    const c = this.client();
    if (!uri || !c) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a report to review its figures.'));
      return;
    }
    const answer = await c.sendRequest(REQUESTS.statsCsv, { uri: uri.toString() });
    if (!answer) return;
    const base = uri.scheme === 'file' ? uri.with({ path: uri.path.replace(/\.[^./]*$/, '') + '.数据核对.csv' }) : undefined;
    const target = await vscode.window.showSaveDialog({ defaultUri: base, filters: { CSV: ['csv'] }, title: vscode.l10n.t('Export the claims as CSV') });
    if (!target) return;
    // UTF-8 with a byte order mark, so that spreadsheet programs read the Chinese text right.
    await vscode.workspace.fs.writeFile(target, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(answer.csv, 'utf8')]));
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} claims to {1}.', String(this.stats?.claims.length ?? 0), vscode.workspace.asRelativePath(target)));
  }

  /** The Markdown 数据核对表 as a read-only preview (a virtual document; nothing to save). */
  private async showTable(): Promise<void> {
    const uri = this.target();
    const c = this.client();
    if (!uri || !c) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a report to see its statistics summary.'));
      return;
    }
    const result = await c.sendRequest(REQUESTS.stats, { uri: uri.toString() });
    if (!result) {
      void vscode.window.showInformationMessage(vscode.l10n.t('ReportLint is not checking this document.'));
      return;
    }
    if (isTooLarge(result)) {
      void vscode.window.showWarningMessage(result.message);
      return;
    }
    const preview = vscode.Uri.from({ scheme: STATS_SCHEME, path: `/${result.name.replace(/\.[^.]*$/, '')}.数据核对表.md`, query: uri.toString() });
    this.previews.set(preview.toString(), result.markdown);
    this.previewChanged.fire(preview);
    await vscode.commands.executeCommand('markdown.showPreview', preview);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.previews.get(uri.toString()) ?? '';
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
