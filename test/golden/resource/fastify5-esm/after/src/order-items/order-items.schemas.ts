import { z } from "zod"

/** Page size of the list endpoint when `limit` is not given, and the most it returns at once. */
export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

/** An ISO 8601 date-time with an offset (2024-05-01T10:00:00Z or +02:00), stored in UTC. */
const DateTimeSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString())

/** An order item as the API returns it; optional fields are null when not set. */
export const OrderItemSchema = z.object({
  id: z.uuid(),
  quantity: z.int(),
  note: z.string().nullable(),
  placedAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type OrderItem = z.infer<typeof OrderItemSchema>
export type OrderItemId = OrderItem["id"]

/** Create body: every field; optional ones may be left out or null. Unknown keys are dropped. */
export const OrderItemCreateSchema = z.object({
  quantity: z.int(),
  note: z.string().trim().min(1).nullish(),
  placedAt: DateTimeSchema,
})
export type OrderItemCreate = z.output<typeof OrderItemCreateSchema>

/** Update (PATCH) body: any subset of the fields; null clears an optional field. */
export const OrderItemUpdateSchema = OrderItemCreateSchema.partial()
export type OrderItemUpdate = z.output<typeof OrderItemUpdateSchema>

export const OrderItemParamsSchema = z.object({
  id: z.uuid(),
})

/** Values of `sort`: a field name for ascending order, `-field` for descending. */
export const orderItemSortValues = [
  "quantity",
  "-quantity",
  "note",
  "-note",
  "placedAt",
  "-placedAt",
  "createdAt",
  "-createdAt",
  "updatedAt",
  "-updatedAt",
] as const
export type OrderItemSort = (typeof orderItemSortValues)[number]

/**
 * List query: `page` (from 1), `limit` (default DEFAULT_PAGE_SIZE; larger values than
 * MAX_PAGE_SIZE are clamped to it), `sort`, and one filter per single-valued field (exact match;
 * date fields filter by range with <field>From / <field>To).
 */
export const OrderItemListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PAGE_SIZE)
    .transform((value) => Math.min(value, MAX_PAGE_SIZE)),
  sort: z.enum(orderItemSortValues).optional(),
  quantity: z.coerce.number().int().optional(),
  note: z.string().min(1).optional(),
  placedAtFrom: DateTimeSchema.optional(),
  placedAtTo: DateTimeSchema.optional(),
})
export type OrderItemListQuery = z.output<typeof OrderItemListQuerySchema>
export type OrderItemFilter = Omit<OrderItemListQuery, "page" | "limit" | "sort">

/** One page of the list: the records, where the page is, and how many match in all. */
export const OrderItemPageSchema = z.object({
  data: z.array(OrderItemSchema),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
})
export type OrderItemPage = z.infer<typeof OrderItemPageSchema>
