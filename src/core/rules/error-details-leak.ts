import ts from 'typescript';
import { forEachDescendant } from '../analysis/descendants';
import { isFunctionLike, memberPath, parameterTypeName, unwrapExpression, type FunctionLike } from '../analysis/syntax';
import type { HandlerInfo } from '../analysis/types';
import type { Rule, RuleContext } from '../lint/rule';
import type { Fix } from '../model/finding';
import type { Framework } from '../model/rule-meta';
import { isFastifyOnly } from '../project/project-info';
import { isValidStatus, readStatus, statusNumber, type StatusValue } from './util/http-status';
import { assignedValues, localPropertyInitializer, resolveLocal } from './util/local-binding';
import { effectiveStatus, errorReplyOf, httpErrorOf, isOutermostCall, legacyStatusFirst, readResponseChain, statusBefore, type EffectiveStatus, type ErrorReply, type ResponseChain } from './util/response-calls';
import { classifyCondition, errorPartSent, errorRef, findLeaks, helperPassesOn, isEmptiedBefore, LEVEL_RANK, pathConditions, type Leak } from './util/error-values';
import { projectFunction } from './util/imported-value';
import { responseHelperOf } from './util/response-helper';
import { canPlaceErrorResponseFix, genericErrorResponseEdits, type GenericErrorResponseRequest } from './util/error-response-fix';
import { skipsTestFile } from './util/test-context';

/** How the response's status relates to the error: a deliberate 4xx, a 5xx, a fallback to 500 (`err.status || 500`), none at all, or unknowable. */
type StatusClass = 'client' | 'server' | 'server-fallback' | 'success' | 'none' | 'unknown';

const PAYLOAD_METHODS = new Set(['send', 'json', 'jsonp', 'end']);
const RESPONSE_NAMES = /^(res|response|resp|reply|rep)$/;
/** Names of project helpers that send a response they are given: `sendError`, `responseError`, `apiResponse.fail`, `handleError`. */
const SEND_HELPER = /send|respon|reply|error|fail|json/i;

interface ResponseOwner {
  fn: FunctionLike;
  framework: Framework;
  requestName?: string;
}

