import express, { Router as ExpressRouter } from 'express';
import { healthRouter } from './routes/health.js';

export function createApp() {
  const app = express();
  const api = ExpressRouter();
  api.get('/ping', (_req, res) => {
    res.json({ pong: true });
  });
  app.use(express.json());
  app.use('/health', healthRouter);
  app.use('/api', api);
  return app;
}
