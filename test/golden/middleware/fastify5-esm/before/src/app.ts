import Fastify from 'fastify';
import invoiceRoutes from './routes/invoices.js';

const app = Fastify();

app.register(invoiceRoutes, { prefix: '/invoices' });

app.get('/', async () => ({ name: 'billing-api' }));

export default app;
