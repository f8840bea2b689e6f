import { randomUUID } from 'node:crypto';
import type { Customer, CustomerFilter, CustomerId, CustomerPage, CustomerSort } from './customers.schemas.js';

/** What the list endpoint asks the repository for. */
export interface CustomerListOptions {
  page: number;
  limit: number;
  sort: CustomerSort | undefined;
  filter: CustomerFilter;
}

/** A customer before the repository has given it an id. */
export type NewCustomer = Omit<Customer, 'id'>;

/**
 * Where customers are stored. InMemoryCustomerRepository below is the default; a database-backed
 * implementation provides the same methods and throws UniqueConstraintError when a write would
 * duplicate the value of a unique field.
 */
export interface CustomerRepository {
  list(options: CustomerListOptions): Promise<CustomerPage>;
  findById(id: CustomerId): Promise<Customer | undefined>;
  create(data: NewCustomer): Promise<Customer>;
  /** Replaces the stored record with the same id; undefined when there is none. */
  update(record: Customer): Promise<Customer | undefined>;
  /** False when there was no record with this id. */
  delete(id: CustomerId): Promise<boolean>;
}

/** A write would give a unique field a value another record already has. */
export class UniqueConstraintError extends Error {
  readonly field: string;

  constructor(field: string) {
    super(`${field} must be unique`);
    this.name = 'UniqueConstraintError';
    this.field = field;
  }
}

type SortField = Exclude<CustomerSort, `-${string}`>;
type SortValue = string | number | boolean | null;

/** Ascending order; nulls last (first when the order is reversed). */
function compareValues(left: SortValue, right: SortValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right));
}

function matches(record: Customer, filter: CustomerFilter): boolean {
  if (filter.name !== undefined && record.name !== filter.name) return false;
  if (filter.email !== undefined && record.email !== filter.email) return false;
  return true;
}

/**
 * Keeps customers in memory: the default until a database is wired in. Records are copied in
 * and out, so callers cannot change stored data by accident.
 */
export class InMemoryCustomerRepository implements CustomerRepository {
  private readonly records = new Map<CustomerId, Customer>();

  async list({ page, limit, sort, filter }: CustomerListOptions): Promise<CustomerPage> {
    const matching = [...this.records.values()].filter((record) => matches(record, filter));
    if (sort) {
      const descending = sort.startsWith('-');
      const field = (descending ? sort.slice(1) : sort) as SortField;
      matching.sort((a, b) => compareValues(a[field], b[field]) * (descending ? -1 : 1));
    }
    const start = (page - 1) * limit;
    return { data: matching.slice(start, start + limit).map((record) => structuredClone(record)), page, limit, total: matching.length };
  }

  async findById(id: CustomerId): Promise<Customer | undefined> {
    const record = this.records.get(id);
    return record && structuredClone(record);
  }

  async create(data: NewCustomer): Promise<Customer> {
    this.assertUnique(data);
    const record: Customer = { id: randomUUID(), ...structuredClone(data) };
    this.records.set(record.id, record);
    return structuredClone(record);
  }

  async update(record: Customer): Promise<Customer | undefined> {
    if (!this.records.has(record.id)) return undefined;
    this.assertUnique(record, record.id);
    this.records.set(record.id, structuredClone(record));
    return structuredClone(record);
  }

  async delete(id: CustomerId): Promise<boolean> {
    return this.records.delete(id);
  }

  /** What a unique index does in a database: one record per value of each unique field. */
  private assertUnique(data: NewCustomer, ownId?: CustomerId): void {
    for (const other of this.records.values()) {
      if (other.id === ownId) continue;
      if (data.email === other.email) throw new UniqueConstraintError('email');
    }
  }
}
