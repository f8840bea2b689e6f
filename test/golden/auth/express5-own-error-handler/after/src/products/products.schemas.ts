import { z } from 'zod';

/** Page size of the list endpoint when `limit` is not given, and the most it returns at once. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A product as the API returns it; optional fields are null when not set. */
export const ProductSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  price: z.number(),
  tags: z.array(z.string()).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Product = z.infer<typeof ProductSchema>;
export type ProductId = Product['id'];

/** Create body: every field; optional ones may be left out or null. Unknown keys are dropped. */
export const ProductCreateSchema = z.object({
  name: z.string().trim().min(1),
  price: z.number(),
  tags: z.array(z.string().trim().min(1)).nullish(),
});
export type ProductCreate = z.output<typeof ProductCreateSchema>;

/** Update (PATCH) body: any subset of the fields; null clears an optional field. */
export const ProductUpdateSchema = ProductCreateSchema.partial();
export type ProductUpdate = z.output<typeof ProductUpdateSchema>;

export const ProductParamsSchema = z.object({
  id: z.uuid(),
});

/** Values of `sort`: a field name for ascending order, `-field` for descending. */
export const productSortValues = [
  'name',
  '-name',
  'price',
  '-price',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
] as const;
export type ProductSort = (typeof productSortValues)[number];

/**
 * List query: `page` (from 1), `limit` (default DEFAULT_PAGE_SIZE; larger values than
 * MAX_PAGE_SIZE are clamped to it), `sort`, and one filter per single-valued field (exact match;
 * date fields filter by range with <field>From / <field>To).
 */
export const ProductListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PAGE_SIZE)
    .transform((value) => Math.min(value, MAX_PAGE_SIZE)),
  sort: z.enum(productSortValues).optional(),
  name: z.string().min(1).optional(),
  price: z.coerce.number().optional(),
});
export type ProductListQuery = z.output<typeof ProductListQuerySchema>;
export type ProductFilter = Omit<ProductListQuery, 'page' | 'limit' | 'sort'>;

/** One page of the list: the records, where the page is, and how many match in all. */
export const ProductPageSchema = z.object({
  data: z.array(ProductSchema),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type ProductPage = z.infer<typeof ProductPageSchema>;
