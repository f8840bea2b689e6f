import { Router } from 'express';

export const ordersRouter = Router();

ordersRouter.post('/', (req, res) => {
  res.status(201).json({ item: req.body.item });
});
