/**
 * The profile API: report kinds as data, and where their mandated parts are in a document.
 * Used by the profile rules, and by authoring features (snippets, completion, skeletons).
 */
export type { Profile, ProfilePart } from './types';
export { PHRASE_GAP, PHRASE_MAX_LENGTH } from './types';
export { builtinProfiles, allProfiles, getProfile, findPart, DEFAULT_PROFILE_ID } from './registry';
export { validateProfile, type ProfileProblem } from './load';
export { detectProfile, activeProfile, isReportDocument, type ProfileDetection } from './detect';
export { locateParts, type LocatedParts, type PartLocation, type PartLocationKind } from './locate';
export { partSkeleton, partInsertion, type SkeletonContext, type PartInsertion } from './skeleton';
export { findPhrase, findAny, containsAny } from './phrases';
