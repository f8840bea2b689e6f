import express from 'express';
import { PingSchema } from './schemas.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { createEventsRouter } from './events/events.router.js';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.post('/ping', (req, res) => {
    res.json(PingSchema.parse(req.body));
  });
  app.use('/api/v1/events', createEventsRouter());
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
