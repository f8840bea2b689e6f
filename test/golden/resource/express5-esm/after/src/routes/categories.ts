import { Router } from 'express';
import { validate, validated } from '../middleware/validate.js';
import { InMemoryCategoryRepository } from '../categories/categories.repository.js';
import { CategoryCreateSchema, CategoryListQuerySchema, CategoryParamsSchema, CategoryUpdateSchema } from '../categories/categories.schemas.js';
import { CategoriesService } from '../categories/categories.service.js';

/**
 * CRUD routes for categories, mounted at /api/v1/categories: GET / (page, limit, sort and filters),
 * GET /:id, POST / (201 with a Location header), PATCH /:id, PUT /:id, DELETE /:id (204).
 * Pass a service over another repository (a database) to replace the in-memory default.
 */
export function createCategoriesRouter(service = new CategoriesService(new InMemoryCategoryRepository())): Router {
  const router = Router();

  router.get('/', validate({ query: CategoryListQuerySchema }), async (_req, res) => {
    res.json(await service.list(validated(res, 'query', CategoryListQuerySchema)));
  });

  router.get('/:id', validate({ params: CategoryParamsSchema }), async (_req, res) => {
    const { id } = validated(res, 'params', CategoryParamsSchema);
    res.json(await service.get(id));
  });

  router.post('/', validate({ body: CategoryCreateSchema }), async (req, res) => {
    const created = await service.create(validated(res, 'body', CategoryCreateSchema));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.patch('/:id', validate({ params: CategoryParamsSchema, body: CategoryUpdateSchema }), async (_req, res) => {
    const { id } = validated(res, 'params', CategoryParamsSchema);
    res.json(await service.update(id, validated(res, 'body', CategoryUpdateSchema)));
  });

  router.put('/:id', validate({ params: CategoryParamsSchema, body: CategoryCreateSchema }), async (_req, res) => {
    const { id } = validated(res, 'params', CategoryParamsSchema);
    res.json(await service.replace(id, validated(res, 'body', CategoryCreateSchema)));
  });

  router.delete('/:id', validate({ params: CategoryParamsSchema }), async (_req, res) => {
    const { id } = validated(res, 'params', CategoryParamsSchema);
    await service.remove(id);
    res.status(204).end();
  });

  return router;
}
