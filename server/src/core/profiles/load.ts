import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../../schemas/profile.schema.json';
import type { Profile } from './types';

export interface ProfileProblem {
  /** JSON pointer of the offending value ('' for the whole profile). */
  path: string;
  message: string;
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

function describe(e: ErrorObject): ProfileProblem {
  const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : '';
  return { path: e.instancePath, message: `${e.message ?? 'invalid'}${extra}` };
}

/**
 * Validate profile data against schemas/profile.schema.json plus the checks a schema cannot
 * express (unique part ids, well-formed gaps). Returns the profile or the problems.
 */
export function validateProfile(data: unknown): { profile: Profile | null; problems: ProfileProblem[] } {
  const validate = getValidator();
  if (!validate(data)) return { profile: null, problems: (validate.errors ?? []).map(describe) };
  const profile = data as Profile;
  const problems: ProfileProblem[] = [];
  const ids = new Set<string>();
  profile.parts.forEach((part, i) => {
    if (ids.has(part.id)) problems.push({ path: `/parts/${i}/id`, message: `duplicate part id "${part.id}"` });
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
          problems.push({ path: `/parts/${i}/${name}/${k}`, message: `"…" must stand between two pieces of text: "${p}"` });
        } else if (pieces.length > 3) {
          problems.push({ path: `/parts/${i}/${name}/${k}`, message: `at most two gaps "…" per phrase: "${p}"` });
        }
      });
    }
  });
  return problems.length ? { profile: null, problems } : { profile, problems };
}
