import { Router } from 'express';

/** Routes mounted at /api/v1/order-items; the route generator adds routes here, each validated with zod. */
export const orderItemsRouter = Router();
