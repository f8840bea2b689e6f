import type { Generator } from '../generators/types';
import { moveSecretGenerator } from './move-secret';

/**
 * Generators that exist for quick fixes only: found by id (the lint ScaffoldBridge runs them) but
 * not part of the palette, `routewise add` or the catalogue.
 */
export const FIX_GENERATORS: readonly Generator[] = [moveSecretGenerator];
