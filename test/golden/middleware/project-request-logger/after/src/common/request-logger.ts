import type { RequestHandler } from 'express';

const requestLogger: RequestHandler = (req, _res, next) => {
  console.log(`${req.method} ${req.url}`);
  next();
};

export default requestLogger;
