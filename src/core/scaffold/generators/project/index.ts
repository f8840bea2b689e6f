import { z } from 'zod';
import { ScaffoldConflictError } from '../../errors';
import { zodRange } from '../config';
import { errorHandlerModule, middlewareDir, pluginsDir, routesDir } from '../error-handler/layout';
import { fastifyPluginRange } from '../error-handler';
import { TEST_DEPENDENCIES } from '../health';
import { generatorIds } from '../registry';
import { defineGenerator, type GeneratorContext } from '../types';

/** npm's rules for new package names: lower case, URL-safe, at most 214 characters, optional scope. */
const NPM_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

const options = z.object({
  name: z
    .string()
    .min(1)
    .max(214)
    .regex(NPM_NAME, 'an npm package name: lower case letters, digits, - . _ ~, optionally @scope/name')
    .refine((value) => !/^[._]/.test(value) && !['node_modules', 'favicon.ico'].includes(value), 'not a valid npm package name')
    .describe('npm package name of the new project'),
  framework: z.enum(['express', 'fastify']).describe('express or fastify'),
  major: z.union([z.literal(4), z.literal(5)]).default(5).describe('Framework major version: 4 or 5'),
  moduleSystem: z.enum(['esm', 'cjs']).default('esm').describe('esm (NodeNext, "type": "module") or cjs (CommonJS)'),
  directory: z
    .string()
    .min(1)
    .refine((value) => !value.split(/[\\/]/).includes('..') && !/^([A-Za-z]:)?[\\/]/.test(value), 'a folder inside the current one')
    .default('.')
    .describe('Where to create it, relative to the current folder; it must be empty or not exist yet'),
});

type Options = z.output<typeof options>;

const DEV_TOOLS = { typescript: '~5.9.2', tsx: '^4.20.3', '@types/node': '^20.19.0' } as const;

function refuseNonEmpty(context: GeneratorContext): void {
  const { files, directories } = context.tree.host.readDirectory(context.root);
  const entries = [...files, ...directories].filter((entry) => entry !== '.git');
  if (entries.length > 0) {
    throw new ScaffoldConflictError(
      context.root,
      `Cannot create a project in ${context.root}: the folder is not empty (${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', …' : ''}). Choose a new or empty folder.`,
    );
  }
}

function packageJson(context: GeneratorContext, { name }: Options): string {
  const manifest = {
    name,
    version: '0.1.0',
    private: true,
    description: `${context.flavour.framework === 'express' ? 'Express' : 'Fastify'} ${context.flavour.major} API`,
    ...(context.flavour.esm ? { type: 'module' } : {}),
    main: 'dist/server.js',
    engines: { node: '>=20.19' },
    scripts: {
      dev: 'tsx watch src/server.ts',
      build: 'tsc -p tsconfig.build.json',
      start: 'node dist/server.js',
      test: 'vitest run',
      typecheck: 'tsc --noEmit',
    },
    dependencies: {},
    devDependencies: {},
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function tsconfig(context: GeneratorContext): string {
  const esm = context.flavour.esm;
  const compilerOptions = {
    target: 'ES2022',
    module: esm ? 'NodeNext' : 'CommonJS',
    moduleResolution: esm ? 'NodeNext' : 'Node',
    lib: ['ES2023'],
    types: ['node'],
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    esModuleInterop: true,
    forceConsistentCasingInFileNames: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    sourceMap: true,
    outDir: 'dist',
  };
  return `${JSON.stringify({ compilerOptions, include: ['src', 'test'] }, null, 2)}\n`;
}

const TSCONFIG_BUILD = `${JSON.stringify(
  { extends: './tsconfig.json', compilerOptions: { rootDir: 'src', outDir: 'dist', noEmit: false }, include: ['src'], exclude: ['**/*.test.ts'] },
  null,
  2,
)}\n`;

function addDependencies(context: GeneratorContext): void {
  const { framework, major } = context.flavour;
  if (framework === 'express') {
    context.addDependency('express', major === 4 ? '^4.21.2' : '^5.1.0');
    context.addDependency('@types/express', major === 4 ? '^4.17.21' : '^5.0.3', true);
  } else {
    context.addDependency('fastify', major === 4 ? '^4.29.1' : '^5.4.0');
    context.addDependency('fastify-plugin', fastifyPluginRange(context));
  }
  context.addDependency('zod', zodRange(context));
  for (const [name, range] of Object.entries(DEV_TOOLS)) context.addDependency(name, range, true);
  context.addDependency('vitest', TEST_DEPENDENCIES.vitest, true);
}

/**
 * A new Express or Fastify project: package.json, tsconfig, app factory with the whole middleware
 * stack wired in the documented order, server entry with graceful shutdown; then the config,
 * error-handler, middleware and health generators add their modules (and find the registrations
 * already in place), and `tests` (when installed) or `health` writes the first tests.
 */
export const projectGenerator = defineGenerator({
  meta: {
    id: 'project',
    title: 'New Project…',
    description: 'A new Express or Fastify TypeScript project: app factory, server with graceful shutdown, config, error handling, middleware, health checks and tests.',
    frameworks: ['express', 'fastify'],
    options,
    createsProject: true,
  },
  generate(context, values) {
    refuseNonEmpty(context);
    const express = context.flavour.framework === 'express';
    const dir = express ? middlewareDir(context) : pluginsDir(context);
    const modules = {
      config: 'src/config.ts',
      logger: 'src/logger.ts',
      errorHandler: errorHandlerModule(context),
      cors: `${dir}/cors.ts`,
      logging: `${dir}/logging.ts`,
      rateLimit: `${dir}/rate-limit.ts`,
      requestId: `${dir}/request-id.ts`,
      health: `${routesDir(context)}/health.ts`,
      app: 'src/app.ts',
    };
    const importsFrom = (file: string) => Object.fromEntries(Object.entries(modules).map(([key, target]) => [key, context.importPath(file, target)]));

    context.writeFile('package.json', packageJson(context, values));
    context.writeFile('tsconfig.json', tsconfig(context));
    context.writeFile('tsconfig.build.json', TSCONFIG_BUILD);
    context.writeFile('.gitignore', context.render('project/gitignore.ejs'));
    context.writeFile(
      'README.md',
      context.render('project/README.md.ejs', { name: values.name, frameworkLabel: `${express ? 'Express' : 'Fastify'} ${context.flavour.major}`, healthModule: modules.health }),
    );
    context.writeFile(modules.app, context.render('project/app.ts.ejs', { imports: importsFrom(modules.app) }));
    context.writeFile('src/server.ts', context.render('project/server.ts.ejs', { imports: importsFrom('src/server.ts') }));
    addDependencies(context);

    // The modules the app imports; their registrations are already in app.ts, so these only add files.
    context.invoke('config', {});
    context.invoke('error-handler', {});
    context.invoke('middleware', {});
    const hasTestsGenerator = generatorIds().includes('tests');
    context.invoke('health', { test: !hasTestsGenerator });
    if (hasTestsGenerator) context.invoke('tests', { target: 'health' });

    context.note(`Created ${values.name} in ${context.root}. Next: cd into it, npm install, cp .env.example .env, npm run dev.`);
  },
});
