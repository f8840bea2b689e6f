import cors from 'cors';
import express from 'express';
import securityHeaders from 'helmet';
import { cartRouter } from './routes/cart.js';

export const app = express();

app.use(securityHeaders());
app.use(cors({ origin: ['https://shop.example'] }));
app.use(express.json());
app.use('/cart', cartRouter);
