import { randomUUID } from 'node:crypto';
import type { Book, BookFilter, BookId, BookPage, BookSort } from './books.schemas.js';

/** What the list endpoint asks the repository for. */
export interface BookListOptions {
  page: number;
  limit: number;
  sort: BookSort | undefined;
  filter: BookFilter;
}

/** A book before the repository has given it an id. */
export type NewBook = Omit<Book, 'id'>;

/**
 * Where books are stored. InMemoryBookRepository below is the default; a database-backed
 * implementation provides the same methods and throws UniqueConstraintError when a write would
 * duplicate the value of a unique field.
 */
export interface BookRepository {
  list(options: BookListOptions): Promise<BookPage>;
  findById(id: BookId): Promise<Book | undefined>;
  create(data: NewBook): Promise<Book>;
  /** Replaces the stored record with the same id; undefined when there is none. */
  update(record: Book): Promise<Book | undefined>;
  /** False when there was no record with this id. */
  delete(id: BookId): Promise<boolean>;
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

type SortField = Exclude<BookSort, `-${string}`>;
type SortValue = string | number | boolean | null;

/** Ascending order; nulls last (first when the order is reversed). */
function compareValues(left: SortValue, right: SortValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right));
}

function matches(record: Book, filter: BookFilter): boolean {
  if (filter.title !== undefined && record.title !== filter.title) return false;
  if (filter.isbn !== undefined && record.isbn !== filter.isbn) return false;
  if (filter.pages !== undefined && record.pages !== filter.pages) return false;
  return true;
}

/**
 * Keeps books in memory: the default until a database is wired in. Records are copied in
 * and out, so callers cannot change stored data by accident.
 */
export class InMemoryBookRepository implements BookRepository {
  private readonly records = new Map<BookId, Book>();

  async list({ page, limit, sort, filter }: BookListOptions): Promise<BookPage> {
    const matching = [...this.records.values()].filter((record) => matches(record, filter));
    if (sort) {
      const descending = sort.startsWith('-');
      const field = (descending ? sort.slice(1) : sort) as SortField;
      matching.sort((a, b) => compareValues(a[field], b[field]) * (descending ? -1 : 1));
    }
    const start = (page - 1) * limit;
    return { data: matching.slice(start, start + limit).map((record) => structuredClone(record)), page, limit, total: matching.length };
  }

  async findById(id: BookId): Promise<Book | undefined> {
    const record = this.records.get(id);
    return record && structuredClone(record);
  }

  async create(data: NewBook): Promise<Book> {
    this.assertUnique(data);
    const record: Book = { id: randomUUID(), ...structuredClone(data) };
    this.records.set(record.id, record);
    return structuredClone(record);
  }

  async update(record: Book): Promise<Book | undefined> {
    if (!this.records.has(record.id)) return undefined;
    this.assertUnique(record, record.id);
    this.records.set(record.id, structuredClone(record));
    return structuredClone(record);
  }

  async delete(id: BookId): Promise<boolean> {
    return this.records.delete(id);
  }

  /** What a unique index does in a database: one record per value of each unique field. */
  private assertUnique(data: NewBook, ownId?: BookId): void {
    for (const other of this.records.values()) {
      if (other.id === ownId) continue;
      if (data.isbn === other.isbn) throw new UniqueConstraintError('isbn');
    }
  }
}
