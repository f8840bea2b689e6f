import { randomUUID } from "node:crypto"
import type { OrderItem, OrderItemFilter, OrderItemId, OrderItemPage, OrderItemSort } from "./order-items.schemas.js"

/** What the list endpoint asks the repository for. */
export interface OrderItemListOptions {
  page: number
  limit: number
  sort: OrderItemSort | undefined
  filter: OrderItemFilter
}

/** An order item before the repository has given it an id. */
export type NewOrderItem = Omit<OrderItem, "id">

/**
 * Where order items are stored. InMemoryOrderItemRepository below is the default; a database-backed
 * implementation provides the same methods and throws UniqueConstraintError when a write would
 * duplicate the value of a unique field.
 */
export interface OrderItemRepository {
  list(options: OrderItemListOptions): Promise<OrderItemPage>
  findById(id: OrderItemId): Promise<OrderItem | undefined>
  create(data: NewOrderItem): Promise<OrderItem>
  /** Replaces the stored record with the same id; undefined when there is none. */
  update(record: OrderItem): Promise<OrderItem | undefined>
  /** False when there was no record with this id. */
  delete(id: OrderItemId): Promise<boolean>
}

/** A write would give a unique field a value another record already has. */
export class UniqueConstraintError extends Error {
  readonly field: string

  constructor(field: string) {
    super(`${field} must be unique`)
    this.name = "UniqueConstraintError"
    this.field = field
  }
}

type SortField = Exclude<OrderItemSort, `-${string}`>
type SortValue = string | number | boolean | null

/** Ascending order; nulls last (first when the order is reversed). */
function compareValues(left: SortValue, right: SortValue): number {
  if (left === right) return 0
  if (left === null) return 1
  if (right === null) return -1
  if (typeof left === "number" && typeof right === "number") return left - right
  return String(left).localeCompare(String(right))
}

function matches(record: OrderItem, filter: OrderItemFilter): boolean {
  if (filter.quantity !== undefined && record.quantity !== filter.quantity) return false
  if (filter.note !== undefined && record.note !== filter.note) return false
  if (filter.placedAtFrom !== undefined && (record.placedAt === null || record.placedAt < filter.placedAtFrom)) return false
  if (filter.placedAtTo !== undefined && (record.placedAt === null || record.placedAt > filter.placedAtTo)) return false
  return true
}

/**
 * Keeps order items in memory: the default until a database is wired in. Records are copied in
 * and out, so callers cannot change stored data by accident.
 */
export class InMemoryOrderItemRepository implements OrderItemRepository {
  private readonly records = new Map<OrderItemId, OrderItem>();

  async list({ page, limit, sort, filter }: OrderItemListOptions): Promise<OrderItemPage> {
    const matching = [...this.records.values()].filter((record) => matches(record, filter))
    if (sort) {
      const descending = sort.startsWith("-")
      const field = (descending ? sort.slice(1) : sort) as SortField
      matching.sort((a, b) => compareValues(a[field], b[field]) * (descending ? -1 : 1))
    }
    const start = (page - 1) * limit
    return { data: matching.slice(start, start + limit).map((record) => structuredClone(record)), page, limit, total: matching.length }
  }

  async findById(id: OrderItemId): Promise<OrderItem | undefined> {
    const record = this.records.get(id)
    return record && structuredClone(record)
  }

  async create(data: NewOrderItem): Promise<OrderItem> {
    const record: OrderItem = { id: randomUUID(), ...structuredClone(data) }
    this.records.set(record.id, record)
    return structuredClone(record)
  }

  async update(record: OrderItem): Promise<OrderItem | undefined> {
    if (!this.records.has(record.id)) return undefined
    this.records.set(record.id, structuredClone(record))
    return structuredClone(record)
  }

  async delete(id: OrderItemId): Promise<boolean> {
    return this.records.delete(id)
  }
}
