import { Node, type SourceFile } from 'ts-morph';
import ts from 'typescript';
import { analyzeFile } from '../../../analysis/file-analysis';
import { MUTATING_METHODS, type FileAnalysis, type RouteRegistration } from '../../../analysis/types';
import { parseSource } from '../../../lint/parse';
import { applyEdits, type TextEdit } from '../../../model/edit';
import { joinPath, relativePath } from '../../../model/paths';
import { ScaffoldRefusalError } from '../../errors';
import { createModuleResolver } from '../../module-resolver';
import { discoverSourceFiles } from '../../source-files';
import { ensureImport } from '../../transforms/ensure-import';
import { formattingOf } from '../../transforms/file-style';
import { collectModuleReferences, topLevelBindings } from '../../transforms/module-references';
import { insertStatementText } from '../../transforms/statement-insertion';
import { isAuthName } from '../tests/route-facts';
import type { GeneratorContext } from '../types';

/** The sentence the resource templates put in a protected router's doc comment. */
const PROTECTED_SENTENCE = 'Changes require an authenticated user';
/** The line of the resource templates' doc comment it goes after. */
const ROUTES_LINE = /DELETE \/:id \(204\)\.\s*$/;

export interface ProtectedModule {
  /** Relative to the project root. */
  relative: string;
  /** The resource's type name (`Product` of `ProductCreateSchema`). */
  typeName: string;
  /** `POST /`, `PATCH /:id`, … (paths within the module). */
  routes: string[];
}

export interface UnprotectedRoute {
  method: string;
  path: string;
  relative: string;
  line: number;
}

/**
 * The resource type of a router / plugin module written by the resource generator (it imports
 * `<Name>CreateSchema`, `<Name>ListQuerySchema` and `<Name>ParamsSchema` from one module).
 */
function resourceTypeOf(analysis: FileAnalysis): string | undefined {
  const bindings = [...analysis.imports.values()];
  for (const binding of bindings) {
    const match = /^(\w+)CreateSchema$/.exec(binding.imported);
    if (!match) continue;
    const from = (name: string) => bindings.some((other) => other.imported === `${match[1]}${name}` && other.module === binding.module);
    if (from('ListQuerySchema') && from('ParamsSchema')) return match[1];
  }
  return undefined;
}

function currentText(context: GeneratorContext, file: string): string | undefined {
  if (context.tree.read(file) === undefined) return undefined;
  return context.ast().getSourceFile(file).getFullText();
}

function analyze(context: GeneratorContext, file: string): FileAnalysis | undefined {
  const text = currentText(context, file);
  return text === undefined ? undefined : analyzeFile(parseSource(file, text), context.flavour.framework);
}

const SOURCE = (file: string): boolean => /\.[cm]?ts$/.test(file) && !/\.d\.[cm]?ts$/.test(file) && !/\.(test|spec)\.[cm]?ts$/.test(file);

/**
 * Files that may register routes changing data: those the route graph (of the project on disk)
 * finds, plus modules created in this run (a resource generated in the same session); without a
 * graph, every source file.
 */
function filesWithWrites(context: GeneratorContext): string[] {
  const graph = context.graph();
  const created = context.tree
    .listChanges()
    .filter((change) => change.kind === 'create' && SOURCE(change.path))
    .map((change) => change.path);
  const known = graph ? graph.routes.filter((route) => MUTATING_METHODS.has(route.method)).map((route) => route.at.file) : discoverSourceFiles(context.root, context.tree.host, 2000).filter(SOURCE);
  return [...new Set([...known, ...created])].sort();
}

/** Routes that change data with no guard: none of the common auth names, nor the local name of our guard (aliased imports). */
function unguardedWrites(analysis: FileAnalysis, guardLocal?: string): RouteRegistration[] {
  const guarded = (name: string | undefined) => isAuthName(name) || (guardLocal !== undefined && name === guardLocal);
  return analysis.routes.filter((route) => MUTATING_METHODS.has(route.method) && !route.middleware.some((ref) => guarded(ref.name)));
}

function routeLabel(route: RouteRegistration): string {
  return `${route.method} ${route.path ?? '(dynamic path)'}`;
}

