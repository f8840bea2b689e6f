import express from 'express';
import { productsRouter } from './routes/products.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { createBooksRouter } from './routes/books.js';
import { createAuthRouter } from './routes/auth.js';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/api/products', productsRouter);
  app.use('/api/v1/books', createBooksRouter());
  app.use('/api/v1/auth', createAuthRouter());
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
