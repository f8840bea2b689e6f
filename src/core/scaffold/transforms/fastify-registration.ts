import { Node, SyntaxKind } from 'ts-morph';
import { quoteString } from '../formatting';
import type { AppScope } from './app-scope';
import { formattingOf } from './file-style';
import { ensureCallRegistered, first, isAppCall, last, type RegistrationOptions, type RegistrationResult } from './registration';

export interface FastifyRegisterOptions extends RegistrationOptions {
  /** Route prefix: `{ prefix: '/users' }`. */
  prefix?: string;
  /** The options object as code, when more than a prefix is needed (replaces `prefix`). */
  options?: string;
}

/**
 * `app.register(<plugin>, { prefix })` after the app's last `register` (plugins load in order),
 * else before its first route; before `listen` / `ready` / `export` in any case. Follows the
 * scope's `await app.register(…)` habit.
 */
export function ensureFastifyRegister(app: Node, plugin: string, options: FastifyRegisterOptions = {}): RegistrationResult {
  const style = formattingOf(app.getSourceFile());
  const optionsText = options.options ?? (options.prefix !== undefined ? prefixObject(options.prefix, style.quote, style.bracketSpacing) : undefined);
  const args = optionsText !== undefined ? [plugin, optionsText] : [plugin];
  return ensureCallRegistered(app, {
    method: 'register',
    args,
    statement: (scope) => `${awaitsRegistrations(scope) ? 'await ' : ''}${scope.name}.register(${args.join(', ')})${style.semicolons ? ';' : ''}`,
    place: (statements) => {
      const end = first(statements, ['listen', 'export']);
      const beforeEnd = end ? statements.filter((statement) => statement.index < end.index) : statements;
      const lastPlugin = last(beforeEnd, ['plugin']);
      if (lastPlugin) return { after: lastPlugin };
      const firstRoute = first(beforeEnd, ['route', 'mount', 'opaque']);
      if (firstRoute) return { before: firstRoute };
      if (end) return { before: end };
      const lastStatement = statements[statements.length - 1];
      return lastStatement ? { after: lastStatement } : 'after-declaration';
    },
  }, options);
}

function prefixObject(prefix: string, quote: 'single' | 'double', bracketSpacing: boolean): string {
  const body = `prefix: ${quoteString(prefix, quote)}`;
  return bracketSpacing ? `{ ${body} }` : `{${body}}`;
}

function awaitsRegistrations(scope: AppScope): boolean {
  return scope.container
    .getDescendantsOfKind(SyntaxKind.CallExpression)
    .some((call) => isAppCall(call, scope.name, 'register') && Node.isAwaitExpression(call.getParent()));
}
