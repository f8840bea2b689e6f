import { z } from 'zod';
import { MUTATING_METHODS } from '../../../analysis/types';
import { dirname, joinPath, relativePath } from '../../../model/paths';
import { ScaffoldRefusalError } from '../../errors';
import { errorHandlerModule, pluginsDir } from '../error-handler/layout';
import { buildModel, type FieldModel } from '../resource/model';
import { articleFor, resourceNames } from '../resource/names';
import { findAuthGuard } from '../resource/auth';
import { restyle } from '../restyle';
import { defineGenerator, type GeneratorContext } from '../types';
import { appAccess, type AppAccess } from './app-access';
import { readResource, type ResourceSpec } from './resource-spec';
import { matchesSomeRoute, routeFacts, type RouteFacts } from './route-facts';
import { TEST_DEPENDENCIES, testFilePath, testSetup, type TestSetup } from './runner';
import { analyzeProjectFile, findModule, moduleLabel, mountedModule, resolverFor, type MountedModule } from './target';

export { TEST_DEPENDENCIES } from './runner';

const options = z.object({
  target: z
    .string()
    .min(1)
    .describe('What to test: a router / plugin file (src/routes/orders.ts), its mount path (/api/v1/orders), or a name (health, orders, a resource such as product)'),
});

type Harness = Record<'packages' | 'app' | 'helpers' | 'hooks', string>;

function harnessOf(context: GeneratorContext, t: TestSetup, app: AppAccess, appSpecifier: string): Harness {
  const part = (name: keyof Harness) => context.render('tests/harness.ts.ejs', { t, app, appSpecifier, part: name });
  return { packages: part('packages'), app: part('app'), helpers: part('helpers'), hooks: part('hooks') };
}

/** Hooks the harness uses, for the runner import. */
function hooksOf(context: GeneratorContext, t: TestSetup, app: AppAccess): string[] {
  if (app.kind === 'factory' || app.kind === 'plugin') return context.flavour.framework === 'fastify' ? ['afterEach', 'beforeEach'] : ['beforeEach'];
  return context.flavour.framework === 'fastify' ? [t.afterAllName, t.beforeAllName] : [];
}

/** Whether the project answers errors in the structured shape (our error handler). */
function hasStructuredErrors(context: GeneratorContext): boolean {
  const candidates = [errorHandlerModule(context), `${pluginsDir(context, true)}/error-handler.ts`];
  return candidates.some((relative) => context.tree.exists(joinPath(context.root, relative)));
}

function pick<T>(items: readonly T[], ...predicates: Array<(item: T) => boolean>): T | undefined {
  for (const predicate of predicates) {
    const found = items.find(predicate);
    if (found) return found;
  }
  return undefined;
}

interface ResourceTestModel {
  base: string;
  typeName: string;
  singular: string;
  /** `a` / `an` before the singular. */
  a: string;
  /** Unique fields take a running number: the file keeps a sequence. */
  usesSequence: boolean;
  plural: string;
  fields: FieldModel[];
  idType: 'uuid' | 'number';
  unknownId: string;
  put: boolean;
  protectedWrites: boolean;
  freshApp: boolean;
  needsRandomUUID: boolean;
  valueImports: string[];
  invalidField: FieldModel;
  patchField: FieldModel;
  uniqueField?: FieldModel;
  filterField?: FieldModel;
  sortField?: FieldModel;
  clearField?: FieldModel;
  auth?: { importLine: string; hook: string; headers: string };
}

/** A user the tests sign access tokens for (the auth generator's signAccessToken). */
const TEST_USER = "{ id: '5b0c1a7e-9d2f-4e8a-b6c3-7f1e2d3c4b5a', email: 'tester@example.com', role: 'user' }";

/**
 * How tests authenticate: an access token from the auth generator's `signAccessToken`, found
 * through the guard's import of `verifyAccessToken`. Undefined when the project has no such module.
 */
function tokenSource(context: GeneratorContext, testFile: string): ResourceTestModel['auth'] {
  const guard = findAuthGuard(context);
  if (!guard) return undefined;
  const guardFile = joinPath(context.root, guard.module);
  const analysis = analyzeProjectFile(context, guardFile);
  const binding = [...analysis.imports.values()].find((candidate) => candidate.imported === 'verifyAccessToken');
  const tokens = binding ? resolverFor(context)(binding.module, guardFile) : undefined;
  if (!tokens || !context.ast().getSourceFile(tokens).getExportedDeclarations().has('signAccessToken')) return undefined;
  return {
    importLine: `import { signAccessToken } from '${context.importPath(testFile, relativePath(context.root, tokens))}';`,
    hook: 'beforeEach',
    headers: `{ authorization: \`Bearer \${await signAccessToken(${TEST_USER})}\` }`,
  };
}

