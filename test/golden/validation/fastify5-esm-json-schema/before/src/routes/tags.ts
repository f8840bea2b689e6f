import type { FastifyPluginAsync } from "fastify"

const tags = new Set<string>()

export const tagRoutes: FastifyPluginAsync = async (app) => {
  app.post("/", async (request, reply) => {
    const { label } = request.body as { label: string }
    tags.add(label.trim())
    return reply.code(201).send({ label })
  })
}
