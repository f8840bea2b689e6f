import { Router } from 'express';
import { asyncHandler } from '../middleware/async-handler';
import { validate, validated } from '../middleware/validate';
import { InMemoryTagRepository } from '../tags/tags.repository';
import { TagCreateSchema, TagListQuerySchema, TagParamsSchema, TagUpdateSchema } from '../tags/tags.schemas';
import { TagsService } from '../tags/tags.service';

/**
 * CRUD routes for tags, mounted at /api/v1/tags: GET / (page, limit, sort and filters),
 * GET /:id, POST / (201 with a Location header), PATCH /:id, DELETE /:id (204).
 * Pass a service over another repository (a database) to replace the in-memory default.
 */
export function createTagsRouter(service = new TagsService(new InMemoryTagRepository())): Router {
  const router = Router();

  router.get('/', validate({ query: TagListQuerySchema }), asyncHandler(async (_req, res) => {
    res.json(await service.list(validated(res, 'query', TagListQuerySchema)));
  }));

  router.get('/:id', validate({ params: TagParamsSchema }), asyncHandler(async (_req, res) => {
    const { id } = validated(res, 'params', TagParamsSchema);
    res.json(await service.get(id));
  }));

  router.post('/', validate({ body: TagCreateSchema }), asyncHandler(async (req, res) => {
    const created = await service.create(validated(res, 'body', TagCreateSchema));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  }));

  router.patch('/:id', validate({ params: TagParamsSchema, body: TagUpdateSchema }), asyncHandler(async (_req, res) => {
    const { id } = validated(res, 'params', TagParamsSchema);
    res.json(await service.update(id, validated(res, 'body', TagUpdateSchema)));
  }));

  router.delete('/:id', validate({ params: TagParamsSchema }), asyncHandler(async (_req, res) => {
    const { id } = validated(res, 'params', TagParamsSchema);
    await service.remove(id);
    res.status(204).end();
  }));

  return router;
}
