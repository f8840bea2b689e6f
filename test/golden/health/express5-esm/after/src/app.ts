import express from 'express';
import { productsRouter } from './routes/products.js';
import { healthRouter } from './routes/health.js';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/api/products', productsRouter);
  app.use('/health', healthRouter);
  return app;
}
