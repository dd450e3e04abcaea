/**
 * The text-hygiene and format rules were made faster (issue 7): code-unit tables instead of
 * string lookups, one pass instead of one per punctuation kind, candidate-driven mojibake
 * scans. Their results must not change. These properties compare the new code with reference
 * copies of the previous algorithms on random texts.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { Analysis } from '../../server/src/core/analysis';
import { checkDocument } from '../../server/src/core/check';
import { defaultConfig, mergeConfig } from '../../server/src/core/config/config';
import type { DocumentFormat } from '../../server/src/core/document/document';
import { chinesePunctuationOffsets, FULL_WIDTH, HALF_WIDTH, protectedRegions } from '../../server/src/core/document/punctuation';
import { ALL_RULES } from '../../server/src/core/rules';
import { INLINE_DATE_RE, inlineDates } from '../../server/src/core/rules/date-format';
import { findDocumentNumberProblems } from '../../server/src/core/rules/document-number';
import { findEncodingDamage } from '../../server/src/core/rules/encoding-damage';
import { findScriptPairs } from '../../server/src/core/rules/mixed-script';
import { findPinyinResidue } from '../../server/src/core/rules/pinyin-residue';
import { toSimplifiedView } from '../../server/src/core/document/script';
import { CP1252_UTF8_LEAD_CHARS, findUtf8AsGbk, findUtf8AsLatin1, hasToneMark, isCommonHanzi, isPinyinSyllable, PINYIN_LETTER_CLASS } from '../../server/src/core/document/chars';
import type { OffsetRange } from '../../server/src/core/types';

const RUNS = Number(process.env.FUZZ_RUNS) || 300;
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED) || 20261124, endOnFailure: true };

// Made-up material: marks of both widths, URLs and Markdown syntax, both scripts, mojibake
// (GBK and Windows-1252 readings of UTF-8), pinyin annotations, dates and document numbers.
const PIECES = [
  ...',:;()?!，：；（）？！ \t\n\n\r\u3000\u00a0.1234abcZ%/-_`~[]<>"\'#*@区法治年月日的我们报告區后後發发髮干幹里裡?？\uFFFD锟斤拷烫屯ㄖ〔〕第一二三十〇',
  'https://a.cn/x(1),y', 'www.example.cn/p:q', 'someone@example.cn', '\n```\n', '\n~~~\n', '---\n', '`a,b`', '](u "t,")', '![i](a,b.png)',
  '<https://q.cn/?x=1,2>', '<span a=1>', '\n    缩进,', '[id]: u', '\n# 标题(稿)', '(1)', '(一)', '(草稿)', '((注))', '1,234', '11:18',
  '鎴戜滑', '銆', 'æˆ‘ä»¬', 'ã€‚', '?zhèn)浒?', '?qū)I(yè)', '區(qū)', '發(fā)', '汉(hàn)', '(PPP)', '烫烫烫', '锟斤',
  '國家', '国家', '會議', '会议', '長東', '长东', '車馬', '车马', '經濟', '经济', '們', '们',
  '2024年1月1日', '2024年02月03日', '2月30日', '2024年13月', '12024年13月', '3月十日', '粤府函〔2024〕1号', '文[2024]01号',
  '字(24)第3号', '公告(2024)1号', '令(2024)2号', '\n浏览次数：12\n', '\n来源：本网\n', '\n【字体：大 中 小】\n', '\n打印本页 关闭窗口\n',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 50 }).map((a) => a.join(''));

// ---------------------------------------------------------------- reference: punctuation

const refIsMark = (ch: string) => ch in FULL_WIDTH || ch in HALF_WIDTH;
const refIsAsciiVisible = (ch: string | undefined) => ch !== undefined && ch.charCodeAt(0) > 0x20 && ch.charCodeAt(0) < 0x7f;

function refNeighbour(text: string, i: number, step: -1 | 1): string | undefined {
  for (let p = i + step; p >= 0 && p < text.length; p += step) {
    const ch = text[p];
    if (ch === '\n' || ch === '\r') return undefined;
    if (ch !== ' ' && ch !== '\t' && ch !== '\u00a0' && ch !== '\u3000' && !refIsMark(ch)) return ch;
  }
  return undefined;
}

function refChinesePunctuationOffsets(text: string, format: DocumentFormat, skip: readonly OffsetRange[]): number[] {
  const regions = [...protectedRegions(text, format), ...skip];
  const inRegion = (i: number) => regions.some((r) => r.start <= i && i < r.end);
  const context = (i: number) => {
    const prev = refNeighbour(text, i, -1);
    const next = refNeighbour(text, i, 1);
    return (prev !== undefined && !refIsAsciiVisible(prev)) || (next !== undefined && !refIsAsciiVisible(next));
  };
  const out: number[] = [];
  const stack: number[] = [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      stack.length = 0;
      continue;
    }
    if (!(ch in FULL_WIDTH) || inRegion(i)) continue;
    if (ch === '(') {
      stack.push(i);
      continue;
    }
    if (ch === ')') {
      if (stack.length) pairs.push([stack.pop()!, i]);
      else if (context(i)) out.push(i);
      continue;
    }
    const prev = text[i - 1];
    const next = text[i + 1];
    const nonMark = (c: string | undefined) => refIsAsciiVisible(c) && !refIsMark(c!);
    if (nonMark(prev) && nonMark(next)) continue;
    if (format === 'markdown' && ch === '!' && next === '[') continue;
    if (context(i)) out.push(i);
  }
  for (const o of stack) if (context(o)) out.push(o);
  for (const [open, close] of pairs) {
    if (context(open) || context(close) || /[^\x00-\x7f]/.test(text.slice(open + 1, close))) out.push(open, close);
  }
  return out.sort((a, b) => a - b);
}

/** What punctuation-width reports, from the reference offsets: [kind index, full, half, offset] per finding. */
function refPunctuationWidth(text: string, format: DocumentFormat): number[][] {
  const kinds = [',，', ':：', ';；', '()（）', '?？', '!！'];
  const regions = protectedRegions(text, format);
  const halfAt = refChinesePunctuationOffsets(text, format, findEncodingDamage(text));
  const out: number[][] = [];
  kinds.forEach((kind, k) => {
    const half = halfAt.filter((i) => kind.includes(text[i]));
    const full: number[] = [];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f && kind.includes(text[i]) && !regions.some((r) => r.start <= i && i < r.end)) full.push(i);
    if (half.length && full.length) out.push([k, full.length, half.length, half.length <= full.length ? half[0] : full[0]]);
  });
  return out;
}

