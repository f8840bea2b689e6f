import ts from 'typescript';
import { forEachDescendant } from '../../analysis/descendants';
import { alwaysExits, calleeText, memberPath, unwrapExpression } from '../../analysis/syntax';
import { isReassigned, localInitializer, statementsAfter } from './local-binding';

/**
 * Hand-written checks of request values that the handler's reads are judged against: allow-lists,
 * clamps of numbers, rejecting conditions, signature digests. Syntax only.
 */

/** `crypto.createHmac('sha256', secret).update(req.body)`: the value is hashed to check a signature. */
export function isDigestUpdate(call: ts.CallExpression): boolean {
  const callee = unwrapExpression(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'update') return false;
  const digest = unwrapExpression(callee.expression);
  return ts.isCallExpression(digest) && /(^|\.)(createHmac|createHash)$/.test(calleeText(digest) ?? '');
}

export const NUMBER_GUARDS: ReadonlySet<string> = new Set(['isNaN', 'Number.isNaN', 'Number.isInteger', 'Number.isFinite', 'Number.isSafeInteger', 'isFinite']);

/**
 * `Number.isInteger(n)`, `isNaN(n)`, or a clamp to a literal bound (`Math.min(parseInt(limit) || 10, 50)`,
 * `Math.max(Number(skip) || 0, 0)`): whatever the client sent, a bounded number comes out.
 */
export function isNumberCheck(call: ts.CallExpression): boolean {
  return NUMBER_GUARDS.has(calleeText(call) ?? '') || isClamp(call);
}

/** Fields only a lower bound matters for: a huge page or offset returns nothing, a huge page size returns everything. */
export const OFFSET_FIELD = /^(page|pageNumber|skip|offset|cursor|start|from)$/i;

export function isClamp(call: ts.CallExpression): boolean {
  const callee = calleeText(call);
  return (callee === 'Math.min' || callee === 'Math.max') && call.arguments.some(isFixedNumber);
}

/** `50`, or a constant holding one (`const MAX_LIMIT = 200`). */
function isFixedNumber(argument: ts.Expression): boolean {
  const value = unwrapExpression(argument);
  if (ts.isNumericLiteral(value)) return true;
  const initializer = ts.isIdentifier(value) ? localInitializer(value) : undefined;
  const declaration = initializer?.parent;
  return initializer !== undefined && ts.isNumericLiteral(unwrapExpression(initializer)) && declaration !== undefined && ts.isVariableDeclaration(declaration) && !isReassigned(declaration);
}

/** `x ?? {}`, `x || {}`, `x ?? []`. */
export function isEmptyDefault(binary: ts.BinaryExpression): boolean {
  const kind = binary.operatorToken.kind;
  if (kind !== ts.SyntaxKind.QuestionQuestionToken && kind !== ts.SyntaxKind.BarBarToken) return false;
  const fallback = unwrapExpression(binary.right);
  return (ts.isObjectLiteralExpression(fallback) && fallback.properties.length === 0) || (ts.isArrayLiteralExpression(fallback) && fallback.elements.length === 0);
}

/** A literal or an enum member: `'open'`, `3`, `Priority.High`, `STATUS.DONE`. */
export function isFixedValue(node: ts.Node): boolean {
  const value = ts.isExpression(node) ? unwrapExpression(node) : node;
  if (ts.isStringLiteralLike(value) || ts.isNumericLiteral(value)) return true;
  return ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression) && /^[A-Z]/.test(value.expression.text);
}