const rule: Rule = {
  meta: {
    id: 'error-details-leak',
    description: 'Disallow sending stack traces, raw error objects and messages of unexpected errors to clients',
    category: 'security',
    defaultSeverity: 'warning',
    frameworks: ['express', 'fastify'],
    fixable: true,
  },
  scope: 'handler',
  create(ctx) {
    // mock servers in tests answer with whatever helps debugging; browser scripts answer nothing
    if (skipsTestFile(ctx) || ctx.isBrowserAsset) return {};
    const checkCall = (call: ts.CallExpression): void => {
      if (!isOutermostCall(call)) return;
      const httpError = httpErrorOf(call);
      if (httpError) {
        checkThrownHttpError(call, httpError);
        return;
      }
      const receiver = chainReceiver(call);
      if (!receiver) {
        checkSendHelper(call);
        return;
      }
      const chain = readResponseChain(call, receiver.text);
      const errorReply = chain && errorReplyOf(chain);
      if (chain && errorReply) {
        checkErrorReply(call, chain, errorReply);
        return;
      }
      if (chain?.links.length === 1 && chain.links[0].name === 'write') {
        checkStreamWrite(call, chain);
        return;
      }
      // `res.render('error', { message: err.message, error: err })`: the template shows what it is given (the
      // generated error page prints `error.stack`); no fix, the template decides what the locals become
      const rendered = chain?.terminal?.name === 'render' && chain.recognised;
      if (!chain?.terminal || !chain.recognised || (!PAYLOAD_METHODS.has(chain.terminal.name) && !rendered)) return;
      const payload = chain.terminal.args[rendered || legacyStatusFirst(chain.terminal) ? 1 : 0];
      if (!payload) return;
      const owner = responseOwner(ctx, chain.receiver);
      if (!owner) return;
      // Fastify: reply.send(err) hands the error to the error handler (like `throw err`), which never sends the stack
      if ((owner.framework === 'fastify' || isFastifyOnly(ctx.project)) && isBareError(ctx, payload)) return;
      // The status is read only for payloads that leak something: most responses do not.
      const status = once(() => effectiveStatus(chain, owner.fn));
      // a page rendered with the error and no server status is a form showing what went wrong
      // (`res.render('login', { err })`); its template picks the fields, so only an error page counts
      const flagged = flaggedLeaks(ctx, payload, call, owner.fn, status).filter((leak) => !rendered || leak.level === 'stack' || /^server/.test(classifyStatus(status()).kind));
      if (flagged.length === 0) return;
      report(ctx, call, flagged, status(), owner, rendered ? undefined : { chain, payload });
    };

    /**
     * A project helper given the response and what to send: `responseError(reply, err.message, 500, err)`.
     * It answers with what it is handed; a whole error it may reduce to safe fields, so only messages and stacks count.
     */
    const checkSendHelper = (call: ts.CallExpression): void => {
      const name = memberPath(unwrapExpression(call.expression))?.join('.');
      if (!name || !SEND_HELPER.test(name) || /(^|\.)(log|logger|console)(\.|$)/i.test(name) || call.arguments.length < 2) return;
      const response = call.arguments.find((argument) => ts.isIdentifier(argument) && RESPONSE_NAMES.test(argument.text));
      const owner = response && ts.isIdentifier(response) ? responseOwner(ctx, response) : undefined;
      if (!owner) return;
      // the status the helper sends: the argument for its status parameter, or the default it falls back to
      // (`sendError(res, message, statusCode = 500)`); else a number given, or a variable named for it
      // (`fail(res, statusCode, message)`), whose fallback to 500 counts
      const helperFunction = projectFunction(ctx, call.expression);
      const source = helperFunction ? responseHelperOf(helperFunction)?.status : undefined;
      const fromHelper = source?.kind === 'parameter' ? (call.arguments[source.index] ?? source.fallback) : source?.kind === 'fixed' ? source.value : undefined;
      const code =
        (fromHelper && readStatus(fromHelper)) ??
        call.arguments.map((argument) => readStatus(argument)).find((value) => statusNumber(value) !== undefined && isValidStatus(statusNumber(value) ?? 0)) ??
        call.arguments.filter((argument) => /^(status|statusCode|code|httpStatus|httpCode)$/.test(memberPath(unwrapExpression(argument))?.pop() ?? '')).map((argument) => readStatus(argument))[0];
      const status = (): EffectiveStatus => (code ? { kind: 'chain', status: code, node: call } : { kind: 'unknown' });
      const flagged = call.arguments
        .filter((argument) => argument !== response && helperPassesOn(call, argument) !== false)
        .flatMap((argument) => flaggedLeaks(ctx, argument, call, owner.fn, status))
        .filter((leak) => leak.level !== 'raw');
      if (flagged.length > 0) {
        report(ctx, call, flagged, status(), owner, undefined);
        return;
      }
      // the whole error handed over: what the helper keeps of it, when the project's code can be read
      const helper = helperFunction;
      for (const [index, argument] of call.arguments.entries()) {
        const whole = helper ? errorRef(argument, ctx.analysis) : undefined;
        const kept = whole?.level === 'raw' && helper ? errorPartSent(helper, index) : undefined;
        if (!whole || !kept) continue;
        const leak: Leak = { ...whole, level: kept, text: kept === 'raw' ? whole.text : `${whole.text}.${kept}`, node: unwrapExpression(argument), devOnly: false, guarded: false };
        const serverError = classifyStatus(status()).kind === 'server';
        if ((kept === 'stack' || serverError) && !pathConditions(call, owner.fn, ctx.analysis).devOnly) {
          report(ctx, call, [leak], status(), owner, undefined);
          return;
        }
      }
    };

    /** `reply.internalServerError(err.message)`: @fastify/sensible sends the message it is given with the helper's status. */
    const checkErrorReply = (call: ts.CallExpression, chain: ResponseChain, errorReply: ErrorReply): void => {
      const payload = errorReply.message;
      const owner = payload && responseOwner(ctx, chain.receiver);
      if (!payload || !owner) return;
      const status = (): EffectiveStatus => ({ kind: 'chain', status: errorReply.status, node: errorReply.link.call });
      const flagged = flaggedLeaks(ctx, payload, call, owner.fn, status);
      if (flagged.length > 0) report(ctx, call, flagged, status(), owner, { chain, payload, messageOnly: true });
    };

    /**
     * `res.write(\`data: ${JSON.stringify({ error: err.message })}\n\n\`)` in a streaming (SSE) handler: the
     * headers went out with 200 long before, so the frame is judged with the status in force. No fix:
     * the frame format is the handler's own.
     */
    const checkStreamWrite = (call: ts.CallExpression, chain: ResponseChain): void => {
      const payload = chain.links[0].args[0];
      const owner = payload && responseOwner(ctx, chain.receiver);
      if (!payload || !owner) return;
      const status = once((): EffectiveStatus => statusBefore(call, chain.receiver.text, owner.fn));
      const flagged = flaggedLeaks(ctx, payload, call, owner.fn, status);
      if (flagged.length > 0) report(ctx, call, flagged, status(), owner, undefined);
    };

    /** `throw fastify.httpErrors.internalServerError(err.message)` in a Fastify handler: the error handler sends that message. */
    const checkThrownHttpError = (call: ts.CallExpression, httpError: ErrorReply): void => {
      const payload = httpError.message;
      let statement: ts.Node = call.parent;
      while (ts.isParenthesizedExpression(statement) || ts.isAwaitExpression(statement)) statement = statement.parent;
      if (!payload || (!ts.isThrowStatement(statement) && !ts.isReturnStatement(statement))) return;
      // thrown from the handler itself or from a callback inside it (`.catch((err) => { throw fastify.httpErrors… })`)
      let fn = enclosingFunction(call);
      for (let depth = 0; fn && !ctx.analysis.handlerOf(fn) && ts.isCallExpression(fn.parent) && depth < 3; depth++) fn = enclosingFunction(fn);
      const handler = fn && ctx.analysis.handlerOf(fn);
      if (!fn || handler?.framework !== 'fastify' || handler.role !== 'handler') return;
      const status = (): EffectiveStatus => ({ kind: 'chain', status: httpError.status, node: call });
      const flagged = flaggedLeaks(ctx, payload, call, fn, status);
      if (flagged.length > 0) report(ctx, call, flagged, status(), { fn, framework: 'fastify', requestName: handler.req }, { send: call, payload, messageOnly: true });
    };

    const checkReturn = (statement: ts.ReturnStatement): void => {
      const payload = statement.expression;
      if (!payload) return;
      const fn = enclosingFunction(statement);
      if (!fn) return;
      const handler = ctx.analysis.handlerOf(fn);
      if (handler?.framework !== 'fastify' || (handler.role !== 'handler' && handler.role !== 'error-handler')) return;
      // returning an Error from an async handler is the framework's error path too
      if (isBareError(ctx, payload)) return;
      // `return reply.code(500).send(x)`, `return reply.badRequest(x)`: the send itself is judged
      if (ts.isCallExpression(unwrapExpression(payload)) && chainReceiver(unwrapExpression(payload) as ts.CallExpression)?.text === handler.res) return;
      const reply = handler.res;
      const status = once((): EffectiveStatus => (reply ? statusBefore(statement, reply, fn) : { kind: 'implicit' }));
      const flagged = flaggedLeaks(ctx, payload, statement, fn, status);
      if (flagged.length === 0) return;
      report(ctx, payload, flagged, status(), { fn, framework: 'fastify', requestName: handler.req }, { returnReply: handler.res, payload });
    };

    return {
      nodes: {
        [ts.SyntaxKind.CallExpression]: (node) => checkCall(node as ts.CallExpression),
        [ts.SyntaxKind.ReturnStatement]: (node) => checkReturn(node as ts.ReturnStatement),
      },
    };
  },
};