// ---------------------------------------------------------------- reference: mojibake, scripts, regexes

function refDecode(bytes: number[], from: number): { text: string; endByte: number; ideographs: number; common: number } | null {
  let p = from;
  let text = '';
  let ideographs = 0;
  let common = 0;
  while (p + 2 < bytes.length) {
    const [b0, b1, b2] = [bytes[p], bytes[p + 1], bytes[p + 2]];
    if (b0 < 0xe0 || b0 > 0xef || b1 < 0x80 || b1 > 0xbf || b2 < 0x80 || b2 > 0xbf) break;
    const cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    const plausible = (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e) || (cp >= 0x2010 && cp <= 0x2027);
    if (cp < 0x800 || !plausible) break;
    const ch = String.fromCharCode(cp);
    text += ch;
    if (cp >= 0x4e00 && cp <= 0x9fff) {
      ideographs++;
      if (isCommonHanzi(ch)) common++;
    }
    p += 3;
  }
  return p > from ? { text, endByte: p, ideographs, common } : null;
}

/** The previous run scans: every character's bytes, decoding at every character of a run. */
function refFindMojibake(text: string, bytesOf: (ch: string) => number[] | null): { start: number; end: number; decoded: string }[] {
  const runs: { start: number; end: number; decoded: string }[] = [];
  let i = 0;
  while (i < text.length) {
    if (!bytesOf(text[i])) {
      i++;
      continue;
    }
    let j = i;
    const bytes: number[] = [];
    const charOfByte: number[] = [];
    for (let b = bytesOf(text[j]); j < text.length && b; b = bytesOf(text[++j] ?? '')) for (const x of b) bytes.push(x), charOfByte.push(j - i);
    const width = bytes.length / (j - i);
    let k = 0;
    while (k < j - i) {
      const got = refDecode(bytes, k * width);
      if (got && got.ideographs >= 2 && got.common * 2 >= got.ideographs) {
        const endChar = Math.ceil(got.endByte / width);
        runs.push({ start: i + k, end: i + endChar, decoded: got.text });
        k = endChar;
      } else k++;
    }
    i = j;
  }
  return runs;
}
const gbkBytes = (ch: string) => {
  if (!ch) return null;
  const b = iconv.encode(ch, 'gbk');
  return b.length === 2 && b[0] >= 0x81 ? [b[0], b[1]] : null;
};
const cp1252Bytes = (ch: string) => {
  if (!ch || ch.charCodeAt(0) < 0x80 || ch === '\uFFFD') return null;
  const b = iconv.encode(ch, 'win1252');
  return b.length === 1 && b[0] >= 0x80 ? [b[0]] : null;
};

