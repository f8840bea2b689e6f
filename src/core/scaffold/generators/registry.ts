import { GENERATORS } from './catalogue';
import type { Generator } from './types';

export function generatorById(id: string): Generator | undefined {
  return GENERATORS.find((generator) => generator.meta.id === id);
}

export function generatorIds(): string[] {
  return GENERATORS.map((generator) => generator.meta.id);
}

export function allGenerators(): readonly Generator[] {
  return GENERATORS;
}
