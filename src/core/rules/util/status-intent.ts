import ts from 'typescript';
import { forEachDescendant } from '../../analysis/descendants';
import { alwaysExits, calleeName, isFunctionLike, memberPath, unwrapExpression, type FunctionLike } from '../../analysis/syntax';
import { localInitializer, resolveLocal } from './local-binding';

/**
 * What a response means, read from the code around it: an error payload, a not-found branch, a
 * handler that creates a resource. Used by `wrong-status-code` to tell which status a response
 * should carry. Everything here errs towards "unknown": a false positive costs more than a miss.
 */

// ---------------------------------------------------------------------------------------------
// Context of a response: catch clauses and guarding `if`s

/** The catch clause (or `.catch(err => …)` callback) a node is in, with the caught variable's name. */
export function enclosingCatch(node: ts.Node, handler: FunctionLike): { name?: string; node: ts.Node } | undefined {
  let current: ts.Node = node;
  while (current.parent && current !== handler) {
    const parent = current.parent;
    if (ts.isCatchClause(parent) && current === parent.block) {
      const declaration = parent.variableDeclaration;
      return { name: declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined, node: parent };
    }
    if (isFunctionLike(current) && current !== handler) {
      // `.catch(err => res.json(...))` and `.then(ok, err => ...)` run on failure
      const call = current.parent;
      if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)) {
        const method = call.expression.name.text;
        const index = call.arguments.indexOf(current as ts.Expression);
        if ((method === 'catch' && index === 0) || (method === 'then' && index === 1)) {
          const parameter = current.parameters[0];
          return { name: parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined, node: current };
        }
      }
    }
    current = parent;
  }
  return undefined;
}

/** The innermost `if` a node sits in, and which branch. */
export function innermostIf(node: ts.Node, handler: FunctionLike): { statement: ts.IfStatement; branch: 'then' | 'else' } | undefined {
  let current: ts.Node = node;
  while (current.parent && current !== handler) {
    const parent = current.parent;
    if (ts.isIfStatement(parent) && current !== parent.expression) {
      return { statement: parent, branch: current === parent.thenStatement ? 'then' : 'else' };
    }
    if (isFunctionLike(current)) return undefined;
    current = parent;
  }
  return undefined;
}

/** Names an `if` condition tests for truthiness: `if (err)`, `if (errors.length)`, `if (!errors.isEmpty())`, `if (error && …)`. */
export function truthyTestedNames(condition: ts.Expression): Set<string> {
  const names = new Set<string>();
  const visit = (expression: ts.Expression): void => {
    const value = unwrapExpression(expression);
    if (ts.isIdentifier(value)) names.add(value.text);
    else if (ts.isBinaryExpression(value)) {
      const operator = value.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken) {
        visit(value.left);
        visit(value.right);
      } else if (operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken || operator === ts.SyntaxKind.GreaterThanToken) {
        const root = rootName(value.left);
        if (root) names.add(root);
      }
    } else if (ts.isPropertyAccessExpression(value)) {
      const root = rootName(value);
      if (root) names.add(root);
    } else if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) {
      // `!errors.isEmpty()`, `!result.success`: the failure side of a check on that object
      const inner = unwrapExpression(value.operand);
      if (ts.isCallExpression(inner) || ts.isPropertyAccessExpression(inner)) {
        const root = rootName(ts.isCallExpression(inner) ? inner.expression : inner);
        if (root) names.add(root);
      }
    }
  };
  visit(condition);
  return names;
}

function rootName(expression: ts.Expression): string | undefined {
  const path = memberPath(expression);
  return path?.[0];
}

// ---------------------------------------------------------------------------------------------
// Error payloads

const ERROR_WORDS =
  /\b(invalid|not found|failed|failure|fail|error|errors|unauthori[sz]ed|unauthenticated|forbidden|denied|required|missing|already (exists?|registered|taken|in use|used)|incorrect|wrong|expired|not allowed|does ?n[o']t exist|do(es)? not match|must be|must have|cannot|can't|unable|not permitted|no permission|bad request|too many|something went wrong|not authori[sz]ed|not valid|duplicate|please (provide|enter|specify|supply|fill|select|login|log in|sign in))\b/i;

/** Keys an error-only body has (a data-carrying body has other keys). */
const MESSAGE_KEYS = new Set(['message', 'msg', 'mssg', 'detail', 'details', 'reason', 'description', 'title', 'code', 'status', 'statusCode', 'success', 'ok', 'type', 'error', 'errors', 'err', 'errorMessage', 'error_message', 'errorCode']);

export interface PayloadContext {
  /** Name of the caught error when the response is in a catch clause / `.catch` callback. */
  catchName?: string;
  inCatch: boolean;
  /** Names the guarding `if` tests for truthiness (the response is in its then-branch). */
  guarded: Set<string>;
  /** Whether the response is in some `if` branch (a failed check), not the straight path. */
  inBranch: boolean;
}

export interface ErrorPayload {
  /** Short description for the message: "an `error` property", "`success: false`". */
  what: string;
  /** Text of the strings in the payload, for choosing a status. */
  texts: string[];
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  if (!property.name) return undefined;
  if (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) return property.name.text;
  return undefined;
}

function collectTexts(node: ts.Node): string[] {
  const texts: string[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isStringLiteral(child) || ts.isNoSubstitutionTemplateLiteral(child)) texts.push(child.text);
    else if (ts.isTemplateExpression(child)) texts.push(child.head.text, ...child.templateSpans.map((span) => span.literal.text));
    ts.forEachChild(child, visit);
  };
  visit(node);
  return texts;
}

function mentions(node: ts.Node, name: string | undefined): boolean {
  if (!name) return false;
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(child) && child.text === name && !isPropertyNamePosition(child)) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** `x.name`, `{ name: x }`: an identifier that names a property, not a variable. */
function isPropertyNamePosition(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === identifier) || (ts.isPropertyAssignment(parent) && parent.name === identifier);
}

/** `errors.array()` → `errors`, `formatErrors(e)` → `formatErrors`. */
function rootOfCall(call: ts.CallExpression): ts.Expression {
  let node: ts.Expression = unwrapExpression(call.expression);
  while (ts.isPropertyAccessExpression(node) || ts.isCallExpression(node)) node = unwrapExpression(node.expression);
  return node;
}

/** An object with no keys but error / message ones: `{ errors: validate(body) }`. */
function errorOnlyObject(node: ts.ObjectLiteralExpression): boolean {
  return node.properties.every((property) => {
    const name = propertyName(property);
    return name !== undefined && MESSAGE_KEYS.has(name);
  });
}

