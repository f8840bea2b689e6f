import ts from 'typescript';
import type { FileAnalysis } from '../../analysis/types';
import { isFunctionLike, memberPath, unwrapExpression } from '../../analysis/syntax';
import { applyEdits, type TextEdit } from '../../model/edit';
import type { Framework } from '../../model/rule-meta';
import type { ProjectInfo } from '../../project/project-info';
import { enclosingStatement } from './response-calls';
import { indentationAt, quoted, semi, sourceStyle } from './source-style';

/**
 * The quick fix of `error-details-leak`: answer with a generic error body and a request id, log the
 * error server-side with the logger the file already uses, and make the status a 500 when the
 * response had none (or a success code).
 */

export interface GenericErrorResponseRequest {
  sourceFile: ts.SourceFile;
  analysis: FileAnalysis;
  project: ProjectInfo;
  framework: Framework;
  /** The payload expression to replace. */
  payload: ts.Expression;
  /** The sending expression (`res.status(500).json(…)`) or the returned payload. */
  send: ts.Expression;
  /** Where to add `.status(500)` / `.code(500)` (after the response identifier), when nothing sets a status. */
  addStatusAfter?: ts.Identifier;
  /** A success / redirect status argument to turn into 500. */
  replaceStatus?: ts.Expression;
  /** Fastify `return payload`: the reply to set `.code(500)` on before returning. */
  returnStatusReply?: string;
  /** The payload is a message that a reply helper wraps in its own error body: replace it by a generic message. */
  messageOnly?: boolean;
  /** A status falling back to 500 (`err.status || 500`): the generic body only for server errors, deliberate ones keep theirs. */
  fallbackStatus?: ts.Expression;
  /** The request parameter, for `requestId` and `request.log`. */
  requestName?: string;
  /** The caught error to log. */
  error: ts.Identifier;
  /** The function the response belongs to (to look for existing logging). */
  handler: ts.Node;
}

/** Edits that replace the payload by a generic error body, set a 500 and log the error. */
export function genericErrorResponseEdits(request: GenericErrorResponseRequest): TextEdit[] | undefined {
  const { sourceFile } = request;
  const style = sourceStyle(sourceFile);
  const q = (text: string): string => quoted(text, style);
  const requestId = request.requestName && hasRequestId(request, request.requestName) ? `, requestId: ${request.requestName}.id` : '';
  const body = request.messageOnly
    ? q('Internal server error')
    : `{ error: { code: ${q('INTERNAL_ERROR')}, message: ${q('Internal server error')}${requestId} } }`;

  const status = request.fallbackStatus;
  const payloadText = request.payload.getText(sourceFile);
  const newPayload = status ? `${needsParentheses(status) ? `(${status.getText(sourceFile)})` : status.getText(sourceFile)} >= 500 ? ${body} : ${ts.isConditionalExpression(unwrapExpression(request.payload)) ? `(${payloadText})` : payloadText}` : body;
  const inner: TextEdit[] = [{ start: request.payload.getStart(sourceFile), end: request.payload.getEnd(), newText: newPayload }];
  if (request.addStatusAfter) {
    const method = request.framework === 'fastify' ? 'code' : 'status';
    inner.push({ start: request.addStatusAfter.getEnd(), end: request.addStatusAfter.getEnd(), newText: `.${method}(500)` });
  }
  if (request.replaceStatus) inner.push({ start: request.replaceStatus.getStart(sourceFile), end: request.replaceStatus.getEnd(), newText: '500' });

  const before: string[] = [];
  if (!alreadyLogged(request)) before.push(`${loggerCall(request)}${semi(style)}`);
  if (request.returnStatusReply) before.push(`${request.returnStatusReply}.code(500)${semi(style)}`);
  if (before.length === 0) return inner;

  const text = sourceFile.text;
  const eol = style.eol;
  const arrow = expressionBodiedArrow(request.send);
  if (arrow) {
    // (err) => res.status(500).json(…)  →  (err) => { log; return res.status(500).json(…); }
    const body = arrow.body;
    const indent = indentationAt(text, arrow.getStart(sourceFile));
    const innerIndent = indent + style.indentUnit;
    const rewritten = rewrite(text, body.getStart(sourceFile), body.getEnd(), inner);
    const lines = [...before, `return ${rewritten}${semi(style)}`].map((line) => `${innerIndent}${line}`);
    return [{ start: body.getStart(sourceFile), end: body.getEnd(), newText: `{${eol}${lines.join(eol)}${eol}${indent}}` }];
  }
  const statement = enclosingStatement(request.send);
  if (!statement) return undefined;
  const parent = statement.parent;
  const start = statement.getStart(sourceFile);
  const indent = indentationAt(text, start);
  if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isModuleBlock(parent)) {
    return [...inner, { start, end: start, newText: before.map((line) => `${line}${eol}${indent}`).join('') }];
  }
  // a braceless branch: `if (err) return res.status(500).send(err)` gets braces
  const innerIndent = indent + style.indentUnit;
  const rewritten = rewrite(text, start, statement.getEnd(), inner);
  const lines = [...before, rewritten].map((line) => `${innerIndent}${line}`);
  return [{ start, end: statement.getEnd(), newText: `{${eol}${lines.join(eol)}${eol}${indent}}` }];
}

