import { Node } from 'ts-morph';
import { quoteString } from '../formatting';
import { formattingOf } from './file-style';
import { ensureCallRegistered, first, last, type Placement, type RegistrationOptions, type RegistrationResult } from './registration';
import type { ClassifiedStatement, RegistrationKind } from './registration-kinds';

const HANDLES_REQUESTS: RegistrationKind[] = ['route', 'mount', 'opaque', 'fallback', 'error-handler'];
const REGISTERS: RegistrationKind[] = ['middleware', 'route', 'mount', 'opaque', 'fallback', 'error-handler', 'plugin'];
const ENDS_SETUP: RegistrationKind[] = ['listen', 'export'];

/**
 * `app.use(<middleware>)` before the first route or mount of `app` (middleware registered later
 * never runs for those routes), after the middleware already there.
 */
export function ensureExpressMiddleware(app: Node, middleware: string, options?: RegistrationOptions): RegistrationResult {
  return ensureCallRegistered(app, {
    method: 'use',
    args: [middleware],
    statement: (scope) => useStatement(app, scope.name, [middleware]),
    place: (statements) => {
      const fence = first(statements, [...HANDLES_REQUESTS, ...ENDS_SETUP]);
      return fence ? { before: fence } : afterLast(statements);
    },
  }, options);
}

/**
 * `app.use(<handler>)` after the last route, mount or middleware (Express only reaches an error
 * handler registered after the routes), so before `app.listen` / `export` when those come last.
 */
export function ensureExpressErrorHandler(app: Node, handler: string, options?: RegistrationOptions): RegistrationResult {
  return ensureCallRegistered(app, {
    method: 'use',
    args: [handler],
    statement: (scope) => useStatement(app, scope.name, [handler]),
    place: (statements) => {
      const lastRegistration = last(statements, REGISTERS);
      if (lastRegistration) return { after: lastRegistration };
      const end = first(statements, ENDS_SETUP);
      return end ? { before: end } : afterLast(statements);
    },
  }, options);
}

/**
 * `app.use('<prefix>', <router>)` among the existing routes: after the last one, before 404 / error
 * handlers — and before the routers mounted without a path that close the route list (Swagger UI
 * served at `/`, an SPA fallback, a router ending in a catch-all): such a router sees every request
 * and may answer or end it, so a prefixed mount after it could be unreachable.
 */
export function ensureExpressRouterMount(app: Node, prefix: string, router: string, options?: RegistrationOptions): RegistrationResult {
  const prefixText = quoteString(prefix, formattingOf(app.getSourceFile()).quote);
  return ensureCallRegistered(app, {
    method: 'use',
    args: [prefixText, router],
    statement: (scope) => useStatement(app, scope.name, [prefixText, router]),
    place: (statements) => {
      const fence = first(statements, ['fallback', 'error-handler', ...ENDS_SETUP]);
      const beforeFence = fence ? statements.filter((statement) => statement.index < fence.index) : statements;
      const routes = beforeFence.filter((statement) => ['route', 'mount', 'opaque'].includes(statement.kind));
      let closing = routes.length;
      while (closing > 0 && isPathlessMount(routes[closing - 1].statement)) closing--;
      if (closing < routes.length) return { before: routes[closing] };
      const lastRoute = routes[routes.length - 1];
      if (lastRoute) return { after: lastRoute };
      return fence ? { before: fence } : afterLast(statements);
    },
  }, options);
}

/** `app.use(router)` / `app.use(a, b)`: a `use` statement whose first argument is not a path. */
function isPathlessMount(statement: Node): boolean {
  if (!Node.isExpressionStatement(statement)) return false;
  const call = statement.getExpression();
  if (!Node.isCallExpression(call)) return false;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'use' || !Node.isIdentifier(callee.getExpression())) return false;
  const args = call.getArguments();
  const [firstArgument] = args;
  if (firstArgument === undefined) return false;
  if (
    Node.isStringLiteral(firstArgument) ||
    Node.isNoSubstitutionTemplateLiteral(firstArgument) ||
    Node.isTemplateExpression(firstArgument) ||
    Node.isArrayLiteralExpression(firstArgument) ||
    Node.isRegularExpressionLiteral(firstArgument)
  ) {
    return false;
  }
  // `app.use(config.api.prefix, routes())`: a path held in a variable.
  const name = Node.isIdentifier(firstArgument) ? firstArgument.getText() : Node.isPropertyAccessExpression(firstArgument) ? firstArgument.getName() : undefined;
  return args.length === 1 || name === undefined || !PATH_LIKE_NAME.test(name);
}

const PATH_LIKE_NAME = /path|prefix|base|url|mount/i;

function useStatement(app: Node, appName: string, args: string[]): string {
  const style = formattingOf(app.getSourceFile());
  return `${appName}.use(${args.join(', ')})${style.semicolons ? ';' : ''}`;
}

function afterLast(statements: ClassifiedStatement[]): Placement {
  const lastStatement = statements[statements.length - 1];
  return lastStatement ? { after: lastStatement } : 'after-declaration';
}
