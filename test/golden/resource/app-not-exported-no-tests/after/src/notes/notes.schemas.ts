import { z } from 'zod';

/** Page size of the list endpoint when `limit` is not given, and the most it returns at once. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A note as the API returns it; optional fields are null when not set. */
export const NoteSchema = z.object({
  id: z.string().uuid(),
  text: z.string(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type Note = z.infer<typeof NoteSchema>;
export type NoteId = Note['id'];

/** Create body: every field; optional ones may be left out or null. Unknown keys are dropped. */
export const NoteCreateSchema = z.object({
  text: z.string().trim().min(1),
});
export type NoteCreate = z.output<typeof NoteCreateSchema>;

/** Update (PATCH) body: any subset of the fields; null clears an optional field. */
export const NoteUpdateSchema = NoteCreateSchema.partial();
export type NoteUpdate = z.output<typeof NoteUpdateSchema>;

export const NoteParamsSchema = z.object({
  id: z.string().uuid(),
});

/** Values of `sort`: a field name for ascending order, `-field` for descending. */
export const noteSortValues = [
  'text',
  '-text',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
] as const;
export type NoteSort = (typeof noteSortValues)[number];

/**
 * List query: `page` (from 1), `limit` (default DEFAULT_PAGE_SIZE; larger values than
 * MAX_PAGE_SIZE are clamped to it), `sort`, and one filter per single-valued field (exact match;
 * date fields filter by range with <field>From / <field>To).
 */
export const NoteListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PAGE_SIZE)
    .transform((value) => Math.min(value, MAX_PAGE_SIZE)),
  sort: z.enum(noteSortValues).optional(),
  text: z.string().min(1).optional(),
});
export type NoteListQuery = z.output<typeof NoteListQuerySchema>;
export type NoteFilter = Omit<NoteListQuery, 'page' | 'limit' | 'sort'>;

/** One page of the list: the records, where the page is, and how many match in all. */
export const NotePageSchema = z.object({
  data: z.array(NoteSchema),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type NotePage = z.infer<typeof NotePageSchema>;
