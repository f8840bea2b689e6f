import express from 'express';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { createNotesRouter } from './notes/notes.router';

const app = express();
app.use(express.json());
app.use('/api/v1/notes', createNotesRouter());
app.use(notFoundHandler);
app.use(errorHandler);
app.listen(3000);
