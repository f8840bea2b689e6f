import ts from 'typescript';
import { forEachDescendant } from '../analysis/descendants';
import { callParameters, functionName, isFunctionLike, memberPath, unwrapExpression, type FunctionLike } from '../analysis/syntax';
import type { FileAnalysis, HandlerInfo, RouteRegistration } from '../analysis/types';
import { isWithin, type Report, type Rule, type RuleContext } from '../lint/rule';
import type { ChainLink, GraphRoute } from '../project/route-graph-types';
import { importedMemberValue } from './util/imported-value';
import { buildFastifySchemaChanges, schemaDialect } from './util/fastify-schema-fix';
import { collectPartUse, collectRequestUse, mergeFields, REQUEST_PARTS, type FieldNode, type RequestPart, type RequestRead, type RequestUse } from './util/request-reads';
import {
  collectsChainResults,
  createCallClassifier,
  isValidationName,
  middlewareCoverage,
  projectHasValidationLibrary,
  routeCoverage,
  skipsPath,
  middlewareEffect,
  type MiddlewareEffect,
  type ValidationContext,
} from './util/request-validation';
import { ValidatingCalleeResolver } from './util/validating-callee';
import { validationGeneratorFix, validationTarget } from './util/validation-generator-fix';
import { buildZodValidationChanges, type PartToValidate } from './util/zod-validation-fix';

/** Where a handler is reached from, and which parts of the request are validated on the way. */
interface RouteContext {
  label?: string;
  covered: ReadonlySet<RequestPart>;
  local?: RouteRegistration;
  /** The route as the route graph knows it (registered in another file, or with its full path). */
  graphRoute?: GraphRoute;
  /** The registration of a route in another file, read from that file. */
  remote?: RemoteRoute;
  /** Body fields the chain's middleware set before the handler runs (`req.body.userId = decoded.id`). */
  bodySetBy: ReadonlySet<string>;
}

interface RemoteFile {
  sourceFile: ts.SourceFile;
  validation: ValidationContext;
  /** What the middleware defined at each offset does to the request (null: not a middleware). */
  middleware: Map<number, MiddlewareEffect | null>;
}

interface RemoteRoute {
  file: string;
  route: RouteRegistration;
  sourceFile: ts.SourceFile;
  validation: ValidationContext;
}

/** `app.use(expressValidator())` of express-validator 5 and older only adds `req.checkBody()` helpers; it validates nothing itself. */
const LEGACY_EXPRESS_VALIDATOR = 'expressValidator';

const RESPONSE_METHODS = /^(json|send|status|sendStatus|render|redirect|end|sendFile|download|jsonp|code|header|type)$/;
/** Project helpers that answer with the response they are given: `sendSuccess(res, data, 201)`, `res.customSuccess(…)`, `apiResponse.ok(res, x)`. */
const RESPONSE_HELPER = /send|respond|reply|success|response|render/i;

const rule: Rule = {
  meta: {
    id: 'missing-validation',
    description: 'Require schema validation of the request body, query and path parameters a handler reads',
    category: 'security',
    defaultSeverity: 'warning',
    frameworks: ['express', 'fastify'],
    fixable: true,
  },
  scope: 'handler',
  create(ctx) {
    // Test files, and files of projects that are neither Express nor Fastify (Next.js API routes look alike).
    if (ctx.isTestFile || ctx.isBrowserAsset || (!ctx.project.framework && !ctx.analysis.framework)) return {};
    return {
      end() {
        const validation = validationContext(ctx, ctx.analysis);
        let callees: ValidatingCalleeResolver | undefined;
        const resolver = (): ValidatingCalleeResolver =>
          (callees ??= new ValidatingCalleeResolver(
            ctx.settings,
            ctx.fileName,
            ctx.sourceFile,
            (path) => ctx.sourceFileOf(path),
            (specifier, from) => ctx.resolveModule(specifier, from),
          ));
        const classifier = createCallClassifier(validation, (call, index) => resolver().validatesArgument(call, index));
        const remotes = new Map<string, RemoteFile | null>();
        // a helper many handlers hand the request to (`getPagination(req)`) is read once
        const forwardedUses = new Map<FunctionLike, RequestUse | null>();
        const partUses = new Map<string, boolean>();
        let called: ReadonlySet<string> | undefined;
        const calledNames = (): ReadonlySet<string> => (called ??= directlyCalledNames(ctx.analysis.calls));
        for (const handler of ctx.analysis.handlers) {
          if (ctx.within && !isWithin(handler.fn, ctx.within)) continue;
          if (!(isRequestHandler(handler, calledNames) || isGraphRouteHandler(ctx, handler)) || hasValidationDecorator(handler.fn, ctx)) continue;
          const use = collectRequestUse(handler.fn, callParameters(handler.fn)[0], classifier);
          const candidates = [
            ...use.reads.filter((read) => isUnvalidated(read, use) && !vettedByHelper(read, resolver, partUses)),
            ...forwardedReads(ctx, handler, use, resolver, forwardedUses),
          ].sort((a, b) => a.start - b.start);
          if (candidates.length === 0) continue;
          for (const route of routeContexts(ctx, handler, validation, remotes)) {
            const bodySetByChain = readsOnlyFields(use, 'body', route.bodySetBy);
            // `validationResult(req)` where no chain of the route can be seen (`exports.register = [body('email')…, handler]`): trusted for every part
            const chainsUnseen = use.chainResultAt !== undefined && route.covered.size === 0;
            const unvalidated = candidates.filter((read) => !route.covered.has(read.part) && !(read.part === 'body' && bodySetByChain) && !(chainsUnseen && isAfter(read, use.chainResultAt)));
            if (unvalidated.length === 0) continue;
            ctx.report(finding(ctx, handler, use, unvalidated, route));
            break;
          }
        }
      },
    };
  },
};
export default rule;

