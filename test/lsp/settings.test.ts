import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { getProfile } from '../../server/src/core/profiles';
import { readFixture, REPO_ROOT } from '../helpers';
import { startServer } from './harness';
import { AutoLanguagePolicy } from '../../client/src/auto-language-policy';
import { NoisePolicy } from '../../client/src/noise-policy';

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-lsp-'));
}

/** Open `text` in a fresh server with the given settings; return the published diagnostics. */
async function diagnosticsWith(settings: Record<string, unknown>, text: string, file?: string): Promise<Diagnostic[]> {
  const server = await startServer({ settings });
  try {
    const uri = file ? pathToFileURL(file).href : 'file:///virtual/settings-walk.txt';
    server.open(uri, text);
    return (await server.diagnostics(uri)).diagnostics;
  } finally {
    await server.stop();
  }
}

const codes = (d: Diagnostic[]) => d.map((x) => String(x.code)).sort();

/** Open a clean text, change it to one with a numbering gap, and report what is published for version 2. */
async function afterChange(settings: Record<string, unknown>): Promise<string[]> {
  const server = await startServer({ settings });
  try {
    const uri = 'file:///virtual/settings-run.txt';
    const opening = '2024年,某局坚持依法行政。现将有关情况报告如下:\n';
    server.open(uri, opening + '一、甲\n二、乙\n');
    await server.diagnostics(uri, 1);
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: opening + '一、甲\n三、丙\n' }] });
    try {
      return codes((await server.diagnostics(uri, 2, 1500)).diagnostics);
    } catch {
      return ['(nothing published before the file is saved)'];
    }
  } finally {
    await server.stop();
  }
}

async function lensCount(settings: Record<string, unknown>): Promise<string[]> {
  const server = await startServer({ settings });
  try {
    const uri = 'file:///virtual/settings-lens.txt';
    server.open(uri, readFixture('figures/stats.txt'));
    await server.diagnostics(uri);
    const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as unknown[];
    return lenses.map(() => 'lens');
  } finally {
    await server.stop();
  }
}

/**
 * reportlint.typingPause is read by the client alone (client/src/noise.ts): it decides, through the
 * VS Code-free NoisePolicy, whether the findings on the line being edited are held back.
 */
async function heldOnEditedLine(typingPause: number): Promise<string[]> {
  const policy = new NoisePolicy();
  policy.change('doc', [{ startLine: 3, text: '丙' }], 1000);
  const shown = policy.filter('doc', [{ startLine: 3, endLine: 3, code: 'numbering-gap' }], 1200, 3, typingPause);
  return shown.map((d) => d.code);
}
const CLIENT_SIDE: Record<string, string> = {};

/**
 * reportlint.autoLanguage is read by the client (client/src/auto-language.ts): a document the
 * server judges a report (reportlint/looksLikeReport) is switched when the policy allows it.
 */
async function switchedToReportLanguage(autoLanguage: boolean): Promise<string[]> {
  const server = await startServer({});
  try {
    const uri = 'file:///virtual/%E5%B9%B4%E5%BA%A6%E6%80%BB%E7%BB%93.txt';
    const report = await server.connection.sendRequest('reportlint/looksLikeReport', { uri, text: readFixture('rules/missing-part/missing-shortcomings.txt'), languageId: 'plaintext' });
    const notReport = await server.connection.sendRequest('reportlint/looksLikeReport', { uri, text: '# 会议纪要\n\n今天讨论了三件事。\n', languageId: 'plaintext' });
    assert.equal(notReport, false);
    return report === true && new AutoLanguagePolicy().candidate(uri, 'file', 'plaintext', autoLanguage) ? ['switch'] : [];
  } finally {
    await server.stop();
  }
}

/**
 * Every key in package.json's contributes.configuration must change what the server does:
 * one scenario per key compares the diagnostics under the default and under another value.
 */
