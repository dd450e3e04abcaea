import type { ResolvedConfig } from '../config';
import { validateProfile } from './load';
import type { Profile } from './types';
import fazhiZhengfu from './builtin/fazhi-zhengfu-annual.json';

function builtin(data: unknown): Profile {
  const { profile, problems } = validateProfile(data);
  if (!profile) throw new Error(`invalid built-in profile: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  return profile;
}

/** The built-in profiles, validated when first used. */
let builtins: Profile[] | null = null;
export function builtinProfiles(): readonly Profile[] {
  if (!builtins) builtins = [builtin(fazhiZhengfu)];
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
