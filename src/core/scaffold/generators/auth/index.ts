import { z } from 'zod';
import { joinPath } from '../../../model/paths';
import { ScaffoldError, ScaffoldRefusalError } from '../../errors';
import { ensureExpressRouterMount } from '../../transforms/express-registration';
import { ensureFastifyRegister } from '../../transforms/fastify-registration';
import { zodRange } from '../config';
import { autoloadsPlugins, fastifyPluginRange, foreignErrorHandler } from '../error-handler';
import { findAppTarget, type AppTarget } from '../error-handler/app-target';
import { asyncHandlerModule, errorHandlerModule, errorsModule } from '../error-handler/layout';
import { ensureStackRegistration, importIntoApp, openApp } from '../middleware/placement';
import { PREFIX } from '../resource';
import { typeProviderRange } from '../resource/dependencies';
import { resourceNames } from '../resource/names';
import { appAccess, type AppAccess } from '../tests/app-access';
import { TEST_DEPENDENCIES, testFilePath, testSetup } from '../tests/runner';
import { testFileFor } from '../tests';
import { defineGenerator, type GeneratorContext } from '../types';
import { ensureValidateModule } from '../validation/validate-module';
import { ensureAuthEnv } from './env';
import { authFiles, type AuthFiles } from './layout';
import { protectResourceRoutes, type ProtectedModule } from './protect';
import { ensureTestEnvironment } from './test-env';

const options = z.object({
  prefix: z.string().regex(PREFIX, 'a path prefix such as /api/v1').default('/api/v1').describe('API prefix; the auth routes are mounted at <prefix>/auth'),
  protectResources: z.boolean().default(true).describe("Require authentication on the create / update / delete routes of the resource generator's routers"),
  tests: z.boolean().default(true).describe('Also write tests for the auth routes and guards'),
});

type Options = z.output<typeof options>;

/**
 * jose 6 is ESM-only. It loads in CommonJS on Node ≥ 20.19 / 22.12 (require of ES modules) and
 * compiles with `module: commonjs`, but not with `module: node16` (TS1479), nor on older Node 20
 * and 18 releases. jose 5 ships a CommonJS build with the same API (SignJWT, jwtVerify, errors),
 * so CommonJS projects get ^5.10.0 and ES module projects ^6.
 */
export function joseRange(context: GeneratorContext): string {
  return context.flavour.esm ? '^6.1.0' : '^5.10.0';
}

/** Auth libraries whose typings claim `request.user` (Fastify) in a way ours would clash with. */
const CLASHING_FASTIFY_PACKAGES = ['@fastify/jwt', '@fastify/passport', '@fastify/secure-session'];

function refuseClashes(context: GeneratorContext): void {
  if (context.flavour.framework !== 'fastify') return;
  const clash = CLASHING_FASTIFY_PACKAGES.find((name) => name in context.project.dependencies);
  if (clash) {
    throw new ScaffoldError(
      `${clash} is already set up in this project and declares request.user itself; Routewise's auth plugin would clash with it. Nothing was changed.`,
    );
  }
}

/** Writes a module unless the project has its own file there (then refuses: it is not ours to replace). */
function writeModule(context: GeneratorContext, relative: string, content: string, requiredExport: string): void {
  const path = joinPath(context.root, relative);
  if (context.tree.exists(path)) {
    const sourceFile = context.ast().getSourceFile(path);
    if (!sourceFile.getExportedDeclarations().has(requiredExport)) {
      throw new ScaffoldRefusalError(
        path,
        `${relative} already exists and is not Routewise's auth module (it does not export ${requiredExport}). Move it away, or set up auth by hand. Nothing was changed.`,
      );
    }
    // Ours (perhaps edited since): kept as it is.
    return;
  }
  context.writeFile(relative, content);
}

