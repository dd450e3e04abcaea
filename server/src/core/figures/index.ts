/** The figures layer: number understanding, claims, the statistics summary and its hover. */
export * from './numbers';
export * from './claim';
export * from './analyze';
export * from './arithmetic';
import { registerHoverContributor } from '../features/hover';
import { figureHover } from './hover';

registerHoverContributor(figureHover);
export { figureHover };
