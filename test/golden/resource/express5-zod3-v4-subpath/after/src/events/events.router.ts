import { Router } from 'express';
import { validate, validated } from '../middleware/validate.js';
import { InMemoryEventRepository } from './events.repository.js';
import { EventCreateSchema, EventListQuerySchema, EventParamsSchema, EventUpdateSchema } from './events.schemas.js';
import { EventsService } from './events.service.js';

/**
 * CRUD routes for events, mounted at /api/v1/events: GET / (page, limit, sort and filters),
 * GET /:id, POST / (201 with a Location header), PATCH /:id, DELETE /:id (204).
 * Pass a service over another repository (a database) to replace the in-memory default.
 */
export function createEventsRouter(service = new EventsService(new InMemoryEventRepository())): Router {
  const router = Router();

  router.get('/', validate({ query: EventListQuerySchema }), async (_req, res) => {
    res.json(await service.list(validated(res, 'query', EventListQuerySchema)));
  });

  router.get('/:id', validate({ params: EventParamsSchema }), async (_req, res) => {
    const { id } = validated(res, 'params', EventParamsSchema);
    res.json(await service.get(id));
  });

  router.post('/', validate({ body: EventCreateSchema }), async (req, res) => {
    const created = await service.create(validated(res, 'body', EventCreateSchema));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.patch('/:id', validate({ params: EventParamsSchema, body: EventUpdateSchema }), async (_req, res) => {
    const { id } = validated(res, 'params', EventParamsSchema);
    res.json(await service.update(id, validated(res, 'body', EventUpdateSchema)));
  });

  router.delete('/:id', validate({ params: EventParamsSchema }), async (_req, res) => {
    const { id } = validated(res, 'params', EventParamsSchema);
    await service.remove(id);
    res.status(204).end();
  });

  return router;
}
