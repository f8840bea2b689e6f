import { ConflictError, NotFoundError } from '../errors.js';
import { UniqueConstraintError, type NewProduct, type ProductRepository } from './products.repository.js';
import type { Product, ProductCreate, ProductId, ProductListQuery, ProductPage, ProductUpdate } from './products.schemas.js';

type ProductFields = Omit<NewProduct, 'createdAt' | 'updatedAt'>;

/** Validated create input as stored: optional fields that were left out become null. */
function fieldsOf(input: ProductCreate): ProductFields {
  return {
    name: input.name,
    price: input.price,
    tags: input.tags ?? null,
  };
}

/**
 * The products use cases over a repository: HTTP-agnostic, so routes stay thin and tests or
 * jobs can call it directly. Missing records raise NotFoundError (404), duplicates of unique
 * fields ConflictError (409).
 */
export class ProductsService {
  private readonly repository: ProductRepository;

  constructor(repository: ProductRepository) {
    this.repository = repository;
  }

  list(query: ProductListQuery): Promise<ProductPage> {
    const { page, limit, sort, ...filter } = query;
    return this.repository.list({ page, limit, sort, filter });
  }

  async get(id: ProductId): Promise<Product> {
    const record = await this.repository.findById(id);
    if (!record) throw new NotFoundError(`Product ${id} not found`);
    return record;
  }

  async create(input: ProductCreate): Promise<Product> {
    const now = new Date().toISOString();
    return this.write(() => this.repository.create({ ...fieldsOf(input), createdAt: now, updatedAt: now }));
  }

  /** Changes the given fields; null clears an optional field. */
  async update(id: ProductId, patch: ProductUpdate): Promise<Product> {
    const current = await this.get(id);
    const next: Product = { ...current, ...patch, updatedAt: new Date().toISOString() };
    return this.saved(id, await this.write(() => this.repository.update(next)));
  }

  async remove(id: ProductId): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError(`Product ${id} not found`);
  }

  /** The record an update stored; a record deleted in the meantime is a 404 too. */
  private saved(id: ProductId, record: Product | undefined): Product {
    if (!record) throw new NotFoundError(`Product ${id} not found`);
    return record;
  }

  /** Runs a repository write, turning a unique-field clash into a 409. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw new ConflictError(`A product with this ${error.field} already exists`, { field: error.field });
      }
      throw error;
    }
  }
}
