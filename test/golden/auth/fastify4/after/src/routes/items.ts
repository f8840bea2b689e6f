import type { FastifyInstance } from 'fastify';

export async function itemRoutes(app: FastifyInstance) {
  app.get('/', async () => ({ items: [] }));
}
