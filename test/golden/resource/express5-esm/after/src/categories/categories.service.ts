import { ConflictError, NotFoundError } from '../errors.js';
import { UniqueConstraintError, type NewCategory, type CategoryRepository } from './categories.repository.js';
import type { Category, CategoryCreate, CategoryId, CategoryListQuery, CategoryPage, CategoryUpdate } from './categories.schemas.js';

type CategoryFields = Omit<NewCategory, 'createdAt' | 'updatedAt'>;

/** Validated create input as stored: optional fields that were left out become null. */
function fieldsOf(input: CategoryCreate): CategoryFields {
  return {
    name: input.name,
    position: input.position ?? null,
    visible: input.visible,
  };
}

/**
 * The categories use cases over a repository: HTTP-agnostic, so routes stay thin and tests or
 * jobs can call it directly. Missing records raise NotFoundError (404), duplicates of unique
 * fields ConflictError (409).
 */
export class CategoriesService {
  private readonly repository: CategoryRepository;

  constructor(repository: CategoryRepository) {
    this.repository = repository;
  }

  list(query: CategoryListQuery): Promise<CategoryPage> {
    const { page, limit, sort, ...filter } = query;
    return this.repository.list({ page, limit, sort, filter });
  }

  async get(id: CategoryId): Promise<Category> {
    const record = await this.repository.findById(id);
    if (!record) throw new NotFoundError(`Category ${id} not found`);
    return record;
  }

  async create(input: CategoryCreate): Promise<Category> {
    const now = new Date().toISOString();
    return this.write(() => this.repository.create({ ...fieldsOf(input), createdAt: now, updatedAt: now }));
  }

  /** Changes the given fields; null clears an optional field. */
  async update(id: CategoryId, patch: CategoryUpdate): Promise<Category> {
    const current = await this.get(id);
    const next: Category = { ...current, ...patch, updatedAt: new Date().toISOString() };
    return this.saved(id, await this.write(() => this.repository.update(next)));
  }

  /** Replaces every field (PUT); optional fields that are left out become null. */
  async replace(id: CategoryId, input: CategoryCreate): Promise<Category> {
    const current = await this.get(id);
    const next: Category = { id: current.id, ...fieldsOf(input), createdAt: current.createdAt, updatedAt: new Date().toISOString() };
    return this.saved(id, await this.write(() => this.repository.update(next)));
  }

  async remove(id: CategoryId): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError(`Category ${id} not found`);
  }

  /** The record an update stored; a record deleted in the meantime is a 404 too. */
  private saved(id: CategoryId, record: Category | undefined): Category {
    if (!record) throw new NotFoundError(`Category ${id} not found`);
    return record;
  }

  /** Runs a repository write, turning a unique-field clash into a 409. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw new ConflictError(`A category with this ${error.field} already exists`, { field: error.field });
      }
      throw error;
    }
  }
}
