import { Router } from 'express';
import { z } from 'zod';
import * as users from '../controllers/users';
import { requireAuth, requireRole } from '../middleware/auth';
import { validate } from '../middleware/validate';

export const idParams = z.object({ id: z.string().uuid() });

const createUserBody = z.object({
  email: z.string().email(),
  name: z.string().min(1).max(100),
  password: z.string().min(12),
  role: z.enum(['customer', 'admin']).default('customer'),
});

const updateUserBody = createUserBody.omit({ password: true }).partial();

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const usersRouter = Router();

usersRouter.get('/', requireAuth, requireRole('admin'), validate({ query: listQuery }), users.list);
usersRouter.get('/:id', requireAuth, validate({ params: idParams }), users.getById);
usersRouter.post('/', requireAuth, requireRole('admin'), validate({ body: createUserBody }), users.create);
usersRouter.patch('/:id', requireAuth, validate({ params: idParams, body: updateUserBody }), users.update);
usersRouter.delete('/:id', requireAuth, requireRole('admin'), validate({ params: idParams }), users.remove);
