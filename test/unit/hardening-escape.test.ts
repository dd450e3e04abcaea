/**
 * Issue 20 point 9: file names in the CLI's text output are escaped (a newline cannot split a
 * finding over two lines, an escape sequence cannot reach the terminal); JSON is unaffected.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { runCliEnglish } from '../helpers';
import { escapeForTerminal } from '../../server/src/cli/escape';
import { outputPart } from '../../server/src/cli/format';


/** `check` with --force: auto mode skips texts that do not look like reports, and these tests use short texts. */
const cli = (args: string[], cwd: string) => runCliEnglish(args, cwd, { force: true });

describe('hardening: escaped file names in text output (#20.9)', () => {
  it('escapes control characters, C1 controls and bidi overrides; leaves other text alone', () => {
    assert.equal(escapeForTerminal('a\nb\x1b[31mc\td\r\x7f\u0085\u202e报告.txt'), 'a\\nb\\x1b[31mc\\td\\r\\x7f\\x85\\u202e报告.txt');
    assert.equal(escapeForTerminal('关于2024年度的报告.txt'), '关于2024年度的报告.txt');
  });

  it('a newline and an escape sequence in a file name: one line per finding in text, the raw name in JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-esc-'));
    const name = 'evil\n\x1b[2Jname.txt';
    fs.writeFileSync(path.join(dir, name), '一、甲\n三、丙\n');
    const text = cli(['check', '--force', '.'], dir);
    assert.equal(text.code, 1, text.stderr);
    const lines = text.stdout.trim().split('\n');
    assert.equal(lines.length, 1, text.stdout);
    assert.ok(lines[0].startsWith('evil\\n\\x1b[2Jname.txt:2:1 '), lines[0]);
    assert.ok(!text.stdout.includes('\x1b') && !text.stderr.includes('\x1b'));
    const json = cli(['check', '--force', '--format', 'json', '.'], dir);
    assert.equal(JSON.parse(json.stdout).files[0].path, name);
    // Messages on stderr name the file escaped too.
    fs.writeFileSync(path.join(dir, 'bin\x1b]0;x\x07.txt'), Buffer.alloc(300, 0));
    const err = cli(['check', '--force', '.'], dir);
    assert.match(err.stderr, /bin\\x1b\]0;x\\x07\.txt: looks like a binary file/);
  });

  it('a message that quotes the document (mojibake holds C1 controls such as \\x9b, a terminal\'s CSI) is escaped in text, kept raw in JSON', () => {
    const message = '疑似乱码：“\u00e5\u009b[2J\u001b]0;x\u0007”';
    const r = {
      path: 'a.txt',
      findings: [{ ruleId: 'encoding-damage', severity: 'warning' as const, message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
      counts: { error: 0, warning: 1, info: 0, hint: 0 },
    };
    const text = outputPart('text', r, 'zh-cn');
    assert.ok(!/[\u0000-\u001f\u007f-\u009f]/.test(text), text);
    assert.ok(text.endsWith('疑似乱码：“\u00e5\\x9b[2J\\x1b]0;x\\x07”'), text);
    assert.equal(JSON.parse(`{"files":[${outputPart('json', r, 'zh-cn')}]}`).files[0].diagnostics[0].message, message);
  });
});
