import Fastify from 'fastify';
import { itemRoutes } from './routes/items';
import { errorHandlerPlugin } from './plugins/error-handler';
import { widgetRoutes } from './routes/widgets';
import { authPlugin } from './plugins/auth';
import { authRoutes } from './routes/auth';

export async function buildApp() {
  const app = Fastify({ logger: true });
  await app.register(errorHandlerPlugin);
  await app.register(authPlugin);

  await app.register(itemRoutes, { prefix: '/items' });
  await app.register(widgetRoutes, { prefix: '/api/v1/widgets' });
  await app.register(authRoutes, { prefix: '/api/v1/auth' });

  return app;
}
