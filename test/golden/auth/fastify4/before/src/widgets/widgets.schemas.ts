import { z } from 'zod';

/** Page size of the list endpoint when `limit` is not given, and the most it returns at once. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A widget as the API returns it; optional fields are null when not set. */
export const WidgetSchema = z.object({
  id: z.string().uuid(),
  label: z.string(),
  weight: z.number().nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type Widget = z.infer<typeof WidgetSchema>;
export type WidgetId = Widget['id'];

/** Create body: every field; optional ones may be left out or null. Unknown keys are dropped. */
export const WidgetCreateSchema = z.object({
  label: z.string().trim().min(1),
  weight: z.number().nullish(),
});
export type WidgetCreate = z.output<typeof WidgetCreateSchema>;

/** Update (PATCH) body: any subset of the fields; null clears an optional field. */
export const WidgetUpdateSchema = WidgetCreateSchema.partial();
export type WidgetUpdate = z.output<typeof WidgetUpdateSchema>;

export const WidgetParamsSchema = z.object({
  id: z.string().uuid(),
});

/** Values of `sort`: a field name for ascending order, `-field` for descending. */
export const widgetSortValues = [
  'label',
  '-label',
  'weight',
  '-weight',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
] as const;
export type WidgetSort = (typeof widgetSortValues)[number];

/**
 * List query: `page` (from 1), `limit` (default DEFAULT_PAGE_SIZE; larger values than
 * MAX_PAGE_SIZE are clamped to it), `sort`, and one filter per single-valued field (exact match;
 * date fields filter by range with <field>From / <field>To).
 */
export const WidgetListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PAGE_SIZE)
    .transform((value) => Math.min(value, MAX_PAGE_SIZE)),
  sort: z.enum(widgetSortValues).optional(),
  label: z.string().min(1).optional(),
  weight: z.coerce.number().optional(),
});
export type WidgetListQuery = z.output<typeof WidgetListQuerySchema>;
export type WidgetFilter = Omit<WidgetListQuery, 'page' | 'limit' | 'sort'>;

/** One page of the list: the records, where the page is, and how many match in all. */
export const WidgetPageSchema = z.object({
  data: z.array(WidgetSchema),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type WidgetPage = z.infer<typeof WidgetPageSchema>;
