import fp from 'fastify-plugin'

// Wrapped in fastify-plugin so the decorator is visible outside this plugin
export default fp(async (fastify) => {
  fastify.decorate('now', () => new Date())
})

declare module 'fastify' {
  export interface FastifyInstance {
    now(): Date
  }
}
