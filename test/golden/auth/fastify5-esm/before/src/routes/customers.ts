import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { InMemoryCustomerRepository } from '../customers/customers.repository.js';
import {
  CustomerCreateSchema,
  CustomerListQuerySchema,
  CustomerPageSchema,
  CustomerParamsSchema,
  CustomerSchema,
  CustomerUpdateSchema,
} from '../customers/customers.schemas.js';
import { CustomersService } from '../customers/customers.service.js';

export interface CustomerRoutesOptions {
  /** The service the routes use; by default customers are kept in memory. */
  service?: CustomersService;
}

/**
 * CRUD routes for customers, registered with a prefix (/api/v1/customers): GET / (page, limit,
 * sort and filters), GET /:id, POST / (201 with a Location header), PATCH /:id, DELETE /:id (204).
 * Pass `service` (over another repository, e.g. a database) to replace the in-memory default.
 */
export const customerRoutes: FastifyPluginAsync<CustomerRoutesOptions> = async (fastify, options) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // zod schemas for the routes of this plugin only: the compilers are encapsulated with it.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const service = options.service ?? new CustomersService(new InMemoryCustomerRepository());

  app.get('/', { schema: { querystring: CustomerListQuerySchema, response: { 200: CustomerPageSchema } } }, async (request) => {
    return service.list(request.query);
  });

  app.get('/:id', { schema: { params: CustomerParamsSchema, response: { 200: CustomerSchema } } }, async (request) => {
    return service.get(request.params.id);
  });

  app.post('/', { schema: { body: CustomerCreateSchema, response: { 201: CustomerSchema } } }, async (request, reply) => {
    const created = await service.create(request.body);
    return reply.code(201).header('location', `${app.prefix}/${created.id}`).send(created);
  });

  app.patch('/:id', { schema: { params: CustomerParamsSchema, body: CustomerUpdateSchema, response: { 200: CustomerSchema } } }, async (request) => {
    return service.update(request.params.id, request.body);
  });

  app.delete('/:id', { schema: { params: CustomerParamsSchema } }, async (request, reply) => {
    await service.remove(request.params.id);
    return reply.code(204).send();
  });
};