function writeModules(context: GeneratorContext, files: AuthFiles, config: string, mountPath: string): void {
  const express = context.flavour.framework === 'express';
  const from = (file: string) => (target: string) => context.importPath(file, target);
  const render = (template: string, file: string, targets: Record<string, string>) =>
    context.render(`auth/${template}`, { imports: Object.fromEntries(Object.entries(targets).map(([key, target]) => [key, from(file)(target)])), mountPath });
  const errors = errorsModule(context);

  writeModule(context, files.schemas, render('schemas.ts.ejs', files.schemas, {}), 'RegisterSchema');
  writeModule(context, files.password, render('password.ts.ejs', files.password, { config }), 'hashPassword');
  writeModule(context, files.tokens, render('tokens.ts.ejs', files.tokens, { config, schemas: files.schemas }), 'signAccessToken');
  writeModule(context, files.refreshTokens, render('refresh-tokens.ts.ejs', files.refreshTokens, {}), 'InMemoryRefreshTokenStore');
  writeModule(context, files.users, render('users.ts.ejs', files.users, { schemas: files.schemas }), 'InMemoryUserRepository');
  writeModule(
    context,
    files.service,
    render('service.ts.ejs', files.service, { errors, password: files.password, refreshTokens: files.refreshTokens, schemas: files.schemas, tokens: files.tokens, users: files.users }),
    'AuthService',
  );
  const core = { refreshTokens: files.refreshTokens, schemas: files.schemas, service: files.service, users: files.users };
  if (express) {
    writeModule(context, files.guard, render('guards.ts.ejs', files.guard, { errors, schemas: files.schemas, tokens: files.tokens }), 'requireAuth');
    const validate = ensureValidateModule(context);
    const asyncHandler = asyncHandlerModule(context);
    if (context.flavour.major === 4) context.writeFile(asyncHandler, context.render('error-handler/async-handler.ts.ejs'), { ifExists: 'keep' });
    // The app's own error handler may not answer 401 / 409 / 422 in the standard shape: the router answers them itself.
    const scoped: Record<string, string> = foreignErrorHandler(context) ? { scopedErrorHandler: errorHandlerModule(context) } : {};
    writeModule(context, files.routes, render('router.ts.ejs', files.routes, { ...core, guards: files.guard, validate, asyncHandler, ...scoped }), 'createAuthRouter');
  } else {
    writeModule(context, files.guard, render('plugin.ts.ejs', files.guard, { errors, schemas: files.schemas, tokens: files.tokens }), 'authPlugin');
    writeModule(context, files.routes, render('routes.ts.ejs', files.routes, { ...core, plugin: files.guard }), 'authRoutes');
  }
}

function addDependencies(context: GeneratorContext): void {
  context.addDependency('jose', joseRange(context));
  context.addDependency('zod', zodRange(context));
  if (context.flavour.framework === 'fastify') {
    context.addDependency('fastify-plugin', fastifyPluginRange(context));
    context.addDependency('fastify-type-provider-zod', typeProviderRange(context));
  }
}

/** Mounts the router (Express) / registers the plugins (Fastify) on the app. */
function register(context: GeneratorContext, target: AppTarget, files: AuthFiles, mountPath: string): void {
  if (context.flavour.framework === 'express') {
    const names = importIntoApp(context, target, files.routes, ['createAuthRouter']);
    ensureExpressRouterMount(openApp(context, target).node, mountPath, `${names.createAuthRouter}()`);
    return;
  }
  const names = importIntoApp(context, target, files.guard, ['authPlugin']);
  // Decorators must exist before any plugin that uses them loads: with the stack (after the error
  // handler), before the first route plugin.
  ensureStackRegistration(context, target, 'error-handler', names.authPlugin);
  const routes = importIntoApp(context, target, files.routes, ['authRoutes']);
  ensureFastifyRegister(openApp(context, target).node, routes.authRoutes, { prefix: mountPath });
}

function writeTests(context: GeneratorContext, target: AppTarget, files: AuthFiles, mountPath: string): string | undefined {
  let app: AppAccess;
  try {
    app = appAccess(context, target);
  } catch (error) {
    if (error instanceof ScaffoldRefusalError) {
      context.note(`No auth tests written: ${error.message}`);
      return undefined;
    }
    throw error;
  }
  const t = testSetup(context);
  const express = context.flavour.framework === 'express';
  const testFile = testFilePath(context, 'auth');
  const hooks = app.kind === 'factory' || app.kind === 'plugin' ? (express ? ['beforeEach'] : ['afterEach', 'beforeEach']) : express ? [] : [t.afterAllName, t.beforeAllName];
  const specifier = (to: string) => context.importPath(testFile, to);
  const handler = errorHandlerModule(context, !express && autoloadsPlugins(context, target));
  context.writeFile(
    testFile,
    context.render('auth/auth.test.ts.ejs', {
      t,
      app,
      base: mountPath,
      runnerImports: t.imports(hooks),
      imports: {
        app: specifier(app.file.relative),
        tokens: specifier(files.tokens),
        errorHandler: specifier(handler),
        ...(express ? { guards: specifier(files.guard) } : { plugin: specifier(files.guard) }),
      },
    }),
    { ifExists: 'keep' },
  );
  if (t.runner === 'vitest') context.addDependency('vitest', TEST_DEPENDENCIES.vitest, true);
  if (express) {
    context.addDependency('supertest', TEST_DEPENDENCIES.supertest, true);
    context.addDependency('@types/supertest', TEST_DEPENDENCIES['@types/supertest'], true);
  }
  return testFile;
}

