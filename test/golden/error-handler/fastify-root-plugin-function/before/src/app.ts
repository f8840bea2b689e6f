import type { FastifyInstance } from 'fastify';

/** Started by `fastify start`, which creates the instance and registers this plugin on it. */
export default async function app(fastify: FastifyInstance): Promise<void> {
  fastify.get('/ping', async () => ({ pong: true }));
}