function resourceTestModel(context: GeneratorContext, spec: ResourceSpec, mounted: MountedModule, app: AppAccess, testFile: string): ResourceTestModel {
  const typeWords = spec.typeName.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const names = resourceNames(spec.typeName);
  const model = buildModel(names, spec.fields, context.flavour, { idType: spec.idType, mountPath: mounted.mountPath, put: spec.put });
  // The enum constants are named as the schemas module names them (`productStatusValues`).
  const resolvedFields = model.fields;
  const scalar = resolvedFields.filter((field) => !field.array);
  const filterable = scalar.filter((field) => field.type !== 'date' && field.type !== 'boolean' && !(field.type === 'enum' && (field.values?.length ?? 0) < 2));
  const sortable = scalar.filter((field) => ['number', 'integer', 'date'].includes(field.type) || (field.type === 'string' && !field.unique));
  return {
    base: mounted.mountPath || '/',
    typeName: spec.typeName,
    singular: typeWords,
    a: articleFor(typeWords),
    usesSequence: resolvedFields.some((field) => field.unique),
    plural: names.plural.words,
    fields: resolvedFields,
    idType: spec.idType,
    unknownId: spec.idType === 'uuid' ? "'00000000-0000-4000-8000-000000000000'" : '999999999',
    put: spec.put,
    protectedWrites: spec.protectedWrites,
    freshApp: app.kind === 'factory' || app.kind === 'plugin',
    needsRandomUUID: resolvedFields.some((field) => field.type === 'uuid' && field.unique),
    valueImports: [...new Set(resolvedFields.filter((field) => field.type === 'enum').map((field) => field.valuesName!))].sort(),
    invalidField: resolvedFields[0],
    patchField: pick(resolvedFields, (field) => !field.unique) ?? resolvedFields[0],
    uniqueField: pick(scalar, (field) => field.unique && !field.optional, (field) => field.unique),
    filterField: pick(filterable, (field) => !field.unique && !field.optional, (field) => !field.unique, () => true),
    sortField: pick(sortable, (field) => !field.optional, () => true),
    clearField: pick(resolvedFields, (field) => field.optional),
    ...(spec.protectedWrites ? { auth: tokenSource(context, testFile) } : {}),
  };
}

interface GenericTestModel {
  title: string;
  mountLabel: string;
  success: RouteFacts[];
  invalidBody: RouteFacts[];
  protectedRoutes: Array<RouteFacts & { sample: string }>;
  unknownPath?: string;
  errorBody: boolean;
}

function genericTestModel(context: GeneratorContext, mounted: MountedModule): GenericTestModel {
  const facts = mounted.analysis.routes.map((route) => routeFacts(route, mounted.analysis, mounted.mountPath));
  const errorBody = hasStructuredErrors(context);
  const unknownPath = `${mounted.mountPath}/no-such-route`;
  return {
    title: `${moduleLabel(mounted.file)} routes (${mounted.mountPath || '/'})`,
    mountLabel: mounted.mountPath || '/',
    success: facts.filter((route) => route.method === 'GET' && !route.hasParams && !route.protected && !route.validatesQuery && !route.notImplemented),
    invalidBody: errorBody ? facts.filter((route) => MUTATING_METHODS.has(route.method as never) && route.method !== 'DELETE' && route.validatesBody && !route.protected && !route.hasParams) : [],
    protectedRoutes: facts.filter((route) => route.protected).map((route) => ({ ...route, sample: route.path.replace(/:([A-Za-z_$][\w$]*)/g, '1') })),
    ...(matchesSomeRoute(facts, 'GET', unknownPath) ? {} : { unknownPath }),
    errorBody,
  };
}

/**
 * Tests for a router or resource in the project's runner (vitest for new projects), through
 * supertest (Express) or `app.inject` (Fastify): for a resource every endpoint's success, 422,
 * 404, 409 and 401 cases; for another router what its routes reveal (GET routes answer, body
 * validation answers 422, guards answer 401, unknown paths 404).
 */
