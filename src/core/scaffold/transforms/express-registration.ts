import type { Node } from 'ts-morph';
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

/** `app.use('<prefix>', <router>)` among the existing routes: after the last one, before 404 / error handlers. */
export function ensureExpressRouterMount(app: Node, prefix: string, router: string, options?: RegistrationOptions): RegistrationResult {
  const prefixText = quoteString(prefix, formattingOf(app.getSourceFile()).quote);
  return ensureCallRegistered(app, {
    method: 'use',
    args: [prefixText, router],
    statement: (scope) => useStatement(app, scope.name, [prefixText, router]),
    place: (statements) => {
      const fence = first(statements, ['fallback', 'error-handler', ...ENDS_SETUP]);
      const beforeFence = fence ? statements.filter((statement) => statement.index < fence.index) : statements;
      const lastRoute = last(beforeFence, ['route', 'mount', 'opaque']);
      if (lastRoute) return { after: lastRoute };
      return fence ? { before: fence } : afterLast(statements);
    },
  }, options);
}

function useStatement(app: Node, appName: string, args: string[]): string {
  const style = formattingOf(app.getSourceFile());
  return `${appName}.use(${args.join(', ')})${style.semicolons ? ';' : ''}`;
}

function afterLast(statements: ClassifiedStatement[]): Placement {
  const lastStatement = statements[statements.length - 1];
  return lastStatement ? { after: lastStatement } : 'after-declaration';
}
