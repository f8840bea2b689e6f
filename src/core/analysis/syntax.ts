import ts from 'typescript';

export type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

const {
  FunctionDeclaration,
  FunctionExpression,
  ArrowFunction,
  MethodDeclaration,
  ParenthesizedExpression,
  AsExpression,
  NonNullExpression,
  SatisfiesExpression,
  TypeAssertionExpression,
} = ts.SyntaxKind;

// Called for most nodes of every file: plain kind comparisons, no type-guard calls.
export function isFunctionLike(node: ts.Node | undefined): node is FunctionLike {
  if (node === undefined) return false;
  const kind = node.kind;
  return kind === FunctionDeclaration || kind === FunctionExpression || kind === ArrowFunction || kind === MethodDeclaration;
}

/** Strips parentheses, `as` / `satisfies` / non-null assertions. */
export function unwrapExpression(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    const kind = current.kind;
    if (kind === ParenthesizedExpression || kind === AsExpression || kind === NonNullExpression || kind === SatisfiesExpression || kind === TypeAssertionExpression) {
      current = (current as ts.ParenthesizedExpression | ts.AsExpression | ts.NonNullExpression | ts.SatisfiesExpression | ts.TypeAssertion).expression;
    } else {
      return current;
    }
  }
}

/** The text of a string literal or a template without substitutions. */
export function stringValue(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

/** `a.b.c` → ['a','b','c']; `this.app` → ['this','app']; anything else → undefined. */
export function memberPath(node: ts.Expression): string[] | undefined {
  const expression = unwrapExpression(node);
  if (ts.isIdentifier(expression)) return [expression.text];
  if (expression.kind === ts.SyntaxKind.ThisKeyword) return ['this'];
  if (ts.isPropertyAccessExpression(expression)) {
    const head = memberPath(expression.expression);
    return head ? [...head, expression.name.text] : undefined;
  }
  return undefined;
}

/** The name called: `foo()` → 'foo', `a.b.foo()` → 'foo'. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = unwrapExpression(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** A function's parameters without TypeScript's leading `this: FastifyInstance` parameter, which callers do not pass. */
export function callParameters(fn: FunctionLike): readonly ts.ParameterDeclaration[] {
  const first = fn.parameters[0] as ts.ParameterDeclaration | undefined;
  return first && ts.isIdentifier(first.name) && first.name.text === 'this' ? fn.parameters.slice(1) : fn.parameters;
}

/** The parameter's identifier name, or undefined for destructuring patterns. */
export function parameterName(parameter: ts.ParameterDeclaration | undefined): string | undefined {
  return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
}

/** The type name written on a parameter: `req: Request` → 'Request', `r: express.Request<…>` → 'Request'. */
export function parameterTypeName(parameter: ts.ParameterDeclaration | undefined): string | undefined {
  const type = parameter?.type;
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  return ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
}

/** Name of the variable / property / function a function is assigned to, if any. */
export function functionName(fn: FunctionLike): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) {
    return fn.name.text;
  }
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
  if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
  return undefined;
}

/** Walks every descendant of a node (not the node itself); return false from visit to skip a subtree. */
export function walk(node: ts.Node, visit: (child: ts.Node) => boolean | void): void {
  const recurse = (child: ts.Node): void => {
    if (visit(child) === false) return;
    ts.forEachChild(child, recurse);
  };
  ts.forEachChild(node, recurse);
}

/** Descendants of a function body, not descending into nested functions. */
export function walkOwnBody(fn: FunctionLike, visit: (child: ts.Node) => void): void {
  if (!fn.body) return;
  const recurse = (child: ts.Node): void => {
    visit(child);
    if (isFunctionLike(child)) return;
    ts.forEachChild(child, recurse);
  };
  recurse(fn.body);
}

export function isStringLike(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

export function nodeStart(node: ts.Node, sourceFile: ts.SourceFile): number {
  return node.getStart(sourceFile);
}

/** `a || b` / `a ?? b`: the right side is the value used when the left is missing. */
export function isFallbackExpression(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken);
}

/** Whether a statement always leaves its function (`return`, `throw`, or a block / if-else whose every path does). */
export function alwaysExits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) return statement.statements.length > 0 && alwaysExits(statement.statements[statement.statements.length - 1]);
  if (ts.isIfStatement(statement)) return statement.elseStatement !== undefined && alwaysExits(statement.thenStatement) && alwaysExits(statement.elseStatement);
  return false;
}

/** `endPoint.ADD`, `ROUTES.LOGIN`, `API.USERS`: a member of a table of route paths. */
export function isPathTableMember(expression: ts.Expression): boolean {
  // also named for what they hold: `URL_ROUTES.users`, `apiPaths.orders`, `ENDPOINTS.login`
  return ts.isPropertyAccessExpression(expression) && /(^|_|[a-z])(end_?points?|paths?|routes?|urls?|apis?|uris?)$/i.test(memberPath(expression.expression)?.pop() ?? '');
}

/** Dotted callee of a call: `bcrypt.hash`, `Number`, `schema.parse`; calls in the chain are skipped: `z.object(…).parse` → `z.object.parse`. */
export function calleeText(call: ts.CallExpression): string | undefined {
  const parts: string[] = [];
  let current: ts.Expression = unwrapExpression(call.expression);
  for (;;) {
    if (ts.isIdentifier(current)) {
      parts.unshift(current.text);
      return parts.join('.');
    }
    if (current.kind === ts.SyntaxKind.ThisKeyword) {
      parts.unshift('this');
      return parts.join('.');
    }
    if (ts.isPropertyAccessExpression(current)) {
      parts.unshift(current.name.text);
      current = unwrapExpression(current.expression);
    } else if (ts.isCallExpression(current)) {
      current = unwrapExpression(current.expression);
    } else if (ts.isElementAccessExpression(current)) {
      current = unwrapExpression(current.expression);
    } else {
      return parts.length > 0 ? parts.join('.') : undefined;
    }
  }
}

/** `===`, `==`, `!==`, `!=`. */
export function isEqualityOperator(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === ts.SyntaxKind.EqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken
  );
}
