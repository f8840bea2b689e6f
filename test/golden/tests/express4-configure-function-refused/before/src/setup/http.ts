import express, { type NextFunction, type Request, type Response } from 'express';
import { usersRouter } from '../routes/users';

export default ({ app }: { app: express.Application }) => {
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
