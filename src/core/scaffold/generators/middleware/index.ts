import { Node } from 'ts-morph';
import { z } from 'zod';
import { findEquivalentCall } from '../../transforms/registration';
import { ensureNodeTypes, requireDependency } from '../config';
import { tsVersionAtLeast } from '../typescript-version';
import { ConfigNotExtensibleError, ensureEnvVar, KNOWN_ENV_VARS, type ConfigModule } from '../config/env';
import { findAppTarget, type AppTarget } from '../error-handler/app-target';
import { autoloadsPlugins, fastifyPluginRange } from '../error-handler';
import { middlewareDir, pluginsDir } from '../error-handler/layout';
import { defineGenerator, type GeneratorContext } from '../types';
import { creationOptions, ensureCreationOptions } from './creation-options';
import { classifyScope, ensureStackRegistration, importedModules, importIntoApp, importPackageDefault, openApp, registeredKinds, type StackKind } from './placement';

export const MIDDLEWARE_KINDS = ['request-id', 'logging', 'helmet', 'cors', 'rate-limit', 'compression'] as const;
export type MiddlewareKind = (typeof MIDDLEWARE_KINDS)[number];

const options = z.object({
  kinds: z
    .array(z.enum(MIDDLEWARE_KINDS))
    .min(1)
    .default([...MIDDLEWARE_KINDS])
    .describe('Which middleware to add: request-id, logging (pino), helmet, cors, rate-limit, compression (default: all)'),
});

/** The documented order; kinds are added in it whatever order the option lists them. */
const ORDER: readonly MiddlewareKind[] = ['request-id', 'logging', 'helmet', 'cors', 'compression', 'rate-limit'];

const LOGGER_MODULE = 'src/logger.ts';

interface KindContext {
  context: GeneratorContext;
  target: AppTarget;
  /** Folder for generated middleware / plugin modules. */
  dir: string;
}

function configFor(context: GeneratorContext, names: string[]): ConfigModule {
  let module: ConfigModule | undefined;
  for (const name of names) module = ensureEnvVar(context, name, KNOWN_ENV_VARS[name]);
  return module!;
}

function writeModule(kind: KindContext, name: string, template: string, data: Record<string, unknown> = {}): string {
  const relative = `${kind.dir}/${name}`;
  kind.context.writeFile(relative, kind.context.render(template, data), { ifExists: 'keep' });
  return relative;
}

/** `src/logger.ts`: the pino logger (Express) / Fastify logger options, created once. */
export function ensureLoggerModule(context: GeneratorContext): string {
  const config = configFor(context, ['NODE_ENV', 'LOG_LEVEL']);
  context.writeFile(LOGGER_MODULE, context.render('middleware/logger.ts.ejs', { configImport: context.importPath(LOGGER_MODULE, config.relative) }), { ifExists: 'keep' });
  if (context.flavour.framework === 'express') context.addDependency('pino', '^9.7.0');
  return LOGGER_MODULE;
}

/**
 * helmet 6+ declares its types only as `index.d.cts`, which TypeScript before 4.7 cannot resolve;
 * helmet 5 has the same `helmet()` API with plain `.d.ts` typings.
 */
export function helmetRange(context: GeneratorContext): string {
  return tsVersionAtLeast(context.flavour.typescriptVersion, '4.7') ? '^8.1.0' : '^5.1.1';
}

