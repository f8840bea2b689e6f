import express from 'express';
import { productsRouter } from './routes/products.js';
import { requestId } from './middleware/request-id.js';
import { requestLogger } from './middleware/logging.js';
import helmet from 'helmet';
import { corsMiddleware } from './middleware/cors.js';
import compression from 'compression';
import { rateLimiter } from './middleware/rate-limit.js';

export function createApp() {
  const app = express();
  app.use(requestId());
  app.use(requestLogger);
  app.use(helmet());
  app.use(corsMiddleware());
  app.use(compression());
  app.use(express.json());
  app.use(rateLimiter());
  app.use('/api/products', productsRouter);
  return app;
}
