import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import { resolveAppScope, type AppScope } from './app-scope';
import { normalizeCode } from './code-text';
import { classifyScope, type ClassifiedStatement, type RegistrationClassifier, type RegistrationKind } from './registration-kinds';
import { indexBefore, insertStatementText } from './statement-insertion';

export interface RegistrationOptions {
  /** Overrides the built-in guess of what each statement registers (the route graph knows better). */
  classify?: RegistrationClassifier;
}

export interface RegistrationResult {
  /** False when an equivalent registration was already there. */
  changed: boolean;
}

/** Where to put a registration relative to the app's other statements. */
export type Placement = { before: ClassifiedStatement } | { after: ClassifiedStatement } | 'after-declaration';

export interface RegistrationRequest {
  /** The app method, `use` / `register`. */
  method: string;
  /** Argument texts, as they will be written. */
  args: string[];
  /** Builds the statement text once the scope is known. */
  statement: (scope: AppScope) => string;
  place: (statements: ClassifiedStatement[]) => Placement;
}

/**
 * Adds `app.<method>(args)` at the place the policy picks, unless the scope already has the same
 * call (same callee, same arguments up to whitespace, quotes and trailing commas) anywhere —
 * including inside conditionals, where a second copy would still be a duplicate at run time.
 */
export function ensureCallRegistered(app: Node, request: RegistrationRequest, options: RegistrationOptions = {}): RegistrationResult {
  const scope = resolveAppScope(app);
  if (findEquivalentCall(scope, request.method, request.args)) return { changed: false };

  const placement = request.place(classifyScope(scope, options.classify));
  const index =
    placement === 'after-declaration'
      ? scope.declarationIndex + 1
      : 'before' in placement
        ? indexBefore(scope.container, placement.before.statement)
        : placement.after.index + 1;
  insertStatementText(scope.container, index, request.statement(scope), { protect: [app, scope.declaration] });
  return { changed: true };
}

export function findEquivalentCall(scope: AppScope, method: string, args: readonly string[]): CallExpression | undefined {
  const wanted = args.map(normalizeCode).join(',');
  return scope.container
    .getDescendantsOfKind(SyntaxKind.CallExpression)
    .find((call) => isAppCall(call, scope.name, method) && call.getArguments().map((argument) => normalizeCode(argument.getText())).join(',') === wanted);
}

/** `app.use(…)`, also as a later link of a chain rooted at the app (`app.use(a).use(b)`). */
export function isAppCall(call: CallExpression, appName: string, method: string): boolean {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== method) return false;
  let target = callee.getExpression();
  while (Node.isCallExpression(target)) {
    const inner = target.getExpression();
    if (!Node.isPropertyAccessExpression(inner)) return false;
    target = inner.getExpression();
  }
  return Node.isIdentifier(target) && target.getText() === appName;
}

export function first(statements: ClassifiedStatement[], kinds: readonly RegistrationKind[]): ClassifiedStatement | undefined {
  return statements.find((statement) => kinds.includes(statement.kind));
}

export function last(statements: ClassifiedStatement[], kinds: readonly RegistrationKind[]): ClassifiedStatement | undefined {
  return [...statements].reverse().find((statement) => kinds.includes(statement.kind));
}
