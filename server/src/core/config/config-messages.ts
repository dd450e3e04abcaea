/**
 * The texts of configuration problems, in both locales: a problem found while reading
 * `.reportlintrc.json` or a custom profile is shown in the user's language by the CLI and the
 * editor (ConfigError.localized), with the English text as ConfigError.message.
 */
import { localize, type LocalizedText } from '../l10n';

export const CONFIG_MESSAGES = {
  json: { 'zh-cn': 'JSON 格式错误：{problem}', en: 'JSON: {problem}' },
  notObject: { 'zh-cn': '配置必须是一个 JSON 对象', en: 'config must be a JSON object' },
  keyNotAllowed: { 'zh-cn': '不允许使用键“{key}”', en: 'key "{key}" is not allowed' },
  profile: { 'zh-cn': '“profile”必须是非空字符串', en: '"profile" must be a non-empty string' },
  profiles: { 'zh-cn': '“profiles”必须是最多 20 个文件路径组成的数组', en: '"profiles" must be an array of at most 20 file paths' },
  root: { 'zh-cn': '“root”必须是 true 或 false', en: '"root" must be true or false' },
  maxFileSize: { 'zh-cn': '“maxFileSize”必须是正数', en: '"maxFileSize" must be a positive number' },
  ruleKeyNotAllowed: { 'zh-cn': '规则“{rule}”：不允许使用此键', en: 'rule "{rule}": key not allowed' },
  unknownRule: { 'zh-cn': '未知规则“{rule}”', en: 'unknown rule "{rule}"' },
  unknownRuleNear: { 'zh-cn': '未知规则“{rule}”（是否要写“{near}”？）', en: 'unknown rule "{rule}" (did you mean "{near}"?)' },
  severity: {
    'zh-cn': '规则“{rule}”：级别必须是 error、warning、info、hint 或 off 之一',
    en: 'rule "{rule}": severity must be one of error, warning, info, hint, off',
  },
  rules: { 'zh-cn': '“rules”必须是“规则 id → 级别”形式的对象', en: '"rules" must be an object of rule id → severity' },
  unknownKey: { 'zh-cn': '未知的键“{key}”', en: 'unknown key "{key}"' },
  more: { 'zh-cn': '……此文件中另有 {count} 个问题', en: '… and {count} more problems in this file' },
  profileUnreadable: { 'zh-cn': '无法读取报告类型配置“{rel}”：{problem}', en: 'cannot read profile "{rel}": {problem}' },
  profileJson: { 'zh-cn': '报告类型配置“{rel}”：{problem}（位置 {offset}）', en: 'profile "{rel}": {problem} at offset {offset}' },
  profileKey: { 'zh-cn': '报告类型配置“{rel}”无效：不允许使用键“{key}”', en: 'profile "{rel}" is invalid: key "{key}" is not allowed' },
  profileInvalid: { 'zh-cn': '报告类型配置“{rel}”不符合格式要求：{problems}', en: 'profile "{rel}" is invalid: {problems}' },
  profileTaken: { 'zh-cn': '报告类型配置“{rel}”：id“{id}”已被占用', en: 'profile "{rel}": id "{id}" is already taken' },
  configUnreadable: { 'zh-cn': '无法读取配置文件', en: 'cannot read config file' },
  configUnreadableWhy: { 'zh-cn': '无法读取配置文件（{problem}）', en: 'cannot read config file ({problem})' },
  untrusted: { 'zh-cn': '工作区未受信任，未加载自定义报告类型', en: 'custom profiles are not loaded in an untrusted workspace' },
  unknownProfileAuto: { 'zh-cn': '未知的报告类型“{profile}”，改用自动识别（auto）', en: 'unknown profile "{profile}"; detection (auto) is used instead' },
  ignoreShape: { 'zh-cn': '忽略文件必须是含“ignores”数组的 JSON 对象', en: 'the ignore file must be an object with an "ignores" array' },
  ignoreEntry: { 'zh-cn': '第 {n} 项：需要字符串“rule”和“file”，已忽略此项', en: 'entry {n}: needs "rule" and "file" strings; ignored' },
  ignoreUnreadable: { 'zh-cn': '无法读取忽略文件（{problem}）', en: 'cannot read the ignore file ({problem})' },
  fsNotRegular: { 'zh-cn': '不是普通文件', en: 'not a regular file' },
  fsTooLarge: { 'zh-cn': '超过 {bytes} 字节', en: 'larger than {bytes} bytes' },
  fsBrokenLink: { 'zh-cn': '符号链接已失效', en: 'broken symbolic link' },
  fsNotFound: { 'zh-cn': '文件不存在', en: 'no such file' },
  fsPermission: { 'zh-cn': '没有读取权限', en: 'permission denied' },
  unknownProfile: { 'zh-cn': '未知的报告类型“{profile}”（可用：{known}）', en: 'unknown profile "{profile}" (known: {known})' },
} satisfies Record<string, LocalizedText>;

