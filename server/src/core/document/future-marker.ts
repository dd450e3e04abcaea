/**
 * Does a clause speak about the future (2025年,我们将……)? Opening verbs such as 将 are ambiguous:
 * 将 + noun phrase + one of OBJECT_MARKER_VERBS is the object marker ("put X into"), as in
 * 将法治思维和法治方式贯穿……, which describes what was done, not what will be done.
 * The word lists are data: extend them here, nowhere else.
 */

/** Markers that can also introduce an object (将X纳入…). */
export const OBJECT_MARKERS: readonly string[] = ['将'];

/** Verbs that close an object-marker phrase: 将 + noun phrase + verb. */
export const OBJECT_MARKER_VERBS: readonly string[] = [
  '纳入', '贯穿', '作为', '列入', '落实到', '融入', '写入', '转化为', '贯彻到', '体现在', '延伸到', '覆盖到', '摆在', '放在',
  // The stock opening "现将……报告如下" (hereby report … as follows) is not a plan.
  '报告如下', '汇报如下', '总结如下', '通报如下', '如下',
];

/** Words right after 将 that make it the future marker (将继续……, 将进一步将X纳入……). */
export const FUTURE_FOLLOWERS: readonly string[] = [
  '继续', '进一步', '持续', '全面', '不断', '加快', '着力', '大力', '深入', '切实', '坚持', '认真', '积极', '扎实', '努力',
  '重点', '统筹', '更加', '把', '要', '会', '围绕', '以',
];

/** Characters that end the phrase an object marker governs. */
const PHRASE_END = /[，,。；;：:！!？?\n]/;
/** How far the verb may be from the marker. */
const WINDOW = 30;

/** Words in which the marker character is not a marker at all. */
const NOT_A_MARKER = ['将来', '将近', '将军', '将领'];

/** Is the marker at `i` the object marker (将X纳入…) rather than the future marker? */
export function isObjectMarker(text: string, i: number, marker: string): boolean {
  const after = text.slice(i + marker.length, i + marker.length + WINDOW);
  if (FUTURE_FOLLOWERS.some((w) => after.startsWith(w))) return false;
  const end = after.search(PHRASE_END);
  const phrase = end < 0 ? after : after.slice(0, end);
  let verbAt = -1;
  for (const v of OBJECT_MARKER_VERBS) {
    const k = phrase.indexOf(v);
    if (k > 0 && (verbAt < 0 || k < verbAt)) verbAt = k;
  }
  if (verbAt < 0) return false;
  // Another marker before the verb governs it (将继续将X纳入…): this one is the future marker.
  const between = phrase.slice(0, verbAt);
  return !OBJECT_MARKERS.some((m) => between.includes(m)) && !between.includes('把');
}

/** Whether `clause` contains one of `markers` used as a future marker. */
export function hasFutureMarker(clause: string, markers: readonly string[], scanEnd = clause.length): boolean {
  // Markers are looked for before `scanEnd`; the phrase an object marker governs may run on past it
  // (a first sentence cut at a length limit must not cut 将X贯穿… before its verb).
  for (const m of markers) {
    if (!m) continue;
    if (!OBJECT_MARKERS.includes(m)) {
      const k = clause.indexOf(m);
      if (k >= 0 && k < scanEnd) return true;
      continue;
    }
    for (let i = clause.indexOf(m); i >= 0 && i < scanEnd; i = clause.indexOf(m, i + m.length)) {
      if (NOT_A_MARKER.some((w) => clause.startsWith(w, i))) continue;
      if (i > 0 && clause.startsWith('即' + m, i - 1)) return true;
      if (!isObjectMarker(clause, i, m)) return true;
    }
  }
  return false;
}
