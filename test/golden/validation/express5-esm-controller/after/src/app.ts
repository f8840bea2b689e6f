import express from 'express';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { ordersRouter } from './routes/orders.js';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/api/v1/orders', ordersRouter);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
