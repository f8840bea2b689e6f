import type { FastifyPluginAsync } from "fastify"
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod"
import { InMemoryOrderItemRepository } from "../order-items/order-items.repository.js"
import {
  OrderItemCreateSchema,
  OrderItemListQuerySchema,
  OrderItemPageSchema,
  OrderItemParamsSchema,
  OrderItemSchema,
  OrderItemUpdateSchema,
} from "../order-items/order-items.schemas.js"
import { OrderItemsService } from "../order-items/order-items.service.js"

export interface OrderItemRoutesOptions {
  /** The service the routes use; by default order items are kept in memory. */
  service?: OrderItemsService
}

/**
 * CRUD routes for order items, registered with a prefix (/v2/order-items): GET / (page, limit,
 * sort and filters), GET /:id, POST / (201 with a Location header), PATCH /:id, DELETE /:id (204).
 * Pass `service` (over another repository, e.g. a database) to replace the in-memory default.
 */
export const orderItemRoutes: FastifyPluginAsync<OrderItemRoutesOptions> = async (fastify, options) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  // zod schemas for the routes of this plugin only: the compilers are encapsulated with it.
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  const service = options.service ?? new OrderItemsService(new InMemoryOrderItemRepository())

  app.get("/", { schema: { querystring: OrderItemListQuerySchema, response: { 200: OrderItemPageSchema } } }, async (request) => {
    return service.list(request.query)
  })

  app.get("/:id", { schema: { params: OrderItemParamsSchema, response: { 200: OrderItemSchema } } }, async (request) => {
    return service.get(request.params.id)
  })

  app.post("/", { schema: { body: OrderItemCreateSchema, response: { 201: OrderItemSchema } } }, async (request, reply) => {
    const created = await service.create(request.body)
    return reply.code(201).header("location", `${app.prefix}/${created.id}`).send(created)
  })

  app.patch("/:id", { schema: { params: OrderItemParamsSchema, body: OrderItemUpdateSchema, response: { 200: OrderItemSchema } } }, async (request) => {
    return service.update(request.params.id, request.body)
  })

  app.delete("/:id", { schema: { params: OrderItemParamsSchema } }, async (request, reply) => {
    await service.remove(request.params.id)
    return reply.code(204).send()
  })
}
