import ts from 'typescript';
import { isCallable, type Container, type ModuleSummary } from './module-summary';
import { findDeclaration } from './scope';

/** Parameters called directly in handlers; calling them never registers anything. */
const CONTINUATION_NAMES = /^(next|done|cb|callback|resolve|reject)$/;

/**
 * Whether stepping into a function can register routes: it calls something named like a
 * registration, or calls project code that can. Handlers and services are skipped this way, which
 * keeps the graph's cost close to the size of the startup code rather than of the project.
 */
export class Relevance {
  private readonly containers = new Map<Container, boolean>();
  private readonly modulesState = new Map<ModuleSummary, boolean>();

  constructor(
    private readonly summaryOf: (path: string) => ModuleSummary | undefined,
    private readonly resolve: (specifier: string, from: string) => string | undefined,
  ) {}

  container(module: ModuleSummary, container: Container): boolean {
    const known = this.containers.get(container);
    if (known !== undefined) return known;
    this.containers.set(container, false);
    const result =
      container.registers ||
      [...container.calleeRoots].some((root) => this.root(module, root)) ||
      container.children.some((child) => this.container(module, module.container(child)));
    this.containers.set(container, result);
    return result;
  }

  module(module: ModuleSummary): boolean {
    const known = this.modulesState.get(module);
    if (known !== undefined) return known;
    this.modulesState.set(module, false);
    let result = module.mayRegister;
    for (const specifier of module.specifiers) {
      if (result) break;
      result = this.specifier(module, specifier);
    }
    this.modulesState.set(module, result);
    return result;
  }

  private specifier(module: ModuleSummary, specifier: string): boolean {
    const path = this.resolve(specifier, module.path);
    const target = path ? this.summaryOf(path) : undefined;
    return target ? this.module(target) : false;
  }

  private root(module: ModuleSummary, root: ts.Node | string): boolean {
    if (typeof root === 'string') return root.startsWith('require:') ? this.specifier(module, root.slice('require:'.length)) : false;
    if (root.kind === ts.SyntaxKind.ThisKeyword || root.kind === ts.SyntaxKind.SuperKeyword) return this.enclosingClass(module, root);
    if (!ts.isIdentifier(root)) return false;
    const declaration = findDeclaration(root.text, root);
    if (!declaration) return false;
    const direct = root.parent && ts.isCallExpression(root.parent) && root.parent.expression === root;
    if (ts.isParameter(declaration) || (ts.isBindingElement(declaration) && isInParameter(declaration))) {
      return direct && !CONTINUATION_NAMES.test(root.text);
    }
    return this.declaration(module, declaration);
  }

  private declaration(module: ModuleSummary, declaration: ts.Node): boolean {
    if (ts.isImportClause(declaration) || ts.isNamespaceImport(declaration) || ts.isImportSpecifier(declaration)) {
      const statement = ts.isImportClause(declaration) ? declaration.parent : ts.isNamespaceImport(declaration) ? declaration.parent.parent : declaration.parent.parent.parent;
      return ts.isStringLiteral(statement.moduleSpecifier) ? this.specifier(module, statement.moduleSpecifier.text) : false;
    }
    if (ts.isImportEqualsDeclaration(declaration)) {
      const reference = declaration.moduleReference;
      return ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression) ? this.specifier(module, reference.expression.text) : false;
    }
    if (ts.isFunctionDeclaration(declaration)) return this.callable(module, declaration);
    if (ts.isClassDeclaration(declaration)) return this.classMembers(module, declaration);
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) return this.initializer(module, declaration.initializer);
    if (ts.isBindingElement(declaration)) {
      let root: ts.Node = declaration;
      while (ts.isBindingElement(root)) root = root.parent.parent;
      return ts.isVariableDeclaration(root) && root.initializer ? this.initializer(module, root.initializer) : false;
    }
    return false;
  }

  private initializer(module: ModuleSummary, expression: ts.Expression): boolean {
    let current = expression;
    for (;;) {
      if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isAwaitExpression(current) || ts.isPropertyAccessExpression(current)) {
        current = current.expression;
      } else if (ts.isCallExpression(current) && ts.isIdentifier(current.expression) && current.expression.text === 'require') {
        const argument = current.arguments[0];
        return argument && ts.isStringLiteralLike(argument) ? this.specifier(module, argument.text) : false;
      } else {
        break;
      }
    }
    if (ts.isFunctionExpression(current) || ts.isArrowFunction(current)) return this.callable(module, current);
    if (ts.isNewExpression(current) && ts.isIdentifier(current.expression)) return this.root(module, current.expression);
    if (ts.isCallExpression(current)) return this.callable(module, undefined, current);
    if (ts.isClassExpression(current)) return this.classMembers(module, current);
    return false;
  }

  private callable(module: ModuleSummary, fn: ts.Node | undefined, call?: ts.CallExpression): boolean {
    if (call) {
      // `const h = wrap(async (req, res) => …)`: relevant only if a wrapped function is.
      return call.arguments.some((argument) => isCallable(argument) && this.container(module, module.container(argument)));
    }
    return fn !== undefined && isCallable(fn) && this.container(module, module.container(fn));
  }

  private classMembers(module: ModuleSummary, cls: ts.ClassLikeDeclaration): boolean {
    for (const member of cls.members) {
      if (isCallable(member) && this.container(module, module.container(member))) return true;
    }
    const heritage = cls.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
    const base = heritage?.types[0]?.expression;
    return base && ts.isIdentifier(base) ? this.root(module, base) : false;
  }

  private enclosingClass(module: ModuleSummary, node: ts.Node): boolean {
    for (let current = node.parent; current; current = current.parent) {
      if (ts.isClassLike(current)) return this.classMembers(module, current);
    }
    return false;
  }
}

function isInParameter(element: ts.BindingElement): boolean {
  let current: ts.Node = element;
  while (ts.isBindingElement(current)) current = current.parent.parent;
  return ts.isParameter(current);
}
