import { ConflictError, NotFoundError } from '../errors.js';
import { UniqueConstraintError, type NewCustomer, type CustomerRepository } from './customers.repository.js';
import type { Customer, CustomerCreate, CustomerId, CustomerListQuery, CustomerPage, CustomerUpdate } from './customers.schemas.js';

type CustomerFields = Omit<NewCustomer, 'createdAt' | 'updatedAt'>;

/** Validated create input as stored: optional fields that were left out become null. */
function fieldsOf(input: CustomerCreate): CustomerFields {
  return {
    name: input.name,
    email: input.email,
  };
}

/**
 * The customers use cases over a repository: HTTP-agnostic, so routes stay thin and tests or
 * jobs can call it directly. Missing records raise NotFoundError (404), duplicates of unique
 * fields ConflictError (409).
 */
export class CustomersService {
  private readonly repository: CustomerRepository;

  constructor(repository: CustomerRepository) {
    this.repository = repository;
  }

  list(query: CustomerListQuery): Promise<CustomerPage> {
    const { page, limit, sort, ...filter } = query;
    return this.repository.list({ page, limit, sort, filter });
  }

  async get(id: CustomerId): Promise<Customer> {
    const record = await this.repository.findById(id);
    if (!record) throw new NotFoundError(`Customer ${id} not found`);
    return record;
  }

  async create(input: CustomerCreate): Promise<Customer> {
    const now = new Date().toISOString();
    return this.write(() => this.repository.create({ ...fieldsOf(input), createdAt: now, updatedAt: now }));
  }

  /** Changes the given fields; null clears an optional field. */
  async update(id: CustomerId, patch: CustomerUpdate): Promise<Customer> {
    const current = await this.get(id);
    const next: Customer = { ...current, ...patch, updatedAt: new Date().toISOString() };
    return this.saved(id, await this.write(() => this.repository.update(next)));
  }

  async remove(id: CustomerId): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError(`Customer ${id} not found`);
  }

  /** The record an update stored; a record deleted in the meantime is a 404 too. */
  private saved(id: CustomerId, record: Customer | undefined): Customer {
    if (!record) throw new NotFoundError(`Customer ${id} not found`);
    return record;
  }

  /** Runs a repository write, turning a unique-field clash into a 409. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw new ConflictError(`A customer with this ${error.field} already exists`, { field: error.field });
      }
      throw error;
    }
  }
}
