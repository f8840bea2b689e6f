import type { FastifyPluginAsync } from 'fastify';

export const itemRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', async () => {
    return { data: [] };
  });
};
