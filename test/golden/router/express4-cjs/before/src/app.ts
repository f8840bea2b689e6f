import express, { Router as ExpressRouter } from 'express';

export function createApp() {
  const app = express();
  const api = ExpressRouter();
  app.use(express.json());
  app.use('/api', api);
  return app;
}
