import { Node, type SourceFile } from 'ts-morph';
import { createModuleResolver } from '../../module-resolver';
import { resolveAppScope, type AppScope } from '../../transforms/app-scope';
import { classifyScope } from '../../transforms/registration-kinds';
import type { GeneratorContext } from '../types';

/**
 * A function of the project that receives the app and configures it (bulletproof-nodejs'
 * `src/loaders/express.ts`: `export default ({ app }: { app: express.Application }) => { app.use(…) }`),
 * named by what survives edits: its module's export and the parameter (and destructured property)
 * the app arrives in.
 */
export interface ConfigureFunction {
  /** Absolute path of the module exporting the function. */
  file: string;
  /** `default` or the export's name. */
  exportName: string;
  /** Position of the parameter receiving the app. */
  parameter: number;
  /** The property of an object parameter holding the app (`app` in `({ app }) => …`); undefined: the parameter itself. */
  property?: string;
}

/** How many calls deep the app is followed from where it is created (`app.ts` → `loaders/index.ts` → `loaders/express.ts`). */
const MAX_HOPS = 3;
const HANDLES_REQUESTS = new Set(['route', 'mount', 'fallback', 'error-handler']);
const ROUTES = new Set(['route', 'mount']);
const CLOSES_ROUTES = new Set(['fallback', 'error-handler']);

/**
 * The function the app is handed to and configured in, when registrations added where the app is
 * created would not be reached: that function registers the routes, and also the 404 fallback or
 * an error handler (a route appended after them is never reached) or the creation site registers
 * no routes itself. A function that only closes the route list (`registerErrorHandlers(app)` after
 * the creation site's routes) is not where routes and middleware go: it is left alone. Followed through calls to the project's own modules (relative imports and path
 * aliases), `require('./loaders').default({ expressApp: app })` included, up to three calls deep.
 */
export function findConfigureFunction(context: GeneratorContext, file: string, scope: AppScope): ConfigureFunction | undefined {
  const found = follow(context, file, scope, MAX_HOPS);
  if (!found) return undefined;
  const rootHandles = classifyScope(scope).some((statement) => HANDLES_REQUESTS.has(statement.kind));
  return found.closesRoutes || !rootHandles ? found.target : undefined;
}

/** The app's binding inside a configure function, as the file is now (the parameter, or the destructured binding). */
export function configureFunctionBinding(sourceFile: SourceFile, target: ConfigureFunction): Node | undefined {
  const fn = exportedFunction(sourceFile, target.exportName);
  const parameter = fn?.getParameters()[target.parameter];
  if (!parameter) return undefined;
  const nameNode = parameter.getNameNode();
  if (target.property === undefined) return Node.isIdentifier(nameNode) ? parameter : undefined;
  if (!Node.isObjectBindingPattern(nameNode)) return undefined;
  return nameNode.getElements().find((element) => (element.getPropertyNameNode()?.getText() ?? element.getName()) === target.property && Node.isIdentifier(element.getNameNode()));
}

interface Followed {
  target: ConfigureFunction;
  closesRoutes: boolean;
}

function follow(context: GeneratorContext, file: string, scope: AppScope, hops: number): Followed | undefined {
  const sourceFile = scope.container.getSourceFile();
  const resolve = createModuleResolver((path) => context.tree.exists(path), context.style.pathAliases);
  for (const statement of scope.container.getStatementsWithComments()) {
    for (const call of [statement, ...statement.getDescendants()].filter(Node.isCallExpression)) {
      const passed = passedApp(call.getArguments(), scope.name);
      if (!passed) continue;
      const callee = calleeExport(sourceFile, call.getExpression());
      if (!callee) continue;
      const resolved = resolve(callee.specifier, file);
      if (!resolved || !/\.[cm]?tsx?$/.test(resolved) || /\.d\.[cm]?ts$/.test(resolved)) continue;
      const target: ConfigureFunction = { file: resolved, exportName: callee.exportName, ...passed };
      let innerScope: AppScope;
      try {
        const binding = configureFunctionBinding(context.ast().getSourceFile(resolved), target);
        if (!binding) continue;
        innerScope = resolveAppScope(binding);
      } catch {
        continue;
      }
      const kinds = classifyScope(innerScope).map((entry) => entry.kind);
      if (kinds.some((kind) => ROUTES.has(kind))) return { target, closesRoutes: kinds.some((kind) => CLOSES_ROUTES.has(kind)) };
      if (kinds.some((kind) => CLOSES_ROUTES.has(kind))) continue;
      if (hops > 1) {
        const deeper = follow(context, resolved, innerScope, hops - 1);
        if (deeper) return deeper;
      }
    }
  }
  return undefined;
}

