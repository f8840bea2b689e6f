import type { Category, CategoryFilter, CategoryId, CategoryPage, CategorySort } from './categories.schemas.js';

/** What the list endpoint asks the repository for. */
export interface CategoryListOptions {
  page: number;
  limit: number;
  sort: CategorySort | undefined;
  filter: CategoryFilter;
}

/** A category before the repository has given it an id. */
export type NewCategory = Omit<Category, 'id'>;

/**
 * Where categories are stored. InMemoryCategoryRepository below is the default; a database-backed
 * implementation provides the same methods and throws UniqueConstraintError when a write would
 * duplicate the value of a unique field.
 */
export interface CategoryRepository {
  list(options: CategoryListOptions): Promise<CategoryPage>;
  findById(id: CategoryId): Promise<Category | undefined>;
  create(data: NewCategory): Promise<Category>;
  /** Replaces the stored record with the same id; undefined when there is none. */
  update(record: Category): Promise<Category | undefined>;
  /** False when there was no record with this id. */
  delete(id: CategoryId): Promise<boolean>;
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

type SortField = Exclude<CategorySort, `-${string}`>;
type SortValue = string | number | boolean | null;

/** Ascending order; nulls last (first when the order is reversed). */
function compareValues(left: SortValue, right: SortValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right));
}

function matches(record: Category, filter: CategoryFilter): boolean {
  if (filter.name !== undefined && record.name !== filter.name) return false;
  if (filter.position !== undefined && record.position !== filter.position) return false;
  if (filter.visible !== undefined && record.visible !== filter.visible) return false;
  return true;
}

/**
 * Keeps categories in memory: the default until a database is wired in. Records are copied in
 * and out, so callers cannot change stored data by accident.
 */
export class InMemoryCategoryRepository implements CategoryRepository {
  private readonly records = new Map<CategoryId, Category>();
  private nextId = 1;

  async list({ page, limit, sort, filter }: CategoryListOptions): Promise<CategoryPage> {
    const matching = [...this.records.values()].filter((record) => matches(record, filter));
    if (sort) {
      const descending = sort.startsWith('-');
      const field = (descending ? sort.slice(1) : sort) as SortField;
      matching.sort((a, b) => compareValues(a[field], b[field]) * (descending ? -1 : 1));
    }
    const start = (page - 1) * limit;
    return { data: matching.slice(start, start + limit).map((record) => structuredClone(record)), page, limit, total: matching.length };
  }

  async findById(id: CategoryId): Promise<Category | undefined> {
    const record = this.records.get(id);
    return record && structuredClone(record);
  }

  async create(data: NewCategory): Promise<Category> {
    this.assertUnique(data);
    const record: Category = { id: this.nextId++, ...structuredClone(data) };
    this.records.set(record.id, record);
    return structuredClone(record);
  }

  async update(record: Category): Promise<Category | undefined> {
    if (!this.records.has(record.id)) return undefined;
    this.assertUnique(record, record.id);
    this.records.set(record.id, structuredClone(record));
    return structuredClone(record);
  }

  async delete(id: CategoryId): Promise<boolean> {
    return this.records.delete(id);
  }

  /** What a unique index does in a database: one record per value of each unique field. */
  private assertUnique(data: NewCategory, ownId?: CategoryId): void {
    for (const other of this.records.values()) {
      if (other.id === ownId) continue;
      if (data.name === other.name) throw new UniqueConstraintError('name');
    }
  }
}