/**
 * Tests the tests generator wrote for a resource before its routes required a user would now
 * get 401s: the tests generator brings them up to date (it leaves files edited since alone).
 */
function refreshResourceTests(context: GeneratorContext, module: ProtectedModule): void {
  // Where the tests generator put them: beside the module when the project's tests live in src/.
  const testFile = testFileFor(context, resourceNames(module.typeName).plural.kebab, module.relative);
  if (!context.tree.exists(joinPath(context.root, testFile))) return;
  try {
    context.invoke('tests', { target: module.relative });
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    context.note(`${testFile} was written before ${module.relative} required authentication and could not be updated (${error.message}); its tests of changes will get 401 until they send a token.`);
  }
}

/**
 * The auth generator's work: modules (password hashing, JWT, stores, service, routes, guards),
 * config variables, registration on the app, protection of resource routes, the test
 * environment and tests.
 */
export function applyAuth(context: GeneratorContext, values: Options): void {
  refuseClashes(context);
  if (context.flavour.framework === 'fastify') typeProviderRange(context); // refuses unsupported combinations first
  const target = findAppTarget(context);
  context.invoke('error-handler', {});
  const config = ensureAuthEnv(context).relative;
  const files = authFiles(context, context.flavour.framework === 'fastify' && autoloadsPlugins(context, target));
  const mountPath = `${values.prefix.replace(/\/+$/, '')}/auth`;
  const alreadyThere = context.tree.host.fileExists(joinPath(context.root, files.routes)) && context.tree.host.fileExists(joinPath(context.root, files.guard));

  writeModules(context, files, config, mountPath);
  addDependencies(context);
  register(context, target, files, mountPath);

  const express = context.flavour.framework === 'express';
  const guardLabel = express ? `requireAuth / requireRole from ${files.guard}` : `onRequest: [app.authenticate] / preHandler: [requireRole(…)] (${files.guard})`;
  if (alreadyThere) {
    context.note(`Auth is already set up (${files.routes}, ${files.guard}); only what was missing was added.`);
  } else {
    context.note(
      `Added auth at ${mountPath}: POST /register, POST /login, POST /refresh (rotating refresh tokens), GET /me; guards: ${guardLabel}. ` +
        `Users and refresh tokens live in memory (${files.users}, ${files.refreshTokens}); implement UserRepository and RefreshTokenStore over your database to keep them.`,
    );
    context.note(`Set JWT_SECRET and JWT_REFRESH_SECRET (two different values of at least 32 characters, e.g. openssl rand -base64 48) in the environment: the app refuses to start without them.`);
  }

  if (values.protectResources) {
    const { protectedModules, unprotected } = protectResourceRoutes(context, files.guard);
    for (const module of protectedModules) {
      context.note(`${module.relative}: ${module.routes.join(', ')} now require authentication (${express ? 'requireAuth' : 'app.authenticate'}); reads stay public.`);
      refreshResourceTests(context, module);
    }
    if (unprotected.length > 0) {
      const list = unprotected.map((route) => `${route.method} ${route.path} (${route.relative}:${route.line})`).join(', ');
      context.note(`These routes change data without authentication: ${list}. Add ${express ? 'requireAuth' : 'onRequest: [app.authenticate]'} to those that need a user.`);
    }
  }

  const testEnv = ensureTestEnvironment(context);
  if (testEnv.kind === 'wired') {
    context.note(`Tests get random JWT secrets from ${testEnv.setupFile} (loaded through ${testEnv.config}).`);
  } else if (testEnv.kind === 'manual') {
    context.note(`Tests need JWT secrets: ${testEnv.setupFile} sets random ones; ${testEnv.why}.`);
  }
  if (values.tests && testEnv.kind === 'none') {
    context.note('No auth tests written: the project has no test runner yet. Tests that build the app will need JWT_SECRET and JWT_REFRESH_SECRET in their environment.');
  } else if (values.tests) {
    const testFile = writeTests(context, target, files, mountPath);
    if (testFile) context.note(`Tests for the auth routes and guards are in ${testFile}.`);
  }
}

export const authGenerator = defineGenerator({
  meta: {
    id: 'auth',
    title: 'Add Authentication…',
    description:
      'Register / login / refresh / me routes with scrypt password hashing, JWT access and rotating refresh tokens (jose), requireAuth and requireRole guards (401 with WWW-Authenticate, 403); protects the write routes of resources.',
    frameworks: ['express', 'fastify'],
    options,
  },
  generate(context, values) {
    applyAuth(context, values);
  },
});
