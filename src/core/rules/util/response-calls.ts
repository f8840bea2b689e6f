import ts from 'typescript';
import { forEachDescendant } from '../../analysis/descendants';
import { alwaysExits, isFunctionLike, memberPath, unwrapExpression, type FunctionLike } from '../../analysis/syntax';
import { readStatus, type StatusValue } from './http-status';
import { localFunction } from './local-binding';

/**
 * Reads response call chains — `res.status(404).json(x)`, `res.set(h).send(x)`, `reply.code(201).send(x)`,
 * `res.sendStatus(204)`, `res.statusCode = 500` — out of a request handler, for any rule that needs
 * to know what a handler answers. Syntax only: the response object is the handler's parameter,
 * followed into nested callbacks until a parameter or variable of the same name shadows it.
 */

/** Calls that send (or hand off) the response. */
export const SENDING_METHODS: ReadonlySet<string> = new Set([
  'send', 'json', 'jsonp', 'end', 'sendStatus', 'redirect', 'render', 'sendFile', 'download', 'view', 'callNotFound', 'format',
]);
/** Calls that set the status code: Express `status`, Fastify `code` / `status`. */
export const STATUS_METHODS: ReadonlySet<string> = new Set(['status', 'code']);
/** Calls that return the response and change only headers, so a chain may go on after them. */
export const HEADER_METHODS: ReadonlySet<string> = new Set([
  'set', 'header', 'headers', 'type', 'contentType', 'cookie', 'clearCookie', 'location', 'vary', 'append', 'links',
  'attachment', 'removeHeader', 'setCookie', 'serializer', 'charset',
]);

/**
 * @fastify/sensible's reply helpers: each answers with its error status and the message it is
 * given (`reply.internalServerError(message)`), so it both sets the status and sends.
 */
const ERROR_REPLY_STATUS: ReadonlyMap<string, number> = new Map([
  ['badRequest', 400], ['unauthorized', 401], ['paymentRequired', 402], ['forbidden', 403], ['notFound', 404], ['methodNotAllowed', 405],
  ['notAcceptable', 406], ['proxyAuthenticationRequired', 407], ['requestTimeout', 408], ['conflict', 409], ['gone', 410], ['lengthRequired', 411],
  ['preconditionFailed', 412], ['payloadTooLarge', 413], ['uriTooLong', 414], ['unsupportedMediaType', 415], ['rangeNotSatisfiable', 416],
  ['expectationFailed', 417], ['imateapot', 418], ['misdirectedRequest', 421], ['unprocessableEntity', 422], ['locked', 423], ['failedDependency', 424],
  ['tooEarly', 425], ['upgradeRequired', 426], ['preconditionRequired', 428], ['tooManyRequests', 429], ['requestHeaderFieldsTooLarge', 431],
  ['unavailableForLegalReasons', 451], ['internalServerError', 500], ['notImplemented', 501], ['badGateway', 502], ['serviceUnavailable', 503],
  ['gatewayTimeout', 504], ['httpVersionNotSupported', 505], ['variantAlsoNegotiates', 506], ['insufficientStorage', 507], ['loopDetected', 508],
  ['bandwidthLimitExceeded', 509], ['notExtended', 510], ['networkAuthenticationRequired', 511],
]);

export interface ResponseLink {
  name: string;
  call: ts.CallExpression;
  args: readonly ts.Expression[];
}

export interface ResponseChain {
  /** The response identifier the chain starts at. */
  receiver: ts.Identifier;
  /** The calls in the order they run: `res.status(404)` first, `.json(x)` last. */
  links: ResponseLink[];
  /** The outermost call (the whole chain). */
  outer: ts.CallExpression;
  /** The last `status()` / `code()` call of the chain. */
  statusLink?: ResponseLink;
  status?: StatusValue;
  /** The sending call, when the chain has one (`send`, `json`, `end`, `redirect`, …). */
  terminal?: ResponseLink;
  /** Whether every link is a status, header or sending call (nothing unknown like `res.locals…`). */
  recognised: boolean;
}

/** `res.statusCode = 500` / `reply.statusCode = 201`. */
export interface StatusAssignment {
  receiver: ts.Identifier;
  assignment: ts.BinaryExpression;
  status: StatusValue;
}

/** Whether the call is the outermost call of a `a.b().c()` chain (nothing chained onto it). */
export function isOutermostCall(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return !(ts.isPropertyAccessExpression(parent) && parent.expression === node && ts.isCallExpression(parent.parent) && parent.parent.expression === parent);
}