/** Whether a property value plainly says "no error": `null`, `undefined`, `false`, `[]`, `''`. */
function isNoError(value: ts.Expression): boolean {
  const node = unwrapExpression(value);
  if (node.kind === ts.SyntaxKind.NullKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isIdentifier(node) && node.text === 'undefined') return true;
  if (ts.isArrayLiteralExpression(node) && node.elements.length === 0) return true;
  if (ts.isNumericLiteral(node) && node.text === '0') return true;
  // `{ error: '0', msg: '', result }`: an error code of zero means success
  return (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && (node.text === '' || node.text === '0');
}

/**
 * Whether a sent body is an error payload: `{ error: … }` / `{ errors: [...] }` with a real value,
 * `success: false`, `status: 'error'`, an error message sent from a catch or a failed check, or the
 * caught error itself.
 */
export function errorPayload(body: ts.Expression, context: PayloadContext): ErrorPayload | undefined {
  const node = unwrapExpression(body);
  const texts = collectTexts(node);
  if (ts.isObjectLiteralExpression(node)) {
    // JSON-RPC answers errors with 200 by design; a dry-run validation answers with its verdict (`{ valid: false, errors }`), not from a catch
    if (node.properties.some((property) => propertyName(property) === 'jsonrpc' || (!context.inCatch && /^(valid|isValid)$/.test(propertyName(property) ?? '')))) return undefined;
    let onlyMessages = node.properties.length > 0;
    for (const property of node.properties) {
      const name = propertyName(property);
      if (!name || !MESSAGE_KEYS.has(name)) onlyMessages = false;
      if (!name) continue;
      const value = ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
      if (!value) continue;
      const inner = unwrapExpression(value);
      if (/^(error|errors|err|errorMessage|error_message)$/.test(name) && !isNoError(value)) {
        // a computed value may be empty on success (`{ data, error }`, `{ results, errors: failed.map(…) }`):
        // only a literal counts by itself; otherwise a catch, a check on it, or an error-only body must say it is set
        const literal =
          ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner) || ts.isTemplateExpression(inner) || ts.isObjectLiteralExpression(inner) ||
          ts.isArrayLiteralExpression(inner) || ts.isNewExpression(inner) || inner.kind === ts.SyntaxKind.TrueKeyword;
        const root = literal ? undefined : memberPath(ts.isCallExpression(inner) ? rootOfCall(inner) : inner)?.[0];
        if (literal || context.inCatch || (root !== undefined && context.guarded.has(root)) || (errorOnlyObject(node) && ts.isCallExpression(inner))) {
          return { what: `an \`${name}\` property`, texts };
        }
      }
      if ((name === 'success' || name === 'ok') && inner.kind === ts.SyntaxKind.FalseKeyword) return { what: `\`${name}: false\``, texts };
      if (name === 'status' && ts.isStringLiteral(inner) && /^(error|fail|failed|failure)$/i.test(inner.text)) return { what: `\`status: '${inner.text}'\``, texts };
      if ((name === 'status' || name === 'statusCode') && ts.isNumericLiteral(inner) && Number(inner.text) >= 400 && Number(inner.text) <= 599) {
        return { what: `\`${name}: ${inner.text}\` in the body`, texts };
      }
    }
    if (context.inCatch && context.catchName && mentions(node, context.catchName)) return { what: 'the caught error', texts };
    if (onlyMessages && (context.inCatch || context.inBranch) && texts.some((text) => ERROR_WORDS.test(text))) return { what: 'an error message', texts };
    return undefined;
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node) || ts.isBinaryExpression(node)) {
    if (context.inCatch && context.catchName && mentions(node, context.catchName)) return { what: 'the caught error', texts };
    if ((context.inCatch || context.inBranch) && texts.some((text) => ERROR_WORDS.test(text))) return { what: 'an error message', texts };
    return undefined;
  }
  if (ts.isNewExpression(node) && /Error$/.test(calleeName(node) ?? '')) return { what: 'an error object', texts };
  if (context.inCatch && context.catchName && (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) && memberPath(node)?.[0] === context.catchName) {
    return { what: 'the caught error', texts };
  }
  if (ts.isIdentifier(node) && /^(err|error|e)$/.test(node.text) && context.guarded.has(node.text)) return { what: 'the error', texts };
  return undefined;
}

/** A failed sign-in or a missing / bad token: `invalid login`, `The email address or password is incorrect.` */
const INVALID_CREDENTIALS =
  /unauthori[sz]ed|unauthenticated|not authenticated|(invalid|incorrect|wrong) (credentials|token|password|login|(email( address)?|username|user) (or|and|\/) password)|(email( address)?|username|user) (or|and|\/) password (is |are )?(incorrect|invalid|wrong)|(login|log in|sign[- ]?in|authentication) failed|(token|session) (has )?(expired|invalid|missing)|not logged in|login required/i;

