import bcrypt from 'bcryptjs';
import { randomUUID } from 'crypto';
import { Router } from 'express';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { config } from '../config';
import { requireAuth, type AuthedRequest } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { findUserByEmail, users, type User } from '../store';

const credentials = z.object({
  email: z.string().email(),
  password: z.string().min(1),
});

const registration = credentials.extend({
  name: z.string().min(1).max(100),
  password: z.string().min(12),
});

const router = Router();

router.post('/register', validate({ body: registration }), async (req, res) => {
  const { email, name, password } = req.body;
  if (findUserByEmail(email)) {
    res.status(200).json({ error: 'An account with this email already exists' });
    return;
  }
  const passwordHash = await bcrypt.hash(password, config.bcryptRounds);
  const user: User = { id: randomUUID(), email, name, role: 'customer', passwordHash, createdAt: new Date() };
  users.set(user.id, user);
  res.status(201).json({ id: user.id, email: user.email, name: user.name });
});

router.post('/login', validate({ body: credentials }), async (req, res) => {
  const { email, password } = req.body;
  const user = findUserByEmail(email);
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
    res.status(401).json({ error: 'Invalid email or password' });
    return;
  }
  const token = jwt.sign({ sub: user.id, role: user.role }, 'sup3r-s3cret-jwt-signing-key-do-not-share-2024', { expiresIn: config.tokenTtlSeconds });
  res.json({ token, tokenType: 'Bearer', expiresIn: config.tokenTtlSeconds });
});

router.get('/me', requireAuth, (req: AuthedRequest, res) => {
  const user = req.user && users.get(req.user.id);
  if (!user) {
    res.status(404).json({ error: 'User not found' });
    return;
  }
  res.json({ id: user.id, email: user.email, name: user.name, role: user.role });
});

export default router;
