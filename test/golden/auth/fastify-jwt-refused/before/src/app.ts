import Fastify from 'fastify';
import { itemRoutes } from './routes/items';

export async function buildApp() {
  const app = Fastify({ logger: true });

  await app.register(itemRoutes, { prefix: '/items' });

  return app;
}
