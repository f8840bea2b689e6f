import Fastify from 'fastify';
import { reportRoutes } from './routes/reports';

export async function buildApp() {
  const app = Fastify({ logger: false });

  await app.register(reportRoutes, { prefix: '/reports' });

  return app;
}
