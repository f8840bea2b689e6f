import ts from 'typescript';
import type { Framework } from '../model/rule-meta';
import { collectImports, requiredModule, type ImportBinding } from './imports';
import {
  callParameters,
  isFunctionLike,
  memberPath,
  parameterName,
  parameterTypeName,
  stringValue,
  unwrapExpression,
  type FunctionLike,
  isPathTableMember,
} from './syntax';
import type {
  AppDeclaration,
  AppKind,
  FileAnalysis,
  HandlerInfo,
  HandlerRef,
  HookRegistration,
  HttpMethod,
  RouteRegistration,
  UseRegistration,
} from './types';

const EXPRESS_METHODS = new Map<string, HttpMethod>([
  ['get', 'GET'], ['post', 'POST'], ['put', 'PUT'], ['patch', 'PATCH'], ['delete', 'DELETE'], ['del', 'DELETE'],
  ['options', 'OPTIONS'], ['head', 'HEAD'], ['all', 'ALL'],
]);
const FASTIFY_METHODS = new Map<string, HttpMethod>([
  ['get', 'GET'], ['post', 'POST'], ['put', 'PUT'], ['patch', 'PATCH'], ['delete', 'DELETE'], ['options', 'OPTIONS'], ['head', 'HEAD'], ['all', 'ALL'],
]);
const FASTIFY_CHAIN_HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'];

/** Receiver names that are apps, routers or Fastify instances in practice, when no declaration says so. */
const APP_LIKE_NAME = /^(app|application|server|api|router|routes|route|fastify|instance|apiRouter|v1|v2)$|(Router|Routes|App|Server)$/;

const EXPRESS_MODULES = new Set(['express']);
const FASTIFY_MODULES = new Set(['fastify', 'fastify-plugin']);

export function frameworkOfModule(module: string): Framework | undefined {
  if (EXPRESS_MODULES.has(module) || module === '@types/express' || module.startsWith('express-serve-static-core')) return 'express';
  if (FASTIFY_MODULES.has(module) || module.startsWith('@fastify/')) return 'fastify';
  return undefined;
}

/**
 * Reads what an Express or Fastify file declares: apps and routers, route registrations with their
 * middleware chain, mounts, hooks, and which functions handle requests. Syntax only: no type checker.
 */
export function analyzeFile(sourceFile: ts.SourceFile, projectFramework?: Framework, nodes?: readonly ts.Node[]): FileAnalysis {
  return new FileAnalyzer(sourceFile, projectFramework).run(nodes ?? listNodes(sourceFile));
}

