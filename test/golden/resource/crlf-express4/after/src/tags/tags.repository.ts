import { randomUUID } from 'node:crypto';
import type { Tag, TagFilter, TagId, TagPage, TagSort } from './tags.schemas';

/** What the list endpoint asks the repository for. */
export interface TagListOptions {
  page: number;
  limit: number;
  sort: TagSort | undefined;
  filter: TagFilter;
}

/** A tag before the repository has given it an id. */
export type NewTag = Omit<Tag, 'id'>;

/**
 * Where tags are stored. InMemoryTagRepository below is the default; a database-backed
 * implementation provides the same methods and throws UniqueConstraintError when a write would
 * duplicate the value of a unique field.
 */
export interface TagRepository {
  list(options: TagListOptions): Promise<TagPage>;
  findById(id: TagId): Promise<Tag | undefined>;
  create(data: NewTag): Promise<Tag>;
  /** Replaces the stored record with the same id; undefined when there is none. */
  update(record: Tag): Promise<Tag | undefined>;
  /** False when there was no record with this id. */
  delete(id: TagId): Promise<boolean>;
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

type SortField = Exclude<TagSort, `-${string}`>;
type SortValue = string | number | boolean | null;

/** Ascending order; nulls last (first when the order is reversed). */
function compareValues(left: SortValue, right: SortValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right));
}

function matches(record: Tag, filter: TagFilter): boolean {
  if (filter.label !== undefined && record.label !== filter.label) return false;
  return true;
}

/**
 * Keeps tags in memory: the default until a database is wired in. Records are copied in
 * and out, so callers cannot change stored data by accident.
 */
export class InMemoryTagRepository implements TagRepository {
  private readonly records = new Map<TagId, Tag>();

  async list({ page, limit, sort, filter }: TagListOptions): Promise<TagPage> {
    const matching = [...this.records.values()].filter((record) => matches(record, filter));
    if (sort) {
      const descending = sort.startsWith('-');
      const field = (descending ? sort.slice(1) : sort) as SortField;
      matching.sort((a, b) => compareValues(a[field], b[field]) * (descending ? -1 : 1));
    }
    const start = (page - 1) * limit;
    return { data: matching.slice(start, start + limit).map((record) => structuredClone(record)), page, limit, total: matching.length };
  }

  async findById(id: TagId): Promise<Tag | undefined> {
    const record = this.records.get(id);
    return record && structuredClone(record);
  }

  async create(data: NewTag): Promise<Tag> {
    this.assertUnique(data);
    const record: Tag = { id: randomUUID(), ...structuredClone(data) };
    this.records.set(record.id, record);
    return structuredClone(record);
  }

  async update(record: Tag): Promise<Tag | undefined> {
    if (!this.records.has(record.id)) return undefined;
    this.assertUnique(record, record.id);
    this.records.set(record.id, structuredClone(record));
    return structuredClone(record);
  }

  async delete(id: TagId): Promise<boolean> {
    return this.records.delete(id);
  }

  /** What a unique index does in a database: one record per value of each unique field. */
  private assertUnique(data: NewTag, ownId?: TagId): void {
    for (const other of this.records.values()) {
      if (other.id === ownId) continue;
      if (data.label === other.label) throw new UniqueConstraintError('label');
    }
  }
}