/** The identifier a call chain starts at: `res` in `res.status(500).json(x)`. */
function chainReceiver(call: ts.CallExpression): ts.Identifier | undefined {
  let node: ts.Expression = call;
  for (;;) {
    node = unwrapExpression(node);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(unwrapExpression(node.expression))) {
      node = (unwrapExpression(node.expression) as ts.PropertyAccessExpression).expression;
    } else {
      break;
    }
  }
  return ts.isIdentifier(node) ? node : undefined;
}

/** The request handler whose response parameter the identifier is. */
function responseOwner(ctx: RuleContext, receiver: ts.Identifier): ResponseOwner | undefined {
  const binding = resolveLocal(receiver);
  if (binding?.kind !== 'parameter' || !isFunctionLike(binding.fn)) return undefined;
  const fn = binding.fn;
  const handler: HandlerInfo | undefined = ctx.analysis.handlerOf(fn);
  if (handler && handler.res === receiver.text) return { fn, framework: handler.framework, requestName: handler.req };
  const index = fn.parameters.indexOf(binding.parameter);
  const type = parameterTypeName(binding.parameter);
  const fastify = type === 'FastifyReply' || /^(reply|rep)$/.test(receiver.text);
  const typed = type !== undefined && /(Response|Reply)$/.test(type);
  // `res` / `reply` may come first in a helper (`sendError(res, err)`); `response` first is more likely a fetch Response
  const named = RESPONSE_NAMES.test(receiver.text) && (index >= 1 || /^(res|reply)$/.test(receiver.text));
  if (!typed && !named) return undefined;
  const framework: Framework = fastify ? 'fastify' : (ctx.analysis.framework ?? ctx.project.framework ?? 'express');
  const requestParameter = fn.parameters[index - 1];
  const requestName = requestParameter && ts.isIdentifier(requestParameter.name) && /^(req|request)$/.test(requestParameter.name.text) ? requestParameter.name.text : undefined;
  return { fn, framework, requestName };
}