/** `@ZodValidation(LoginSchema) async login(req, res)`, `@ValidateBody(CreateUserDto)`: the decorator validates before the method runs. */
function hasValidationDecorator(fn: FunctionLike, ctx: RuleContext): boolean {
  if (!ts.isMethodDeclaration(fn)) return false;
  return (ts.getDecorators(fn) ?? []).some((decorator) => {
    const expression = unwrapExpression(decorator.expression);
    const callee = ts.isCallExpression(expression) ? expression.expression : expression;
    return isValidationName(memberPath(callee)?.join('.'), ctx.settings);
  });
}

/** Route handlers and controllers; chain middleware, hooks and error handlers validate or guard, they are not the target. */
function isRequestHandler(handler: HandlerInfo, calledNames: () => ReadonlySet<string>): boolean {
  if (handler.role === 'error-handler' || callParameters(handler.fn).length === 0) return false;
  if (handler.routes.length > 0) return handler.routes.some((route) => route.handler?.fn === handler.fn);
  if (!handler.standalone || isHelper(handler, calledNames)) return false;
  return handler.role === 'handler' || (handler.framework === 'express' && looksTerminal(handler));
}

/**
 * A standalone `(req, res, next)` the route graph finds as the last handler of a route: a controller,
 * also when one branch passes on (`if (!product) return next()` to the not-found handler).
 */
function isGraphRouteHandler(ctx: RuleContext, handler: HandlerInfo): boolean {
  if (!handler.standalone || handler.role === 'error-handler' || callParameters(handler.fn).length < 2) return false;
  const graph = ctx.routeGraph();
  if (!graph) return false;
  const start = handler.fn.getStart(ctx.sourceFile);
  return graphRoutesOf(ctx, handler.fn, graph.routesUsing.bind(graph)).some((route) => route.handler?.definition?.file === ctx.fileName && route.handler.definition.start === start);
}

/**
 * A function that takes `(req, res)` but is called by other code rather than registered: it returns
 * data to its caller (`return session`) or is called by name in this file (`validateSession(req, res)`).
 */
function isHelper(handler: HandlerInfo, calledNames: () => ReadonlySet<string>): boolean {
  const fn = handler.fn;
  let returnsData = false;
  const visit = (node: ts.Node): boolean => {
    if (returnsData) return false;
    if (ts.isReturnStatement(node) && node.expression) {
      const value = node.expression;
      const isResponse = ts.isCallExpression(value) || ts.isAwaitExpression(value) || value.kind === ts.SyntaxKind.NullKeyword || value.kind === ts.SyntaxKind.UndefinedKeyword || ts.isVoidExpression(value);
      // `return res.json(x)`, `return next(err)`, `return null` after answering: still a handler.
      if (!isResponse || (value.kind === ts.SyntaxKind.NullKeyword && handler.framework === 'express')) returnsData = true;
    }
    return !isFunctionLike(node);
  };
  if (fn.body && ts.isBlock(fn.body)) forEachDescendant(fn.body, visit);
  // Fastify handlers answer by returning the payload.
  if (returnsData && handler.framework === 'express') return true;
  const name = functionName(fn);
  if (!name) return false;
  return calledNames().has(name);
}

