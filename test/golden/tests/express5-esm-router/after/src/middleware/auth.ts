import type { RequestHandler } from 'express';
import { UnauthorizedError } from '../errors.js';

/** Lets requests with the demo token through. */
export const requireAuth: RequestHandler = (req, _res, next) => {
  next(req.headers.authorization === 'Bearer demo' ? undefined : new UnauthorizedError());
};