function addExpressKind(kind: KindContext, middleware: MiddlewareKind): void {
  const { context, target } = kind;
  const register = (stack: StackKind, expression: string) => ensureStackRegistration(context, target, stack, expression);
  switch (middleware) {
    case 'request-id': {
      const module = writeModule(kind, 'request-id.ts', 'middleware/request-id.ts.ejs');
      const names = importIntoApp(context, target, module, ['requestId']);
      register('request-id', `${names.requestId}()`);
      return;
    }
    case 'logging': {
      const logger = ensureLoggerModule(context);
      const module = writeModule(kind, 'logging.ts', 'middleware/logging.ts.ejs', { loggerImport: context.importPath(`${kind.dir}/logging.ts`, logger) });
      context.addDependency('pino-http', '^10.5.0');
      const names = importIntoApp(context, target, module, ['requestLogger']);
      register('logging', names.requestLogger);
      return;
    }
    case 'helmet': {
      context.addDependency('helmet', helmetRange(context));
      register('helmet', `${importPackageDefault(context, target, 'helmet', 'helmet')}()`);
      return;
    }
    case 'cors': {
      const config = configFor(context, ['CORS_ORIGINS']);
      const module = writeModule(kind, 'cors.ts', 'middleware/cors.ts.ejs', { configImport: context.importPath(`${kind.dir}/cors.ts`, config.relative) });
      context.addDependency('cors', '^2.8.5');
      context.addDependency('@types/cors', '^2.8.19', true);
      const names = importIntoApp(context, target, module, ['corsMiddleware']);
      register('cors', `${names.corsMiddleware}()`);
      return;
    }
    case 'compression': {
      context.addDependency('compression', '^1.8.1');
      context.addDependency('@types/compression', '^1.8.1', true);
      register('compression', `${importPackageDefault(context, target, 'compression', 'compression')}()`);
      return;
    }
    case 'rate-limit': {
      const config = configFor(context, ['RATE_LIMIT_MAX', 'RATE_LIMIT_WINDOW_MS']);
      const module = writeModule(kind, 'rate-limit.ts', 'middleware/rate-limit.ts.ejs', { configImport: context.importPath(`${kind.dir}/rate-limit.ts`, config.relative) });
      context.addDependency('express-rate-limit', '^7.5.0');
      const names = importIntoApp(context, target, module, ['rateLimiter']);
      register('rate-limit', `${names.rateLimiter}()`);
      return;
    }
  }
}

const FASTIFY_PACKAGES: Record<'helmet' | 'cors' | 'compression' | 'rate-limit', { name: string; ranges: Record<4 | 5, string> }> = {
  helmet: { name: '@fastify/helmet', ranges: { 4: '^11.1.1', 5: '^13.0.1' } },
  cors: { name: '@fastify/cors', ranges: { 4: '^9.0.1', 5: '^11.1.0' } },
  compression: { name: '@fastify/compress', ranges: { 4: '^7.0.3', 5: '^8.1.0' } },
  'rate-limit': { name: '@fastify/rate-limit', ranges: { 4: '^9.1.0', 5: '^10.3.0' } },
};

