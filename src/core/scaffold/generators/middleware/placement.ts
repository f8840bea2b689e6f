import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { ScaffoldRefusalError } from '../../errors';
import { createModuleResolver } from '../../module-resolver';
import { resolveAppScope, type AppScope } from '../../transforms/app-scope';
import { ensureImport } from '../../transforms/ensure-import';
import { formattingOf } from '../../transforms/file-style';
import { ensureCallRegistered, isAppCall, type RegistrationResult } from '../../transforms/registration';
import { classifyScope, type ClassifiedStatement } from '../../transforms/registration-kinds';
import { collectModuleReferences } from '../../transforms/module-references';
import { appNode, type AppTarget } from '../error-handler/app-target';
import type { GeneratorContext } from '../types';

/**
 * What a registration on the app is, for ordering. Express: request-id → logging → helmet → cors →
 * compression → body parsing → rate-limit → routes (404 and error handler after them). Fastify:
 * the same, then the error-handler plugin (its not-found handler must come after the hooks of the
 * plugins before it, and routes only get an error handler set before they are added) → routes.
 */
export type StackKind = 'error-handler' | 'request-id' | 'logging' | 'helmet' | 'cors' | 'compression' | 'body' | 'rate-limit';

export const STACK_ORDER: readonly StackKind[] = ['request-id', 'logging', 'helmet', 'cors', 'compression', 'body', 'rate-limit', 'error-handler'];

const MODULE_KINDS: ReadonlyArray<readonly [RegExp, StackKind]> = [
  [/^(express-request-id|@fastify\/request-id|request-id)$/, 'request-id'],
  [/^(pino-http|express-pino-logger|morgan|express-winston)$/, 'logging'],
  [/^(helmet|@fastify\/helmet)$/, 'helmet'],
  [/^(cors|@fastify\/cors)$/, 'cors'],
  [/^(compression|@fastify\/compress)$/, 'compression'],
  [/^(body-parser|@fastify\/formbody|@fastify\/multipart)$/, 'body'],
  [/^(express-rate-limit|rate-limiter-flexible|express-slow-down|@fastify\/rate-limit)$/, 'rate-limit'],
];

const NAME_KINDS: ReadonlyArray<readonly [RegExp, StackKind]> = [
  [/request-?id/i, 'request-id'],
  [/(^|\.)(pinoHttp|httpLogger|requestLogger|morgan|logger|logging)$/i, 'logging'],
  [/helmet/i, 'helmet'],
  [/cors/i, 'cors'],
  [/compress/i, 'compression'],
  [/^(express\.(json|urlencoded|raw|text)|bodyParser(\.\w+)?|json|urlencoded)$/, 'body'],
  [/rate-?limit|limiter/i, 'rate-limit'],
  [/error-?handler/i, 'error-handler'],
];

/** Root identifiers and dotted names of the arguments of a registration call. */
function argumentNames(argument: Node): string[] {
  if (Node.isIdentifier(argument)) return [argument.getText()];
  if (Node.isPropertyAccessExpression(argument)) return [argument.getText(), ...argumentNames(argument.getExpression())];
  if (Node.isCallExpression(argument)) return argumentNames(argument.getExpression());
  if (Node.isAwaitExpression(argument)) return argumentNames(argument.getExpression());
  return [];
}

/** Local name → module it is imported from (imports and requires). */
export function importedModules(sourceFile: SourceFile): Map<string, string> {
  const modules = new Map<string, string>();
  for (const reference of collectModuleReferences(sourceFile)) {
    for (const local of [reference.defaultName, reference.namespaceName, ...reference.named.map((binding) => binding.local)]) {
      if (local) modules.set(local, reference.specifier);
    }
  }
  return modules;
}

/** The stack kinds a statement registers on the app (`app.use(cors())`, `app.register(helmet)`). */
export function stackKindsOf(statement: Node, appName: string, modules: ReadonlyMap<string, string>): StackKind[] {
  const kinds = new Set<StackKind>();
  const calls = Node.isCallExpression(statement) ? [statement] : statement.getDescendantsOfKind(SyntaxKind.CallExpression);
  for (const call of calls) {
    if (!isAppCall(call, appName, 'use') && !isAppCall(call, appName, 'register')) continue;
    const args = call.getArguments();
    // `app.use('/api', router)` mounts; only the first non-path argument decides for middleware.
    const subject = args.find((argument) => !Node.isStringLiteral(argument) && !Node.isNoSubstitutionTemplateLiteral(argument));
    if (!subject) continue;
    for (const name of argumentNames(subject)) {
      const module = modules.get(name.split('.')[0]);
      const byModule = module !== undefined ? MODULE_KINDS.find(([pattern]) => pattern.test(module))?.[1] : undefined;
      const byName = NAME_KINDS.find(([pattern]) => pattern.test(name))?.[1];
      const kind = byModule ?? byName;
      if (kind) kinds.add(kind);
    }
  }
  return [...kinds];
}

