import { ConflictError, NotFoundError } from '../errors';
import { UniqueConstraintError, type NewWidget, type WidgetRepository } from './widgets.repository';
import type { Widget, WidgetCreate, WidgetId, WidgetListQuery, WidgetPage, WidgetUpdate } from './widgets.schemas';

type WidgetFields = Omit<NewWidget, 'createdAt' | 'updatedAt'>;

/** Validated create input as stored: optional fields that were left out become null. */
function fieldsOf(input: WidgetCreate): WidgetFields {
  return {
    label: input.label,
    weight: input.weight ?? null,
  };
}

/**
 * The widgets use cases over a repository: HTTP-agnostic, so routes stay thin and tests or
 * jobs can call it directly. Missing records raise NotFoundError (404), duplicates of unique
 * fields ConflictError (409).
 */
export class WidgetsService {
  private readonly repository: WidgetRepository;

  constructor(repository: WidgetRepository) {
    this.repository = repository;
  }

  list(query: WidgetListQuery): Promise<WidgetPage> {
    const { page, limit, sort, ...filter } = query;
    return this.repository.list({ page, limit, sort, filter });
  }

  async get(id: WidgetId): Promise<Widget> {
    const record = await this.repository.findById(id);
    if (!record) throw new NotFoundError(`Widget ${id} not found`);
    return record;
  }

  async create(input: WidgetCreate): Promise<Widget> {
    const now = new Date().toISOString();
    return this.write(() => this.repository.create({ ...fieldsOf(input), createdAt: now, updatedAt: now }));
  }

  /** Changes the given fields; null clears an optional field. */
  async update(id: WidgetId, patch: WidgetUpdate): Promise<Widget> {
    const current = await this.get(id);
    const next: Widget = { ...current, ...patch, updatedAt: new Date().toISOString() };
    return this.saved(id, await this.write(() => this.repository.update(next)));
  }

  async remove(id: WidgetId): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError(`Widget ${id} not found`);
  }

  /** The record an update stored; a record deleted in the meantime is a 404 too. */
  private saved(id: WidgetId, record: Widget | undefined): Widget {
    if (!record) throw new NotFoundError(`Widget ${id} not found`);
    return record;
  }

  /** Runs a repository write, turning a unique-field clash into a 409. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw new ConflictError(`A widget with this ${error.field} already exists`, { field: error.field });
      }
      throw error;
    }
  }
}
