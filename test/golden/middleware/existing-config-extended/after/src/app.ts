import express from 'express';
import { productsRouter } from './routes/products.js';
import { corsMiddleware } from './middleware/cors.js';

export function createApp() {
  const app = express();
  app.use(corsMiddleware());
  app.use(express.json());
  app.use('/api/products', productsRouter);
  return app;
}
