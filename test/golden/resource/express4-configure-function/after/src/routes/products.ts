import { Router } from 'express';
import { asyncHandler } from '../middleware/async-handler';
import { scopedErrorHandler } from '../middleware/error-handler';
import { validate, validated } from '../middleware/validate';
import { InMemoryProductRepository } from '../products/products.repository';
import { ProductCreateSchema, ProductListQuerySchema, ProductParamsSchema, ProductUpdateSchema } from '../products/products.schemas';
import { ProductsService } from '../products/products.service';

/**
 * CRUD routes for products, mounted at /api/v1/products: GET / (page, limit, sort and filters),
 * GET /:id, POST / (201 with a Location header), PATCH /:id, DELETE /:id (204).
 * Pass a service over another repository (a database) to replace the in-memory default.
 */
export function createProductsRouter(service = new ProductsService(new InMemoryProductRepository())): Router {
  const router = Router();

  router.get('/', validate({ query: ProductListQuerySchema }), asyncHandler(async (_req, res) => {
    res.json(await service.list(validated(res, 'query', ProductListQuerySchema)));
  }));

  router.get('/:id', validate({ params: ProductParamsSchema }), asyncHandler(async (_req, res) => {
    const { id } = validated(res, 'params', ProductParamsSchema);
    res.json(await service.get(id));
  }));

  router.post('/', validate({ body: ProductCreateSchema }), asyncHandler(async (req, res) => {
    const created = await service.create(validated(res, 'body', ProductCreateSchema));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  }));

  router.patch('/:id', validate({ params: ProductParamsSchema, body: ProductUpdateSchema }), asyncHandler(async (_req, res) => {
    const { id } = validated(res, 'params', ProductParamsSchema);
    res.json(await service.update(id, validated(res, 'body', ProductUpdateSchema)));
  }));

  router.delete('/:id', validate({ params: ProductParamsSchema }), asyncHandler(async (_req, res) => {
    const { id } = validated(res, 'params', ProductParamsSchema);
    await service.remove(id);
    res.status(204).end();
  }));

  // The app's error handler answers differently: this router's 422 / 404 / 409 keep the standard error body.
  router.use(scopedErrorHandler);

  return router;
}