/** jsonc-parser's error codes, for people. */
const JSON_PROBLEMS: Record<string, LocalizedText> = {
  InvalidSymbol: { 'zh-cn': '无效的符号', en: 'InvalidSymbol' },
  InvalidNumberFormat: { 'zh-cn': '数字格式无效', en: 'InvalidNumberFormat' },
  PropertyNameExpected: { 'zh-cn': '此处应为属性名', en: 'PropertyNameExpected' },
  ValueExpected: { 'zh-cn': '此处应为值', en: 'ValueExpected' },
  ColonExpected: { 'zh-cn': '此处应为冒号', en: 'ColonExpected' },
  CommaExpected: { 'zh-cn': '此处应为逗号', en: 'CommaExpected' },
  CloseBraceExpected: { 'zh-cn': '缺少右花括号“}”', en: 'CloseBraceExpected' },
  CloseBracketExpected: { 'zh-cn': '缺少右方括号“]”', en: 'CloseBracketExpected' },
  EndOfFileExpected: { 'zh-cn': '此处应为文件结尾', en: 'EndOfFileExpected' },
  InvalidCommentToken: { 'zh-cn': '注释无效', en: 'InvalidCommentToken' },
  UnexpectedEndOfComment: { 'zh-cn': '注释未结束', en: 'UnexpectedEndOfComment' },
  UnexpectedEndOfString: { 'zh-cn': '字符串未结束', en: 'UnexpectedEndOfString' },
  UnexpectedEndOfNumber: { 'zh-cn': '数字未结束', en: 'UnexpectedEndOfNumber' },
  InvalidUnicode: { 'zh-cn': 'Unicode 转义无效', en: 'InvalidUnicode' },
  InvalidEscapeCharacter: { 'zh-cn': '转义字符无效', en: 'InvalidEscapeCharacter' },
  InvalidCharacter: { 'zh-cn': '无效字符', en: 'InvalidCharacter' },
};

export type ConfigMessageKey = keyof typeof CONFIG_MESSAGES;

/** A configuration problem's text in both locales. */
export type ConfigText = { 'zh-cn': string; en: string };

export function configText(key: keyof typeof CONFIG_MESSAGES, args?: Record<string, string | number>): ConfigText {
  const m = CONFIG_MESSAGES[key];
  return { 'zh-cn': localize(m, 'zh-cn', args), en: localize(m, 'en', args) };
}

/** A JSON syntax problem: `JSON: InvalidSymbol` / `JSON 格式错误：无效的符号`. */
export function jsonProblem(code: string): ConfigText {
  const p = JSON_PROBLEMS[code] ?? { 'zh-cn': code, en: code };
  return { 'zh-cn': localize(CONFIG_MESSAGES.json, 'zh-cn', { problem: p['zh-cn'] }), en: localize(CONFIG_MESSAGES.json, 'en', { problem: p.en }) };
}

/** A ConfigText whose parts are themselves texts in both locales (`problem`). */
export function configTextWith(key: keyof typeof CONFIG_MESSAGES, args: Record<string, string | number>, localizedArgs: Record<string, ConfigText>): ConfigText {
  const m = CONFIG_MESSAGES[key];
  const pick = (l: 'zh-cn' | 'en') => ({ ...args, ...Object.fromEntries(Object.entries(localizedArgs).map(([k, v]) => [k, v[l]])) });
  return { 'zh-cn': localize(m, 'zh-cn', pick('zh-cn')), en: localize(m, 'en', pick('en')) };
}
