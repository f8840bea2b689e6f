import ts from 'typescript';
import type { FileAnalysis, HandlerRef } from '../../analysis/types';
import { isFunctionLike, parameterName, parameterTypeName, unwrapExpression, type FunctionLike } from '../../analysis/syntax';
import { parseSource } from '../../lint/parse';
import type { FileSystemHost } from '../../model/file-system';
import { dirname, joinPath } from '../../model/paths';

/**
 * Recognising Express error-handling middleware: four-parameter functions, well-known error
 * handler packages and user functions named like one, and — when no route graph is available —
 * the relative modules an app hands itself to.
 */

/** Names of error-handling middleware as written in `app.use(…)`: `errorHandler`, `errors()` (celebrate), `Sentry.Handlers.errorHandler()`. */
const ERROR_HANDLER_USE_NAME =
  /^(\w*error(s)?(handler|handlers|middleware|handling|responder|logger|converter|catcher|reporter)|handle(app|api|global|http|express)?errors?|on(app)?error|catch(all)?errors?|errors?|errorhandler|err(handler|middleware)?|finalhandler|setup\w*errorhandl\w*)$/i;

/** Names a *declared* function must have to be taken as meant for errors even with 3 parameters. */
export const ERROR_HANDLER_DECLARED_NAME = /^(global|app|api|express|default|main|http|final|central)?(error|err)(Handler|Middleware|Handling)$/i;

const ERR_PARAM = /^_?(err|error|e|ex|exception|er)$/i;
const REQ_PARAM = /^_?(req|request)$/i;
const RES_PARAM = /^_?(res|response)$/i;
const NEXT_PARAM = /^_?(next|nxt|done|cb|callback)$/i;

/** Whether a dotted name (`errorHandler`, `Sentry.Handlers.errorHandler`, `middlewares.error`) names error middleware. */
export function isErrorHandlerName(name: string | undefined): boolean {
  if (!name) return false;
  const last = name.split('.').pop() ?? name;
  return ERROR_HANDLER_USE_NAME.test(last);
}

/** Whether a function has the four parameters Express requires of error middleware. */
export function isFourParameterHandler(fn: FunctionLike): boolean {
  return fn.parameters.length === 4 && fn.parameters.every((parameter) => !parameter.initializer && !parameter.dotDotDotToken);
}

/** Express-looking `(err, req, res)` / typed `(err: Error, req: Request, res: Response)` parameters. */
export function looksLikeErrReqRes(fn: FunctionLike): boolean {
  const [a, b, c] = fn.parameters;
  if (!a || !b || !c) return false;
  const errOk = ERR_PARAM.test(parameterName(a) ?? '');
  const reqOk = REQ_PARAM.test(parameterName(b) ?? '') || /Request$/.test(parameterTypeName(b) ?? '');
  const resOk = RES_PARAM.test(parameterName(c) ?? '') || /Response$/.test(parameterTypeName(c) ?? '');
  return errOk && reqOk && resOk && !/Reply$/.test(parameterTypeName(c) ?? '');
}

/** Express-looking `(req, res, next)` parameters. */
export function looksLikeReqResNext(fn: FunctionLike): boolean {
  const [a, b, c] = fn.parameters;
  if (!a || !b || !c) return false;
  const reqOk = REQ_PARAM.test(parameterName(a) ?? '') || /Request$/.test(parameterTypeName(a) ?? '');
  const resOk = RES_PARAM.test(parameterName(b) ?? '') || /Response$/.test(parameterTypeName(b) ?? '');
  const nextOk = NEXT_PARAM.test(parameterName(c) ?? '') || parameterTypeName(c) === 'NextFunction';
  return reqOk && resOk && nextOk;
}

/** Whether a `use(...)` argument is error middleware: a 4-parameter function, or a recognised name / call / module. */
export function isErrorHandlerRef(ref: HandlerRef, analysis: FileAnalysis): boolean {
  if (ref.fn) {
    if (isFourParameterHandler(ref.fn)) return true;
    // a factory `errorHandler()` returning the handler, resolved to the factory's inner function
  }
  if (isErrorHandlerName(ref.name)) return true;
  const expression = unwrapExpression(ref.expression);
  const root = ts.isIdentifier(expression) ? expression.text : ref.name?.split('.')[0];
  const module = root ? analysis.moduleOf(root) : undefined;
  if (module && /(^|[/\\-])(errors?|error-?handler|error-?middleware|errorhandler)(\.[cm]?[jt]s)?$/i.test(module)) return true;
  return false;
}

