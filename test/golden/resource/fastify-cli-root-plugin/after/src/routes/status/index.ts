import { type FastifyPluginAsync } from 'fastify'

const status: FastifyPluginAsync = async (fastify): Promise<void> => {
  fastify.get('/', async () => ({ time: fastify.now().toISOString() }))
}

export default status
