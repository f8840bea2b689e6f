import ts from 'typescript';
import { memoized, nodeMemo } from '../../analysis/node-memo';
import { unwrapExpression, type FunctionLike } from '../../analysis/syntax';
import { responseChainsIn, sentBody } from './response-calls';

/**
 * A project function that answers with the response it is handed, the envelope helpers most
 * Express projects keep in `utils/response`: `sendSuccess(res, data, message = 'Success', statusCode = 200)`
 * doing `res.status(statusCode).json({ success: true, message, data })`.
 */
export interface ResponseHelper {
  fn: FunctionLike;
  /** The parameter the response is handed in. */
  responseIndex: number;
  /**
   * Where the status comes from: a parameter (with the default it falls back to when the caller
   * leaves it out), a value fixed in the helper, nothing (the implicit 200), or something computed.
   */
  status: { kind: 'parameter'; index: number; fallback?: ts.Expression } | { kind: 'fixed'; value: ts.Expression } | { kind: 'implicit' } | { kind: 'unknown' };
  /** Parameters the body is built from: the record sent, and the message. */
  dataIndex?: number;
  messageIndex?: number;
}

const DATA_NAME = /^(data|payload|result|results|body|items|item|record|records|entity|value|doc|docs|rows)$/i;
const MESSAGE_NAME = /^(message|msg|text|description|detail)$/i;
const STATUS_NAME = /^(status|statusCode|code|httpStatus|httpCode|statusNumber)$/;

const helpers = nodeMemo<FunctionLike, ResponseHelper | null>('response helper');

/** The helper a function is, read once per parse; undefined when it is not one (it sends more than one way, or nothing). */
export function responseHelperOf(fn: FunctionLike): ResponseHelper | undefined {
  return memoized(helpers, fn, readHelper) ?? undefined;
}

function readHelper(fn: FunctionLike): ResponseHelper | null {
  const names = fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : undefined));
  for (const [responseIndex, name] of names.entries()) {
    if (!name || !/^(res|response|reply|rep)$/.test(name)) continue;
    const sending = responseChainsIn(fn, name).chains.filter((chain) => chain.terminal && ['json', 'send'].includes(chain.terminal.name));
    if (sending.length !== 1) return null;
    const chain = sending[0];
    const body = sentBody(chain.terminal);
    const bodyText = body?.getText() ?? '';
    const mentioned = (index: number): boolean => names[index] !== undefined && new RegExp(`\\b${names[index]}\\b`).test(bodyText);
    const dataIndex = names.findIndex((candidate, index) => candidate !== undefined && DATA_NAME.test(candidate) && mentioned(index));
    const messageIndex = names.findIndex((candidate, index) => candidate !== undefined && MESSAGE_NAME.test(candidate) && mentioned(index));
    return {
      fn,
      responseIndex,
      status: statusSource(fn, names, chain.statusLink?.args[0]),
      dataIndex: dataIndex >= 0 ? dataIndex : undefined,
      messageIndex: messageIndex >= 0 ? messageIndex : undefined,
    };
  }
  return null;
}

/** `res.status(statusCode)`, `res.status(statusCode || 500)`, `res.status(201)`, or no status call. */
function statusSource(fn: FunctionLike, names: readonly (string | undefined)[], argument: ts.Expression | undefined): ResponseHelper['status'] {
  if (!argument) return { kind: 'implicit' };
  let value = unwrapExpression(argument);
  let fallback: ts.Expression | undefined;
  if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.BarBarToken || value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    fallback = value.right;
    value = unwrapExpression(value.left);
  }
  const index = ts.isIdentifier(value) ? names.indexOf(value.text) : -1;
  if (index >= 0 && STATUS_NAME.test(value.getText())) return { kind: 'parameter', index, fallback: fn.parameters[index].initializer ?? fallback };
  return ts.isNumericLiteral(value) || ts.isPropertyAccessExpression(value) ? { kind: 'fixed', value } : { kind: 'unknown' };
}