/** The status an error payload most likely calls for, from its words; 500 from a catch, else 400. */
export function suggestErrorStatus(texts: readonly string[], inCatch: boolean, condition?: ts.Expression, requestName?: string): number {
  const words = texts.join(' ');
  // `if (!email) return res.json({ message: 'email not found' })`: a field missing from the request is a bad request
  if (/not\s*found|does ?n[o']t exist|no such|could ?n[o']t find|can(no|')t find/i.test(words)) return condition && testsRequestInput(condition, requestName) ? 400 : 404;
  if (/already (exists?|registered|taken|in use|used)|duplicate|conflict/i.test(words)) return 409;
  if (/forbidden|not allowed|permission|access denied|not authori[sz]ed to|not permitted/i.test(words)) return 403;
  if (INVALID_CREDENTIALS.test(words)) return 401;
  if (/too many/i.test(words)) return 429;
  if (inCatch) {
    const text = condition?.getText() ?? '';
    return /valid|zod|joi|yup|schema/i.test(text) ? 400 : 500;
  }
  return 400;
}

// ---------------------------------------------------------------------------------------------
// Not-found branches

const BAD_LINK_TEXT = /\b(token|link|code|otp)\b[^.]*\b(invalid|expired|used)\b|\b(invalid|expired)\b[^.]*\b(token|link|code|otp)\b/i;
const CHANGE_CALL = /^(update\w*|patch\w*|modify\w*|change\w*|delete\w*|remove\w*|destroy\w*|archive\w*)$/;
const LOOKUP_CALL = /^(find\w*|get\w*|fetch\w*|load\w*|read\w*|lookup\w*|retrieve\w*|select\w*|first|one|maybeOne|single|maybeSingle|query\w*|exists)$/;
const NOT_FOUND_TEXT = /not\s*found|does ?n[o']t exist|no such|could ?n[o']t find|can(no|')t find|not exist/i;

export interface NotFoundBranch {
  /** The variable the branch finds missing, when the condition says which. */
  variable?: string;
  /** The branch tests a value that a lookup (`findById`, `findOne`, `get…`) returned. */
  lookup: boolean;
  /** …and that lookup is keyed by the route parameters: the URL names a resource that is not there. */
  keyedByParams: boolean;
  /** …and that lookup is handed a value at all: `getOidcSettings()` or `Settings.findOne({ key: 'smtp' })` read the server's own configuration. */
  keyed: boolean;
  /** The payload says "not found" / "does not exist". */
  message: boolean;
}

/** `!v`, `v === null`, `v == null`, `v === undefined`, `typeof v === 'undefined'` → 'v'. */
/** `pool.execute('SELECT … WHERE id = ?', [id])` (mysql2): a lookup whatever the driver calls it. */
function selectsRows(call: ts.CallExpression): boolean {
  return /^\s*select\b/i.test(sqlTextOf(call) ?? '');
}

/** The start of the SQL a query call runs: its literal text, or the head of its template, also held in a const (`const sql = 'INSERT …'`). */
function sqlTextOf(call: ts.CallExpression): string | undefined {
  let sql = call.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
  const held = sql && ts.isIdentifier(sql) ? localInitializer(sql) : undefined;
  if (held) sql = unwrapExpression(held);
  // `'INSERT INTO events (title) VALUES (\'' + title + '\')'`: the statement starts in the leftmost piece
  while (sql && ts.isBinaryExpression(sql) && sql.operatorToken.kind === ts.SyntaxKind.PlusToken) sql = unwrapExpression(sql.left);
  return sql && (ts.isStringLiteralLike(sql) ? sql.text : ts.isTemplateExpression(sql) ? sql.head.text : undefined);
}

/** How many rows an update or delete changed: Sequelize's `[count]`, mysql2's `affectedRows`, pg's `rowCount`, MongoDB's `deletedCount`. */
const CHANGE_COUNT = /^(count|updated|deleted|removed|updatedCount|affected|affectedRows|affectedCount|rowCount|changes|changedRows|deletedCount|modifiedCount|matchedCount|numDeleted|numUpdated)$/;

/** The variable of `count === 0`, `result.affectedRows === 0`, `!rowCount`. */
function changeCountOf(expression: ts.Expression): string | undefined {
  const node = unwrapExpression(expression);
  if (ts.isIdentifier(node)) return CHANGE_COUNT.test(node.text) ? node.text : undefined;
  if (ts.isPropertyAccessExpression(node) && CHANGE_COUNT.test(node.name.text) && ts.isIdentifier(unwrapExpression(node.expression))) return (unwrapExpression(node.expression) as ts.Identifier).text;
  return undefined;
}

/** `UPDATE … WHERE id = $1`, `DELETE FROM … WHERE id = ?`: SQL that changes the rows it matches. */
function changesRows(call: ts.CallExpression): boolean {
  return /^\s*(update|delete)\b/i.test(sqlTextOf(call) ?? '');
}

/** The variable holding a query's rows in `rows[0]`, `rows.length`, `result.rows[0]`, `result.rows.length`. */
function resultRowsOf(expression: ts.Expression): string | undefined {
  let node = unwrapExpression(expression);
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'length') node = unwrapExpression(node.expression);
  else if (ts.isElementAccessExpression(node) && ts.isNumericLiteral(node.argumentExpression) && node.argumentExpression.text === '0') node = unwrapExpression(node.expression);
  else return undefined;
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'rows') node = unwrapExpression(node.expression);
  return ts.isIdentifier(node) ? node.text : undefined;
}

function missingCheckVariable(condition: ts.Expression): string | undefined {
  const value = unwrapExpression(condition);
  // `if (!userToModify || !currentUser)`: the branch answers whichever is missing; the first names it
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.BarBarToken) return missingCheckVariable(value.left) ?? missingCheckVariable(value.right);
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) {
    const operand = unwrapExpression(value.operand);
    return ts.isIdentifier(operand) ? operand.text : (resultRowsOf(operand) ?? changeCountOf(operand));
  }
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    // `rows.length === 0`, `result.rows.length === 0`: the query found no row
    const zero = (side: ts.Expression): boolean => ts.isNumericLiteral(unwrapExpression(side)) && (unwrapExpression(side) as ts.NumericLiteral).text === '0';
    if ((operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken) && (zero(value.right) || zero(value.left))) {
      const counted = unwrapExpression(zero(value.right) ? value.left : value.right);
      if (ts.isPropertyAccessExpression(counted) && counted.name.text === 'length') return resultRowsOf(counted);
      const changed = changeCountOf(counted);
      if (changed) return changed;
    }
    if (operator !== ts.SyntaxKind.EqualsEqualsEqualsToken && operator !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
    const isNullish = (side: ts.Expression): boolean => {
      const node = unwrapExpression(side);
      return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined') || (ts.isStringLiteral(node) && node.text === 'undefined');
    };
    const variableOf = (side: ts.Expression): string | undefined => {
      const node = unwrapExpression(side);
      if (ts.isIdentifier(node)) return node.text;
      if (ts.isTypeOfExpression(node) && ts.isIdentifier(unwrapExpression(node.expression))) return (unwrapExpression(node.expression) as ts.Identifier).text;
      return undefined;
    };
    if (isNullish(value.right)) return variableOf(value.left);
    if (isNullish(value.left)) return variableOf(value.right);
  }
  return undefined;
}

/** `v`, `v !== null`, `v != null` → 'v' (the else-branch of such an if is the missing case). */
function presenceCheckVariable(condition: ts.Expression): string | undefined {
  const value = unwrapExpression(condition);
  if (ts.isIdentifier(value)) return value.text;
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    if (operator !== ts.SyntaxKind.ExclamationEqualsEqualsToken && operator !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
    const right = unwrapExpression(value.right);
    const left = unwrapExpression(value.left);
    if ((right.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(right) && right.text === 'undefined')) && ts.isIdentifier(left)) return left.text;
  }
  return undefined;
}