/** Names called as plain identifiers anywhere in the file: `validateSession(req, res)`. */
function directlyCalledNames(calls: readonly ts.CallExpression[]): Set<string> {
  const names = new Set<string>();
  for (const call of calls) if (ts.isIdentifier(call.expression)) names.add(call.expression.text);
  return names;
}

/** A standalone `(req, res, next)` is a controller when it answers (itself or through a response helper) and never passes the request on with a bare `next()`. */
function looksTerminal(handler: HandlerInfo): boolean {
  let passesOn = false;
  let responds = false;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee) && callee.text === handler.next && node.arguments.length === 0 && !isUnreachable(node)) passesOn = true;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (ts.isPropertyAccessExpression(callee) && rootName(callee) === handler.res && name !== undefined && (RESPONSE_METHODS.test(name) || RESPONSE_HELPER.test(name))) responds = true;
      const handsOverResponse = node.arguments.some((argument) => ts.isIdentifier(argument) && argument.text === handler.res);
      // `sendSuccess(res, data)`, `ResponseUtils.status200(res, 'ok', result)`: the helper's object may say it too
      const path = ts.isPropertyAccessExpression(callee) ? memberPath(callee)?.join('.') : name;
      if (handsOverResponse && path !== undefined && RESPONSE_HELPER.test(path)) responds = true;
      // `createOrderService(req, res, next)`: the whole exchange handed to another function, which answers
      if (handsOverResponse && node.arguments.some((argument) => ts.isIdentifier(argument) && argument.text === handler.req)) responds = true;
    }
  };
  if (handler.fn.body) {
    visit(handler.fn.body);
    forEachDescendant(handler.fn.body, visit);
  }
  return responds && !passesOn;
}

/** `return res.status(201).json(…); next();`: a statement after a return in its block never runs. */
function isUnreachable(node: ts.Node): boolean {
  let statement: ts.Node = node;
  while (!ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent) && !isFunctionLike(statement.parent)) statement = statement.parent;
  const block = statement.parent;
  if (!ts.isBlock(block)) return false;
  const index = block.statements.indexOf(statement as ts.Statement);
  return block.statements.slice(0, index).some((earlier) => ts.isReturnStatement(earlier) || ts.isThrowStatement(earlier));
}

function rootName(expression: ts.Expression): string | undefined {
  let current = expression;
  while (ts.isPropertyAccessExpression(current) || ts.isCallExpression(current)) current = current.expression;
  return ts.isIdentifier(current) ? current.text : undefined;
}

/**
 * What the functions handed the whole request read without validating (`saveUser(req)` writing
 * `req.body.isAdmin` to the database, `createOrderService(req, res, next)`): reads of the handler,
 * reported where it hands the request over. Their fields join the handler's, so a fix describes them.
 */
function forwardedReads(ctx: RuleContext, handler: HandlerInfo, use: RequestUse, resolver: () => ValidatingCalleeResolver, cache: Map<FunctionLike, RequestUse | null>): RequestRead[] {
  const reads: RequestRead[] = [];
  for (const forward of use.forwards) {
    const target = resolver().forwardTarget(forward.call);
    if (!target || target.fn === handler.fn || isAuthGuard(target.fn)) continue;
    let inner = cache.get(target.fn);
    if (inner === undefined) {
      const parameter = callParameters(target.fn)[forward.index];
      inner = parameter && ts.isIdentifier(parameter.name) && !reportedOnItsOwn(ctx, target) ? collectRequestUse(target.fn, parameter, target.classifier) : null;
      cache.set(target.fn, inner);
    }
    if (!inner) continue;
    const unvalidated = inner.reads.filter((read) => isUnvalidated(read, inner));
    if (unvalidated.length === 0) continue;
    mergeFields(use.fields, inner.fields);
    for (const part of new Set(unvalidated.map((read) => read.part))) {
      const namedOnly = unvalidated.every((read) => read.part !== part || read.namedOnly);
      const read: RequestRead = { part, node: forward.node, start: forward.node.getStart(), usage: 'use', namedOnly };
      if (isUnvalidated(read, use)) reads.push(read);
    }
  }
  return reads;
}

/**
 * A whole part handed to a project function (`parsePagination(req.query)`) that vets every field it
 * reads, as the handler would have to: `Math.min(200, Math.max(1, parseInt(query.limit) || 25))`.
 */
