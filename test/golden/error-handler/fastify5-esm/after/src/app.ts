import Fastify from 'fastify';
import invoiceRoutes from './routes/invoices.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';

const app = Fastify();
app.register(errorHandlerPlugin);

app.register(invoiceRoutes, { prefix: '/invoices' });

app.get('/', async () => ({ name: 'billing-api' }));

export default app;
