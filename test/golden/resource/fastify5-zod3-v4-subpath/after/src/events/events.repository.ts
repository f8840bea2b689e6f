import { randomUUID } from 'node:crypto';
import type { Event, EventFilter, EventId, EventPage, EventSort } from './events.schemas.js';

/** What the list endpoint asks the repository for. */
export interface EventListOptions {
  page: number;
  limit: number;
  sort: EventSort | undefined;
  filter: EventFilter;
}

/** An event before the repository has given it an id. */
export type NewEvent = Omit<Event, 'id'>;

/**
 * Where events are stored. InMemoryEventRepository below is the default; a database-backed
 * implementation provides the same methods and throws UniqueConstraintError when a write would
 * duplicate the value of a unique field.
 */
export interface EventRepository {
  list(options: EventListOptions): Promise<EventPage>;
  findById(id: EventId): Promise<Event | undefined>;
  create(data: NewEvent): Promise<Event>;
  /** Replaces the stored record with the same id; undefined when there is none. */
  update(record: Event): Promise<Event | undefined>;
  /** False when there was no record with this id. */
  delete(id: EventId): Promise<boolean>;
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

type SortField = Exclude<EventSort, `-${string}`>;
type SortValue = string | number | boolean | null;

/** Ascending order; nulls last (first when the order is reversed). */
function compareValues(left: SortValue, right: SortValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right));
}

function matches(record: Event, filter: EventFilter): boolean {
  if (filter.name !== undefined && record.name !== filter.name) return false;
  if (filter.startsAtFrom !== undefined && (record.startsAt === null || record.startsAt < filter.startsAtFrom)) return false;
  if (filter.startsAtTo !== undefined && (record.startsAt === null || record.startsAt > filter.startsAtTo)) return false;
  if (filter.contact !== undefined && record.contact !== filter.contact) return false;
  if (filter.website !== undefined && record.website !== filter.website) return false;
  return true;
}

/**
 * Keeps events in memory: the default until a database is wired in. Records are copied in
 * and out, so callers cannot change stored data by accident.
 */
export class InMemoryEventRepository implements EventRepository {
  private readonly records = new Map<EventId, Event>();

  async list({ page, limit, sort, filter }: EventListOptions): Promise<EventPage> {
    const matching = [...this.records.values()].filter((record) => matches(record, filter));
    if (sort) {
      const descending = sort.startsWith('-');
      const field = (descending ? sort.slice(1) : sort) as SortField;
      matching.sort((a, b) => compareValues(a[field], b[field]) * (descending ? -1 : 1));
    }
    const start = (page - 1) * limit;
    return { data: matching.slice(start, start + limit).map((record) => structuredClone(record)), page, limit, total: matching.length };
  }

  async findById(id: EventId): Promise<Event | undefined> {
    const record = this.records.get(id);
    return record && structuredClone(record);
  }

  async create(data: NewEvent): Promise<Event> {
    const record: Event = { id: randomUUID(), ...structuredClone(data) };
    this.records.set(record.id, record);
    return structuredClone(record);
  }

  async update(record: Event): Promise<Event | undefined> {
    if (!this.records.has(record.id)) return undefined;
    this.records.set(record.id, structuredClone(record));
    return structuredClone(record);
  }

  async delete(id: EventId): Promise<boolean> {
    return this.records.delete(id);
  }
}