function enclosingFunction(node: ts.Node): FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionLike(current)) return current;
  return undefined;
}

/** `err` itself (or an alias of it) as the whole payload. */
function isBareError(ctx: RuleContext, payload: ts.Expression): boolean {
  const value = unwrapExpression(payload);
  return ts.isIdentifier(value) && errorRef(value, ctx.analysis)?.level === 'raw';
}

function classifyStatus(status: EffectiveStatus): { kind: StatusClass; text?: string } {
  if (status.kind === 'implicit') return { kind: 'none' };
  if (status.kind === 'unknown') return { kind: 'unknown' };
  return classifyStatusValue(status.status);
}

function classifyStatusValue(status: StatusValue): { kind: StatusClass; text?: string } {
  // a reply helper's status is implied by its name (`reply.internalServerError(…)`): say the number
  const text = status.kind === 'number' && ts.isCallExpression(status.node) ? String(status.value) : status.node.getText();
  if (status.kind === 'number' || status.kind === 'constant') {
    if (status.value >= 500) return { kind: 'server', text };
    if (status.value >= 400) return { kind: 'client', text };
    return { kind: 'success', text };
  }
  if (status.kind === 'string') return { kind: 'unknown' };
  return fallsBackTo5xx(status.node, 0) ? { kind: 'server-fallback', text } : { kind: 'unknown' };
}