function vettedByHelper(read: RequestRead, resolver: () => ValidatingCalleeResolver, cache: Map<string, boolean>): boolean {
  if (!read.handedTo) return false;
  const target = resolver().forwardTarget(read.handedTo.call);
  const parameter = target && callParameters(target.fn)[read.handedTo.index];
  if (!target || !parameter || !ts.isIdentifier(parameter.name)) return false;
  const key = `${target.path}:${target.fn.pos}:${read.handedTo.index}:${read.part}`;
  let vetted = cache.get(key);
  if (vetted === undefined) {
    const inner = collectPartUse(target.fn, parameter as ts.ParameterDeclaration & { name: ts.Identifier }, read.part, target.classifier);
    vetted = inner.validatedAt.has(read.part) && inner.reads.every((innerRead) => !isUnvalidated(innerRead, inner));
    cache.set(key, vetted);
  }
  return vetted;
}

/**
 * `if (!(await authorize(request, reply))) return`: a guard called inline reads the credential (a
 * header, `?apikey=`) to turn the request away, as a guard on the route's chain does.
 */
function isAuthGuard(fn: FunctionLike): boolean {
  const name = functionName(fn);
  return name !== undefined && (AUTH_GUARD_NAME.test(name) || GUARD_VERB.test(name)) && fn.body !== undefined && /\b(code|status|sendStatus)\(\s*(401|403)\s*\)|Unauthori[sz]ed|Forbidden/.test(fn.body.getText());
}

const AUTH_GUARD_NAME = /auth|guard|api_?key|token|permission|access|login|session|protect/i;
/** `ensureUser`, `requireAdmin`, `verifyOwner`, `checkRole` (not `checkoutCart`). */
const GUARD_VERB = /^(ensure|require|verify|check)[A-Z]/;

/**
 * A function handed the whole exchange (`createOrderService(req, res, next)`) that is itself judged as
 * a handler where it is written: its reads are reported there, once, not again at every caller.
 */
function reportedOnItsOwn(ctx: RuleContext, target: { path: string; fn: FunctionLike }): boolean {
  const analysis = target.path === ctx.fileName ? ctx.analysis : ctx.analysisOf(target.path);
  const own = analysis?.handlers.find((candidate) => candidate.fn === target.fn);
  if (!analysis || !own || !isRequestHandler(own, () => directlyCalledNames(analysis.calls))) return false;
  return own.routes.length > 0 || judgedWithoutRoute(ctx, own);
}

/** A standalone controller no route is found for is still judged when nothing else in the project could validate its input. */
function judgedWithoutRoute(ctx: RuleContext, handler: HandlerInfo): boolean {
  return handler.standalone && handler.framework === 'express' && !projectHasValidationLibrary(ctx.project.dependencies) && ctx.settings.validationMiddleware.length === 0;
}

/** A read past a check at `at` (a capture is judged by its uses: `const email = req.body.email; send(email)` before the check is not). */
function isAfter(read: RequestRead, at: number | undefined): boolean {
  if (at === undefined) return false;
  if (read.usage === 'capture') return read.firstUseAt === undefined || read.firstUseAt >= at;
  return read.start >= at || inCondition(read.node);
}

/** A read reaches the handler's logic before (or without) any validation of its part inside the handler. */
function isUnvalidated(read: RequestRead, use: RequestUse): boolean {
  if (read.usage !== 'use' && read.usage !== 'capture') return false;
  // Path parameters taken by name are lookup keys the router already matched (see the docs page).
  if (read.part === 'params' && read.namedOnly) return false;
  // the field was checked on its own before this read; another field of the part is what goes unchecked
  if (read.fieldChecked) return false;
  return !isAfter(read, use.validatedAt.get(read.part));
}

/**
 * Whether the handler reads only named fields of a part that the chain's middleware set there itself:
 * `Note.find({ owner: req.body.userId })` behind an auth middleware doing `req.body.userId = decoded.id`.
 */
function readsOnlyFields(use: RequestUse, part: RequestPart, fields: ReadonlySet<string>): boolean {
  const read = use.fields.get(part);
  if (fields.size === 0 || !read || read.whole || read.children.size === 0) return false;
  return [...read.children.keys()].every((field) => fields.has(field)) && use.reads.every((candidate) => candidate.part !== part || candidate.namedOnly);
}

