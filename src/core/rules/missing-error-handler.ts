import ts from 'typescript';
import { isFunctionLike, memberPath, parameterName, parameterTypeName, unwrapExpression, type FunctionLike } from '../analysis/syntax';
import type { AppDeclaration, HandlerRef, HookRegistration, UseRegistration } from '../analysis/types';
import type { Rule, RuleContext } from '../lint/rule';
import type { GraphApp } from '../project/route-graph-types';
import { safeRouteGraph } from './util/safe-route-graph';
import type { TextEdit } from '../model/edit';
import type { Fix } from '../model/finding';
import {
  ERROR_HANDLER_DECLARED_NAME,
  importersDeclareErrorHandler,
  nodeDeclaresErrorHandler,
  isErrorHandlerRef,
  isMisdeclaredErrorHandler,
  looksLikeErrReqRes,
  looksLikeReqResNext,
  reachableModulesDeclareErrorHandler,
} from './util/error-handler-detect';
import { buildErrorHandlerFix, errorHandlerInsertionPoint } from './util/error-handler-fix';
import { planExpressTypes, supportsInlineTypeModifiers } from './util/express-type-imports';
import { importedValue } from './util/imported-value';
import { indentationAt, sourceStyle } from './util/source-style';

/** Calls that take the app without adding middleware to it. */
const HARMLESS_APP_CONSUMERS = /^(createServer|listen|serverless|serverlessExpress|configure|handler|onRequest|https?\.createServer|supertest|request)$/;
/** Packages whose presence means the file builds an app only to test it. */
const TEST_MODULES = new Set(['supertest', 'light-my-request', 'chai-http', 'vitest', '@jest/globals', 'mocha', 'node:test']);

/** Where an app goes besides its own registrations in this file. */
interface Escape {
  /** Exported, returned or stored: code elsewhere may add to it. */
  exported: boolean;
  /** Handed to a package function or aliased: what happens to it cannot be told. */
  unknownConsumer: boolean;
  /** Mounted into another app, whose error handlers it reaches. */
  subApp: boolean;
  /** Handed to something that adds error handling (`setupErrorHandlers(app)`, `Sentry.setupExpressErrorHandler(app)`). */
  namedErrorConsumer: boolean;
  /** Relative modules it is handed to (`require('./routes')(app)`), searched for error middleware. */
  relativeConsumers: string[];
}

class ErrorHandlerChecker {
  constructor(private readonly ctx: RuleContext) {}

  run(): void {
    const analysis = this.ctx.analysis;
    if ([...analysis.imports.values()].some((binding) => TEST_MODULES.has(binding.module))) return;
    this.checkThreeParameterHandlers();
    for (const app of analysis.apps) {
      if (app.kind === 'express-app' && app.creation) this.checkExpressApp(app);
    }
    for (const receiver of new Set([...analysis.uses.map((use) => use.receiver)])) this.checkMisplaced(receiver);
    for (const hook of analysis.hooks) if (hook.hook === 'setErrorHandler') this.checkFastifyEncapsulation(hook);
  }

  // -------------------------------------------------------------------------------------------
  // An Express app with no error middleware

  private checkExpressApp(app: AppDeclaration): void {
    const creation = app.creation;
    if (!creation) return;
    const uses = this.ctx.analysis.uses.filter((use) => use.receiver === app.name && use.kind === 'use');
    if (uses.some((use) => use.args.some((ref) => (isErrorHandlerRef(ref, this.ctx.analysis) && !this.importsPlainMiddleware(ref)) || isMisdeclaredErrorHandler(ref)))) return;
    const routes = this.ctx.analysis.routes.filter((route) => route.receiver === app.name);
    const mounts = uses.filter((use) => use.path !== undefined || use.args.some((ref) => this.isRouterRef(ref)));
    // `app.use(...middlewares)`, `list.forEach((mw) => app.use(mw))`: what is registered cannot be told
    // …but `routes.forEach((route) => app.use('/', route.router))` mounts routers, whose errors still reach the app
    if (uses.some((use) => use.args.some((ref) => this.isOpaqueRef(ref) && !(use.path !== undefined && this.isRouterRef(ref))))) return;
    const escape = this.escapes(app);
    if (escape.subApp) return;
    // a redirect or ping app whose handlers cannot fail (next to static files and API docs) has nothing to hand an error handler
    const routerMounts = mounts.filter((use) => !use.args.every(isStaticServing));
    // (a docs-only server, `app.use('/', swaggerUi.serve, swaggerUi.setup(spec))`, has no route at all)
    const servesSomething = routes.length > 0 || (mounts.length > 0 && !escape.exported);
    if (routerMounts.length === 0 && escape.relativeConsumers.length === 0 && servesSomething && routes.every((route) => isTrivialHandler(route.handler?.fn ?? this.importedHandler(route)))) return;

    const graphApp = this.graphAppOf(creation);
    if (graphApp) {
      if (graphApp.errorHandlers.length > 0) return;
      if (graphApp.routes.length === 0 && routes.length === 0 && mounts.length === 0) return;
      // the graph follows function values only: a package handler added in the file that imports the app is not in it
      if (escape.exported && importersDeclareErrorHandler(this.ctx.host, this.ctx.fileName, this.ctx.project.root)) return;
      // handed to a package that adds the routes (`useExpressServer(this.app, { controllers, middlewares })`): it may add the handler too
      if (escape.unknownConsumer && graphApp.routes.length === 0) return;
    } else {
      // no graph (or the graph does not know the app): only this file and what it hands the app to count
      if (escape.exported || escape.unknownConsumer) return;
      if (routes.length === 0 && mounts.length === 0 && escape.relativeConsumers.length === 0) return;
    }
    const specifiers = [...escape.relativeConsumers, ...this.mountedRelativeModules(mounts)];
    // Modules the app's routers come from may add package error handlers the graph does not model
    // (`router.use(errors())`). Past the limit, unseen modules count as declaring one; with a graph
    // that saw the whole app the search can go further, through the shared parse cache.
    const limit = graphApp ? 200 : 25;
    if (specifiers.length > 0 && reachableModulesDeclareErrorHandler(this.ctx.host, this.ctx.fileName, specifiers, { limit, parse: (path) => this.ctx.sourceFileOf(path) })) return;
    if (escape.namedErrorConsumer) return;

    const statement = statementOf(app.node);
    const fix = statement ? this.missingHandlerFix(app.name, statement) : undefined;
    this.ctx.report({
      node: creation,
      message: `The Express app \`${app.name}\` has no error-handling middleware (a function with four parameters \`(err, req, res, next)\`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes.`,
      fix,
    });
  }