/** `err.status || 500`, `err.statusCode ?? 500`, `statusCode` from `const statusCode = err.statusCode || 500`. */
function fallsBackTo5xx(expression: ts.Expression, depth: number): boolean {
  // a property of a local object, its initializer, the `||` in it: `displayedError.statusCode` ← `{ statusCode }` ← `err.statusCode || 500`
  if (depth > 4) return false;
  const value = unwrapExpression(expression);
  if (ts.isNumericLiteral(value)) return Number(value.text) >= 500;
  if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.BarBarToken || value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return fallsBackTo5xx(value.right, depth + 1);
  }
  if (ts.isConditionalExpression(value)) return fallsBackTo5xx(value.whenTrue, depth + 1) || fallsBackTo5xx(value.whenFalse, depth + 1);
  if (ts.isIdentifier(value)) {
    const binding = resolveLocal(value);
    if (binding?.kind === 'variable' && binding.declaration.initializer) return fallsBackTo5xx(binding.declaration.initializer, depth + 1);
    if (binding?.kind === 'binding-element' && binding.element.initializer) return fallsBackTo5xx(binding.element.initializer, depth + 1);
  }
  if (ts.isPropertyAccessExpression(value)) {
    const assigned = localPropertyInitializer(value) ?? propertySetBefore(value) ?? statusSetByCallers(value);
    if (assigned) return fallsBackTo5xx(assigned, depth + 1);
    // `error.statusCode` of `error = new ApiError(statusCode, message)`, `const statusCode = error.statusCode || 500`
    const owner = unwrapExpression(value.expression);
    const binding = ts.isIdentifier(owner) && /^(status|statusCode|httpStatus)$/.test(value.name.text) ? resolveLocal(owner) : undefined;
    const rewrapped = binding?.kind === 'variable' ? assignedValues(binding.declaration) : undefined;
    if (rewrapped?.some((wrapper) => ts.isNewExpression(unwrapExpression(wrapper)) && ((unwrapExpression(wrapper) as ts.NewExpression).arguments ?? []).some((argument) => fallsBackTo5xx(argument, depth + 1)))) return true;
  }
  const read = readStatus(value);
  return (read.kind === 'number' || read.kind === 'constant') && read.value >= 500;
}

/**
 * A response helper that the file calls only behind a development check: `const sendErrorDev =
 * (err, res) => res.status(err.statusCode).json({ stack: err.stack })` with every
 * `sendErrorDev(err, res)` under `if (process.env.NODE_ENV === 'development')`.
 */
/** `function name`, `const name = …`, `{ name: … }`, `exports.name = …`. */
function declaredName(fn: FunctionLike): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isBinaryExpression(parent) && parent.right === fn && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
  return undefined;
}

/** express-generator's `if (app.get('env') === 'development') { app.use(function (err, req, res, next) { … }) }`. */
function registeredOnlyInDevelopment(ctx: RuleContext, fn: FunctionLike): boolean {
  const registration = fn.parent;
  return ts.isCallExpression(registration) && registration.arguments.includes(fn as ts.Expression) && pathConditions(registration, ctx.sourceFile, ctx.analysis).devOnly;
}

function calledOnlyInDevelopment(ctx: RuleContext, fn: FunctionLike): boolean {
  const name = declaredName(fn);
  if (name === undefined) return false;
  // the development handler of the widely copied `errorHandlers.developmentErrors` / `productionErrors` pair, registered from another file
  if (/^dev(elopment)?_?errors?(_?handler)?$/i.test(name)) return true;
  const isName = (node: ts.Expression): boolean => {
    const value = unwrapExpression(node);
    return ts.isIdentifier(value) && value.text === name;
  };
  // called (`sendErrorDev(err, res)`) or registered (`app.use(developmentErrors)`) by name
  const uses = ctx.analysis.calls.filter((call) => isName(call.expression) || call.arguments.some(isName));
  // or picked by an environment check: `const serverError = IS_PROD ? serverErrorInProd : serverErrorInDev`
  const picks = ctx.text.includes('?') ? ctx.analysis.nodes.filter((node): node is ts.ConditionalExpression => ts.isConditionalExpression(node) && (isName(node.whenTrue) || isName(node.whenFalse))) : [];
  return (uses.length > 0 || picks.length > 0) &&
    uses.every((call) => {
      const caller = enclosingFunction(call);
      return caller !== fn && pathConditions(call, caller ?? ctx.sourceFile, ctx.analysis).devOnly;
    }) &&
    picks.every((pick) => classifyCondition(pick.condition, isName(pick.whenTrue), ctx.analysis).devOnly);
}