/** `if (!req.body) …` before the schema check only tests presence. */
function inCondition(node: ts.Node): boolean {
  for (let current: ts.Node = node; !ts.isBlock(current) && !ts.isSourceFile(current); current = current.parent) {
    const parent = current.parent;
    if (ts.isConditionalExpression(parent) && parent.condition === current) return true;
    if (ts.isIfStatement(parent) && parent.expression === current) return true;
  }
  return false;
}

/**
 * The routes a handler serves, each with the parts validated on its chain: its registrations in
 * this file, and where the route graph knows them, those in other files (app-level middleware
 * included). A controller found nowhere is judged by the project: without any validation library
 * nothing can validate it elsewhere.
 */
function routeContexts(ctx: RuleContext, handler: HandlerInfo, validation: ValidationContext, remotes: Map<string, RemoteFile | null>): RouteContext[] {
  const contexts: RouteContext[] = [];
  const graph = ctx.routeGraph();
  const graphRoutes = graph ? graphRoutesOf(ctx, handler.fn, graph.routesUsing.bind(graph)) : [];
  const usedGraphRoutes = new Set<GraphRoute>();
  for (const route of handler.routes) {
    if (route.handler?.fn !== handler.fn) continue;
    const covered = routeCoverage(route, validation);
    const bodySetBy = new Set<string>();
    for (const middleware of route.middleware) if (middleware.fn) for (const field of middlewareEffect(middleware.fn, validation).bodyFields) bodySetBy.add(field);
    const line = ctx.sourceFile.getLineAndCharacterOfPosition(route.call.getStart(ctx.sourceFile)).line + 1;
    const inGraph = graphRoutes.find((candidate) => candidate.at.file === ctx.fileName && candidate.at.line === line && candidate.method === route.method);
    let label = routeLabel(route);
    if (inGraph) {
      usedGraphRoutes.add(inGraph);
      // The local registration tells which parts its schema covers; the graph adds chains from other files.
      for (const part of graphCoverage(ctx, inGraph, remotes, { trustSchema: false, judgedIn: ctx.fileName })) covered.add(part);
      for (const field of chainBodyFields(ctx, inGraph, remotes)) bodySetBy.add(field);
      label = `${inGraph.method} ${inGraph.path}`;
    }
    contexts.push({ label, covered, local: route, bodySetBy });
  }
  for (const route of graphRoutes) {
    if (usedGraphRoutes.has(route)) continue;
    // Read the registration in its own file: which parts its schema / middleware cover.
    const remote = remoteRegistration(ctx, route, remotes);
    const covered = remote ? routeCoverage(remote.route, remote.validation) : graphCoverage(ctx, route, remotes, { trustSchema: true });
    if (remote) for (const part of graphCoverage(ctx, route, remotes, { trustSchema: false, judgedIn: remote.file })) covered.add(part);
    contexts.push({ label: `${route.method} ${route.path}`, covered, graphRoute: route, remote, bodySetBy: chainBodyFields(ctx, route, remotes) });
  }
  if (contexts.length === 0 && judgedWithoutRoute(ctx, handler)) {
    contexts.push({ covered: new Set(), bodySetBy: new Set() });
  }
  return contexts;
}

/** The registration call a graph route points at, analysed in its own file (parsed once per lint). */
function remoteRegistration(ctx: RuleContext, route: GraphRoute, remotes: Map<string, RemoteFile | null>): RemoteRoute | undefined {
  const file = route.at.file;
  if (file === ctx.fileName) return undefined;
  const remote = remoteFile(ctx, file, remotes);
  if (!remote) return undefined;
  const registration = remote.validation.analysis.routes.find((candidate) => candidate.call.getStart(remote.sourceFile) === route.at.start && candidate.method === route.method)
    ?? remote.validation.analysis.routes.find((candidate) => candidate.call.getStart(remote.sourceFile) === route.at.start);
  return registration ? { file, route: registration, sourceFile: remote.sourceFile, validation: remote.validation } : undefined;
}

function graphRoutesOf(ctx: RuleContext, fn: FunctionLike, routesUsing: (file: string, start: number) => GraphRoute[]): GraphRoute[] {
  const starts = new Set<number>([fn.getStart(ctx.sourceFile), fn.pos]);
  // `const create = asyncHandler(async (req, res) => …)`: the graph may know the variable, not the arrow.
  for (let current: ts.Node = fn.parent; current && !ts.isSourceFile(current) && !ts.isBlock(current); current = current.parent) {
    starts.add(current.getStart(ctx.sourceFile));
    if (ts.isVariableDeclaration(current)) starts.add(current.name.getStart(ctx.sourceFile));
  }
  const found = new Set<GraphRoute>();
  for (const start of starts) for (const route of routesUsing(ctx.fileName, start)) found.add(route);
  return [...found];
}

