import ts from 'typescript';
import type { ImportBinding } from '../../analysis/imports';
import { isFunctionLike, memberPath, unwrapExpression } from '../../analysis/syntax';
import { editsFile, generatorFix, type ScaffoldBridge } from '../../lint/scaffold-bridge';
import type { FileChange } from '../../model/edit';
import { planExpressTypes, supportsInlineTypeModifiers } from './express-type-imports';
import { indentationAt, quoted, semi, sourceStyle } from './source-style';

/**
 * The quick fix of `missing-error-handler`. With the scaffold bridge it is the `error-handler`
 * generator (error classes, a module of its own, the 404 fallback, registered after the routes);
 * without it, or when the generator refuses or targets another app, a minimal, correct Express
 * error handler inserted after the app's last route / mount registration.
 */
export interface ErrorHandlerFixInput {
  fileName: string;
  sourceFile: ts.SourceFile;
  imports: ReadonlyMap<string, ImportBinding>;
  /** The app's variable (`app`). */
  appName: string;
  /** The statement that creates the app (`const app = express()`). */
  appStatement: ts.Statement;
  /** Whether to write TypeScript types. */
  typescript: boolean;
  /** The package's dependencies (for the TypeScript version). */
  dependencies: Readonly<Record<string, string>>;
  /** The generators (RuleContext.scaffold), and the root of the project they run on. */
  scaffold?: ScaffoldBridge;
  projectRoot?: string;
}

/**
 * Where the handler goes: after the last statement that registers something on the app, before it
 * listens or is exported. Undefined when some registration runs from inside another function
 * (`function setupRoutes() { app.get(…) }`): a handler added at the app's level would then run
 * before those routes exist, so only the generator, which can follow the calls, may place it.
 */
export function errorHandlerInsertionPoint(input: Pick<ErrorHandlerFixInput, 'appName' | 'appStatement'>): ts.Statement | undefined {
  const container = input.appStatement.parent;
  if (!ts.isSourceFile(container) && !ts.isBlock(container)) return undefined;
  const home = enclosingFunction(input.appStatement);
  if (registrationCalls(input.appStatement.getSourceFile(), input.appName).some((call) => enclosingFunction(call) !== home)) return undefined;
  const statements = container.statements;
  const index = statements.indexOf(input.appStatement);
  let last: ts.Statement | undefined;
  let terminal: ts.Statement | undefined;
  for (const statement of statements.slice(index + 1)) {
    if (isTerminal(statement, input.appName)) {
      terminal ??= statement;
      continue;
    }
    if (registersOn(statement, input.appName)) last = statement;
  }
  if (last) return last;
  // nothing registered in this block: just before `listen` / `export`, after whatever precedes it
  if (terminal) {
    const position = statements.indexOf(terminal);
    return position > 0 ? statements[position - 1] : undefined;
  }
  return undefined;
}

export function buildErrorHandlerFix(input: ErrorHandlerFixInput): FileChange[] {
  const after = errorHandlerInsertionPoint(input);
  if (!after) return [];
  // The generator registers on the app with the most routes: only its edit of this file's app counts.
  const generated = input.projectRoot === undefined ? undefined : generatorFix(input.scaffold, { generatorId: 'error-handler', options: {}, cwd: input.projectRoot, accept: editsFile(input.fileName) });
  if (generated) return generated;
  const { sourceFile } = input;
  const style = sourceStyle(sourceFile);
  const { eol, indentUnit } = style;
  const indent = indentationAt(sourceFile.text, after.getStart(sourceFile));
  const edits = [];
  let parameters = 'err, _req, res, _next';
  if (input.typescript) {
    const plan = planExpressTypes(sourceFile, input.imports, ['NextFunction', 'Request', 'Response'], {
      inlineTypeModifiers: supportsInlineTypeModifiers(input.dependencies),
    });
    edits.push(...plan.edits);
    parameters = `err: unknown, _req: ${plan.names.Request}, res: ${plan.names.Response}, _next: ${plan.names.NextFunction}`;
  }
  const s = semi(style);
  const q = (text: string): string => quoted(text, style);
  const lines = [
    `// Errors from every route above end here: log them and answer a generic 500.`,
    `${input.appName}.use((${parameters}) => {`,
    `${indentUnit}console.error(err)${s}`,
    `${indentUnit}if (res.headersSent) {`,
    `${indentUnit}${indentUnit}_next(err)${s}`,
    `${indentUnit}${indentUnit}return${s}`,
    `${indentUnit}}`,
    `${indentUnit}res.status(500).json({ error: { code: ${q('INTERNAL_ERROR')}, message: ${q('Internal server error')} } })${s}`,
    `})${s}`,
  ];
  const block = lines.map((line) => `${indent}${line}`).join(eol);
  edits.push({ start: after.getEnd(), end: after.getEnd(), newText: `${eol}${eol}${block}` });
  return [{ kind: 'edit', path: input.fileName, edits }];
}

/** `app.listen(…)`, `export default app`, `module.exports = app`, `return app`, `http.createServer(app)`. */
function isTerminal(statement: ts.Statement, appName: string): boolean {
  if (ts.isExportAssignment(statement)) return true;
  if (ts.isReturnStatement(statement)) return true;
  if (ts.isExportDeclaration(statement)) return true;
  const text = statement.getText();
  if (new RegExp(`\\b${escape(appName)}\\s*\\.\\s*listen\\s*\\(`).test(text)) return true;
  if (/\bmodule\.exports\b|\bexports\.\w+\s*=/.test(text) && new RegExp(`\\b${escape(appName)}\\b`).test(text)) return true;
  if (/\bcreateServer\s*\(/.test(text) && new RegExp(`\\b${escape(appName)}\\b`).test(text)) return true;
  return false;
}

/** Whether a call registers on the app: `app.get(…)`, `app.use(…)`, `app.route(…).get(…)`, or hands the app over: `routes(app)`. */
function isRegistration(node: ts.CallExpression, appName: string): boolean {
  const callee = unwrapExpression(node.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    let root: ts.Expression = callee.expression;
    while (ts.isCallExpression(root) && ts.isPropertyAccessExpression(root.expression)) root = root.expression.expression;
    const path = memberPath(root);
    // `app.get('port')` reads a setting
    if (path?.join('.') === appName && !NOT_REGISTRATION.has(callee.name.text) && !(callee.name.text === 'get' && node.arguments.length === 1)) return true;
  }
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  if (/^(createServer|serverless|serverlessExpress|listen)$/.test(name)) return false;
  return node.arguments.some((argument) => memberPath(argument)?.join('.') === appName);
}

const NOT_REGISTRATION = new Set(['listen', 'set', 'disable', 'enable', 'engine', 'locals', 'on', 'close', 'enabled', 'disabled', 'render', 'path']);

/** Every registration call on the app in the file. */
function registrationCalls(sourceFile: ts.SourceFile, appName: string): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isRegistration(node, appName)) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return calls;
}

/** Whether a statement registers on the app itself (not from inside a function it declares). */
function registersOn(statement: ts.Statement, appName: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || (isFunctionLike(node) && node !== statement)) return;
    if (ts.isCallExpression(node) && isRegistration(node, appName)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

function enclosingFunction(node: ts.Node): ts.Node | undefined {
  let current = node.parent;
  while (current && !isFunctionLike(current)) current = current.parent;
  return current;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
