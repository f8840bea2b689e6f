import express, { type Express } from 'express';
import { openAPIRouter } from './api-docs/openapi-router.js';
import errorHandler from './common/error-handler.js';
import { healthRouter } from './routes/health.js';
import { createProductsRouter } from './routes/products.js';

const app: Express = express();

app.use(express.json());

// Routes
app.use('/health-check', healthRouter);
app.use('/api/v1/products', createProductsRouter());

// Swagger UI
app.use(openAPIRouter);

// Error handlers
app.use(errorHandler());

export { app };