/** The call a variable's value comes from: `const v = await X.findById(id)`, `const [v] = …`, a `(err, v) =>` / `.then(v =>` callback of it. */
export function sourceCallOf(name: string, from: ts.Node, handler: FunctionLike): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const callOf = (expression: ts.Expression | undefined): ts.CallExpression | undefined => {
    if (!expression) return undefined;
    let node = unwrapExpression(expression);
    if (ts.isAwaitExpression(node)) node = unwrapExpression(node.expression);
    return ts.isCallExpression(node) ? node : undefined;
  };
  const binds = (binding: ts.BindingName): boolean => {
    if (ts.isIdentifier(binding)) return binding.text === name;
    return binding.elements.some((element) => !ts.isOmittedExpression(element) && binds(element.name));
  };
  const visit = (node: ts.Node): void => {
    if (found || node.pos > from.pos) return;
    if (ts.isVariableDeclaration(node) && binds(node.name)) found = callOf(node.initializer) ?? firstRowOf(node.initializer, node);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && node.left.text === name) found = callOf(node.right);
    else if (isFunctionLike(node) && node !== handler && node.parameters.some((parameter) => binds(parameter.name)) && ts.isCallExpression(node.parent)) {
      // `Model.findById(id, (err, user) => …)` / `Model.findById(id).then(user => …)`
      const call = node.parent;
      const callee = unwrapExpression(call.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'then') found = callOf(callee.expression);
      else found = call;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  // `const ticket = rows[0]` / `result.rows[0]` after `const { rows } = await pool.query(…, [id])`: the row comes from that query
  const firstRowOf = (expression: ts.Expression | undefined, at: ts.Node): ts.CallExpression | undefined => {
    const value = expression && unwrapExpression(expression);
    if (!value || !ts.isElementAccessExpression(value) || !ts.isNumericLiteral(value.argumentExpression) || value.argumentExpression.text !== '0') return undefined;
    let base = unwrapExpression(value.expression);
    while (ts.isPropertyAccessExpression(base)) base = unwrapExpression(base.expression);
    return ts.isIdentifier(base) && base.text !== name ? sourceCallOf(base.text, at, handler) : callOf(base);
  };
  if (handler.body) visit(handler.body);
  return found;
}

/** The innermost call of a chain that names the operation: `db.select().from(t).where(…)` → `select`, `X.findOne().lean()` → `findOne`. */
export function operationNames(call: ts.CallExpression): string[] {
  const names: string[] = [];
  let node: ts.Expression = call;
  for (;;) {
    node = unwrapExpression(node);
    if (!ts.isCallExpression(node)) break;
    const name = calleeName(node);
    if (name) names.push(name);
    const callee = unwrapExpression(node.expression);
    if (!ts.isPropertyAccessExpression(callee)) break;
    node = callee.expression;
  }
  return names;
}

/** Names the handler derives from the route parameters: `const { id } = req.params`, `const id = Number(req.params.id)`. */
export function routeParamNames(handler: FunctionLike, reqName: string | undefined): Set<string> {
  const names = new Set<string>();
  if (!reqName || !handler.body) return names;
  const readsParams = (node: ts.Node): boolean => {
    let found = false;
    const visit = (child: ts.Node): void => {
      if (found) return;
      if (ts.isPropertyAccessExpression(child) && child.name.text === 'params' && ts.isIdentifier(unwrapExpression(child.expression)) && (unwrapExpression(child.expression) as ts.Identifier).text === reqName) found = true;
      else ts.forEachChild(child, visit);
    };
    visit(node);
    return found;
  };
  const collect = (binding: ts.BindingName): void => {
    if (ts.isIdentifier(binding)) names.add(binding.text);
    else for (const element of binding.elements) if (!ts.isOmittedExpression(element)) collect(element.name);
  };
  // `const { params: { id: jobId }, user: { userId } } = req`: only what is bound under `params`
  const collectParams = (pattern: ts.ObjectBindingPattern): void => {
    for (const element of pattern.elements) {
      const key = element.propertyName ?? element.name;
      if (ts.isIdentifier(key) && key.text === 'params') collect(element.name);
    }
  };
  const visit = (node: ts.Node): void => {
    if (!ts.isVariableDeclaration(node) || !node.initializer) return;
    if (readsParams(node.initializer)) collect(node.name);
    else if (ts.isObjectBindingPattern(node.name) && ts.isIdentifier(unwrapExpression(node.initializer)) && (unwrapExpression(node.initializer) as ts.Identifier).text === reqName) collectParams(node.name);
  };
  visit(handler.body);
  forEachDescendant(handler.body, visit);
  return names;
}

/** Whether an expression reads the route parameters (directly or through a name derived from them). */
export function usesRouteParams(node: ts.Node, reqName: string | undefined, paramNames: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(child)) {
      if (paramNames.has(child.text) && !(ts.isPropertyAccessExpression(child.parent) && child.parent.name === child)) found = true;
      if (child.text === reqName && ts.isPropertyAccessExpression(child.parent) && child.parent.name.text === 'params') found = true;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** The variable the innermost enclosing `if` proves missing where `node` runs: `if (!user) …`, or the else of `if (user)`. */
export function missingVariableAt(node: ts.Node, handler: FunctionLike): { variable: string; statement: ts.IfStatement } | undefined {
  const branch = innermostIf(node, handler);
  if (!branch) return undefined;
  const condition = branch.statement.expression;
  const variable = branch.branch === 'then' ? missingCheckVariable(condition) : presenceCheckVariable(condition);
  return variable === undefined ? undefined : { variable, statement: branch.statement };
}

/**
 * Whether a response sits in a not-found branch: the innermost `if` around it finds a looked-up
 * record missing (`if (!user)` after `findById(req.params.id)`), or the payload says "not found".
 */
export function notFoundBranch(response: ts.Node, body: ts.Expression | undefined, handler: FunctionLike, reqName: string | undefined): NotFoundBranch | undefined {
  // A message, not a page: an HTML document that mentions "no such table" in its help text says nothing about this response.
  const message = body !== undefined && collectTexts(body).some((text) => NOT_FOUND_TEXT.test(text) && !/<[a-z][^>]*>/i.test(text));
  let lookup = false;
  let keyedByParams = false;
  let keyed = false;
  const missing = missingVariableAt(response, handler);
  const variable = missing?.variable;
  if (missing) {
    const source = sourceCallOf(missing.variable, missing.statement, handler);
    // a missing reset / verification token or invite code is a bad link (400 / 410), not a missing resource
    // an update or delete that hands back the record it changed (`updateStage(req.params.id, 'won')`, null when
    // no row has the id) finds it first: with a "not found" message its empty answer is a missing record too
    const finds = (name: string): boolean => LOOKUP_CALL.test(name) || (message && CHANGE_CALL.test(name));
    if (source && (operationNames(source).some(finds) || selectsRows(source) || (message && changesRows(source))) && !/token|otp|code|link|invit|verif|reset|session|key|secret/i.test(variable ?? '') && !keyedByToken(source)) {
      lookup = true;
      keyedByParams = usesRouteParams(source, reqName, routeParamNames(handler, reqName));
      keyed = source.arguments.some(namesAValue);
    }
  }
  if (!message && !lookup) return undefined;
  // 'Email verification token is invalid or has expired': a bad link (400 / 410), whatever was looked up
  if (body !== undefined && collectTexts(body).some((text) => BAD_LINK_TEXT.test(text))) return undefined;
  // "email not found" after `if (!email)` on a request field: the client left it out, no resource is missing
  if (!lookup && missing && testsRequestInput(missing.statement.expression, reqName)) return undefined;
  return { variable, lookup, keyedByParams, keyed, message };
}

/** Whether a condition tests what the client sent: `req.body.email`, or a name bound from it (`const { email } = schema.parse(req.body)`). */
export function testsRequestInput(condition: ts.Expression, requestName: string | undefined): boolean {
  if (!requestName) return false;
  const fromRequest = new RegExp(`(^|[^\\w$.])${requestName}\\.(body|query|params)\\b`);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node)) {
      if (node.text === requestName && ts.isPropertyAccessExpression(node.parent) && /^(body|query|params)$/.test(node.parent.name.text)) found = true;
      const binding = isFunctionLike(node.parent) ? undefined : resolveLocal(node);
      const declaration = binding?.kind === 'variable' ? binding.declaration : binding?.kind === 'binding-element' ? declarationOf(binding.element) : undefined;
      if (declaration?.initializer && fromRequest.test(declaration.initializer.getText())) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(condition);
  return found;
}

