import express from 'express';
import ordersRouter from './routes/orders';
import { usersRouter } from './routes/users';

const app = express();

app.use(express.json());

app.get('/', (_req, res) => {
  res.json({ name: 'orders-api' });
});

app.use('/api/users', usersRouter);
app.use('/api/orders', ordersRouter);

app.listen(3000, () => {
  console.log('listening on http://localhost:3000');
});