/** Express: `requireAuth, ` before the first argument after the path (so 401 comes before 422). */
function expressGuardEdit(route: RouteRegistration, guard: string): TextEdit | undefined {
  const args = route.call.arguments;
  if (!route.pathNode || args.length < 2 || args[0] !== route.pathNode) return undefined;
  const start = args[1].getStart();
  return { start, end: start, newText: `${guard}, ` };
}

/** Fastify: `onRequest: [app.authenticate]` in the route options (first, as the resource template writes it). */
function fastifyGuardEdit(route: RouteRegistration, text: string): TextEdit | undefined {
  const hook = `${route.receiver}.authenticate`;
  const options = route.options;
  if (options) {
    const onRequest = options.properties.find((property) => property.name !== undefined && ts.isIdentifier(property.name) && property.name.text === 'onRequest');
    if (onRequest) {
      if (!ts.isPropertyAssignment(onRequest) || !ts.isArrayLiteralExpression(onRequest.initializer)) return undefined;
      const array = onRequest.initializer;
      const first = array.elements[0];
      if (!first) return { start: array.getStart() + 1, end: array.getEnd() - 1, newText: hook };
      return { start: first.getStart(), end: first.getStart(), newText: `${hook}, ` };
    }
    const firstProperty = options.properties[0];
    if (firstProperty) return { start: firstProperty.getStart(), end: firstProperty.getStart(), newText: `onRequest: [${hook}], ` };
    const spacing = /\s/.test(text.slice(options.getStart() + 1, options.getEnd() - 1)) ? ' ' : '';
    return { start: options.getStart() + 1, end: options.getEnd() - 1, newText: `${spacing}onRequest: [${hook}]${spacing}` };
  }
  // `app.post('/', handler)`: options go before the handler.
  const args = route.call.arguments;
  if (!route.pathNode || args.length !== 2 || args[0] !== route.pathNode) return undefined;
  const start = args[1].getStart();
  return { start, end: start, newText: `{ onRequest: [${hook}] }, ` };
}