  /**
   * `app.use(handleError)` with a name of error middleware, importing a project function of two or
   * three parameters (`(err, res) => …`): Express runs it as ordinary middleware, never with an error.
   */
  private importsPlainMiddleware(ref: HandlerRef): boolean {
    const expression = unwrapExpression(ref.expression);
    if (ref.fn || !ts.isIdentifier(expression)) return false;
    const binding = this.ctx.analysis.imports.get(expression.text);
    const value = binding ? importedValue(this.ctx, binding, this.ctx.fileName) : undefined;
    return value !== undefined && isFunctionLike(value) && value.parameters.length >= 2 && value.parameters.length < 4;
  }

  private missingHandlerFix(appName: string, appStatement: ts.Statement): Fix | undefined {
    if (!errorHandlerInsertionPoint({ appName, appStatement })) return undefined;
    const typescript = /\.[cm]?tsx?$/.test(this.ctx.fileName);
    return {
      title: 'Add an error handler after the routes',
      build: () =>
        buildErrorHandlerFix({
          fileName: this.ctx.fileName,
          sourceFile: this.ctx.sourceFile,
          imports: this.ctx.analysis.imports,
          appName,
          appStatement,
          typescript,
          dependencies: this.ctx.project.dependencies,
          scaffold: this.ctx.scaffold,
          projectRoot: this.ctx.project.root,
        }),
    };
  }