function validationContext(ctx: RuleContext, analysis: FileAnalysis): ValidationContext {
  return { sourceFile: analysis.sourceFile, analysis, settings: ctx.settings, importedValue: (expression) => importedMemberValue(ctx, analysis, expression) };
}

/** Another project file analysed for this lint, once. */
function remoteFile(ctx: RuleContext, file: string, remotes: Map<string, RemoteFile | null>): RemoteFile | undefined {
  let remote = remotes.get(file);
  if (remote === undefined) {
    const analysis = ctx.analysisOf(file);
    remote = analysis ? { sourceFile: analysis.sourceFile, validation: validationContext(ctx, analysis), middleware: new Map() } : null;
    remotes.set(file, remote);
  }
  return remote ?? undefined;
}

/**
 * The parts a route's chain validates as the route graph sees it: every part behind a link named like
 * validation, and what middleware defined in a project file checks itself (`parsePage` running
 * `schema.validate(req.query)`). The names of route-level links of the registration in `judgedIn` were
 * already read part by part from the registration itself (a `celebrate({ headers })` covers no body).
 */
function graphCoverage(ctx: RuleContext, route: GraphRoute, remotes: Map<string, RemoteFile | null>, options: { trustSchema: boolean; judgedIn?: string }): Set<RequestPart> {
  if (options.trustSchema && route.framework === 'fastify' && route.hasSchema) return new Set(REQUEST_PARTS);
  const covered = new Set<RequestPart>();
  const chainsInView = route.chain.some((link) => /^(body|param|query|check|checkSchema|oneOf)\b/.test(link.name ?? ''));
  for (const link of route.chain) {
    const judged = link.scope === 'route' && link.at.file === options.judgedIn;
    // `validate` running `validationResult(req)`: the express-validator chains before it say which parts are checked
    if (chainsInView && collectsChainResults(definitionOf(ctx, link, remotes))) continue;
    if (!judged && link.name !== LEGACY_EXPRESS_VALIDATOR && isValidationName(link.name, ctx.settings)) {
      const registered = linkCall(ctx, link, remotes);
      if (registered && skipsPath(registered.call, route.path)) continue;
      // `router.use(validate({ query: listQuery }))`: a validator given one schema per part covers those parts
      const parts = keyedLinkCoverage(ctx, link, remotes);
      if (!parts) return new Set(REQUEST_PARTS);
      for (const part of parts) covered.add(part);
      continue;
    }
    for (const part of definedMiddlewareEffect(ctx, link, remotes)?.validated ?? []) covered.add(part);
  }
  return covered;
}

/** The parts a validation link covers when its call names them (`validate({ params })`); undefined when it covers all. */
function keyedLinkCoverage(ctx: RuleContext, link: ChainLink, remotes: Map<string, RemoteFile | null>): ReadonlySet<RequestPart> | undefined {
  const found = linkCall(ctx, link, remotes);
  if (!found) return undefined;
  const parts = middlewareCoverage({ expression: found.call }, found.validation);
  return parts && parts.size < REQUEST_PARTS.length ? parts : undefined;
}

/** The call a chain link was registered as, read in its own file. */
function linkCall(ctx: RuleContext, link: ChainLink, remotes: Map<string, RemoteFile | null>): { call: ts.CallExpression; validation: ValidationContext } | undefined {
  const file = link.at.file === ctx.fileName ? { sourceFile: ctx.sourceFile, validation: validationContext(ctx, ctx.analysis) } : remoteFile(ctx, link.at.file, remotes);
  const call = file?.validation.analysis.calls.find((candidate) => candidate.getStart(file.sourceFile) === link.at.start);
  return file && call ? { call, validation: file.validation } : undefined;
}


/** Body fields set by the middleware of a route's chain as the route graph sees it. */
function chainBodyFields(ctx: RuleContext, route: GraphRoute, remotes: Map<string, RemoteFile | null>): Set<string> {
  const fields = new Set<string>();
  for (const link of route.chain) for (const field of definedMiddlewareEffect(ctx, link, remotes)?.bodyFields ?? []) fields.add(field);
  return fields;
}

