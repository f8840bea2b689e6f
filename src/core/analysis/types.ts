import type ts from 'typescript';
import type { Framework } from '../model/rule-meta';
import type { FunctionLike } from './syntax';
import type { ImportBinding } from './imports';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'ALL';

export const MUTATING_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a receiver of `.get()` / `.use()` / `.register()` is. */
export type AppKind = 'express-app' | 'express-router' | 'fastify';

export interface AppDeclaration {
  name: string;
  kind: AppKind;
  /** `express()`, `express.Router()`, `fastify({...})`; undefined for plugin parameters. */
  creation?: ts.CallExpression | ts.NewExpression;
  /** The declaration, assignment or parameter that binds the name. */
  node: ts.Node;
}

/** One argument of a registration: a middleware, a handler, a hook function. */
export interface HandlerRef {
  expression: ts.Expression;
  /** Dotted text of the identifier or of the callee: `requireAuth`, `validate`, `passport.authenticate`. */
  name?: string;
  /** The function itself when it is inline or declared in this file (wrappers like asyncHandler(fn) are looked through). */
  fn?: FunctionLike;
  /** Dotted callee text of a wrapper around the function, e.g. `asyncHandler`. */
  wrapper?: string;
}

export interface RouteRegistration {
  framework: Framework;
  /** The call that registers the route: `router.post(...)`, `fastify.route({...})`. */
  call: ts.CallExpression;
  receiver: string;
  receiverKind?: AppKind;
  method: HttpMethod;
  path?: string;
  pathNode?: ts.Expression;
  /** Express: arguments between the path and the handler; Fastify: onRequest / preValidation / preHandler. */
  middleware: HandlerRef[];
  handler?: HandlerRef;
  /** Fastify route options object (shorthand third argument or the `route({...})` object). */
  options?: ts.ObjectLiteralExpression;
  /** Fastify: the `schema` option's value. */
  schema?: ts.Expression;
}

/** `app.use(...)`, `router.use(...)`, `fastify.register(...)`. */
export interface UseRegistration {
  framework: Framework;
  call: ts.CallExpression;
  receiver: string;
  receiverKind?: AppKind;
  kind: 'use' | 'register';
  path?: string;
  pathNode?: ts.Expression;
  args: HandlerRef[];
  /** Fastify register options object. */
  options?: ts.ObjectLiteralExpression;
}

/** Fastify `addHook('onRequest', fn)`, `setErrorHandler(fn)`, `setNotFoundHandler(fn)`. */
export interface HookRegistration {
  call: ts.CallExpression;
  receiver: string;
  hook: string;
  fn?: HandlerRef;
}

export type HandlerRole = 'handler' | 'middleware' | 'error-handler';

/** A function that runs for requests: a route handler, a middleware, a hook, an error handler. */
export interface HandlerInfo {
  fn: FunctionLike;
  framework: Framework;
  role: HandlerRole;
  /** Parameter names (undefined when destructured or absent). */
  err?: string;
  req?: string;
  res?: string;
  next?: string;
  /** Registrations in this file that use the function. */
  routes: RouteRegistration[];
  /** True when no registration in this file uses it (a controller exported for another file). */
  standalone: boolean;
}

export interface FileAnalysis {
  sourceFile: ts.SourceFile;
  imports: Map<string, ImportBinding>;
  /** The framework the file is written for, when it can be told. */
  framework?: Framework;
  apps: AppDeclaration[];
  routes: RouteRegistration[];
  uses: UseRegistration[];
  hooks: HookRegistration[];
  handlers: HandlerInfo[];
  /** Every node `forEachChild` reaches from the file, in pre-order: the engine's shared walk iterates this list. */
  nodes: readonly ts.Node[];
  /** Every call expression of the file, in source (pre-)order: rules look calls up here instead of walking the tree again. */
  calls: readonly ts.CallExpression[];
  /** Every function, arrow and method of the file, in source (pre-)order. */
  functions: readonly FunctionLike[];
  handlerOf(fn: FunctionLike): HandlerInfo | undefined;
  /** The module a local name was imported from. */
  moduleOf(localName: string): string | undefined;
}
