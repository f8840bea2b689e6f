import ts from 'typescript';
import { memoized, nodeMemo } from '../../analysis/node-memo';
import { alwaysExits, isFunctionLike, unwrapExpression, type FunctionLike } from '../../analysis/syntax';

/** What a name is bound to in the enclosing scopes of one file. */
export type LocalBinding =
  | { kind: 'variable'; declaration: ts.VariableDeclaration }
  /** `const { a, b: c } = x` / `function f({ a })`: the element binding the name. */
  | { kind: 'binding-element'; element: ts.BindingElement }
  | { kind: 'parameter'; parameter: ts.ParameterDeclaration; fn: ts.SignatureDeclaration }
  | { kind: 'catch'; clause: ts.CatchClause }
  | { kind: 'function'; declaration: ts.FunctionDeclaration }
  | { kind: 'other'; node: ts.Node };

/**
 * Finds the declaration an identifier refers to by walking outwards through the scopes of its file:
 * catch clauses, function parameters, and declarations in enclosing blocks (hoisted `var` and
 * function declarations included). Syntax only — good enough for locals, which is what rules need.
 */
export function resolveLocal(identifier: ts.Identifier): LocalBinding | undefined {
  const name = identifier.text;
  let child: ts.Node = identifier;
  let scope: ts.Node | undefined = identifier.parent;
  while (scope) {
    if (ts.isCatchClause(scope) && scope.variableDeclaration && child === scope.block) {
      const found = bindingIn(scope.variableDeclaration.name, name);
      if (found && found === scope.variableDeclaration.name) return { kind: 'catch', clause: scope };
      if (found) return { kind: 'binding-element', element: found.parent as ts.BindingElement };
    }
    if (isFunctionLike(scope) || ts.isConstructorDeclaration(scope) || ts.isGetAccessor(scope) || ts.isSetAccessor(scope)) {
      for (const parameter of scope.parameters) {
        const found = bindingIn(parameter.name, name);
        if (found && found === parameter.name) return { kind: 'parameter', parameter, fn: scope };
        if (found) return { kind: 'binding-element', element: found.parent as ts.BindingElement };
      }
    }
    if (ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
      const found = declarationInStatements(scope, scope.statements, name);
      if (found) return found;
    }
    if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
      for (const declaration of scope.initializer.declarations) {
        const found = bindingIn(declaration.name, name);
        if (found) return { kind: 'other', node: declaration };
      }
    }
    child = scope;
    scope = scope.parent;
  }
  return undefined;
}

/**
 * The first declaration of each name among a block's statements, indexed once per block: rules resolve
 * many identifiers against the same (often long) top-level statement list.
 */
const declarationsByScope = nodeMemo<ts.Node, Map<string, LocalBinding>>('declarations of a block');

function declarationInStatements(scope: ts.Node, statements: ts.NodeArray<ts.Statement>, name: string): LocalBinding | undefined {
  return memoized(declarationsByScope, scope, () => indexDeclarations(statements)).get(name);
}

function indexDeclarations(statements: ts.NodeArray<ts.Statement>): Map<string, LocalBinding> {
  const declarations = new Map<string, LocalBinding>();
  const add = (name: string, binding: LocalBinding): void => {
    if (!declarations.has(name)) declarations.set(name, binding);
  };
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        forEachBoundName(declaration.name, (identifier) =>
          add(identifier.text, identifier === declaration.name ? { kind: 'variable', declaration } : { kind: 'binding-element', element: identifier.parent as ts.BindingElement }),
        );
      }
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      add(statement.name.text, { kind: 'function', declaration: statement });
    } else if ((ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      add(statement.name.text, { kind: 'other', node: statement });
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) add(clause.name.text, { kind: 'other', node: clause });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) add(bindings.name.text, { kind: 'other', node: bindings });
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) add(element.name.text, { kind: 'other', node: element });
    }
  }
  return declarations;
}

/** Every identifier a binding name (plain or destructuring) declares, in source order. */
function forEachBoundName(binding: ts.BindingName, callback: (identifier: ts.Identifier) => void): void {
  if (ts.isIdentifier(binding)) {
    callback(binding);
    return;
  }
  for (const element of binding.elements) if (!ts.isOmittedExpression(element)) forEachBoundName(element.name, callback);
}

/** The identifier inside a binding name (plain or destructuring) that declares `name`. */
function bindingIn(binding: ts.BindingName, name: string): ts.Identifier | undefined {
  if (ts.isIdentifier(binding)) return binding.text === name ? binding : undefined;
  for (const element of binding.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const found = bindingIn(element.name, name);
    if (found) return found;
  }
  return undefined;
}

