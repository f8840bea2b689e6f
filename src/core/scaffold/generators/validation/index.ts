import ts from 'typescript';
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import { z } from 'zod';
import { isFunctionLike, type FunctionLike } from '../../../analysis/syntax';
import type { FileAnalysis, RouteRegistration } from '../../../analysis/types';
import { DEFAULT_SETTINGS } from '../../../model/settings';
import { joinPath, relativePath } from '../../../model/paths';
import { buildFastifySchemaChanges } from '../../../rules/util/fastify-schema-fix';
import { collectRequestUse, REQUEST_PARTS, type FieldNode, type RequestPart } from '../../../rules/util/request-reads';
import { createCallClassifier, routeCoverage } from '../../../rules/util/request-validation';
import { zodSchemaSource } from '../../../rules/util/zod-schema-from-fields';
import { ScaffoldRefusalError } from '../../errors';
import { ensureImport } from '../../transforms/ensure-import';
import { formattingOf } from '../../transforms/file-style';
import { createModuleResolver } from '../../module-resolver';
import { isAppCall } from '../../transforms/registration';
import { findAppTarget } from '../error-handler/app-target';
import { openApp } from '../middleware/placement';
import { addSchemaDependencies, typeProviderRange } from '../resource/dependencies';
import { formsOf, splitWords } from '../resource/names';
import { usesZod4 } from '../resource/model';
import { analyze, callNode, declaresConst, ensureProjectImport, ensureZod, freeName, inFileStyle, insertBlockBefore, normalizeRoutePath } from '../route/editing';
import { defineGenerator, type GeneratorContext } from '../types';
import { ensureValidateModule } from './validate-module';

export { ensureValidateModule } from './validate-module';

const options = z.object({
  file: z.string().min(1).describe('The file that registers the route (relative to the project, or absolute)'),
  method: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'ALL']))
    .describe('HTTP method of the route'),
  path: z.string().min(1).describe('The route path as written in the file (/:id) or its full path (/api/v1/orders/:id)'),
  line: z.number().int().positive().optional().describe('Line of the route registration, when the file registers the same route twice'),
});

export type ValidationOptions = z.output<typeof options>;

const PART_SUFFIX: Record<RequestPart, string> = { body: 'Body', query: 'Query', params: 'Params' };
const FASTIFY_KEY: Record<RequestPart, string> = { body: 'body', query: 'querystring', params: 'params' };

interface FoundRoute {
  route: RouteRegistration;
  analysis: FileAnalysis;
  /** The full path (with mount prefixes) when the route graph knows it. */
  fullPath?: string;
}

function absolute(context: GeneratorContext, file: string): string {
  return file.startsWith('/') || /^[A-Za-z]:\//.test(file) ? file : joinPath(context.root, file.replace(/^\.\//, ''));
}

/** The route registration in the file: by its path as written, or by the full path the route graph gives it. */
function findRoute(context: GeneratorContext, sourceFile: SourceFile, values: ValidationOptions): FoundRoute {
  const analysis = analyze(context, sourceFile);
  const file = sourceFile.getFilePath();
  const wanted = normalizeRoutePath(values.path);
  const methodMatches = (route: RouteRegistration) => route.method === values.method || (values.method !== 'ALL' && route.method === 'ALL');
  const atLine = (route: RouteRegistration) => values.line === undefined || sourceFile.getLineAndColumnAtPos(route.call.getStart()).line === values.line;
  const local = analysis.routes.filter((route) => methodMatches(route) && atLine(route) && route.path !== undefined && normalizeRoutePath(route.path) === wanted);
  const graph = context.graph();
  const fullPathOf = (route: RouteRegistration) => graph?.routesAt(file, route.call.getStart()).find((candidate) => candidate.method === route.method)?.path;
  if (local.length === 1) return { route: local[0], analysis, fullPath: fullPathOf(local[0]) };
  if (local.length === 0 && graph) {
    const viaGraph = analysis.routes.filter((route) => methodMatches(route) && atLine(route) && graph.routesAt(file, route.call.getStart()).some((candidate) => normalizeRoutePath(candidate.path) === wanted));
    if (viaGraph.length === 1) return { route: viaGraph[0], analysis, fullPath: wanted };
    if (viaGraph.length > 1) return ambiguous(context, file, values, viaGraph);
  }
  if (local.length > 1) return ambiguous(context, file, values, local);
  const known = analysis.routes.map((route) => `${route.method} ${route.path ?? '?'}`).join(', ');
  throw new ScaffoldRefusalError(file, `No ${values.method} ${values.path} route is registered in ${relativePath(context.root, file)}${known ? ` (it has: ${known})` : ''}.`);
}

