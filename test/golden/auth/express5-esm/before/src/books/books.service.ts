import { ConflictError, NotFoundError } from '../errors.js';
import { UniqueConstraintError, type NewBook, type BookRepository } from './books.repository.js';
import type { Book, BookCreate, BookId, BookListQuery, BookPage, BookUpdate } from './books.schemas.js';

type BookFields = Omit<NewBook, 'createdAt' | 'updatedAt'>;

/** Validated create input as stored: optional fields that were left out become null. */
function fieldsOf(input: BookCreate): BookFields {
  return {
    title: input.title,
    isbn: input.isbn,
    pages: input.pages ?? null,
  };
}

/**
 * The books use cases over a repository: HTTP-agnostic, so routes stay thin and tests or
 * jobs can call it directly. Missing records raise NotFoundError (404), duplicates of unique
 * fields ConflictError (409).
 */
export class BooksService {
  private readonly repository: BookRepository;

  constructor(repository: BookRepository) {
    this.repository = repository;
  }

  list(query: BookListQuery): Promise<BookPage> {
    const { page, limit, sort, ...filter } = query;
    return this.repository.list({ page, limit, sort, filter });
  }

  async get(id: BookId): Promise<Book> {
    const record = await this.repository.findById(id);
    if (!record) throw new NotFoundError(`Book ${id} not found`);
    return record;
  }

  async create(input: BookCreate): Promise<Book> {
    const now = new Date().toISOString();
    return this.write(() => this.repository.create({ ...fieldsOf(input), createdAt: now, updatedAt: now }));
  }

  /** Changes the given fields; null clears an optional field. */
  async update(id: BookId, patch: BookUpdate): Promise<Book> {
    const current = await this.get(id);
    const next: Book = { ...current, ...patch, updatedAt: new Date().toISOString() };
    return this.saved(id, await this.write(() => this.repository.update(next)));
  }

  async remove(id: BookId): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError(`Book ${id} not found`);
  }

  /** The record an update stored; a record deleted in the meantime is a 404 too. */
  private saved(id: BookId, record: Book | undefined): Book {
    if (!record) throw new NotFoundError(`Book ${id} not found`);
    return record;
  }

  /** Runs a repository write, turning a unique-field clash into a 409. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw new ConflictError(`A book with this ${error.field} already exists`, { field: error.field });
      }
      throw error;
    }
  }
}