/**
 * The value a property was last set to by a statement of the same block before the one reading it:
 * `err.statusCode = err.statusCode || 500;` … `res.status(err.statusCode)`. `x.key ||= 500` reads as `x.key || 500`.
 */
function propertySetBefore(access: ts.PropertyAccessExpression): ts.Expression | undefined {
  const object = unwrapExpression(access.expression);
  return ts.isIdentifier(object) ? valueSetBefore(object.text, access.name.text, access) : undefined;
}

/**
 * The value `name.property` was last set to by a statement before `node` in its function, the
 * statements of the enclosing blocks included: `err.statusCode = err.statusCode || 500;` at the top of
 * an error handler reaches a send inside its `else { … }`.
 */
function valueSetBefore(name: string, property: string, node: ts.Node): ts.Expression | undefined {
  let statement: ts.Node = node;
  for (;;) {
    while (!ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent)) {
      if (isFunctionLike(statement.parent)) return undefined;
      statement = statement.parent;
    }
    const block = statement.parent;
    let value: ts.Expression | undefined;
    let written = false;
    for (const earlier of block.statements) {
      if (earlier === statement) break;
      if (!ts.isExpressionStatement(earlier) || !ts.isBinaryExpression(earlier.expression)) continue;
      const { left, operatorToken, right } = earlier.expression;
      const target = unwrapExpression(left);
      if (!ts.isPropertyAccessExpression(target) || target.name.text !== property) continue;
      const targetObject = unwrapExpression(target.expression);
      if (!ts.isIdentifier(targetObject) || targetObject.text !== name) continue;
      const operator = operatorToken.kind;
      const sets = operator === ts.SyntaxKind.EqualsToken || operator === ts.SyntaxKind.BarBarEqualsToken || operator === ts.SyntaxKind.QuestionQuestionEqualsToken;
      value = sets ? right : undefined;
      written = true;
    }
    if (written || ts.isSourceFile(block) || isFunctionLike(block.parent)) return value;
    statement = block;
  }
}

/**
 * `const sendErrorProd = (err, res) => res.status(err.statusCode).json(…)` called only as
 * `err.statusCode = err.statusCode || 500; … sendErrorProd(err, res)`: the status every caller set on the error.
 */
function statusSetByCallers(access: ts.PropertyAccessExpression): ts.Expression | undefined {
  const owner = unwrapExpression(access.expression);
  let fn: ts.Node | undefined = access.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !ts.isIdentifier(owner)) return undefined;
  const index = fn.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === owner.text);
  const name = declaredName(fn);
  if (index < 0 || !name) return undefined;
  const values: ts.Expression[] = [];
  let unknown = false;
  forEachDescendant(access.getSourceFile(), (node) => {
    if (unknown || !ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== name) return;
    const argument = node.arguments[index] && unwrapExpression(node.arguments[index]);
    const set = argument && ts.isIdentifier(argument) ? valueSetBefore(argument.text, access.name.text, node) : undefined;
    if (set) values.push(set);
    else unknown = true;
  });
  return !unknown && values.length > 0 && values.every((value) => fallsBackTo5xx(value, 1)) ? values[0] : undefined;
}

/**
 * The leaks that reach the client: stack traces unless development-only; raw errors and messages
 * unless the status is a deliberate 4xx, the branch handles a recognised error, or syntax cannot
 * tell the status.
 */
