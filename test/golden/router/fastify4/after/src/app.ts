import Fastify from 'fastify';
import { itemRoutes } from './routes/items';
import { reportsRoutes } from './routes/reports';

export async function buildApp() {
  const app = Fastify({ logger: false });

  await app.register(itemRoutes, { prefix: '/items' });
  await app.register(reportsRoutes, { prefix: '/reports' });

  return app;
}
