import type { ResolvedConfig } from '../config/config';
import type { Profile } from './types';
import fazhiZhengfu from './builtin/fazhi-zhengfu-annual.json';
import xinxiGongkai from './builtin/xinxi-gongkai-annual.json';

/** The data of the built-in profiles, as shipped (the default one first). */
export const BUILTIN_PROFILE_DATA: readonly unknown[] = [fazhiZhengfu, xinxiGongkai];

/**
 * The built-in profiles. Their data is validated by the unit tests (validateProfile, like custom
 * profiles), not at run time: compiling the JSON schema costs tens of milliseconds in every
 * process and worker thread, and validation returns the data unchanged.
 */
let builtins: Profile[] | null = null;
export function builtinProfiles(): readonly Profile[] {
  if (!builtins) builtins = BUILTIN_PROFILE_DATA.map((data) => data as Profile);
  return builtins;
}

export const DEFAULT_PROFILE_ID = 'fazhi-zhengfu-annual';

/** Built-in profiles plus the workspace's custom ones (custom ids never shadow built-in ones). */
export function allProfiles(config?: Pick<ResolvedConfig, 'customProfiles'>): readonly Profile[] {
  const custom = config?.customProfiles ?? [];
  if (!custom.length) return builtinProfiles();
  const ids = new Set(builtinProfiles().map((p) => p.id));
  return [...builtinProfiles(), ...custom.filter((p) => !ids.has(p.id))];
}

export function getProfile(id: string, config?: Pick<ResolvedConfig, 'customProfiles'>): Profile | undefined {
  return allProfiles(config).find((p) => p.id === id);
}

export function findPart(profile: Profile, partId: string) {
  return profile.parts.find((p) => p.id === partId);
}