/** Reads a chain ending at `call` (its outermost call) that starts at an identifier named `receiverName`. */
export function readResponseChain(call: ts.CallExpression, receiverName: string): ResponseChain | undefined {
  const links: ResponseLink[] = [];
  let node: ts.Expression = call;
  for (;;) {
    node = unwrapExpression(node);
    if (ts.isCallExpression(node)) {
      const callee = unwrapExpression(node.expression);
      if (!ts.isPropertyAccessExpression(callee)) return undefined;
      links.push({ name: callee.name.text, call: node, args: node.arguments });
      node = callee.expression;
      continue;
    }
    break;
  }
  if (!ts.isIdentifier(node) || node.text !== receiverName || links.length === 0) return undefined;
  links.reverse();
  const chain: ResponseChain = { receiver: node, links, outer: call, recognised: true };
  for (const [index, link] of links.entries()) {
    if (STATUS_METHODS.has(link.name)) {
      chain.statusLink = link;
      chain.status = link.args[0] ? readStatus(link.args[0]) : undefined;
    } else if (SENDING_METHODS.has(link.name)) {
      chain.terminal ??= link;
      // anything after the sending call (`res.json(x).status(200)`) runs too late to matter
      if (index < links.length - 1) chain.recognised = false;
    } else if (!HEADER_METHODS.has(link.name)) {
      chain.recognised = false;
    }
  }
  if (chain.terminal && chain.statusLink && links.indexOf(chain.statusLink) > links.indexOf(chain.terminal)) {
    chain.statusLink = undefined;
    chain.status = undefined;
  }
  // Express 4's deprecated `res.send(500, err)`: the status comes first, what is sent second
  const terminal = chain.terminal;
  if (terminal && !chain.statusLink && legacyStatusFirst(terminal)) {
    chain.statusLink = terminal;
    chain.status = readStatus(terminal.args[0]);
  }
  return chain;
}

/** A chain ending in a reply helper that sends an HTTP error: `reply.internalServerError(message)`, `reply.getHttpError(500, message)`. */
export interface ErrorReply {
  link: ResponseLink;
  status: StatusValue;
  /** The message the helper sends, when given. */
  message?: ts.Expression;
}

export function errorReplyOf(chain: ResponseChain): ErrorReply | undefined {
  const last = chain.links[chain.links.length - 1];
  if (chain.terminal || chain.links.slice(0, -1).some((link) => !HEADER_METHODS.has(link.name) && !STATUS_METHODS.has(link.name))) return undefined;
  const code = ERROR_REPLY_STATUS.get(last.name);
  if (code !== undefined) return { link: last, status: { kind: 'number', value: code, node: last.call }, message: last.args[0] };
  if (last.name === 'getHttpError' && last.args[0]) return { link: last, status: readStatus(last.args[0]), message: last.args[1] };
  return undefined;
}

/**
 * An HTTP error made by @fastify/sensible's factory: `fastify.httpErrors.internalServerError(message)`,
 * `this.httpErrors.createError(500, message)`. Thrown or returned from a handler, the error handler
 * answers with its status and message, as the reply helpers do.
 */
