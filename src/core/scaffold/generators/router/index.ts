import { z } from 'zod';
import { ensureExpressRouterMount } from '../../transforms/express-registration';
import { ensureFastifyRegister } from '../../transforms/fastify-registration';
import { findAppTarget } from '../error-handler/app-target';
import { routesDir } from '../error-handler/layout';
import { importIntoApp, openApp } from '../middleware/placement';
import { addSchemaDependencies, typeProviderRange } from '../resource/dependencies';
import { usesAutoload } from '../resource/layout';
import { formsOf, splitWords } from '../resource/names';
import { defineGenerator, type GeneratorContext } from '../types';

/** `/api/v1/orders`: path segments without parameters or wildcards. */
export const MOUNT_PATH = /^(?:\/[A-Za-z0-9._~-]+)+$/;

const options = z.object({
  path: z.string().regex(MOUNT_PATH, 'a path such as /api/v1/orders (no parameters or wildcards)').describe('Where to mount the router, e.g. /api/v1/orders'),
  name: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/, 'letters and digits, words joined with - or _ (e.g. orders, order-items)')
    .optional()
    .describe('Module name (file and export); defaults to the last segment of the path'),
});

export type RouterOptions = z.output<typeof options>;

export interface RouterModule {
  /** Relative to the project root. */
  file: string;
  exportName: string;
}

/** `orders` → src/routes/orders.ts exporting ordersRouter (Express) / ordersRoutes (Fastify). */
export function routerModule(context: GeneratorContext, values: RouterOptions): RouterModule {
  const words = splitWords(values.name ?? values.path.slice(values.path.lastIndexOf('/') + 1));
  const forms = formsOf(words.length > 0 ? words : ['routes']);
  const suffix = context.flavour.framework === 'express' ? 'Router' : 'Routes';
  // Under @fastify/autoload, a plugin in routes/ would be registered a second time.
  const file = usesAutoload(context) ? `src/${forms.kebab}/${forms.kebab}.routes.ts` : `${routesDir(context)}/${forms.kebab}.ts`;
  return { file, exportName: `${forms.camel}${suffix}` };
}

/** An empty router (Express) / plugin with the zod type provider (Fastify), mounted on the app at `path`. */
export function applyRouter(context: GeneratorContext, values: RouterOptions): RouterModule {
  const express = context.flavour.framework === 'express';
  if (!express) typeProviderRange(context);
  const module = routerModule(context, values);
  context.writeFile(module.file, context.render(express ? 'router/router.ts.ejs' : 'router/routes.ts.ejs', { mountPath: values.path, exportName: module.exportName }));
  const target = findAppTarget(context);
  const local = importIntoApp(context, target, module.file, [module.exportName])[module.exportName];
  if (express) ensureExpressRouterMount(openApp(context, target).node, values.path, local);
  else ensureFastifyRegister(openApp(context, target).node, local, { prefix: values.path });
  if (!express) addSchemaDependencies(context);
  context.note(`${module.file} is mounted at ${values.path} in ${target.relative}; add routes with the route generator (router: ${module.file}).`);
  return module;
}

export const routerGenerator = defineGenerator({
  meta: {
    id: 'router',
    title: 'Add Router…',
    description: 'An empty router (Express) or plugin (Fastify) mounted on the app at a path.',
    frameworks: ['express', 'fastify'],
    options,
  },
  generate(context, values) {
    applyRouter(context, values);
  },
});
