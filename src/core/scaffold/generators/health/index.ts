import { z } from 'zod';
import { ensureExpressRouterMount } from '../../transforms/express-registration';
import { ensureFastifyRegister } from '../../transforms/fastify-registration';
import { autoloadsPlugins } from '../error-handler';
import { findAppTarget, type AppTarget } from '../error-handler/app-target';
import { asyncHandlerModule, routesDir } from '../error-handler/layout';
import { importIntoApp, openApp } from '../middleware/placement';
import { ensureNodeTypes } from '../config';
import { defineGenerator, type GeneratorContext } from '../types';

const options = z.object({
  path: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]*$/, 'a path such as /health')
    .default('/health')
    .describe('Where to mount the endpoints (GET <path>/live and GET <path>/ready)'),
  test: z.boolean().default(false).describe('Also write test/health.test.ts (vitest; supertest for Express, inject for Fastify)'),
});

export const TEST_DEPENDENCIES = { vitest: '^3.2.4', supertest: '^7.1.0', '@types/supertest': '^6.0.3' } as const;

/** The app factory the app module exports (`createApp` / `buildApp`), for tests. */
function appFactoryOf(context: GeneratorContext, target: AppTarget): string | undefined {
  const { sourceFile } = openApp(context, target);
  const wanted = context.flavour.framework === 'express' ? 'createApp' : 'buildApp';
  const declaration = sourceFile.getFunction(wanted);
  return declaration?.isExported() ? wanted : undefined;
}

export function applyHealth(context: GeneratorContext, { path, test }: { path: string; test: boolean }): void {
  const target = findAppTarget(context);
  // @fastify/autoload would load a module in routes/ on its own (and skip one without a default export): keep it out.
  const module = context.flavour.framework === 'fastify' && autoloadsPlugins(context, target) ? 'src/health/health.routes.ts' : `${routesDir(context)}/health.ts`;
  const express = context.flavour.framework === 'express';
  const asyncModule = asyncHandlerModule(context);
  if (express && context.flavour.major === 4) {
    context.writeFile(asyncModule, context.render('error-handler/async-handler.ts.ejs'), { ifExists: 'keep' });
  }
  ensureNodeTypes(context);
  context.writeFile(module, context.render('health/health.ts.ejs', { asyncHandlerImport: context.importPath(module, asyncModule) }), { ifExists: 'keep' });

  if (express) {
    const names = importIntoApp(context, target, module, ['healthRouter']);
    ensureExpressRouterMount(openApp(context, target).node, path, names.healthRouter);
  } else {
    const names = importIntoApp(context, target, module, ['healthRoutes']);
    ensureFastifyRegister(openApp(context, target).node, names.healthRoutes, { prefix: path });
  }

  if (!test) return;
  const factory = appFactoryOf(context, target);
  if (!factory || path !== '/health') {
    context.note(`No health test written: ${target.relative} does not export ${express ? 'createApp()' : 'buildApp()'} for tests to build the app with. The tests generator can add one.`);
    return;
  }
  const testFile = 'test/health.test.ts';
  context.writeFile(
    testFile,
    context.render('health/health.test.ts.ejs', {
      appFactory: factory,
      appImport: context.importPath(testFile, target.relative),
      healthImport: context.importPath(testFile, module),
    }),
    { ifExists: 'keep' },
  );
  context.addDependency('vitest', TEST_DEPENDENCIES.vitest, true);
  if (express) {
    context.addDependency('supertest', TEST_DEPENDENCIES.supertest, true);
    context.addDependency('@types/supertest', TEST_DEPENDENCIES['@types/supertest'], true);
  }
}

export const healthGenerator = defineGenerator({
  meta: {
    id: 'health',
    title: 'Add Health Checks…',
    description: 'GET /health/live (liveness) and GET /health/ready (readiness checks, 503 when one fails), mounted on the app.',
    frameworks: ['express', 'fastify'],
    options,
  },
  generate(context, values) {
    applyHealth(context, values);
  },
});