/** Every node `forEachChild` reaches from the file, in pre-order. */
export function listNodes(sourceFile: ts.SourceFile): ts.Node[] {
  const nodes: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    nodes.push(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return nodes;
}

const {
  VariableDeclaration,
  BinaryExpression,
  EqualsToken,
  PropertyDeclaration,
  FunctionDeclaration,
  FunctionExpression,
  ArrowFunction,
  MethodDeclaration,
  CallExpression,
  Identifier,
} = ts.SyntaxKind;

class FileAnalyzer {
  private readonly imports: Map<string, ImportBinding>;
  private readonly framework: Framework | undefined;
  private readonly apps = new Map<string, AppDeclaration>();
  private readonly routes: RouteRegistration[] = [];
  private readonly uses: UseRegistration[] = [];
  private readonly hooks: HookRegistration[] = [];
  private readonly handlers = new Map<FunctionLike, HandlerInfo>();
  private readonly functionsByName = new Map<string, FunctionLike>();
  private readonly wrappersByName = new Map<string, string>();
  private readonly calls: ts.CallExpression[] = [];
  private readonly candidateFunctions: FunctionLike[] = [];

  constructor(private readonly sourceFile: ts.SourceFile, projectFramework?: Framework) {
    this.imports = collectImports(sourceFile);
    this.framework = this.frameworkFromImports() ?? projectFramework;
  }

  run(nodes: readonly ts.Node[]): FileAnalysis {
    this.collect(nodes);
    for (const call of this.calls) this.classifyCall(call);
    this.collectStandaloneHandlers();
    // Chained `route('/x').get().post()` calls are visited outermost first; report in source order.
    this.routes.sort((a, b) => (a.handler?.expression.pos ?? a.call.pos) - (b.handler?.expression.pos ?? b.call.pos));
    const handlers = [...this.handlers.values()];
    return {
      sourceFile: this.sourceFile,
      imports: this.imports,
      framework: this.framework ?? this.frameworkFromApps(),
      apps: [...this.apps.values()],
      routes: this.routes,
      uses: this.uses,
      hooks: this.hooks,
      handlers,
      nodes,
      calls: this.calls,
      functions: this.candidateFunctions,
      handlerOf: (fn) => this.handlers.get(fn),
      moduleOf: (name) => this.imports.get(name)?.module,
    };
  }

  private frameworkFromImports(): Framework | undefined {
    let found: Framework | undefined;
    for (const binding of this.imports.values()) {
      const framework = frameworkOfModule(binding.module);
      if (framework === 'express') return 'express';
      found ??= framework;
    }
    return found;
  }

  private frameworkFromApps(): Framework | undefined {
    for (const app of this.apps.values()) return app.kind === 'fastify' ? 'fastify' : 'express';
    return undefined;
  }

  /** One pass over the file's nodes (pre-order): declarations of apps and functions, every call expression, every function. */
  private collect(nodes: readonly ts.Node[]): void {
    for (const node of nodes) {
      switch (node.kind) {
        case VariableDeclaration: {
          const declaration = node as ts.VariableDeclaration;
          if (declaration.name.kind === Identifier && declaration.initializer) this.recordBinding(declaration.name.text, declaration.initializer, node);
          break;
        }
        case BinaryExpression: {
          const binary = node as ts.BinaryExpression;
          if (binary.operatorToken.kind === EqualsToken) {
            const target = memberPath(binary.left);
            if (target) this.recordBinding(target.join('.'), binary.right, node);
          }
          break;
        }
        case PropertyDeclaration: {
          const property = node as ts.PropertyDeclaration;
          if (property.initializer && property.name.kind === Identifier) this.recordBinding(`this.${property.name.text}`, property.initializer, node);
          break;
        }
        case FunctionDeclaration: {
          const fn = node as ts.FunctionDeclaration;
          if (fn.name) this.functionsByName.set(fn.name.text, fn);
          this.candidateFunctions.push(fn);
          this.recordTypedParameters(fn);
          break;
        }
        case FunctionExpression:
        case ArrowFunction:
        case MethodDeclaration:
          this.candidateFunctions.push(node as FunctionLike);
          this.recordTypedParameters(node as FunctionLike);
          break;
        case CallExpression:
          this.calls.push(node as ts.CallExpression);
          break;
      }
    }
  }

  private recordBinding(name: string, initializer: ts.Expression, node: ts.Node): void {
    const value = unwrapExpression(initializer);
    if (isFunctionLike(value)) {
      this.functionsByName.set(name, value);
      return;
    }
    if (ts.isCallExpression(value) || ts.isNewExpression(value)) {
      // `const typed = app.withTypeProvider<ZodTypeProvider>()`: the same instance, typed; not another app
      if (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && value.expression.name.text === 'withTypeProvider') {
        this.apps.set(name, { name, kind: 'fastify', node });
        return;
      }
      const kind = this.creationKind(value);
      if (kind) {
        this.apps.set(name, { name, kind, creation: value, node });
        return;
      }
      // `const handler = asyncHandler(async (req, res) => …)`
      const inner = value.arguments?.length ? unwrapExpression(value.arguments[value.arguments.length - 1]) : undefined;
      if (inner && isFunctionLike(inner)) {
        this.functionsByName.set(name, inner);
        const wrapper = memberPath(value.expression);
        if (wrapper) this.wrappersByName.set(name, wrapper.join('.'));
      }
    }
  }

  /** `express()`, `express.Router()`, `Router()`, `fastify()`, `Fastify({...})`, `require('fastify')()`. */
  private creationKind(call: ts.CallExpression | ts.NewExpression): AppKind | undefined {
    const callee = unwrapExpression(call.expression);
    const required = requiredModule(callee);
    if (required) return required === 'express' ? 'express-app' : required === 'fastify' ? 'fastify' : undefined;
    if (ts.isIdentifier(callee)) {
      const binding = this.imports.get(callee.text);
      if (binding?.module === 'express') {
        if (binding.imported === 'Router') return 'express-router';
        if (binding.imported === 'default' || binding.imported === '*') return 'express-app';
      }
      if (binding?.module === 'fastify') return 'fastify';
      if (!binding && this.framework === 'express' && callee.text === 'express') return 'express-app';
      if (!binding && this.framework === 'fastify' && /^fastify$/i.test(callee.text)) return 'fastify';
      return undefined;
    }
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'Router') {
      const object = unwrapExpression(callee.expression);
      if (ts.isIdentifier(object) && this.imports.get(object.text)?.module === 'express') return 'express-router';
      if (requiredModule(object) === 'express') return 'express-router';
    }
    // `fastify.default()` / `Fastify.fastify()` in CJS interop
    if (ts.isPropertyAccessExpression(callee) && /^(default|fastify)$/.test(callee.name.text)) {
      const object = unwrapExpression(callee.expression);
      if (ts.isIdentifier(object) && this.imports.get(object.text)?.module === 'fastify') return 'fastify';
    }
    return undefined;
  }

  /** `(fastify: FastifyInstance)`, `(router: Router)`, `(app: Express)` parameters are apps too. */
  private recordTypedParameters(fn: FunctionLike): void {
    for (const parameter of fn.parameters) {
      const name = parameterName(parameter);
      const type = parameterTypeName(parameter);
      if (!name || !type) continue;
      const kind: AppKind | undefined =
        type === 'FastifyInstance' ? 'fastify' : type === 'Router' ? 'express-router' : type === 'Express' || type === 'Application' ? 'express-app' : undefined;
      if (kind && !this.apps.has(name)) this.apps.set(name, { name, kind, node: parameter });
    }
  }

  private receiverKind(receiver: ts.Expression): { text: string; kind?: AppKind } | undefined {
    const path = memberPath(chainStart(receiver));
    if (!path) return undefined;
    const text = path.join('.');
    const declared = this.apps.get(text);
    if (declared) return { text, kind: declared.kind };
    const last = path[path.length - 1];
    if (APP_LIKE_NAME.test(last)) return { text };
    return undefined;
  }

  private frameworkOfReceiver(kind: AppKind | undefined): Framework | undefined {
    if (kind === 'fastify') return 'fastify';
    if (kind) return 'express';
    return this.framework;
  }

  private classifyCall(call: ts.CallExpression): void {
    const callee = unwrapExpression(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const object = unwrapExpression(callee.expression);

    // router.route('/path').get(h).post(h)
    const routeChain = this.routeChainRoot(object);
    if (routeChain) {
      const httpMethod = EXPRESS_METHODS.get(method);
      if (httpMethod) this.addExpressRoute(call, routeChain.receiver, routeChain.kind, httpMethod, routeChain.pathNode, [...call.arguments]);
      return;
    }

    const receiver = this.receiverKind(object);
    if (!receiver) return;
    const framework = this.frameworkOfReceiver(receiver.kind);
    if (!framework) return;
    const args = [...call.arguments];

    if (framework === 'express') {
      const httpMethod = EXPRESS_METHODS.get(method);
      if (httpMethod && args.length >= 2 && this.isPathArgument(args[0])) {
        this.addExpressRoute(call, receiver.text, receiver.kind, httpMethod, args[0], args.slice(1));
      } else if (method === 'use' && args.length >= 1) {
        const hasPath = this.isPathArgument(args[0]);
        const pathNode = hasPath ? args[0] : undefined;
        this.uses.push({
          framework,
          call,
          receiver: receiver.text,
          receiverKind: receiver.kind,
          kind: 'use',
          path: pathNode ? stringValue(pathNode) : undefined,
          pathNode,
          args: this.refs(hasPath ? args.slice(1) : args),
        });
      }
      return;
    }

    const httpMethod = FASTIFY_METHODS.get(method);
    if (httpMethod && args.length >= 2 && this.isPathArgument(args[0])) {
      this.addFastifyShorthand(call, receiver.text, receiver.kind, httpMethod, args);
    } else if (method === 'route' && args.length === 1 && ts.isObjectLiteralExpression(unwrapExpression(args[0]))) {
      this.addFastifyRouteObject(call, receiver.text, receiver.kind, unwrapExpression(args[0]) as ts.ObjectLiteralExpression);
    } else if (method === 'register' && args.length >= 1) {
      const options = args[1] && ts.isObjectLiteralExpression(unwrapExpression(args[1])) ? (unwrapExpression(args[1]) as ts.ObjectLiteralExpression) : undefined;
      const prefixNode = options ? propertyValue(options, 'prefix') : undefined;
      this.uses.push({
        framework,
        call,
        receiver: receiver.text,
        receiverKind: receiver.kind,
        kind: 'register',
        path: prefixNode ? stringValue(prefixNode) : undefined,
        pathNode: prefixNode,
        args: this.refs([args[0]]),
        options,
      });
      const plugin = this.refs([args[0]])[0];
      if (plugin.fn) this.markFastifyInstanceParameter(plugin.fn);
    } else if (method === 'addHook' && args.length >= 2) {
      const hook = stringValue(args[0]);
      if (hook) {
        const ref = this.ref(args[1]);
        this.hooks.push({ call, receiver: receiver.text, hook, fn: ref });
        if (ref.fn) this.addHandler(ref.fn, 'fastify', 'middleware', undefined);
      }
    } else if ((method === 'setErrorHandler' || method === 'setNotFoundHandler') && args.length >= 1) {
      const ref = this.ref(args[args.length - 1]);
      this.hooks.push({ call, receiver: receiver.text, hook: method, fn: ref });
      if (ref.fn) this.addHandler(ref.fn, 'fastify', method === 'setErrorHandler' ? 'error-handler' : 'handler', undefined);
    }
  }

  /** `X.route('/p')` possibly followed by `.get(...)` calls: returns the receiver and path. */
  private routeChainRoot(node: ts.Expression): { receiver: string; kind?: AppKind; pathNode: ts.Expression } | undefined {
    let current = node;
    while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
      const name = current.expression.name.text;
      if (name === 'route' && current.arguments.length === 1 && this.isPathArgument(current.arguments[0])) {
        const receiver = this.receiverKind(unwrapExpression(current.expression.expression));
        if (!receiver || this.frameworkOfReceiver(receiver.kind) !== 'express') return undefined;
        return { receiver: receiver.text, kind: receiver.kind, pathNode: current.arguments[0] };
      }
      if (!EXPRESS_METHODS.has(name)) return undefined;
      current = unwrapExpression(current.expression.expression);
    }
    return undefined;
  }

  private isPathArgument(node: ts.Expression): boolean {
    const value = unwrapExpression(node);
    return (
      ts.isStringLiteral(value) ||
      ts.isNoSubstitutionTemplateLiteral(value) ||
      ts.isTemplateExpression(value) ||
      ts.isRegularExpressionLiteral(value) ||
      (ts.isArrayLiteralExpression(value) && value.elements.every((element) => ts.isStringLiteralLike(element) || ts.isRegularExpressionLiteral(element))) ||
      (ts.isIdentifier(value) && /path|route|url|prefix|base/i.test(value.text) && !this.functionsByName.has(value.text)) ||
      (ts.isPropertyAccessExpression(value) && /path|route|url|prefix|base/i.test(value.name.text)) ||
      // a table of paths: `fastify.post(endPoint.ADD, …)`, `router.get(ROUTES.LOGIN, …)`, `app.get(API.USERS, …)`
      isPathTableMember(value)
    );
  }

  private addExpressRoute(
    call: ts.CallExpression,
    receiver: string,
    receiverKind: AppKind | undefined,
    method: HttpMethod,
    pathNode: ts.Expression | undefined,
    rest: ts.Expression[],
  ): void {
    const refs = this.refs(rest);
    if (refs.length === 0) return;
    const handler = refs[refs.length - 1];
    const route: RouteRegistration = {
      framework: 'express',
      call,
      receiver,
      receiverKind,
      method,
      path: pathNode ? stringValue(unwrapExpression(pathNode)) : undefined,
      pathNode,
      middleware: refs.slice(0, -1),
      handler,
    };
    this.routes.push(route);
    for (const middleware of route.middleware) if (middleware.fn) this.addHandler(middleware.fn, 'express', 'middleware', route);
    if (handler.fn) this.addHandler(handler.fn, 'express', 'handler', route);
  }

  private addFastifyShorthand(call: ts.CallExpression, receiver: string, receiverKind: AppKind | undefined, method: HttpMethod, args: ts.Expression[]): void {
    const optionsNode = args.length >= 3 ? unwrapExpression(args[1]) : undefined;
    let options = optionsNode && ts.isObjectLiteralExpression(optionsNode) ? optionsNode : undefined;
    const handlerNode: ts.Expression | undefined = args.length >= 3 ? args[2] : args[1];
    // `fastify.get('/x', { handler, schema })`
    if (args.length === 2 && ts.isObjectLiteralExpression(unwrapExpression(args[1]))) {
      options = unwrapExpression(args[1]) as ts.ObjectLiteralExpression;
      this.addFastifyRoute(call, receiver, receiverKind, method, args[0], options, this.handlerProperty(options));
      return;
    }
    this.addFastifyRoute(call, receiver, receiverKind, method, args[0], options, handlerNode ? this.ref(handlerNode) : undefined);
  }

  private addFastifyRouteObject(call: ts.CallExpression, receiver: string, receiverKind: AppKind | undefined, options: ts.ObjectLiteralExpression): void {
    const methodNode = propertyValue(options, 'method');
    const methods: string[] = [];
    const single = methodNode ? stringValue(unwrapExpression(methodNode)) : undefined;
    if (single) methods.push(single);
    else if (methodNode && ts.isArrayLiteralExpression(unwrapExpression(methodNode))) {
      for (const element of (unwrapExpression(methodNode) as ts.ArrayLiteralExpression).elements) {
        const value = stringValue(element);
        if (value) methods.push(value);
      }
    }
    const pathNode = propertyValue(options, 'url') ?? propertyValue(options, 'path');
    for (const method of methods.length > 0 ? methods : ['ALL']) {
      const httpMethod = FASTIFY_METHODS.get(method.toLowerCase()) ?? 'ALL';
      this.addFastifyRoute(call, receiver, receiverKind, httpMethod, pathNode, options, this.handlerProperty(options));
    }
  }

  private addFastifyRoute(
    call: ts.CallExpression,
    receiver: string,
    receiverKind: AppKind | undefined,
    method: HttpMethod,
    pathNode: ts.Expression | undefined,
    options: ts.ObjectLiteralExpression | undefined,
    handler: HandlerRef | undefined,
  ): void {
    const middleware: HandlerRef[] = [];
    if (options) {
      for (const hook of FASTIFY_CHAIN_HOOKS) {
        const value = propertyValue(options, hook);
        if (value) middleware.push(...this.refs([value]));
      }
    }
    const route: RouteRegistration = {
      framework: 'fastify',
      call,
      receiver,
      receiverKind,
      method,
      path: pathNode ? stringValue(unwrapExpression(pathNode)) : undefined,
      pathNode,
      middleware,
      handler,
      options,
      schema: options ? propertyValue(options, 'schema') : undefined,
    };
    this.routes.push(route);
    for (const ref of middleware) if (ref.fn) this.addHandler(ref.fn, 'fastify', 'middleware', route);
    if (handler?.fn) this.addHandler(handler.fn, 'fastify', 'handler', route);
  }

  /** `handler: fn`, `handler` shorthand, or a `handler(request, reply) {}` method. */
  private handlerProperty(options: ts.ObjectLiteralExpression): HandlerRef | undefined {
    for (const property of options.properties) {
      if (ts.isMethodDeclaration(property) && ts.isIdentifier(property.name) && property.name.text === 'handler') {
        return { expression: options, name: 'handler', fn: property };
      }
    }
    const value = propertyValue(options, 'handler');
    return value ? this.ref(value) : undefined;
  }

  /** Flattens arrays of middleware and resolves each argument. */
  private refs(nodes: readonly ts.Expression[]): HandlerRef[] {
    const result: HandlerRef[] = [];
    for (const node of nodes) {
      const value = unwrapExpression(node);
      if (ts.isArrayLiteralExpression(value)) {
        result.push(...this.refs(value.elements));
      } else if (ts.isSpreadElement(value)) {
        // `router.post(path, ...guarded, handler)` with `const guarded = [requireAuth, validate(schema)]`: its
        // members; an array held elsewhere cannot be told apart
        const spread = unwrapExpression(value.expression);
        const members = ts.isIdentifier(spread) ? localArrayLiteral(spread) : ts.isArrayLiteralExpression(spread) ? spread : undefined;
        result.push(...(members ? this.refs(members.elements) : [this.ref(node)]));
      } else {
        result.push(this.ref(node));
      }
    }
    return result;
  }

  private ref(node: ts.Expression): HandlerRef {
    const value = unwrapExpression(node);
    if (isFunctionLike(value)) return { expression: node, fn: value };
    const path = memberPath(value);
    if (path) {
      const name = path.join('.');
      const fn = this.functionsByName.get(name);
      return { expression: node, name, fn, wrapper: this.wrappersByName.get(name) };
    }
    if (ts.isCallExpression(value)) {
      const callee = memberPath(value.expression);
      const last = value.arguments.length > 0 ? unwrapExpression(value.arguments[value.arguments.length - 1]) : undefined;
      if (last && isFunctionLike(last)) return { expression: node, name: callee?.join('.'), fn: last, wrapper: callee?.join('.') };
      if (last && ts.isIdentifier(last) && this.functionsByName.has(last.text) && callee) {
        return { expression: node, name: callee.join('.'), fn: this.functionsByName.get(last.text), wrapper: callee.join('.') };
      }
      return { expression: node, name: callee?.join('.') };
    }
    return { expression: node };
  }

  private markFastifyInstanceParameter(fn: FunctionLike): void {
    const name = parameterName(fn.parameters[0]);
    if (name && !this.apps.has(name)) this.apps.set(name, { name, kind: 'fastify', node: fn.parameters[0] });
  }

  private addHandler(fn: FunctionLike, framework: Framework, role: HandlerInfo['role'], route: RouteRegistration | undefined): void {
    const existing = this.handlers.get(fn);
    if (existing) {
      if (route) existing.routes.push(route);
      existing.standalone = false;
      return;
    }
    this.handlers.set(fn, handlerInfo(fn, framework, role, route ? [route] : [], false));
  }

  /**
   * Functions not registered in this file that still handle requests: Express middleware passed to
   * `use`, and controllers exported for another file (typed or named like `(req, res)` / `(request, reply)`).
   */
  private collectStandaloneHandlers(): void {
    for (const use of this.uses) {
      if (use.kind !== 'use') continue;
      for (const ref of use.args) {
        if (!ref.fn || this.handlers.has(ref.fn)) continue;
        const role = ref.fn.parameters.length === 4 ? 'error-handler' : 'middleware';
        this.addHandler(ref.fn, 'express', role, undefined);
      }
    }
    for (const fn of this.candidateFunctions) {
      if (this.handlers.has(fn) || isPluginOption(fn)) continue;
      const framework = handlerFrameworkBySignature(fn, this.framework);
      if (!framework) continue;
      const count = callParameters(fn).length;
      const role: HandlerInfo['role'] = framework === 'express' && count === 4 ? 'error-handler' : framework === 'express' && count === 3 ? 'middleware' : 'handler';
      this.handlers.set(fn, handlerInfo(fn, framework, role, [], true));
    }
  }
}

