import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { InMemoryEventRepository } from './events.repository.js';
import {
  EventCreateSchema,
  EventListQuerySchema,
  EventPageSchema,
  EventParamsSchema,
  EventSchema,
  EventUpdateSchema,
} from './events.schemas.js';
import { EventsService } from './events.service.js';

export interface EventRoutesOptions {
  /** The service the routes use; by default events are kept in memory. */
  service?: EventsService;
}

/**
 * CRUD routes for events, registered with a prefix (/api/v1/events): GET / (page, limit,
 * sort and filters), GET /:id, POST / (201 with a Location header), PATCH /:id, DELETE /:id (204).
 * Pass `service` (over another repository, e.g. a database) to replace the in-memory default.
 */
export const eventRoutes: FastifyPluginAsync<EventRoutesOptions> = async (fastify, options) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // zod schemas for the routes of this plugin only: the compilers are encapsulated with it.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const service = options.service ?? new EventsService(new InMemoryEventRepository());

  app.get('/', { schema: { querystring: EventListQuerySchema, response: { 200: EventPageSchema } } }, async (request) => {
    return service.list(request.query);
  });

  app.get('/:id', { schema: { params: EventParamsSchema, response: { 200: EventSchema } } }, async (request) => {
    return service.get(request.params.id);
  });

  app.post('/', { schema: { body: EventCreateSchema, response: { 201: EventSchema } } }, async (request, reply) => {
    const created = await service.create(request.body);
    return reply.code(201).header('location', `${app.prefix}/${created.id}`).send(created);
  });

  app.patch('/:id', { schema: { params: EventParamsSchema, body: EventUpdateSchema, response: { 200: EventSchema } } }, async (request) => {
    return service.update(request.params.id, request.body);
  });

  app.delete('/:id', { schema: { params: EventParamsSchema } }, async (request, reply) => {
    await service.remove(request.params.id);
    return reply.code(204).send();
  });
};
