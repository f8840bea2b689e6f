import Fastify from "fastify"
import { itemRoutes } from "./routes/items.js"
import { errorHandlerPlugin } from "./plugins/error-handler.js"
import { orderItemRoutes } from "./routes/order-items.js"

export async function buildApp() {
  const app = Fastify({ logger: false })
  await app.register(errorHandlerPlugin)

  await app.register(itemRoutes, { prefix: "/items" })
  await app.register(orderItemRoutes, { prefix: "/v2/order-items" })

  return app
}