function declarationOf(element: ts.BindingElement): ts.VariableDeclaration | undefined {
  let node: ts.Node = element;
  while (ts.isBindingElement(node) || ts.isObjectBindingPattern(node) || ts.isArrayBindingPattern(node)) node = node.parent;
  return ts.isVariableDeclaration(node) ? node : undefined;
}

/** Names of a one-time token or code: `resetPasswordToken`, `token`, `otp`, `verificationCode`, `inviteCode`; not `tokenId`, `isVerified`. */
const ONE_TIME_KEY = /(^|[a-z_])(token|Token|TOKEN|otp|Otp|OTP)$|^(verification|verify|reset|invite|invitation|confirmation|activation)_?(code|Code|key|Key)$/;

/** A lookup by a one-time token: `User.findOne({ resetPasswordToken, resetPasswordExpire: { $gt: Date.now() } })`. */
function keyedByToken(lookup: ts.CallExpression): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && ONE_TIME_KEY.test(node.text)) found = true;
    else ts.forEachChild(node, visit);
  };
  for (const argument of lookup.arguments) visit(argument);
  return found;
}

/** Whether an argument mentions a variable (not only literals and property names): `{ key: 'smtp' }` does not, `{ id }` and `req.params.id` do. */
function namesAValue(argument: ts.Expression): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isPropertyName = (ts.isPropertyAssignment(parent) && parent.name === node) || (ts.isPropertyAccessExpression(parent) && parent.name === node);
      if (!isPropertyName && node.text !== 'undefined') found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(argument);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Handlers that create a resource

/** Last path segments and handler names of operations that answer 200 although POST: login, search, actions on a resource. */
const ACTION_WORD =
  /^(log-?in|sign-?in|log-?out|sign-?out|logoff|auth|authenticate|authorize|oauth|token|tokens|access-?token|refresh(-?token)?|session|sessions|verify|verification|validate|validation|check|search|query|queries|find|filter|lookup|calculate|calc|compute|estimate|quote|preview|convert|translate|transform|render|webhook|webhooks|hook|hooks|callback|reset(-?password)?|forgot(-?password)?|change-?password|password|resend|send|email|notify|ping|health|echo|test|run|exec|execute|trigger|sync|import|export|batch|bulk|like|unlike|favorite|favourite|unfavorite|follow|unfollow|vote|upvote|downvote|star|unstar|subscribe|unsubscribe|join|leave|accept|reject|approve|decline|cancel|confirm|complete|archive|unarchive|restore|publish|unpublish|lock|unlock|start|stop|pause|resume|retry|reindex|graphql|rpc|chat|completion|completions|generate|summarize|analyze|analyse|classify|predict|ask|otp|2fa|mfa|logout-all|me|count|stats|report|read|seen|mark|toggle|move|copy|clone|duplicate|assign|unassign|share|invite|revoke|charge|pay|checkout|apply|redeem|claim|upsert|update|edit|delete|remove|replace|set|login-with-\w+)$/i;

/** Things a record has one of: uploading one replaces it. */
const SINGLE_SUBRESOURCE = /^(avatar|photo|profile-?(photo|picture|image)|picture|image|cover(-?(photo|image))?|banner|logo|icon|thumbnail|resume|cv|signature|profile|settings|preferences|status|role|address|location|bio)$/i;

/** Actions a user takes on one record (`POST /courses/:id/enroll`, `/events/:id/rsvp`): 200 whatever they store. */
const RECORD_ACTION = /^(enroll|unenroll|rsvp|book|check-?in|check-?out|bookmark|unbookmark|attend|react|pin|unpin|mute|unmute|block|unblock|save|unsave|watch|unwatch|register|purchase|buy|rent|borrow|return|reserve)$/i;

const ACTION_NAME = /login|logIn|signin|signIn|logout|logOut|signout|signOut|refresh|token|verify|search|query|check|calculate|validate|preview|authenticate|authorize|webhook|callback|reset|forgot|upsert|update|toggle|like|follow|favorite|favourite|vote|send|notify/i;

const CREATE_NAME = /^(create|add|insert|register|store|signup|signUp)([A-Z_]\w*)?$/;

/** Whether a POST path looks like a collection (`/users`, `/posts/:id/comments`) rather than an action (`/login`, `/posts/:id/like`). */
export function isCollectionPath(path: string | undefined): boolean {
  if (path === undefined) return true;
  const segments = path.split('/').filter((segment) => segment.length > 0);
  const last = segments[segments.length - 1];
  if (last === undefined) return true;
  if (last.startsWith(':') || last.startsWith('{') || last.includes('*')) return false;
  // `POST /users/:id/avatar`: the one avatar a record has is set, not added to a collection
  const parent = segments[segments.length - 2];
  const onOneRecord = parent !== undefined && (parent.startsWith(':') || parent.startsWith('{'));
  if (onOneRecord && (SINGLE_SUBRESOURCE.test(last) || RECORD_ACTION.test(last))) return false;
  // `POST /api/leave` files leave requests; `POST /rooms/:id/leave` leaves a room
  if (!onOneRecord && last === 'leave') return true;
  return !ACTION_WORD.test(last) && !/login|logout|signin|signout|token|search|verify|webhook|callback|graphql/i.test(last) && !VERB_PHRASE.test(last);
}

