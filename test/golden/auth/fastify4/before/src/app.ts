import Fastify from 'fastify';
import { itemRoutes } from './routes/items';
import { errorHandlerPlugin } from './plugins/error-handler';
import { widgetRoutes } from './routes/widgets';

export async function buildApp() {
  const app = Fastify({ logger: true });
  await app.register(errorHandlerPlugin);

  await app.register(itemRoutes, { prefix: '/items' });
  await app.register(widgetRoutes, { prefix: '/api/v1/widgets' });

  return app;
}
