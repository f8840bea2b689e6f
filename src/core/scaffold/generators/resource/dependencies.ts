import { ScaffoldError } from '../../errors';
import { zodRange } from '../config';
import type { GeneratorContext } from '../types';
import { usesZod4 } from './model';

/**
 * The fastify-type-provider-zod range for the project's Fastify and zod: 2.x (Fastify 4, zod 3),
 * 4.x (Fastify 5, zod 3), 5.x (Fastify 5, zod 3.25 through `zod/v4`), 6.x (Fastify 5, zod 4).
 * Fastify 4 with zod 4 has no compatible version: refused.
 */
export function typeProviderRange(context: GeneratorContext): string {
  const { major, zodMajor, zodImport } = context.flavour;
  if (major === 4) {
    if (usesZod4(context.flavour)) {
      throw new ScaffoldError(
        `No fastify-type-provider-zod version supports Fastify 4 with zod 4 (its 2.x line, the last for Fastify 4, needs zod 3). ` +
          `Use zod 3 (npm install zod@^3.25.76, importing from 'zod') or upgrade to Fastify 5. Nothing was changed.`,
      );
    }
    return '^2.1.0';
  }
  if (zodMajor === 4) return '^6.0.0';
  return zodImport === 'zod/v4' ? '^5.0.3' : '^4.0.2';
}

/** zod for generated schemas (Fastify projects also get the type provider matching their versions). */
export function addSchemaDependencies(context: GeneratorContext): void {
  context.addDependency('zod', zodRange(context));
  if (context.flavour.framework === 'fastify') context.addDependency('fastify-type-provider-zod', typeProviderRange(context));
}
