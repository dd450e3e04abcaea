/**
 * The sections of the real-text evaluation, in the order they appear in eval/RESULTS.md.
 * A new section: write eval/<name>.ts exporting an EvalSection (see section.ts) and add it here.
 */
import type { EvalSection } from './section';
import { STATS_SECTION } from './stats';
import { STRUCTURE_SECTION } from './structure';
import { XXGK_SECTION } from './xxgk';

export const SECTIONS: EvalSection[] = [STATS_SECTION, STRUCTURE_SECTION, XXGK_SECTION];