/**
 * A callback in the options of a Fastify plugin registration: `register(rateLimit, { errorResponseBuilder:
 * (req, reply) => ({ statusCode: 429, … }) })`. The plugin calls it and sends what it returns itself.
 */
function isPluginOption(fn: FunctionLike): boolean {
  const property = fn.parent;
  if (!ts.isPropertyAssignment(property) || property.initializer !== fn) return false;
  const options = property.parent;
  const call = options.parent;
  return ts.isCallExpression(call) && call.arguments.indexOf(options) > 0 && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'register';
}

const EXPRESS_REQUEST_TYPES = new Set(['Request', 'ExpressRequest']);
const EXPRESS_RESPONSE_TYPES = new Set(['Response', 'ExpressResponse']);

/** Whether a function's parameters say it handles an Express or Fastify request. */
function handlerFrameworkBySignature(fn: FunctionLike, fileFramework: Framework | undefined): Framework | undefined {
  const params = callParameters(fn);
  // `export async function create(request: FastifyRequest<{ Body: … }>) { return … }`: the returned value is the reply
  if (params.length === 1 && parameterTypeName(params[0]) === 'FastifyRequest' && isExportedAsync(fn)) return 'fastify';
  if (params.length < 2 || params.length > 4) return undefined;
  const offset = params.length === 4 ? 1 : 0;
  const reqType = parameterTypeName(params[offset]);
  const resType = parameterTypeName(params[offset + 1]);
  if (reqType === 'FastifyRequest' || resType === 'FastifyReply') return 'fastify';
  if ((reqType && EXPRESS_REQUEST_TYPES.has(reqType)) || (resType && EXPRESS_RESPONSE_TYPES.has(resType))) return 'express';
  if (reqType || resType) {
    if (/Request$/.test(reqType ?? '') && /Response$/.test(resType ?? '')) return 'express';
    if (/Request$/.test(reqType ?? '') && /Reply$/.test(resType ?? '')) return 'fastify';
    return undefined;
  }
  const reqName = parameterName(params[offset]);
  const resName = parameterName(params[offset + 1]);
  if (!fileFramework) return undefined;
  // `exports.create = async ({ body, user }, res) => …`: the request taken apart where it is received
  const request = /^(req|request)$/.test(reqName ?? '') || destructuresRequest(params[offset]);
  if (request && /^(res|response)$/.test(resName ?? '')) return 'express';
  if (request && /^(reply|rep)$/.test(resName ?? '')) return 'fastify';
  return undefined;
}

