import Fastify from "fastify"
import { errorHandlerPlugin } from "./plugins/error-handler.js"
import { statusRoutes } from "./routes/status.js"

export const app = Fastify({ logger: false })

await app.register(errorHandlerPlugin)
await app.register(statusRoutes, { prefix: "/status" })