  /** Where the app goes besides this file's own registrations. */
  private escapes(app: AppDeclaration): Escape {
    const result: Escape = { exported: false, unknownConsumer: false, subApp: false, namedErrorConsumer: false, relativeConsumers: [] };
    const name = app.name;
    // `export const app = express()`
    const statement = ts.isVariableDeclaration(app.node) ? app.node.parent.parent : undefined;
    if (statement && ts.isVariableStatement(statement) && statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) result.exported = true;
    // `this.app = express()` in a class: other methods (and callers) add to it
    if (name.includes('.')) result.exported = true;
    // `app`, or `this.app` for an app kept on a class field
    const dotted = name.includes('.');
    const visit = (node: ts.Node): void => {
      const named = dotted ? ts.isPropertyAccessExpression(node) : ts.isIdentifier(node) && node.text === name;
      if (named && memberPath(node as ts.Expression)?.join('.') === name && node !== declaredName(app.node)) {
        this.classifyUse(node as ts.Expression, result);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(this.ctx.sourceFile);
    return result;
  }

  private classifyUse(node: ts.Expression, result: Escape): void {
    let current: ts.Node = node;
    while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isNonNullExpression(current.parent)) current = current.parent;
    let parent = current.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === current) return; // app.use / app.get / app.listen
    if (ts.isBinaryExpression(parent) && parent.left === current) return; // this.app = express()
    // `loaders({ expressApp: app })`: handed over inside an options object
    if ((ts.isShorthandPropertyAssignment(parent) || ts.isPropertyAssignment(parent)) && ts.isObjectLiteralExpression(parent.parent)) {
      const object = parent.parent;
      if ((ts.isCallExpression(object.parent) || ts.isNewExpression(object.parent)) && object.parent.arguments?.includes(object)) {
        current = object;
        parent = object.parent;
      }
    }
    if (ts.isExportAssignment(parent) || ts.isExportSpecifier(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isPropertyAssignment(parent) || ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) {
      result.exported = true;
      return;
    }
    if (ts.isBinaryExpression(parent) && parent.right === current) {
      result.exported = true; // module.exports = app, this.app = app
      return;
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === current) {
      result.unknownConsumer = true; // aliased
      return;
    }
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(current as ts.Expression)) {
      const callee = unwrapExpression(parent.expression);
      const path = memberPath(callee);
      const calleeText = path?.join('.') ?? '';
      const last = path?.[path.length - 1] ?? '';
      // another app mounts this one: its errors go to the parent's handlers
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'use') {
        result.subApp = true;
        return;
      }
      if (HARMLESS_APP_CONSUMERS.test(last) || HARMLESS_APP_CONSUMERS.test(calleeText)) return;
      if (/error/i.test(calleeText)) {
        result.namedErrorConsumer = true;
        return;
      }
      // a function of this file: its body is here to read
      const local = ts.isIdentifier(callee) ? localFunction(this.ctx.sourceFile, callee.text) : undefined;
      if (local) {
        if (nodeDeclaresErrorHandler(local)) result.namedErrorConsumer = true;
        return;
      }
      const module = this.moduleOfCallee(callee);
      if (module?.startsWith('.')) result.relativeConsumers.push(module);
      else result.unknownConsumer = true;
      return;
    }
    if (ts.isExportSpecifier(parent) || ts.isExportDeclaration(parent)) result.exported = true;
  }

  /** The module a called function comes from: `routes(app)` → './routes', `require('./routes')(app)` → './routes'. */
  private moduleOfCallee(callee: ts.Expression): string | undefined {
    const node = unwrapExpression(callee);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      return node.arguments[0].text;
    }
    if (ts.isPropertyAccessExpression(node) && ts.isCallExpression(unwrapExpression(node.expression))) return this.moduleOfCallee(node.expression);
    const root = memberPath(node)?.[0];
    return root ? this.ctx.analysis.moduleOf(root) : undefined;
  }

  /** A `use` argument whose value syntax cannot name: a spread, a callback parameter, an unknown variable. */
  private isOpaqueRef(ref: HandlerRef): boolean {
    if (ref.fn) return false;
    const expression = unwrapExpression(ref.expression);
    if (ts.isCallExpression(expression)) return false;
    if (!ref.name) return true;
    const root = ref.name.split('.')[0];
    if (this.ctx.analysis.imports.has(root) || root === 'this') return false;
    return !declaredInFile(this.ctx.sourceFile, root);
  }

  /** The function behind a route handler imported from a project module: `app.get('/', getWelcomeMessage)`. */
  private importedHandler(route: { handler?: HandlerRef }): FunctionLike | undefined {
    const expression = route.handler && unwrapExpression(route.handler.expression);
    const binding = expression && ts.isIdentifier(expression) ? this.ctx.analysis.imports.get(expression.text) : undefined;
    const value = binding ? importedValue(this.ctx, binding, this.ctx.fileName) : undefined;
    const fn = value && (ts.isExpression(value) ? unwrapExpression(value) : value);
    return fn && isFunctionLike(fn) ? fn : undefined;
  }

  private isRouterRef(ref: HandlerRef): boolean {
    const name = ref.name;
    if (!name) return false;
    const declared = this.ctx.analysis.apps.find((app) => app.name === name);
    if (declared) return declared.kind !== 'fastify';
    if (/(router|routes|controller|api|app)s?$/i.test(name)) return true;
    const module = this.ctx.analysis.moduleOf(name.split('.')[0]);
    return module !== undefined && module.startsWith('.') && /(route|router|routes|controller|api)/i.test(module);
  }

  private mountedRelativeModules(mounts: UseRegistration[]): string[] {
    const modules: string[] = [];
    for (const mount of mounts) {
      for (const ref of mount.args) {
        const root = ref.name?.split('.')[0];
        const module = root ? this.ctx.analysis.moduleOf(root) : undefined;
        if (module?.startsWith('.')) modules.push(module);
        const expression = unwrapExpression(ref.expression);
        if (ts.isCallExpression(expression)) {
          const inner = this.moduleOfCallee(expression.expression);
          if (inner?.startsWith('.')) modules.push(inner);
        }
      }
    }
    return modules;
  }

  // -------------------------------------------------------------------------------------------
  // `(err, req, res) => …` and `errorHandler(req, res, next)`: three parameters, never called with an error

  private checkThreeParameterHandlers(): void {
    const analysis = this.ctx.analysis;
    if (analysis.framework === 'fastify') return;
    if (analysis.framework === undefined && this.ctx.project.framework !== 'express') return;
    const registered = new Set<FunctionLike>();
    for (const use of analysis.uses) {
      if (use.kind !== 'use') continue;
      for (const ref of use.args) if (ref.fn) registered.add(ref.fn);
    }
    let called: Set<string> | undefined;
    const calledByName = (name: string): boolean => (called ??= calledNames(analysis.calls)).has(name);
    for (const fn of analysis.functions) {
      if (fn.parameters.length === 3) this.checkThreeParameters(fn, registered, calledByName);
    }
  }

  private checkThreeParameters(fn: FunctionLike, registered: ReadonlySet<FunctionLike>, calledByName: (name: string) => boolean): void {
    const name = declaredFunctionName(fn);
    const isRegistered = registered.has(fn);
    const namedLikeHandler = name !== undefined && ERROR_HANDLER_DECLARED_NAME.test(name);
    // most three-parameter functions are inline `(req, res, next)` middleware: settled before the slower checks
    if (!isRegistered && !namedLikeHandler) return;
    if (isFastifyErrorHandler(fn)) return;
    if (name && calledByName(name)) return; // a helper called as errorHandler(err, req, res), not middleware
    let kind: 'missing-next' | 'missing-err' | undefined;
    if (looksLikeErrReqRes(fn)) kind = 'missing-next';
    else if (looksLikeReqResNext(fn) && namedLikeHandler && !looksLikeErrorForwarder(fn)) kind = 'missing-err';
    if (!kind) return;
    const label = name ? `\`${name}\`` : 'This error handler';
    const message =
      kind === 'missing-next'
        ? `${label} takes 3 parameters \`(err, req, res)\`, so Express treats it as ordinary middleware and never passes it an error; declare all four \`(err, req, res, next)\`.`
        : `${label} is named like an error handler but takes \`(req, res, next)\`, so Express never passes it an error; declare four parameters \`(err, req, res, next)\`.`;
    this.ctx.report({ ...this.functionRange(fn), message, fix: this.parameterFix(fn, kind) });
  }

  /** The function's name, or its head `(err, req, res) =>` when it has none. */
  private functionRange(fn: FunctionLike): { start: number; end: number } {
    const source = this.ctx.sourceFile;
    const nameNode = declaredNameNode(fn);
    if (nameNode) return { start: nameNode.getStart(source), end: nameNode.getEnd() };
    const close = fn.parameters.end;
    const closeParen = this.ctx.text.indexOf(')', close);
    return { start: fn.getStart(source), end: closeParen >= 0 ? closeParen + 1 : close };
  }

  private parameterFix(fn: FunctionLike, kind: 'missing-next' | 'missing-err'): Fix {
    const source = this.ctx.sourceFile;
    const typed = fn.parameters.some((parameter) => parameter.type !== undefined) && /\.[cm]?tsx?$/.test(this.ctx.fileName);
    const usesErr = kind === 'missing-err' && mentionsIdentifier(fn, 'err');
    const wanted = kind === 'missing-next' ? 'NextFunction' : undefined;
    return {
      title: kind === 'missing-next' ? 'Add the `next` parameter' : 'Add the `err` parameter',
      build: () => {
        const edits: TextEdit[] = [];
        if (kind === 'missing-next') {
          const last = fn.parameters[2];
          let type = '';
          if (typed && wanted) {
            const plan = planExpressTypes(source, this.ctx.analysis.imports, [wanted], { inlineTypeModifiers: supportsInlineTypeModifiers(this.ctx.project.dependencies) });
            edits.push(...plan.edits);
            type = `: ${plan.names[wanted]}`;
          }
          edits.push({ start: last.getEnd(), end: last.getEnd(), newText: `, _next${type}` });
        } else {
          const first = fn.parameters[0];
          const name = usesErr ? 'err' : '_err';
          edits.push({ start: first.getStart(source), end: first.getStart(source), newText: `${name}${typed ? ': unknown' : ''}, ` });
        }
        return [{ kind: 'edit', path: this.ctx.fileName, edits }];
      },
    };
  }

  // -------------------------------------------------------------------------------------------
  // Error middleware registered before the routes

  private checkMisplaced(receiver: string): void {
    const analysis = this.ctx.analysis;
    const kind = analysis.apps.find((app) => app.name === receiver)?.kind;
    if (kind === 'fastify') return;
    const uses = analysis.uses.filter((use) => use.receiver === receiver && use.kind === 'use');
    // an imported `(req, res)` 404 middleware from an errors module is no error handler, whatever its module is called
    const errorUses = uses.filter((use) => use.args.some((ref) => isErrorHandlerRef(ref, analysis) && !this.importsPlainMiddleware(ref)));
    if (errorUses.length === 0) return;
    const registrations: ts.CallExpression[] = [
      // a route whose handler cannot fail (`app.get('/', (req, res) => res.send('Hello'))`) has no error to hand on
      ...analysis.routes.filter((route) => route.receiver === receiver && !isTrivialHandler(route.handler?.fn)).map((route) => route.call),
      ...uses.filter((use) => !errorUses.includes(use) && (use.path !== undefined || use.args.some((ref) => this.isRouterRef(ref)))).map((use) => use.call),
      ...this.routeRegistrarsCalled(receiver),
    ];
    if (registrations.length === 0) return;
    const lastRegistration = registrations.reduce((latest, call) => (call.pos > latest.pos ? call : latest));
    const lastError = errorUses.reduce((latest, use) => (use.call.pos > latest.call.pos ? use : latest));
    if (this.checkMethodOrder(receiver, lastError, registrations)) return;
    const errorStatement = statementOf(lastError.call);
    // `mongoose.connect(uri).then(() => { app.use('/api', routes) })`: mounted once connected, after every handler the file registers now
    const deferred = errorStatement && !deferredCallbackOf(lastError.call) ? registrations.map((call) => deferredStatement(call, errorStatement.parent)).find((found) => found !== undefined) : undefined;
    if (!deferred && lastError.call.pos > lastRegistration.pos) return;
    const routeStatement = deferred ?? statementOf(lastRegistration);
    // order in the text is the order of registration only for statements of one block
    if (!errorStatement || !routeStatement || errorStatement.parent !== routeStatement.parent) return;
    const ref = lastError.args.find((candidate) => isErrorHandlerRef(candidate, analysis));
    if (!ref) return;
    const line = this.ctx.sourceFile.getLineAndCharacterOfPosition(lastRegistration.getStart(this.ctx.sourceFile)).line + 1;
    const label = ref.name ? `\`${ref.name}\`` : 'This error handler';
    const range = ref.fn && !ref.name ? this.functionRange(ref.fn) : { start: ref.expression.getStart(this.ctx.sourceFile), end: ref.expression.getEnd() };
    this.ctx.report({
      ...range,
      message: `${label} is registered before the routes of \`${receiver}\` (the last one is on line ${line}); Express only passes an error to error handlers registered after the route that failed, so move it after them.`,
      fix: !deferred && ts.isExpressionStatement(errorStatement) && unwrapExpression(errorStatement.expression) === lastError.call ? this.moveFix(errorStatement, routeStatement) : undefined,
    });
  }

  /** The route graph's app created by this call of this file. */
  private graphAppOf(creation: ts.Node): GraphApp | undefined {
    const start = creation.getStart(this.ctx.sourceFile);
    return safeRouteGraph(this.ctx)?.apps.find((candidate) => candidate.at.file === this.ctx.fileName && candidate.at.start === start);
  }

  /**
   * `registerRoutes(app)` as a statement of its own, when the route graph saw an error handler of the app
   * that routes registered after it escape: the function adds them in another file.
   */
  private routeRegistrarsCalled(receiver: string): ts.CallExpression[] {
    const creation = this.ctx.analysis.apps.find((app) => app.name === receiver)?.creation;
    const graphApp = creation ? this.graphAppOf(creation) : undefined;
    if (!graphApp?.errorHandlers.some((handler) => handler.routesAfter > 0)) return [];
    return this.ctx.analysis.calls.filter(
      (call) => ts.isExpressionStatement(call.parent) && ts.isIdentifier(unwrapExpression(call.expression)) && call.arguments.some((argument) => ts.isIdentifier(argument) && argument.text === receiver),
    );
  }

  /**
   * An app class whose constructor calls `this.initializeErrorHandling()` before `this.initializeRoutes()`:
   * the order of registration is the order of those calls. Returns whether the methods decided it.
   */
  private checkMethodOrder(receiver: string, lastError: UseRegistration, registrations: readonly ts.CallExpression[]): boolean {
    const errorStep = constructorStep(lastError.call);
    if (!errorStep) return false;
    // static files and API docs registered later serve no route that fails
    const servesOnlyFiles = (call: ts.CallExpression): boolean => this.ctx.analysis.uses.some((use) => use.call === call && use.args.every(isStaticServing));
    const later = registrations
      .filter((call) => !servesOnlyFiles(call))
      .map((call) => ({ call, step: constructorStep(call) }))
      .filter((entry): entry is { call: ts.CallExpression; step: ConstructorStep } => entry.step !== undefined && entry.step.constructor === errorStep.constructor && entry.step.index > errorStep.index)
      .sort((a, b) => b.step.index - a.step.index)[0];
    if (!later) return errorStep.index >= 0 && registrations.every((call) => constructorStep(call)?.constructor === errorStep.constructor);
    const ref = lastError.args.find((candidate) => isErrorHandlerRef(candidate, this.ctx.analysis));
    if (!ref) return true;
    const label = ref.name ? `\`${ref.name}\`` : 'This error handler';
    const range = ref.fn && !ref.name ? this.functionRange(ref.fn) : { start: ref.expression.getStart(this.ctx.sourceFile), end: ref.expression.getEnd() };
    this.ctx.report({
      ...range,
      message: `${label} is registered before the routes of \`${receiver}\`: the constructor calls \`${errorStep.method}()\` before \`${later.step.method}()\`; Express only passes an error to error handlers registered after the route that failed, so call it after them.`,
      fix: { ...this.moveFix(errorStep.statement, later.step.statement), title: `Call ${errorStep.method}() after ${later.step.method}()` },
    });
    return true;
  }

  private moveFix(statement: ts.Statement, after: ts.Statement): Fix {
    const text = this.ctx.text;
    const source = this.ctx.sourceFile;
    const { eol } = sourceStyle(source);
    return {
      title: 'Move the error handler after the last route',
      build: () => {
        // remove the whole line(s) of the statement, leading comments included
        const fullStart = statement.getFullStart();
        const leading = text.slice(fullStart, statement.getStart(source));
        const commentStart = leading.search(/\S/) >= 0 ? fullStart + leading.search(/\S/) : statement.getStart(source);
        const lineStart = text.lastIndexOf('\n', commentStart - 1) + 1;
        let lineEnd = statement.getEnd();
        while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t')) lineEnd++;
        if (text.startsWith('\r\n', lineEnd)) lineEnd += 2;
        else if (text[lineEnd] === '\n') lineEnd += 1;
        const moved = text.slice(lineStart, statement.getEnd()).replace(/^[ \t]*/, '');
        const indent = indentationAt(text, after.getStart(source));
        const reindented = moved.split(/\r?\n/).map((line, index) => (index === 0 ? `${indent}${line}` : line)).join(eol);
        return [
          {
            kind: 'edit',
            path: this.ctx.fileName,
            edits: [
              { start: lineStart, end: lineEnd, newText: '' },
              { start: after.getEnd(), end: after.getEnd(), newText: `${eol}${reindented}` },
            ],
          },
        ];
      },
    };
  }

  // -------------------------------------------------------------------------------------------
  // Fastify: setErrorHandler inside an encapsulated plugin

  private checkFastifyEncapsulation(hook: HookRegistration): void {
    const analysis = this.ctx.analysis;
    const receiverApp = analysis.apps.find((app) => app.name === hook.receiver);
    const plugin = enclosingPlugin(hook.call, hook.receiver);
    // the root instance reaches everything, unless a plugin's parameter of the same name shadows it: `app.register(async (app) => …)`
    if (receiverApp?.creation && (!plugin || withinNode(receiverApp.creation, plugin))) return;
    if (!plugin) return;
    if (this.isWrappedInFastifyPlugin(plugin)) return;
    // the route graph knows every route of the app, across files, and which handler each one reaches
    const graph = safeRouteGraph(this.ctx);
    const start = hook.call.getStart(this.ctx.sourceFile);
    for (const app of graph?.apps ?? []) {
      if (app.framework !== 'fastify') continue;
      const handler = app.errorHandlers.find((candidate) => candidate.at.file === this.ctx.fileName && candidate.at.start >= start && candidate.at.start < hook.call.end);
      if (!handler) continue;
      const uncovered = app.routes.filter((route) => !route.errorHandlers || route.errorHandlers.length === 0);
      if (uncovered.length === 0) return;
      const example = uncovered[0];
      const others = uncovered.length === 1 ? `${example.method} ${example.path}` : `${uncovered.length} routes of the app (${example.method} ${example.path}, …)`;
      this.reportEncapsulated(hook, `${others} keep${uncovered.length === 1 ? 's' : ''} Fastify's default error handler`);
      return;
    }
    const register = registerCallOf(plugin);
    if (register) {
      // registered here: siblings are routes and plugins on the parent outside this plugin, and the parent has no handler of its own
      const parent = register.receiver;
      const parentHasHandler = analysis.hooks.some((other) => other !== hook && other.hook === 'setErrorHandler' && other.receiver === parent && !withinNode(other.call, plugin));
      if (parentHasHandler) return;
      const siblingRoutes = analysis.routes.some((route) => route.receiver === parent && !withinNode(route.call, plugin));
      const siblingPlugins = analysis.uses.some((use) => use.kind === 'register' && use.receiver === parent && use.call !== register.call && !withinNode(use.call, plugin));
      if (!siblingRoutes && !siblingPlugins) return;
      this.reportEncapsulated(hook, 'routes registered outside it keep Fastify\'s default error handler');
      return;
    }
    if (!isModuleExport(plugin)) return;
    if (/skip-override/.test(this.ctx.text)) return;
    // an exported plugin file: does it hold any routes or child plugins the handler could cover?
    const own = analysis.routes.some((route) => withinNode(route.call, plugin)) || analysis.uses.some((use) => use.kind === 'register' && withinNode(use.call, plugin));
    if (own) return;
    this.reportEncapsulated(hook, 'it has no routes of its own, so it handles no errors at all');
  }

  private reportEncapsulated(hook: HookRegistration, consequence: string): void {
    this.ctx.report({
      node: hook.call.expression,
      message: `\`${hook.receiver}.setErrorHandler\` is called inside an encapsulated plugin (not wrapped in fastify-plugin), so it only covers that plugin's own routes; ${consequence}. Set it on the root instance or wrap the plugin with fastify-plugin.`,
    });
  }

  private isWrappedInFastifyPlugin(plugin: FunctionLike): boolean {
    const wrappers = new Set<string>();
    for (const binding of this.ctx.analysis.imports.values()) if (binding.module === 'fastify-plugin') wrappers.add(binding.local);
    let node: ts.Node = plugin;
    while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
    const parent = node.parent;
    if (ts.isCallExpression(parent) && parent.arguments[0] === node) {
      const callee = memberPath(parent.expression)?.join('.') ?? '';
      if (wrappers.has(callee) || /^(fp|fastifyPlugin|plugin)$/.test(callee)) return true;
    }
    // a named plugin wrapped where it is exported or registered: fp(plugin)
    const name = declaredFunctionName(plugin);
    if (!name) return false;
    let wrapped = false;
    const visit = (child: ts.Node): void => {
      if (wrapped) return;
      if (ts.isCallExpression(child) && child.arguments.some((argument) => ts.isIdentifier(argument) && argument.text === name)) {
        const callee = memberPath(child.expression)?.join('.') ?? '';
        if (wrappers.has(callee) || /^(fp|fastifyPlugin)$/.test(callee)) wrapped = true;
      }
      // what fastify-plugin does itself: `plugin[Symbol.for('skip-override')] = true`
      if (ts.isBinaryExpression(child) && child.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(child.left)) {
        const target = child.left;
        if (ts.isIdentifier(target.expression) && target.expression.text === name && /skip-override/.test(target.argumentExpression.getText())) wrapped = true;
      }
      ts.forEachChild(child, visit);
    };
    visit(this.ctx.sourceFile);
    return wrapped;
  }
}

