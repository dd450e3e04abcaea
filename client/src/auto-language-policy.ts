/**
 * The decisions behind the switch to the ReportLint language (auto-language.ts), free of the
 * VS Code API so they are unit-tested (test/unit/auto-language-policy.test.ts):
 *
 *  - candidates: plain-text and Markdown documents (files and Untitled buffers) that were not
 *    switched already and that the user has not switched back;
 *  - "switched back": VS Code reports a language change as a close immediately followed by an
 *    open of the same document; a document we switched that re-opens in another language within
 *    CHANGE_WINDOW_MS of closing as ReportLint was switched back by the user: never again;
 *  - a document really closed and opened later is a candidate again.
 */
export const REPORT_LANGUAGE = 'reportlint';
export const CHANGE_WINDOW_MS = 1000;
const SOURCE_LANGUAGES = new Set(['plaintext', 'markdown']);
const SCHEMES = new Set(['file', 'untitled']);

export class AutoLanguagePolicy {
  private declined: Set<string>;
  private switched = new Set<string>();
  private lastClose: { key: string; time: number } | null = null;

  constructor(declined: readonly string[] = []) {
    this.declined = new Set(declined);
  }

  /** Whether a document may be switched; `enabled` is the reportlint.autoLanguage setting. */
  candidate(key: string, scheme: string, languageId: string, enabled = true): boolean {
    return enabled && SCHEMES.has(scheme) && SOURCE_LANGUAGES.has(languageId) && !this.declined.has(key) && !this.switched.has(key);
  }

  /** We are about to switch `key` to the report language. */
  switching(key: string, _from: string): void {
    this.switched.add(key);
  }

  closed(key: string, languageId: string, now: number): void {
    if (languageId === REPORT_LANGUAGE && this.switched.has(key)) this.lastClose = { key, time: now };
  }

  /** A document opened (or re-opened in another language). True when this records a switch back. */
  opened(key: string, languageId: string, now: number): boolean {
    if (!this.switched.has(key) || languageId === REPORT_LANGUAGE) return false;
    const change = this.lastClose?.key === key && now - this.lastClose.time <= CHANGE_WINDOW_MS;
    this.lastClose = null;
    if (change) {
      this.declined.add(key);
      return true;
    }
    this.switched.delete(key); // really closed earlier and opened again
    return false;
  }

  declinedList(): string[] {
    return [...this.declined];
  }
}
