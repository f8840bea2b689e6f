import type { RequestHandler } from 'express';

/** Checks the API key of internal callers. */
export const apiKey: RequestHandler = (req, res, next) => {
  if (req.header('x-api-key') === process.env.INTERNAL_API_KEY) {
    next();
    return;
  }
  res.status(401).json({ message: 'API key required' });
};