export interface AppEditor {
  target: AppTarget;
  sourceFile: SourceFile;
  node: Node;
  scope: AppScope;
}

/** The app's file, creation node and scope, as they are now (re-found after every edit). */
export function openApp(context: GeneratorContext, target: AppTarget): AppEditor {
  const { sourceFile, node } = appNode(context, target);
  return { target, sourceFile, node, scope: resolveAppScope(node) };
}

/** The stack kinds already registered on the app. */
export function registeredKinds(context: GeneratorContext, target: AppTarget): Set<StackKind> {
  const { sourceFile, scope } = openApp(context, target);
  const modules = importedModules(sourceFile);
  const kinds = new Set<StackKind>();
  for (const statement of scope.container.getStatementsWithComments()) {
    for (const kind of stackKindsOf(statement, scope.name, modules)) kinds.add(kind);
  }
  return kinds;
}

/**
 * Imports `names` from the project file `moduleRelative` into the app's file (reusing existing
 * bindings, aliases included) and returns the local names.
 */
export function importIntoApp(context: GeneratorContext, target: AppTarget, moduleRelative: string, names: string[]): Record<string, string> {
  const { sourceFile } = openApp(context, target);
  const resolver = createModuleResolver((path) => context.tree.exists(path), context.style.pathAliases);
  const result = ensureImport(sourceFile, {
    moduleSpecifier: context.importPath(target.relative, moduleRelative),
    namedImports: names,
    resolve: resolver,
  });
  return result.named;
}

/** Imports a package's default export (`import helmet from 'helmet'`) into the app's file. */
export function importPackageDefault(context: GeneratorContext, target: AppTarget, specifier: string, localName: string): string {
  const { sourceFile } = openApp(context, target);
  return ensureImport(sourceFile, { moduleSpecifier: specifier, defaultImport: localName }).defaultImport ?? localName;
}

function awaitsRegistrations(scope: AppScope): boolean {
  return scope.container
    .getDescendantsOfKind(SyntaxKind.CallExpression)
    .some((call) => isAppCall(call, scope.name, 'register') && Node.isAwaitExpression(call.getParent()));
}

/**
 * Registers `app.use(expr)` / `app.register(expr)` in the stack order: after the registrations of
 * kinds that come earlier, before those that come later, and before the first route, mount,
 * unknown plugin, 404 / error handler, `listen` or export.
 */
export function ensureStackRegistration(context: GeneratorContext, target: AppTarget, kind: StackKind, expression: string): RegistrationResult {
  const { sourceFile, node } = openApp(context, target);
  const modules = importedModules(sourceFile);
  const method = target.framework === 'express' ? 'use' : 'register';
  const rank = STACK_ORDER.indexOf(kind);
  const style = formattingOf(sourceFile);
  return ensureCallRegistered(node, {
    method,
    args: [expression],
    statement: (scope) => {
      const awaitPrefix = method === 'register' && awaitsRegistrations(scope) ? 'await ' : '';
      return `${awaitPrefix}${scope.name}.${method}(${expression})${style.semicolons ? ';' : ''}`;
    },
    place: (statements: ClassifiedStatement[]) => {
      const scopeName = resolveAppScope(node).name;
      const fence = statements.find((statement) => {
        if (['route', 'mount', 'opaque', 'fallback', 'error-handler', 'listen', 'export'].includes(statement.kind)) return true;
        if (statement.kind !== 'middleware' && statement.kind !== 'plugin') return false;
        const kinds = stackKindsOf(statement.statement, scopeName, modules);
        if (kinds.length === 0) return statement.kind === 'plugin';
        return kinds.some((other) => STACK_ORDER.indexOf(other) > rank);
      });
      if (fence) return { before: fence };
      const lastStatement = statements[statements.length - 1];
      return lastStatement ? { after: lastStatement } : 'after-declaration';
    },
  });
}

/** A refusal for an app file that cannot take a registration. */
export function cannotRegister(target: AppTarget, what: string, why: string): ScaffoldRefusalError {
  return new ScaffoldRefusalError(target.file, `Cannot register ${what} in ${target.relative}: ${why}`);
}

export { classifyScope };
