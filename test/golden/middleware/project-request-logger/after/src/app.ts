import express from 'express';
import requestLogger from './common/request-logger.js';
import { cartRouter } from './routes/cart.js';
import helmet from 'helmet';

export const app = express();
app.use(helmet());

app.use(express.json());
app.use(requestLogger);
app.use('/cart', cartRouter);
