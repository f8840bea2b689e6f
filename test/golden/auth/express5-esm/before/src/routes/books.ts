import { Router } from 'express';
import { validate, validated } from '../middleware/validate.js';
import { InMemoryBookRepository } from '../books/books.repository.js';
import { BookCreateSchema, BookListQuerySchema, BookParamsSchema, BookUpdateSchema } from '../books/books.schemas.js';
import { BooksService } from '../books/books.service.js';

/**
 * CRUD routes for books, mounted at /api/v1/books: GET / (page, limit, sort and filters),
 * GET /:id, POST / (201 with a Location header), PATCH /:id, DELETE /:id (204).
 * Pass a service over another repository (a database) to replace the in-memory default.
 */
export function createBooksRouter(service = new BooksService(new InMemoryBookRepository())): Router {
  const router = Router();

  router.get('/', validate({ query: BookListQuerySchema }), async (_req, res) => {
    res.json(await service.list(validated(res, 'query', BookListQuerySchema)));
  });

  router.get('/:id', validate({ params: BookParamsSchema }), async (_req, res) => {
    const { id } = validated(res, 'params', BookParamsSchema);
    res.json(await service.get(id));
  });

  router.post('/', validate({ body: BookCreateSchema }), async (req, res) => {
    const created = await service.create(validated(res, 'body', BookCreateSchema));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.patch('/:id', validate({ params: BookParamsSchema, body: BookUpdateSchema }), async (_req, res) => {
    const { id } = validated(res, 'params', BookParamsSchema);
    res.json(await service.update(id, validated(res, 'body', BookUpdateSchema)));
  });

  router.delete('/:id', validate({ params: BookParamsSchema }), async (_req, res) => {
    const { id } = validated(res, 'params', BookParamsSchema);
    await service.remove(id);
    res.status(204).end();
  });

  return router;
}
