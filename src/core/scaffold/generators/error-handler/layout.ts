import { joinPath } from '../../../model/paths';
import type { GeneratorContext } from '../types';

/** A project folder: the first candidate that exists (on disk or created in this run), else the first. */
function folder(context: GeneratorContext, candidates: readonly string[]): string {
  for (const candidate of candidates) {
    const path = joinPath(context.root, candidate);
    if (context.tree.host.directoryExists(path)) return candidate;
  }
  return candidates[0];
}

/** Where Express middleware modules go: the project's `src/middleware(s)/` folder. */
export function middlewareDir(context: GeneratorContext): string {
  return folder(context, ['src/middleware', 'src/middlewares']);
}

/**
 * Where Fastify plugin modules go: `src/plugins/`, unless the app autoloads that folder (the
 * plugins would then be registered twice), in which case `src/setup/`.
 */
export function pluginsDir(context: GeneratorContext, autoloadsPlugins = false): string {
  if (autoloadsPlugins) return 'src/setup';
  return folder(context, ['src/plugins']);
}

/** Where route modules go. */
export function routesDir(context: GeneratorContext): string {
  return folder(context, ['src/routes']);
}

/** The errors module: an existing `src/errors.ts` / `src/errors/index.ts`, else `src/errors.ts`. */
export function errorsModule(context: GeneratorContext): string {
  for (const candidate of ['src/errors.ts', 'src/errors/index.ts']) {
    if (context.tree.exists(joinPath(context.root, candidate))) return candidate;
  }
  return 'src/errors.ts';
}

/** Where the error handler module goes. */
export function errorHandlerModule(context: GeneratorContext, autoloadsPlugins = false): string {
  return context.flavour.framework === 'express' ? `${middlewareDir(context)}/error-handler.ts` : `${pluginsDir(context, autoloadsPlugins)}/error-handler.ts`;
}

export function asyncHandlerModule(context: GeneratorContext): string {
  return `${middlewareDir(context)}/async-handler.ts`;
}
