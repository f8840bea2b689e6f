import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { InMemoryWidgetRepository } from '../widgets/widgets.repository';
import {
  WidgetCreateSchema,
  WidgetListQuerySchema,
  WidgetPageSchema,
  WidgetParamsSchema,
  WidgetSchema,
  WidgetUpdateSchema,
} from '../widgets/widgets.schemas';
import { WidgetsService } from '../widgets/widgets.service';

export interface WidgetRoutesOptions {
  /** The service the routes use; by default widgets are kept in memory. */
  service?: WidgetsService;
}

/**
 * CRUD routes for widgets, registered with a prefix (/api/v1/widgets): GET / (page, limit,
 * sort and filters), GET /:id, POST / (201 with a Location header), PATCH /:id, DELETE /:id (204).
 * Pass `service` (over another repository, e.g. a database) to replace the in-memory default.
 */
export const widgetRoutes: FastifyPluginAsync<WidgetRoutesOptions> = async (fastify, options) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // zod schemas for the routes of this plugin only: the compilers are encapsulated with it.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const service = options.service ?? new WidgetsService(new InMemoryWidgetRepository());

  app.get('/', { schema: { querystring: WidgetListQuerySchema, response: { 200: WidgetPageSchema } } }, async (request) => {
    return service.list(request.query);
  });

  app.get('/:id', { schema: { params: WidgetParamsSchema, response: { 200: WidgetSchema } } }, async (request) => {
    return service.get(request.params.id);
  });

  app.post('/', { schema: { body: WidgetCreateSchema, response: { 201: WidgetSchema } } }, async (request, reply) => {
    const created = await service.create(request.body);
    return reply.code(201).header('location', `${app.prefix}/${created.id}`).send(created);
  });

  app.patch('/:id', { schema: { params: WidgetParamsSchema, body: WidgetUpdateSchema, response: { 200: WidgetSchema } } }, async (request) => {
    return service.update(request.params.id, request.body);
  });

  app.delete('/:id', { schema: { params: WidgetParamsSchema } }, async (request, reply) => {
    await service.remove(request.params.id);
    return reply.code(204).send();
  });
};
