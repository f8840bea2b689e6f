import { Router as ExpressRouter } from 'express';
import { asyncHandler as wrap } from '../middleware/async-handler';

export const ordersRouter = ExpressRouter();

ordersRouter.get('/', wrap(async (_req, res) => {
  res.json({ data: [] });
}));
