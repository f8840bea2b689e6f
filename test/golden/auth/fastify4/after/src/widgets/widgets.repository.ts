import { randomUUID } from 'node:crypto';
import type { Widget, WidgetFilter, WidgetId, WidgetPage, WidgetSort } from './widgets.schemas';

/** What the list endpoint asks the repository for. */
export interface WidgetListOptions {
  page: number;
  limit: number;
  sort: WidgetSort | undefined;
  filter: WidgetFilter;
}

/** A widget before the repository has given it an id. */
export type NewWidget = Omit<Widget, 'id'>;

/**
 * Where widgets are stored. InMemoryWidgetRepository below is the default; a database-backed
 * implementation provides the same methods and throws UniqueConstraintError when a write would
 * duplicate the value of a unique field.
 */
export interface WidgetRepository {
  list(options: WidgetListOptions): Promise<WidgetPage>;
  findById(id: WidgetId): Promise<Widget | undefined>;
  create(data: NewWidget): Promise<Widget>;
  /** Replaces the stored record with the same id; undefined when there is none. */
  update(record: Widget): Promise<Widget | undefined>;
  /** False when there was no record with this id. */
  delete(id: WidgetId): Promise<boolean>;
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

type SortField = Exclude<WidgetSort, `-${string}`>;
type SortValue = string | number | boolean | null;

/** Ascending order; nulls last (first when the order is reversed). */
function compareValues(left: SortValue, right: SortValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right));
}

function matches(record: Widget, filter: WidgetFilter): boolean {
  if (filter.label !== undefined && record.label !== filter.label) return false;
  if (filter.weight !== undefined && record.weight !== filter.weight) return false;
  return true;
}

/**
 * Keeps widgets in memory: the default until a database is wired in. Records are copied in
 * and out, so callers cannot change stored data by accident.
 */
export class InMemoryWidgetRepository implements WidgetRepository {
  private readonly records = new Map<WidgetId, Widget>();

  async list({ page, limit, sort, filter }: WidgetListOptions): Promise<WidgetPage> {
    const matching = [...this.records.values()].filter((record) => matches(record, filter));
    if (sort) {
      const descending = sort.startsWith('-');
      const field = (descending ? sort.slice(1) : sort) as SortField;
      matching.sort((a, b) => compareValues(a[field], b[field]) * (descending ? -1 : 1));
    }
    const start = (page - 1) * limit;
    return { data: matching.slice(start, start + limit).map((record) => structuredClone(record)), page, limit, total: matching.length };
  }

  async findById(id: WidgetId): Promise<Widget | undefined> {
    const record = this.records.get(id);
    return record && structuredClone(record);
  }

  async create(data: NewWidget): Promise<Widget> {
    const record: Widget = { id: randomUUID(), ...structuredClone(data) };
    this.records.set(record.id, record);
    return structuredClone(record);
  }

  async update(record: Widget): Promise<Widget | undefined> {
    if (!this.records.has(record.id)) return undefined;
    this.records.set(record.id, structuredClone(record));
    return structuredClone(record);
  }

  async delete(id: WidgetId): Promise<boolean> {
    return this.records.delete(id);
  }
}
