import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { AppScope } from './app-scope';

/** What a statement does with the app, as far as ordering is concerned. */
export type RegistrationKind =
  | 'setting' // app.set / app.disable / Fastify decorators and hooks
  | 'middleware' // app.use(fn)
  | 'plugin' // fastify.register(…)
  | 'route' // app.get / app.post / app.route …
  | 'mount' // app.use('/prefix', router), app.use(router)
  | 'opaque' // registerRoutes(app): something registers, we can't tell what
  | 'fallback' // app.use(notFound)
  | 'error-handler' // app.use((err, req, res, next) => …)
  | 'listen' // app.listen, http.createServer(app), serverless(app)
  | 'export'; // export default app, module.exports = app, return app

/** Lets the caller (the route graph knows better) decide a statement's kind; undefined = use the heuristics. */
export type RegistrationClassifier = (statement: Node, appName: string) => RegistrationKind | undefined;

export interface ClassifiedStatement {
  /** Index in the container's statements-with-comments. */
  index: number;
  statement: Node;
  kind: RegistrationKind;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'route', 'search']);
const LISTEN_METHODS = new Set(['listen', 'ready', 'close']);
const PRIORITY: RegistrationKind[] = ['setting', 'middleware', 'plugin', 'route', 'mount', 'opaque', 'fallback', 'error-handler', 'listen', 'export'];

/** The statements after the app's declaration that involve it, in order. */
export function classifyScope(scope: AppScope, classify?: RegistrationClassifier): ClassifiedStatement[] {
  const result: ClassifiedStatement[] = [];
  scope.container.getStatementsWithComments().forEach((statement, index) => {
    if (index <= scope.declarationIndex || Node.isCommentNode(statement)) return;
    const kind = classify?.(statement, scope.name) ?? classifyStatement(statement, scope.name);
    if (kind) result.push({ index, statement, kind });
  });
  return result;
}

export function classifyStatement(statement: Node, appName: string): RegistrationKind | undefined {
  const kinds: RegistrationKind[] = [];
  if (exportsApp(statement, appName)) kinds.push('export');
  const visit = (node: Node): void => {
    // Callbacks (handlers, listen callbacks) do not register anything at this level.
    if (node !== statement && (Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isFunctionDeclaration(node) || Node.isClassDeclaration(node))) return;
    if (Node.isCallExpression(node)) {
      const kind = classifyCall(node, appName);
      if (kind) kinds.push(kind);
    }
    node.forEachChild(visit);
  };
  visit(statement);
  if (kinds.length === 0) return undefined;
  return kinds.reduce((highest, kind) => (PRIORITY.indexOf(kind) > PRIORITY.indexOf(highest) ? kind : highest));
}

/** `app.use(…)` → 'use' for a call chain rooted at the app (`app.use(a).use(b)`, `app.route('/x').get(h)`). */
export function appMethodOf(call: CallExpression, appName: string): string | undefined {
  let callee = call.getExpression();
  let method: string | undefined;
  for (;;) {
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    method = callee.getName();
    const target = callee.getExpression();
    if (Node.isIdentifier(target)) return target.getText() === appName ? method : undefined;
    if (!Node.isCallExpression(target)) return undefined;
    callee = target.getExpression();
  }
}

function classifyCall(call: CallExpression, appName: string): RegistrationKind | undefined {
  const method = appMethodOf(call, appName);
  if (method !== undefined) {
    // Only the call closest to the app decides for a chain; the outer calls repeat it.
    const inner = call.getExpression();
    if (Node.isPropertyAccessExpression(inner) && Node.isCallExpression(inner.getExpression())) return undefined;
    if (ROUTE_METHODS.has(method)) return 'route';
    if (LISTEN_METHODS.has(method)) return 'listen';
    if (method === 'register') return 'plugin';
    if (method === 'use') return classifyUse(call);
    // set, disable, locals, Fastify decorators and hooks: configuration, not request handling.
    return 'setting';
  }
  if (call.getArguments().some((argument) => Node.isIdentifier(argument) && argument.getText() === appName)) {
    return /createServer|serverless|handler|listen|serve/i.test(call.getExpression().getText()) ? 'listen' : 'opaque';
  }
  return undefined;
}

function classifyUse(call: CallExpression): RegistrationKind {
  const args = call.getArguments();
  for (const argument of args) {
    if ((Node.isArrowFunction(argument) || Node.isFunctionExpression(argument)) && argument.getParameters().length === 4) return 'error-handler';
  }
  const names = args.map(nameOf).filter((name): name is string => name !== undefined);
  if (names.some((name) => /error/i.test(name))) return 'error-handler';
  if (names.some((name) => /not[-_]?found|404/i.test(name))) return 'fallback';
  const first = args[0];
  if (first && (Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first) || Node.isTemplateExpression(first) || Node.isArrayLiteralExpression(first) || Node.isRegularExpressionLiteral(first))) {
    return 'mount';
  }
  // usersRouter, routes, api, v1Api, userController — but not apiLimiter or routeLogger.
  if (names.some((name) => /(?:rout(?:er|es?)|api|controllers?)$/i.test(name.slice(name.lastIndexOf('.') + 1)))) return 'mount';
  return 'middleware';
}

/** The name a middleware argument goes by: `errorHandler`, `Sentry.Handlers.errorHandler` (for calls, the callee). */
function nameOf(argument: Node): string | undefined {
  if (Node.isIdentifier(argument) || Node.isPropertyAccessExpression(argument)) return argument.getText();
  if (Node.isCallExpression(argument)) {
    // app.use(require('./routes')): the module says what it is.
    const [first] = argument.getArguments();
    if (argument.getExpression().getText() === 'require' && first && Node.isStringLiteral(first)) {
      return first.getLiteralValue().replace(/\.[cm]?[jt]s$/, '').replace(/^.*\//, '');
    }
    return nameOf(argument.getExpression());
  }
  return undefined;
}

function exportsApp(statement: Node, appName: string): boolean {
  const mentions = (node: Node | undefined): boolean =>
    node !== undefined &&
    (Node.isIdentifier(node) ? node.getText() === appName : node.getDescendantsOfKind(SyntaxKind.Identifier).some((id) => id.getText() === appName));
  if (Node.isExportAssignment(statement)) return mentions(statement.getExpression());
  if (Node.isReturnStatement(statement)) return mentions(statement.getExpression());
  if (Node.isExportDeclaration(statement)) return !statement.getModuleSpecifier() && statement.getNamedExports().some((specifier) => specifier.getName() === appName);
  if (Node.isExpressionStatement(statement)) {
    const expression = statement.getExpression();
    if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getText() === '=') {
      const left = expression.getLeft().getText();
      return /^(module\.)?exports\b/.test(left) && mentions(expression.getRight());
    }
  }
  return false;
}
