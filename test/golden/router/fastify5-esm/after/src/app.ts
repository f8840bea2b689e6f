import Fastify from "fastify"
import { itemRoutes } from "./routes/items.js"
import { reportsRoutes } from "./routes/reports.js"

export async function buildApp() {
  const app = Fastify({ logger: false })

  await app.register(itemRoutes, { prefix: "/items" })
  await app.register(reportsRoutes, { prefix: "/api/reports" })

  return app
}
