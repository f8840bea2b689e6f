import bcrypt from 'bcryptjs';
import { randomUUID } from 'crypto';
import type { Request, Response } from 'express';
import { config } from '../config';
import { findUserByEmail, users, type User } from '../store';

function toPublic(user: User) {
  return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt };
}

export function list(req: Request, res: Response): void {
  const { limit, offset } = req.query as unknown as { limit: number; offset: number };
  const page = [...users.values()].slice(offset, offset + limit).map(toPublic);
  res.json({ data: page, total: users.size });
}

export function getById(req: Request, res: Response): void {
  const user = users.get(req.params.id);
  if (!user) {
    res.status(404).json({ error: 'User not found' });
    return;
  }
  res.json(toPublic(user));
}

export async function create(req: Request, res: Response): Promise<void> {
  const { email, name, password, role } = req.body;
  if (findUserByEmail(email)) {
    res.status(409).json({ error: 'Email already registered' });
    return;
  }
  const passwordHash = await bcrypt.hash(password, config.bcryptRounds);
  const user: User = { id: randomUUID(), email, name, role, passwordHash, createdAt: new Date() };
  users.set(user.id, user);
  res.status(201).json(toPublic(user));
}

export function update(req: Request, res: Response): void {
  const user = users.get(req.params.id);
  if (!user) {
    res.status(404).json({ error: 'User not found' });
    return;
  }
  Object.assign(user, req.body);
  res.json(toPublic(user));
}

export function remove(req: Request, res: Response): void {
  if (!users.delete(req.params.id)) {
    res.status(404).json({ error: 'User not found' });
    return;
  }
  res.status(204).end();
}
