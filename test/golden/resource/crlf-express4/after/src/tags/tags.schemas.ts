import { z } from 'zod';

/** Page size of the list endpoint when `limit` is not given, and the most it returns at once. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A tag as the API returns it; optional fields are null when not set. */
export const TagSchema = z.object({
  id: z.string().uuid(),
  label: z.string(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type Tag = z.infer<typeof TagSchema>;
export type TagId = Tag['id'];

/** Create body: every field; optional ones may be left out or null. Unknown keys are dropped. */
export const TagCreateSchema = z.object({
  label: z.string().trim().min(1),
});
export type TagCreate = z.output<typeof TagCreateSchema>;

/** Update (PATCH) body: any subset of the fields; null clears an optional field. */
export const TagUpdateSchema = TagCreateSchema.partial();
export type TagUpdate = z.output<typeof TagUpdateSchema>;

export const TagParamsSchema = z.object({
  id: z.string().uuid(),
});

/** Values of `sort`: a field name for ascending order, `-field` for descending. */
export const tagSortValues = [
  'label',
  '-label',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
] as const;
export type TagSort = (typeof tagSortValues)[number];

/**
 * List query: `page` (from 1), `limit` (default DEFAULT_PAGE_SIZE; larger values than
 * MAX_PAGE_SIZE are clamped to it), `sort`, and one filter per single-valued field (exact match;
 * date fields filter by range with <field>From / <field>To).
 */
export const TagListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PAGE_SIZE)
    .transform((value) => Math.min(value, MAX_PAGE_SIZE)),
  sort: z.enum(tagSortValues).optional(),
  label: z.string().min(1).optional(),
});
export type TagListQuery = z.output<typeof TagListQuerySchema>;
export type TagFilter = Omit<TagListQuery, 'page' | 'limit' | 'sort'>;

/** One page of the list: the records, where the page is, and how many match in all. */
export const TagPageSchema = z.object({
  data: z.array(TagSchema),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type TagPage = z.infer<typeof TagPageSchema>;
