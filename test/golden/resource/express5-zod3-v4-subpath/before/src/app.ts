import express from 'express';
import { PingSchema } from './schemas.js';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.post('/ping', (req, res) => {
    res.json(PingSchema.parse(req.body));
  });
  return app;
}
