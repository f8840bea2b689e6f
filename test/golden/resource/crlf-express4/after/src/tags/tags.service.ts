import { ConflictError, NotFoundError } from '../errors';
import { UniqueConstraintError, type NewTag, type TagRepository } from './tags.repository';
import type { Tag, TagCreate, TagId, TagListQuery, TagPage, TagUpdate } from './tags.schemas';

type TagFields = Omit<NewTag, 'createdAt' | 'updatedAt'>;

/** Validated create input as stored: optional fields that were left out become null. */
function fieldsOf(input: TagCreate): TagFields {
  return {
    label: input.label,
  };
}

/**
 * The tags use cases over a repository: HTTP-agnostic, so routes stay thin and tests or
 * jobs can call it directly. Missing records raise NotFoundError (404), duplicates of unique
 * fields ConflictError (409).
 */
export class TagsService {
  private readonly repository: TagRepository;

  constructor(repository: TagRepository) {
    this.repository = repository;
  }

  list(query: TagListQuery): Promise<TagPage> {
    const { page, limit, sort, ...filter } = query;
    return this.repository.list({ page, limit, sort, filter });
  }

  async get(id: TagId): Promise<Tag> {
    const record = await this.repository.findById(id);
    if (!record) throw new NotFoundError(`Tag ${id} not found`);
    return record;
  }

  async create(input: TagCreate): Promise<Tag> {
    const now = new Date().toISOString();
    return this.write(() => this.repository.create({ ...fieldsOf(input), createdAt: now, updatedAt: now }));
  }

  /** Changes the given fields; null clears an optional field. */
  async update(id: TagId, patch: TagUpdate): Promise<Tag> {
    const current = await this.get(id);
    const next: Tag = { ...current, ...patch, updatedAt: new Date().toISOString() };
    return this.saved(id, await this.write(() => this.repository.update(next)));
  }

  async remove(id: TagId): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError(`Tag ${id} not found`);
  }

  /** The record an update stored; a record deleted in the meantime is a 404 too. */
  private saved(id: TagId, record: Tag | undefined): Tag {
    if (!record) throw new NotFoundError(`Tag ${id} not found`);
    return record;
  }

  /** Runs a repository write, turning a unique-field clash into a 409. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw new ConflictError(`A tag with this ${error.field} already exists`, { field: error.field });
      }
      throw error;
    }
  }
}
