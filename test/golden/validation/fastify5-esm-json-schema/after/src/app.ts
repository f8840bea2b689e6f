import Fastify from "fastify"
import { errorHandlerPlugin } from "./plugins/error-handler.js"
import { tagRoutes } from "./routes/tags.js"

export async function buildApp() {
  const app = Fastify({ logger: false })

  await app.register(errorHandlerPlugin)
  await app.register(tagRoutes, { prefix: "/tags" })

  return app
}
