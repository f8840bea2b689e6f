import type { ErrorRequestHandler, RequestHandler } from 'express';

const unexpectedRequest: RequestHandler = (_req, res) => {
  res.status(404).send('Not Found');
};

const addErrorToRequestLog: ErrorRequestHandler = (err, _req, res, next) => {
  res.locals.err = err;
  next(err);
};

export default (): [RequestHandler, ErrorRequestHandler] => [unexpectedRequest, addErrorToRequestLog];
