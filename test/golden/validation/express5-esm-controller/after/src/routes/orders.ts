import { Router } from 'express';
import { createOrder, getOrder } from '../controllers/orders.js';
import { validate } from '../middleware/validate.js';
import { z } from 'zod';

export const ordersRouter = Router();

const CreateOrderBodySchema = z.object({
  item: z.string(),
  quantity: z.coerce.number(),
  note: z.unknown(),
});

ordersRouter.post('/', validate({ body: CreateOrderBodySchema }), createOrder);
ordersRouter.get('/:id', getOrder);
