import express from 'express';
import { ordersRouter } from './routes/orders';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/api/v1/orders', ordersRouter);
  return app;
}
