import { Router } from 'express';

/** Routes mounted at /api/v1/orders; the route generator adds routes here, each validated with zod. */
export const ordersRouter = Router();
