import express, { Router as ExpressRouter } from 'express';
import { ordersRouter } from './routes/orders';

export function createApp() {
  const app = express();
  const api = ExpressRouter();
  app.use(express.json());
  app.use('/api', api);
  app.use('/api/v1/orders', ordersRouter);
  return app;
}