function refScriptPairs(text: string, view: string, skip: readonly OffsetRange[]): [string, string, number[], number[]][] {
  const valid = new Set([...'干里后于台着著面制系只范谷丑征才斗冲松出余沈几向据并布念板累表困克家伙卷周注准仆游凶岳采舍症蒙胡须郁御折托辟栗秋扣刮咸划卜了历吁夸借占姜朴致尝吊回团志杰云同合升别党坛尸叶苏复钟乾瞭藉覆麽么獲获']);
  const positions = new Map<string, number[]>();
  const toSimplified = new Map<string, string>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff))) continue;
    if (skip.some((r) => r.start <= i && i < r.end)) continue;
    positions.set(text[i], [...(positions.get(text[i]) ?? []), i]);
    if (view[i] !== text[i]) toSimplified.set(text[i], view[i]);
  }
  const pairs: [string, string, number[], number[]][] = [];
  for (const [t, s] of toSimplified) if (!valid.has(t) && !valid.has(s) && positions.has(s)) pairs.push([t, s, positions.get(t)!, positions.get(s)!]);
  return pairs.sort((a, b) => Math.min(a[2][0], a[3][0]) - Math.min(b[2][0], b[3][0]));
}

const REF_RESIDUE_RE = new RegExp(`(?<=[\\u3400-\\u9fff\\uf900-\\ufaff])[(（]([${PINYIN_LETTER_CLASS}]{1,7})[)）]`, 'g');
const REF_DOC_NUMBER_RE =
  /(?<=[\u4e00-\u9fff])(?<!公告|令)([〔\[【(（［〖｛{])\s*((?:19|20)\d{2}|\d{2})\s*([〕\]】)）］〗｝}])\s*(第\s*)?(\d{1,5})\s*号(?![楼院室线段车])/g;

/** The previous findDocumentNumberProblems (lookbehinds in the pattern). */
function refDocumentNumberProblems(text: string): unknown[] {
  const openFor: Record<string, string> = { '〕': '〔', ']': '[', '】': '【', ')': '(', '）': '（', '］': '［', '〗': '〖', '｝': '｛', '}': '{' };
  const out: unknown[] = [];
  for (const m of text.matchAll(REF_DOC_NUMBER_RE)) {
    const [whole, open, yearText, close, di, serialText] = m;
    if (openFor[close] !== open) continue;
    const problems: string[] = [];
    if (open !== '〔') problems.push('brackets');
    let year = parseInt(yearText, 10);
    if (yearText.length === 2) {
      problems.push('year');
      year += 2000;
    }
    if (di) problems.push('di');
    const serial = parseInt(serialText, 10);
    if (serial === 0) continue;
    if (/^0/.test(serialText)) problems.push('padding');
    if (!problems.length) continue;
    if (yearText.length === 2 && open !== '〔' && !di) continue;
    out.push({ start: m.index, end: m.index + whole.length, found: whole, expected: `〔${year}〕${serial}号`, problems });
  }
  return out;
}

