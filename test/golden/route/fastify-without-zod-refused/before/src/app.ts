import Fastify from 'fastify';
import { taskRoutes } from './routes/tasks.js';

export async function buildApp() {
  const app = Fastify({ logger: false });
  await app.register(taskRoutes, { prefix: '/api/tasks' });
  return app;
}