/** The doc comment line saying writes need a user, after the template's line listing the routes. */
function docCommentEdit(sourceFile: SourceFile, route: RouteRegistration, guardLabel: string): TextEdit | undefined {
  const node = sourceFile.getDescendantAtPos(route.call.getStart());
  const holder = node?.getFirstAncestor((ancestor) => Node.isFunctionDeclaration(ancestor) || Node.isVariableStatement(ancestor));
  if (!holder || !(Node.isFunctionDeclaration(holder) || Node.isVariableStatement(holder))) return undefined;
  const doc = holder.getJsDocs()[0];
  if (!doc) return undefined;
  const docText = doc.getText();
  if (docText.includes(PROTECTED_SENTENCE)) return undefined;
  const lines = docText.split('\n');
  let offset = doc.getStart();
  for (const line of lines) {
    const content = line.replace(/\r$/, '');
    if (ROUTES_LINE.test(content)) {
      const prefix = /^\s*\*\s?/.exec(content)?.[0] ?? ' * ';
      const end = offset + content.length;
      const eol = formattingOf(sourceFile).eol;
      return { start: end, end, newText: `${eol}${prefix}${PROTECTED_SENTENCE} (${guardLabel}); reads are public.` };
    }
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * Imports the guard into a resource router the way the resource template does (right below the
 * `express` import) unless it is there already, possibly under another name; returns the local name.
 */
function guardReference(context: GeneratorContext, file: string, guardModule: string) {
  const sourceFile = context.ast().getSourceFile(file);
  const resolve = createModuleResolver((path) => context.tree.exists(path), context.style.pathAliases);
  const target = joinPath(context.root, guardModule);
  const specifier = context.importPath(relativePath(context.root, file), guardModule);
  const references = collectModuleReferences(sourceFile);
  const existing = references.find((reference) => reference.specifier === specifier || resolve(reference.specifier, file) === target);
  return { sourceFile, resolve, specifier, references, existing };
}

/** The local name the guard is imported under in a file, if it is. */
function guardLocalIn(context: GeneratorContext, file: string, guardModule: string, guard: string): string | undefined {
  return guardReference(context, file, guardModule).existing?.named.find((named) => named.name === guard && !named.typeOnly)?.local;
}

function importGuard(context: GeneratorContext, file: string, guardModule: string, guard: string): string {
  const { sourceFile, resolve, specifier, references, existing } = guardReference(context, file, guardModule);
  const binding = existing?.named.find((named) => named.name === guard && !named.typeOnly);
  if (binding) return binding.local;
  const expressImport = references.find((reference) => reference.kind === 'import' && reference.specifier === 'express');
  if (existing || !expressImport || topLevelBindings(sourceFile).has(guard)) {
    return ensureImport(sourceFile, { moduleSpecifier: specifier, namedImports: [guard], resolve }).named[guard] ?? guard;
  }
  const style = formattingOf(sourceFile);
  const quote = style.quote === 'single' ? "'" : '"';
  const braces = style.bracketSpacing ? `{ ${guard} }` : `{${guard}}`;
  const index = sourceFile.getStatementsWithComments().findIndex((statement) => statement === expressImport.statement);
  insertStatementText(sourceFile, index + 1, `import ${braces} from ${quote}${specifier}${quote}${style.semicolons ? ';' : ''}`);
  return guard;
}

/**
 * Requires authentication on the routes that change data (POST / PUT / PATCH / DELETE) of the
 * routers / plugins the resource generator wrote: Express gets `requireAuth` before the route's
 * validation, Fastify `onRequest: [app.authenticate]`, and the doc comment says so — exactly
 * what the resource generator writes when auth is already there. Idempotent: routes with a guard
 * are left alone. Other routers are only reported.
 */
export function protectResourceRoutes(context: GeneratorContext, guardModule: string): { protectedModules: ProtectedModule[]; unprotected: UnprotectedRoute[] } {
  const express = context.flavour.framework === 'express';
  const protectedModules: ProtectedModule[] = [];
  const others = new Set<string>();
  for (const file of filesWithWrites(context)) {
    if (file === joinPath(context.root, guardModule)) continue;
    const analysis = analyze(context, file);
    if (!analysis) continue;
    const relative = relativePath(context.root, file);
    const typeName = resourceTypeOf(analysis);
    if (!typeName) {
      others.add(file);
      continue;
    }
    const known = express ? guardLocalIn(context, file, guardModule, 'requireAuth') : undefined;
    if (unguardedWrites(analysis, known).length === 0) continue;
    const guard = express ? importGuard(context, file, guardModule, 'requireAuth') : 'authenticate';
    // The import may have moved the routes: read the file again.
    const current = analyze(context, file)!;
    const sourceFile = context.ast().getSourceFile(file);
    const text = sourceFile.getFullText();
    const edits: TextEdit[] = [];
    const done: string[] = [];
    for (const route of unguardedWrites(current, express ? guard : undefined)) {
      const edit = express ? expressGuardEdit(route, guard) : fastifyGuardEdit(route, text);
      if (!edit) {
        throw new ScaffoldRefusalError(
          file,
          `Cannot add the auth guard to ${routeLabel(route)} in ${relative} (line ${current.sourceFile.getLineAndCharacterOfPosition(route.call.getStart()).line + 1}): its arguments are not laid out as the resource generator writes them. ` +
            `Add ${express ? guard : `onRequest: [${route.receiver}.authenticate]`} to it by hand, then run the command again. Nothing was changed.`,
        );
      }
      edits.push(edit);
      done.push(routeLabel(route));
    }
    const firstWrite = current.routes.find((route) => MUTATING_METHODS.has(route.method));
    const docEdit = firstWrite ? docCommentEdit(sourceFile, firstWrite, express ? guard : `${firstWrite.receiver}.authenticate`) : undefined;
    if (docEdit) edits.push(docEdit);
    if (edits.length > 0) sourceFile.replaceWithText(applyEdits(text, edits));
    if (done.length > 0) protectedModules.push({ relative, typeName, routes: done });
  }
  return { protectedModules, unprotected: unguardedRoutesIn(context, others) };
}

/** Routes of other modules that change data with no auth guard on their way (from the route graph: full paths). */
function unguardedRoutesIn(context: GeneratorContext, files: ReadonlySet<string>): UnprotectedRoute[] {
  const routes = context.graph()?.routes ?? [];
  return routes
    .filter((route) => files.has(route.at.file) && MUTATING_METHODS.has(route.method) && !route.chain.some((link) => isAuthName(link.name)))
    .map((route) => ({ method: route.method, path: route.path, relative: relativePath(context.root, route.at.file), line: route.at.line }));
}
