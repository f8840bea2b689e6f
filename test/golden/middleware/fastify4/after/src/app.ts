import Fastify from 'fastify';
import { itemRoutes } from './routes/items';
import { genRequestId, requestIdPlugin } from './plugins/request-id';
import helmet from '@fastify/helmet';
import { corsPlugin } from './plugins/cors';
import compress from '@fastify/compress';
import { rateLimitPlugin } from './plugins/rate-limit';

export async function buildApp() {
  const app = Fastify({ logger: true, genReqId: genRequestId, requestIdHeader: false });
  await app.register(requestIdPlugin);
  await app.register(helmet);
  await app.register(corsPlugin);
  await app.register(compress);
  await app.register(rateLimitPlugin);

  await app.register(itemRoutes, { prefix: '/items' });

  return app;
}
