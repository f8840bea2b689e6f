import express from 'express';
import { usersRouter } from './routes/users';
import { registerErrorHandlers } from './errors';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/api/v1/users', usersRouter);
  registerErrorHandlers(app);
  return app;
}
