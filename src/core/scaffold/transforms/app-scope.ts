import { Node, type ParameterDeclaration, type VariableDeclaration } from 'ts-morph';
import { ScaffoldRefusalError } from '../errors';
import { enclosingStatement, indexOfStatement, isStatementContainer, type StatementContainer } from './statement-insertion';

/** Where an app (or router, or Fastify instance) lives: the statement list its registrations go into. */
export interface AppScope {
  /** The variable or parameter name, e.g. `app`. */
  name: string;
  container: StatementContainer;
  /** Index of the declaring statement in the container's statements-with-comments; -1 for a parameter. */
  declarationIndex: number;
  /** The declaring statement, or the parameter of a plugin function. */
  declaration: Node;
}

/**
 * Accepts what the route graph points at — the variable, its declaration, the `express()` /
 * `fastify()` call, a later reference, or a plugin function's parameter — and finds the app's
 * declaration and statement list.
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
  if (Node.isParameterDeclaration(declaration)) {
    const owner = declaration.getParent() as Node & { getBody?: () => Node | undefined };
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

function declarationOf(node: Node): VariableDeclaration | ParameterDeclaration | undefined {
  if (Node.isVariableDeclaration(node) || Node.isParameterDeclaration(node)) return named(node);
  if (Node.isVariableStatement(node)) return node.getDeclarations().find((declaration) => Node.isIdentifier(declaration.getNameNode()));
  if (Node.isIdentifier(node)) {
    const parent = node.getParent();
    if ((Node.isVariableDeclaration(parent) || Node.isParameterDeclaration(parent)) && parent.getNameNode() === node) return named(parent);
    return lookUp(node, node.getText());
  }
  // The initializer (`express()`, `await buildApp()`, `Fastify({ … }) as X`): climb to its variable.
  for (let current: Node | undefined = node; current; current = current.getParent()) {
    if (Node.isVariableDeclaration(current)) return named(current);
    if (!Node.isExpression(current)) return undefined;
  }
  return undefined;
}

function named<T extends VariableDeclaration | ParameterDeclaration>(declaration: T): T | undefined {
  return Node.isIdentifier(declaration.getNameNode()) ? declaration : undefined;
}

/** The closest enclosing declaration of `name`, scope by scope. */
function lookUp(from: Node, name: string): VariableDeclaration | ParameterDeclaration | undefined {
  for (let scope: Node | undefined = from.getParent(); scope; scope = scope.getParent()) {
    if (isStatementContainer(scope)) {
      for (const statement of scope.getStatementsWithComments()) {
        if (!Node.isVariableStatement(statement)) continue;
        const declaration = statement.getDeclarations().find((candidate) => candidate.getName() === name && Node.isIdentifier(candidate.getNameNode()));
        if (declaration) return declaration;
      }
    }
    if (Node.isFunctionLikeDeclaration(scope) || Node.isArrowFunction(scope) || Node.isFunctionExpression(scope)) {
      const parameter = scope.getParameters().find((candidate) => candidate.getName() === name);
      if (parameter) return named(parameter);
    }
  }
  return undefined;
}
