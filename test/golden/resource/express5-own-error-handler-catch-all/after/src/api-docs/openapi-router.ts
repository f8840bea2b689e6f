import express, { type Router } from 'express';

export const openAPIRouter: Router = express.Router();

openAPIRouter.get('/swagger.json', (_req, res) => {
  res.json({ openapi: '3.0.0' });
});

// The docs page answers every other path below `/`.
openAPIRouter.use('/', (_req, res) => {
  res.type('html').send('<html><body>API docs</body></html>');
});
