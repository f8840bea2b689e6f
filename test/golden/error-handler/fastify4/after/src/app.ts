import Fastify from 'fastify';
import { itemRoutes } from './routes/items';
import { errorHandlerPlugin } from './plugins/error-handler';

export async function buildApp() {
  const app = Fastify({ logger: true });
  await app.register(errorHandlerPlugin);

  await app.register(itemRoutes, { prefix: '/items' });

  return app;
}
