import type { FastifyInstance } from 'fastify';
import { errorHandlerPlugin } from './plugins/error-handler.js';

/** Started by `fastify start`, which creates the instance and registers this plugin on it. */
export default async function app(fastify: FastifyInstance): Promise<void> {
  fastify.register(errorHandlerPlugin);
  fastify.get('/ping', async () => ({ pong: true }));
}