export function httpErrorOf(call: ts.CallExpression): ErrorReply | undefined {
  const callee = unwrapExpression(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const factory = unwrapExpression(callee.expression);
  const isFactory = ts.isPropertyAccessExpression(factory) ? factory.name.text === 'httpErrors' : ts.isIdentifier(factory) && factory.text === 'httpErrors';
  if (!isFactory) return undefined;
  const link: ResponseLink = { name: callee.name.text, call, args: call.arguments };
  const code = ERROR_REPLY_STATUS.get(link.name);
  if (code !== undefined) return { link, status: { kind: 'number', value: code, node: call }, message: call.arguments[0] };
  if (link.name === 'createError' && call.arguments[0]) return { link, status: readStatus(call.arguments[0]), message: call.arguments[1] };
  return undefined;
}

/** Whether a name is rebound by a function's parameters or declarations (so the outer response is shadowed). */
function shadows(fn: FunctionLike, name: string): boolean {
  const bound = (binding: ts.BindingName): boolean => {
    if (ts.isIdentifier(binding)) return binding.text === name;
    return binding.elements.some((element) => !ts.isOmittedExpression(element) && bound(element.name));
  };
  if (fn.parameters.some((parameter) => bound(parameter.name))) return true;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && bound(node.name)) found = true;
    else if (!isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  if (fn.body) ts.forEachChild(fn.body, visit);
  return found;
}

/**
 * Every response chain and `statusCode` assignment on `resName` in a handler's body, nested callbacks
 * included (a `.then(user => res.json(user))` still answers the request), in source order.
 */
export function responseChainsIn(fn: FunctionLike, resName: string): { chains: ResponseChain[]; assignments: StatusAssignment[] } {
  const chains: ResponseChain[] = [];
  const assignments: StatusAssignment[] = [];
  const visit = (node: ts.Node): boolean => {
    if (isFunctionLike(node) && shadows(node, resName)) return false;
    if (ts.isCallExpression(node) && isOutermostCall(node)) {
      const chain = readResponseChain(node, resName);
      if (chain) chains.push(chain);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrapExpression(node.left);
      if (ts.isPropertyAccessExpression(left) && left.name.text === 'statusCode') {
        const object = unwrapExpression(left.expression);
        if (ts.isIdentifier(object) && object.text === resName) assignments.push({ receiver: object, assignment: node, status: readStatus(node.right) });
      }
    }
    return true;
  };
  // a concise arrow's body may be the chain itself: `async (request, reply) => reply.redirect(301, url)`
  if (fn.body && visit(fn.body)) forEachDescendant(fn.body, visit);
  return { chains, assignments };
}

/** A statement that only sets the status: `res.status(404);`, `res.status(404).set(h);`, `res.statusCode = 404;`. */
export function loneStatusOf(statement: ts.Statement, resName: string): { node: ts.Node; status: StatusValue; chain?: ResponseChain } | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const expression = unwrapExpression(statement.expression);
  // Node's own `res.writeHead(500, headers);`, as Express and Fastify handlers may call it
  if (ts.isCallExpression(expression) && expression.arguments[0] && memberPath(expression.expression)?.join('.') === `${resName}.writeHead`) {
    return { node: expression, status: readStatus(expression.arguments[0]) };
  }
  if (ts.isCallExpression(expression)) {
    const chain = readResponseChain(expression, resName);
    if (chain?.statusLink && chain.status && !chain.terminal && chain.recognised) return { node: chain.statusLink.call, status: chain.status, chain };
  } else if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = unwrapExpression(expression.left);
    if (ts.isPropertyAccessExpression(left) && left.name.text === 'statusCode' && ts.isIdentifier(unwrapExpression(left.expression)) && (unwrapExpression(left.expression) as ts.Identifier).text === resName) {
      return { node: expression, status: readStatus(expression.right) };
    }
  }
  return undefined;
}

/** Whether a node mentions the response in a way that may change its status (a status call, a `statusCode` write, handing it to a function). */
export function touchesStatus(node: ts.Node, resName: string, depth = 0): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(child) && child.text === resName) {
      const parent = child.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === child) {
        if (parent.name.text === 'statusCode' || parent.name.text === 'writeHead') found = true;
        // a status call that is part of a sending chain ends that path; only a status left set matters
        else if (STATUS_METHODS.has(parent.name.text) && !sendsAfter(parent, resName)) found = true;
      } else if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(child)) {
        // `csv.pipe(res)` streams a body: the status stays what it was
        found = !(ts.isCallExpression(parent) && (isPipeInto(parent) || leavesStatus(parent, parent.arguments.indexOf(child), depth)));
      } else if (ts.isShorthandPropertyAssignment(parent) || ts.isPropertyAssignment(parent)) {
        found = true;
      }
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function isPipeInto(call: ts.CallExpression): boolean {
  const callee = unwrapExpression(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'pipe' && call.arguments.length === 1;
}

/**
 * A function of this file handed the response that never sets its status: `const userId = (res) =>
 * res.locals.user.sub`. Any other callee may set it.
 */
function leavesStatus(call: ts.CallExpression, index: number, depth: number): boolean {
  if (depth >= 2) return false;
  const fn = localFunction(call.expression);
  const parameter = fn?.parameters[index];
  if (!fn?.body || !parameter || !ts.isIdentifier(parameter.name) || parameter.dotDotDotToken) return false;
  return !touchesStatus(fn.body, parameter.name.text, depth + 1);
}

/** Whether the chain a `res.status` access belongs to goes on to send. */
function sendsAfter(access: ts.PropertyAccessExpression, resName: string): boolean {
  let node: ts.Node = access;
  while (
    (ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) ||
    (ts.isCallExpression(node.parent) && node.parent.expression === node) ||
    ts.isParenthesizedExpression(node.parent)
  ) {
    node = node.parent;
  }
  if (!ts.isCallExpression(node)) return false;
  return readResponseChain(node, resName)?.terminal !== undefined;
}

/** The statement that holds `node` directly inside a block, a case clause or the source file. */
export function enclosingStatement(node: ts.Node): ts.Statement | undefined {
  let current: ts.Node = node;
  while (current.parent) {
    const parent = current.parent;
    if ((ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isModuleBlock(parent)) && isStatement(current)) {
      return current;
    }
    // a braceless `if (x) return res.json(y)` branch is its own statement
    if ((ts.isIfStatement(parent) && current !== parent.expression) || ts.isIterationStatement(parent, false) || ts.isLabeledStatement(parent)) {
      if (isStatement(current)) return current;
    }
    current = parent;
  }
  return undefined;
}

function isStatement(node: ts.Node): node is ts.Statement {
  return ts.isExpressionStatement(node) || ts.isReturnStatement(node) || ts.isIfStatement(node) || ts.isVariableStatement(node) || ts.isBlock(node) ||
    ts.isTryStatement(node) || ts.isThrowStatement(node) || ts.isSwitchStatement(node) || ts.isForStatement(node) || ts.isForOfStatement(node) ||
    ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node) || ts.isLabeledStatement(node) || ts.isFunctionDeclaration(node) ||
    ts.isEmptyStatement(node) || ts.isBreakStatement(node) || ts.isContinueStatement(node) || ts.isClassDeclaration(node);
}