/**
 * Whether `genericErrorResponseEdits` has somewhere to put the logging line: an expression-bodied
 * arrow or a statement around the send. Lets a rule offer the fix without building its edits.
 */
export function canPlaceErrorResponseFix(send: ts.Expression): boolean {
  return expressionBodiedArrow(send) !== undefined || enclosingStatement(send) !== undefined;
}

/** The text between start and end with edits (in file offsets) applied. */
function rewrite(text: string, start: number, end: number, edits: readonly TextEdit[]): string {
  return applyEdits(
    text.slice(start, end),
    edits.map((edit) => ({ start: edit.start - start, end: edit.end - start, newText: edit.newText })),
  );
}

/** The arrow function whose expression body is the send: `.catch((err) => res.status(500).json(…))`. */
function expressionBodiedArrow(send: ts.Expression): ts.ArrowFunction | undefined {
  let node: ts.Node = send;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isVoidExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return ts.isArrowFunction(parent) && parent.body === node ? parent : undefined;
}

/** Packages that put an id on every request (`req.id`). */
const REQUEST_ID_PACKAGES = ['pino-http', 'express-pino-logger', 'express-request-id', 'express-request-context'];

function hasRequestId(request: GenericErrorResponseRequest, requestName: string): boolean {
  if (request.framework === 'fastify') return true;
  if (REQUEST_ID_PACKAGES.some((name) => name in request.project.dependencies)) return true;
  return new RegExp(`(^|[^\\w$.])${escapeRegExp(requestName)}\\.id\\b`).test(request.sourceFile.text);
}

/** `request.log.error(err)` in Fastify, the file's `logger` / `log`, `req.log` with pino-http, else `console.error(err)`. */
function loggerCall(request: GenericErrorResponseRequest): string {
  const error = request.error.text;
  const text = request.sourceFile.text;
  if (request.framework === 'fastify' && request.requestName) return `${request.requestName}.log.error(${error})`;
  for (const binding of request.analysis.imports.values()) {
    if (/^(logger|log)$/.test(binding.local)) return `${binding.local}.error(${error})`;
  }
  for (const statement of request.sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && /^(logger|log)$/.test(declaration.name.text) && declaration.initializer && !isFunctionLike(unwrapExpression(declaration.initializer))) {
        return `${declaration.name.text}.error(${error})`;
      }
    }
  }
  if (request.requestName && new RegExp(`(^|[^\\w$.])${escapeRegExp(request.requestName)}\\.log\\.(error|info|warn)\\(`).test(text)) return `${request.requestName}.log.error(${error})`;
  return `console.error(${error})`;
}

/** Whether the error is already logged before the send in the same handler. */
function alreadyLogged(request: GenericErrorResponseRequest): boolean {
  const sendStart = request.send.getStart(request.sourceFile);
  const name = request.error.text;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || node.getStart(request.sourceFile) >= sendStart) return;
    if (ts.isCallExpression(node)) {
      const path = memberPath(node.expression) ?? [];
      const logging = path.some((part) => /^(console|logger|log|winston|pino|Sentry|captureException|logError|reportError)$/.test(part));
      if (logging && node.arguments.some((argument) => mentions(argument, name))) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(request.handler);
  return found;
}

function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name;
  let found = false;
  node.forEachChild((child) => {
    if (!found && mentions(child, name)) found = true;
  });
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function needsParentheses(expression: ts.Expression): boolean {
  return ts.isBinaryExpression(expression) || ts.isConditionalExpression(expression);
}
