import { randomUUID } from 'crypto';
import type { Response } from 'express';
import { z } from 'zod';
import type { AuthedRequest } from '../middleware/auth';
import { orders, reserveStock, type Order } from '../store';

const createOrderBody = z.object({
  lines: z
    .array(
      z.object({
        sku: z.string().min(1),
        quantity: z.number().int().positive(),
        unitPrice: z.number().nonnegative(),
      }),
    )
    .min(1),
  note: z.string().max(500).optional(),
});

export function listMine(req: AuthedRequest, res: Response): void {
  const mine = [...orders.values()].filter((order) => order.userId === req.user!.id);
  res.json({ data: mine });
}

export async function create(req: AuthedRequest, res: Response): Promise<void> {
  const parsed = createOrderBody.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'Validation failed', details: parsed.error.flatten() });
    return;
  }
  try {
    const { lines, note } = parsed.data;
    await reserveStock(lines);
    const order: Order = {
      id: randomUUID(),
      userId: req.user!.id,
      lines,
      note,
      status: 'pending',
      total: lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
      createdAt: new Date(),
    };
    orders.set(order.id, order);
    res.status(201).json(order);
  } catch (err: any) {
    res.status(500).json({ message: err.message, stack: err.stack });
  }
}

export function getById(req: AuthedRequest, res: Response): void {
  const order = orders.get(req.params.id);
  if (!order || order.userId !== req.user!.id) {
    res.status(404).json({ error: 'Order not found' });
    return;
  }
  res.json(order);
}

export function cancel(req: AuthedRequest, res: Response): void {
  const order = orders.get(req.params.id);
  if (!order || order.userId !== req.user!.id) {
    res.status(404).json({ error: 'Order not found' });
    return;
  }
  if (order.status !== 'pending') {
    res.status(409).json({ error: `Cannot cancel an order that is ${order.status}` });
    return;
  }
  order.status = 'cancelled';
  res.json(order);
}
