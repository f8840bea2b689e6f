import express from 'express';
import { productsRouter } from './routes/products.js';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/api/products', productsRouter);
  return app;
}
