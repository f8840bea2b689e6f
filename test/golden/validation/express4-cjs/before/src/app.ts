import express from 'express';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { signupRouter } from './routes/signup';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/api/signup', signupRouter);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