const SCENARIOS: Record<string, () => Promise<{ base: string[]; changed: string[]; expectInChangedOnly?: string; expectInBaseOnly?: string }>> = {
  'reportlint.enable': async () => {
    const text = readFixture('rules/missing-part/missing-shortcomings.txt');
    return { base: codes(await diagnosticsWith({}, text)), changed: codes(await diagnosticsWith({ enable: 'never' }, text)), expectInBaseOnly: 'missing-part' };
  },
  'reportlint.rules': async () => {
    const text = readFixture('rules/missing-part/missing-shortcomings.txt');
    return { base: codes(await diagnosticsWith({}, text)), changed: codes(await diagnosticsWith({ rules: { 'missing-part': 'off' } }, text)), expectInBaseOnly: 'missing-part' };
  },
  'reportlint.maxFileSize': async () => {
    const text = readFixture('rules/missing-part/missing-shortcomings.txt').repeat(8);
    return { base: codes(await diagnosticsWith({}, text)), changed: codes(await diagnosticsWith({ maxFileSize: 1024 }, text)), expectInChangedOnly: 'document-too-large' };
  },
  'reportlint.profile': async () => {
    const text = readFixture('rules/missing-part/missing-shortcomings.txt');
    return { base: codes(await diagnosticsWith({}, text)), changed: codes(await diagnosticsWith({ profile: 'none' }, text)), expectInBaseOnly: 'missing-part' };
  },
  'reportlint.run': async () => ({ base: await afterChange({}), changed: await afterChange({ run: 'onSave' }), expectInBaseOnly: 'numbering-gap' }),
  'reportlint.codeLens': async () => ({ base: await lensCount({}), changed: await lensCount({ codeLens: 'none' }), expectInBaseOnly: 'lens' }),
  'reportlint.autoLanguage': async () => ({ base: await switchedToReportLanguage(true), changed: await switchedToReportLanguage(false), expectInBaseOnly: 'switch' }),
  'reportlint.typingPause': async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const def = pkg.contributes.configuration.properties['reportlint.typingPause'].default as number;
    return { base: await heldOnEditedLine(def), changed: await heldOnEditedLine(0), expectInChangedOnly: 'numbering-gap' };
  },
  'reportlint.ignoreFile': async () => {
    const dir = tmpdir();
    const file = path.join(dir, 'report.txt');
    const text = readFixture('rules/missing-part/missing-shortcomings.txt');
    fs.writeFileSync(file, text);
    fs.writeFileSync(path.join(dir, '.reportlint-ignore.json'), JSON.stringify({ version: 1, ignores: [{ rule: 'missing-part', file: 'report.txt' }] }));
    return { base: codes(await diagnosticsWith({}, text, file)), changed: codes(await diagnosticsWith({ ignoreFile: false }, text, file)), expectInChangedOnly: 'missing-part' };
  },
};

describe('settings: every contributed configuration key changes behaviour', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const keys = Object.keys(pkg.contributes.configuration.properties as Record<string, unknown>);

  it('every key has a scenario (add one when you add a setting)', () => {
    assert.deepEqual(keys.filter((k) => !SCENARIOS[k] && !CLIENT_SIDE[k]), []);
    assert.deepEqual([...Object.keys(SCENARIOS), ...Object.keys(CLIENT_SIDE)].filter((k) => !keys.includes(k)), [], 'scenario for a setting that no longer exists');
  });

  for (const key of keys) {
    it(key, { skip: SCENARIOS[key] ? false : CLIENT_SIDE[key] ? `client-side setting: ${CLIENT_SIDE[key]}` : 'no scenario (see the test above)' }, async () => {
      const r = await SCENARIOS[key]();
      assert.notDeepEqual(r.base, r.changed);
      if (r.expectInBaseOnly) assert.ok(r.base.includes(r.expectInBaseOnly) && !r.changed.includes(r.expectInBaseOnly), JSON.stringify(r));
      if (r.expectInChangedOnly) assert.ok(r.changed.includes(r.expectInChangedOnly) && !r.base.includes(r.expectInChangedOnly), JSON.stringify(r));
    });
  }

  it('package.json ships both schemas and validates .reportlintrc.json with one of them', () => {
    const jv = pkg.contributes.jsonValidation as { fileMatch: string[]; url: string }[];
    const rc = jv.find((j) => j.fileMatch.includes('.reportlintrc.json'));
    assert.ok(rc && fs.existsSync(path.join(REPO_ROOT, rc.url)));
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, rc.url), 'utf8'));
    // The schema and the parser agree on the keys.
    assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'maxFileSize', 'profile', 'profiles', 'root', 'rules']);
    assert.ok(jv.some((j) => fs.existsSync(path.join(REPO_ROOT, j.url)) && j.url.endsWith('profile.schema.json')));
  });
});

