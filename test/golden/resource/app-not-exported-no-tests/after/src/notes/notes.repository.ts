import { randomUUID } from 'node:crypto';
import type { Note, NoteFilter, NoteId, NotePage, NoteSort } from './notes.schemas';

/** What the list endpoint asks the repository for. */
export interface NoteListOptions {
  page: number;
  limit: number;
  sort: NoteSort | undefined;
  filter: NoteFilter;
}

/** A note before the repository has given it an id. */
export type NewNote = Omit<Note, 'id'>;

/**
 * Where notes are stored. InMemoryNoteRepository below is the default; a database-backed
 * implementation provides the same methods and throws UniqueConstraintError when a write would
 * duplicate the value of a unique field.
 */
export interface NoteRepository {
  list(options: NoteListOptions): Promise<NotePage>;
  findById(id: NoteId): Promise<Note | undefined>;
  create(data: NewNote): Promise<Note>;
  /** Replaces the stored record with the same id; undefined when there is none. */
  update(record: Note): Promise<Note | undefined>;
  /** False when there was no record with this id. */
  delete(id: NoteId): Promise<boolean>;
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

type SortField = Exclude<NoteSort, `-${string}`>;
type SortValue = string | number | boolean | null;

/** Ascending order; nulls last (first when the order is reversed). */
function compareValues(left: SortValue, right: SortValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right));
}

function matches(record: Note, filter: NoteFilter): boolean {
  if (filter.text !== undefined && record.text !== filter.text) return false;
  return true;
}

/**
 * Keeps notes in memory: the default until a database is wired in. Records are copied in
 * and out, so callers cannot change stored data by accident.
 */
export class InMemoryNoteRepository implements NoteRepository {
  private readonly records = new Map<NoteId, Note>();

  async list({ page, limit, sort, filter }: NoteListOptions): Promise<NotePage> {
    const matching = [...this.records.values()].filter((record) => matches(record, filter));
    if (sort) {
      const descending = sort.startsWith('-');
      const field = (descending ? sort.slice(1) : sort) as SortField;
      matching.sort((a, b) => compareValues(a[field], b[field]) * (descending ? -1 : 1));
    }
    const start = (page - 1) * limit;
    return { data: matching.slice(start, start + limit).map((record) => structuredClone(record)), page, limit, total: matching.length };
  }

  async findById(id: NoteId): Promise<Note | undefined> {
    const record = this.records.get(id);
    return record && structuredClone(record);
  }

  async create(data: NewNote): Promise<Note> {
    const record: Note = { id: randomUUID(), ...structuredClone(data) };
    this.records.set(record.id, record);
    return structuredClone(record);
  }

  async update(record: Note): Promise<Note | undefined> {
    if (!this.records.has(record.id)) return undefined;
    this.records.set(record.id, structuredClone(record));
    return structuredClone(record);
  }

  async delete(id: NoteId): Promise<boolean> {
    return this.records.delete(id);
  }
}
