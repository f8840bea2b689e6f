import ts from 'typescript';
import { alwaysExits, unwrapExpression } from '../../analysis/syntax';
import { resolveLocal, statementsAfter } from './local-binding';
import { rejectsUnless } from './request-checks';

/**
 * A project's own checking function whose answer turns the request away with a 400 before anything
 * uses it: `if (!isValidTodo(req.body)) return res.status(400)…`, `const errors = checkTodoInput(req.body);
 * if (errors.length) return res.status(422)…`. Whatever its name, the handler treats it as validation.
 */

/** Names of lookups, whose empty answer is a missing record rather than a rejected input. */
const LOOKUP_NAME = /^(find|get|load|fetch|lookup|query|select|count|exists?|has|is(Taken|Registered|Available|Existing))|(Exists?|Taken|Available|By[A-Z]\w*)$/;
/** Results that carry a verdict on the input: `errors`, `isValid`, `{ error }`, `problems` (not a service's `result`: `if (!result.success)` is a business outcome). */
const VERDICT_NAME = /err|valid|problem|issue|violation/i;
/** Predicates tested directly: `isTodo(x)`, `looksLikeEmail(x)`, `checkShape(x)` (not an action answering false: `debit(userId, amount)`). */
const PREDICATE_NAME = /^(is|are|looks|seems|check|verify|matches|conforms|accepts?)[A-Z_]/;
/** A parser of the project, whose empty result is the input it refused: `parseDate(input)`, `coerceAmount(x)`. */
const PARSER_NAME = /^(parse|coerce)[A-Z]/;
/** What a branch answering a rejected input looks like. */
const BAD_REQUEST = /\b(400|422)\b|badRequest|BAD_REQUEST|UNPROCESSABLE|BadRequest|Validation\w*Error/;

export function decidesBadRequest(call: ts.CallExpression, moduleOf: (local: string) => string | undefined): boolean {
  const callee = unwrapExpression(call.expression);
  if (!ts.isIdentifier(callee) || LOOKUP_NAME.test(callee.text) || !isProjectFunction(callee, moduleOf)) return false;
  let result: ts.Node = call;
  while (ts.isAwaitExpression(result.parent) || ts.isParenthesizedExpression(result.parent)) result = result.parent;
  if (rejectsUnless(result as ts.Expression)) return PREDICATE_NAME.test(callee.text) && answersBadRequest(enclosingIf(result));
  const declaration = result.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== result) return false;
  // `const d = parseDate(date); if (!d) return reply.status(400)…`: a strict parser of the project answers null for bad input
  const parser = PARSER_NAME.test(callee.text);
  const names = boundNames(declaration.name).filter((name) => parser || VERDICT_NAME.test(name));
  return names.length > 0 && (statementsAfter(declaration) ?? []).some((statement) => ts.isIfStatement(statement) && mentions(statement.expression, names) && alwaysExits(statement.thenStatement) && BAD_REQUEST.test(statement.thenStatement.getText()));
}

/** Declared in this file or imported from the project's own modules, not from a library. */
function isProjectFunction(callee: ts.Identifier, moduleOf: (local: string) => string | undefined): boolean {
  const module = moduleOf(callee.text);
  // relative paths and the usual path aliases (`#lib/…`, `~/…`, `@/…`), not scoped packages
  if (module !== undefined) return /^(\.|#|~|@\/)/.test(module);
  const binding = resolveLocal(callee);
  return binding?.kind === 'function' || (binding?.kind === 'variable' && binding.declaration.initializer !== undefined && (ts.isArrowFunction(binding.declaration.initializer) || ts.isFunctionExpression(binding.declaration.initializer)));
}

function enclosingIf(node: ts.Node): ts.IfStatement | undefined {
  let current = node.parent;
  while (!ts.isIfStatement(current) && !ts.isStatement(current) && !ts.isSourceFile(current)) current = current.parent;
  return ts.isIfStatement(current) ? current : undefined;
}

function answersBadRequest(statement: ts.IfStatement | undefined): boolean {
  return statement !== undefined && BAD_REQUEST.test(statement.thenStatement.getText());
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isBindingElement(element) ? boundNames(element.name) : []));
}

function mentions(expression: ts.Expression, names: readonly string[]): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && names.includes(node.text)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}
