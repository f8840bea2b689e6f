import Fastify from 'fastify';
import { itemRoutes } from './routes/items';

export async function buildApp() {
  const app = Fastify({ logger: false });

  await app.register(itemRoutes, { prefix: '/items' });

  return app;
}