// ---------------------------------------------------------------- properties

describe('hygiene rules: same results as the previous algorithms', () => {
  it('chinesePunctuationOffsets equals the reference (plain text and Markdown, with skipped spans)', () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom<DocumentFormat>('text', 'markdown'), (text, format) => {
        const skip = findEncodingDamage(text);
        assert.deepEqual(chinesePunctuationOffsets(text, format, skip), refChinesePunctuationOffsets(text, format, skip));
      }),
      params,
    );
  });

  /** punctuation-width's findings on a text, as [kind, full, half, offset], equal the reference's. */
  function assertPunctuationWidthAsReference(text: string, uri: string): void {
    const rule = ALL_RULES.filter((r) => r.meta.id === 'punctuation-width');
    const kinds = ['comma', 'colon', 'semicolon', 'parentheses', 'question', 'exclamation'];
    const a = Analysis.fromText(text, { uri });
    const got = checkDocument(a, { rules: rule, forceReport: true }).map((f) => {
      const d = f.data as { kind: string; full: number; half: number };
      return [kinds.indexOf(d.kind), d.full, d.half, a.doc.offsetAt(f.range.start)];
    });
    assert.deepEqual(got.sort((x, y) => x[0] - y[0]), refPunctuationWidth(text, a.doc.format));
  }

  it('punctuation-width reports the reference counts at the reference offsets', () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom('file:///r.txt', 'file:///r.md'), (text, uri) => {
        assertPunctuationWidthAsReference(text, uri);
      }),
      params,
    );
  });

  it('punctuation-width on texts with few or no half-width marks (the shortcut for texts without one) reports the reference', () => {
    // The pieces without an ASCII mark, and at most two ASCII marks put anywhere.
    const wide = PIECES.filter((p) => !/[,:;()?!]/.test(p));
    const arb = fc.tuple(
      fc.array(fc.constantFrom(...wide), { maxLength: 40 }).map((a) => a.join('')),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...',:;()?!')), { maxLength: 2 }),
    ).map(([text, inserts]) => inserts.reduce((t, [at, ch]) => t.slice(0, at % (t.length + 1)) + ch + t.slice(at % (t.length + 1)), text));
    fc.assert(
      fc.property(arb, fc.constantFrom('file:///r.txt', 'file:///r.md'), (text, uri) => {
        assertPunctuationWidthAsReference(text, uri);
      }),
      params,
    );
  });

  it('the UTF-8-as-GBK finder equals the reference scan on the GBK reading of random Chinese', () => {
    // Common characters of every UTF-8 lead byte (E4–E9), read as GBK, amid ordinary text.
    const chars = [...'一丁七万三上下不与丑专且世丘业东丝严个中丰串临丸丹为主丽举义乃久么之乐乘乙九也习书买乱争事二于亏云互五井亚些亡交亦产亩享京亮亲人亿什仁仅今介仍从仓他付代令以仪们件价任份仿企伊伍伏休众优伙会伟传伤伦伯估伴伸似但位低住体何余佛作你佩佳使例供依侠侧侨侮侯侵便促俄俊俗保信修俭俯俱俺倍倒倘候借倡值倦倾假偏做停健偶偷傅储催傲傻像僚僧允元兄充兆先光克免兔党入全八公六兰共关兴兵其具典养兼内册再冒写军农冠冬冰冲决况冷准凉凌减凑凝几凡凭凯凳凶出击函刀分切刊刑划列刘则刚创初删判利别到制刷券刺刻剂前剑剥剧剩剪副割力劝办功加务劣动助努劫励劲劳势勇勉勤勺勾勿包匆化北区医十千升午半华协卑卒单卖南博占卡卧卫印危即却卵厂厅历厉压厌厕厘厚原厦厨去县参又叉及友双反发叔取受变叙口古句另叫召叭可台史右叶号司叹吃各合吉同名后吐向吓吗君吨否吧含听启吴吵吸吹吼呀告员周味呼命和咐咬咱咸哀品哈响哥哪哭唐唤售唯唱商啊啦善喊喜喝嗓嘉器四回因团园困围固国图圆圈土圣在地场均坐块坚坛坡坦垂型城域培基堂堆塑塔塘填境墙增墨壁士壮声处备复夏夕外多夜够大天太夫央失头夹夺奇奉奋奏契奔奖套女奴奶她好如妇妈妙妹始姐姑姓委姿威娘婚婆媒嫁子孔孕字存孙孝孟季孤学宁它宅宇守安宋完宏宗官定宜宝实审客宣室宪宫宴家容宽宾宿寄密富寒察寨对寻导寺寿封射将尊小少尔尖尘尚尝就尺尼尽尾局层居屋展属山岁岗岛岩岸峰川州巡工左巧巨差己已巴市布师希帐帝带席帮常帽幅幕干平年并幸幻幼广庄床序库应底店庙府度座康廉延建开异弃弄式引弟张弯弱弹强归当录形彩影役彻往征待很律徐得德心必忆志忘忙忠快念忽怀态怎思急性怕总恋恐恢恨恩息恰悉悔悠患您悲情惊惜惠想意感慈慢慧慰懂戏成我戒或战截户房所扇手才扎扑打托扣执扩扫扬扶批找承技抄把抓投抗折抢护报披抱抵抽担拆拉拍拒拔拖招拜拥择括拿持挂指按挑挖振捕损换据捷掉排探接控推描提插握援搞搬摇摘撤播操擦支收改攻放政故效敌教散敢整文斗料斜斤断新方施旁旅族旗无既日旧早时明易星春是显晚普景晴智暂暑暖暗暴曲更曾替最月有朋服望朝期木未末本术机杀杂权材村条来杯板极构林果枝架某染查标树校样根格框案桌桥梁梦检概槽模横欢欧欲歌止正此步武段毕毫氏民气水永求汇汉江池污汤沉没沟河油治沿泉法波泪泳洋洗活派流浅测济浓海消涉液淡深混清渐温港游湖湾源满滑演漫潮激火灭灯灵炎点烈烟热然照燃爱爷父片版牌牛物特犯状独狗猛猪猫献率玉王玩环现球理瓜生用田由甲申电男画界留略番疑疗病症痛登白百的皆皇益盐监盖盘目直相省看真眼着睛知短石码研破础确碍示社祖祝神票禁福离种科秘积称移程稍税稳究空穿突窗立站章童端竞竹笑笔符第等筑答策算管箱类粉粗精系素索紧红约级纪纳纷纸线练组细织终经结给络统继续绩维综绿缓编缘缺网罪置美群翻老考者而耐耳职联聚肉股肯育背能脑脚脸自至致舍舞航般船良色艺节花苏若苦英范茶草荣药莫获菜营落著蓝虎虑虽蛋血行衣补表袋被装西要见观规视览觉角解言警计认让议讯记讲许论设访证评识诉词试诗话该语误说请读课调谈谓象贝负财责败货质购贵费贸资赛赞走起超越趣足距跑路跟跳践身车转轮软轻较载辅辆辑输辞边达迁迅过迎运近返还这进远连迟述迷退送适选逐途通速造逢遇道遗那部都配酒采释里重野量金针钟钢钱铁银销锋错锦镇长门闭问闲间闻阅队防阳阵阶阻际降限院除险陪陶陷随隐难集雨雪零雷需震青静非面革鞋音页顶项顺须顾顿预领频题颜风飞食首香马驱验骨高鱼鸟麦黄黑默鼓鼠鼻齐龙'];
    const arb = fc.tuple(
      fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join('')),
      fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
      fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join('')),
    ).map(([before, garbled, after]) => before + iconv.decode(Buffer.from(garbled, 'utf8'), 'gbk') + after);
    fc.assert(
      fc.property(arb, (text) => assert.deepEqual(findUtf8AsGbk(text), refFindMojibake(text, gbkBytes))),
      params,
    );
  });

  it('the UTF-8-as-GBK and UTF-8-as-Windows-1252 finders equal the reference scans', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        assert.deepEqual(findUtf8AsGbk(text), refFindMojibake(text, gbkBytes));
        assert.deepEqual(findUtf8AsLatin1(text), refFindMojibake(text, cp1252Bytes));
      }),
      params,
    );
  });

  it('the Latin-1 finder starts at the first à–ï: no other code unit is a Windows-1252 byte 0xE0–0xEF', () => {
    for (let u = 0x80; u < 0x10000; u++) {
      if (u >= 0xd800 && u < 0xe000) continue;
      const bytes = iconv.encode(String.fromCharCode(u), 'win1252');
      const lead = bytes.length === 1 && bytes[0] >= 0xe0 && bytes[0] <= 0xef;
      assert.equal(lead, CP1252_UTF8_LEAD_CHARS.test(String.fromCharCode(u)), `U+${u.toString(16)}`);
    }
  });

  it('mixed-script reports exactly when the text has script pairs (also when only characters correct in both scripts changed)', () => {
    const rule = ALL_RULES.filter((r) => r.meta.id === 'mixed-script');
    const pieces = [...'著着乾幹干後后髮发國国里裡隻只显成绩的。，\n', '显著', '显着', '國家', '国家', '鎴戜滑', '?zhèn)'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')), (text) => {
        const a = Analysis.fromText(text);
        const pairs = findScriptPairs(text, a.doc.simplified, findEncodingDamage(text));
        const findings = checkDocument(a, { rules: rule, forceReport: true });
        assert.equal(findings.length > 0, pairs.length > 0);
      }),
      params,
    );
  });

  it('findScriptPairs equals the reference', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const skip = findEncodingDamage(text);
        const view = toSimplifiedView(text);
        const got = findScriptPairs(text, view.simplified, skip).map((p) => [p.traditional, p.simplified, p.traditionalAt, p.simplifiedAt]);
        const ref = refScriptPairs(text, view.simplified, skip);
        assert.deepEqual(got, ref);
        // From the view's changed offsets (what the rule uses): the same pairs.
        assert.ok(view.changedAt);
        const fromChanged = findScriptPairs(text, view.simplified, skip, view.changedAt).map((p) => [p.traditional, p.simplified, p.traditionalAt, p.simplifiedAt]);
        assert.deepEqual(fromChanged, ref);
      }),
      params,
    );
  });

  it('pinyin residue and document numbers: conditions on the preceding character equal the lookbehinds', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const residue = [...text.matchAll(REF_RESIDUE_RE)]
          .filter((m) => hasToneMark(m[1]) && isPinyinSyllable(m[1]))
          .map((m) => ({ start: m.index, end: m.index + m[0].length }));
        assert.deepEqual(findPinyinResidue(text), residue);
        assert.deepEqual(findDocumentNumberProblems(text), refDocumentNumberProblems(text));
      }),
      params,
    );
  });

  it('inlineDates yields the matches of the global inline-date pattern', () => {
    const dateArb = fc
      .array(
        fc.constantFrom(
          ...'月年日号0123456789 一二十〇.-~至到—–〕第\n\u3000'.split(''),
          '2024 年', '12 月', ' 月 ', '3 日', '月3号', '二〇二四年', '十一月三十日', '2023年2月29日', '1.5月', '5-6月7日', '至3月1日',
        ),
        { maxLength: 40 },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(dateArb, (text) => {
        const got = [...inlineDates(text)].map((m) => [m.index, ...m]);
        const ref = [...text.matchAll(INLINE_DATE_RE)].map((m) => [m.index, ...m]);
        assert.deepEqual(got, ref);
      }),
      params,
    );
  });
});