/** The function declared under a callee in this file: `function formatError(err) {…}`, `const send = (res, e) => …`. */
export function localFunction(callee: ts.Expression): FunctionLike | undefined {
  const value = unwrapExpression(callee);
  const binding = ts.isIdentifier(value) ? resolveLocal(value) : undefined;
  const initializer = binding?.kind === 'variable' && binding.declaration.initializer ? unwrapExpression(binding.declaration.initializer) : undefined;
  const declared = binding?.kind === 'function' ? binding.declaration : initializer;
  return declared && isFunctionLike(declared) ? declared : undefined;
}

/** The initializer of the variable an identifier refers to, when it is a plain `const/let/var x = …`. */
export function localInitializer(identifier: ts.Identifier): ts.Expression | undefined {
  const binding = resolveLocal(identifier);
  return binding?.kind === 'variable' ? binding.declaration.initializer : undefined;
}

/** Whether a `let` / `var` variable is assigned again after its declaration (so its initializer is not its value everywhere). */
export function isReassigned(declaration: ts.VariableDeclaration): boolean {
  if (!ts.isIdentifier(declaration.name)) return false;
  const list = declaration.parent;
  if (ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const) return false;
  return assignedInScopeOf(declaration).has(declaration.name.text);
}

/**
 * Whether a variable still holds its initializer on some path to `use`: it is never assigned again,
 * or every assignment between the declaration and the use sits in a branch (`let message =
 * err.message; if (err instanceof Boom) message = …; res.status(code).send({ message })`), so the
 * fall-through path carries the first value.
 */
export function initializerReaches(declaration: ts.VariableDeclaration, use: ts.Node): boolean {
  if (!isReassigned(declaration)) return true;
  return ts.isIdentifier(declaration.name) && targetKeeps(declaration, declaration.name.text, use);
}

/** Whether no statement between the declaration and `use` assigns `target` (the variable or one of its properties) on every path. */
function targetKeeps(declaration: ts.VariableDeclaration, target: string, use: ts.Node): boolean {
  const later = statementsAfter(declaration);
  return later !== undefined && !later.some((statement) => statement.pos < use.pos && definitelyAssigns(statement, target));
}

/** The statements of the block declaring a variable that come after its declaration; undefined outside a block. */
export function statementsAfter(declaration: ts.VariableDeclaration): readonly ts.Statement[] | undefined {
  const statement = declaration.parent.parent;
  const block = statement.parent;
  if (!ts.isVariableStatement(statement) || !(ts.isBlock(block) || ts.isSourceFile(block))) return undefined;
  return block.statements.slice(block.statements.indexOf(statement) + 1);
}

/**
 * Whether every path through a statement that goes on assigns `name`: an assignment outside any
 * branch, both branches of an `if`, every clause of a `switch` with a `default`, a `try` and its `catch`.
 */
export function definitelyAssigns(statement: ts.Statement, name: string): boolean {
  const covers = (branch: ts.Statement | undefined): boolean => branch !== undefined && (alwaysExits(branch) || definitelyAssigns(branch, name));
  if (ts.isBlock(statement)) return statement.statements.some((inner) => definitelyAssigns(inner, name));
  if (ts.isIfStatement(statement)) return assignsOutsideBranches(statement.expression, name) || (covers(statement.thenStatement) && covers(statement.elseStatement));
  if (ts.isSwitchStatement(statement)) {
    const clauses = statement.caseBlock.clauses;
    // an empty clause falls through to the next one
    return clauses.some(ts.isDefaultClause) && clauses.every((clause) => clause.statements.length === 0 || clause.statements.some((inner) => alwaysExits(inner) || definitelyAssigns(inner, name)));
  }
  if (ts.isTryStatement(statement)) return definitelyAssigns(statement.tryBlock, name) && (!statement.catchClause || covers(statement.catchClause.block));
  return assignsOutsideBranches(statement, name);
}

/** What an assignment writes, as `name` or `name.key` (`x = …`, `x.key = …`, `x['key'] = …`). */
export function assignmentTarget(left: ts.Expression): string | undefined {
  const target = unwrapExpression(left);
  if (ts.isIdentifier(target)) return target.text;
  const object = ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target) ? unwrapExpression(target.expression) : undefined;
  const key = ts.isPropertyAccessExpression(target) ? target.name.text : ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression) ? target.argumentExpression.text : undefined;
  return object && ts.isIdentifier(object) && key !== undefined ? `${object.text}.${key}` : undefined;
}

/** Whether a node assigns `name` (a variable, or `x.key`: see assignmentTarget; `delete x.key` counts) outside any branch of it (and outside nested functions). */
function assignsOutsideBranches(statement: ts.Node, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node, branched: boolean): void => {
    if (found || isFunctionLike(node)) return;
    if (!branched && ((ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind) && assignmentTarget(node.left) === name) || (ts.isDeleteExpression(node) && assignmentTarget(node.expression) === name))) {
      found = true;
      return;
    }
    ts.forEachChild(node, (child) => visit(child, branched || isBranchOf(node, child)));
  };
  visit(statement, false);
  return found;
}

