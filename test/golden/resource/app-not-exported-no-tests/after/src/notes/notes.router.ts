import { Router } from 'express';
import { asyncHandler } from '../middleware/async-handler';
import { validate, validated } from '../middleware/validate';
import { InMemoryNoteRepository } from './notes.repository';
import { NoteCreateSchema, NoteListQuerySchema, NoteParamsSchema, NoteUpdateSchema } from './notes.schemas';
import { NotesService } from './notes.service';

/**
 * CRUD routes for notes, mounted at /api/v1/notes: GET / (page, limit, sort and filters),
 * GET /:id, POST / (201 with a Location header), PATCH /:id, DELETE /:id (204).
 * Pass a service over another repository (a database) to replace the in-memory default.
 */
export function createNotesRouter(service = new NotesService(new InMemoryNoteRepository())): Router {
  const router = Router();

  router.get('/', validate({ query: NoteListQuerySchema }), asyncHandler(async (_req, res) => {
    res.json(await service.list(validated(res, 'query', NoteListQuerySchema)));
  }));

  router.get('/:id', validate({ params: NoteParamsSchema }), asyncHandler(async (_req, res) => {
    const { id } = validated(res, 'params', NoteParamsSchema);
    res.json(await service.get(id));
  }));

  router.post('/', validate({ body: NoteCreateSchema }), asyncHandler(async (req, res) => {
    const created = await service.create(validated(res, 'body', NoteCreateSchema));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  }));

  router.patch('/:id', validate({ params: NoteParamsSchema, body: NoteUpdateSchema }), asyncHandler(async (_req, res) => {
    const { id } = validated(res, 'params', NoteParamsSchema);
    res.json(await service.update(id, validated(res, 'body', NoteUpdateSchema)));
  }));

  router.delete('/:id', validate({ params: NoteParamsSchema }), asyncHandler(async (_req, res) => {
    const { id } = validated(res, 'params', NoteParamsSchema);
    await service.remove(id);
    res.status(204).end();
  }));

  return router;
}