/** The function a chain link's definition points at, read in its own file. */
function definitionOf(ctx: RuleContext, link: ChainLink, remotes: Map<string, RemoteFile | null>): FunctionLike | undefined {
  const definition = link.definition;
  const remote = definition ? remoteFile(ctx, definition.file, remotes) : undefined;
  return definition && remote?.validation.analysis.functions.find((fn) => fn.getStart(remote.sourceFile) === definition.start);
}

function definedMiddlewareEffect(ctx: RuleContext, link: ChainLink, remotes: Map<string, RemoteFile | null>): MiddlewareEffect | undefined {
  const definition = link.definition;
  const remote = definition ? remoteFile(ctx, definition.file, remotes) : undefined;
  if (!definition || !remote) return undefined;
  // Every route behind the same auth or parsing middleware asks about it: judged once per lint.
  const known = remote.middleware.get(definition.start);
  if (known !== undefined) return known ?? undefined;
  const analysis = remote.validation.analysis;
  const defined = analysis.functions.find((fn) => fn.getStart(remote.sourceFile) === definition.start);
  // a factory (`const appendUserId = () => (req, res, next) => …`) stands for the middleware it returns, for the
  // fields that sets; what such a middleware checks is judged by its name (`checkRole(['ADMIN'])` testing
  // `req.body.user.role` validates no client input)
  const made = defined && !analysis.handlerOf(defined) ? returnedFunction(defined) : undefined;
  const handler = defined && analysis.handlerOf(made ?? defined);
  const effect = handler?.role === 'middleware' ? middlewareEffect(handler.fn, remote.validation) : undefined;
  if (effect && made) effect.validated = undefined;
  remote.middleware.set(definition.start, effect ?? null);
  return effect;
}

/** The function a factory returns: `() => (req, res, next) => …`, `function f() { return function (req, res, next) { … }; }`. */
function returnedFunction(factory: FunctionLike): FunctionLike | undefined {
  const body = factory.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return isFunctionLike(unwrapExpression(body)) ? (unwrapExpression(body) as FunctionLike) : undefined;
  const last = body.statements[body.statements.length - 1];
  const value = last && ts.isReturnStatement(last) && last.expression ? unwrapExpression(last.expression) : undefined;
  return value && isFunctionLike(value) ? value : undefined;
}

function routeLabel(route: RouteRegistration): string {
  const path = route.path ?? route.pathNode?.getText();
  return path === undefined ? `${route.method} route` : `${route.method} ${path}`;
}

function finding(ctx: RuleContext, handler: HandlerInfo, use: RequestUse, unvalidated: RequestRead[], route: RouteContext): Report {
  const requestName = handler.req ?? (handler.framework === 'fastify' ? 'request' : 'req');
  const parts = [...new Set(unvalidated.map((read) => read.part))];
  const names = parts.map((part) => `\`${requestName}.${part}\``);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const name = handlerName(handler.fn);
  const where = route.label ? `the handler of ${route.label}` : name ? `the handler \`${name}\`` : 'this handler';
  const message = `${list} ${parts.length === 1 ? 'reaches' : 'reach'} ${where} without validation; validate ${parts.length === 1 ? 'it' : 'them'} with a schema.`;
  return { node: unvalidated[0].node, message, fix: buildFix(ctx, handler, use, parts, route) };
}

function buildFix(ctx: RuleContext, handler: HandlerInfo, use: RequestUse, parts: RequestPart[], route: RouteContext): Report['fix'] {
  // a payload read as raw bytes is vetted by its sender's signature, which no object schema stands for
  if (parts.some((part) => use.rawText.has(part))) return undefined;
  const minimal = minimalFix(ctx, handler, use, parts, route);
  const target = ctx.scaffold ? validationTarget(ctx, route) : undefined;
  if (!ctx.scaffold || !target) return minimal;
  const requestName = handler.req ?? (handler.framework === 'fastify' ? 'request' : 'req');
  return validationGeneratorFix(ctx.scaffold, ctx.project.root, target, parts.map((part) => `${requestName}.${part}`).join(' and '), minimal);
}