// ---------------------------------------------------------------------------------------------
// Syntax helpers

/** A function declared in the file under a name: `function setup(app) {}`, `const setup = (app) => {}`. */
function localFunction(sourceFile: ts.SourceFile, name: string): FunctionLike | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer ? unwrapExpression(declaration.initializer) : undefined;
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name && init && isFunctionLike(init)) return init;
      }
    }
  }
  return undefined;
}

/** Whether a top-level or nested `const` / `let` / `function` / class declares the name (a parameter does not count). */
function declaredInFile(sourceFile: ts.SourceFile, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) ||
      ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name?.text === name)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** A handler that cannot throw: no await, no calls besides the response's own, no throw (`(req, res) => res.redirect(url)`). */
function isTrivialHandler(fn: FunctionLike | undefined): boolean {
  if (!fn?.body) return false;
  const res = parameterName(fn.parameters[1]);
  let trivial = true;
  const visit = (node: ts.Node): void => {
    if (!trivial) return;
    if (ts.isAwaitExpression(node) || ts.isThrowStatement(node) || ts.isNewExpression(node) || (isFunctionLike(node) && node !== fn)) {
      trivial = false;
      return;
    }
    if (ts.isCallExpression(node)) {
      let root: ts.Expression = node.expression;
      while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root)) root = root.expression;
      // `console.log('Just got a request!')` cannot fail either
      const logs = ts.isIdentifier(root) && root.text === 'console';
      if (!logs && (!ts.isIdentifier(root) || root.text !== res)) {
        trivial = false;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return trivial;
}

/** Callbacks that run after the file's own statements: a promise's `then`, an event's `on` / `once`, `listen`'s. */
const DEFERRING_METHODS = new Set(['then', 'finally', 'on', 'once', 'listen']);

/** The function a node sits in when that function is handed to a deferring call (`.then(() => …)`), and that call. */
function deferredCallbackOf(node: ts.Node): ts.CallExpression | undefined {
  for (let current: ts.Node = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (!isFunctionLike(current)) continue;
    const call = current.parent;
    const callee = ts.isCallExpression(call) && call.arguments.includes(current as ts.Expression) ? unwrapExpression(call.expression) : undefined;
    return callee && ts.isPropertyAccessExpression(callee) && DEFERRING_METHODS.has(callee.name.text) ? (call as ts.CallExpression) : undefined;
  }
  return undefined;
}

/** The statement of `block` holding the deferring call a registration runs in, if it runs in one. */
function deferredStatement(registration: ts.Node, block: ts.Node): ts.Statement | undefined {
  const call = deferredCallbackOf(registration);
  const statement = call && statementOf(call);
  return statement && statement.parent === block ? statement : undefined;
}

function statementOf(node: ts.Node): ts.Statement | undefined {
  let current: ts.Node = node;
  while (current.parent && !ts.isBlock(current.parent) && !ts.isSourceFile(current.parent)) current = current.parent;
  return current.parent ? (current as ts.Statement) : undefined;
}

function declaredName(node: ts.Node): ts.Node | undefined {
  if (ts.isVariableDeclaration(node) || ts.isParameter(node)) return node.name;
  if (ts.isBinaryExpression(node)) return node.left;
  return undefined;
}

function declaredNameNode(fn: FunctionLike): ts.Identifier | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name;
  return undefined;
}

