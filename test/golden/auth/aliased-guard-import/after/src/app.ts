import express from 'express';
import ordersRouter from './routes/orders';
import { usersRouter } from './routes/users';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { createProductsRouter } from './routes/products';
import { createAuthRouter } from './routes/auth';

const app = express();

app.use(express.json());

app.get('/', (_req, res) => {
  res.json({ name: 'orders-api' });
});

app.use('/api/users', usersRouter);
app.use('/api/orders', ordersRouter);
app.use('/api/v1/products', createProductsRouter());
app.use('/api/v1/auth', createAuthRouter());
app.use(notFoundHandler);
app.use(errorHandler);

app.listen(3000, () => {
  console.log('listening on http://localhost:3000');
});