export function applyTests(context: GeneratorContext, target: string): void {
  const file = findModule(context, target);
  const mounted = mountedModule(context, file);
  const app = appAccess(context, mounted.app);
  const t = testSetup(context);
  const spec = readResource(context, mounted);
  const label = spec ? resourceNames(spec.typeName).plural.kebab : moduleLabel(file);
  const testFile = testFileFor(context, label, mounted.relative);
  const harness = harnessOf(context, t, app, context.importPath(testFile, app.file.relative));
  const hooks = hooksOf(context, t, app);

  if (spec) {
    const r = resourceTestModel(context, spec, mounted, app, testFile);
    const imports = t.imports(r.auth ? [...hooks, r.auth.hook] : hooks);
    if (spec.protectedWrites && !r.auth) {
      throw new ScaffoldRefusalError(
        file,
        `The routes of ${mounted.relative} that change data require authentication, and the tests cannot get a token: no module exporting signAccessToken (the auth generator's) was found.`,
      );
    }
    const render = (model: ResourceTestModel) =>
      tidy(
        context.render('tests/resource.test.ts.ejs', {
          t,
          r: model,
          harness,
          // The earlier (unprotected) version imported no token hook.
          imports: model.auth ? imports : t.imports(hooks),
          schemasSpecifier: context.importPath(testFile, relativePath(context.root, spec.schemasFile)),
        }),
      );
    // Tests this generator wrote before auth protected the routes are brought up to date, unless edited since.
    const before = spec.protectedWrites ? render({ ...r, protectedWrites: false, auth: undefined }) : undefined;
    writeTestFile(context, testFile, render(r), before);
  } else {
    const imports = t.imports(hooks);
    const g = genericTestModel(context, mounted);
    if (g.success.length + g.invalidBody.length + g.protectedRoutes.length === 0 && !g.unknownPath) {
      throw new ScaffoldRefusalError(file, `Nothing in ${mounted.relative} can be tested without knowing valid input: its routes take path parameters or validated queries.`);
    }
    writeTestFile(context, testFile, tidy(context.render('tests/routes.test.ts.ejs', { t, g, harness, imports })));
  }

  addTestDependencies(context, t);
  context.note(`Tests for ${mounted.relative} (${mounted.mountPath || '/'}) are in ${testFile}; run them with ${runCommand(t)}.`);
}

/**
 * Writes the test file. An existing file is left alone (it is the user's), except when it is
 * exactly what this generator wrote for an earlier state of the project (`previous`): then it is
 * brought up to date.
 */
function writeTestFile(context: GeneratorContext, testFile: string, content: string, previous?: string): void {
  const path = joinPath(context.root, testFile);
  const existing = context.tree.read(path);
  if (existing !== undefined && previous !== undefined && existing === restyle(path, previous, context.style)) {
    context.tree.write(path, restyle(path, content, context.style));
    context.note(`${testFile} was updated: the routes now require authentication, so the tests send an access token.`);
    return;
  }
  if (existing !== undefined && existing !== restyle(path, content, context.style)) {
    context.note(`${testFile} already exists and was kept; delete it and run the tests generator again for fresh tests.`);
    return;
  }
  context.writeFile(testFile, content);
}

/** The parts of a test file are rendered separately; where they meet, one blank line is enough. */
function tidy(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n');
}

export function testFileFor(context: GeneratorContext, label: string, moduleRelative: string): string {
  const placed = testFilePath(context, label);
  // Tests that live beside the sources go beside the module they test.
  return placed.startsWith('src/__tests__/') ? `${dirname(`/${moduleRelative}`).slice(1)}/${placed.slice('src/__tests__/'.length)}` : placed;
}

function addTestDependencies(context: GeneratorContext, t: TestSetup): void {
  if (t.runner === 'vitest') context.addDependency('vitest', TEST_DEPENDENCIES.vitest, true);
  if (context.flavour.framework === 'express') {
    context.addDependency('supertest', TEST_DEPENDENCIES.supertest, true);
    context.addDependency('@types/supertest', TEST_DEPENDENCIES['@types/supertest'], true);
  }
}

function runCommand(t: TestSetup): string {
  switch (t.runner) {
    case 'vitest':
      return 'npx vitest run';
    case 'jest':
      return 'npx jest';
    case 'node':
      return 'npm test (node --test)';
    case 'mocha':
      return 'npx mocha';
  }
}

export const testsGenerator = defineGenerator({
  meta: {
    id: 'tests',
    title: 'Add Tests…',
    description: "Tests for a router or resource in the project's runner (supertest for Express, inject for Fastify): success, 422, 404 and 401 cases.",
    frameworks: ['express', 'fastify'],
    options,
  },
  generate(context, values) {
    applyTests(context, values.target);
  },
});

