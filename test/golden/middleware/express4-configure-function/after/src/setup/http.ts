import express, { type NextFunction, type Request, type Response } from 'express';
import { usersRouter } from '../routes/users';
import { requestId } from '../middleware/request-id';
import { requestLogger } from '../middleware/logging';
import helmet from 'helmet';
import { corsMiddleware } from '../middleware/cors';
import compression from 'compression';
import { rateLimiter } from '../middleware/rate-limit';

export default ({ app }: { app: express.Application }) => {
  app.use(requestId());
  app.use(requestLogger);
  app.use(helmet());
  app.use(corsMiddleware());
  app.use(compression());
  app.use(rateLimiter());
  app.get('/ping', (_req, res) => {
    res.send('pong');
  });
  app.use(express.json());
  app.use('/api/v1/users', usersRouter);

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ message: 'Not Found' });
  });
  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ message: err.message });
  });
};
