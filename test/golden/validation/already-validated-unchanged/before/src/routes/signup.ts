import { Router } from 'express';
import { z as zod } from 'zod';
import { validate as check } from '../middleware/validate';

const InviteSchema = zod.object({ code: zod.string().min(4) });
const signups: Array<{ email: string; name: string; age: number }> = [];

export const signupRouter = Router();

signupRouter.get('/invites/:code', check({ params: InviteSchema }), (req, res) => {
  res.json({ code: req.params.code, valid: true });
});

signupRouter.post('/', (req, res) => {
  const { email, name } = req.body;
  const age = Number(req.body.age);
  const source = req.query.source ?? 'web';
  signups.push({ email, name, age });
  res.status(201).json({ email, name, age, source });
});
