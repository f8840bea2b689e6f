import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { config } from './config.js';
import { loggerOptions } from './logger.js';
import { corsPlugin } from './plugins/cors.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { rateLimitPlugin } from './plugins/rate-limit.js';
import { genRequestId, requestIdPlugin } from './plugins/request-id.js';
import { healthRoutes } from './routes/health.js';
import { authPlugin } from './plugins/auth.js';
import { authRoutes } from './routes/auth.js';

/** Builds the app without listening: tests call it and use app.inject(), src/server.ts starts it. */
export async function buildApp(options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions,
    genReqId: genRequestId,
    requestIdHeader: false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    ...options,
  });

  // The order matters: request id first, then security headers, CORS, compression and the rate
  // limit, then the error and not-found handlers, all before the routes.
  await app.register(requestIdPlugin);
  await app.register(helmet);
  await app.register(corsPlugin);
  await app.register(compress);
  await app.register(rateLimitPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(authPlugin);

  await app.register(healthRoutes, { prefix: '/health' });
  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  return app;
}
