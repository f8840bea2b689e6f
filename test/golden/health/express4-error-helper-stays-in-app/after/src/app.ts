import express from 'express';
import { usersRouter } from './routes/users';
import { registerErrorHandlers } from './errors';
import { healthRouter } from './routes/health';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/api/v1/users', usersRouter);
  app.use('/health', healthRouter);
  registerErrorHandlers(app);
  return app;
}
