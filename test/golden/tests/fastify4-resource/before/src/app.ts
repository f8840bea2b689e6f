import Fastify from 'fastify';
import { itemRoutes } from './routes/items';
import { errorHandlerPlugin } from './plugins/error-handler';
import { productRoutes } from './routes/products';

export async function buildApp() {
  const app = Fastify({ logger: false });
  await app.register(errorHandlerPlugin);

  await app.register(itemRoutes, { prefix: '/items' });
  await app.register(productRoutes, { prefix: '/api/v1/products' });

  return app;
}
