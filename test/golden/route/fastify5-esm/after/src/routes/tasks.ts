import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';

const DeleteTasksParamsSchema = z.object({
  id: z.coerce.number().int(),
});

const taskRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', async () => ({ data: [] }));

  /** DELETE /api/tasks/:id: answers 501 until implemented; request.params is checked by the schema first. */
  app.delete('/:id', { schema: { params: DeleteTasksParamsSchema } }, async (_request, reply) => {
    return reply.code(501).send({ error: { code: 'NOT_IMPLEMENTED', message: 'DELETE /api/tasks/:id is not implemented yet' } });
  });
};

export { taskRoutes };