/** `add-to-cart`, `addToWishlist`, `remove_from_cart`, `mark-as-read`: an action on an existing record, named as a phrase. */
const VERB_PHRASE = /^[a-z]+([-_](to|from|as|into|onto)[-_]|(To|From|As|Into|Onto)[A-Z])/;

export function isActionName(name: string | undefined): boolean {
  return name !== undefined && ACTION_NAME.test(name);
}

export function isCreateName(name: string | undefined): boolean {
  // `addToCart`, `addToWishlist`: adds to a list kept on an existing record
  return name !== undefined && CREATE_NAME.test(name) && !isActionName(name) && !/^add(To|In|Into|On)[A-Z]/.test(name);
}

/** What a handler named `createPortalSession`, `createUploadUrl`, `registerListener` makes: a value or a hand-over, not a stored record. */
const MADE_VALUE = /(Session|Url|URL|Uri|Link|Token|Tokens|Jwt|JWT|Otp|OTP|Intent|Signature|Nonce|Hash|Preview|Instance|Listener)$/;

export function namesMadeValue(name: string | undefined): boolean {
  // `createUserHandler`, `createPortalSessionController`: the suffix names the function, not what it makes
  const object = name === undefined ? undefined : CREATE_NAME.exec(name)?.[2]?.replace(/(Handler|Controller|Action|Route)$/, '');
  return object !== undefined && MADE_VALUE.test(object);
}

/** Receivers whose `create` / `insert` is an API call, not a stored record (OpenAI completions, Stripe sessions, crypto). */
const NOT_A_STORE = /^(openai|anthropic|ai|genai|gemini|groq|mistral|cohere|stripe|paypal|braintree|twilio|sendgrid|sgMail|mailgun|mailer|transporter|nodemailer|resend|s3|sqs|sns|ses|axios|got|fetch|http|https|crypto|jwt|jose|bcrypt|argon2|Object|Promise|Array|Map|Set|WeakMap|Date|Error|Buffer|URL|Symbol|Reflect|Proxy|JSON|Math|Intl|Response|Request|Headers|Blob|document|window|queue|bull|redis|cache|session|req|request|res|response|reply|socket|io|pubsub|events?|emitter|logger|console|child_process|fs|path|os|zlib|stream)$/;

const STORE_LIKE = /(repo|repository|repositories|service|services|model|models|dao|store|collection|table|manager|db|database|prisma|orm|entity|entities)$/i;
const PRISMA_ROOT = /^(prisma|db|database|orm|tx|trx|transaction|em|entityManager|manager|dataSource|knex|sequelize)$/;

/** Name endings of `createX` helpers that build values rather than store records (`createHash`, `createToken`, `createImageDataUrl`). */
const FACTORY_SUFFIX =
  /(Hash|Hmac|Cipher\w*|Decipher\w*|Sign|Verify|Stream|Token|Tokens|Jwt|JWT|Session|Client|Transport\w*|Transporter|Context|Error|Logger|Server|App|Router|Element|QueryBuilder|Signature|Middleware|Handler|Listener|Hook|Schema|Header|Headers|Field|Column|Index|Url|URL|Uri|Slug|Id|ID|Uuid|UUID|Salt|Otp|OTP|Code|Filter|Query|Response|Request|Payload|Body|Dto|DTO|Options|Config|Instance|Connection|Pool|Channel|Queue|Job|Worker|Timer|Interval|Cookie|Cookies|Secret|Key|Keys|Nonce|Intent|Message|Prompt|Completion|Embedding|Buffer|Blob|Html|HTML|Pdf|PDF|Csv|CSV|String|Object|Map|Array|List|Date|Range|Link)$/;

/** `createLeaveRequest`, `addFriendRequest`: a request someone files is a record; `createRequest`, `createHttpRequest`, `createPaymentRequest` (to a provider) build one to send. */
const DOMAIN_REQUEST = /^(?!(Http|Https|Api|Fetch|Axios|Web|Outgoing|Signed|Mock|Test|Payment|Pay|Checkout|Auth|Token|Signing|Verification)Request$)[A-Z]\w*[a-z]Request$/;

function isStoreReceiver(path: string[] | undefined): boolean {
  if (!path || path.length === 0) return false;
  if (path.some((segment) => NOT_A_STORE.test(segment))) return false;
  const last = path[path.length - 1];
  if (/^[A-Z][A-Za-z0-9]*$/.test(last) && !/^[A-Z0-9_]+$/.test(last)) return true; // Model.create
  if (STORE_LIKE.test(last)) return true;
  // `prisma.user`, `fastify.db.tasks`, `this.db.users`, `req.app.locals.db.orders`: a table under a client
  return path.length >= 2 && path.slice(0, -1).some((segment) => PRISMA_ROOT.test(segment) || /^(db|database|models|repositories|repos|stores?)$/i.test(segment));
}

/** Root identifier of a call chain's receiver: `knex('users').insert` → ['knex'], `db.insert(t).values` → ['db']. */
function receiverPath(call: ts.CallExpression): string[] | undefined {
  const callee = unwrapExpression(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  let object = unwrapExpression(callee.expression);
  const direct = memberPath(object);
  if (direct) return direct;
  while (ts.isCallExpression(object) || ts.isPropertyAccessExpression(object)) {
    object = unwrapExpression(ts.isCallExpression(object) ? object.expression : object.expression);
    const path = memberPath(object);
    if (path) return path;
  }
  return ts.isNewExpression(object) ? [`new ${calleeName(object) ?? ''}`] : undefined;
}

/**
 * Whether no run of the function reaches both nodes: they sit in the two branches of one `if`, or
 * the first sits in a branch that returns or throws before the statement holding the second.
 */
export function neverOnSamePath(a: ts.Node, b: ts.Node): boolean {
  // one inside the other (a response in the callback of the creating call) run together
  if ((b.pos >= a.pos && b.end <= a.end) || (a.pos >= b.pos && a.end <= b.end)) return false;
  const ancestorsOfA = new Set<ts.Node>();
  for (let node: ts.Node | undefined = a; node; node = node.parent) ancestorsOfA.add(node);
  let childOfCommonOnB: ts.Node = b;
  while (childOfCommonOnB.parent && !ancestorsOfA.has(childOfCommonOnB.parent)) childOfCommonOnB = childOfCommonOnB.parent;
  const common = childOfCommonOnB.parent;
  if (!common) return false;
  let childOfCommonOnA: ts.Node = a;
  while (childOfCommonOnA.parent !== common) childOfCommonOnA = childOfCommonOnA.parent;
  if (ts.isIfStatement(common)) {
    const branches = [common.thenStatement, common.elseStatement];
    return branches.includes(childOfCommonOnA as ts.Statement) && branches.includes(childOfCommonOnB as ts.Statement) && childOfCommonOnA !== childOfCommonOnB;
  }
  if (!ts.isBlock(common) && !ts.isSourceFile(common)) return false;
  const [earlier, earlierNode] = childOfCommonOnA.pos < childOfCommonOnB.pos ? [childOfCommonOnA, a] : [childOfCommonOnB, b];
  return exitsBefore(earlierNode, earlier);
}

/** Whether `node` sits in a branch of `statement` (an `if`, possibly nested) that always returns or throws. */
function exitsBefore(node: ts.Node, statement: ts.Node): boolean {
  for (let child: ts.Node = node, parent = node.parent; child !== statement && parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child !== parent.expression && alwaysExits(child as ts.Statement)) return true;
  }
  return false;
}

