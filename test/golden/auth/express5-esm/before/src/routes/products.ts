import { Router } from 'express';

export const productsRouter = Router();

productsRouter.get('/', async (_req, res) => {
  res.json({ items: [] });
});
