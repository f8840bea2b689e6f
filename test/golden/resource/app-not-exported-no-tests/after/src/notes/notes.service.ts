import { ConflictError, NotFoundError } from '../errors';
import { UniqueConstraintError, type NewNote, type NoteRepository } from './notes.repository';
import type { Note, NoteCreate, NoteId, NoteListQuery, NotePage, NoteUpdate } from './notes.schemas';

type NoteFields = Omit<NewNote, 'createdAt' | 'updatedAt'>;

/** Validated create input as stored: optional fields that were left out become null. */
function fieldsOf(input: NoteCreate): NoteFields {
  return {
    text: input.text,
  };
}

/**
 * The notes use cases over a repository: HTTP-agnostic, so routes stay thin and tests or
 * jobs can call it directly. Missing records raise NotFoundError (404), duplicates of unique
 * fields ConflictError (409).
 */
export class NotesService {
  private readonly repository: NoteRepository;

  constructor(repository: NoteRepository) {
    this.repository = repository;
  }

  list(query: NoteListQuery): Promise<NotePage> {
    const { page, limit, sort, ...filter } = query;
    return this.repository.list({ page, limit, sort, filter });
  }

  async get(id: NoteId): Promise<Note> {
    const record = await this.repository.findById(id);
    if (!record) throw new NotFoundError(`Note ${id} not found`);
    return record;
  }

  async create(input: NoteCreate): Promise<Note> {
    const now = new Date().toISOString();
    return this.write(() => this.repository.create({ ...fieldsOf(input), createdAt: now, updatedAt: now }));
  }

  /** Changes the given fields; null clears an optional field. */
  async update(id: NoteId, patch: NoteUpdate): Promise<Note> {
    const current = await this.get(id);
    const next: Note = { ...current, ...patch, updatedAt: new Date().toISOString() };
    return this.saved(id, await this.write(() => this.repository.update(next)));
  }

  async remove(id: NoteId): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError(`Note ${id} not found`);
  }

  /** The record an update stored; a record deleted in the meantime is a 404 too. */
  private saved(id: NoteId, record: Note | undefined): Note {
    if (!record) throw new NotFoundError(`Note ${id} not found`);
    return record;
  }

  /** Runs a repository write, turning a unique-field clash into a 409. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw new ConflictError(`A note with this ${error.field} already exists`, { field: error.field });
      }
      throw error;
    }
  }
}
