import { Router } from 'express';
import { z } from 'zod';
import { requireAuth } from '../middleware/auth.js';
import { validate } from '../middleware/validate.js';

const NoteSchema = z.object({ text: z.string().min(1) });
const notes: string[] = [];

export const notesRouter = Router();

notesRouter.get('/', (_req, res) => {
  res.json({ data: notes });
});

notesRouter.post('/', validate({ body: NoteSchema }), (req, res) => {
  notes.push(String(req.body.text));
  res.status(201).json({ text: req.body.text });
});

notesRouter.get('/:index', (req, res) => {
  res.json({ text: notes[Number(req.params.index)] });
});

notesRouter.delete('/', requireAuth, (_req, res) => {
  notes.length = 0;
  res.status(204).end();
});
