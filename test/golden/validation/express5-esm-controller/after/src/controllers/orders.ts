import type { Request, Response } from 'express';

const orders = new Map<string, { item: string; quantity: number; note?: string }>();

export async function createOrder(req: Request, res: Response): Promise<void> {
  const { item, quantity, note } = req.body;
  const id = String(orders.size + 1);
  orders.set(id, { item: String(item), quantity: quantity * 1, note });
  res.status(201).json({ id });
}

export function getOrder(req: Request, res: Response): void {
  res.json(orders.get(String(req.params.id)) ?? null);
}
