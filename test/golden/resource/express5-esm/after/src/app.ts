import express, { Router as ExpressRouter } from 'express';
import { healthRouter } from './routes/health.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { createCategoriesRouter } from './routes/categories.js';

export function createApp() {
  const app = express();
  const api = ExpressRouter();
  api.get('/ping', (_req, res) => {
    res.json({ pong: true });
  });
  app.use(express.json());
  app.use('/health', healthRouter);
  app.use('/api', api);
  app.use('/api/v1/categories', createCategoriesRouter());
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