/** The array literal a name is declared with in an enclosing block of this file. */
function localArrayLiteral(identifier: ts.Identifier): ts.ArrayLiteralExpression | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const declaration = statement.declarationList.declarations.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === identifier.text);
      const initializer = declaration?.initializer ? unwrapExpression(declaration.initializer) : undefined;
      if (declaration) return initializer && ts.isArrayLiteralExpression(initializer) ? initializer : undefined;
    }
  }
  return undefined;
}

/** `{ body, user }`, `{ params: { id } }`: a parameter binding parts of a request. */
function destructuresRequest(parameter: ts.ParameterDeclaration): boolean {
  const name = parameter.name;
  return ts.isObjectBindingPattern(name) && name.elements.some((element) => /^(body|query|params)$/.test(((element.propertyName ?? element.name) as ts.Node).getText()));
}

/** An async function exported from its module: `export async function f`, `export const f = async (…) =>`, `exports.f = async …`, a method of an exported class. */
function isExportedAsync(fn: FunctionLike): boolean {
  if (!fn.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword)) return false;
  if (ts.isFunctionDeclaration(fn)) return fn.modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  const holder = fn.parent;
  if (ts.isVariableDeclaration(holder)) {
    const statement = holder.parent.parent;
    return ts.isVariableStatement(statement) && (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false);
  }
  if (ts.isBinaryExpression(holder) && ts.isPropertyAccessExpression(holder.left)) return /^(module\.)?exports\b/.test(holder.left.getText());
  // `export default class CommentController { static async store(request: FastifyRequest) { … } }`
  if (ts.isMethodDeclaration(fn) && ts.isClassDeclaration(holder)) return holder.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
  return false;
}

