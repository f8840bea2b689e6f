import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ZodError } from 'zod';
import { HttpError, NotFoundError } from '../errors';

interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

interface RequestLogger {
  error(object: object, message: string): void;
}

function send(res: Response, status: number, body: ErrorBody): void {
  res.status(status).json({ error: body });
}

/** The id the request-id middleware put on the response (undefined when it is not installed). */
function requestIdOf(res: Response): string | undefined {
  const value = res.getHeader('x-request-id');
  return typeof value === 'string' ? value : undefined;
}

/** pino-http's `req.log` when request logging is installed, so the error is logged with its request. */
function loggerOf(req: Request): RequestLogger | undefined {
  const candidate: unknown = Reflect.get(req, 'log');
  return typeof candidate === 'object' && candidate !== null && typeof Reflect.get(candidate, 'error') === 'function' ? (candidate as RequestLogger) : undefined;
}

/** Status of errors raised by libraries (body parser: 400 invalid JSON, 413 too large, …). */
function libraryStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status: unknown = Reflect.get(error, 'status') ?? Reflect.get(error, 'statusCode');
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599 ? status : undefined;
}

function codeForStatus(status: number): string {
  const text = STATUS_CODES[status];
  return text ? text.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '') : 'REQUEST_FAILED';
}

/** Unknown routes: a 404 in the same shape as every other error. Register after all routes. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`Route ${req.method} ${req.path} not found`, 'ROUTE_NOT_FOUND'));
};

/**
 * The last middleware: answers `{ error: { code, message, details?, requestId } }`. Validation
 * errors (zod) become 422 with the issues; deliberate client errors keep their status and message;
 * anything else is logged and hidden behind a 500.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const requestId = requestIdOf(res);
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({
      path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
      message: issue.message,
      code: issue.code,
    }));
    send(res, 422, { code: 'VALIDATION_FAILED', message: 'Request validation failed', details, requestId });
    return;
  }
  if (error instanceof HttpError && error.status < 500) {
    send(res, error.status, { code: error.code, message: error.message, details: error.details, requestId });
    return;
  }
  const status = error instanceof HttpError ? error.status : libraryStatusOf(error);
  if (status !== undefined && status < 500) {
    const exposed = typeof error === 'object' && error !== null && Reflect.get(error, 'expose') === true && error instanceof Error;
    send(res, status, { code: codeForStatus(status), message: exposed ? error.message : (STATUS_CODES[status] ?? 'Request failed'), requestId });
    return;
  }
  const logger = loggerOf(req);
  if (logger) logger.error({ err: error, requestId }, 'Unhandled error');
  else console.error(`Unhandled error (request ${requestId ?? 'without id'})`, error);
  send(res, 500, { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId });
};

/**
 * For routers mounted in an app that has an error handler of its own (`router.use(scopedErrorHandler)`
 * after the routes): answers the errors the routes raise on purpose — validation (422) and client
 * errors (4xx) — in the shape above, and passes anything else on to the app's handler.
 */
export const scopedErrorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (error instanceof ZodError || (error instanceof HttpError && error.status < 500)) {
    errorHandler(error, req, res, next);
    return;
  }
  next(error);
};
