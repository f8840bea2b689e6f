import express from 'express';
import { usersRouter } from './routes/users';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { createProductsRouter } from './routes/products';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/api/v1/users', usersRouter);
  app.use('/api/v1/products', createProductsRouter());
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