/** `LIST.includes(x)`, `ALLOWED.has(x)`, `Object.values(Status).includes(x)`, `['a', 'b'].includes(x)`: a fixed list of values. */
export function isAllowListTest(call: ts.CallExpression): boolean {
  const callee = unwrapExpression(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !/^(includes|has|indexOf)$/.test(callee.name.text) || call.arguments.length !== 1) return false;
  const list = unwrapExpression(callee.expression);
  if (ts.isArrayLiteralExpression(list)) return list.elements.length > 0 && list.elements.every(isFixedValue);
  // `'createdAt,updatedAt'.includes(sort)` tests for a substring: `'At'` passes
  const initializer = ts.isIdentifier(list) ? localInitializer(list) : undefined;
  if (initializer && ts.isStringLiteralLike(unwrapExpression(initializer))) return false;
  const path = memberPath(list) ?? (ts.isCallExpression(list) ? memberPath(unwrapExpression(list.expression)) : undefined);
  return path !== undefined && !path.some((segment) => /^(req|request|body|query|params)$/.test(segment));
}

/**
 * Whether a test rejects the request when it fails: `if (!test) return …` / `throw …`, also as one
 * alternative of an `||` (`if (!status || !LIST.includes(status))`).
 */
export function rejectsUnless(test: ts.Expression): boolean {
  let node: ts.Node = climbWrappers(test);
  const negation = node.parent;
  if (!(ts.isPrefixUnaryExpression(negation) && negation.operator === ts.SyntaxKind.ExclamationToken) && !isNotFound(negation, node)) return false;
  node = negation;
  // `status && !STATUSES.includes(status)`: an optional filter, rejected unless absent or listed
  // `includes(status as OrderStatus)` tests `status`
  const argument = ts.isCallExpression(test) ? test.arguments[0] : undefined;
  const tested = argument && unwrapExpression(argument).getText();
  for (;;) {
    const parent = node.parent;
    const presenceFirst = ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === node && tested !== undefined && testsPresence(parent.left, tested);
    if (ts.isParenthesizedExpression(parent) || (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) || presenceFirst) node = parent;
    else return ts.isIfStatement(parent) && parent.expression === node && alwaysExits(parent.thenStatement);
  }
}

/** `LIST.indexOf(status) === -1`, `LIST.indexOf(status) < 0`: the older spelling of `!LIST.includes(status)`. */
function isNotFound(comparison: ts.Node, lookup: ts.Node): boolean {
  if (!ts.isBinaryExpression(comparison) || comparison.left !== lookup) return false;
  const kind = comparison.operatorToken.kind;
  const bound = unwrapExpression(comparison.right);
  if (kind === ts.SyntaxKind.LessThanToken) return ts.isNumericLiteral(bound) && bound.text === '0';
  const minusOne = ts.isPrefixUnaryExpression(bound) && bound.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(bound.operand) && bound.operand.text === '1';
  return minusOne && (kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken);
}

/** `status`, `status !== undefined`, `status != null`, `typeof status !== 'undefined'`: the optional value was sent. */
function testsPresence(condition: ts.Expression, tested: string): boolean {
  const value = unwrapExpression(condition);
  if (value.getText() === tested) return true;
  if (!ts.isBinaryExpression(value) || (value.operatorToken.kind !== ts.SyntaxKind.ExclamationEqualsEqualsToken && value.operatorToken.kind !== ts.SyntaxKind.ExclamationEqualsToken)) return false;
  const left = unwrapExpression(value.left);
  const right = unwrapExpression(value.right);
  const subject = ts.isTypeOfExpression(left) ? unwrapExpression(left.expression) : left;
  const absent = right.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(right) && right.text === 'undefined') || (ts.isStringLiteralLike(right) && right.text === 'undefined');
  return absent && subject.getText() === tested;
}

