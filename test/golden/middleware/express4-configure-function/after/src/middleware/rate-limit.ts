import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { config } from '../config';

/** RATE_LIMIT_MAX requests per client per RATE_LIMIT_WINDOW_MS; then 429 in the standard error shape. */
export function rateLimiter(): RequestHandler {
  return rateLimit({
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    limit: config.RATE_LIMIT_MAX,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res, _next, options) => {
      const requestId = res.getHeader('x-request-id');
      res.status(options.statusCode).json({
        error: { code: 'TOO_MANY_REQUESTS', message: 'Too many requests, try again later', requestId: typeof requestId === 'string' ? requestId : undefined },
      });
    },
  });
}
