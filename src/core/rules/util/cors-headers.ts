import ts from 'typescript';
import { isFunctionLike, unwrapExpression } from '../../analysis/syntax';
import { localInitializer } from './local-binding';

/** A hand-written `Access-Control-Allow-Origin` header. */
export interface AllowOriginHeader {
  /** The call that sets it: `res.setHeader(…)`, `res.set({…})`, `reply.header(…)`. */
  call: ts.CallExpression;
  value: 'any' | 'reflect';
  /** The value argument, for the two-argument form. */
  valueNode?: ts.Expression;
  /** Set only after a check of the origin (an allowlist lookup or comparison). */
  guarded: boolean;
}

const SETTERS = new Set(['setHeader', 'header', 'set', 'append']);
const OBJECT_SETTERS = new Set(['set', 'header', 'headers', 'writeHead']);

/** `Access-Control-Allow-Origin` headers set to `*` or to the request's origin in a file. */
export function findAllowOriginHeaders(calls: readonly ts.CallExpression[]): AllowOriginHeader[] {
  const found: AllowOriginHeader[] = [];
  for (const call of calls) {
    if (!ts.isPropertyAccessExpression(call.expression)) continue;
    const value = headerValue(call, 'access-control-allow-origin');
    if (!value) continue;
    const kind = allowOriginKind(value);
    if (kind) found.push({ call, value: kind, valueNode: isTwoArgumentSetter(call) ? call.arguments[1] : undefined, guarded: isGuarded(call) });
  }
  return found;
}

/** Whether `Access-Control-Allow-Credentials: true` is set in the same function as `call` (or at top level with it). */
export function setsAllowCredentials(call: ts.CallExpression): boolean {
  let scope: ts.Node = call.parent;
  while (!isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const value = headerValue(node, 'access-control-allow-credentials');
      if (value) {
        const literal = unwrapExpression(value);
        if (literal.kind === ts.SyntaxKind.TrueKeyword || (ts.isStringLiteralLike(literal) && literal.text.trim().toLowerCase() === 'true')) found = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

function isTwoArgumentSetter(call: ts.CallExpression): boolean {
  const name = (call.expression as ts.PropertyAccessExpression).name.text;
  return SETTERS.has(name) && call.arguments.length >= 2 && ts.isStringLiteralLike(unwrapExpression(call.arguments[0]));
}

/** The value a setter call gives the header `name` (lower case), in `(name, value)` or `{ name: value }` form. */
function headerValue(call: ts.CallExpression, name: string): ts.Expression | undefined {
  const method = (call.expression as ts.PropertyAccessExpression).name.text;
  if (isTwoArgumentSetter(call)) {
    const key = unwrapExpression(call.arguments[0]) as ts.StringLiteralLike;
    return key.text.toLowerCase() === name ? call.arguments[1] : undefined;
  }
  if (!OBJECT_SETTERS.has(method)) return undefined;
  for (const argument of call.arguments) {
    const object = unwrapExpression(argument);
    if (!ts.isObjectLiteralExpression(object)) continue;
    for (const property of object.properties) {
      if (ts.isPropertyAssignment(property) && (ts.isStringLiteral(property.name) || ts.isIdentifier(property.name)) && property.name.text.toLowerCase() === name) return property.initializer;
    }
  }
  return undefined;
}

function allowOriginKind(expression: ts.Expression, depth = 0): 'any' | 'reflect' | undefined {
  const value = unwrapExpression(expression);
  if (ts.isStringLiteralLike(value)) return value.text.trim() === '*' ? 'any' : undefined;
  if (isRequestOrigin(value)) return 'reflect';
  // `req.headers.origin ?? '*'`, `req.headers.origin || '*'`: the origin itself whenever there is one.
  if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || value.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return allowOriginKind(value.left, depth + 1) ?? allowOriginKind(value.right, depth + 1);
  }
  if (ts.isIdentifier(value) && depth < 3) {
    const initializer = localInitializer(value);
    if (initializer) return allowOriginKind(initializer, depth + 1);
  }
  return undefined;
}

/** `req.headers.origin`, `req.headers['origin']`, `req.header('origin')`, `req.get('Origin')`, `request.headers.origin`. */
function isRequestOrigin(value: ts.Expression): boolean {
  if (ts.isPropertyAccessExpression(value) && value.name.text.toLowerCase() === 'origin') return isHeaders(value.expression);
  if (ts.isElementAccessExpression(value) && ts.isStringLiteralLike(value.argumentExpression) && value.argumentExpression.text.toLowerCase() === 'origin') return isHeaders(value.expression);
  if (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && /^(get|header)$/.test(value.expression.name.text)) {
    const first = value.arguments[0];
    return first !== undefined && ts.isStringLiteralLike(first) && first.text.toLowerCase() === 'origin';
  }
  return false;
}

function isHeaders(expression: ts.Expression): boolean {
  const value = unwrapExpression(expression);
  return ts.isPropertyAccessExpression(value) && value.name.text === 'headers';
}

/** Set inside an `if` whose condition checks something (a lookup call or a comparison), not a bare truthiness test. */
function isGuarded(call: ts.CallExpression): boolean {
  for (let current: ts.Node = call; !isFunctionLike(current) && !ts.isSourceFile(current); current = current.parent) {
    const parent = current.parent;
    const condition = ts.isIfStatement(parent) && parent.expression !== current ? parent.expression : ts.isConditionalExpression(parent) && parent.condition !== current ? parent.condition : undefined;
    if (condition && checksSomething(condition)) return true;
  }
  return false;
}

/** A condition that tests the request's origin (`allowlist.includes(origin)`, `origin === config.site`); environment switches test nothing about it. */
function checksSomething(condition: ts.Expression): boolean {
  if (!/origin|allow_?list|allowed|whitelist|trusted/i.test(condition.getText())) return false;
  let checks = false;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) checks = true;
    if (ts.isBinaryExpression(node) && /^(===|!==|==|!=|in|instanceof)$/.test(node.operatorToken.getText())) checks = true;
    ts.forEachChild(node, visit);
  };
  visit(condition);
  return checks;
}