function ambiguous(context: GeneratorContext, file: string, values: ValidationOptions, routes: RouteRegistration[]): never {
  const sourceFile = routes[0].call.getSourceFile();
  const lines = routes.map((route) => sourceFile.getLineAndCharacterOfPosition(route.call.getStart()).line + 1);
  throw new ScaffoldRefusalError(file, `${relativePath(context.root, file)} registers ${values.method} ${values.path} more than once (lines ${lines.join(', ')}); give the line.`);
}

/** The handler function, in this file or (through the route graph) in the controller file that defines it. */
function handlerOf(context: GeneratorContext, found: FoundRoute, file: string): { fn: FunctionLike; analysis: FileAnalysis } | undefined {
  if (found.route.handler?.fn) return { fn: found.route.handler.fn, analysis: found.analysis };
  const definition = context.graph()?.routesAt(file, found.route.call.getStart()).find((route) => route.handler?.definition)?.handler?.definition;
  if (!definition) return undefined;
  const other = context.ast().getSourceFile(definition.file);
  const analysis = analyze(context, other);
  let node: ts.Node | undefined = findTsNodeAt(analysis.sourceFile, definition.start);
  while (node && !isFunctionLike(node)) {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      node = node.initializer;
      continue;
    }
    if (ts.isCallExpression(node)) {
      node = node.arguments.find((argument) => isFunctionLike(argument));
      continue;
    }
    node = node.parent;
  }
  return node && isFunctionLike(node) ? { fn: node, analysis } : undefined;
}

function findTsNodeAt(sourceFile: ts.SourceFile, position: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(sourceFile) === position && !found) found = node;
    if (node.pos <= position && position < node.end) ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** `/orders/:owner/:id` names params the router fills: strings, always present. */
function withPathParameters(fields: FieldNode, path: string | undefined): FieldNode {
  for (const match of (path ?? '').matchAll(/:([A-Za-z_$][\w$]*)/g)) {
    if (!fields.children.has(match[1])) fields.children.set(match[1], { type: 'string', optional: false, whole: false, children: new Map() });
  }
  return fields;
}

function schemaBaseName(fn: FunctionLike, method: string, path: string): string {
  const own = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : undefined;
  const parent = fn.parent;
  const holder = own ?? (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined);
  const name = holder?.replace(/(Handler|Controller|Route)$/, '');
  if (name && !/^(handler|default|anonymous|index)$/i.test(name)) return formsOf(splitWords(name)).pascal;
  const words = [method.toLowerCase(), ...path.split('/').filter((segment) => segment && !segment.startsWith(':')).flatMap(splitWords)];
  return formsOf(words).pascal;
}

interface PartSchema {
  part: RequestPart;
  name: string;
  fields: FieldNode;
}

/**
 * The validation generator's work: infers a zod schema for each request part the route's handler
 * reads and is not validated yet (the `missing-validation` rule's field inference), declares it
 * above the route and wires it in: `validate({ … })` middleware before the handler (Express), the
 * route's `schema` (Fastify; zod with the zod type provider, else JSON Schema).
 */
export function applyValidation(context: GeneratorContext, values: ValidationOptions): void {
  const file = absolute(context, values.file);
  const relative = relativePath(context.root, file);
  const sourceFile = context.ast().getSourceFile(file);
  const found = findRoute(context, sourceFile, values);
  const label = `${found.route.method} ${found.fullPath ?? found.route.path ?? values.path}`;
  const handler = handlerOf(context, found, file);
  if (!handler) {
    throw new ScaffoldRefusalError(file, `Cannot find the handler of ${label} (${relative}), so the fields it reads are unknown.`);
  }
  const classifier = createCallClassifier({ analysis: handler.analysis, settings: DEFAULT_SETTINGS });
  const use = collectRequestUse(handler.fn, handler.fn.parameters[0], classifier);
  const covered = routeCoverage(found.route, { sourceFile: found.analysis.sourceFile, analysis: found.analysis, settings: DEFAULT_SETTINGS });
  const read = new Set(use.reads.filter((item) => item.usage === 'use' || item.usage === 'capture').map((item) => item.part));
  const parts = REQUEST_PARTS.filter((part) => read.has(part) && !covered.has(part));
  if (parts.length === 0) {
    context.note(
      read.size === 0
        ? `The handler of ${label} reads no body, query or path parameters: there is nothing to validate.`
        : `${label} already validates what its handler reads (${[...read].join(', ')}).`,
    );
    return;
  }
  const base = schemaBaseName(handler.fn, found.route.method, found.route.path ?? values.path);
  const schemas: PartSchema[] = parts.map((part) => {
    const fields = use.fields.get(part) ?? { type: 'unknown', optional: false, whole: true, children: new Map() };
    return { part, name: freeName(sourceFile, `${base}${PART_SUFFIX[part]}Schema`), fields: part === 'params' ? withPathParameters(fields, found.route.path) : fields };
  });

  const express = context.flavour.framework === 'express';
  const zod = express ? (wireExpress(context, sourceFile, found, schemas), true) : wireFastify(context, sourceFile, found, schemas);
  const request = express ? 'req' : 'request';
  const how = zod ? `with ${schemas.map((schema) => schema.name).join(', ')}` : 'with a JSON Schema';
  context.note(
    `${label} now validates ${parts.map((part) => `${request}.${part}`).join(', ')} ${how}, inferred from what the handler reads in ${relativePath(context.root, handler.fn.getSourceFile().fileName)}; review the field types.`,
  );
}

