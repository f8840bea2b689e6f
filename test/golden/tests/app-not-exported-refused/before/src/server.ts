import express from 'express';
import { usersRouter } from './routes/users';

const app = express();
app.use('/api/users', usersRouter);
app.listen(3000);