function flaggedLeaks(ctx: RuleContext, payload: ts.Expression, send: ts.Node, fn: FunctionLike, status: () => EffectiveStatus): Leak[] {
  const leaks = findLeaks(payload, ctx.analysis);
  if (leaks.length === 0) return [];
  const path = pathConditions(send, fn, ctx.analysis);
  if (path.devOnly || calledOnlyInDevelopment(ctx, fn) || registeredOnlyInDevelopment(ctx, fn)) return [];
  const statusClass = classifyStatus(status()).kind;
  return leaks
    .filter((leak) => {
      if (leak.devOnly) return false;
      // the old `{ err: err, data }` answer, sent after `if (err) return …`: the error is empty there
      if (leak.level === 'raw' && ts.isIdentifier(leak.node) && isEmptiedBefore(leak.node, send, fn)) return false;
      // a stack trace, or the SQL and driver internals an error carries, is no message meant for the client at any status
      if (leak.level === 'stack' || isDriverInternals(leak)) return true;
      if (leak.guarded) return false;
      switch (statusClass) {
        case 'client':
        case 'unknown':
          return false;
        case 'server':
          return true;
        default:
          return !path.guarded;
      }
    })
    .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
}

/** `err.sql`, `err.sqlMessage`, `err.original`, `err.config`: the query or request the failing driver ran, and what they hold (`err.original.message`). */
function isDriverInternals(leak: Leak): boolean {
  return leak.level === 'raw' && /\.(sql|sqlMessage|sqlState|original|parent|config|request)(\.|$)/.test(leak.text);
}

interface SendShape {
  chain?: ResponseChain;
  /** What sends the payload when there is no response chain: a thrown `httpErrors` call. */
  send?: ts.Expression;
  /** Fastify `return payload`: the reply parameter. */
  returnReply?: string;
  payload: ts.Expression;
  /** The payload is a message a reply helper wraps in its error body (`reply.internalServerError(message)`). */
  messageOnly?: boolean;
}

/** A finding; a send through a project helper (no `shape`) gets no fix: the helper's own body decides what is sent. */
function report(ctx: RuleContext, node: ts.Expression, leaks: Leak[], status: EffectiveStatus, owner: ResponseOwner, shape: SendShape | undefined): void {
  const leak = leaks[0];
  const statusInfo = classifyStatus(status);
  let message: string;
  if (leak.level === 'stack' && statusInfo.kind === 'client') {
    message = `The stack trace \`${leak.text}\` is sent to the client; keep it in the server logs and leave it out of the response.`;
  } else if (isDriverInternals(leak) && statusInfo.kind === 'client') {
    message = `The driver internals \`${leak.text}\` of an error are sent to the client; keep them in the server logs and leave them out of the response.`;
  } else if (leak.level === 'stack') {
    message = `The stack trace \`${leak.text}\` is sent to the client; log the error and send a generic message with a request id instead.`;
  } else if (leak.level === 'raw') {
    message = `The raw error \`${leak.text}\` is sent to the client, exposing its internals; log it and send a generic message with a request id instead.`;
  } else {
    const where =
      statusInfo.kind === 'server' ? `with status ${statusInfo.text}` : statusInfo.kind === 'server-fallback' ? `with status \`${statusInfo.text}\`` : 'without a 4xx status';
    message = `The message of an unexpected error (\`${leak.text}\`) is sent to the client ${where}; log the error and send a generic message with a request id instead.`;
  }
  ctx.report({ node, message, fix: shape && buildFix(ctx, leaks, statusInfo.kind, status, owner, shape) });
}

function buildFix(ctx: RuleContext, leaks: Leak[], statusClass: StatusClass, status: EffectiveStatus, owner: ResponseOwner, shape: SendShape): Fix | undefined {
  // Only a stack trace (or the driver's internals) in an otherwise fine (e.g. 4xx) body: drop that property
  const onlyStack = leaks.every((leak) => (leak.level === 'stack' || isDriverInternals(leak)) && leak.property !== undefined) && new Set(leaks.map((leak) => leak.property)).size === 1;
  if (onlyStack && (statusClass === 'client' || shape.payload !== leaks[0].node)) {
    const property = leaks[0].property as ts.ObjectLiteralElementLike;
    if (ts.isObjectLiteralExpression(property.parent) && property.parent.properties.length > 1) return removePropertyFix(ctx, property, property.parent);
  }
  if (statusClass === 'client') return undefined;
  if (shape.chain?.terminal?.name === 'end') return undefined;
  const chain = shape.chain;
  return makeFix(ctx, {
    payload: shape.payload,
    send: chain ? chain.outer : (shape.send ?? shape.payload),
    addStatusAfter: chain && status.kind === 'implicit' ? chain.receiver : undefined,
    replaceStatus: chain?.statusLink && statusClass === 'success' ? chain.statusLink.args[0] : undefined,
    returnStatusReply: !chain && shape.returnReply && status.kind === 'implicit' ? shape.returnReply : undefined,
    messageOnly: shape.messageOnly,
    fallbackStatus: statusClass === 'server-fallback' && (status.kind === 'chain' || status.kind === 'earlier') && isPlainRead(status.status.node) ? status.status.node : undefined,
    owner,
    error: leaks[0].error,
  });
}

