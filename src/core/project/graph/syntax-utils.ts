import ts from 'typescript';

/** Strips parentheses, `as`, `satisfies`, `!` and type assertions: the analysis' helper, under the graph's name. */
export { unwrapExpression as unwrap } from '../../analysis/syntax';

export function within(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end && node.getSourceFile() === container.getSourceFile();
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return (ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined)?.some((modifier) => modifier.kind === kind) ?? false;
}

/** `this.name = value` anywhere in a class's constructor or methods. */
export function assignedField(cls: ts.ClassLikeDeclaration, name: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      node.left.name.text === name
    ) {
      found = node.right;
      return;
    }
    ts.forEachChild(node, visit);
  };
  for (const member of cls.members) if (ts.isConstructorDeclaration(member) || ts.isMethodDeclaration(member)) visit(member);
  return found;
}
