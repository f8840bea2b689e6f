import Fastify from 'fastify';
import invoiceRoutes from './routes/invoices.js';
import { healthRoutes } from './routes/health.js';

const app = Fastify();

app.register(invoiceRoutes, { prefix: '/invoices' });
app.register(healthRoutes, { prefix: '/health' });

app.get('/', async () => ({ name: 'billing-api' }));

export default app;