/** A 3-parameter function registered as error middleware (broken, but meant as one): counts as present for the app. */
export function isMisdeclaredErrorHandler(ref: HandlerRef): boolean {
  const fn = ref.fn;
  if (!fn || fn.parameters.length !== 3) return false;
  return looksLikeErrReqRes(fn);
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

/** Resolves a relative module specifier to a file the host has, trying the usual extensions and index files. */
export function resolveRelativeModule(host: FileSystemHost, fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = joinPath(dirname(fromFile), specifier);
  const candidates = [base];
  const stripped = base.replace(/\.(c|m)?js$/, '');
  for (const extension of EXTENSIONS) candidates.push(`${stripped}${extension}`);
  for (const extension of EXTENSIONS) candidates.push(`${base}/index${extension}`);
  for (const candidate of candidates) {
    if (host.fileExists(candidate) && !host.directoryExists(candidate)) return candidate;
  }
  return undefined;
}

/** Whether the text of a module declares error middleware somewhere: a 4-parameter `(err, req, res, next)` function, a recognised `use(…)`, a Sentry error handler. */
export function moduleDeclaresErrorHandler(sourceFile: ts.SourceFile): boolean {
  if (!/err/i.test(sourceFile.text)) return false;
  return nodeDeclaresErrorHandler(sourceFile);
}

/** The same search within one node (a function of the linted file the app is handed to). */
export function nodeDeclaresErrorHandler(root: ts.Node): boolean {
  const sourceFile = root.getSourceFile();
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (isFunctionLike(node) && isFourParameterHandler(node)) {
      const first = parameterName(node.parameters[0]) ?? '';
      const typed = /Error|unknown|any/.test(node.parameters[0].type?.getText(sourceFile) ?? '');
      if (ERR_PARAM.test(first) || typed || /Request$/.test(parameterTypeName(node.parameters[1]) ?? '')) found = true;
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === 'use' && node.arguments.some((argument) => isErrorHandlerName(calleeOrName(argument)))) found = true;
      if (/^setup\w*ErrorHandler$/.test(method)) found = true;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

function calleeOrName(argument: ts.Expression): string | undefined {
  let node = unwrapExpression(argument);
  if (ts.isCallExpression(node)) node = unwrapExpression(node.expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

/** Relative module specifiers a file imports or requires (anywhere, including `require('./x')(app)`). */
export function relativeSpecifiers(sourceFile: ts.SourceFile): string[] {
  const specifiers = new Set<string>();
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (node.moduleSpecifier.text.startsWith('.')) specifiers.add(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if ((ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword) {
        if (node.arguments[0].text.startsWith('.')) specifiers.add(node.arguments[0].text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return [...specifiers];
}

/**
 * Searches relative modules (and what they import, a few levels deep) for error middleware. Bounded
 * so a lint stays cheap: past `limit` files it gives up and answers true, since "not seen" must
 * not become a finding.
 */
export function reachableModulesDeclareErrorHandler(
  host: FileSystemHost,
  fromFile: string,
  specifiers: readonly string[],
  options: { limit: number; parse: (path: string) => ts.SourceFile | undefined },
  depth = 3,
): boolean {
  const { limit, parse } = options;
  const seen = new Set<string>([fromFile]);
  let frontier: { file: string; specifier: string }[] = specifiers.map((specifier) => ({ file: fromFile, specifier }));
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: { file: string; specifier: string }[] = [];
    for (const { file, specifier } of frontier) {
      const resolved = resolveRelativeModule(host, file, specifier);
      if (!resolved || seen.has(resolved)) continue;
      if (seen.size > limit) return true;
      seen.add(resolved);
      const sourceFile = parse(resolved);
      if (sourceFile === undefined) continue;
      if (moduleDeclaresErrorHandler(sourceFile)) return true;
      for (const child of relativeSpecifiers(sourceFile)) next.push({ file: resolved, specifier: child });
    }
    frontier = next;
  }
  return false;
}

/**
 * Whether a file near the app's module (its folder and the folders in it, the folder above, the
 * package root and `bin/`)
 * imports that module and adds error middleware: `app.ts` creates the app, `server.ts` adds
 * `app.use(errorHandler())`. Covers what a route graph that only follows function values cannot
 * see (handlers from packages). Past `limit` files it answers true: unseen must not become a finding.
 */
export function importersDeclareErrorHandler(host: FileSystemHost, appFile: string, packageRoot: string, limit = 60): boolean {
  const home = dirname(appFile);
  const children = host.directoryExists(home) ? host.readDirectory(home).directories.filter((name) => name !== 'node_modules' && !name.startsWith('.')).map((name) => joinPath(home, name)) : [];
  const directories = [...new Set([home, dirname(home), packageRoot, joinPath(packageRoot, 'bin'), ...children])];
  let scanned = 0;
  for (const directory of directories) {
    if (!directory.startsWith(packageRoot) || !host.directoryExists(directory)) continue;
    for (const name of host.readDirectory(directory).files) {
      if (!/\.[cm]?[jt]sx?$/.test(name) && name !== 'www') continue;
      if (/\.d\.[cm]?ts$/.test(name)) continue;
      const file = joinPath(directory, name);
      if (file === appFile) continue;
      if (++scanned > limit) return true;
      const text = host.readFile(file);
      if (text === undefined || !/err/i.test(text)) continue;
      const sourceFile = parseSource(file, text);
      if (!relativeSpecifiers(sourceFile).some((specifier) => resolveRelativeModule(host, file, specifier) === appFile)) continue;
      if (moduleDeclaresErrorHandler(sourceFile)) return true;
    }
  }
  return false;
}
