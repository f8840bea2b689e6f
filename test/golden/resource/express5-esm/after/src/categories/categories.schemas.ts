import { z } from 'zod';

/** Page size of the list endpoint when `limit` is not given, and the most it returns at once. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A category as the API returns it; optional fields are null when not set. */
export const CategorySchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  position: z.int().nullable(),
  visible: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Category = z.infer<typeof CategorySchema>;
export type CategoryId = Category['id'];

/** Create body: every field; optional ones may be left out or null. Unknown keys are dropped. */
export const CategoryCreateSchema = z.object({
  name: z.string().trim().min(1),
  position: z.int().nullish(),
  visible: z.boolean(),
});
export type CategoryCreate = z.output<typeof CategoryCreateSchema>;

/** Update (PATCH) body: any subset of the fields; null clears an optional field. */
export const CategoryUpdateSchema = CategoryCreateSchema.partial();
export type CategoryUpdate = z.output<typeof CategoryUpdateSchema>;

export const CategoryParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
});

/** Values of `sort`: a field name for ascending order, `-field` for descending. */
export const categorySortValues = [
  'name',
  '-name',
  'position',
  '-position',
  'visible',
  '-visible',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
] as const;
export type CategorySort = (typeof categorySortValues)[number];

/**
 * List query: `page` (from 1), `limit` (default DEFAULT_PAGE_SIZE; larger values than
 * MAX_PAGE_SIZE are clamped to it), `sort`, and one filter per single-valued field (exact match;
 * date fields filter by range with <field>From / <field>To).
 */
export const CategoryListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PAGE_SIZE)
    .transform((value) => Math.min(value, MAX_PAGE_SIZE)),
  sort: z.enum(categorySortValues).optional(),
  name: z.string().min(1).optional(),
  position: z.coerce.number().int().optional(),
  visible: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});
export type CategoryListQuery = z.output<typeof CategoryListQuerySchema>;
export type CategoryFilter = Omit<CategoryListQuery, 'page' | 'limit' | 'sort'>;

/** One page of the list: the records, where the page is, and how many match in all. */
export const CategoryPageSchema = z.object({
  data: z.array(CategorySchema),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type CategoryPage = z.infer<typeof CategoryPageSchema>;
