import { Node, type SourceFile } from 'ts-morph';
import { z } from 'zod';
import { relativePath } from '../../../model/paths';
import { ScaffoldRefusalError } from '../../errors';
import { findAuthGuard } from '../resource/auth';
import { addSchemaDependencies, typeProviderRange } from '../resource/dependencies';
import { checkFields, type FieldSpec } from '../resource/fields';
import { formsOf, splitWords } from '../resource/names';
import { findModule, mountedModule } from '../tests/target';
import { defineGenerator, type GeneratorContext } from '../types';
import { ensureValidateModule } from '../validation/validate-module';
import { callNode, declaresConst, ensureProjectImport, ensureZod, freeName, inFileStyle, insertBlock, insertBlockAfter, insertBlockBefore, normalizeRoutePath } from './editing';
import { objectSource, type SchemaPart } from './schema';
import { findExpressRouter, findFastifyPlugin } from './targets';

/** A route path below its router: `/`, `/:id`, `/:id/items`, `/search` (no wildcards or optional parts). */
export const ROUTE_PATH = /^\/(?:(?:[A-Za-z0-9._~-]+|:[A-Za-z_$][A-Za-z0-9_$]*)(?:\/(?:[A-Za-z0-9._~-]+|:[A-Za-z_$][A-Za-z0-9_$]*))*)?$/;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function fieldsOption(description: string) {
  return z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined || value.trim() === '') return;
      const result = checkFields(value, { resource: false });
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
    })
    .describe(description);
}

const options = z
  .object({
    router: z.string().min(1).describe('The router / plugin file (src/routes/orders.ts) or the path it is mounted at (/api/v1/orders)'),
    method: z.enum(METHODS).describe('HTTP method: get, post, put, patch or delete'),
    path: z.string().regex(ROUTE_PATH, 'a path such as / or /:id/cancel (no wildcards or optional parameters)').default('/').describe('Path below the router, e.g. /:id/cancel'),
    body: fieldsOption('Body fields (post, put, patch), in the resource field syntax: "reason:string notify:boolean?"'),
    query: fieldsOption('Query fields: "q:string? page:integer?"'),
    params: fieldsOption('Types of the path parameters: "id:uuid" (default: non-empty strings)'),
    protected: z.boolean().default(false).describe('Require an authenticated user (needs the auth generator)'),
  })
  .superRefine((value, ctx) => {
    if (value.body && value.body.trim() !== '' && !['post', 'put', 'patch'].includes(value.method)) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: `a ${value.method.toUpperCase()} route takes no body` });
    }
    const names = [...value.path.matchAll(/:([A-Za-z_$][\w$]*)/g)].map((match) => match[1]);
    const params = value.params && value.params.trim() !== '' ? checkFields(value.params, { resource: false }) : undefined;
    if (params?.ok) {
      for (const field of params.fields) {
        if (!names.includes(field.name)) ctx.addIssue({ code: 'custom', path: ['params'], message: `"${field.name}" is not a parameter of ${value.path}` });
        if (field.array || field.optional) ctx.addIssue({ code: 'custom', path: ['params'], message: `path parameter "${field.name}" cannot be a list or optional` });
      }
    }
    const query = value.query && value.query.trim() !== '' ? checkFields(value.query, { resource: false }) : undefined;
    if (query?.ok) {
      for (const field of query.fields.filter((item) => item.array)) ctx.addIssue({ code: 'custom', path: ['query'], message: `query field "${field.name}" cannot be a list` });
    }
  });

export type RouteOptions = z.output<typeof options>;

interface PlannedSchema {
  part: SchemaPart;
  name: string;
  fields: FieldSpec[];
}

function fieldsOf(text: string | undefined): FieldSpec[] {
  if (text === undefined || text.trim() === '') return [];
  const result = checkFields(text, { resource: false });
  if (!result.ok) throw new ScaffoldRefusalError('', result.message);
  return result.fields;
}

/** Path parameters with their types: the given ones, strings for the rest. */
function paramFields(path: string, given: FieldSpec[]): FieldSpec[] {
  return [...path.matchAll(/:([A-Za-z_$][\w$]*)/g)].map(
    (match) => given.find((field) => field.name === match[1]) ?? { name: match[1], type: 'string', array: false, optional: false, unique: false },
  );
}

/** `PostOrdersCancel`: method, router and the fixed segments of the path. */
function baseName(method: string, routerLabel: string, path: string): string {
  const words = [method, ...splitWords(routerLabel), ...path.split('/').filter((segment) => segment.length > 0 && !segment.startsWith(':')).flatMap(splitWords)];
  return formsOf(words.map((word) => word.toLowerCase())).pascal;
}

function label(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.[cm]?[jt]s$/, '');
  return (name === 'index' ? file.split('/').slice(-2, -1)[0] ?? 'routes' : name).replace(/\.(router|routes|route|plugin)$/, '');
}

function fullPathOf(mountPath: string, path: string): string {
  return path === '/' ? mountPath || '/' : `${mountPath}${path}`;
}

/**
 * One route added to an existing router / plugin, after its last route, with zod schemas for the
 * body, query and path parameters (Express: `validate(…)` middleware; Fastify: route `schema`).
 * The handler answers 501 Not Implemented until it is written. Running it again for the same
 * method and path changes nothing.
 */