function addFastifyKind(kind: KindContext, middleware: MiddlewareKind): void {
  const { context, target } = kind;
  const major = context.flavour.major;
  const register = (stack: StackKind, expression: string) => ensureStackRegistration(context, target, stack, expression);
  const dependency = (which: keyof typeof FASTIFY_PACKAGES) => context.addDependency(FASTIFY_PACKAGES[which].name, FASTIFY_PACKAGES[which].ranges[major]);
  switch (middleware) {
    case 'request-id': {
      const module = writeModule(kind, 'request-id.ts', 'middleware/request-id.ts.ejs');
      requireDependency(context, 'fastify-plugin', fastifyPluginRange(context));
      if (target.form === 'plugin') {
        // fastify-cli creates the instance: server options such as genReqId are not the root plugin's to set.
        context.note(
          `${target.relative} exports a root plugin; the Fastify instance (and its genReqId) is created by fastify-cli, so requests keep Fastify's own ids, echoed in X-Request-Id. genRequestId in ${module} accepts callers' ids: pass it as genReqId in the server options (the exported options with \`fastify start --options\`) to use it.`,
        );
        register('request-id', importIntoApp(context, target, module, ['requestIdPlugin']).requestIdPlugin);
        return;
      }
      const names = importIntoApp(context, target, module, ['genRequestId', 'requestIdPlugin']);
      const state = creationOptions(context, target);
      if (state.kind === 'object' && state.keys.includes('genReqId')) {
        context.note(`${target.relative} already sets genReqId; kept it (genRequestId in ${module} validates incoming X-Request-Id values).`);
      } else if (!ensureCreationOptions(context, target, [['genReqId', names.genRequestId], ['requestIdHeader', 'false']])) {
        context.note(`Cannot see into the options passed to the Fastify factory in ${target.relative}: add genReqId: genRequestId and requestIdHeader: false to them.`);
      }
      register('request-id', names.requestIdPlugin);
      return;
    }
    case 'logging': {
      if (target.form === 'plugin') {
        context.note(`${target.relative} exports a root plugin: fastify-cli creates the instance and its pino logger, which logs every request: its level is set by fastify start -l <level> (or --logging-module), so nothing was added for logging.`);
        return;
      }
      const logger = ensureLoggerModule(context);
      const names = importIntoApp(context, target, logger, ['loggerOptions']);
      if (!ensureCreationOptions(context, target, [['logger', names.loggerOptions]])) {
        context.note(`Cannot see into the options passed to the Fastify factory in ${target.relative}: add logger: loggerOptions (from ${logger}) to them.`);
      }
      return;
    }
    case 'helmet': {
      dependency('helmet');
      register('helmet', importPackageDefault(context, target, '@fastify/helmet', 'helmet'));
      return;
    }
    case 'cors': {
      const config = configFor(context, ['CORS_ORIGINS']);
      const module = writeModule(kind, 'cors.ts', 'middleware/cors.ts.ejs', { configImport: context.importPath(`${kind.dir}/cors.ts`, config.relative) });
      dependency('cors');
      requireDependency(context, 'fastify-plugin', fastifyPluginRange(context));
      register('cors', importIntoApp(context, target, module, ['corsPlugin']).corsPlugin);
      return;
    }
    case 'compression': {
      dependency('compression');
      register('compression', importPackageDefault(context, target, '@fastify/compress', 'compress'));
      return;
    }
    case 'rate-limit': {
      const config = configFor(context, ['RATE_LIMIT_MAX', 'RATE_LIMIT_WINDOW_MS']);
      const module = writeModule(kind, 'rate-limit.ts', 'middleware/rate-limit.ts.ejs', { configImport: context.importPath(`${kind.dir}/rate-limit.ts`, config.relative) });
      dependency('rate-limit');
      requireDependency(context, 'fastify-plugin', fastifyPluginRange(context));
      register('rate-limit', importIntoApp(context, target, module, ['rateLimitPlugin']).rateLimitPlugin);
      if (!registrationAwaited(context, target, 'rateLimitPlugin') && !(target.form === 'plugin' && !registersRoutesDirectly(context, target))) {
        context.note(
          `${target.relative} registers plugins without await: @fastify/rate-limit only limits routes added after it has loaded, so routes declared directly on the app next to it are not limited. Await the registrations (await app.register(…)) or declare those routes in plugins.`,
        );
      }
      return;
    }
  }
}

/** Whether the app's own scope declares routes (not only through plugins registered after rate-limit). */
function registersRoutesDirectly(context: GeneratorContext, target: AppTarget): boolean {
  return classifyScope(openApp(context, target).scope).some((statement) => statement.kind === 'route');
}

function registrationAwaited(context: GeneratorContext, target: AppTarget, plugin: string): boolean {
  const { scope } = openApp(context, target);
  const call = findEquivalentCall(scope, 'register', [plugin]);
  return call !== undefined && Node.isAwaitExpression(call.getParent());
}

/** The registration each kind gets (when it is there verbatim, the kind is ours and is completed, not skipped). */
const OUR_REGISTRATIONS: Record<'express' | 'fastify', Record<MiddlewareKind, string>> = {
  express: { 'request-id': 'requestId()', logging: 'requestLogger', helmet: 'helmet()', cors: 'corsMiddleware()', compression: 'compression()', 'rate-limit': 'rateLimiter()' },
  fastify: { 'request-id': 'requestIdPlugin', logging: 'loggerOptions', helmet: 'helmet', cors: 'corsPlugin', compression: 'compress', 'rate-limit': 'rateLimitPlugin' },
};