function declaredFunctionName(fn: FunctionLike): string | undefined {
  const node = declaredNameNode(fn);
  if (node) return node.text;
  const parent = fn.parent;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
  return undefined;
}

/** Names called directly in the file: `foo(…)`, `x.foo(…)`. */
function calledNames(calls: readonly ts.CallExpression[]): Set<string> {
  const names = new Set<string>();
  for (const call of calls) {
    const callee = unwrapExpression(call.expression);
    if (ts.isIdentifier(callee)) names.add(callee.text);
    else if (ts.isPropertyAccessExpression(callee)) names.add(callee.name.text);
  }
  return names;
}

/** Package middleware that serves files or API docs and answers its own failures: `express.static(dir)`, `swaggerUi.serve`, `swaggerUi.setup(doc)`. */
function isStaticServing(ref: HandlerRef): boolean {
  const expression = unwrapExpression(ref.expression);
  const callee = ts.isCallExpression(expression) ? expression.expression : expression;
  const path = memberPath(callee)?.join('.') ?? '';
  return /^(express\.static|serveStatic|serveFavicon|favicon)$/.test(path) || /^swagger(Ui|UI|ui)\.(serve|setup|serveFiles|serveWithOptions)$/.test(path);
}

function isFastifyErrorHandler(fn: FunctionLike): boolean {
  const parent = fn.parent;
  if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'setErrorHandler') return true;
  const third = fn.parameters[2];
  return /^(reply|rep)$/.test(parameterName(third) ?? '') || /Reply$/.test(parameterTypeName(third) ?? '') || /Fastify/.test(parameterTypeName(fn.parameters[1]) ?? '');
}

