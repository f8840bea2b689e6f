import Fastify from 'fastify';
import invoiceRoutes from './routes/invoices.js';
import { genRequestId, requestIdPlugin } from './plugins/request-id.js';
import { loggerOptions } from './logger.js';
import helmet from '@fastify/helmet';
import { corsPlugin } from './plugins/cors.js';
import compress from '@fastify/compress';
import { rateLimitPlugin } from './plugins/rate-limit.js';

const app = Fastify({ genReqId: genRequestId, requestIdHeader: false, logger: loggerOptions });
app.register(requestIdPlugin);
app.register(helmet);
app.register(corsPlugin);
app.register(compress);
app.register(rateLimitPlugin);

app.register(invoiceRoutes, { prefix: '/invoices' });

app.get('/', async () => ({ name: 'billing-api' }));

export default app;
