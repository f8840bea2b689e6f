import express from 'express';
import ordersRouter from './routes/orders';
import { usersRouter } from './routes/users';
import { requestId } from './middleware/request-id';
import { requestLogger } from './middleware/logging';
import helmet from 'helmet';
import { corsMiddleware } from './middleware/cors';
import compression from 'compression';
import { rateLimiter } from './middleware/rate-limit';

const app = express();
app.use(requestId());
app.use(requestLogger);
app.use(helmet());
app.use(corsMiddleware());
app.use(compression());

app.use(express.json());
app.use(rateLimiter());

app.get('/', (_req, res) => {
  res.json({ name: 'orders-api' });
});

app.use('/api/users', usersRouter);
app.use('/api/orders', ordersRouter);

app.listen(3000, () => {
  console.log('listening on http://localhost:3000');
});
