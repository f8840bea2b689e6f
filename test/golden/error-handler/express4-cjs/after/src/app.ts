import express from 'express';
import ordersRouter from './routes/orders';
import { usersRouter } from './routes/users';
import { errorHandler, notFoundHandler } from './middleware/error-handler';

const app = express();

app.use(express.json());

app.get('/', (_req, res) => {
  res.json({ name: 'orders-api' });
});

app.use('/api/users', usersRouter);
app.use('/api/orders', ordersRouter);
app.use(notFoundHandler);
app.use(errorHandler);

app.listen(3000, () => {
  console.log('listening on http://localhost:3000');
});