/**
 * Spelled out rather than spread from describeParameters: every handler gets the same object shape,
 * which keeps this (run for each handler on every keystroke) off V8's slow path for cloning objects
 * of mixed shapes — it was most of the file analysis of a long router.
 */
function handlerInfo(fn: FunctionLike, framework: Framework, role: HandlerInfo['role'], routes: RouteRegistration[], standalone: boolean): HandlerInfo {
  const described = describeParameters(fn, framework, role);
  return { role: described.role, err: described.err, req: described.req, res: described.res, next: described.next, fn, framework, routes, standalone };
}

function describeParameters(fn: FunctionLike, framework: Framework, role: HandlerInfo['role']): Pick<HandlerInfo, 'err' | 'req' | 'res' | 'next' | 'role'> {
  const params = callParameters(fn);
  if (framework === 'fastify') {
    if (role === 'error-handler') return { role, err: parameterName(params[0]), req: parameterName(params[1]), res: parameterName(params[2]) };
    return { role, req: parameterName(params[0]), res: parameterName(params[1]), next: parameterName(params[2]) };
  }
  if (role === 'error-handler' || params.length === 4) {
    return { role: 'error-handler', err: parameterName(params[0]), req: parameterName(params[1]), res: parameterName(params[2]), next: parameterName(params[3]) };
  }
  return { role, req: parameterName(params[0]), res: parameterName(params[1]), next: parameterName(params[2]) };
}

