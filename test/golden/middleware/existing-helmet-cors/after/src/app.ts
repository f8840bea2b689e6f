import cors from 'cors';
import express from 'express';
import securityHeaders from 'helmet';
import { cartRouter } from './routes/cart.js';
import { requestId } from './middleware/request-id.js';
import { requestLogger } from './middleware/logging.js';
import compression from 'compression';
import { rateLimiter } from './middleware/rate-limit.js';

export const app = express();
app.use(requestId());
app.use(requestLogger);

app.use(securityHeaders());
app.use(cors({ origin: ['https://shop.example'] }));
app.use(compression());
app.use(express.json());
app.use(rateLimiter());
app.use('/cart', cartRouter);
