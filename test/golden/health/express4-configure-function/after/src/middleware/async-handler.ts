import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ParamsDictionary } from 'express-serve-static-core';
import type { ParsedQs } from 'qs';

/**
 * Express 4 does not pass rejected promises to the error handler: wrap every async handler and
 * middleware in this so a thrown error (or a rejection) reaches it instead of hanging the request.
 */
export function asyncHandler<P = ParamsDictionary, ResBody = unknown, ReqBody = unknown, ReqQuery = ParsedQs, Locals extends Record<string, unknown> = Record<string, unknown>>(
  handler: (req: Request<P, ResBody, ReqBody, ReqQuery, Locals>, res: Response<ResBody, Locals>, next: NextFunction) => Promise<unknown>,
): RequestHandler<P, ResBody, ReqBody, ReqQuery, Locals> {
  return (req, res, next) => {
    handler(req, res, next).catch(next);
  };
}