/** Whether a call creates a stored record. */
export function isCreationCall(call: ts.CallExpression, newModelNames: ReadonlySet<string>): boolean {
  const name = calleeName(call);
  if (!name) return false;
  const callee = unwrapExpression(call.expression);
  // raw SQL: query('INSERT INTO …')
  if (/^(query|execute|run|exec|none|one|oneOrNone|many|any|raw|\$executeRaw\w*|\$queryRaw\w*)$/.test(name) && /^\s*insert\s+into\b/i.test(sqlTextOf(call) ?? '')) return true;
  if (ts.isTaggedTemplateExpression(call)) return false;
  const path = ts.isPropertyAccessExpression(callee) ? receiverPath(call) : undefined;
  if (path?.some((segment) => NOT_A_STORE.test(segment))) return false;
  switch (name) {
    case 'insert':
    case 'insertOne':
    case 'insertMany':
    case 'insertInto':
    case 'insertAndFetch':
    case 'insertGraph':
    case 'insertGraphAndFetch':
    case 'bulkCreate':
    case 'createOne':
    case 'createMany':
      return ts.isPropertyAccessExpression(callee);
    case 'create':
      return isStoreReceiver(path) || (path !== undefined && path[0].startsWith('new '));
    case 'save': {
      if (!ts.isPropertyAccessExpression(callee)) return false;
      // `const user = await repo.findOne(…)` … `repo.save(user)` updates a loaded record
      const saved = call.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
      if (saved && ts.isIdentifier(saved) && isLoadedRecord(saved)) return false;
      // `const tag = tags.create(body); await tags.save(tag)`: a repository, whatever its name, saving what it built
      if (saved && ts.isIdentifier(saved) && newModelNames.has(saved.text)) return true;
      const object = unwrapExpression(callee.expression);
      if (ts.isNewExpression(object)) return /^[A-Z]/.test(calleeName(object) ?? '');
      if (ts.isIdentifier(object) && newModelNames.has(object.text)) return true;
      return isStoreReceiver(path) && !/session/i.test(path?.join('.') ?? '');
    }
    // MikroORM: `const author = em.create(Author, body); await em.persistAndFlush(author)`
    case 'persist':
    case 'persistAndFlush': {
      const persisted = call.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
      return persisted !== undefined && ts.isIdentifier(persisted) && newModelNames.has(persisted.text);
    }
    case 'add': {
      if (!ts.isPropertyAccessExpression(callee)) return false;
      const object = unwrapExpression(callee.expression);
      if (ts.isCallExpression(object) && /^(collection|collectionGroup)$/.test(calleeName(object) ?? '')) return true;
      // `const recipes = db.collection('recipes')` … `recipes.add(data)`
      const held = ts.isIdentifier(object) ? localInitializer(object) : undefined;
      const collection = held && unwrapExpression(held);
      if (collection && ts.isCallExpression(collection) && /^(collection|collectionGroup)$/.test(calleeName(collection) ?? '')) return true;
      return isStoreReceiver(path) && !/^[A-Z]/.test(path?.[path.length - 1] ?? '');
    }
    case 'register':
    case 'signup':
    case 'signUp':
      return ts.isPropertyAccessExpression(callee) && isStoreReceiver(path) && isAsyncConsumed(call);
    default: {
      const match = /^(create|insert|add|register|store)([A-Z]\w*)$/.exec(name);
      if (!match || (FACTORY_SUFFIX.test(match[2]) && !DOMAIN_REQUEST.test(match[2]))) return false;
      // a service writes to a database and is waited for; a synchronous `createX()` builds a value
      if (!isAsyncConsumed(call)) return false;
      // `userService.createUser(…)`, `createPost(…)` imported from a service module; a model's own static `Team.addTeam(…)`
      const receiver = path?.[path.length - 1] ?? '';
      return !ts.isPropertyAccessExpression(callee) || !/^[A-Z]/.test(receiver) || STORE_LIKE.test(receiver) || receiver === match[2];
    }
  }
}

/**
 * Whether a call's result is waited for — awaited, `.then`-chained, given a callback, returned —
 * as every write to a database is. A synchronous `createX()` builds a value, it stores nothing.
 */
function isAsyncConsumed(call: ts.CallExpression): boolean {
  const last = call.arguments.length > 0 ? unwrapExpression(call.arguments[call.arguments.length - 1]) : undefined;
  if (last && isFunctionLike(last)) return true;
  let node: ts.Node = call;
  for (;;) {
    const parent = node.parent;
    if (ts.isAwaitExpression(parent) || ts.isYieldExpression(parent) || ts.isReturnStatement(parent)) return true;
    if (ts.isArrowFunction(parent) && parent.body === node) return true;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent)) {
      node = parent;
      continue;
    }
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
      if (parent.name.text === 'then' || parent.name.text === 'catch' || parent.name.text === 'exec') return true;
      node = parent.parent; // a query-builder chain: db.insert(t).values(x).returning()
      continue;
    }
    if (ts.isArrayLiteralExpression(parent) && ts.isCallExpression(parent.parent)) return true; // Promise.all([...]) / $transaction([...])
    return false;
  }
}

export interface CreationFacts {
  calls: ts.CallExpression[];
  /** Names bound to a created record (or derived from one). */
  created: Set<string>;
}

