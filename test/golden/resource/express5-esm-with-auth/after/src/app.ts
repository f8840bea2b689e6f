import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { config } from './config.js';
import { corsMiddleware } from './middleware/cors.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { requestLogger } from './middleware/logging.js';
import { rateLimiter } from './middleware/rate-limit.js';
import { requestId } from './middleware/request-id.js';
import { healthRouter } from './routes/health.js';
import { createAuthRouter } from './routes/auth.js';
import { createProductsRouter } from './routes/products.js';

/** Builds the app without listening: tests import it, src/server.ts starts it. */
export function createApp(): Express {
  const app = express();
  app.set('trust proxy', config.TRUST_PROXY);

  // The order matters: request id and logging first, then security headers and CORS, then
  // compression, body parsing and the rate limit; routes after; 404 and the error handler last.
  app.use(requestId());
  app.use(requestLogger);
  app.use(helmet());
  app.use(corsMiddleware());
  app.use(compression());
  app.use(express.json({ limit: config.BODY_LIMIT_BYTES }));
  app.use(rateLimiter());

  app.use('/health', healthRouter);
  app.use('/api/v1/auth', createAuthRouter());
  app.use('/api/v1/products', createProductsRouter());

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
