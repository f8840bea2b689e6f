import type { FastifyPluginAsync } from 'fastify';

const taskRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', async () => ({ data: [] }));
};

export { taskRoutes };
