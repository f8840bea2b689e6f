import { ConflictError, NotFoundError } from '../errors.js';
import { UniqueConstraintError, type NewEvent, type EventRepository } from './events.repository.js';
import type { Event, EventCreate, EventId, EventListQuery, EventPage, EventUpdate } from './events.schemas.js';

type EventFields = Omit<NewEvent, 'createdAt' | 'updatedAt'>;

/** Validated create input as stored: optional fields that were left out become null. */
function fieldsOf(input: EventCreate): EventFields {
  return {
    name: input.name,
    startsAt: input.startsAt,
    contact: input.contact ?? null,
    website: input.website ?? null,
  };
}

/**
 * The events use cases over a repository: HTTP-agnostic, so routes stay thin and tests or
 * jobs can call it directly. Missing records raise NotFoundError (404), duplicates of unique
 * fields ConflictError (409).
 */
export class EventsService {
  private readonly repository: EventRepository;

  constructor(repository: EventRepository) {
    this.repository = repository;
  }

  list(query: EventListQuery): Promise<EventPage> {
    const { page, limit, sort, ...filter } = query;
    return this.repository.list({ page, limit, sort, filter });
  }

  async get(id: EventId): Promise<Event> {
    const record = await this.repository.findById(id);
    if (!record) throw new NotFoundError(`Event ${id} not found`);
    return record;
  }

  async create(input: EventCreate): Promise<Event> {
    const now = new Date().toISOString();
    return this.write(() => this.repository.create({ ...fieldsOf(input), createdAt: now, updatedAt: now }));
  }

  /** Changes the given fields; null clears an optional field. */
  async update(id: EventId, patch: EventUpdate): Promise<Event> {
    const current = await this.get(id);
    const next: Event = { ...current, ...patch, updatedAt: new Date().toISOString() };
    return this.saved(id, await this.write(() => this.repository.update(next)));
  }

  async remove(id: EventId): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError(`Event ${id} not found`);
  }

  /** The record an update stored; a record deleted in the meantime is a 404 too. */
  private saved(id: EventId, record: Event | undefined): Event {
    if (!record) throw new NotFoundError(`Event ${id} not found`);
    return record;
  }

  /** Runs a repository write, turning a unique-field clash into a 409. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw new ConflictError(`An event with this ${error.field} already exists`, { field: error.field });
      }
      throw error;
    }
  }
}
