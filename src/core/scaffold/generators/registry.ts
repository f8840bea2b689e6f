import { FIX_GENERATORS } from '../fixes';
import { GENERATORS } from './catalogue';
import type { Generator } from './types';

/** A palette generator, or a quick-fix-only one (src/core/scaffold/fixes/), by id. */
export function generatorById(id: string): Generator | undefined {
  return GENERATORS.find((generator) => generator.meta.id === id) ?? FIX_GENERATORS.find((generator) => generator.meta.id === id);
}

export function generatorIds(): string[] {
  return GENERATORS.map((generator) => generator.meta.id);
}

export function allGenerators(): readonly Generator[] {
  return GENERATORS;
}