function isBranchOf(parent: ts.Node, child: ts.Node): boolean {
  if (ts.isIfStatement(parent)) return child !== parent.expression;
  if (ts.isConditionalExpression(parent)) return child !== parent.condition;
  if (ts.isBinaryExpression(parent)) return child === parent.right && isLogicalOperator(parent.operatorToken.kind);
  return ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isCatchClause(parent) || ts.isIterationStatement(parent, false);
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isLogicalOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

/**
 * The initializer of `key` in a local object literal read as `x.key` (`const errorObj = { status:
 * err.status || 500 }` … `errorObj.status`), when `x` is not assigned again and `x.key` keeps it on
 * some path to the read: never assigned, or only in branches (`if (err.name === 'CastError')
 * customError.msg = …`), as initializerReaches tells of a variable.
 */
export function localPropertyInitializer(access: ts.PropertyAccessExpression): ts.Expression | undefined {
  const object = access.expression;
  if (!ts.isIdentifier(object)) return undefined;
  const binding = resolveLocal(object);
  if (binding?.kind !== 'variable' || !binding.declaration.initializer || isReassigned(binding.declaration)) return undefined;
  const literal = unwrapExpression(binding.declaration.initializer);
  const key = access.name.text;
  if (!ts.isObjectLiteralExpression(literal)) return undefined;
  if (assignedInScopeOf(binding.declaration).has(`${object.text}.${key}`) && !targetKeeps(binding.declaration, `${object.text}.${key}`, access)) return undefined;
  let found: ts.Expression | undefined;
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === key) found = property.initializer;
    else if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) found = property.name;
    // a spread after it may set the key again
    else if (ts.isSpreadAssignment(property)) found = undefined;
  }
  return found;
}

/**
 * The values a `let` / `var` variable is given again after its declaration (`x = value`), or undefined
 * when it is also written by a compound assignment (`x += 1`).
 */
export function assignedValues(declaration: ts.VariableDeclaration): ts.Expression[] | undefined {
  if (!ts.isIdentifier(declaration.name)) return undefined;
  const name = declaration.name.text;
  let scope: ts.Node = declaration.parent;
  while (scope.parent && !ts.isBlock(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  const values: ts.Expression[] = [];
  let plain = true;
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(node.left) && node.left.text === name) {
      if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken) values.push(node.right);
      else plain = false;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return plain ? values : undefined;
}

/** What is written in the block that declares a variable (see assignedNames). */
function assignedInScopeOf(declaration: ts.VariableDeclaration): Set<string> {
  let scope: ts.Node = declaration.parent;
  while (scope.parent && !ts.isBlock(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  return memoized(assignedNamesByScope, scope, assignedNames);
}

/**
 * Names written anywhere inside a block, collected once per block (`=`, compound assignments, `++` / `--`, destructuring
 * targets), and properties written or deleted as `name.key` (`x.key = …`, `x['key'] = …`, `delete x.key`).
 */
const assignedNamesByScope = nodeMemo<ts.Node, Set<string>>('names assigned in a block');

function assignedNames(scope: ts.Node): Set<string> {
  const names = new Set<string>();
  const addProperty = (target: ts.Expression): void => {
    const value = unwrapExpression(target);
    const key = ts.isPropertyAccessExpression(value) ? value.name.text : ts.isElementAccessExpression(value) && ts.isStringLiteralLike(value.argumentExpression) ? value.argumentExpression.text : undefined;
    const object = ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value) ? unwrapExpression(value.expression) : undefined;
    if (key !== undefined && object && ts.isIdentifier(object)) names.add(`${object.text}.${key}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const left = node.left;
      if (ts.isIdentifier(left)) names.add(left.text);
      else addProperty(left);
      if (ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left)) addAssignedTargets(left, names);
    } else if (ts.isDeleteExpression(node)) {
      addProperty(node.expression);
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isIncrementOrDecrement(node.operator) && ts.isIdentifier(node.operand)) {
      names.add(node.operand.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return names;
}

function isIncrementOrDecrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}

/** The names a destructuring assignment target (`({ a, b: c } = x)`, `[a] = x`) writes. */
function addAssignedTargets(target: ts.Node, names: Set<string>): void {
  if (ts.isShorthandPropertyAssignment(target)) names.add(target.name.text);
  else if (ts.isPropertyAssignment(target)) addAssignedTargets(target.initializer, names);
  else if (ts.isIdentifier(target)) names.add(target.text);
  else ts.forEachChild(target, (child) => addAssignedTargets(child, names));
}
