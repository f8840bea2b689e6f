import Fastify from 'fastify';
import { errorHandlerPlugin } from './plugins/error-handler';
import { bookRoutes } from './routes/books';

export async function buildApp() {
  const app = Fastify({ logger: false });

  await app.register(errorHandlerPlugin);
  await app.register(bookRoutes, { prefix: '/books' });

  return app;
}
