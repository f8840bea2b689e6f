import type { FastifyPluginAsync } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { InMemoryProductRepository } from './products.repository'
import {
  ProductCreateSchema,
  ProductListQuerySchema,
  ProductPageSchema,
  ProductParamsSchema,
  ProductSchema,
  ProductUpdateSchema,
} from './products.schemas'
import { ProductsService } from './products.service'

export interface ProductRoutesOptions {
  /** The service the routes use; by default products are kept in memory. */
  service?: ProductsService
}

/**
 * CRUD routes for products, registered with a prefix (/api/v1/products): GET / (page, limit,
 * sort and filters), GET /:id, POST / (201 with a Location header), PATCH /:id, DELETE /:id (204).
 * Pass `service` (over another repository, e.g. a database) to replace the in-memory default.
 */
export const productRoutes: FastifyPluginAsync<ProductRoutesOptions> = async (fastify, options) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  // zod schemas for the routes of this plugin only: the compilers are encapsulated with it.
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  const service = options.service ?? new ProductsService(new InMemoryProductRepository())

  app.get('/', { schema: { querystring: ProductListQuerySchema, response: { 200: ProductPageSchema } } }, async (request) => {
    return service.list(request.query)
  })

  app.get('/:id', { schema: { params: ProductParamsSchema, response: { 200: ProductSchema } } }, async (request) => {
    return service.get(request.params.id)
  })

  app.post('/', { schema: { body: ProductCreateSchema, response: { 201: ProductSchema } } }, async (request, reply) => {
    const created = await service.create(request.body)
    return reply.code(201).header('location', `${app.prefix}/${created.id}`).send(created)
  })

  app.patch('/:id', { schema: { params: ProductParamsSchema, body: ProductUpdateSchema, response: { 200: ProductSchema } } }, async (request) => {
    return service.update(request.params.id, request.body)
  })

  app.delete('/:id', { schema: { params: ProductParamsSchema } }, async (request, reply) => {
    await service.remove(request.params.id)
    return reply.code(204).send()
  })
}