/** A status expression that reads values only, so the fix may read it again: `err.status || 500`, `statusCode`. */
function isPlainRead(node: ts.Node): node is ts.Expression {
  const value = ts.isExpression(node) ? unwrapExpression(node) : node;
  if (ts.isIdentifier(value) || ts.isNumericLiteral(value)) return true;
  if (ts.isPropertyAccessExpression(value)) return isPlainRead(value.expression);
  if (ts.isConditionalExpression(value)) return isPlainRead(value.condition) && isPlainRead(value.whenTrue) && isPlainRead(value.whenFalse);
  if (ts.isBinaryExpression(value)) return [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(value.operatorToken.kind) && isPlainRead(value.left) && isPlainRead(value.right);
  return false;
}

function makeFix(
  ctx: RuleContext,
  plan: {
    payload: ts.Expression;
    send: ts.Expression;
    addStatusAfter?: ts.Identifier;
    replaceStatus?: ts.Expression;
    returnStatusReply?: string;
    messageOnly?: boolean;
    fallbackStatus?: ts.Expression;
    owner: ResponseOwner;
    error: ts.Identifier;
  },
): Fix | undefined {
  const request: GenericErrorResponseRequest = {
    sourceFile: ctx.sourceFile,
    analysis: ctx.analysis,
    project: ctx.project,
    framework: plan.owner.framework,
    payload: plan.payload,
    send: plan.send,
    addStatusAfter: plan.addStatusAfter,
    replaceStatus: plan.replaceStatus,
    returnStatusReply: plan.returnStatusReply,
    messageOnly: plan.messageOnly,
    fallbackStatus: plan.fallbackStatus,
    requestName: plan.owner.requestName,
    error: plan.error,
    handler: plan.owner.fn,
  };
  const title = 'Send a generic error response and log the error';
  // Most findings' fixes are never opened: build the edits when asked, unless only building tells whether there is a fix.
  if (canPlaceErrorResponseFix(plan.send)) {
    return { title, build: () => [{ kind: 'edit', path: ctx.fileName, edits: genericErrorResponseEdits(request) ?? [] }] };
  }
  const edits = genericErrorResponseEdits(request);
  return edits ? { title, build: () => [{ kind: 'edit', path: ctx.fileName, edits }] } : undefined;
}

function removePropertyFix(ctx: RuleContext, property: ts.ObjectLiteralElementLike, object: ts.ObjectLiteralExpression): Fix {
  const text = ctx.text;
  const index = object.properties.indexOf(property);
  let start: number;
  let end: number;
  if (index < object.properties.length - 1) {
    start = property.getStart(ctx.sourceFile);
    end = object.properties[index + 1].getStart(ctx.sourceFile);
  } else {
    start = object.properties[index - 1].getEnd();
    end = property.getEnd();
    // keep a trailing comma after the new last property if there was one after the removed one
    if (object.properties.hasTrailingComma) end = text.indexOf(',', end);
  }
  return { title: 'Remove the stack trace from the response', build: () => [{ kind: 'edit', path: ctx.fileName, edits: [{ start, end, newText: '' }] }] };
}

export default rule;

function once<T>(compute: () => T): () => T {
  let value: { result: T } | undefined;
  return () => (value ??= { result: compute() }).result;
}
