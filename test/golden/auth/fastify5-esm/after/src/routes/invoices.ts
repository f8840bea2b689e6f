import type { FastifyInstance } from 'fastify';

export default async function invoiceRoutes(app: FastifyInstance) {
  app.get('/', async () => []);
}
