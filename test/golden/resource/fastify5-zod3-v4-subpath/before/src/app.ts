import Fastify from 'fastify';
import { PingSchema } from './schemas.js';

export async function buildApp() {
  const app = Fastify({ logger: false });
  app.post('/ping', async (request) => PingSchema.parse(request.body));
  return app;
}