function declareSchemas(context: GeneratorContext, sourceFile: SourceFile, anchor: Node, schemas: PartSchema[]): void {
  const z = ensureZod(context, sourceFile);
  const style = formattingOf(sourceFile);
  const zodMajor = usesZod4(context.flavour) ? 4 : 3;
  for (const schema of schemas) {
    if (declaresConst(sourceFile, schema.name)) continue;
    const source = zodSchemaSource(schema.fields, schema.part, { z, indent: '', indentUnit: '  ', trailingCommas: style.trailingCommas !== 'none', zodMajor, eol: '\n' });
    insertBlockBefore(anchor, inFileStyle(sourceFile, `const ${schema.name} = ${source};`));
  }
  addSchemaDependencies(context);
}

function topLevel(node: Node): Node {
  let current = node;
  while (current.getParent() && !Node.isSourceFile(current.getParent())) current = current.getParent()!;
  return current;
}

/** The route again after an edit above it moved it: same place in the file's list of routes. */
function refind(context: GeneratorContext, sourceFile: SourceFile, found: FoundRoute): RouteRegistration {
  const ordinal = found.analysis.routes.indexOf(found.route);
  const route = analyze(context, sourceFile).routes[ordinal];
  if (!route || route.method !== found.route.method || route.path !== found.route.path) {
    throw new Error(`Lost track of ${found.route.method} ${found.route.path} in ${sourceFile.getFilePath()}`);
  }
  return route;
}

function wireExpress(context: GeneratorContext, sourceFile: SourceFile, found: FoundRoute, schemas: PartSchema[]): void {
  const validate = validateName(context, sourceFile);
  const route = refind(context, sourceFile, found);
  const call = callNode(sourceFile, route.call) as CallExpression;
  const handlerStart = route.handler?.expression.getStart();
  const index = call.getArguments().findIndex((argument) => argument.getStart() === handlerStart);
  if (index === -1) throw new ScaffoldRefusalError(sourceFile.getFilePath(), `Cannot find the handler argument of the route at line ${call.getStartLineNumber()}.`);
  const middleware = inFileStyle(sourceFile, `${validate}({ ${schemas.map((schema) => `${schema.part}: ${schema.name}`).join(', ')} });`).replace(/;$/, '');
  call.insertArgument(index, middleware);
  declareSchemas(context, sourceFile, topLevel(callNode(sourceFile, refind(context, sourceFile, found).call)), schemas);
}

/**
 * The `validate({ body, query, params })` middleware to use in a file: one the file already uses in
 * that shape (the project's own, or ours), else ours imported (as validateRequest when the name
 * `validate` is taken by something else).
 */
function validateName(context: GeneratorContext, sourceFile: SourceFile): string {
  const parts = new Set<string>(REQUEST_PARTS);
  const usedInShape = sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => {
    if (call.getExpression().getText() !== 'validate') return false;
    const [argument] = call.getArguments();
    return argument !== undefined && Node.isObjectLiteralExpression(argument) && argument.getProperties().every((property) => Node.isPropertyAssignment(property) && parts.has(property.getName()));
  });
  if (usedInShape) return 'validate';
  const module = ensureValidateModule(context);
  const taken = freeName(sourceFile, 'validate') !== 'validate';
  const from = relativePath(context.root, sourceFile.getFilePath());
  if (!taken) return ensureProjectImport(context, sourceFile, module, ['validate']).validate;
  const alias = freeName(sourceFile, 'validateRequest');
  const result = ensureImport(sourceFile, {
    moduleSpecifier: context.importPath(from, module),
    namedImports: [{ name: 'validate', alias }],
    resolve: createModuleResolver((path) => context.tree.exists(path), context.style.pathAliases),
  });
  return result.named.validate ?? alias;
}

