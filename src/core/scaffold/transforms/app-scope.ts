import { Node, type BindingElement, type ParameterDeclaration, type VariableDeclaration } from 'ts-morph';
import { ScaffoldRefusalError } from '../errors';
import { enclosingStatement, indexOfStatement, isStatementContainer, type StatementContainer } from './statement-insertion';

/** Where an app (or router, or Fastify instance) lives: the statement list its registrations go into. */
export interface AppScope {
  /** The variable or parameter name, e.g. `app`. */
  name: string;
  container: StatementContainer;
  /** Index of the declaring statement in the container's statements-with-comments; -1 for a parameter. */
  declarationIndex: number;
  /** The declaring statement, the parameter of a plugin function, or the binding of a destructured parameter. */
  declaration: Node;
}

/**
 * Accepts what the route graph points at — the variable, its declaration, the `express()` /
 * `fastify()` call, a later reference, a plugin function's parameter, or the binding of a
 * destructured parameter (`export default ({ app }: { app: Application }) => { … }`) — and finds
 * the app's declaration and statement list.
 */
export function resolveAppScope(node: Node): AppScope {
  const declaration = declarationOf(node);
  if (!declaration) {
    const path = node.getSourceFile().getFilePath();
    throw new ScaffoldRefusalError(
      path,
      `Cannot find the declaration of the app at line ${node.getStartLineNumber()} of ${path}; it must be a variable (const app = express()) or a function parameter.`,
      node.getStartLineNumber(),
    );
  }
  if (Node.isParameterDeclaration(declaration) || Node.isBindingElement(declaration)) {
    const parameter = Node.isBindingElement(declaration) ? parameterOf(declaration)! : declaration;
    const owner = parameter.getParent() as Node & { getBody?: () => Node | undefined };
    const body = owner.getBody?.();
    if (!body || !isStatementContainer(body)) {
      const path = node.getSourceFile().getFilePath();
      throw new ScaffoldRefusalError(path, `Cannot add registrations in ${path}: the function taking ${declaration.getName()} has no block body.`);
    }
    return { name: declaration.getName(), container: body, declarationIndex: -1, declaration };
  }
  const found = enclosingStatement(declaration)!;
  return {
    name: declaration.getName(),
    container: found.container,
    declarationIndex: indexOfStatement(found.container, found.statement),
    declaration: found.statement,
  };
}

type AppDeclaration = VariableDeclaration | ParameterDeclaration | BindingElement;

/** The parameter a binding is destructured from (`{ app }` in `({ app }) => …`), directly; undefined otherwise. */
function parameterOf(binding: BindingElement): ParameterDeclaration | undefined {
  const pattern = binding.getParent();
  const parameter = pattern.getParent();
  return Node.isObjectBindingPattern(pattern) && Node.isParameterDeclaration(parameter) ? parameter : undefined;
}

function declarationOf(node: Node): AppDeclaration | undefined {
  if (Node.isVariableDeclaration(node) || Node.isParameterDeclaration(node)) return named(node);
  if (Node.isBindingElement(node)) return parameterBinding(node);
  if (Node.isVariableStatement(node)) return node.getDeclarations().find((declaration) => Node.isIdentifier(declaration.getNameNode()));
  if (Node.isIdentifier(node)) {
    const parent = node.getParent();
    if ((Node.isVariableDeclaration(parent) || Node.isParameterDeclaration(parent)) && parent.getNameNode() === node) return named(parent);
    if (Node.isBindingElement(parent) && parent.getNameNode() === node) return parameterBinding(parent);
    return lookUp(node, node.getText());
  }
  // The initializer (`express()`, `await buildApp()`, `Fastify({ … }) as X`): climb to its variable.
  for (let current: Node | undefined = node; current; current = current.getParent()) {
    if (Node.isVariableDeclaration(current)) return named(current);
    if (!Node.isExpression(current)) return undefined;
  }
  return undefined;
}

function named<T extends AppDeclaration>(declaration: T): T | undefined {
  return Node.isIdentifier(declaration.getNameNode()) ? declaration : undefined;
}

/** A binding destructured straight from a function parameter, not a nested one or a local variable's. */
function parameterBinding(binding: BindingElement): BindingElement | undefined {
  return parameterOf(binding) && !binding.getDotDotDotToken() ? named(binding) : undefined;
}

/** The closest enclosing declaration of `name`, scope by scope. */
function lookUp(from: Node, name: string): AppDeclaration | undefined {
  for (let scope: Node | undefined = from.getParent(); scope; scope = scope.getParent()) {
    if (isStatementContainer(scope)) {
      for (const statement of scope.getStatementsWithComments()) {
        if (!Node.isVariableStatement(statement)) continue;
        const declaration = statement.getDeclarations().find((candidate) => candidate.getName() === name && Node.isIdentifier(candidate.getNameNode()));
        if (declaration) return declaration;
      }
    }
    if (Node.isFunctionLikeDeclaration(scope) || Node.isArrowFunction(scope) || Node.isFunctionExpression(scope)) {
      for (const parameter of scope.getParameters()) {
        const nameNode = parameter.getNameNode();
        if (Node.isIdentifier(nameNode) && nameNode.getText() === name) return parameter;
        if (!Node.isObjectBindingPattern(nameNode)) continue;
        const binding = nameNode.getElements().find((element) => Node.isIdentifier(element.getNameNode()) && element.getName() === name);
        if (binding) return parameterBinding(binding);
      }
    }
  }
  return undefined;
}
