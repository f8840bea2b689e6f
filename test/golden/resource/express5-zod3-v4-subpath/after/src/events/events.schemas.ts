import { z } from 'zod/v4';

/** Page size of the list endpoint when `limit` is not given, and the most it returns at once. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** An ISO 8601 date-time with an offset (2024-05-01T10:00:00Z or +02:00), stored in UTC. */
const DateTimeSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

/** An event as the API returns it; optional fields are null when not set. */
export const EventSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  startsAt: z.iso.datetime(),
  contact: z.email().nullable(),
  website: z.url().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Event = z.infer<typeof EventSchema>;
export type EventId = Event['id'];

/** Create body: every field; optional ones may be left out or null. Unknown keys are dropped. */
export const EventCreateSchema = z.object({
  name: z.string().trim().min(1),
  startsAt: DateTimeSchema,
  contact: z.email().nullish(),
  website: z.url().nullish(),
});
export type EventCreate = z.output<typeof EventCreateSchema>;

/** Update (PATCH) body: any subset of the fields; null clears an optional field. */
export const EventUpdateSchema = EventCreateSchema.partial();
export type EventUpdate = z.output<typeof EventUpdateSchema>;

export const EventParamsSchema = z.object({
  id: z.uuid(),
});

/** Values of `sort`: a field name for ascending order, `-field` for descending. */
export const eventSortValues = [
  'name',
  '-name',
  'startsAt',
  '-startsAt',
  'contact',
  '-contact',
  'website',
  '-website',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
] as const;
export type EventSort = (typeof eventSortValues)[number];

/**
 * List query: `page` (from 1), `limit` (default DEFAULT_PAGE_SIZE; larger values than
 * MAX_PAGE_SIZE are clamped to it), `sort`, and one filter per single-valued field (exact match;
 * date fields filter by range with <field>From / <field>To).
 */
export const EventListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PAGE_SIZE)
    .transform((value) => Math.min(value, MAX_PAGE_SIZE)),
  sort: z.enum(eventSortValues).optional(),
  name: z.string().min(1).optional(),
  startsAtFrom: DateTimeSchema.optional(),
  startsAtTo: DateTimeSchema.optional(),
  contact: z.email().optional(),
  website: z.url().optional(),
});
export type EventListQuery = z.output<typeof EventListQuerySchema>;
export type EventFilter = Omit<EventListQuery, 'page' | 'limit' | 'sort'>;

/** One page of the list: the records, where the page is, and how many match in all. */
export const EventPageSchema = z.object({
  data: z.array(EventSchema),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type EventPage = z.infer<typeof EventPageSchema>;