/** `x !== 'a' && x !== 'b'` (every alternative a literal) as the condition of an `if` that returns or throws. */
export function isRejectedUnlessListed(comparison: ts.BinaryExpression): boolean {
  let node: ts.Node = comparison;
  while (ts.isParenthesizedExpression(node.parent) || (ts.isBinaryExpression(node.parent) && node.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)) node = node.parent;
  const statement = node.parent;
  if (!ts.isIfStatement(statement) || statement.expression !== node || !alwaysExits(statement.thenStatement)) return false;
  const leaves: ts.Expression[] = [];
  const collect = (expression: ts.Expression): void => {
    const value = unwrapExpression(expression);
    if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      collect(value.left);
      collect(value.right);
    } else leaves.push(value);
  };
  collect(statement.expression);
  const isLiteral = isFixedValue;
  const comparedText = (leaf: ts.Expression): string | undefined => {
    if (!ts.isBinaryExpression(leaf)) return undefined;
    const kind = leaf.operatorToken.kind;
    if (kind !== ts.SyntaxKind.ExclamationEqualsEqualsToken && kind !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
    const [left, right] = [unwrapExpression(leaf.left), unwrapExpression(leaf.right)];
    if (isLiteral(right)) return left.getText();
    return isLiteral(left) ? right.getText() : undefined;
  };
  const compared = comparedText(comparison);
  return compared !== undefined && leaves.every((leaf) => comparedText(leaf) === compared);
}

/** The outermost of the parentheses, casts, `!` and `await` around an expression: what its parent really receives. */
export function climbWrappers(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isNonNullExpression(current.parent) ||
    ts.isSatisfiesExpression(current.parent) || ts.isTypeAssertionExpression(current.parent) || ts.isAwaitExpression(current.parent)
  ) {
    current = current.parent;
  }
  return current;
}

/** Schema methods that answer with a verdict instead of throwing: nothing is refused unless the handler acts on it. */
const VERDICT_METHODS = new Set(['safeParse', 'safeParseAsync', 'spa', 'isValid', 'isValidSync']);

/**
 * `FeedbackBody.safeParse(req.body);` with the result dropped, or `const check = …safeParse(…); if (!check.success)
 * console.warn(…)`: the verdict is only logged and the raw input goes on. Acted on — a branch that returns
 * or throws, a `return`, the parsed `data`, anything handed on — it validates.
 */
export function isIgnoredVerdict(call: ts.CallExpression): boolean {
  const name = calleeText(call)?.split('.').pop();
  if (!name || !VERDICT_METHODS.has(name)) return false;
  let result: ts.Node = call;
  while (ts.isAwaitExpression(result.parent) || ts.isParenthesizedExpression(result.parent)) result = result.parent;
  const parent = result.parent;
  if (ts.isExpressionStatement(parent)) return true;
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== result) return false;
  const names = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  bind(parent.name);
  if (names.has('data') || names.has('value')) return false;
  const after = statementsAfter(parent);
  if (!after) return false;
  let acted = false;
  for (const statement of after) {
    forEachDescendant(statement, (node) => {
      if (acted || !ts.isIdentifier(node) || !names.has(node.text)) return !acted;
      acted = actsOnVerdict(node);
      return !acted;
    });
    if (acted) return false;
  }
  return true;
}

const LOG_CALL = /(^|\.)(console|logger|log|debug)(\.|$)/;

function onlyLogs(statement: ts.Statement): boolean {
  const statements = ts.isBlock(statement) ? statement.statements : [statement];
  return statements.every((inner) => ts.isExpressionStatement(inner) && ts.isCallExpression(unwrapExpression(inner.expression)) && LOG_CALL.test(calleeText(unwrapExpression(inner.expression) as ts.CallExpression) ?? ''));
}

function actsOnVerdict(use: ts.Identifier): boolean {
  if (ts.isPropertyAccessExpression(use.parent) && use.parent.expression === use && /^(data|value|output)$/.test(use.parent.name.text)) return true;
  for (let node: ts.Node = use; node.parent && !ts.isBlock(node.parent) && !ts.isSourceFile(node.parent); node = node.parent) {
    const parent = node.parent;
    // the verdict decides what runs, unless its branch only writes a log line: `if (!check.success) console.warn(…)`
    if (ts.isIfStatement(parent)) return parent.expression === node && (parent.elseStatement !== undefined || !onlyLogs(parent.thenStatement));
    if (ts.isReturnStatement(parent) || ts.isThrowStatement(parent)) return true;
    if (ts.isConditionalExpression(parent) && parent.condition === node) return true;
    if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) return !LOG_CALL.test(calleeText(parent) ?? '');
  }
  return false;
}
