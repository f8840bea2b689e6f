import { z } from 'zod';

/** Page size of the list endpoint when `limit` is not given, and the most it returns at once. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A book as the API returns it; optional fields are null when not set. */
export const BookSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  isbn: z.string(),
  pages: z.int().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Book = z.infer<typeof BookSchema>;
export type BookId = Book['id'];

/** Create body: every field; optional ones may be left out or null. Unknown keys are dropped. */
export const BookCreateSchema = z.object({
  title: z.string().trim().min(1),
  isbn: z.string().trim().min(1),
  pages: z.int().nullish(),
});
export type BookCreate = z.output<typeof BookCreateSchema>;

/** Update (PATCH) body: any subset of the fields; null clears an optional field. */
export const BookUpdateSchema = BookCreateSchema.partial();
export type BookUpdate = z.output<typeof BookUpdateSchema>;

export const BookParamsSchema = z.object({
  id: z.uuid(),
});

/** Values of `sort`: a field name for ascending order, `-field` for descending. */
export const bookSortValues = [
  'title',
  '-title',
  'isbn',
  '-isbn',
  'pages',
  '-pages',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
] as const;
export type BookSort = (typeof bookSortValues)[number];

/**
 * List query: `page` (from 1), `limit` (default DEFAULT_PAGE_SIZE; larger values than
 * MAX_PAGE_SIZE are clamped to it), `sort`, and one filter per single-valued field (exact match;
 * date fields filter by range with <field>From / <field>To).
 */
export const BookListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PAGE_SIZE)
    .transform((value) => Math.min(value, MAX_PAGE_SIZE)),
  sort: z.enum(bookSortValues).optional(),
  title: z.string().min(1).optional(),
  isbn: z.string().min(1).optional(),
  pages: z.coerce.number().int().optional(),
});
export type BookListQuery = z.output<typeof BookListQuerySchema>;
export type BookFilter = Omit<BookListQuery, 'page' | 'limit' | 'sort'>;

/** One page of the list: the records, where the page is, and how many match in all. */
export const BookPageSchema = z.object({
  data: z.array(BookSchema),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type BookPage = z.infer<typeof BookPageSchema>;
