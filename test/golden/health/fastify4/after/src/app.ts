import Fastify from 'fastify';
import { itemRoutes } from './routes/items';
import { healthRoutes } from './routes/health';

export async function buildApp() {
  const app = Fastify({ logger: true });

  await app.register(itemRoutes, { prefix: '/items' });
  await app.register(healthRoutes, { prefix: '/health' });

  return app;
}
