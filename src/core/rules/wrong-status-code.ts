import ts from 'typescript';
import { functionName, isFallbackExpression, isFunctionLike, memberPath, unwrapExpression, walkOwnBody, type FunctionLike } from '../analysis/syntax';
import { forEachDescendant, nodesStartingWithin } from '../analysis/descendants';
import type { HandlerInfo, HttpMethod } from '../analysis/types';
import { isWithin, type Rule, type RuleContext } from '../lint/rule';
import { isFastifyOnly } from '../project/project-info';
import type { GraphRoute } from '../project/route-graph-types';
import { importedValue, projectFunction } from './util/imported-value';
import { responseHelperOf, type ResponseHelper } from './util/response-helper';
import { topLevelValue } from './util/module-values';
import { safeRouteGraph } from './util/safe-route-graph';
import type { TextEdit } from '../model/edit';
import type { Fix } from '../model/finding';
import { describeStatus, isValidStatus, readStatus, statusNumber, statusText, type StatusValue } from './util/http-status';
import {
  effectiveStatus,
  enclosingStatement,
  errorReplyOf,
  isEmptyBody,
  responseChainsIn,
  sentBody,
  STATUS_METHODS,
  statusBefore,
  type EffectiveStatus,
  type ErrorReply,
  type ResponseChain,
} from './util/response-calls';
import { indentationAt, semi, sourceStyle } from './util/source-style';
import {
  creationFacts,
  enclosingCatch,
  errorPayload,
  handlerName,
  innermostIf,
  isActionName,
  isCollectionPath,
  isCreateName,
  neverOnSamePath,
  savedLoadedRecords,
  mentionsName,
  namesMadeValue,
  missingVariableAt,
  notFoundBranch,
  type NotFoundBranch,
  sendsCreated,
  suggestErrorStatus,
  truthyTestedNames,
  type CreationFacts,
  type PayloadContext,
} from './util/status-intent';

/** Keys an object body has when it only carries a message, not data. */
const MESSAGE_ONLY_KEYS = new Set(['message', 'msg', 'mssg', 'detail', 'details', 'reason', 'error', 'errors', 'success', 'ok', 'status', 'statusCode', 'code', 'found']);

interface RouteFacts {
  method: HttpMethod;
  path?: string;
  schema?: ts.Expression;
}

interface CreateIntent {
  facts: CreationFacts;
  /** No creation call was seen: only the name and the POST route say it creates. */
  nameOnly: boolean;
  /** Records the handler loaded and saved again (`addMatchedProperty` pushing onto a loaded document): answering them answers an update. */
  updated?: Set<string>;
  routes?: RouteFacts[];
  /** What creates, for the message: `User.create`. */
  evidence: string;
}

/**
 * A status to fix: where it is written, or where to insert one; `envelope`: the same status repeated
 * inside the body (`new ApiResponse(200, {}, 'Todo does not exist')`), fixed along with it.
 */
type StatusSite = (
  | { kind: 'replace'; status: StatusValue; report: ts.Node }
  | { kind: 'insert-link'; chain: ResponseChain; report: ts.Node }
  | { kind: 'insert-statement'; before: ts.Statement; reply?: string; report: ts.Node }
  /** `sendSuccess(res, data, 'Created')` → `sendSuccess(res, data, 'Created', 201)`: the status a helper takes next. */
  | { kind: 'insert-argument'; call: ts.CallExpression; report: ts.Node }
  | { kind: 'none'; report: ts.Node }
) & { envelope?: ts.NumericLiteral };

class StatusChecker {
  private readonly checked = new Set<ts.Node>();
  private readonly intents = new Map<FunctionLike, CreateIntent | null>();
  private readonly webhooks = new Map<FunctionLike, boolean>();
  private errorSites: ts.Node[] | undefined;
  private readonly major: number | undefined;

  constructor(private readonly ctx: RuleContext) {
    this.major = ctx.project.frameworkMajor;
  }

  run(): void {
    const within = this.ctx.within;
    for (const handler of this.ctx.analysis.handlers) {
      const res = handler.res;
      if (!handler.fn.body || (within && !isWithin(handler.fn, within))) continue;
      if (res) {
        const { chains } = responseChainsIn(handler.fn, res);
        for (const chain of chains) {
          if (this.checked.has(chain.outer)) continue;
          this.checked.add(chain.outer);
          this.checkChain(handler, chain);
        }
      }
      if (res) this.checkHelperResponses(handler, res);
      if (handler.role !== 'error-handler') this.checkErrorStatusArguments(handler);
      // `async (request) => record`: a Fastify handler answers with what it returns, reply or not
      if (handler.framework === 'fastify' && handler.role === 'handler') this.checkFastifyReturns(handler, res);
      if (handler.framework === 'express' && handler.role === 'error-handler' && res) this.checkStatusCodeFallback(handler.fn, res);
    }
  }

