import { Node, SyntaxKind, type ArrowFunction, type FunctionDeclaration, type FunctionExpression, type SourceFile } from 'ts-morph';
import type { FileAnalysis, RouteRegistration } from '../../../analysis/types';
import { relativePath } from '../../../model/paths';
import { ScaffoldRefusalError } from '../../errors';
import { isAppCall } from '../../transforms/registration';
import { findAppTarget } from '../error-handler/app-target';
import { openApp } from '../middleware/placement';
import type { GeneratorContext } from '../types';
import { analyze, nodeAt } from './editing';

/** An Express router in a file: its variable and the routes registered on it. */
export interface ExpressRouterTarget {
  name: string;
  /** The `Router()` / `express.Router()` call. */
  creation: Node;
  routes: RouteRegistration[];
}

export function findExpressRouter(context: GeneratorContext, sourceFile: SourceFile): ExpressRouterTarget {
  const analysis = analyze(context, sourceFile);
  const routers = analysis.apps.filter((app) => app.kind === 'express-router' && app.creation);
  const relative = relativePath(context.root, sourceFile.getFilePath());
  if (routers.length === 0) {
    throw new ScaffoldRefusalError(sourceFile.getFilePath(), `No Express router (express.Router()) is created in ${relative}.`);
  }
  const withRoutes = (name: string) => analysis.routes.filter((route) => route.receiver === name);
  const chosen = routers.length === 1 ? routers[0] : [...routers].sort((a, b) => withRoutes(b.name).length - withRoutes(a.name).length)[0];
  if (routers.length > 1 && withRoutes(chosen.name).length === withRoutes(routers.find((router) => router !== chosen)!.name).length) {
    throw new ScaffoldRefusalError(sourceFile.getFilePath(), `${relative} creates several routers (${routers.map((router) => router.name).join(', ')}); Routewise cannot tell which one to add the route to.`);
  }
  const creation = nodeAt(sourceFile, chosen.creation!.getStart(), chosen.creation!.getEnd());
  if (!creation) throw new ScaffoldRefusalError(sourceFile.getFilePath(), `Cannot locate the router ${chosen.name} in ${relative}.`);
  return { name: chosen.name, creation, routes: withRoutes(chosen.name) };
}

type PluginFunction = ArrowFunction | FunctionExpression | FunctionDeclaration;

/** A Fastify plugin in a file: its function, the instance routes are registered on, its routes. */
export interface FastifyPluginTarget {
  fn: PluginFunction;
  /** `app` in `const app = fastify.withTypeProvider<ZodTypeProvider>()`, else the parameter. */
  receiver: string;
  parameter: string;
  routes: RouteRegistration[];
  /** Whether zod schemas work in it: the zod validator compiler is set in the plugin or on the app. */
  zodCompilers: boolean;
}

function pluginCandidates(sourceFile: SourceFile): PluginFunction[] {
  const candidates: PluginFunction[] = [];
  const consider = (node: Node | undefined): void => {
    if (!node) return;
    if (Node.isCallExpression(node)) {
      // fp(plugin, { … })
      consider(node.getArguments()[0]);
      return;
    }
    if ((Node.isArrowFunction(node) || Node.isFunctionExpression(node)) && node.getParameters().length > 0 && Node.isBlock(node.getBody())) candidates.push(node);
  };
  for (const statement of sourceFile.getStatements()) {
    if (Node.isVariableStatement(statement)) for (const declaration of statement.getDeclarations()) consider(declaration.getInitializer());
    else if (Node.isFunctionDeclaration(statement) && statement.getParameters().length > 0 && statement.getBody()) candidates.push(statement);
    else if (Node.isExportAssignment(statement)) consider(statement.getExpression());
  }
  return candidates;
}

function isPluginLike(fn: PluginFunction): boolean {
  const parent = fn.getParent();
  const typeText = Node.isVariableDeclaration(parent) ? parent.getTypeNode()?.getText() ?? '' : '';
  if (/FastifyPlugin/.test(typeText)) return true;
  if (Node.isCallExpression(parent) && /^(fp|fastifyPlugin)$/.test(parent.getExpression().getText())) return true;
  const parameter = fn.getParameters()[0];
  if (/FastifyInstance/.test(parameter.getTypeNode()?.getText() ?? '')) return true;
  const name = parameter.getName();
  return fn.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => ['get', 'post', 'put', 'patch', 'delete', 'route', 'register', 'withTypeProvider'].some((method) => isAppCall(call, name, method)));
}

function receiverOf(fn: PluginFunction, parameter: string): string {
  for (const statement of fn.getBody()?.asKind(SyntaxKind.Block)?.getStatements() ?? []) {
    if (!Node.isVariableStatement(statement)) continue;
    for (const declaration of statement.getDeclarations()) {
      const initializer = declaration.getInitializer();
      if (initializer && Node.isCallExpression(initializer) && isAppCall(initializer, parameter, 'withTypeProvider')) return declaration.getName();
    }
  }
  return parameter;
}

function setsZodCompiler(node: Node, names: readonly string[]): boolean {
  return node.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => names.some((name) => isAppCall(call, name, 'setValidatorCompiler')));
}

export function findFastifyPlugin(context: GeneratorContext, sourceFile: SourceFile): FastifyPluginTarget {
  const relative = relativePath(context.root, sourceFile.getFilePath());
  const candidates = pluginCandidates(sourceFile).filter(isPluginLike);
  if (candidates.length === 0) {
    throw new ScaffoldRefusalError(sourceFile.getFilePath(), `No Fastify plugin (async (fastify) => { … }) is defined in ${relative}.`);
  }
  const analysis: FileAnalysis = analyze(context, sourceFile);
  const routesIn = (fn: PluginFunction) => analysis.routes.filter((route) => route.call.getStart() >= fn.getStart() && route.call.getEnd() <= fn.getEnd());
  const exported = candidates.filter((fn) => {
    const holder = Node.isFunctionDeclaration(fn) ? fn : fn.getFirstAncestor((ancestor) => Node.isVariableStatement(ancestor) || Node.isExportAssignment(ancestor));
    return holder !== undefined && (Node.isExportAssignment(holder) || ((Node.isVariableStatement(holder) || Node.isFunctionDeclaration(holder)) && holder.isExported()));
  });
  const pool = exported.length > 0 ? exported : candidates;
  if (pool.length > 1) {
    throw new ScaffoldRefusalError(sourceFile.getFilePath(), `${relative} defines several Fastify plugins; Routewise cannot tell which one to add the route to.`);
  }
  const fn = pool[0];
  const parameter = fn.getParameters()[0].getName();
  const receiver = receiverOf(fn, parameter);
  let zodCompilers = setsZodCompiler(fn, [parameter, receiver]);
  if (!zodCompilers) {
    const app = openApp(context, findAppTarget(context));
    zodCompilers = setsZodCompiler(app.scope.container, [app.scope.name]);
  }
  return { fn, receiver, parameter, routes: routesIn(fn).filter((route) => route.receiver === receiver || route.receiver === parameter), zodCompilers };
}