/** Whether zod schemas work for routes of this file: the zod validator compiler is set in it or on the app. */
function usesZodCompiler(context: GeneratorContext, sourceFile: SourceFile): boolean {
  const sets = (node: Node) => node.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => {
    const callee = call.getExpression();
    return Node.isPropertyAccessExpression(callee) && callee.getName() === 'setValidatorCompiler';
  });
  if (sets(sourceFile)) return true;
  try {
    const app = openApp(context, findAppTarget(context));
    return app.scope.container.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => isAppCall(call, app.scope.name, 'setValidatorCompiler'));
  } catch {
    return false;
  }
}

/** Returns whether zod schemas were written (else a JSON Schema). */
function wireFastify(context: GeneratorContext, sourceFile: SourceFile, found: FoundRoute, schemas: PartSchema[]): boolean {
  if (!usesZodCompiler(context, sourceFile)) {
    // No zod type provider here: a JSON Schema in the route's `schema`, as the lint fix writes it.
    const changes = buildFastifySchemaChanges(sourceFile.getFilePath(), found.analysis.sourceFile, found.route, schemas.map((schema) => ({ part: schema.part, fields: schema.fields })));
    if (!changes) throw new ScaffoldRefusalError(sourceFile.getFilePath(), `The route's schema at line ${sourceFile.getLineAndColumnAtPos(found.route.call.getStart()).line} is not an object literal Routewise can extend.`);
    const edits = changes.flatMap((change) => (change.kind === 'edit' ? change.edits : [])).sort((a, b) => b.start - a.start);
    for (const edit of edits) sourceFile.replaceText([edit.start, edit.end], edit.newText);
    context.note('The project does not set the zod validator compiler (fastify-type-provider-zod), so the route gets a JSON Schema; with the compiler, the validation generator writes zod schemas.');
    return false;
  }
  typeProviderRange(context);
  const call = callNode(sourceFile, found.route.call) as CallExpression;
  const entries = schemas.map((schema) => `${FASTIFY_KEY[schema.part]}: ${schema.name}`);
  const options = found.route.options ? call.getDescendantsOfKind(SyntaxKind.ObjectLiteralExpression).find((object) => object.getStart() === found.route.options!.getStart()) : undefined;
  if (options) {
    const schema = options.getProperty('schema');
    if (schema) {
      const value = Node.isPropertyAssignment(schema) ? schema.getInitializer() : undefined;
      if (!value || !Node.isObjectLiteralExpression(value)) {
        throw new ScaffoldRefusalError(sourceFile.getFilePath(), `The route's schema at line ${call.getStartLineNumber()} is not an object literal Routewise can extend.`);
      }
      for (const [index, schemaEntry] of schemas.entries()) {
        if (!value.getProperty(FASTIFY_KEY[schemaEntry.part])) value.addPropertyAssignment({ name: FASTIFY_KEY[schemaEntry.part], initializer: schemas[index].name });
      }
    } else {
      const handlerProperty = options.getProperty('handler');
      const index = handlerProperty ? options.getProperties().indexOf(handlerProperty) : options.getProperties().length;
      options.insertPropertyAssignment(index, { name: 'schema', initializer: `{ ${entries.join(', ')} }` });
    }
  } else {
    const handlerStart = found.route.handler?.expression.getStart();
    const index = call.getArguments().findIndex((argument) => argument.getStart() === handlerStart);
    if (index === -1) throw new ScaffoldRefusalError(sourceFile.getFilePath(), `Cannot find the handler argument of the route at line ${call.getStartLineNumber()}.`);
    call.insertArgument(index, inFileStyle(sourceFile, `({ schema: { ${entries.join(', ')} } });`).replace(/^\(|\);$/g, ''));
  }
  const route = analyze(context, sourceFile).routes.find((candidate) => candidate.call.getStart() === call.getStart());
  declareSchemas(context, sourceFile, topLevel(route ? callNode(sourceFile, route.call) : call), schemas);
  return true;
}

export const validationGenerator = defineGenerator({
  meta: {
    id: 'validation',
    title: 'Add Validation…',
    description: 'A zod schema for an existing route, inferred from the body, query and path fields its handler reads, wired in as validate() middleware (Express) or the route schema (Fastify).',
    frameworks: ['express', 'fastify'],
    options,
  },
  generate(context, values) {
    applyValidation(context, values);
  },
});
