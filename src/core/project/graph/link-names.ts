import ts from 'typescript';
import { unwrap } from './syntax-utils';

/**
 * The name a chain link is known by where it is written: `requireAuth`, `usersController.create`,
 * the callee of a call (`validate`, `passport.authenticate`), or a named function expression.
 * Matches the file analysis' HandlerRef names so rules can compare the two.
 */
export function linkName(node: ts.Node): string | undefined {
  if (!ts.isExpression(node)) return undefined;
  const expression = unwrap(node);
  const path = dottedName(expression);
  if (path) return path;
  if (ts.isCallExpression(expression) || ts.isNewExpression(expression)) return dottedName(unwrap(expression.expression));
  if ((ts.isFunctionExpression(expression) || ts.isClassExpression(expression)) && expression.name) return expression.name.text;
  return undefined;
}

function dottedName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (expression.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(expression)) {
    const head = dottedName(unwrap(expression.expression));
    return head ? `${head}.${expression.name.text}` : undefined;
  }
  return undefined;
}
