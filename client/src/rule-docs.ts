/**
 * Every finding links to its rule's page (Diagnostic.codeDescription = reportlint-rule:/<id>.md).
 * The page is rendered by the server from the rule's metadata, so it works offline, and opens
 * inside VS Code as a read-only document; the Markdown preview is shown beside it when possible.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REQUESTS } from './requests';

export const RULE_DOC_SCHEME = 'reportlint-rule';

export function registerRuleDocs(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      const id = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
      const c = client();
      const md = c && c.isRunning() ? await c.sendRequest(REQUESTS.ruleDoc, { id }) : null;
      return md ?? vscode.l10n.t('No ReportLint rule is called "{0}".', id);
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, provider),
    vscode.commands.registerCommand('reportlint.showRuleDoc', async (id: string) => {
      const uri = vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${id}.md` });
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    }),
  );
}