export function applyRoute(context: GeneratorContext, values: RouteOptions): void {
  const express = context.flavour.framework === 'express';
  if (!express) typeProviderRange(context);
  const file = findModule(context, values.router);
  const relative = relativePath(context.root, file);
  const mounted = mountedModule(context, file);
  const sourceFile = context.ast().getSourceFile(file);
  const method = values.method;
  const path = normalizeRoutePath(values.path);
  const full = fullPathOf(mounted.mountPath, path);

  const existing = express ? findExpressRouter(context, sourceFile).routes : findFastifyPlugin(context, sourceFile).routes;
  if (existing.some((route) => route.method === method.toUpperCase() && normalizeRoutePath(route.path ?? '/') === path)) {
    context.note(`${relative} already has ${method.toUpperCase()} ${path}; nothing was added.`);
    return;
  }

  const auth = values.protected ? findAuthGuard(context) : undefined;
  if (values.protected && !auth) {
    throw new ScaffoldRefusalError(file, `${method.toUpperCase()} ${full} cannot be protected: the project has no auth guard yet. Run the auth generator first.`);
  }

  const base = baseName(method, label(file), path);
  const planned: PlannedSchema[] = [];
  const params = paramFields(path, fieldsOf(values.params));
  if (params.length > 0) planned.push({ part: 'params', name: freeName(sourceFile, `${base}ParamsSchema`), fields: params });
  const query = fieldsOf(values.query);
  if (query.length > 0) planned.push({ part: 'query', name: freeName(sourceFile, `${base}QuerySchema`), fields: query });
  const body = fieldsOf(values.body);
  if (body.length > 0) planned.push({ part: 'body', name: freeName(sourceFile, `${base}BodySchema`), fields: body });

  const zName = planned.length > 0 ? ensureZod(context, sourceFile) : 'z';
  if (planned.length > 0) addSchemaDependencies(context);
  const data = { method, path, fullPath: full, schemas: planned, z: zName };
  if (express) addExpressRoute(context, sourceFile, data, auth?.framework === 'express' ? ensureProjectImport(context, sourceFile, auth.module, [auth.guard])[auth.guard] : undefined);
  else addFastifyRoute(context, sourceFile, data, auth?.framework === 'fastify' ? auth.decorator : undefined);
  context.note(`Added ${method.toUpperCase()} ${full} to ${relative}. Its handler answers 501 Not Implemented until you write it${planned.length > 0 ? '; the input is validated before it runs' : ''}.`);
}

interface RouteData {
  method: string;
  path: string;
  fullPath: string;
  schemas: PlannedSchema[];
  z: string;
}

/** Declares the schema constants above `anchor` (a top-level statement), unless already declared. */
function insertSchemas(context: GeneratorContext, sourceFile: SourceFile, anchor: Node, data: RouteData): void {
  for (const schema of data.schemas) {
    const code = inFileStyle(sourceFile, `const ${schema.name} = ${objectSource(schema.fields, schema.part, context.flavour, data.z)};`);
    if (!declaresConst(sourceFile, schema.name)) insertBlockBefore(anchor, code);
  }
}

function topLevel(node: Node): Node {
  let current = node;
  while (current.getParent() && !Node.isSourceFile(current.getParent())) current = current.getParent()!;
  return current;
}

function addExpressRoute(context: GeneratorContext, sourceFile: SourceFile, data: RouteData, guard: string | undefined): void {
  const validateModule = data.schemas.length > 0 ? ensureValidateModule(context) : undefined;
  const validate = validateModule ? ensureProjectImport(context, sourceFile, validateModule, ['validate']).validate : undefined;
  const router = findExpressRouter(context, sourceFile);
  const code = context.render('route/route.ts.ejs', { ...data, router: router.name, validate, guard });
  const statement = inFileStyle(sourceFile, code);
  const lastRoute = router.routes[router.routes.length - 1];
  const anchor = lastRoute ? callNode(sourceFile, lastRoute.call) : router.creation;
  insertBlockAfter(anchor, statement);
  const fresh = findExpressRouter(context, sourceFile);
  insertSchemas(context, sourceFile, topLevel(fresh.creation), data);
}

function addFastifyRoute(context: GeneratorContext, sourceFile: SourceFile, data: RouteData, decorator: string | undefined): void {
  const plugin = findFastifyPlugin(context, sourceFile);
  if (data.schemas.length > 0 && !plugin.zodCompilers) {
    throw new ScaffoldRefusalError(
      sourceFile.getFilePath(),
      `The plugin in ${relativePath(context.root, sourceFile.getFilePath())} does not use zod schemas (no setValidatorCompiler(validatorCompiler) from fastify-type-provider-zod in it or on the app). ` +
        `Create routers with the router generator, or set the zod compilers in the plugin first.`,
    );
  }
  const code = context.render('route/route.ts.ejs', { ...data, app: plugin.receiver, guard: decorator ? `${plugin.receiver}.${decorator}` : undefined });
  const statement = inFileStyle(sourceFile, code);
  const lastRoute = plugin.routes[plugin.routes.length - 1];
  if (lastRoute) insertBlockAfter(callNode(sourceFile, lastRoute.call), statement);
  else {
    const body = plugin.fn.getBody();
    if (!body || !Node.isBlock(body)) throw new ScaffoldRefusalError(sourceFile.getFilePath(), 'The plugin has no block body to add the route to.');
    insertBlock(body, body.getStatementsWithComments().length, statement);
  }
  const fresh = findFastifyPlugin(context, sourceFile);
  insertSchemas(context, sourceFile, topLevel(fresh.fn), data);
}

export const routeGenerator = defineGenerator({
  meta: {
    id: 'route',
    title: 'Add Route…',
    description: 'One route added to an existing router / plugin, with zod schemas for its body, query and path parameters.',
    frameworks: ['express', 'fastify'],
    options,
  },
  generate(context, values) {
    applyRoute(context, values);
  },
});

