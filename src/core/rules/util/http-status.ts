import ts from 'typescript';
import { memberPath, unwrapExpression } from '../../analysis/syntax';

/**
 * Status-code constants as the common packages spell them (`http-status-codes` StatusCodes.X,
 * `http-status` httpStatus.X, NestJS HttpStatus.X, hand-written HTTP_STATUS.X). Only the names that
 * appear in real handlers; an unknown name stays unresolved rather than guessed.
 */
const CONSTANT_CODES: Record<string, number> = {
  CONTINUE: 100,
  SWITCHING_PROTOCOLS: 101,
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NON_AUTHORITATIVE_INFORMATION: 203,
  NO_CONTENT: 204,
  RESET_CONTENT: 205,
  PARTIAL_CONTENT: 206,
  MULTIPLE_CHOICES: 300,
  MOVED_PERMANENTLY: 301,
  MOVED_TEMPORARILY: 302,
  FOUND: 302,
  SEE_OTHER: 303,
  NOT_MODIFIED: 304,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  REQUEST_TOO_LONG: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_ENTITY: 422,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};

/** Names projects give their own status tables (`STATUS_CODES = { SUCCESS: 200, SERVER_ERROR: 500 }`). */
const PROJECT_CONSTANT_CODES: Record<string, number> = { SUCCESS: 200, SERVER_ERROR: 500, INTERNAL_ERROR: 500, UNAUTHORISED: 401 };

/** The constant name to write for a code, preferring the spelling `http-status-codes` and `http-status` share. */
const PREFERRED_NAMES: Record<number, string> = {
  200: 'OK',
  201: 'CREATED',
  202: 'ACCEPTED',
  204: 'NO_CONTENT',
  302: 'MOVED_TEMPORARILY',
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'UNPROCESSABLE_ENTITY',
  500: 'INTERNAL_SERVER_ERROR',
};

/** Objects that hold status constants: `StatusCodes`, `httpStatus`, `HttpStatus`, `HTTP_STATUS`, `HTTP`, `status`. */
const STATUS_OBJECT = /^(StatusCodes?|HttpStatus(Codes?)?|httpStatus(Codes?)?|HTTP_STATUS(_CODES?)?|HTTPStatus|HTTP(_CODES?)?|Http|httpCodes?|status|statusCodes?|STATUS(_CODES?)?|Status)$/;

export const REASON_PHRASES: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** `404 Not Found`, or just `404` for codes without a phrase here. */
export function describeStatus(code: number): string {
  const phrase = REASON_PHRASES[code];
  return phrase ? `${code} ${phrase}` : String(code);
}

/** What a status argument is, as far as syntax tells. */
export type StatusValue =
  | { kind: 'number'; value: number; node: ts.Expression }
  /** `StatusCodes.NOT_FOUND`: resolved through the constant table; `object` is the dotted receiver. */
  | { kind: 'constant'; value: number; node: ts.Expression; object: string; /** A project's own name (`STATUS_CODES.SUCCESS`): its object may lack the package spellings. */ projectName?: boolean }
  | { kind: 'string'; value: string; node: ts.Expression }
  | { kind: 'dynamic'; node: ts.Expression };

/**
 * Reads a status argument: numeric literals, status-package constants, string literals, and
 * identifiers bound to a numeric `const` in the same file. Anything else is dynamic.
 */
export function readStatus(node: ts.Expression): StatusValue {
  const value = unwrapExpression(node);
  if (ts.isNumericLiteral(value)) return { kind: 'number', value: Number(value.text), node: value };
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return { kind: 'string', value: value.text, node: value };
  if (ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) {
    const name = ts.isPropertyAccessExpression(value) ? value.name.text : ts.isStringLiteral(value.argumentExpression) ? value.argumentExpression.text : undefined;
    const objectPath = memberPath(value.expression);
    const objectName = objectPath?.[objectPath.length - 1];
    if (name !== undefined && objectPath && objectName && STATUS_OBJECT.test(objectName) && name in CONSTANT_CODES) {
      return { kind: 'constant', value: CONSTANT_CODES[name], node: value, object: objectPath.join('.') };
    }
    if (name !== undefined && objectPath && objectName && STATUS_OBJECT.test(objectName) && name in PROJECT_CONSTANT_CODES) {
      return { kind: 'constant', value: PROJECT_CONSTANT_CODES[name], node: value, object: objectPath.join('.'), projectName: true };
    }
    return { kind: 'dynamic', node: value };
  }
  if (ts.isIdentifier(value)) {
    const constant = constNumber(value);
    if (constant !== undefined) return { kind: 'number', value: constant, node: value };
  }
  return { kind: 'dynamic', node: value };
}

/** The numeric code a status value stands for, if known. */
export function statusNumber(status: StatusValue | undefined): number | undefined {
  return status && (status.kind === 'number' || status.kind === 'constant') ? status.value : undefined;
}

/**
 * Text for a status argument that says `code` in the spelling the existing argument uses: a
 * literal stays a literal, `StatusCodes.OK` becomes `StatusCodes.CREATED`.
 */
export function statusText(code: number, like: StatusValue | undefined): string {
  if (like?.kind === 'constant' && !like.projectName) {
    const name = PREFERRED_NAMES[code];
    if (name) return `${like.object}.${name}`;
  }
  return String(code);
}

/** Whether a code is a valid HTTP status a server may send. */
export function isValidStatus(code: number): boolean {
  return Number.isInteger(code) && code >= 100 && code <= 599;
}

/** A top-level `const NAME = 404` (or an enclosing-scope one) the identifier refers to. */
function constNumber(identifier: ts.Identifier): number | undefined {
  let scope: ts.Node | undefined = identifier.parent;
  while (scope) {
    if (ts.isBlock(scope) || ts.isSourceFile(scope)) {
      for (const statement of scope.statements) {
        if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.name.text === identifier.text && declaration.initializer) {
            const init = unwrapExpression(declaration.initializer);
            return ts.isNumericLiteral(init) ? Number(init.text) : undefined;
          }
        }
      }
    }
    scope = scope.parent;
  }
  return undefined;
}
