import type ts from 'typescript';
import type { AppKind, HttpMethod } from '../../analysis/types';
import type { Framework } from '../../model/rule-meta';
import type { ModuleSummary } from './module-summary';

/** A function, method, constructor or accessor: anything with a body the graph can step through. */
export type Callable =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

/** What an expression is known to evaluate to, as far as a syntax-only walk can tell. */
export type Value =
  | { kind: 'unknown' }
  | { kind: 'string'; value: string }
  | { kind: 'instance'; instance: Instance }
  /** Express `router.route('/p')`: the `.get()` / `.post()` calls chained on it are routes. */
  | { kind: 'route-chain'; instance: Instance; path: string }
  | { kind: 'function'; module: ModuleSummary; fn: Callable; closure: Frame; thisValue?: Value; origin?: CallOrigin }
  | { kind: 'object'; module: ModuleSummary; node: ts.ObjectLiteralExpression; frame: Frame }
  | { kind: 'array'; module: ModuleSummary; node: ts.ArrayLiteralExpression; frame: Frame }
  /** A TypeScript enum: `enum URL_ROUTES { users = '/api/users' }`, its string members used as mount paths. */
  | { kind: 'enum'; node: ts.EnumDeclaration; frame: Frame }
  /** `Object.entries(routes)`, `Object.values(routes)`, `Object.keys(routes)` of an object literal: iterated like an array. */
  | { kind: 'entries'; of: Extract<Value, { kind: 'object' }>; part: 'entries' | 'keys' | 'values' }
  /** One `[key, value]` pair of `Object.entries(…)`. */
  | { kind: 'tuple'; items: readonly Value[] }
  | { kind: 'class'; module: ModuleSummary; node: ts.ClassLikeDeclaration; frame: Frame }
  | { kind: 'class-instance'; object: ClassObject }
  /** `UsersController.prototype`: the class's methods, read without an instance (`router.get('/', UsersController.prototype.list)`). */
  | { kind: 'prototype'; cls: Extract<Value, { kind: 'class' }> }
  | { kind: 'namespace'; module: ModuleSummary }
  /** Something a package exports (`express`, `cors`, `fastify-plugin`), with the member path taken. */
  | { kind: 'external'; module: string; path: readonly string[] }
  /** The result of calling a package export or a project function whose result is opaque: `helmet()`, `validate(schema)`. */
  | { kind: 'call'; module: ModuleSummary; call: ts.CallExpression; callee: Value; args: readonly Value[] }
  /** `fp(plugin)`: a Fastify plugin that shares its parent's context. */
  | { kind: 'plugin'; inner: Value; skipOverride: boolean; module: ModuleSummary; call: ts.CallExpression };

export const UNKNOWN: Value = { kind: 'unknown' };

/** The call of a project function that produced a function value: `catchAsync(fn)`, `validate(schema)`. */
export interface CallOrigin {
  call: ts.CallExpression;
  module: ModuleSummary;
  callee: Value;
  args: readonly Value[];
}

export interface ClassObject {
  id: number;
  cls: Extract<Value, { kind: 'class' }>;
  /** Fields assigned so far (`this.app = express()`, constructor parameter properties). */
  fields: Map<string, Value>;
  /** Evaluates property initializers and methods' `this`. */
  frame: Frame;
}

/** One activation of a module's top level or of a function: its bindings and what it has evaluated. */
export interface Frame {
  id: number;
  module: ModuleSummary;
  /** The function this frame runs, or the source file for a module frame. */
  container: ts.Node;
  /** The frame the function was created in, for closures. */
  parent?: Frame;
  /** Set on the frame of one iteration of a `for…of` body inside `container`. */
  loop?: ts.ForOfStatement;
  thisValue?: Value;
  /** Parameter, loop-variable and destructured bindings. */
  bindings: Map<ts.Node, Value>;
  /** Results of declarations and calls evaluated in this activation: each runs once. */
  memo: Map<ts.Node, Value>;
}

export interface LinkSource {
  /** Where the link is written: an argument, an option's value, or a `handler() {}` method. */
  expression: ts.Node;
  module: ModuleSummary;
  value: Value;
  /** Dotted text as written, or the callee of a call (`validate`, `passport.authenticate`). */
  name?: string;
  /** The array a link was spread out of, when the registration passed an array. */
  via?: string;
}

export interface RouteOp {
  kind: 'route';
  seq: number;
  method: HttpMethod;
  path: string;
  call: ts.CallExpression;
  /** Where the route is reported: the call, or the method name in a `.route(p).get()` chain. */
  anchor: ts.Node;
  module: ModuleSummary;
  /** Express route middleware; Fastify route-level hooks with their hook name. */
  middleware: (LinkSource & { hook?: string })[];
  handler?: LinkSource;
  hasSchema: boolean;
}

export interface UseOp {
  kind: 'use';
  seq: number;
  /** Express path filter (`app.use('/api', mw)`); undefined for every path. */
  path?: string;
  items: LinkSource[];
  call: ts.CallExpression;
  module: ModuleSummary;
}

export interface MountOp {
  kind: 'mount';
  seq: number;
  path?: string;
  /** Middleware written in the mount call before the router. */
  middleware: LinkSource[];
  child: Instance;
  call: ts.CallExpression;
  module: ModuleSummary;
}

export interface HookOp {
  kind: 'hook';
  seq: number;
  hook: string;
  fn: LinkSource;
  call: ts.CallExpression;
  module: ModuleSummary;
}

/** A Fastify plugin from a package, registered on this context: it may add hooks the graph cannot see. */
export interface PluginOp {
  kind: 'plugin';
  seq: number;
  plugin: LinkSource;
  call: ts.CallExpression;
  module: ModuleSummary;
}

export type Op = RouteOp | UseOp | MountOp | HookOp | PluginOp;

/** An Express app or router, or a Fastify encapsulation context. */
export interface Instance {
  id: number;
  framework: Framework;
  kind: AppKind;
  name: string;
  module: ModuleSummary;
  /** The creation call, or the node standing for an instance the graph could not trace. */
  node: ts.Node;
  /** True for a receiver no known app flows into (a parameter of a function nobody calls with one). */
  synthetic: boolean;
  ops: Op[];
  /** Express: whether some `use` mounts it; Fastify: whether it is a child context. */
  mounted: boolean;
  /** Fastify: the enclosing context, the prefix the registration added, and children in order. */
  parent?: Instance;
  prefix?: string;
  children: Instance[];
  /** Fastify: when the registration was awaited, parent hooks added after this sequence number miss it. */
  parentHooksUntil?: number;
  /** Fastify `decorate` values, for resolving `fastify.authenticate`. */
  decorations: Map<string, Value>;
}
