import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import { logger } from '../logger';

/** One log line per request (method, url, status, time), tagged with the request id. */
export const requestLogger = pinoHttp({
  logger,
  genReqId: (_req, res) => {
    const id = res.getHeader('x-request-id');
    return typeof id === 'string' ? id : randomUUID();
  },
  customLogLevel: (_req, res, error) => (error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
});
