import { randomUUID } from 'node:crypto'
import type { Product, ProductFilter, ProductId, ProductPage, ProductSort } from './products.schemas'

/** What the list endpoint asks the repository for. */
export interface ProductListOptions {
  page: number
  limit: number
  sort: ProductSort | undefined
  filter: ProductFilter
}

/** A product before the repository has given it an id. */
export type NewProduct = Omit<Product, 'id'>

/**
 * Where products are stored. InMemoryProductRepository below is the default; a database-backed
 * implementation provides the same methods and throws UniqueConstraintError when a write would
 * duplicate the value of a unique field.
 */
export interface ProductRepository {
  list(options: ProductListOptions): Promise<ProductPage>
  findById(id: ProductId): Promise<Product | undefined>
  create(data: NewProduct): Promise<Product>
  /** Replaces the stored record with the same id; undefined when there is none. */
  update(record: Product): Promise<Product | undefined>
  /** False when there was no record with this id. */
  delete(id: ProductId): Promise<boolean>
}

/** A write would give a unique field a value another record already has. */
export class UniqueConstraintError extends Error {
  readonly field: string

  constructor(field: string) {
    super(`${field} must be unique`)
    this.name = 'UniqueConstraintError'
    this.field = field
  }
}

type SortField = Exclude<ProductSort, `-${string}`>
type SortValue = string | number | boolean | null

/** Ascending order; nulls last (first when the order is reversed). */
function compareValues(left: SortValue, right: SortValue): number {
  if (left === right) return 0
  if (left === null) return 1
  if (right === null) return -1
  if (typeof left === 'number' && typeof right === 'number') return left - right
  return String(left).localeCompare(String(right))
}

function matches(record: Product, filter: ProductFilter): boolean {
  if (filter.name !== undefined && record.name !== filter.name) return false
  if (filter.price !== undefined && record.price !== filter.price) return false
  return true
}

/**
 * Keeps products in memory: the default until a database is wired in. Records are copied in
 * and out, so callers cannot change stored data by accident.
 */
export class InMemoryProductRepository implements ProductRepository {
  private readonly records = new Map<ProductId, Product>();

  async list({ page, limit, sort, filter }: ProductListOptions): Promise<ProductPage> {
    const matching = [...this.records.values()].filter((record) => matches(record, filter))
    if (sort) {
      const descending = sort.startsWith('-')
      const field = (descending ? sort.slice(1) : sort) as SortField
      matching.sort((a, b) => compareValues(a[field], b[field]) * (descending ? -1 : 1))
    }
    const start = (page - 1) * limit
    return { data: matching.slice(start, start + limit).map((record) => structuredClone(record)), page, limit, total: matching.length }
  }

  async findById(id: ProductId): Promise<Product | undefined> {
    const record = this.records.get(id)
    return record && structuredClone(record)
  }

  async create(data: NewProduct): Promise<Product> {
    const record: Product = { id: randomUUID(), ...structuredClone(data) }
    this.records.set(record.id, record)
    return structuredClone(record)
  }

  async update(record: Product): Promise<Product | undefined> {
    if (!this.records.has(record.id)) return undefined
    this.records.set(record.id, structuredClone(record))
    return structuredClone(record)
  }

  async delete(id: ProductId): Promise<boolean> {
    return this.records.delete(id)
  }
}
