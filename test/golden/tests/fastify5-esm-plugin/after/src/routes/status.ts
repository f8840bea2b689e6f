import type { FastifyPluginAsync } from "fastify"

export const statusRoutes: FastifyPluginAsync = async (app) => {
  app.get("/", async () => ({ status: "ok" }))

  app.post("/echo", { schema: { body: { type: "object", required: ["message"], properties: { message: { type: "string" } } } } }, async (request) => request.body)
}
