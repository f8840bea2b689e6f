import { z } from 'zod';
import { MUTATING_METHODS } from '../../../analysis/types';
import { dirname, joinPath, relativePath } from '../../../model/paths';
import { ScaffoldRefusalError } from '../../errors';
import { errorHandlerModule, pluginsDir } from '../error-handler/layout';
import { buildModel, type FieldModel } from '../resource/model';
import { resourceNames } from '../resource/names';
import { defineGenerator, type GeneratorContext } from '../types';
import { appAccess, type AppAccess } from './app-access';
import { readResource, type ResourceSpec } from './resource-spec';
import { matchesSomeRoute, routeFacts, type RouteFacts } from './route-facts';
import { TEST_DEPENDENCIES, testFilePath, testSetup, type TestSetup } from './runner';
import { findModule, fullPath, moduleLabel, mountedModule, type MountedModule } from './target';

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
  if (app.kind === 'factory') return context.flavour.framework === 'fastify' ? ['afterEach', 'beforeEach'] : ['beforeEach'];
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

function resourceTestModel(context: GeneratorContext, spec: ResourceSpec, mounted: MountedModule, app: AppAccess): ResourceTestModel {
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
    plural: names.plural.words,
    fields: resolvedFields,
    idType: spec.idType,
    unknownId: spec.idType === 'uuid' ? "'00000000-0000-4000-8000-000000000000'" : '999999999',
    put: spec.put,
    protectedWrites: spec.protectedWrites,
    freshApp: app.kind === 'factory',
    needsRandomUUID: resolvedFields.some((field) => field.type === 'uuid' && field.unique),
    valueImports: [...new Set(resolvedFields.filter((field) => field.type === 'enum').map((field) => field.valuesName!))].sort(),
    invalidField: resolvedFields[0]!,
    patchField: pick(resolvedFields, (field) => !field.unique) ?? resolvedFields[0]!,
    uniqueField: pick(scalar, (field) => field.unique && !field.optional, (field) => field.unique),
    filterField: pick(filterable, (field) => !field.unique && !field.optional, (field) => !field.unique, () => true),
    sortField: pick(sortable, (field) => !field.optional, () => true),
    clearField: pick(resolvedFields, (field) => field.optional),
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
    success: facts.filter((route) => route.method === 'GET' && !route.hasParams && !route.protected && !route.validatesQuery),
    invalidBody: errorBody ? facts.filter((route) => MUTATING_METHODS.has(route.method as never) && route.method !== 'DELETE' && route.validatesBody && !route.protected) : [],
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
  const imports = t.imports(hooksOf(context, t, app));

  if (spec) {
    const r = resourceTestModel(context, spec, mounted, app);
    if (spec.protectedWrites && !r.auth) {
      throw new ScaffoldRefusalError(
        file,
        `The routes of ${mounted.relative} require authentication, and there is no way to get a token in tests: the auth generator's modules were not found.`,
      );
    }
    const text = context.render('tests/resource.test.ts.ejs', { t, r, harness, imports, schemasSpecifier: context.importPath(testFile, relativePath(context.root, spec.schemasFile)) });
    context.writeFile(testFile, tidy(text), { ifExists: 'keep' });
  } else {
    const g = genericTestModel(context, mounted);
    if (g.success.length + g.invalidBody.length + g.protectedRoutes.length === 0 && !g.unknownPath) {
      throw new ScaffoldRefusalError(file, `Nothing in ${mounted.relative} can be tested without knowing valid input: its routes take path parameters or validated queries.`);
    }
    context.writeFile(testFile, tidy(context.render('tests/routes.test.ts.ejs', { t, g, harness, imports })), { ifExists: 'keep' });
  }

  addTestDependencies(context, t);
  context.note(`Tests for ${mounted.relative} (${mounted.mountPath || '/'}) are in ${testFile}; run them with ${runCommand(t)}.`);
}

/** The parts of a test file are rendered separately; where they meet, one blank line is enough. */
function tidy(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n');
}

function testFileFor(context: GeneratorContext, label: string, moduleRelative: string): string {
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

export { fullPath };