/** A `(req, res, next)` middleware that only forwards (`next(err)`), like a converter in front of the real handler. */
function looksLikeErrorForwarder(fn: FunctionLike): boolean {
  const text = fn.body?.getText() ?? '';
  return !/\bres\s*\.\s*(status|json|send|sendStatus|end|render)\b/.test(text);
}

function mentionsIdentifier(fn: FunctionLike, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === name && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) found = true;
    else ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

function withinNode(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/** The plugin function whose instance parameter is `receiver` and that contains `node`. */
function enclosingPlugin(node: ts.Node, receiver: string): FunctionLike | undefined {
  let current: ts.Node | undefined = node.parent;
  while (current) {
    if (isFunctionLike(current) && parameterName(current.parameters[0]) === receiver) return current;
    current = current.parent;
  }
  return undefined;
}

/** `X.register(plugin, …)` with the plugin inline, or by the name it is declared under. */
function registerCallOf(plugin: FunctionLike): { call: ts.CallExpression; receiver: string } | undefined {
  let node: ts.Node = plugin;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  const asRegister = (call: ts.Node): { call: ts.CallExpression; receiver: string } | undefined => {
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'register') return undefined;
    const receiver = memberPath(call.expression.expression)?.join('.');
    return receiver ? { call, receiver } : undefined;
  };
  if (ts.isCallExpression(parent) && parent.arguments[0] === node) return asRegister(parent);
  const name = declaredFunctionName(plugin);
  if (!name) return undefined;
  let found: { call: ts.CallExpression; receiver: string } | undefined;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(child) && child.arguments[0] && ts.isIdentifier(child.arguments[0]) && child.arguments[0].text === name) found = asRegister(child);
    if (!found) ts.forEachChild(child, visit);
  };
  visit(plugin.getSourceFile());
  return found;
}

