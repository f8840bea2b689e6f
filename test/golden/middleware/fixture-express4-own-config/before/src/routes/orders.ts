import { randomUUID } from 'crypto';
import { Router, type Response } from 'express';
import * as orders from '../controllers/orders';
import { requireAuth, type AuthedRequest } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { importJobs } from '../store';
import { idParams } from './users';

export const ordersRouter = Router();

ordersRouter.use(requireAuth);

ordersRouter.get('/', orders.listMine);
ordersRouter.post('/', orders.create);
ordersRouter.get('/:id', validate({ params: idParams }), orders.getById);
ordersRouter.post('/:id/cancel', validate({ params: idParams }), orders.cancel);

ordersRouter.post('/import', (req: AuthedRequest, res: Response) => {
  const { orders: rows } = req.body;
  importJobs.push({ id: randomUUID(), userId: req.user!.id, rows, queuedAt: new Date() });
  res.status(202).json({ accepted: rows.length });
});
