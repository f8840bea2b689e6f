import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import authRouter from './routes/auth';
import { ordersRouter } from './routes/orders';
import { usersRouter } from './routes/users';

const app = express();

app.use(helmet());
app.use(cors({ origin: true, credentials: true }));
app.use(express.json({ limit: '1mb' }));

app.get('/health', (_req, res) => {
  res.json({ status: 'ok', uptime: process.uptime() });
});

app.use('/api/auth', authRouter);
app.use('/api/users', usersRouter);
app.use('/api/orders', ordersRouter);

app.use((_req, res) => {
  res.status(404).json({ error: 'Not found' });
});

export default app;
