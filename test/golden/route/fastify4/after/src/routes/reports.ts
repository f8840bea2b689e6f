import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const PostReportsBodySchema = z.object({
  title: z.string().trim().min(1),
  year: z.number().int(),
});

export const reportRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.get('/', async () => {
    return { data: [] };
  });

  /** POST /reports: answers 501 until implemented; request.body is checked by the schema first. */
  app.post('/', { schema: { body: PostReportsBodySchema } }, async (_request, reply) => {
    return reply.code(501).send({ error: { code: 'NOT_IMPLEMENTED', message: 'POST /reports is not implemented yet' } });
  });
};