  /**
   * `const statusCode = res.statusCode ? res.statusCode : 500` in an Express error handler (the
   * widely copied tutorial middleware): `res.statusCode` is 200 until something sets it, so the
   * fallback never applies and an unexpected error is answered 200 OK.
   */
  private checkStatusCodeFallback(fn: FunctionLike, res: string): void {
    const isStatusCode = (node: ts.Expression): boolean => {
      const value = unwrapExpression(node);
      return ts.isPropertyAccessExpression(value) && value.name.text === 'statusCode' && ts.isIdentifier(value.expression) && value.expression.text === res;
    };
    const isServerError = (node: ts.Expression): boolean => {
      const value = unwrapExpression(node);
      return ts.isNumericLiteral(value) && Number(value.text) >= 500;
    };
    const isFallback = (node: ts.Node): node is ts.BinaryExpression =>
      ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken);
    // `err.statusCode || res.statusCode || 500`: any earlier alternative that is `res.statusCode` stops the chain at 200
    const fallsToStatusCode = (node: ts.Expression): boolean => {
      const value = unwrapExpression(node);
      return isStatusCode(value) || (isFallback(value) && (fallsToStatusCode(value.left) || fallsToStatusCode(value.right)));
    };
    forEachDescendant(fn, (node) => {
      if (isFunctionLike(node)) return false;
      const conditional = ts.isConditionalExpression(node) && isStatusCode(node.condition) && isStatusCode(node.whenTrue) && isServerError(node.whenFalse);
      const fallback = isFallback(node) && !isFallback(node.parent) && fallsToStatusCode(node.left) && isServerError(node.right);
      if (!conditional && !fallback) return true;
      const fallbackCode = (conditional ? node.whenFalse : (node as ts.BinaryExpression).right).getText(this.ctx.sourceFile);
      const corrected = `${res}.statusCode === 200 ? ${fallbackCode} : ${res}.statusCode`;
      // `err.statusCode || res.statusCode || 500` keeps its first alternative
      const before = !conditional && isFallback(node) && isFallback(unwrapExpression(node.left)) ? (unwrapExpression(node.left) as ts.BinaryExpression) : undefined;
      const newText = conditional || (isFallback(node) && isStatusCode(node.left)) ? corrected : before && isStatusCode(before.right) ? `${before.left.getText(this.ctx.sourceFile)} || (${corrected})` : undefined;
      this.ctx.report({
        node,
        message: `\`${res}.statusCode\` is already 200 when no handler set it, so \`${node.getText(this.ctx.sourceFile)}\` answers an unexpected error with 200 OK; fall back to ${fallbackCode} when it is still 200.`,
        fix: newText === undefined ? undefined : {
          title: `Answer ${fallbackCode} when the status is still 200`,
          build: () => [this.edit([{ start: node.getStart(this.ctx.sourceFile), end: node.getEnd(), newText }])],
        },
      });
      return false;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Responses sent through a project helper

  /**
   * `return sendSuccess(res, null, 'Leave request not found')`: a project helper that answers with the
   * response it is handed is judged like the response it sends, with the status given for it or the
   * default it falls back to (`statusCode = 200`).
   */
  private checkHelperResponses(handler: HandlerInfo, res: string): void {
    const body = handler.fn.body;
    if (!body) return;
    forEachDescendant(body, (node) => {
      if (isFunctionLike(node) && node.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === res)) return false;
      if (!ts.isCallExpression(node) || this.checked.has(node)) return true;
      const index = node.arguments.findIndex((argument) => ts.isIdentifier(argument) && argument.text === res);
      const fn = index >= 0 ? projectFunction(this.ctx, node.expression) : undefined;
      const helper = fn && fn !== handler.fn ? responseHelperOf(fn) : undefined;
      if (helper && helper.responseIndex === index) {
        this.checked.add(node);
        this.checkHelperResponse(handler, node, helper);
      }
      return true;
    });
  }

  private checkHelperResponse(handler: HandlerInfo, call: ts.CallExpression, helper: ResponseHelper): void {
    const source = helper.status;
    if (source.kind === 'unknown') return;
    const given = source.kind === 'parameter' ? call.arguments[source.index] : undefined;
    const value = source.kind === 'fixed' ? source.value : source.kind === 'parameter' ? (given ?? source.fallback) : undefined;
    if (source.kind === 'parameter' && !value) return;
    const status = value ? readStatus(value) : undefined;
    // an error handler answers with whatever status the failing code set before it threw
    if (!status && handler.role === 'error-handler') return;
    const effective: EffectiveStatus = status ? { kind: 'chain', status, node: call } : { kind: 'implicit' };
    const data = helper.dataIndex !== undefined ? call.arguments[helper.dataIndex] : undefined;
    const message = helper.messageIndex !== undefined ? call.arguments[helper.messageIndex] : undefined;
    const body = data && !isEmptyBody(data) ? data : message;
    this.checkResponse(handler, effective, body, call, () => {
      if (given && status && isLiteralSite(status)) return { kind: 'replace', status, report: call };
      // the status left out, and the next parameter of the helper: add it
      if (source.kind === 'parameter' && source.index === call.arguments.length && call.arguments.length > 0) return { kind: 'insert-argument', call, report: call };
      return { kind: 'none', report: call };
    });
  }

  // -------------------------------------------------------------------------------------------
  // One response chain

  private checkChain(handler: HandlerInfo, chain: ResponseChain): void {
    const express = handler.framework === 'express';
    if (this.checkCodeValues(chain, express)) return;
    if (express && this.checkDeprecatedForms(chain)) return;
    if (this.checkRedirect(chain, express)) return;
    if (this.checkStatusAfterSend(chain)) return;
    const errorReply = chain.terminal ? undefined : errorReplyOf(chain);
    if (errorReply) {
      this.checkErrorReplyNotFound(handler, errorReply);
      return;
    }
    if (!chain.recognised) return;
    if (!chain.terminal) {
      const statement = chain.outer.parent;
      if (express) this.checkLoneStatus(handler, chain);
      // Fastify's error handler keeps a status set on the reply for a thrown error that has none
      else if (ts.isExpressionStatement(statement) && chain.statusLink) this.checkThrownNotFound(handler, chain, statement, chain.statusLink.call);
      return;
    }
    if (!['json', 'send', 'jsonp', 'end'].includes(chain.terminal.name)) return;
    let effective = effectiveStatus(chain, handler.fn);
    // an error handler answers with whatever status the failing code set before it threw
    if (effective.kind === 'implicit' && handler.role === 'error-handler') effective = { kind: 'unknown' };
    const body = sentBody(chain.terminal);
    this.checkResponse(handler, effective, body, chain.outer, () => this.siteForChain(chain, effective), chain);
  }

  /** `res.status('404')`, `res.status(4040)`, `res.sendStatus('201')`. */
  private checkCodeValues(chain: ResponseChain, express: boolean): boolean {
    for (const link of chain.links) {
      if (!(link.name === 'status' || link.name === 'code' || (express && link.name === 'sendStatus')) || !link.args[0]) continue;
      const status = readStatus(link.args[0]);
      const argument = link.args[0];
      // Only the few reported calls need their text.
      const call = (): string => `${chain.receiver.text}.${link.name}(${argument.getText(this.ctx.sourceFile)})`;
      if (status.kind === 'string' && express) {
        const number = /^\d{3}$/.test(status.value) ? Number(status.value) : undefined;
        const consequence =
          this.major === 5 ? 'Express 5 throws a TypeError for a status that is not an integer' : this.major === 4 ? 'Express 4 deprecates it and Express 5 throws a TypeError' : 'Express 5 throws a TypeError for it';
        this.ctx.report({
          node: link.call,
          message: `\`${call()}\` passes the status as a string; ${consequence}.${number !== undefined && isValidStatus(number) ? ` Pass the number ${number}.` : ''}`,
          fix: number !== undefined && isValidStatus(number) ? this.replaceFix(`Use the number ${number}`, status.node, String(number)) : undefined,
        });
        return true;
      }
      const number = statusNumber(status);
      if (number !== undefined && !isValidStatus(number)) {
        this.ctx.report({
          node: link.call,
          message: `\`${call()}\` is not a valid HTTP status code; use a code from 100 to 599.`,
        });
        return true;
      }
    }
    return false;
  }

  /** Express 4's deprecated, Express 5's removed signatures: `res.send(404)`, `res.json(obj, 201)`, `res.send(201, body)`. */
  private checkDeprecatedForms(chain: ResponseChain): boolean {
    const terminal = chain.terminal;
    if (!terminal || !['send', 'json', 'jsonp'].includes(terminal.name)) return false;
    const { args, name } = terminal;
    const receiver = chain.receiver.text;
    const source = this.ctx.sourceFile;
    if (args.length === 1 && name === 'send' && !chain.statusLink) {
      const code = statusNumber(readStatus(args[0]));
      if (code === undefined || !isValidStatus(code)) return false;
      const codeText = args[0].getText(source);
      const message =
        this.major === 5
          ? `\`${receiver}.send(${codeText})\` no longer sets the status in Express 5: it sends ${codeText} as a JSON body with 200 OK. Use \`${receiver}.sendStatus(${codeText})\`.`
          : `\`${receiver}.send(${codeText})\` is deprecated in Express 4 and removed in Express 5; use \`${receiver}.sendStatus(${codeText})\`.`;
      const nameNode = (terminal.call.expression as ts.PropertyAccessExpression).name;
      this.ctx.report({ node: terminal.call, message, fix: this.replaceFix(`Use ${receiver}.sendStatus(${codeText})`, nameNode, 'sendStatus') });
      return true;
    }
    if (args.length !== 2) return false;
    const first = readStatus(args[0]);
    const second = readStatus(args[1]);
    const statusLike = (value: StatusValue, node: ts.Expression): boolean => {
      const code = statusNumber(value);
      if (code !== undefined) return isValidStatus(code);
      const inner = unwrapExpression(node);
      return value.kind === 'dynamic' && ts.isIdentifier(inner) && /^(status|statusCode|code|httpStatus|httpCode)$/i.test(inner.text);
    };
    const literalish = (value: StatusValue): boolean => value.kind === 'number' || value.kind === 'constant';
    let statusArg: ts.Expression;
    let bodyArg: ts.Expression;
    let form: string;
    if (statusLike(second, args[1]) && !literalish(first)) {
      statusArg = args[1];
      bodyArg = args[0];
      form = `${receiver}.${name}(obj, status)`;
    } else if (statusLike(first, args[0]) && !literalish(second)) {
      statusArg = args[0];
      bodyArg = args[1];
      form = `${receiver}.${name}(status, obj)`;
    } else {
      return false;
    }
    const statusSource = statusArg.getText(source);
    const bodySource = bodyArg.getText(source);
    const replacement = `${receiver}.status(${statusSource}).${name}(${bodySource.length > 40 ? '…' : bodySource})`;
    const consequence =
      this.major === 5
        ? statusArg === args[1]
          ? `Express 5 ignores the status and answers 200 OK`
          : `Express 5 sends the status as the body`
        : `it is deprecated in Express 4 and removed in Express 5`;
    const nameNode = (terminal.call.expression as ts.PropertyAccessExpression).name;
    this.ctx.report({
      node: terminal.call,
      message: `\`${form}\` passes the status to \`${name}\`; ${consequence}. Use \`${replacement}\`.`,
      fix: {
        title: `Use ${receiver}.status(${statusSource}).${name}(…)`,
        build: () => [
          this.edit([{ start: nameNode.getStart(source), end: terminal.call.getEnd(), newText: `status(${statusSource}).${name}(${bodySource})` }]),
        ],
      },
    });
    return true;
  }

  /** `res.redirect(url, 301)` (Express 4 deprecated, 5 removed), `reply.redirect(301, url)` (Fastify 5 removed), non-3xx redirect codes. */
  private checkRedirect(chain: ResponseChain, express: boolean): boolean {
    const terminal = chain.terminal;
    if (!terminal || terminal.name !== 'redirect' || terminal.args.length !== 2) return false;
    const [a, b] = terminal.args;
    const source = this.ctx.sourceFile;
    const first = readStatus(a);
    const second = readStatus(b);
    const firstCode = statusNumber(first);
    const secondCode = statusNumber(second);
    const receiver = chain.receiver.text;
    let codeArg: ts.Expression;
    let urlArg: ts.Expression;
    let code: number | undefined;
    let wrongOrder = false;
    if (firstCode !== undefined && secondCode === undefined) {
      codeArg = a;
      urlArg = b;
      code = firstCode;
      wrongOrder = !express && this.major === 5;
    } else if (secondCode !== undefined && firstCode === undefined) {
      codeArg = b;
      urlArg = a;
      code = secondCode;
      wrongOrder = express;
    } else {
      return false;
    }
    const non3xx = code < 300 || code > 399;
    if (!wrongOrder && !non3xx) return false;
    const codeText = non3xx ? '302' : codeArg.getText(source);
    const urlText = urlArg.getText(source);
    const statusFirst = express || this.major !== 5;
    const args = statusFirst ? `${codeText}, ${urlText}` : `${urlText}, ${codeText}`;
    const parts: string[] = [];
    if (wrongOrder) {
      parts.push(
        express
          ? this.major === 5
            ? `Express 5 takes the status first (\`${receiver}.redirect(status, url)\`); \`redirect(url, status)\` was removed`
            : `\`${receiver}.redirect(url, status)\` is deprecated in Express 4 and removed in Express 5; pass the status first`
          : `Fastify 5 takes the URL first (\`${receiver}.redirect(url, code)\`); \`redirect(code, url)\` was removed`,
      );
    }
    if (non3xx) parts.push(`${code} is not a redirect status, so the client does not follow the Location header; use a 3xx code (302 is the default)`);
    const title = wrongOrder && !non3xx ? (express ? `Pass the status first: ${receiver}.redirect(${args})` : `Pass the URL first: ${receiver}.redirect(${args})`) : `Redirect with ${codeText}`;
    this.ctx.report({
      node: terminal.call,
      message: `${parts.join('. ')}.`,
      fix: {
        title: title.length > 80 ? (non3xx ? 'Redirect with 302' : 'Swap the redirect arguments') : title,
        build: () => [this.edit([{ start: a.getStart(source), end: b.getEnd(), newText: args }])],
      },
    });
    return true;
  }

  /**
   * `res.send(user).status(201)`: the response went out with 200 OK when `send` ran; the status set
   * afterwards changes nothing (Express only sets a property nobody reads, Fastify warns). Moved before the send.
   */
  private checkStatusAfterSend(chain: ResponseChain): boolean {
    const terminal = chain.terminal;
    const last = chain.links[chain.links.length - 1];
    if (!terminal || !['json', 'send', 'jsonp', 'end'].includes(terminal.name) || last === terminal || !STATUS_METHODS.has(last.name)) return false;
    const status = last.args[0] ? readStatus(last.args[0]) : undefined;
    const code = statusNumber(status);
    if (code === undefined || code === 200) return false;
    const source = this.ctx.sourceFile;
    const lateStatus = `.${last.name}(${last.args[0].getText(source)})`;
    const terminalAccess = terminal.call.expression as ts.PropertyAccessExpression;
    // only `res.send(x).status(n)`: with links between them, moving the status would reorder more than it
    const adjacent = chain.links.indexOf(terminal) === chain.links.length - 2;
    this.ctx.report({
      node: last.call,
      message: `\`${lateStatus.slice(1)}\` runs after \`.${terminal.name}()\` has already sent the response (with 200 OK unless a status was set before), so it changes nothing; set the status before sending.`,
      fix: adjacent
        ? {
            title: `Set the status before .${terminal.name}()`,
            build: () => [
              this.edit([
                { start: terminalAccess.expression.getEnd(), end: terminalAccess.expression.getEnd(), newText: lateStatus },
                { start: terminal.call.getEnd(), end: last.call.getEnd(), newText: '' },
              ]),
            ],
          }
        : undefined,
    });
    return true;
  }

  /** `res.status(404);` with nothing sending afterwards: the request hangs. */
  private checkLoneStatus(handler: HandlerInfo, chain: ResponseChain): void {
    const parent = chain.outer.parent;
    const statement = ts.isExpressionStatement(parent) || ts.isReturnStatement(parent) ? parent : undefined;
    const conciseBody = parent === handler.fn && handler.fn.body === chain.outer;
    if (!statement && !conciseBody) return;
    const statusCall = chain.statusLink?.call;
    if (statement && ts.isExpressionStatement(statement) && statusCall) this.checkThrownNotFound(handler, chain, statement, statusCall);
    if (statement && !ts.isReturnStatement(statement) && this.continuesLater(statement, handler)) return;
    if (!statusCall) return;
    const text = `${chain.receiver.text}.${chain.statusLink?.name}(${chain.statusLink?.args[0]?.getText(this.ctx.sourceFile) ?? ''})`;
    this.ctx.report({
      node: statusCall,
      message: `\`${text}\` sets the status but nothing sends the response, so the request hangs; end it (\`.end()\`) or send a body.`,
      fix: {
        title: 'End the response after setting the status',
        build: () => [this.edit([{ start: chain.outer.getEnd(), end: chain.outer.getEnd(), newText: '.end()' }])],
      },
    });
  }

  /**
   * `res.status(400); throw new Error('Goal not found')` in the branch of a lookup keyed by the route
   * parameters: the error handler answers with the status set, so a missing record gets a 400.
   */
  private checkThrownNotFound(handler: HandlerInfo, chain: ResponseChain, statement: ts.ExpressionStatement, statusCall: ts.CallExpression): void {
    const next = followingSiblings(statement)[0];
    const code = statusNumber(chain.status);
    if (!next || !ts.isThrowStatement(next) || !chain.status || code === undefined) return;
    const notFound = this.missingByRouteParams(handler, statusCall, next.expression, code);
    if (notFound) this.reportStatus({ kind: 'replace', status: chain.status, report: statusCall }, notFoundMessage(notFound, code), 404, describeStatus(404));
  }

  /** The not-found branch `node` sits in, when a lookup keyed by the route parameters found nothing and `code` answers it as an error. */
  private missingByRouteParams(handler: HandlerInfo, node: ts.Node, body: ts.Expression | undefined, code: number | undefined): NotFoundBranch | undefined {
    if (code === undefined || code === 404 || !answersMissingAsError(code)) return undefined;
    const notFound = notFoundBranch(node, body, handler.fn, handler.req);
    return notFound?.keyedByParams ? notFound : undefined;
  }

  /**
   * `next(new AppError('No course found with that ID', 400))`, `throw new HttpError(400, 'Lesson not
   * found')` in the branch of a lookup keyed by the route parameters: the error handler answers with
   * the status the error carries, so a missing record gets a 400.
   */
  private checkErrorStatusArguments(handler: HandlerInfo): void {
    const body = handler.fn.body!;
    // the throws and error constructions of the file (or of the handler being typed in), listed once: most handlers have none
    const within = this.ctx.within;
    const nodes = within ? nodesStartingWithin(this.ctx.analysis.nodes, within.start, within.end) : this.ctx.analysis.nodes;
    this.errorSites ??= nodes.filter((node) => ts.isThrowStatement(node) || isErrorCreation(node));
    for (const node of this.errorSites) {
      if (node.pos < body.pos || node.end > body.end) continue;
      if (ts.isThrowStatement(node)) {
        this.checkThrowToLocalCatch(handler, node);
        continue;
      }
      const creation = node as ts.NewExpression | ts.CallExpression;
      const thrown = ts.isThrowStatement(creation.parent) || (ts.isCallExpression(creation.parent) && handler.next !== undefined && ts.isIdentifier(creation.parent.expression) && creation.parent.expression.text === handler.next);
      // `new AppError('…', 400)`, `new ApiError(httpStatus.BAD_REQUEST, '…')`, `errorHandler(400, '…')`, `createError(400, '…')`
      const statusArgument = (creation.arguments ?? []).map(readStatus).find((status) => statusNumber(status) !== undefined);
      // `throw new BadRequestError('No job with id …')`, `createError.BadRequest(…)`, `Boom.badRequest(…)`: the name says the status
      const named = statusArgument ? undefined : /(^|\.)(BadRequest(Error|Exception)?|badRequest)$/.test(memberPath(creation.expression)?.join('.') ?? '') ? 400 : undefined;
      const code = statusArgument ? statusNumber(statusArgument) : named;
      const notFound = thrown ? this.missingByRouteParams(handler, creation, creation, code) : undefined;
      if (!notFound || code === undefined) continue;
      // the fix changes a status argument; a class named after its status is for the project to swap
      const site: StatusSite = statusArgument ? { kind: 'replace', status: statusArgument, report: statusArgument.node } : { kind: 'none', report: creation };
      this.reportStatus(site, notFoundMessage(notFound, code), 404, describeStatus(404));
    }
  }

  /**
   * `try { const film = await findFirst({ where: { id } }); if (!film) throw Error('No film found') … }
   * catch (e) { return reply.code(500).send(…) }`: the handler's own catch answers the missing record 500.
   */
  private checkThrowToLocalCatch(handler: HandlerInfo, statement: ts.ThrowStatement): void {
    let tryStatement: ts.Node = statement;
    while (tryStatement !== handler.fn && !(ts.isTryStatement(tryStatement) && statement.pos >= tryStatement.tryBlock.pos && statement.end <= tryStatement.tryBlock.end)) tryStatement = tryStatement.parent;
    if (!ts.isTryStatement(tryStatement) || !tryStatement.catchClause) return;
    const answered = /\.(status|code|sendStatus)\(\s*(5\d\d)\s*\)/.exec(tryStatement.catchClause.block.getText(this.ctx.sourceFile));
    if (!answered) return;
    const notFound = this.missingByRouteParams(handler, statement, statement.expression, Number(answered[2]));
    if (!notFound) return;
    this.reportStatus({ kind: 'none', report: statement }, notFoundMessage(notFound, Number(answered[2])).replace('; answer 404', ' (through the catch below); answer 404'), 404, describeStatus(404));
  }

  /** `if (!warehouse) return reply.badRequest('Warehouse not found')` (@fastify/sensible) after a lookup by the route parameter. */
  private checkErrorReplyNotFound(handler: HandlerInfo, reply: ErrorReply): void {
    const code = statusNumber(reply.status);
    const notFound = this.missingByRouteParams(handler, reply.link.call, reply.message, code);
    if (!notFound || code === undefined) return;
    const callee = reply.link.call.expression;
    const fix = ts.isPropertyAccessExpression(callee) ? this.replaceFix(`Answer ${describeStatus(404)}`, callee.name, 'notFound') : undefined;
    this.ctx.report({ node: reply.link.call, message: notFoundMessage(notFound, code), fix });
  }

  /** Whether code after `statement` (on its path through the handler) may still send, forward or throw. */
  private continuesLater(statement: ts.Statement, handler: HandlerInfo): boolean {
    const names = new Set([handler.res, handler.next].filter((name): name is string => name !== undefined));
    const body = handler.fn.body;
    let current: ts.Statement = statement;
    for (;;) {
      for (const next of followingSiblings(current)) {
        if (mentionsAny(next, names) || containsThrow(next)) return true;
        if (ts.isReturnStatement(next)) return false;
      }
      const container = current.parent;
      if (container === body) return false;
      // the end of a callback's body ends that path
      if (ts.isBlock(container) && isFunctionLike(container.parent)) return false;
      const up = enclosingStatement(container);
      if (!up || !body || up.pos < body.pos || up.end > body.end) return false;
      current = up;
    }
  }

  // -------------------------------------------------------------------------------------------
  // What a response means: 204 with a body, not-found branches, error payloads, created records

  private checkResponse(
    handler: HandlerInfo,
    effective: EffectiveStatus,
    body: ts.Expression | undefined,
    responseNode: ts.Node,
    statusSite: (code: number) => StatusSite,
    chain?: ResponseChain,
  ): void {
    const code = effective.kind === 'implicit' ? 200 : effective.kind === 'unknown' ? undefined : statusNumber(effective.status);
    if (code === undefined) return;
    const fn = handler.fn;
    const envelope = body && envelopeStatus(body, code);
    const siteFor = (suggested: number): StatusSite => (envelope ? { ...statusSite(suggested), envelope } : statusSite(suggested));

    if (code === 204 && !isEmptyBody(body) && (!chain || chain.terminal?.name !== 'end')) {
      this.report204(chain, effective, body, responseNode);
      return;
    }
    if (!body || isEmptyBody(body)) return;
    // A webhook acknowledges with 2xx whatever happened, or the provider retries the notification.
    const acknowledges = (): boolean => code >= 200 && code < 300 && this.isWebhook(handler);

    const notFound = notFoundBranch(responseNode, body, fn, handler.req);
    if (notFound && code !== 404) {
      const data = !isMessageOnly(body);
      // a find-or-create: `if (existing) … else { await Bookmark.create(…); return res.status(201)… }` created what it answers
      const created = (): boolean => code >= 200 && code < 300 && creationFacts(fn).calls.some((call) => call.pos < responseNode.pos && !neverOnSamePath(call, responseNode));
      const wrong =
        // a failed login (`User.findOne({ email })` → 'Email or password is incorrect') is no missing resource
        (code >= 200 && code < 300 && !data && (notFound.keyedByParams || notFound.message)) ||
        // `{ members: [], message: 'Project not found' }` for the project the URL names: the empty data is a stand-in
        (code >= 200 && code < 300 && notFound.keyedByParams && notFound.message) ||
        (notFound.keyedByParams && answersMissingAsError(code)) ||
        (notFound.message && notFound.lookup && notFound.keyed && code >= 500);
      if (wrong && (acknowledges() || created() || (code >= 200 && code < 300 && this.asksYesNo(handler)))) return;
      if (wrong) {
        this.reportStatus(siteFor(404), notFoundMessage(notFound, code), 404, describeStatus(404));
        return;
      }
    }

    if (code >= 200 && code < 300) {
      const context = payloadContext(responseNode, fn);
      const payload = errorPayload(body, context);
      // Fastify's reply.send(err) hands an Error to the error handler, which answers err.statusCode or 500.
      if (payload && chain?.terminal?.name === 'send' && (handler.framework === 'fastify' || isFastifyOnly(this.ctx.project)) && isErrorObject(body)) return;
      if (payload && acknowledges()) return;
      if (payload) {
        const condition = innermostIf(responseNode, fn)?.statement.expression;
        const suggested = suggestErrorStatus(payload.texts, context.inCatch, condition, handler.req);
        const where = enclosingCatch(responseNode, fn) ? ' from a catch block' : context.inCatch ? ' from an error branch' : '';
        this.reportStatus(siteFor(suggested), `An error payload (${payload.what}) is sent${where} with ${describeStatus(code)}; answer ${describeStatus(suggested)}.`, suggested, describeStatus(suggested));
        return;
      }
    }

    if (code === 200 && (effective.kind === 'implicit' || effective.kind === 'chain' || effective.kind === 'earlier')) {
      const intent = this.createIntent(handler);
      if (!intent) return;
      if (enclosingCatch(responseNode, fn)) return;
      if (notFound) return;
      // `if (!bookmark) return reply.send({ data: bookmark })`: the branch where nothing was created (a toggle that removed).
      const missing = missingVariableAt(responseNode, fn)?.variable;
      if (missing !== undefined && intent.facts.created.has(missing)) return;
      // the other branch of a toggle: `if (existing) { await existing.deleteOne(); return res.json(…) } … Bookmark.create(…)`
      if (intent.facts.calls.length > 0 && intent.facts.calls.every((call) => neverOnSamePath(call, responseNode))) return;
      // `addMatchedProperty`: pushes onto a loaded document, saves it and answers it — an update
      if (intent.updated && [...intent.updated].some((name) => mentionsName(body, name))) return;
      const sendsRecord = sendsCreated(body, intent.facts) || (intent.nameOnly && isTail(responseNode, fn));
      if (!sendsRecord) return;
      if (intent.routes?.some((route) => this.responseSchemaPins200(route.schema))) return;
      const route = intent.routes?.[0];
      const subject = route?.path !== undefined ? `POST ${route.path}` : 'This handler';
      this.reportStatus(siteFor(201), `${subject} creates a record (${intent.evidence}) but answers ${describeStatus(200)}; answer 201 Created.`, 201, describeStatus(201));
    }
  }

  private report204(chain: ResponseChain | undefined, effective: EffectiveStatus, body: ts.Expression | undefined, responseNode: ts.Node): void {
    const statusNode = effective.kind === 'chain' || effective.kind === 'earlier' ? effective.node : responseNode;
    const terminal = chain?.terminal;
    const sideEffects = body !== undefined && hasSideEffects(body);
    let fix: Fix | undefined;
    if (chain && terminal && !sideEffects) {
      const fastify = this.isFastifyChain(chain);
      const replacement = fastify ? 'send()' : 'end()';
      const nameNode = (terminal.call.expression as ts.PropertyAccessExpression).name;
      fix = {
        title: `Drop the body of the 204 response (.${replacement})`,
        build: () => [this.edit([{ start: nameNode.getStart(this.ctx.sourceFile), end: terminal.call.getEnd(), newText: replacement }])],
      };
    }
    this.ctx.report({
      node: statusNode,
      message: '204 No Content must not carry a body, but this response sends one; drop the body or answer 200 OK.',
      fix,
    });
  }

  private isFastifyChain(chain: ResponseChain): boolean {
    for (const handler of this.ctx.analysis.handlers) {
      if (handler.fn.pos <= chain.outer.pos && handler.fn.end >= chain.outer.end && handler.res === chain.receiver.text) return handler.framework === 'fastify';
    }
    return false;
  }

  private reportStatus(site: StatusSite, message: string, code: number, title: string): void {
    this.ctx.report({ node: site.report, message, fix: this.statusFix(site, code, `Answer ${title}`) });
  }

  private statusFix(site: StatusSite, code: number, title: string): Fix | undefined {
    const source = this.ctx.sourceFile;
    const envelope = (): TextEdit[] => (site.envelope ? [{ start: site.envelope.getStart(source), end: site.envelope.getEnd(), newText: String(code) }] : []);
    switch (site.kind) {
      case 'replace':
        return { title, build: () => [this.edit([{ start: site.status.node.getStart(source), end: site.status.node.getEnd(), newText: statusText(code, site.status) }, ...envelope()])] };
      case 'insert-link': {
        const terminal = site.chain.terminal;
        if (!terminal) return undefined;
        const access = terminal.call.expression as ts.PropertyAccessExpression;
        const method = this.isFastifyChain(site.chain) ? 'code' : 'status';
        return { title, build: () => [this.edit([{ start: access.expression.getEnd(), end: access.expression.getEnd(), newText: `.${method}(${code})` }, ...envelope()])] };
      }
      case 'insert-statement': {
        if (!site.reply || !ts.isBlock(site.before.parent)) return undefined;
        const style = sourceStyle(source);
        const start = site.before.getStart(source);
        const indent = indentationAt(this.ctx.text, start);
        const text = `${site.reply}.code(${code})${semi(style)}${style.eol}${indent}`;
        return { title, build: () => [this.edit([{ start, end: start, newText: text }])] };
      }
      case 'insert-argument': {
        const last = site.call.arguments[site.call.arguments.length - 1];
        return { title, build: () => [this.edit([{ start: last.getEnd(), end: last.getEnd(), newText: `, ${code}` }])] };
      }
      case 'none':
        return undefined;
    }
  }

  private siteForChain(chain: ResponseChain, effective: EffectiveStatus): StatusSite {
    if (effective.kind === 'chain' || effective.kind === 'earlier') {
      return isLiteralSite(effective.status) ? { kind: 'replace', status: effective.status, report: effective.node } : { kind: 'none', report: effective.node };
    }
    return { kind: 'insert-link', chain, report: chain.outer };
  }

  // -------------------------------------------------------------------------------------------
  // Fastify: values returned from a handler are the response

  private checkFastifyReturns(handler: HandlerInfo, reply: string | undefined): void {
    const fn = handler.fn;
    const returns: { statement?: ts.ReturnStatement; expression: ts.Expression }[] = [];
    if (fn.body && !ts.isBlock(fn.body)) {
      returns.push({ expression: fn.body });
    } else {
      walkOwnBody(fn, (node) => {
        if (ts.isReturnStatement(node) && node.expression) returns.push({ statement: node, expression: node.expression });
      });
    }
    for (const { statement, expression } of returns) {
      let value = unwrapExpression(expression);
      if (ts.isAwaitExpression(value)) value = unwrapExpression(value.expression);
      if (reply && mentionsAny(value, new Set([reply]))) continue;
      if (ts.isCallExpression(value) && /^(send|reply)$/.test((value.expression as ts.PropertyAccessExpression).name?.text ?? '')) continue;
      // `return new Error('…')`: Fastify sends a returned Error through its error handler, like a thrown one
      if (ts.isNewExpression(value) && isErrorObject(value)) continue;
      const effective = statement && reply ? statusBefore(statement, reply, fn) : ({ kind: 'implicit' } as EffectiveStatus);
      const report: ts.Node = expression;
      this.checkResponse(handler, effective, expression, statement ?? expression, () => {
        if (effective.kind === 'chain' || effective.kind === 'earlier') {
          return isLiteralSite(effective.status) ? { kind: 'replace', status: effective.status, report: effective.node } : { kind: 'none', report: effective.node };
        }
        return statement ? { kind: 'insert-statement', before: statement, reply, report } : { kind: 'none', report };
      });
    }
  }

  /**
   * `GET /isAlreadyPurchased/:courseId` (`isAlreadyPurchased`, `checkUsernameExists`, `hasAccess`):
   * the endpoint asks a question, and "no" answered 200 is its answer, not a missing resource.
   */
  private asksYesNo(handler: HandlerInfo): boolean {
    const name = handlerName(handler.fn);
    if (name !== undefined && YES_NO_QUESTION.test(name)) return true;
    return (this.routesOf(handler) ?? []).some((route) => (route.path ?? '').split('/').some((segment) => YES_NO_QUESTION.test(segment)));
  }

  // -------------------------------------------------------------------------------------------
  // Create handlers

  private createIntent(handler: HandlerInfo): CreateIntent | undefined {
    const cached = this.intents.get(handler.fn);
    if (cached !== undefined) return cached ?? undefined;
    const intent = this.computeCreateIntent(handler);
    this.intents.set(handler.fn, intent ?? null);
    return intent;
  }

  private computeCreateIntent(handler: HandlerInfo): CreateIntent | undefined {
    if (handler.role === 'error-handler') return undefined;
    const name = handlerName(handler.fn);
    let found: CreationFacts | undefined;
    const factsOf = (): CreationFacts => (found ??= creationFacts(handler.fn));
    // `sendMessage` on POST /messages stores a Message; `sendEmail`, `sendOtp` store nothing
    if (isActionName(name) && !(name !== undefined && /^send[A-Z]/.test(name) && this.createsNamedModel(factsOf(), name.slice(4)))) return undefined;
    const routes = this.routesOf(handler);
    const routed = routes !== undefined && routes.length > 0;
    // only a POST to a collection creates; reading the body for creation calls is the costly part
    if (routed && !routes.every((route) => route.method === 'POST' && (isCollectionPath(route.path) || this.managesWebhooks(route, handler.fn)))) return undefined;
    if (!routed && !isCreateName(name)) return undefined;
    const facts = factsOf();
    const evidence = facts.calls.length > 0 ? `\`${calleeText(facts.calls[0], this.ctx.sourceFile)}\`` : `\`${name ?? 'handler'}\``;
    if (routed) {
      if (facts.calls.length > 0) return { facts, nameOnly: false, routes, evidence };
      // `registerDevice` writing `doc(token).set(…, { merge: true })`: an upsert keyed by the client, answered 200 whether new or not
      if (isCreateName(name) && !namesMadeValue(name) && !upserts(handler.fn) && !updatesInstead(handler.fn) && !createsAtProvider(handler.fn)) return { facts, nameOnly: true, routes, evidence, updated: savedLoadedRecords(handler.fn) };
      return undefined;
    }
    // registered nowhere we can see: the name and a creation call must both say so
    if (isCreateName(name) && facts.calls.length > 0) return { facts, nameOnly: false, evidence };
    return undefined;
  }

  /** A Fastify route schema whose `response` declares 200 (or 2xx) and not 201: the route's contract is 200. */
  private responseSchemaPins200(schema: ts.Expression | undefined): boolean {
    const response = this.schemaObject(this.schemaObject(schema)?.properties.find((property) => property.name?.getText() === 'response'));
    if (!response) return false;
    const keys = this.objectKeys(response, 0);
    return (keys.includes('200') || keys.includes('2xx')) && !keys.includes('201');
  }

  /** Keys of an object literal, with those of objects spread into it (`{ ...ok200, ...errors }`). */
  private objectKeys(object: ts.ObjectLiteralExpression, depth: number): string[] {
    return object.properties.flatMap((entry) => {
      if (!ts.isSpreadAssignment(entry)) return entry.name ? [entry.name.getText().replace(/['"]/g, '')] : [];
      const spread = depth < 3 ? this.schemaObject(entry.expression) : undefined;
      return spread ? this.objectKeys(spread, depth + 1) : [];
    });
  }

  /** The `schema` option of a route registered in another file (`fastify.post('/', { schema }, controller.create)`). */
  private registeredSchema(route: GraphRoute): ts.Expression | undefined {
    if (route.at.file === this.ctx.fileName) return undefined;
    const analysis = this.ctx.analysisOf(route.at.file);
    return analysis?.routes.find((candidate) => candidate.method === route.method && candidate.call.getStart(analysis.sourceFile) === route.at.start)?.schema;
  }

  /** A route schema as an object: written inline, held in a variable of its file, or imported from a project module. */
  private schemaObject(schema: ts.Node | undefined): ts.ObjectLiteralExpression | undefined {
    if (schema && ts.isPropertyAssignment(schema)) return this.schemaObject(schema.initializer);
    const value = schema && ts.isExpression(schema) ? unwrapExpression(schema) : undefined;
    if (!value || ts.isObjectLiteralExpression(value)) return value;
    if (!ts.isIdentifier(value)) return undefined;
    const sourceFile = value.getSourceFile();
    const imports = sourceFile === this.ctx.sourceFile ? this.ctx.analysis.imports : this.ctx.analysisOf(sourceFile.fileName)?.imports;
    const binding = imports?.get(value.text);
    const found = binding ? importedValue(this.ctx, binding, sourceFile.fileName) : topLevelValue(sourceFile, value.text);
    return found && ts.isObjectLiteralExpression(found) ? found : undefined;
  }

  /** Whether the handler calls a creation on the model its name sends: `Message.create` in `sendMessage`. */
  private createsNamedModel(facts: CreationFacts, model: string): boolean {
    return facts.calls.some((call) => calleeText(call, this.ctx.sourceFile).toLowerCase().startsWith(`${model.toLowerCase()}.`));
  }

  /**
   * `POST /api/webhooks` registering a customer's subscription is a collection; the same path
   * receiving a provider's events verifies a signature or switches on the event type.
   */
  private managesWebhooks(route: RouteFacts, fn: FunctionLike): boolean {
    if (!/\/webhooks$/i.test(route.path ?? '')) return false;
    const text = this.ctx.sourceFile.text.slice(fn.pos, fn.end);
    return !/signature|constructEvent|verify|rawBody|express\.raw|\b(event|payload|body)\.(type|event|action)\b|x-github-event|x-hub/i.test(text);
  }

  private isWebhook(handler: HandlerInfo): boolean {
    let webhook = this.webhooks.get(handler.fn);
    if (webhook === undefined) {
      const routes = this.routesOf(handler) ?? [];
      webhook = routes.length > 0 ? routes.every(isWebhookReceiver) : /webhook/i.test(functionName(handler.fn) ?? '');
      this.webhooks.set(handler.fn, webhook);
    }
    return webhook;
  }

  /** The routes a function is the handler of: from the route graph when there is one, else this file's registrations. */
  private routesOf(handler: HandlerInfo): RouteFacts[] | undefined {
    const start = handler.fn.getStart(this.ctx.sourceFile);
    const local = handler.routes.filter((route) => route.handler?.fn === handler.fn);
    const graph = safeRouteGraph(this.ctx);
    if (graph) {
      const routes = graph.routesUsing(this.ctx.fileName, start).filter((route) => !route.handler?.definition || route.handler.definition.start === start);
      if (routes.length > 0) {
        return routes.map((route) => ({ method: route.method, path: route.path, schema: local.find((candidate) => candidate.method === route.method)?.schema ?? this.registeredSchema(route) }));
      }
    }
    if (local.length > 0) return local.map((route) => ({ method: route.method, path: route.path, schema: route.schema }));
    if (handler.routes.length > 0) return handler.routes.map((route) => ({ method: route.method, path: route.path }));
    const delegating = graph && this.routesDelegatingTo(graph, handler);
    return delegating && delegating.length > 0 ? delegating : undefined;
  }

  /**
   * `fastify.patch('/:id', opts, async (req, reply) => { await petController.createRelation(req, reply) })`: routes whose
   * inline handler hands its request to a method of this name, which therefore answers for them.
   */
  private routesDelegatingTo(graph: NonNullable<ReturnType<typeof safeRouteGraph>>, handler: HandlerInfo): RouteFacts[] {
    const name = handlerName(handler.fn);
    if (!name || !ts.isMethodDeclaration(handler.fn)) return [];
    const found: RouteFacts[] = [];
    for (const route of graph.routes) {
      // a named handler is a function of its own, judged where it is defined
      if (route.handler?.name !== undefined) continue;
      const registration = this.ctx.analysisOf(route.at.file)?.routes.find((candidate) => candidate.call.getStart() === route.at.start);
      const inline = registration?.handler && unwrapExpression(registration.handler.expression);
      if (!inline || !isFunctionLike(inline)) continue;
      const request = inline.parameters[0]?.name;
      if (!request || !ts.isIdentifier(request)) continue;
      let hands = false;
      walkOwnBody(inline, (node) => {
        hands ||= ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === name &&
          node.arguments.some((argument) => ts.isIdentifier(argument) && argument.text === request.text);
      });
      if (hands) found.push({ method: route.method, path: route.path, schema: registration.schema });
    }
    return found;
  }

  // -------------------------------------------------------------------------------------------
  // Edits

  private edit(edits: TextEdit[]): { kind: 'edit'; path: string; edits: TextEdit[] } {
    return { kind: 'edit', path: this.ctx.fileName, edits };
  }

  private replaceFix(title: string, node: ts.Node, newText: string): Fix {
    return { title, build: () => [this.edit([{ start: node.getStart(this.ctx.sourceFile), end: node.getEnd(), newText }])] };
  }
}

/**
 * An error made to be thrown or handed to `next`: `new AppError(…)`, and the factories projects and
 * packages use instead — the MERN tutorials' `errorHandler(400, '…')`, http-errors' `createError(400, '…')`
 * and `createError.BadRequest(…)`, `Boom.badRequest(…)`, `fastify.httpErrors.badRequest(…)`.
 */
function isErrorCreation(node: ts.Node): node is ts.NewExpression | ts.CallExpression {
  // `new ErrorResponse('Listing not found', 422)`, `new ErrorHandler('Product not found', 404)`: the tutorials' error classes
  if (ts.isNewExpression(node)) return ts.isIdentifier(node.expression) && /(Error|Exception)$|^Error(Response|Handler)$/.test(node.expression.text);
  if (!ts.isCallExpression(node)) return false;
  // every call of the file comes here: read names, build no paths
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return ERROR_FACTORY.test(callee.text);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const owner = callee.expression;
  const ownerName = ts.isIdentifier(owner) ? owner.text : ts.isPropertyAccessExpression(owner) && owner.name.text === 'httpErrors' ? 'httpErrors' : undefined;
  return ownerName !== undefined && ERROR_FACTORY_OWNER.test(ownerName);
}

const ERROR_FACTORY = /^(errorHandler|createError|createHttpError|httpError|HttpError|makeError|customError|createCustomError|appError)$/;
const ERROR_FACTORY_OWNER = /^(createError|createHttpError|Boom|boom|httpErrors)$/;

/** An idempotent write: Firestore `set(…, { merge: true })`, `upsert(…)`, `{ upsert: true }`, SQL `ON CONFLICT` / `ON DUPLICATE KEY`. */
/**
 * `addRoleHandler` calling `clerkClient.users.updateUserMetadata(…)`: a name that says add, on a
 * handler whose only store call updates something that exists, adds a property, not a record.
 */
function updatesInstead(fn: FunctionLike): boolean {
  let updates = false;
  forEachDescendant(fn, (node) => {
    if (updates) return false;
    if (ts.isCallExpression(node) && /(^|\.)(update|patch|modify)[A-Za-z]*$/.test(calleeText(node, fn.getSourceFile()))) updates = true;
    return true;
  });
  return updates;
}

/** Payment and AI providers' SDK clients: what their `create` calls make lives with the provider. */
const PROVIDER_CLIENT = /^(stripe|paypal|braintree|razorpay|razorpayInstance|rzp|mollie|paystack|flutterwave|square|adyen|paddle|cashfree|mercadopago|xendit|midtrans|openai|anthropic|twilio)$/i;

/** `createOrderController` calling only `razorpay.orders.create(options)`: the order is the provider's, nothing is stored here. */
function createsAtProvider(fn: FunctionLike): boolean {
  let provider = false;
  forEachDescendant(fn, (node) => {
    if (provider) return false;
    if (!ts.isCallExpression(node)) return true;
    const path = memberPath(node.expression);
    const client = path?.[0] === 'this' ? path[1] : path?.[0];
    if (path && path.length >= 2 && /^create/.test(path[path.length - 1]) && client !== undefined && PROVIDER_CLIENT.test(client)) provider = true;
    return true;
  });
  return provider;
}

function upserts(fn: FunctionLike): boolean {
  const text = fn.getText();
  return /\bmerge\s*:\s*true\b|\bupsert\b|\bON\s+CONFLICT\b|\bON\s+DUPLICATE\s+KEY\b/i.test(text);
}

/** Whether a status argument can be rewritten in place (a literal or a known constant, not a shared `const`). */
function isLiteralSite(status: StatusValue): boolean {
  if (status.kind === 'constant') return true;
  return status.kind === 'number' && ts.isNumericLiteral(status.node);
}

function payloadContext(node: ts.Node, fn: FunctionLike): PayloadContext {
  const caught = enclosingCatch(node, fn);
  const branch = innermostIf(node, fn);
  const guarded = branch?.branch === 'then' ? truthyTestedNames(branch.statement.expression) : new Set<string>();
  // `(err, doc) => { if (err) return res.send(...) }`: a Node-style callback's failure branch is a catch
  const callbackError = caught ? undefined : nodeCallbackError(node, fn, guarded);
  return {
    inCatch: caught !== undefined || callbackError !== undefined,
    catchName: caught?.name ?? callbackError,
    guarded,
    inBranch: branch !== undefined,
  };
}

function nodeCallbackError(node: ts.Node, handler: FunctionLike, guarded: ReadonlySet<string>): string | undefined {
  let current: ts.Node | undefined = node.parent;
  while (current && current !== handler) {
    if (isFunctionLike(current)) {
      const first = current.parameters[0];
      const name = first && ts.isIdentifier(first.name) ? first.name.text : undefined;
      if (name && /^(err|error|e|er)$/.test(name) && guarded.has(name) && current.parameters.length >= 1) return name;
    }
    current = current.parent;
  }
  return undefined;
}

/** Response envelope classes: `new ApiResponse(status, data, message)`, `new ServiceResult(…)`. */
const ENVELOPE_CLASS = /(Response|Result|Reply)$/;

/** Whether a body carries only a message (a string, or an object of message-like keys), not data. */
function isMessageOnly(body: ts.Expression): boolean {
  const node = unwrapExpression(body);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return true;
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every((property) => property.name !== undefined && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && MESSAGE_ONLY_KEYS.has(property.name.text));
  }
  // `new ApiResponse(200, {}, 'Todo does not exist')`: an envelope holding a status and a message, no data
  if (ts.isNewExpression(node) && ENVELOPE_CLASS.test(memberPath(node.expression)?.pop() ?? '')) return (node.arguments ?? []).every(isEmptyOrFixed);
  return false;
}

/** The status a response envelope repeats as its first argument (`new ApiResponse(200, …)`), when it is the one answered. */
function envelopeStatus(body: ts.Expression, code: number): ts.NumericLiteral | undefined {
  const node = unwrapExpression(body);
  if (!ts.isNewExpression(node) || !ENVELOPE_CLASS.test(memberPath(node.expression)?.pop() ?? '')) return undefined;
  const first = node.arguments?.[0] && unwrapExpression(node.arguments[0]);
  return first && ts.isNumericLiteral(first) && Number(first.text) === code ? first : undefined;
}

function isEmptyOrFixed(argument: ts.Expression): boolean {
  const value = unwrapExpression(argument);
  if (ts.isStringLiteralLike(value) || ts.isNumericLiteral(value) || ts.isTemplateExpression(value) || value.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(value) && value.text === 'undefined') return true;
  return (ts.isObjectLiteralExpression(value) && value.properties.length === 0) || (ts.isArrayLiteralExpression(value) && value.elements.length === 0);
}

/** Whether a response is on the handler's straight path: a statement of its body, or of a `try` block directly in it. */
function isTail(node: ts.Node, fn: FunctionLike): boolean {
  const statement = enclosingStatement(node);
  if (!statement) return false;
  const parent = statement.parent;
  if (parent === fn.body) return true;
  return ts.isBlock(parent) && ts.isTryStatement(parent.parent) && parent.parent.tryBlock === parent && parent.parent.parent === fn.body;
}

/** A Fastify route schema whose `response` declares 200 (and not 201): the contract says 200. */

/**
 * `POST /payments/webhook`, `POST /telegram-payment-webhook`, `POST /webhooks/stripe`: a provider's
 * callback. Not the API managing webhooks: `POST /api/webhooks`, `PUT /webhooks/:id`.
 */
function isWebhookReceiver(route: RouteFacts): boolean {
  const segments = (route.path ?? '').split('/').filter((segment) => segment.length > 0);
  const last = segments[segments.length - 1] ?? '';
  const previous = segments[segments.length - 2] ?? '';
  const isParameter = (segment: string): boolean => segment.startsWith(':') || segment.startsWith('{');
  return route.method === 'POST' && (/webhook$/i.test(last) || (/^webhooks?$/i.test(previous) && !isParameter(last)));
}

function calleeText(call: ts.CallExpression, sourceFile: ts.SourceFile): string {
  const text = call.expression.getText(sourceFile).replace(/\s+/g, '');
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function followingSiblings(statement: ts.Statement): readonly ts.Statement[] {
  const parent = statement.parent;
  if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isModuleBlock(parent)) {
    const index = parent.statements.indexOf(statement);
    return parent.statements.slice(index + 1);
  }
  return [];
}

function mentionsAny(node: ts.Node, names: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(child)) {
      const parent = child.parent;
      if (names.has(child.text) && !(ts.isPropertyAccessExpression(parent) && parent.name === child) && !(ts.isPropertyAssignment(parent) && parent.name === child)) found = true;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function containsThrow(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isThrowStatement(child)) found = true;
    else if (!isFunctionLike(child)) ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** Whether dropping an expression would drop work: calls, awaits, assignments, `new`. */
function hasSideEffects(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(child) || ts.isAwaitExpression(child) || ts.isNewExpression(child) || ts.isPostfixUnaryExpression(child) || ts.isDeleteExpression(child)) found = true;
    else if (ts.isBinaryExpression(child) && child.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && child.operatorToken.kind <= ts.SyntaxKind.LastAssignment) found = true;
    else if (!isFunctionLike(child)) ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

const rule: Rule = {
  meta: {
    id: 'wrong-status-code',
    description: 'Require HTTP status codes that match what the response says',
    category: 'correctness',
    defaultSeverity: 'warning',
    frameworks: ['express', 'fastify'],
    fixable: true,
  },
  scope: 'handler',
  create(context) {
    if ((context.isTestFile && !context.settings.lintTestFiles) || context.isBrowserAsset) return {};
    return { end: () => new StatusChecker(context).run() };
  },
};

export default rule;

/** `isAlreadyPurchased`, `hasAccess`, `canEdit`, `checkEmailExists`, `is-available`, `exists`. */
const YES_NO_QUESTION = /^(is|has|can)([A-Z_-]|$)|^check[A-Z_-]?\w*(Exists?|Available|Taken)$|^(exists?|available)$/;

/** A missing record the route parameters name, answered as a bad request or a server failure. */
function answersMissingAsError(code: number): boolean {
  return code === 400 || code === 422 || code >= 500;
}

function notFoundMessage(notFound: NotFoundBranch, code: number): string {
  // `const exists = await Course.exists({ _id })`: a flag, not the record's name
  const record = notFound.variable && !/^(exists?|found|ok|present|has\w*|is\w*)$/i.test(notFound.variable) ? `\`${notFound.variable}\`` : 'record';
  const what = notFound.keyedByParams && notFound.variable
    ? `This branch answers a missing ${record} (looked up from the route parameters)`
    : notFound.message
      ? 'This response says the resource was not found but'
      : `This branch answers a missing \`${notFound.variable ?? 'record'}\``;
  const verb = notFound.message && !(notFound.keyedByParams && notFound.variable) ? 'answers' : 'with';
  return `${what} ${verb} ${describeStatus(code)}; answer 404 Not Found.`;
}

/** The error itself, not a body describing it: `err`, `new NotFoundError(…)`. */
function isErrorObject(body: ts.Expression | undefined): boolean {
  const value = body && unwrapExpression(body);
  if (value === undefined) return false;
  if (ts.isIdentifier(value)) return true;
  // `result.error`, and `new AFTER_FN_ERR(…)` of an `@fastify/error` class
  if (ts.isPropertyAccessExpression(value)) return /^(err|error)$/i.test(value.name.text);
  if (ts.isNewExpression(value)) return /(error|err|exception)$/i.test(value.expression.getText());
  // `result.error || new AFTER_FN_ERR('…')`
  return isFallbackExpression(value) && isErrorObject(value.left) && isErrorObject(value.right);
}