/** The rule's own fix: a zod check at the top of an Express handler, a schema on a Fastify route (zod where the route is typed with zod). */
function minimalFix(ctx: RuleContext, handler: HandlerInfo, use: RequestUse, parts: RequestPart[], route: RouteContext): Report['fix'] {
  const requestName = handler.req ?? (handler.framework === 'fastify' ? 'request' : 'req');
  const partList = parts.map((part) => `${requestName}.${part}`).join(' and ');
  if (handler.framework === 'fastify') {
    // The schema belongs on the registration, in this file or in the routes file that mounts the handler.
    const registration = route.local ?? route.remote?.route;
    if (!registration) return undefined;
    const fields = parts.map((part) => {
      const tree = use.fields.get(part) ?? emptyField();
      if (part === 'params') addPathParameters(tree, registration.path);
      return { part, fields: tree };
    });
    const file = route.local
      ? { fileName: ctx.fileName, sourceFile: ctx.sourceFile, analysis: ctx.analysis }
      : route.remote && { fileName: route.remote.file, sourceFile: route.remote.sourceFile, analysis: route.remote.validation.analysis };
    if (!file) return undefined;
    const dialect = schemaDialect({ ...file, project: ctx.project }, registration);
    const changes = buildFastifySchemaChanges(file.fileName, file.sourceFile, registration, fields, dialect);
    if (!changes) return undefined;
    return { title: `Add a ${dialect.zod ? 'zod' : 'JSON'} schema for ${partList} to the route`, build: () => changes };
  }
  const response = handler.res;
  if (!response) return undefined;
  const toValidate: PartToValidate[] = [];
  for (const part of parts) {
    const expression = use.partExpression.get(part);
    if (!expression) return undefined;
    const fields = use.fields.get(part) ?? emptyField();
    if (part === 'params') addPathParameters(fields, route.local?.path);
    toValidate.push({ part, fields, expression, assignBack: part === 'body' && canAssignBody(ctx, handler, expression) });
  }
  // Above both the handler and its registration, so the schema is declared before either uses it.
  const anchors = [topLevelStatement(handler.fn), route.local ? topLevelStatement(route.local.call) : undefined].filter((statement): statement is ts.Statement => statement !== undefined);
  const anchor = anchors.sort((a, b) => a.pos - b.pos)[0];
  if (!anchor) return undefined;
  return {
    title: `Validate ${partList} with ${parts.length === 1 ? 'a zod schema' : 'zod schemas'}`,
    build: () =>
      buildZodValidationChanges(ctx, { handler: handler.fn, response, parts: toValidate, schemaBaseName: schemaBaseName(handler, route.local), anchor }),
  };
}

/** `req.body = parsed.data` compiles when `req.body` is `any`: JS, or a request typed without a body type argument. */
function canAssignBody(ctx: RuleContext, handler: HandlerInfo, expression: string): boolean {
  if (expression !== `${handler.req}.body`) return false;
  if (/\.[cm]?jsx?$/.test(ctx.fileName)) return true;
  const type = handler.fn.parameters[0]?.type;
  return !type || (ts.isTypeReferenceNode(type) && !type.typeArguments);
}

function schemaBaseName(handler: HandlerInfo, route: RouteRegistration | undefined): string {
  const name = handlerName(handler.fn)?.replace(/(Handler|Controller|Route)$/, '');
  if (name && !/^(handler|default|anonymous|index)$/i.test(name)) return name;
  if (route) {
    const words = (route.path ?? '').split(/[^A-Za-z0-9]+/).filter(Boolean);
    return route.method.toLowerCase() + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  }
  return 'request';
}

/** The function's own name, or the name it is stored under through a wrapper: `const create = asyncHandler(async (req, res) => …)`. */
function handlerName(fn: FunctionLike): string | undefined {
  const own = functionName(fn);
  if (own) return own;
  let current: ts.Node = fn;
  while (ts.isCallExpression(current.parent) && current.parent.arguments.some((argument) => argument === current)) current = current.parent;
  if (current === fn) return undefined;
  const parent = current.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
  if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
  return undefined;
}

function topLevelStatement(node: ts.Node): ts.Statement | undefined {
  let current: ts.Node = node;
  while (current.parent && !ts.isSourceFile(current.parent)) current = current.parent;
  return current.parent ? (current as ts.Statement) : undefined;
}

/** `/users/:owner/files/:name` names the params the router fills: strings, always present. */
function addPathParameters(fields: FieldNode, path: string | undefined): void {
  for (const match of (path ?? '').matchAll(/:([A-Za-z_$][\w$]*)/g)) {
    if (!fields.children.has(match[1])) fields.children.set(match[1], { type: 'string', optional: false, whole: false, children: new Map() });
  }
}

function emptyField(): FieldNode {
  return { type: 'unknown', optional: false, whole: true, children: new Map() };
}
