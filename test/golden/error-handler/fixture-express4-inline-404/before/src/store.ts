export type Role = 'customer' | 'admin';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: Date;
}

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface Order {
  id: string;
  userId: string;
  lines: OrderLine[];
  note?: string;
  status: 'pending' | 'paid' | 'shipped' | 'cancelled';
  total: number;
  createdAt: Date;
}

export interface ImportJob {
  id: string;
  userId: string;
  rows: unknown[];
  queuedAt: Date;
}

export const users = new Map<string, User>();
export const orders = new Map<string, Order>();
export const importJobs: ImportJob[] = [];

const stock = new Map<string, number>([
  ['SKU-1001', 25],
  ['SKU-1002', 4],
  ['SKU-2001', 120],
]);

export function findUserByEmail(email: string): User | undefined {
  for (const user of users.values()) {
    if (user.email.toLowerCase() === email.toLowerCase()) return user;
  }
  return undefined;
}

export async function reserveStock(lines: OrderLine[]): Promise<void> {
  for (const line of lines) {
    const available = stock.get(line.sku) ?? 0;
    if (available < line.quantity) {
      throw new Error(`Insufficient stock for ${line.sku}: ${available} left`);
    }
  }
  for (const line of lines) {
    stock.set(line.sku, (stock.get(line.sku) ?? 0) - line.quantity);
  }
}
