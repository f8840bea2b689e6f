import { joinPath } from '../../../model/paths';
import { autoloadsPlugins } from '../error-handler';
import { findAppTarget } from '../error-handler/app-target';
import type { GeneratorContext } from '../types';
import type { ResourceNames } from './names';

/** Whether a project folder exists on disk or gets files in this run (a project being created). */
export function folderExists(context: GeneratorContext, relative: string): boolean {
  const path = joinPath(context.root, relative);
  if (context.tree.host.directoryExists(path)) return true;
  return context.tree.listChanges().some((change) => change.kind === 'create' && change.path.startsWith(`${path}/`));
}

export interface ResourceFiles {
  schemas: string;
  repository: string;
  service: string;
  /** The Express router or Fastify plugin module. */
  routes: string;
}

/**
 * Where a resource's modules go. By default one feature folder, `src/<plural>/` (under
 * `src/modules/` when the project has that folder); a project organised by layer keeps its
 * layers: the router goes into `src/routes/`, schemas into `src/schemas/`, services into
 * `src/services/`, repositories into `src/repositories/`, each when that folder exists.
 */
export function resourceFiles(context: GeneratorContext, names: ResourceNames): ResourceFiles {
  const plural = names.plural.kebab;
  const feature = folderExists(context, 'src/modules') ? `src/modules/${plural}` : `src/${plural}`;
  const layer = (folder: string, suffix: string): string => (folderExists(context, `src/${folder}`) ? `src/${folder}/${plural}.ts` : `${feature}/${plural}.${suffix}.ts`);
  const routesSuffix = context.flavour.framework === 'express' ? 'router' : 'routes';
  return {
    schemas: layer('schemas', 'schemas'),
    repository: layer('repositories', 'repository'),
    service: layer('services', 'service'),
    // @fastify/autoload would register a plugin in routes/ a second time (under its folder's prefix).
    routes: usesAutoload(context) ? `${feature}/${plural}.${routesSuffix}.ts` : layer('routes', routesSuffix),
  };
}

/**
 * Whether the Fastify app loads folders with @fastify/autoload: modules that are registered
 * explicitly must then stay out of the loaded folders (routes/, plugins/).
 */
export function usesAutoload(context: GeneratorContext): boolean {
  if (context.flavour.framework !== 'fastify') return false;
  try {
    return autoloadsPlugins(context, findAppTarget(context));
  } catch {
    return false;
  }
}