/** The value of `key: value` (or shorthand `key`) in an object literal. */
export function propertyValue(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property)) {
      const name = property.name;
      if ((ts.isIdentifier(name) || ts.isStringLiteral(name)) && name.text === key) return property.initializer;
    } else if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) {
      return property.name;
    } else if (ts.isMethodDeclaration(property) && ts.isIdentifier(property.name) && property.name.text === key) {
      return undefined;
    }
  }
  return undefined;
}

/** Registration methods that return the app or router they were called on, so calls can chain. */
const CHAINABLE_METHODS = new Set(['use', 'register', 'addHook', 'withTypeProvider', ...EXPRESS_METHODS.keys()]);

/**
 * The app or router a chain of registrations starts at: `router` in `router.use(auth).route('/:id')`
 * or `app.get('/a', a).post('/b', b)`. A one-argument `app.get('setting')` reads a setting instead.
 */
function chainStart(receiver: ts.Expression): ts.Expression {
  let current = receiver;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && CHAINABLE_METHODS.has(current.expression.name.text)) {
    const method = current.expression.name.text;
    // `fastify.withTypeProvider<ZodTypeProvider>()` is the same instance, typed
    if (current.arguments.length < (EXPRESS_METHODS.has(method) ? 2 : method === 'withTypeProvider' ? 0 : 1)) break;
    current = unwrapExpression(current.expression.expression);
  }
  return current;
}