/** Where `app` is among a call's arguments: `configure(app)`, `loader({ app })`, `loader({ expressApp: app })`. */
function passedApp(args: Node[], name: string): { parameter: number; property?: string } | undefined {
  for (const [index, argument] of args.entries()) {
    if (Node.isIdentifier(argument) && argument.getText() === name) return { parameter: index };
    if (!Node.isObjectLiteralExpression(argument)) continue;
    for (const property of argument.getProperties()) {
      if (Node.isShorthandPropertyAssignment(property) && property.getName() === name) return { parameter: index, property: name };
      if (Node.isPropertyAssignment(property) && Node.isIdentifier(property.getNameNode())) {
        const initializer = property.getInitializer();
        if (initializer && Node.isIdentifier(initializer) && initializer.getText() === name) return { parameter: index, property: property.getName() };
      }
    }
  }
  return undefined;
}

/** The module and export a callee names: an imported binding, `ns.fn`, or `require('./x').default`. */
function calleeExport(sourceFile: SourceFile, callee: Node): { specifier: string; exportName: string } | undefined {
  if (Node.isIdentifier(callee)) {
    for (const declaration of sourceFile.getImportDeclarations()) {
      if (declaration.isTypeOnly()) continue;
      const specifier = declaration.getModuleSpecifierValue();
      if (declaration.getDefaultImport()?.getText() === callee.getText()) return { specifier, exportName: 'default' };
      const named = declaration.getNamedImports().find((element) => (element.getAliasNode() ?? element.getNameNode()).getText() === callee.getText());
      if (named && !named.isTypeOnly()) return { specifier, exportName: named.getNameNode().getText() };
    }
    return undefined;
  }
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const holder = callee.getExpression();
  if (Node.isCallExpression(holder)) {
    const [argument] = holder.getArguments();
    if (holder.getExpression().getText() === 'require' && argument && Node.isStringLiteral(argument)) return { specifier: argument.getLiteralValue(), exportName: callee.getName() };
    return undefined;
  }
  if (!Node.isIdentifier(holder)) return undefined;
  const namespace = sourceFile.getImportDeclarations().find((declaration) => declaration.getNamespaceImport()?.getText() === holder.getText());
  return namespace && !namespace.isTypeOnly() ? { specifier: namespace.getModuleSpecifierValue(), exportName: callee.getName() } : undefined;
}

type FunctionNode = Node & { getParameters(): import('ts-morph').ParameterDeclaration[] };

function asFunction(node: Node | undefined): FunctionNode | undefined {
  let current = node;
  while (current && (Node.isParenthesizedExpression(current) || Node.isAsExpression(current) || Node.isSatisfiesExpression(current))) current = current.getExpression();
  return current && (Node.isArrowFunction(current) || Node.isFunctionExpression(current) || Node.isFunctionDeclaration(current)) ? current : undefined;
}

/** The module-level function bound to `local`: `function local(…)` or `const local = (…) => …`. */
function localFunction(sourceFile: SourceFile, local: string): FunctionNode | undefined {
  const declaration = sourceFile.getFunction(local);
  if (declaration) return declaration;
  return asFunction(sourceFile.getVariableDeclaration(local)?.getInitializer());
}

/** The function a module exports as `exportName`, written in the module itself. */
function exportedFunction(sourceFile: SourceFile, exportName: string): FunctionNode | undefined {
  for (const statement of sourceFile.getStatements()) {
    if (exportName === 'default' && Node.isExportAssignment(statement) && !statement.isExportEquals()) {
      const expression = statement.getExpression();
      return Node.isIdentifier(expression) ? localFunction(sourceFile, expression.getText()) : asFunction(expression);
    }
    if (Node.isFunctionDeclaration(statement) && statement.isExported()) {
      if (exportName === 'default' ? statement.isDefaultExport() : statement.getName() === exportName && !statement.isDefaultExport()) return statement;
    }
    if (exportName !== 'default' && Node.isVariableStatement(statement) && statement.isExported()) {
      const declaration = statement.getDeclarations().find((candidate) => candidate.getName() === exportName);
      if (declaration) return asFunction(declaration.getInitializer());
    }
    if (Node.isExportDeclaration(statement) && !statement.getModuleSpecifier()) {
      const element = statement.getNamedExports().find((candidate) => (candidate.getAliasNode() ?? candidate.getNameNode()).getText() === exportName);
      if (element) return localFunction(sourceFile, element.getNameNode().getText());
    }
  }
  return undefined;
}
