import { Router as ExpressRouter } from 'express';
import { asyncHandler as wrap } from '../middleware/async-handler';
import { z } from 'zod';
import { validate } from '../middleware/validate';

const PostOrdersCancelParamsSchema = z.object({
  id: z.string().uuid(),
});

const PostOrdersCancelBodySchema = z.object({
  reason: z.string().trim().min(1),
  notify: z.boolean().optional(),
});

export const ordersRouter = ExpressRouter();

ordersRouter.get('/', wrap(async (_req, res) => {
  res.json({ data: [] });
}));

/** POST /api/v1/orders/:id/cancel: answers 501 until implemented. Read the checked input with validated(res, 'params', PostOrdersCancelParamsSchema), validated(res, 'body', PostOrdersCancelBodySchema). */
ordersRouter.post('/:id/cancel', validate({ params: PostOrdersCancelParamsSchema, body: PostOrdersCancelBodySchema }), (_req, res) => {
  res.status(501).json({ error: { code: 'NOT_IMPLEMENTED', message: 'POST /api/v1/orders/:id/cancel is not implemented yet' } });
});