/**
 * `export default async function (fastify) {…}`, `module.exports = plugin`, `export default plugin`:
 * the default export of a file is how plugins reach `register` and @fastify/autoload. A named
 * export may just as well be a helper called with the root instance, so it does not count.
 */
function isModuleExport(plugin: FunctionLike): boolean {
  const modifiers = ts.canHaveModifiers(plugin) ? ts.getModifiers(plugin) : undefined;
  if (ts.isFunctionDeclaration(plugin) && modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) && modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) {
    return true;
  }
  let node: ts.Node = plugin;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isExportAssignment(parent)) return true;
  if (ts.isBinaryExpression(parent) && /^(module\.exports|exports\.default)$/.test(parent.left.getText())) return true;
  const name = declaredFunctionName(plugin);
  if (!name) return false;
  return new RegExp(`(export\\s+default\\s+${name}\\b|module\\.exports\\s*=\\s*${name}\\b)`).test(plugin.getSourceFile().text);
}

const rule: Rule = {
  meta: {
    id: 'missing-error-handler',
    description: 'Require a global error handler that Express and Fastify actually call',
    category: 'reliability',
    defaultSeverity: 'warning',
    frameworks: ['express', 'fastify'],
    fixable: true,
  },
  create(context) {
    if (context.isTestFile || context.isBrowserAsset) return {};
    return { end: () => new ErrorHandlerChecker(context).run() };
  },
};

export default rule;

interface ConstructorStep {
  constructor: ts.ConstructorDeclaration;
  /** The position of the `this.method()` call among the constructor's statements. */
  index: number;
  statement: ts.Statement;
  method: string;
}

/** Where the method holding `node` is called by its class's constructor (`this.initializeRoutes();`). */
function constructorStep(node: ts.Node): ConstructorStep | undefined {
  let method: ts.Node | undefined = node.parent;
  while (method && !ts.isMethodDeclaration(method) && !ts.isClassLike(method)) method = method.parent;
  if (!method || !ts.isMethodDeclaration(method) || !ts.isIdentifier(method.name) || !ts.isClassLike(method.parent)) return undefined;
  const name = method.name.text;
  const constructor = method.parent.members.find(ts.isConstructorDeclaration);
  const statements = constructor?.body?.statements ?? [];
  const index = statements.findIndex((statement) => {
    if (!ts.isExpressionStatement(statement)) return false;
    const call = unwrapExpression(statement.expression);
    return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.expression.kind === ts.SyntaxKind.ThisKeyword && call.expression.name.text === name;
  });
  return constructor && index >= 0 ? { constructor, index, statement: statements[index], method: name } : undefined;
}
