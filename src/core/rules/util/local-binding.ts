import ts from 'typescript';
import { isFunctionLike } from '../../analysis/syntax';

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
      const found = declarationInStatements(scope.statements, name);
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

function declarationInStatements(statements: ts.NodeArray<ts.Statement>, name: string): LocalBinding | undefined {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const found = bindingIn(declaration.name, name);
        if (found && found === declaration.name) return { kind: 'variable', declaration };
        if (found) return { kind: 'binding-element', element: found.parent as ts.BindingElement };
      }
    } else if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) {
      return { kind: 'function', declaration: statement };
    } else if ((ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name?.text === name) {
      return { kind: 'other', node: statement };
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name?.text === name) return { kind: 'other', node: clause };
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) return { kind: 'other', node: bindings };
      if (bindings && ts.isNamedImports(bindings)) {
        const element = bindings.elements.find((candidate) => candidate.name.text === name);
        if (element) return { kind: 'other', node: element };
      }
    }
  }
  return undefined;
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
  const name = declaration.name.text;
  let scope: ts.Node = list;
  while (scope.parent && !ts.isBlock(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  let reassigned = false;
  const visit = (node: ts.Node): void => {
    if (reassigned) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const left = node.left;
      if (ts.isIdentifier(left) && left.text === name) reassigned = true;
      if ((ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left)) && assignsName(left, name)) reassigned = true;
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand) && node.operand.text === name) {
      reassigned = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return reassigned;
}

/** Whether a destructuring assignment target (`({ a, b: c } = x)`, `[a] = x`) writes `name`. */
function assignsName(target: ts.Node, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isShorthandPropertyAssignment(node) && node.name.text === name) found = true;
    else if (ts.isPropertyAssignment(node)) visit(node.initializer);
    else if (ts.isIdentifier(node) && node.text === name) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(target);
  return found;
}
