import type { Generator } from './types';

/**
 * Every generator, in palette order; each lives in its own folder under generators/.
 * Add a generator by importing it here.
 */
export const GENERATORS: readonly Generator[] = [];