describe('language server: config files, suppression actions, workspace trust', () => {
  it('publishes diagnostics inside a broken .reportlintrc.json', async () => {
    const dir = tmpdir();
    const rcPath = path.join(dir, '.reportlintrc.json');
    const rc = '{\n  "rules": { "missing-part": "loud" },\n  "profile": "nope"\n}\n';
    fs.writeFileSync(rcPath, rc);
    const server = await startServer();
    try {
      const uri = pathToFileURL(rcPath).href;
      server.open(uri, rc, 'json');
      const d = (await server.diagnostics(uri)).diagnostics;
      assert.deepEqual(d.map((x) => [x.code, x.range.start.line]), [['config', 1], ['config', 2]]);
      assert.match(String(d[0].message), /severity must be one of/);
      assert.match(String(d[1].message), /unknown profile "nope"/);
      // The report next to it is still checked, with the defaults for the broken parts.
      const report = pathToFileURL(path.join(dir, 'r.txt')).href;
      server.open(report, readFixture('rules/missing-part/missing-shortcomings.txt'));
      assert.ok((await server.diagnostics(report)).diagnostics.some((x) => x.code === 'missing-part' && x.severity === 1));
    } finally {
      await server.stop();
    }
  });

  it('"ignore this occurrence" writes the sidecar and the finding disappears; "off for the workspace" writes the config', async () => {
    const dir = tmpdir();
    const file = path.join(dir, 'sub', 'report.txt');
    fs.mkdirSync(path.dirname(file));
    const text = readFixture('rules/missing-causes/no-causes.txt');
    fs.writeFileSync(file, text);
    const server = await startServer({ rootUri: pathToFileURL(dir).href });
    try {
      const uri = pathToFileURL(file).href;
      server.open(uri, text);
      const d1 = (await server.diagnostics(uri)).diagnostics;
      const target = d1.find((x) => x.code === 'missing-causes')!;
      assert.ok(target);
      const actions = await server.codeActions(uri, target.range, { diagnostics: [target] });
      const titles = actions.map((a) => a.title);
      assert.ok(titles.some((t) => /忽略此处/.test(t)) && titles.some((t) => /在此文件中关闭/.test(t)) && titles.some((t) => /整个工作区/.test(t)), titles.join('\n'));
      const ignore = actions.find((a) => a.command?.command === 'reportlint.ignoreOccurrence')!;
      await server.connection.sendRequest('workspace/executeCommand', { command: ignore.command!.command, arguments: ignore.command!.arguments });
      const sidecar = JSON.parse(fs.readFileSync(path.join(dir, 'sub', '.reportlint-ignore.json'), 'utf8'));
      assert.deepEqual(sidecar.ignores.map((e: { rule: string; file: string; text: string }) => [e.rule, e.file, e.text]), [['missing-causes', 'report.txt', '存在的不足和原因']]);
      const d2 = (await server.diagnostics(uri)).diagnostics;
      assert.ok(!d2.some((x) => x.code === 'missing-causes'));
      assert.equal(d2.length, d1.length - 1);

      const other = d2[0];
      const actions2 = await server.codeActions(uri, other.range, { diagnostics: [other] });
      const off = actions2.find((a) => a.command?.command === 'reportlint.disableRuleForWorkspace')!;
      await server.connection.sendRequest('workspace/executeCommand', { command: off.command!.command, arguments: off.command!.arguments });
      const rc = JSON.parse(fs.readFileSync(path.join(dir, '.reportlintrc.json'), 'utf8'));
      assert.deepEqual(rc, { rules: { [String(other.code)]: 'off' } });
      const d3 = (await server.diagnostics(uri)).diagnostics;
      assert.ok(!d3.some((x) => x.code === other.code));
    } finally {
      await server.stop();
    }
  });

  it('custom profiles load only in a trusted workspace, and trust can be granted later', async () => {
    const dir = tmpdir();
    const p = JSON.parse(JSON.stringify(getProfile('fazhi-zhengfu-annual')));
    p.id = 'custom-annual';
    p.detect.titlePhrases = ['自定义年报'];
    p.parts.push({ id: 'extra', name: { 'zh-cn': '附加部分', en: 'extra part' }, item: { 'zh-cn': '附加部分', en: 'extra part' }, required: true, order: 5, headingPhrases: ['附加部分'], skeleton: { title: '附加部分', body: '' } });
    fs.writeFileSync(path.join(dir, 'custom.reportlint-profile.json'), JSON.stringify(p));
    fs.writeFileSync(path.join(dir, '.reportlintrc.json'), '{"profiles": ["custom.reportlint-profile.json"]}');
    const file = path.join(dir, 'r.txt');
    const text = '某县关于2024年度自定义年报情况的报告\n' + readFixture('rules/missing-part/complete.txt').split('\n').slice(1).join('\n');
    fs.writeFileSync(file, text);
    const server = await startServer({ initializationOptions: { isTrusted: false } });
    try {
      const uri = pathToFileURL(file).href;
      server.open(uri, text);
      const parts = (d: Diagnostic[]) => d.filter((x) => x.code === 'missing-part').length;
      assert.equal(parts((await server.diagnostics(uri)).diagnostics), 0);
      void server.connection.sendNotification('reportlint/didChangeTrust', { isTrusted: true });
      const after = (await server.diagnostics(uri)).diagnostics;
      assert.equal(parts(after), 1);
      assert.match(String(after.find((x) => x.code === 'missing-part')!.message), /附加部分/);
    } finally {
      await server.stop();
    }
  });
});
