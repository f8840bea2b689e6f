import { ConflictError, NotFoundError } from "../errors.js"
import { UniqueConstraintError, type NewOrderItem, type OrderItemRepository } from "./order-items.repository.js"
import type { OrderItem, OrderItemCreate, OrderItemId, OrderItemListQuery, OrderItemPage, OrderItemUpdate } from "./order-items.schemas.js"

type OrderItemFields = Omit<NewOrderItem, "createdAt" | "updatedAt">

/** Validated create input as stored: optional fields that were left out become null. */
function fieldsOf(input: OrderItemCreate): OrderItemFields {
  return {
    quantity: input.quantity,
    note: input.note ?? null,
    placedAt: input.placedAt,
  }
}

/**
 * The order items use cases over a repository: HTTP-agnostic, so routes stay thin and tests or
 * jobs can call it directly. Missing records raise NotFoundError (404), duplicates of unique
 * fields ConflictError (409).
 */
export class OrderItemsService {
  private readonly repository: OrderItemRepository

  constructor(repository: OrderItemRepository) {
    this.repository = repository
  }

  list(query: OrderItemListQuery): Promise<OrderItemPage> {
    const { page, limit, sort, ...filter } = query
    return this.repository.list({ page, limit, sort, filter })
  }

  async get(id: OrderItemId): Promise<OrderItem> {
    const record = await this.repository.findById(id)
    if (!record) throw new NotFoundError(`Order item ${id} not found`)
    return record
  }

  async create(input: OrderItemCreate): Promise<OrderItem> {
    const now = new Date().toISOString()
    return this.write(() => this.repository.create({ ...fieldsOf(input), createdAt: now, updatedAt: now }))
  }

  /** Changes the given fields; null clears an optional field. */
  async update(id: OrderItemId, patch: OrderItemUpdate): Promise<OrderItem> {
    const current = await this.get(id)
    const next: OrderItem = { ...current, ...patch, updatedAt: new Date().toISOString() }
    return this.saved(id, await this.write(() => this.repository.update(next)))
  }

  async remove(id: OrderItemId): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError(`Order item ${id} not found`)
  }

  /** The record an update stored; a record deleted in the meantime is a 404 too. */
  private saved(id: OrderItemId, record: OrderItem | undefined): OrderItem {
    if (!record) throw new NotFoundError(`Order item ${id} not found`)
    return record
  }

  /** Runs a repository write, turning a unique-field clash into a 409. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation()
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw new ConflictError(`An order item with this ${error.field} already exists`, { field: error.field })
      }
      throw error
    }
  }
}
