/**
 * A workload for `node --cpu-prof`: the benchmark spawns this file under the profiler when a
 * target is missed and reports the top frames of the resulting profile.
 *
 * Usage: node --cpu-prof out/bench/profile-target.js full|edit|outline BYTES ITERATIONS [real|generated]
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../server/src/core/analysis';
import { checkDocument } from '../server/src/core/check';
import { defaultConfig, mergeConfig } from '../server/src/core/config/config';
import { ReportDocument } from '../server/src/core/document/document';
import { buildOutline } from '../server/src/core/outline/outline';
import { DocumentSession } from '../server/src/lsp/pipeline';
import { REPO_ROOT } from '../test/helpers';
import { generateInput, loadCorpus } from './generate';
import { middleEdit, middlePosition } from './workloads';
import { realInput, realReports } from './real';

const [kind, bytesArg, itersArg, source] = process.argv.slice(2);
const bytes = Number(bytesArg);
const iterations = Number(itersArg) || 20;
const reports = source === 'real' ? realReports(REPO_ROOT) : null;
const text = reports ? realInput(reports, bytes) : generateInput(loadCorpus(REPO_ROOT), 7, bytes);
const config = mergeConfig(defaultConfig(), { maxFileSize: 256 * 1024 * 1024 });
const uri = 'file:///bench/report.txt';

if (kind === 'full') {
  for (let i = 0; i < iterations; i++) checkDocument(Analysis.fromText(text, { uri }), { config, forceReport: true });
} else if (kind === 'outline') {
  for (let i = 0; i < iterations; i++) buildOutline(new ReportDocument(text, { uri }));
} else if (kind === 'edit') {
  const session = new DocumentSession(uri, 'text');
  let doc = TextDocument.create(uri, 'plaintext', 1, text);
  session.check(session.analysis(doc.getText(), doc.version), { config, forceReport: true });
  const pos = middlePosition(text);
  for (let i = 0; i < iterations; i++) {
    const change = middleEdit(pos, i);
    doc = TextDocument.update(doc, [change], doc.version + 1);
    session.check(session.analysis(doc.getText(), doc.version), { config, forceReport: true });
  }
} else {
  process.stderr.write(`unknown workload ${kind}\n`);
  process.exit(2);
}
