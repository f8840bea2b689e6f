import Fastify from 'fastify';
import invoiceRoutes from './routes/invoices.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { customerRoutes } from './routes/customers.js';

const app = Fastify();
app.register(errorHandlerPlugin);

app.register(invoiceRoutes, { prefix: '/invoices' });
app.register(customerRoutes, { prefix: '/api/v1/customers' });

app.get('/', async () => ({ name: 'billing-api' }));

export default app;