/** Creation calls in a handler and the names that hold what they created. */
export function creationFacts(handler: FunctionLike): CreationFacts {
  const calls: ts.CallExpression[] = [];
  const created = new Set<string>();
  const newModelNames = new Set<string>();
  if (!handler.body) return { calls, created };
  const bindNames = (binding: ts.BindingName): void => {
    if (ts.isIdentifier(binding)) created.add(binding.text);
    else for (const element of binding.elements) if (!ts.isOmittedExpression(element)) bindNames(element.name);
  };
  // `const user = new User(body)` / `const user = repo.create(body)` (TypeORM) are saved later
  const findModels = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = unwrapExpression(node.initializer);
      if (ts.isNewExpression(init) && /^[A-Z]/.test(calleeName(init) ?? '') && !NOT_A_STORE.test(calleeName(init) ?? '')) newModelNames.add(node.name.text);
      if (ts.isCallExpression(init) && /^(create|build)$/.test(calleeName(init) ?? '')) newModelNames.add(node.name.text);
    }
    ts.forEachChild(node, findModels);
  };
  findModels(handler.body);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isCreationCall(node, newModelNames)) {
      calls.push(node);
      // the name the result lands in: climb through await / chained calls to a declaration
      let current: ts.Node = node;
      while (
        ts.isAwaitExpression(current.parent) || ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) ||
        (ts.isPropertyAccessExpression(current.parent) && ts.isCallExpression(current.parent.parent) && current.parent.parent.expression === current.parent)
      ) {
        current = ts.isPropertyAccessExpression(current.parent) ? current.parent.parent : current.parent;
      }
      if (ts.isVariableDeclaration(current.parent) && current.parent.initializer === current) bindNames(current.parent.name);
      // `Model.create(doc, (err, data) => …)` / `Model.create(doc).then((data) => …)`: the callback receives the record
      const last = node.arguments.length > 0 ? unwrapExpression(node.arguments[node.arguments.length - 1]) : undefined;
      if (last && isFunctionLike(last)) {
        const parameter = last.parameters.length >= 2 ? last.parameters[1] : undefined;
        if (parameter) bindNames(parameter.name);
      }
      const then = node.parent;
      if (ts.isPropertyAccessExpression(then) && then.name.text === 'then' && ts.isCallExpression(then.parent) && then.parent.expression === then) {
        const callback = then.parent.arguments[0] ? unwrapExpression(then.parent.arguments[0]) : undefined;
        if (callback && isFunctionLike(callback) && callback.parameters[0]) bindNames(callback.parameters[0].name);
      }
      const callee = unwrapExpression(node.expression);
      if (calleeName(node) === 'save' && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(unwrapExpression(callee.expression))) {
        created.add((unwrapExpression(callee.expression) as ts.Identifier).text);
      }
      // TypeORM `repo.save(entity)`, MongoDB `collection.insertOne(doc)` (the driver adds its `_id`): the argument is the record
      if (/^(save|insertOne|persist|persistAndFlush)$/.test(calleeName(node) ?? '') && node.arguments[0] && ts.isIdentifier(unwrapExpression(node.arguments[0]))) {
        created.add((unwrapExpression(node.arguments[0]) as ts.Identifier).text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(handler.body);
  if (newModelNames.size > 0) subdocumentsAdded(handler.body, newModelNames, calls, created);
  if (calls.length === 0) return { calls, created };
  // one step of derivation, not a chain of them: `const dto = toDto(user)`, `const { password, ...rest } = user.toObject()`
  const base = [...created];
  const derive = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer && base.some((name) => mentionsName(node.initializer as ts.Expression, name))) bindNames(node.name);
    ts.forEachChild(node, derive);
  };
  derive(handler.body);
  return { calls, created };
}

/**
 * `const task = project.tasks.create(body); project.tasks.push(task); await project.save()`: a new
 * subdocument stored with its loaded parent; the push is the creation, `task` the record.
 */
function subdocumentsAdded(body: ts.Node, made: ReadonlySet<string>, calls: ts.CallExpression[], created: Set<string>): void {
  const pushes: { call: ts.CallExpression; parent: string; name: string }[] = [];
  const saved = new Set<string>();
  forEachDescendant(body, (node) => {
    if (!ts.isCallExpression(node)) return;
    const path = memberPath(node.expression);
    const argument = node.arguments[0] && unwrapExpression(node.arguments[0]);
    if (path && path.length >= 3 && path[path.length - 1] === 'push' && argument && ts.isIdentifier(argument) && made.has(argument.text)) pushes.push({ call: node, parent: path[0], name: argument.text });
    if (path && path.length === 2 && path[1] === 'save') saved.add(path[0]);
  });
  for (const push of pushes) {
    if (!saved.has(push.parent)) continue;
    calls.push(push.call);
    created.add(push.name);
  }
}

export function mentionsName(node: ts.Node, name: string): boolean {
  return mentions(node, name);
}

/** Whether a sent body is the created record: mentions a created name or a creation call, or says "created". */
export function sendsCreated(body: ts.Expression, facts: CreationFacts): boolean {
  for (const name of facts.created) if (mentions(body, name)) return true;
  for (const call of facts.calls) if (call.pos >= body.pos && call.end <= body.end) return true;
  return collectTexts(body).some((text) => /\b(created|added|registered|inserted|saved)\b/i.test(text) && !/\bnot\b/i.test(text));
}

/** The name a handler goes by: its own name, the variable / property / export it is assigned to (through wrappers like `catchAsync(fn)`). */
export function handlerName(fn: FunctionLike): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name))) {
    return fn.name.text;
  }
  let node: ts.Node = fn;
  while (ts.isCallExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
  if (ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
  return undefined;
}

/**
 * The records a handler loads and saves again: `const doc = await Model.findById(id)` …
 * `doc.items.push(x)` … `await doc.save()` changes `doc` rather than making one.
 */
export function savedLoadedRecords(handler: FunctionLike): Set<string> {
  const names = new Set<string>();
  if (!handler.body) return names;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && calleeName(node) === 'save') {
      const callee = unwrapExpression(node.expression);
      const receiver = ts.isPropertyAccessExpression(callee) ? unwrapExpression(callee.expression) : undefined;
      if (receiver && ts.isIdentifier(receiver) && isLoadedRecord(receiver)) names.add(receiver.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(handler.body);
  return names;
}

/** A variable holding a record read from the store: `await repo.findOne(…)`, `await User.findById(id)`. */
function isLoadedRecord(identifier: ts.Identifier): boolean {
  let value = localInitializer(identifier);
  value = value && unwrapExpression(value);
  if (value && ts.isAwaitExpression(value)) value = unwrapExpression(value.expression);
  // `const user = req.user`: the document an auth middleware loaded and put on the request
  if (value && ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression) && /^(req|request)$/.test(value.expression.text)) return !/^(body|query|params|headers|cookies|files?|ip|method|url|path|originalUrl)$/.test(value.name.text);
  if (value === undefined || !ts.isCallExpression(value)) return false;
  const name = calleeName(value) ?? '';
  // `repo.get(id)` reads the store; a plain `getProductFromBody(req.body)` may build a new one
  return /^(find|load|fetch)/.test(name) || (/^get/.test(name) && ts.isPropertyAccessExpression(unwrapExpression(value.expression)));
}
