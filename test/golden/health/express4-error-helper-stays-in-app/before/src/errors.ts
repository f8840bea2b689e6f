import type { Application, NextFunction, Request, Response } from 'express';

export function registerErrorHandlers(app: Application) {
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ message: 'Not Found' });
  });
  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ message: err.message });
  });
}
