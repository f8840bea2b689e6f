import express from 'express';
import ordersRouter from './routes/orders';
import { usersRouter } from './routes/users';
import { healthRouter } from './routes/health';

const app = express();

app.use(express.json());

app.get('/', (_req, res) => {
  res.json({ name: 'orders-api' });
});

app.use('/api/users', usersRouter);
app.use('/api/orders', ordersRouter);
app.use('/health', healthRouter);

app.listen(3000, () => {
  console.log('listening on http://localhost:3000');
});
