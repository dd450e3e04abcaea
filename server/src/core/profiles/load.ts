import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../../schemas/profile.schema.json';
import { localize, type LocalizedText } from '../l10n';
import type { Locale } from '../types';
import type { Profile } from './types';

export interface ProfileProblem {
  /** JSON pointer of the offending value ('' for the whole profile). */
  path: string;
  /** The problem in English. */
  message: string;
  /** The problem in every locale (the CLI and the editor show the user's). */
  localized: Record<Locale, string>;
}

/** The checks of profile data that a JSON schema cannot express. */
const PROFILE_PROBLEMS = {
  duplicateId: { 'zh-cn': '部分 id“{id}”重复', en: 'duplicate part id "{id}"' },
  gapPlacement: { 'zh-cn': '“…”必须位于两段文字之间：“{phrase}”', en: '"…" must stand between two pieces of text: "{phrase}"' },
  gapCount: { 'zh-cn': '每个短语最多两处“…”：“{phrase}”', en: 'at most two gaps "…" per phrase: "{phrase}"' },
} satisfies Record<string, LocalizedText>;

function problem(path: string, key: keyof typeof PROFILE_PROBLEMS, args: Record<string, string>): ProfileProblem {
  const text = PROFILE_PROBLEMS[key];
  return { path, message: localize(text, 'en', args), localized: { 'zh-cn': localize(text, 'zh-cn', args), en: localize(text, 'en', args) } };
}

let validator: ValidateFunction | null = null;

function getValidator() {
  if (!validator) {
    // Loaded on first use: only custom profiles are validated at run time (see registry.ts).
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(schema);
  }
  return validator;
}

/**
 * Ajv's errors in both locales: Ajv writes English, and ajv-i18n's Chinese table rewrites the
 * messages of a copy (it mutates what it is given). Loaded with Ajv, on first use.
 */
function describe(errors: ErrorObject[]): ProfileProblem[] {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const toChinese = require('ajv-i18n/localize/zh') as (errors: ErrorObject[]) => void;
  const chinese = errors.map((e) => ({ ...e }));
  toChinese(chinese);
  return errors.map((e, i) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : '';
    const en = `${e.message ?? 'invalid'}${extra}`;
    const zh = `${(chinese[i].message ?? e.message ?? '无效').trim()}${extra.replace(/^ \((.*)\)$/, '（$1）')}`;
    return { path: e.instancePath, message: en, localized: { 'zh-cn': zh, en } };
  });
}

/**
 * Validate profile data against schemas/profile.schema.json plus the checks a schema cannot
 * express (unique part ids, well-formed gaps). Returns the profile or the problems.
 */
export function validateProfile(data: unknown): { profile: Profile | null; problems: ProfileProblem[] } {
  const validate = getValidator();
  if (!validate(data)) return { profile: null, problems: describe(validate.errors ?? []) };
  const profile = data as Profile;
  const problems: ProfileProblem[] = [];
  const ids = new Set<string>();
  profile.parts.forEach((part, i) => {
    if (ids.has(part.id)) problems.push(problem(`/parts/${i}/id`, 'duplicateId', { id: part.id }));
    ids.add(part.id);
    const lists: [string, string[] | undefined][] = [
      ['headingPhrases', part.headingPhrases],
      ['excludePhrases', part.excludePhrases],
      ['paragraphPhrases', part.paragraphPhrases],
      ['bodyPhrases', part.bodyPhrases],
      ['causePhrases', part.causePhrases],
      ['opening/verbs', part.opening?.verbs],
    ];
    for (const [name, list] of lists) {
      list?.forEach((p, k) => {
        const pieces = p.split('…');
        if (pieces.some((s) => s.trim() === '')) {
          problems.push(problem(`/parts/${i}/${name}/${k}`, 'gapPlacement', { phrase: p }));
        } else if (pieces.length > 3) {
          problems.push(problem(`/parts/${i}/${name}/${k}`, 'gapCount', { phrase: p }));
        }
      });
    }
  });
  return problems.length ? { profile: null, problems } : { profile, problems };
}
