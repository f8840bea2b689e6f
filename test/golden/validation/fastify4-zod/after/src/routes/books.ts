import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const GetSearchQuerySchema = z.object({
  q: z.string().optional(),
});

export const bookRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.get('/search', { schema: { querystring: GetSearchQuerySchema } }, async (request) => {
    const { q } = request.query as { q?: string };
    return { data: [], q: q ?? '' };
  });
};
