import type { LocalizedText } from '../core/l10n';

/** User-facing CLI messages. */
export const CLI_MESSAGES = {
  usage: {
    'zh-cn': `用法：
  reportlint check [选项] 路径...      检查报告文件或文件夹（“-”表示标准输入）
  reportlint outline [选项] 路径       输出报告的标题结构
  reportlint stats [选项] 路径...      数据核对表：列出全部数据说法、所用数字、复算结果和结论
  reportlint rules                     列出全部规则
  reportlint export --format docx 文件 [-o 输出]
                                       导出为 Word 文档（GB/T 9704 公文格式）

选项：
  --format text|json|sarif|csv|docx   输出格式（outline 只支持 text|json，stats 支持 text|json|csv，export 为 docx），默认 text
  -o, --output 文件                    export 的输出文件，默认与输入同名、扩展名为 .docx
  --fail-on error|warning|info         达到此级别的问题使退出码为 1，默认 error
  --config 文件                        使用指定的配置文件（不再向上查找）
  --locale zh-cn|en                    消息语言，默认跟随 LANG，否则为简体中文
  --stdin-name 名称                    从标准输入读取时使用的文件名（决定 .md/.txt）
  --follow-symlinks                    遍历文件夹时跟随指向文件夹之外的符号链接
  -h, --help                           显示帮助
  -v, --version                        显示版本

退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法错误或读写失败。`,
    en: `Usage:
  reportlint check [options] PATH...   check report files or folders ("-" reads stdin)
  reportlint outline [options] PATH    print the section tree of a report
  reportlint stats [options] PATH...   statistics summary: every claim about figures, its inputs, the working and the verdict
  reportlint rules                     list every rule
  reportlint export --format docx FILE [-o OUT]
                                       write the report as a Word document (GB/T 9704 layout)

Options:
  --format text|json|sarif|csv|docx   output format (outline: text|json; stats: text|json|csv; export: docx), default text
  -o, --output FILE                    export's output file, default the input's name with .docx
  --fail-on error|warning|info         findings at or above this level exit with 1, default error
  --config FILE                        use this config file (no discovery)
  --locale zh-cn|en                    message language, default from LANG, else Simplified Chinese
  --stdin-name NAME                    file name to assume for stdin (.md or .txt)
  --follow-symlinks                    follow symbolic links leading outside the folders walked
  -h, --help                           show this help
  -v, --version                        show the version

Exit codes: 0 nothing at the --fail-on level; 1 findings at that level; 2 usage or I/O failure.`,
  },
  unknownCommand: { 'zh-cn': '未知命令：{cmd}', en: 'unknown command: {cmd}' },
  unknownOption: { 'zh-cn': '未知选项：{opt}', en: 'unknown option: {opt}' },
  missingValue: { 'zh-cn': '选项 {opt} 需要一个值', en: 'option {opt} needs a value' },
  badValue: { 'zh-cn': '选项 {opt} 的值无效：{value}（可选：{allowed}）', en: 'invalid value for {opt}: {value} (allowed: {allowed})' },
  noPaths: { 'zh-cn': '请指定要检查的文件或文件夹', en: 'no file or folder given' },
  onePath: { 'zh-cn': 'outline 只接受一个路径', en: 'outline takes exactly one path' },
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
  configError: { 'zh-cn': '{file}：配置有误，已忽略该项：{message}', en: '{file}: config problem, ignored: {message}' },
  summary: {
    'zh-cn': '检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 个提示',
    en: 'Checked {files} file(s): {errors} error(s), {warnings} warning(s), {infos} info',
  },
  notReport: {
    'zh-cn': '{path}：看起来不是报告，只检查了通用规则',
    en: '{path}: does not look like a report; only general rules were run',
  },
} satisfies Record<string, LocalizedText>;
