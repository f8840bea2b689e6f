import { z } from 'zod';

/** Page size of the list endpoint when `limit` is not given, and the most it returns at once. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A customer as the API returns it; optional fields are null when not set. */
export const CustomerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.email(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Customer = z.infer<typeof CustomerSchema>;
export type CustomerId = Customer['id'];

/** Create body: every field; optional ones may be left out or null. Unknown keys are dropped. */
export const CustomerCreateSchema = z.object({
  name: z.string().trim().min(1),
  email: z.email(),
});
export type CustomerCreate = z.output<typeof CustomerCreateSchema>;

/** Update (PATCH) body: any subset of the fields; null clears an optional field. */
export const CustomerUpdateSchema = CustomerCreateSchema.partial();
export type CustomerUpdate = z.output<typeof CustomerUpdateSchema>;

export const CustomerParamsSchema = z.object({
  id: z.uuid(),
});

/** Values of `sort`: a field name for ascending order, `-field` for descending. */
export const customerSortValues = [
  'name',
  '-name',
  'email',
  '-email',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
] as const;
export type CustomerSort = (typeof customerSortValues)[number];

/**
 * List query: `page` (from 1), `limit` (default DEFAULT_PAGE_SIZE; larger values than
 * MAX_PAGE_SIZE are clamped to it), `sort`, and one filter per single-valued field (exact match;
 * date fields filter by range with <field>From / <field>To).
 */
export const CustomerListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PAGE_SIZE)
    .transform((value) => Math.min(value, MAX_PAGE_SIZE)),
  sort: z.enum(customerSortValues).optional(),
  name: z.string().min(1).optional(),
  email: z.email().optional(),
});
export type CustomerListQuery = z.output<typeof CustomerListQuerySchema>;
export type CustomerFilter = Omit<CustomerListQuery, 'page' | 'limit' | 'sort'>;

/** One page of the list: the records, where the page is, and how many match in all. */
export const CustomerPageSchema = z.object({
  data: z.array(CustomerSchema),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type CustomerPage = z.infer<typeof CustomerPageSchema>;