/** Statements that run before `statement` in its block, nearest first. */
function previousSiblings(statement: ts.Statement): ts.Statement[] {
  const parent = statement.parent;
  const list = ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isModuleBlock(parent) ? parent.statements : undefined;
  if (!list) return [];
  const index = list.indexOf(statement);
  return index <= 0 ? [] : list.slice(0, index).reverse();
}

/** The status a chain answers with. */
export type EffectiveStatus =
  | { kind: 'chain'; status: StatusValue; node: ts.CallExpression }
  /** Set by an earlier statement: `res.status(404);` then `res.json(x)`. */
  | { kind: 'earlier'; status: StatusValue; node: ts.Node }
  /** Nothing sets it: the framework's default (200, or 302 for redirects). */
  | { kind: 'implicit' }
  /** Something may have set it that syntax cannot follow (a conditional status call, `res` handed to a helper). */
  | { kind: 'unknown' };

/**
 * Works out the status a sending chain answers with: its own `status()` link, else a status-only
 * statement before it on the same path (walking up through enclosing blocks to the handler), else
 * the default. Any earlier statement that may touch the status in a way syntax cannot follow makes it unknown.
 */
export function effectiveStatus(chain: ResponseChain, handler: FunctionLike): EffectiveStatus {
  if (chain.statusLink && chain.status) return { kind: 'chain', status: chain.status, node: chain.statusLink.call };
  return statusBefore(chain.outer, chain.receiver.text, handler);
}

/** The status set before `node` on its path through `handler`, for a sending expression found at `node`. */
export function statusBefore(node: ts.Node, resName: string, handler: FunctionLike): EffectiveStatus {
  const body = handler.body;
  if (!body || !ts.isBlock(body)) return { kind: 'implicit' };
  const inside = (candidate: ts.Node): boolean => candidate.pos >= body.pos && candidate.end <= body.end && candidate !== body;
  let statement = enclosingStatement(node);
  while (statement && inside(statement)) {
    for (const previous of previousSiblings(statement)) {
      const lone = loneStatusOf(previous, resName);
      if (lone) return { kind: 'earlier', status: lone.status, node: lone.node };
      // `if (error) { reply.code(400); return { error } }`: a status set on a path that left does not reach here
      if (ts.isIfStatement(previous) && !previous.elseStatement && alwaysExits(previous.thenStatement) && !touchesStatus(previous.expression, resName)) continue;
      if (touchesStatus(previous, resName)) return { kind: 'unknown' };
    }
    const container = statement.parent;
    if (container === body) break;
    statement = enclosingStatement(container);
  }
  return { kind: 'implicit' };
}

/** The body a sending link sends (`json(x)` / `send(x)` → x, `send(500, x)` → x), undefined for none. */
export function sentBody(link: ResponseLink | undefined): ts.Expression | undefined {
  if (!link || (link.name !== 'json' && link.name !== 'send' && link.name !== 'jsonp')) return undefined;
  return legacyStatusFirst(link) ? link.args[1] : link.args[0];
}

/** `res.send(500, err)`, `res.json(404, { … })`: Express 4's deprecated signature, the status before the body. */
export function legacyStatusFirst(link: ResponseLink): boolean {
  const first = link.args[0] && unwrapExpression(link.args[0]);
  return (link.name === 'send' || link.name === 'json' || link.name === 'jsonp') && link.args.length === 2 && first !== undefined && ts.isNumericLiteral(first);
}

/** Whether an expression sends nothing: absent, `undefined`, `null`, `''`. */
export function isEmptyBody(node: ts.Expression | undefined): boolean {
  if (!node) return true;
  const value = unwrapExpression(node);
  if (value.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(value) && value.text === 'undefined') return true;
  if (ts.isVoidExpression(value)) return true;
  return (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && value.text === '';
}
