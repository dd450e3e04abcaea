import type { LocalizedText } from '../core/l10n';

/** User-facing CLI messages. */
export const CLI_MESSAGES = {
  usage: {
    'zh-cn': `用法：
  reportlint check [选项] 路径...      检查报告文件或文件夹（“-”表示标准输入）
      -f, --format text|json|sarif     输出格式，默认 text
      --fail-on error|warning|info|hint  达到此级别的问题使退出码为 1，默认 error
      --config 文件                    使用指定的配置文件（不再向上查找）
      --force                          检查所有给出或找到的文件，而不只是看起来像报告的文件
      -s, --summary                    每个文件先列出各规则的问题数，超过 --max-per-rule 条的规则只计数
      --no-summary                     逐条列出全部问题（默认：某条规则在一个文件中超过 20 条时自动汇总）
      --max-per-rule N                 汇总阈值，默认 20
      --stdin-name 名称                从标准输入读取时使用的文件名（决定 .md/.txt）
  reportlint outline [选项] 路径...    输出报告的标题结构（方括号中为行号）
      -f, --format text|json           输出格式，默认 text
      --stdin-name 名称
  reportlint stats [选项] 路径...      数据核对表：列出全部数据说法、所用数字、复算结果和结论
      -f, --format text|json|csv       输出格式，默认 text；csv 以 UTF-8 BOM 开头
      --no-bom                         csv 不写 BOM
      --stdin-name 名称
  reportlint fix [选项] 路径...        就地应用安全的自动修复（拼音残留、全角标点）
      --rules 规则1,规则2              只应用这些规则的修复
      -n, --dry-run                    不写文件，输出统一格式的差异（diff）
      --config 文件
      --force                          也修复看起来不像报告的文件
  reportlint rules                     列出全部规则
  reportlint export [选项] 文件        导出为 Word 文档（GB/T 9704 公文格式）；文件可以是 .txt、.md 或 .docx
      -f, --format docx                输出格式，目前只有 docx（默认）
      -o, --output 文件                输出文件，默认与输入同名、扩展名为 .docx

通用选项：
  --locale zh-cn|en                    消息语言，默认跟随 LANG，否则为简体中文
  --follow-symlinks                    遍历文件夹时跟随指向文件夹之外的符号链接（rules 以外的命令）
  -h, --help                           显示帮助
  -v, --version                        显示版本
  --                                   其后的参数都是路径

退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法错误或读写失败。`,
    en: `Usage:
  reportlint check [options] PATH...   check report files or folders ("-" reads stdin)
      -f, --format text|json|sarif     output format, default text
      --fail-on error|warning|info|hint  findings at or above this level exit with 1, default error
      --config FILE                    use this config file (no discovery)
      --force                          check every file given or found, not only those that look like reports
      -s, --summary                    per file, counts by rule first; rules over --max-per-rule are only counted
      --no-summary                     every finding in full (default: summary when a rule has more than 20 in a file)
      --max-per-rule N                 the summary threshold, default 20
      --stdin-name NAME                file name to assume for stdin (.md or .txt)
  reportlint outline [options] PATH... print the section tree of reports (line numbers in brackets)
      -f, --format text|json           output format, default text
      --stdin-name NAME
  reportlint stats [options] PATH...   statistics summary: every claim about figures, its inputs, the working and the verdict
      -f, --format text|json|csv       output format, default text; csv starts with a UTF-8 BOM
      --no-bom                         no BOM in csv
      --stdin-name NAME
  reportlint fix [options] PATH...     apply the safe fixes in place (pinyin residue, full-width punctuation)
      --rules RULE1,RULE2              only these rules' fixes
      -n, --dry-run                    write nothing; print a unified diff
      --config FILE
      --force                          fix files that do not look like reports too
  reportlint rules                     list every rule
  reportlint export [options] FILE     write the report as a Word document (GB/T 9704 layout); FILE is .txt, .md or .docx
      -f, --format docx                output format, only docx so far (the default)
      -o, --output FILE                output file, default the input's name with .docx

Common options:
  --locale zh-cn|en                    message language, default from LANG, else Simplified Chinese
  --follow-symlinks                    follow symbolic links leading outside the folders walked (all but rules)
  -h, --help                           show this help
  -v, --version                        show the version
  --                                   every later argument is a path

Exit codes: 0 nothing at the --fail-on level; 1 findings at that level; 2 usage or I/O failure.`,
  },
  seeHelp: { 'zh-cn': '（用法见 `reportlint --help`）', en: ' (see `reportlint --help`)' },
  noCommand: { 'zh-cn': '缺少命令（check、outline、stats、fix 或 rules）', en: 'no command given (check, outline, stats, fix or rules)' },
  noValueAllowed: { 'zh-cn': '选项 {opt} 不接受值', en: 'option {opt} takes no value' },
  optionNotFor: { 'zh-cn': '选项 {opt} 不适用于 {cmd} 命令', en: 'option {opt} does not apply to the {cmd} command' },
  badNumber: { 'zh-cn': '选项 {opt} 需要一个非负整数，实为：{value}', en: 'option {opt} needs a whole number, not {value}' },
  conflicting: { 'zh-cn': '选项 {a} 与 {b} 不能同时使用', en: 'options {a} and {b} cannot be used together' },
  unexpectedArgument: { 'zh-cn': '多余的参数：{arg}', en: 'unexpected argument: {arg}' },
  fixNoStdin: { 'zh-cn': 'fix 就地修改文件，不能读取标准输入（“-”）', en: 'fix changes files in place and cannot read stdin ("-")' },
  writeFailed: { 'zh-cn': '无法写出结果：{error}', en: 'cannot write the output: {error}' },
  skippedNotReport: {
    'zh-cn': '{path}：看起来不是报告，未检查（--force 可强制检查）',
    en: '{path}: does not look like a report; not checked (--force checks it)',
  },
  outlineLegend: { 'zh-cn': '（方括号中的数字为标题所在行号）', en: '(the number in brackets is the line of the heading)' },
  summaryHeader: { 'zh-cn': '{path}：{total} 个问题，按规则：{counts}', en: '{path}: {total} finding(s), by rule: {counts}' },
  summaryOmitted: {
    'zh-cn': '{path}：{rule} 的 {count} 个问题未逐条列出（--no-summary 或 --max-per-rule 可列出全部）',
    en: '{path}: the {count} {rule} findings are not listed one by one (--no-summary or --max-per-rule lists them)',
  },
  fixApplied: { 'zh-cn': '{path}：已修复 {count} 处', en: '{path}: {count} fix(es) applied' },
  fixNone: { 'zh-cn': '没有可自动修复的内容', en: 'nothing to fix' },
  fixSummary: { 'zh-cn': '修复了 {files} 个文件中的 {count} 处', en: '{count} fix(es) in {files} file(s)' },
  fixWouldApply: { 'zh-cn': '{path}：可修复 {count} 处（--dry-run，未写入）', en: '{path}: {count} fix(es) (--dry-run, nothing written)' },
  fixWriteFailed: { 'zh-cn': '{path}：无法写入（{error}），文件未改动', en: '{path}: cannot write ({error}); the file is unchanged' },
  unknownRules: { 'zh-cn': '--rules 中有未知或没有安全修复的规则：{ids}（可用：{allowed}）', en: '--rules names unknown rules or rules without a safe fix: {ids} (available: {allowed})' },
  unknownCommand: { 'zh-cn': '未知命令：{cmd}', en: 'unknown command: {cmd}' },
  fixNoDocx: { 'zh-cn': '{path}：Word 文档不能就地修复，已跳过（请在 Word 中修改）', en: '{path}: a Word document is not fixed in place; skipped (fix it in Word)' },
  exportOnePath: { 'zh-cn': 'export 只接受一个报告文件（不能是标准输入）', en: 'export takes exactly one report file (not stdin)' },
  unknownOption: { 'zh-cn': '未知选项：{opt}', en: 'unknown option: {opt}' },
  missingValue: { 'zh-cn': '选项 {opt} 需要一个值', en: 'option {opt} needs a value' },
  badValue: { 'zh-cn': '选项 {opt} 的值无效：{value}（可选：{allowed}）', en: 'invalid value for {opt}: {value} (allowed: {allowed})' },
  noPaths: { 'zh-cn': '请指定要检查的文件或文件夹', en: 'no file or folder given' },
  notFound: { 'zh-cn': '{path}：文件或文件夹不存在', en: '{path}: no such file or folder' },
  permission: { 'zh-cn': '{path}：没有读取权限', en: '{path}: permission denied' },
  loop: { 'zh-cn': '{path}：符号链接形成循环，已跳过', en: '{path}: symbolic link loop, skipped' },
  unreadableDir: { 'zh-cn': '{path}：无法读取（{error}）', en: '{path}: cannot be read ({error})' },
  notRegular: { 'zh-cn': '{path}：不是普通文件（管道、套接字或设备），已跳过', en: '{path}: not a regular file (pipe, socket or device), skipped' },
  emptyFolder: { 'zh-cn': '{path}：文件夹中没有 .txt、.md 或 .docx 文件', en: '{path}: the folder holds no .txt, .md or .docx files' },
  outsideRoot: {
    'zh-cn': '{path}：符号链接指向所查文件夹之外（{target}），已跳过（需要时使用 --follow-symlinks）',
    en: '{path}: symbolic link leading outside the folder ({target}), skipped (use --follow-symlinks to follow it)',
  },
  brokenLink: { 'zh-cn': '{path}：符号链接指向的文件不存在', en: '{path}: broken symbolic link (its target does not exist)' },
  tooLarge: { 'zh-cn': '{path}：文件超过 {size} 字节，未读取', en: '{path}: larger than {size} bytes, not read' },
  stdinTooLarge: { 'zh-cn': '标准输入超过 {size} 字节（与文件相同的上限），未读取', en: 'standard input: larger than {size} bytes (the same limit as a file), not read' },
  unreadable: { 'zh-cn': '{path}：无法读取文件（{error}）', en: '{path}: cannot read the file ({error})' },
  binary: { 'zh-cn': '{path}：看起来是二进制文件，已跳过', en: '{path}: looks like a binary file, skipped' },
  badEncoding: {
    'zh-cn': '{path}：既不是有效的 UTF-8，也无法按 GBK/GB18030 解码，已跳过。请将文件另存为 UTF-8。',
    en: '{path}: neither valid UTF-8 nor decodable as GBK/GB18030; skipped. Save the file as UTF-8.',
  },
  decodedGbk: {
    'zh-cn': '{path}：文件不是 UTF-8，已按 GBK/GB18030 解码检查（建议另存为 UTF-8）',
    en: '{path}: not UTF-8; decoded as GBK/GB18030 (consider saving it as UTF-8)',
  },
  legacyEncoding: {
    'zh-cn': '{path}：文件看起来是 {encoding} 编码，不是中文报告使用的编码，已跳过。请确认文件内容，并另存为 UTF-8。',
    en: '{path}: the file looks like {encoding}, not an encoding Chinese reports use; skipped. Check the file and save it as UTF-8.',
  },
  decodedBig5: {
    'zh-cn': '{path}：文件不是 UTF-8，已按 Big5（繁体中文）解码检查（建议另存为 UTF-8）',
    en: '{path}: not UTF-8; decoded as Big5 (traditional Chinese) (consider saving it as UTF-8)',
  },
  decodedUtf16: {
    'zh-cn': '{path}：文件是没有字节序标记的 {encoding}，已按此解码检查（建议另存为 UTF-8）',
    en: '{path}: {encoding} without a byte-order mark; decoded as such (consider saving it as UTF-8)',
  },
  nothingChecked: { 'zh-cn': '没有检查任何文件（所有输入都被跳过）', en: 'no file was checked (every input was skipped)' },
  configError: { 'zh-cn': '{file}：配置有误，已忽略该项：{message}', en: '{file}: config problem, ignored: {message}' },
  summary: {
    'zh-cn': '检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 个提示',
    en: 'Checked {files} file(s): {errors} error(s), {warnings} warning(s), {infos} info',
  },
  outlineTable: { 'zh-cn': '[表] {name}  [{line}]', en: '[table] {name}  [{line}]' },
  outlineProfile: { 'zh-cn': '报告类型：{name}（{id}）', en: 'Report kind: {name} ({id})' },
  notReport: {
    'zh-cn': '{path}：看起来不是报告，标题结构可能不完整',
    en: '{path}: does not look like a report; the outline may be incomplete',
  },
} satisfies Record<string, LocalizedText>;
