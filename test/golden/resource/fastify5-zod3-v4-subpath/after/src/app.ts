import Fastify from 'fastify';
import { PingSchema } from './schemas.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { eventRoutes } from './events/events.routes.js';

export async function buildApp() {
  const app = Fastify({ logger: false });
  app.register(errorHandlerPlugin);
  app.register(eventRoutes, { prefix: '/api/v1/events' });
  app.post('/ping', async (request) => PingSchema.parse(request.body));
  return app;
}
