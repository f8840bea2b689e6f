import express from 'express';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { notesRouter } from './routes/notes.js';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/api/notes', notesRouter);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