function isOurs(context: GeneratorContext, target: AppTarget, middleware: MiddlewareKind): boolean {
  const expression = OUR_REGISTRATIONS[target.framework][middleware];
  if (target.framework === 'fastify' && middleware === 'logging') {
    const state = creationOptions(context, target);
    if (state.kind !== 'object') return false;
    const property = state.object.getProperty('logger');
    return property !== undefined && Node.isPropertyAssignment(property) && property.getInitializer()?.getText() === expression;
  }
  const { sourceFile, scope } = openApp(context, target);
  if (findEquivalentCall(scope, target.framework === 'express' ? 'use' : 'register', [expression]) === undefined) return false;
  // `app.use(requestLogger)` with the project's own requestLogger: same text, not ours.
  const local = /^[A-Za-z_$][\w$]*/.exec(expression)?.[0];
  const specifier = local === undefined ? undefined : importedModules(sourceFile).get(local);
  return specifier === undefined || isOurModule(specifier, OUR_MODULES[target.framework][middleware]);
}

/** Where each kind's registered name comes from: a package, or (`./x`) the generated module's file name. */
const OUR_MODULES: Record<'express' | 'fastify', Record<MiddlewareKind, string>> = {
  express: { 'request-id': './request-id', logging: './logging', helmet: 'helmet', cors: './cors', compression: 'compression', 'rate-limit': './rate-limit' },
  fastify: { 'request-id': './request-id', logging: './logger', helmet: '@fastify/helmet', cors: './cors', compression: '@fastify/compress', 'rate-limit': './rate-limit' },
};

function isOurModule(specifier: string, ours: string): boolean {
  if (!ours.startsWith('./')) return specifier === ours;
  const file = specifier.replace(/\.[cm]?[jt]s$/, '').replace(/^.*\//, '');
  return file === ours.slice(2);
}

/** Adds the requested kinds to the app, in the documented order, skipping kinds it already has. */
export function applyMiddleware(context: GeneratorContext, kinds: readonly MiddlewareKind[]): void {
  const target = findAppTarget(context);
  const express = context.flavour.framework === 'express';
  const dir = express ? middlewareDir(context) : pluginsDir(context, autoloadsPlugins(context, target));
  const present = registeredKinds(context, target);
  ensureNodeTypes(context);
  const fastifyLogging = !express && (() => {
    const state = creationOptions(context, target);
    return state.kind === 'object' && (state.keys.includes('logger') || state.keys.includes('loggerInstance'));
  })();
  let added = 0;
  const configRefusals: ConfigNotExtensibleError[] = [];
  for (const middleware of ORDER.filter((candidate) => kinds.includes(candidate))) {
    const there = present.has(middleware) || (middleware === 'logging' && fastifyLogging);
    if (there && !isOurs(context, target, middleware)) {
      context.note(`${middleware} is already set up in ${target.relative}; kept as it is.`);
      continue;
    }
    try {
      if (express) addExpressKind({ context, target, dir }, middleware);
      else addFastifyKind({ context, target, dir }, middleware);
      added += 1;
    } catch (error) {
      // A kind that needs a setting the project's own config cannot take: skip it, do the others.
      if (!(error instanceof ConfigNotExtensibleError)) throw error;
      configRefusals.push(error);
      context.note(`${middleware} was not added: ${error.message.replace(/ Nothing was changed\.$/, '')}`);
    }
  }
  // Nothing could be done at all: refuse, so the user sees why.
  if (added === 0 && configRefusals.length > 0) throw configRefusals[0];
}

export const middlewareGenerator = defineGenerator({
  meta: {
    id: 'middleware',
    title: 'Add Middleware…',
    description: 'request-id, pino request logging, helmet, CORS (origins from config), rate limiting and compression, registered in the right order before the routes.',
    frameworks: ['express', 'fastify'],
    options,
  },
  generate(context, { kinds }) {
    applyMiddleware(context, kinds);
  },
});
