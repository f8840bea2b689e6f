import { runRuleTests } from '../../../test/helpers/rule-tester';
import rule from './missing-validation';

/** package.json of a project that already depends on zod 3 (installed copy included). */
const ZOD3_PROJECT = {
  'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '^4.21.2', zod: '^3.23.8' } }, null, 2),
  'node_modules/zod/package.json': JSON.stringify({ name: 'zod', version: '3.23.8' }),
};

const AUTH_SETTING_USER_ON_BODY = `const jwt = require('jsonwebtoken');

const auth = (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.status(401).send({ msg: 'Please login first' });
  try {
    const decoded = jwt.verify(token, process.env.JWT_KEY);
    req.body.userID = decoded.userID;
    next();
  } catch (err) {
    res.status(401).send({ msg: 'Please login first' });
  }
};

module.exports = { auth };
`;

/** The app mounting the notes router behind that middleware. */
const NOTES_APP = `const express = require('express');
const { notesRouter } = require('./routes/notes');
const app = express();
app.use(express.json());
app.use('/notes', notesRouter);
app.listen(8080);
`;

const ORDERS_CONTROLLER = `import type { Request, Response } from 'express';
import { orders } from '../services/orders';

export async function placeOrder(req: Request, res: Response) {
  const order = await orders.place(req.body.items);
  res.status(201).json(order);
}
`;

const ORDERS_ROUTES = (middleware: string): string => `import { Router } from 'express';
import { placeOrder } from '../controllers/orders';
import { validate } from '../middleware/validate';
import { orderSchema } from '../schemas';

export const ordersRouter = Router();
ordersRouter.post('/orders', ${middleware}placeOrder);
`;

const IMPERSONATE_CONTROLLER = `import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessions } from '../sessions';

export async function impersonate(request: FastifyRequest, reply: FastifyReply) {
  const { username } = request.body as { username: string };
  return reply.send(await sessions.impersonate(username));
}
`;

const IMPERSONATE_ROUTES = `import type { FastifyInstance } from 'fastify';
import { impersonate } from '../controllers/auth.controller';

export default async function authRoutes(server: FastifyInstance) {
  server.post('/auth/impersonate', {
    schema: {
      hide: true,
    },
  }, impersonate);
}
`;

const ORDERS_APP = `import express from 'express';
import { ordersRouter } from './routes/orders';

const app = express();
app.use('/api/v1', ordersRouter);
export default app;
`;

/** A module of schema objects keyed by part, its barrel, and the middleware factory that applies them. */
const USER_VALIDATION_MODULES: Record<string, string> = {
  'src/validations/user.validation.js': `const Joi = require('joi');

const createUser = {
  body: Joi.object().keys({
    email: Joi.string().required().email(),
    name: Joi.string().required(),
  }),
};

const getUser = {
  params: Joi.object().keys({ userId: Joi.string().hex().length(24) }),
};

module.exports = { createUser, getUser };
`,
  'src/validations/index.js': `module.exports.userValidation = require('./user.validation');
`,
  'src/middlewares/validate.js': `const Joi = require('joi');

const validate = (schema) => (req, res, next) => {
  const parts = ['params', 'query', 'body'].filter((key) => key in schema);
  for (const key of parts) {
    const { error } = schema[key].validate(req[key]);
    if (error) return res.status(400).json({ message: error.message });
  }
  return next();
};

module.exports = validate;
`,
};

runRuleTests(rule, {
  valid: [
    {
      name: 'the fields handed to an entity factory of the project that checks each one and throws',
      flavour: 'express5',
      filename: 'src/routes/users.ts',
      code: `import { Router } from 'express';
import { makeUser, InvalidUserError } from '../domain/user';
import { users } from '../store';

const router = Router();

router.post('/register', async (req, res, next) => {
  try {
    const { email, password, displayName } = req.body;
    const user = makeUser({ email, password, displayName });
    await users.insert(user);
    res.status(201).json({ email: user.email, displayName: user.displayName });
  } catch (err) {
    if (err instanceof InvalidUserError) return res.status(400).json({ error: err.message });
    next(err);
  }
});

export default router;
`,
      files: {
        'src/domain/user.ts': `export class InvalidUserError extends Error {}

export function makeUser({ email, password, displayName }: { email: unknown; password: unknown; displayName: unknown }) {
  if (typeof email !== 'string' || !/^[^@]+@[^@]+$/.test(email)) throw new InvalidUserError('A valid email is required.');
  if (typeof password !== 'string' || password.length < 10) throw new InvalidUserError('Password must be 10 characters or more.');
  if (typeof displayName !== 'string' || displayName.length > 60) throw new InvalidUserError('Display name is too long.');
  return Object.freeze({ email: email.toLowerCase(), password, displayName });
}
`,
      },
    },
    {
      name: 'fields split off the body only to be dropped, the rest parsed',
      flavour: 'express5',
      filename: 'src/routes/profile.ts',
      files: { 'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', type: 'module', dependencies: { express: '^5.1.0', zod: '^3.23.8' } }, null, 2) },
      code: `import { Router } from 'express';
import { z } from 'zod';
import { profiles } from '../store.js';

const router = Router();
const Profile = z.object({ displayName: z.string().max(60), bio: z.string().max(500) }).strict();

router.patch('/profile', async (req, res) => {
  // clients send back what they were given; the server decides these
  const { id, createdAt, ...changes } = req.body;
  const profile = await profiles.update(req.user.id, Profile.parse(changes));
  res.json(profile);
});

export default router;
`,
    },
    {
      name: 'the raw body\'s text held in a variable and handed to a signature check of the project before it is parsed',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const { verifySignature } = require('./provider');
const store = require('./store');

const app = express();

app.post('/webhooks/paypro', express.raw({ type: 'application/json' }), async (req, res) => {
  const rawBody = req.body.toString('utf8');
  if (!verifySignature(rawBody, req.get('x-paypro-signature'))) return res.status(400).json({ error: 'invalid_signature' });
  const event = JSON.parse(rawBody);
  await store.credit(event.data.id, event.data.amount);
  res.json({ received: true });
});
`,
      files: { 'src/provider.js': `const crypto = require('crypto');

function verifySignature(rawBody, header) {
  if (!header) return false;
  const [t, sig] = header.split(',');
  const expected = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(\`\${t}.\${rawBody}\`).digest('hex');
  const a = Buffer.from(expected);
  const b = Buffer.from(String(sig));
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

module.exports = { verifySignature };
` },
    },
    {
      name: 'an optional date cursor built only when sent and refused when invalid',
      flavour: 'express5',
      filename: 'src/app.ts',
      code: `import express from 'express';
import { auditLog } from './audit';

const app = express();

app.get('/audit-log', async (req, res) => {
  const before = req.query.before ? new Date(String(req.query.before)) : undefined;
  if (before && Number.isNaN(before.getTime())) return res.status(400).json({ error: 'before must be an ISO timestamp' });
  res.json(await auditLog(50, before));
});
`,
      files: { 'src/audit.ts': `export async function auditLog(limit: number, before?: Date) {\n  return { limit, before };\n}\n` },
    },
    {
      name: 'checkout fields signed with the server\'s HMAC and the signature compared before they are stored (Razorpay)',
      flavour: 'express5',
      filename: 'src/controllers/payment.js',
      code: `import crypto from 'node:crypto';
import { Payment } from '../models/payment.js';

export const verifyPayment = async (req, res) => {
  const { razorpay_order_id, razorpay_payment_id, razorpay_signature } = req.body;
  const sign = razorpay_order_id + '|' + razorpay_payment_id;
  const expectedSignature = crypto.createHmac('sha256', process.env.RAZORPAY_KEY_SECRET).update(sign.toString()).digest('hex');
  if (expectedSignature !== razorpay_signature) return res.status(400).json({ message: 'Invalid signature' });
  await Payment.create({ orderId: razorpay_order_id, paymentId: razorpay_payment_id });
  res.status(201).json({ verified: true });
};
`,
      files: {
        'src/app.js': `import express from 'express';
import { verifyPayment } from './controllers/payment.js';

const app = express();
app.use(express.json());
app.post('/api/payment/verify', verifyPayment);
export default app;
`,
      },
    },
    {
      name: 'a strict parser of the file whose null answer is turned away with a 400',
      flavour: 'express4',
      filename: 'src/routes/calendar.js',
      code: `const express = require('express');
const { Calendar } = require('../models');

const router = express.Router();

// strict: a string of the exact format, else null
function parseDay(input) {
  if (typeof input !== 'string' || !/^\\d{4}-\\d{2}-\\d{2}$/.test(input)) return null;
  const day = new Date(input + 'T00:00:00Z');
  return Number.isNaN(day.getTime()) ? null : day;
}

router.get('/calendar', async (req, res) => {
  const day = parseDay(req.query.date);
  if (!day) return res.status(400).json({ error: 'date must be YYYY-MM-DD' });
  res.json(await Calendar.findAll({ where: { day: day ?? new Date() } }));
});

module.exports = router;
`,
    },
    {
      name: 'a field that must match a pattern anchored at both ends, or the request is turned away',
      flavour: 'express4',
      filename: 'src/routes/export.js',
      code: `const express = require('express');
const { expenses } = require('../db');

const router = express.Router();

// GET /export?month=2024-03
router.get('/export', async (req, res) => {
  const month = String(req.query.month ?? '');
  if (!/^\\d{4}-(0[1-9]|1[0-2])$/.test(month)) return res.status(400).json({ message: 'month must look like YYYY-MM' });
  res.json(await expenses.approvedIn(month));
});

module.exports = router;
`,
    },
    {
      name: 'a field tidied (trim, lower case) and then required to match an anchored pattern or turned away',
      flavour: 'express4',
      filename: 'src/routes/auth.js',
      code: `const express = require('express');
const { users, mailer } = require('../services');

const router = express.Router();

router.post('/forgot-password', async (req, res, next) => {
  const email = String(req.body.email || '').trim().toLowerCase();
  if (!/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(email)) return res.status(400).json({ message: 'Please provide a valid email address' });
  const user = await users.findOne({ email });
  if (user) await mailer.sendReset(user);
  res.status(202).json({ status: 'queued' });
});

module.exports = router;
`,
    },
    {
      name: 'an allow-list written with indexOf, the request turned away when the value is not found',
      flavour: 'express4',
      filename: 'src/routes/admin.js',
      code: `var express = require('express');
var orders = require('../models/orders');

var router = express.Router();
var ORDER_STATUSES = ['pending', 'paid', 'shipped', 'cancelled'];

router.post('/orders/:id/status', function (req, res, next) {
  var status = req.body.status;
  if (ORDER_STATUSES.indexOf(status) === -1) return res.status(400).json({ message: 'Unknown status' });
  orders.setStatus(req.params.id, status, function (err) {
    if (err) return next(err);
    res.json({ id: req.params.id, status: status });
  });
});

module.exports = router;
`,
    },
    {
      name: 'a query value set on a filter only inside the branch that finds it on a list',
      flavour: 'express4',
      filename: 'src/routes/borrows.js',
      code: `const express = require('express');
const { Borrow } = require('../models');

const router = express.Router();
const STATUSES = ['issued', 'returned'];

router.get('/borrows', async (req, res) => {
  const filter = {};
  if (STATUSES.includes(req.query.status)) filter.status = req.query.status;
  res.json(await Borrow.find(filter));
});

module.exports = router;
`,
    },
    {
      name: 'a query value set on a filter only inside the branch that compares it with each allowed literal',
      flavour: 'express4',
      filename: 'src/routes/borrows.js',
      code: `const express = require('express');
const { Borrow } = require('../models');

const router = express.Router();
const STATUSES = ['issued', 'returned'];

router.get('/borrows', async (req, res) => {
  const filter = {};
  const status = req.query.status;
  if (status === 'issued' || status === 'returned') filter.status = status;
  res.json(await Borrow.find(filter));
});

module.exports = router;
`,
    },
    {
      name: 'a webhook body checked by a helper of the file that computes the HMAC and compares it in constant time',
      flavour: 'express4',
      filename: 'src/routes/webhooks.js',
      code: `const crypto = require('crypto');
const express = require('express');

const router = express.Router();

function signatureMatches(rawBody, header) {
  if (!header || !header.startsWith('sha256=')) return false;
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET).update(rawBody).digest('hex');
  const a = Buffer.from(header);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

router.post('/github', express.raw({ type: 'application/json' }), (req, res) => {
  const valid = signatureMatches(req.body, req.get('x-hub-signature-256'));
  if (!valid) {
    return res.status(401).json({ error: 'Bad signature' });
  }
  const payload = JSON.parse(req.body.toString('utf8'));
  res.json({ received: true, action: payload.action });
});

module.exports = router;
`,
    },
    {
      name: 'a sort field allow-listed through String() and the page clamped after String(): the text of each value is checked',
      flavour: 'express5',
      filename: 'src/routes/projects.ts',
      code: `import { Router, type Request, type Response } from 'express';
import { projects } from '../store';

const SORT_FIELDS = ['name', 'createdAt', 'updatedAt'];
const router = Router();

router.get('/projects', (req: Request, res: Response) => {
  const sort = SORT_FIELDS.includes(String(req.query.sort)) ? String(req.query.sort) : 'createdAt';
  const page = Math.max(1, Number.parseInt(String(req.query.page ?? '1'), 10) || 1);
  res.json(projects.sorted(sort).slice((page - 1) * 20, page * 20));
});

export default router;
`,
    },
    {
      name: 'the body handed along with the whole request to a library transport, after a predicate picks the branch',
      flavour: 'express5',
      filename: 'src/routes/mcp.ts',
      code: `import { Router, type Request, type Response } from 'express';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { sessions, createSession } from '../mcp/sessions';

export const mcpRouter = Router();

mcpRouter.post('/', async (req: Request, res: Response) => {
  const sessionId = req.headers['mcp-session-id'] as string | undefined;
  const existing = sessionId ? sessions.get(sessionId) : undefined;
  if (existing) {
    await existing.handleRequest(req, res, req.body);
    return;
  }
  if (!sessionId && isInitializeRequest(req.body)) {
    const transport = await createSession();
    await transport.handleRequest(req, res, req.body);
    return;
  }
  res.status(400).json({ error: 'No valid session' });
});
`,
    },
    {
      name: 'an optional filter allow-listed against an enum, the value cast to the enum inside includes()',
      flavour: 'express5',
      filename: 'src/routes/orders.ts',
      code: `import { Router, type Request, type Response } from 'express';
import { OrderStatus, orders } from '../orders';

const router = Router();

router.get('/', (req: Request, res: Response) => {
  const status = req.query.status as string | undefined;
  if (status && !Object.values(OrderStatus).includes(status as OrderStatus)) {
    return res.status(400).json({ message: 'Unknown status' });
  }
  res.json(orders.filter((order) => !status || order.status === status));
});

export default router;
`,
    },
    {
      name: 'a page size clamped on both sides, the upper bound outside the lower (Math.min(MAX, Math.max(1, n)))',
      flavour: 'fastify4',
      filename: 'src/routes/invoices.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { pool } from '../db';

const MAX_LIMIT = 200;

export async function invoiceRoutes(app: FastifyInstance) {
  app.get('/', async (request) => {
    const q = request.query as Record<string, string>;
    const page = Math.max(1, parseInt(q.page) || 1);
    const limit = Math.min(MAX_LIMIT, Math.max(1, parseInt(q.limit) || 25));
    const [rows] = await pool.query('SELECT * FROM invoices ORDER BY id LIMIT ? OFFSET ?', [limit, (page - 1) * limit]);
    return { data: rows };
  });
}
`,
    },
    {
      name: 'the query handed whole to a project helper that clamps every field it reads',
      flavour: 'fastify4',
      filename: 'src/routes/invoices.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { pool } from '../db';
import { parsePagination } from '../utils/pagination';

export async function invoiceRoutes(app: FastifyInstance) {
  app.get('/', async (request) => {
    const pg = parsePagination(request.query as Record<string, string>);
    const [rows] = await pool.query('SELECT * FROM invoices ORDER BY id LIMIT ? OFFSET ?', [pg.limit, (pg.page - 1) * pg.limit]);
    return { data: rows };
  });
}
`,
      files: {
        'src/utils/pagination.ts': `const MAX_LIMIT = 200;

export function parsePagination(query: Record<string, string>) {
  const page = Math.max(1, parseInt(query.page) || 1);
  const limit = Math.min(MAX_LIMIT, Math.max(1, parseInt(query.limit) || 25));
  return { page, limit };
}
`,
      },
    },
    {
      name: 'an optional field refused unless listed when it is sent (units !== undefined && !UNITS.includes(units))',
      flavour: 'express4',
      filename: 'src/routes/me.js',
      code: `const router = require('express').Router();
const users = require('../services/users');

const UNITS = ['metric', 'imperial'];

router.patch('/me', async (req, res) => {
  const { units } = req.body;
  if (units !== undefined && !UNITS.includes(units)) return res.status(400).json({ error: 'units must be metric or imperial' });
  res.json(await users.update(req.user.id, { units }));
});

module.exports = router;
`,
    },
    {
      name: 'a yup isValid verdict branching the handler: stored when valid, refused otherwise',
      flavour: 'express4',
      filename: 'src/routes/reviews.js',
      code: `const router = require('express').Router();
const yup = require('yup');
const { Review } = require('../models');

const reviewSchema = yup.object({ rating: yup.number().integer().min(1).max(5).required(), text: yup.string().max(2000) });

router.post('/', async (req, res) => {
  const valid = await reviewSchema.isValid(req.body);
  if (valid) {
    res.status(201).json(await Review.create({ rating: req.body.rating, text: req.body.text }));
  } else {
    res.status(400).json({ message: 'Invalid review' });
  }
});

module.exports = router;
`,
    },
    {
      name: 'a login body checked with a joi schema whose name does not say schema (loginShcema.validate), refused with 400',
      flavour: 'express4',
      filename: 'src/routes/auth.js',
      code: `const router = require('express').Router();
const { loginShcema } = require('../validators');
const accounts = require('../accounts');

router.post('/login', async (req, res) => {
  const { error } = loginShcema.validate(req.body);
  if (error) return res.status(400).json({ message: 'email and password invalid' });
  const { email, password } = req.body;
  res.json(await accounts.login(email, password));
});

module.exports = router;
`,
      files: {
        'src/validators.js': `const joi = require('joi');

exports.loginShcema = joi.object({ email: joi.string().email().required(), password: joi.string().required() });
`,
      },
    },
    {
      name: 'a service that takes the fields out of its parameter in a statement and parses them first',
      flavour: 'express5',
      filename: 'src/handlers/workspaces.ts',
      code: `import type { Request, Response } from 'express';
import { createDbWorkspace } from './workspaces.methods';

export const createWorkspace = async (req: Request, res: Response) => {
  const { name, description } = req.body;
  const workspace = await createDbWorkspace({ name, description, accountId: req.accountId });
  res.status(201).json(workspace);
};
`,
      files: {
        'src/handlers/workspaces.methods.ts': `import { workspaceInsertSchema } from '../schema';
import { db } from '../db';

export const createDbWorkspace = async (workspace: { name: string; description?: string; accountId: string }) => {
  const { name, accountId, description } = workspace;
  const validation = workspaceInsertSchema.safeParse({ name, accountId, description });
  if (!validation.success) throw new Error(\`Workspace validation failed: \${validation.error.message}\`);
  return db.workspaces.insert({ name, accountId, description });
};
`,
      },
    },
    {
      name: 'a safeParse verdict acted on: the request refused through next() with a 400 error',
      flavour: 'express4',
      filename: 'src/routes/feedback.js',
      code: `const router = require('express').Router();
const createError = require('http-errors');
const { z } = require('zod');
const Feedback = require('../models/feedback');

const FeedbackBody = z.object({ score: z.number().int().min(0).max(10), comment: z.string().max(1000).optional() });

router.post('/', async (req, res, next) => {
  const check = FeedbackBody.safeParse(req.body);
  if (!check.success) return next(createError(400, 'Invalid feedback'));
  res.status(201).json(await Feedback.create(req.body));
});

module.exports = router;
`,
    },
    {
      name: 'a date built from the query and refused when invalid (Number.isNaN(day.getTime()))',
      flavour: 'express5',
      filename: 'src/routes/slots.ts',
      code: `import { Router } from 'express';
import { slots } from '../services/slots';

export const slotsRouter = Router();

slotsRouter.get('/doctors/:id/slots', async (req, res) => {
  const day = new Date(String(req.query.date));
  if (Number.isNaN(day.getTime())) {
    return res.status(400).json({ message: 'date must be an ISO date (YYYY-MM-DD)' });
  }
  res.json(await slots.freeOn(req.params.id, day));
});
`,
    },
    {
      name: 'a project assertion called for its throw (assertOrderInput(req.body); a TypeScript asserts function)',
      flavour: 'express4',
      filename: 'src/routes/orders.ts',
      code: `import { Router } from 'express';
import { assertIsNewComment, assertOrderInput } from '../validation/guards';
import { comments, orders } from '../services';

export const router = Router();

router.post('/orders', async (req, res, next) => {
  try {
    assertOrderInput(req.body);
    const { productId, quantity } = req.body;
    res.status(201).json(await orders.place(productId, quantity));
  } catch (err) {
    next(err);
  }
});

router.post('/comments', async (req, res, next) => {
  try {
    const input: unknown = req.body;
    assertIsNewComment(input);
    res.status(201).json(await comments.add(input.postId, input.text));
  } catch (err) {
    next(err);
  }
});
`,
    },
    {
      name: 'a project middleware factory given a zod schema named neutrally, here and imported from a types module',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const { z } = require('zod');
const parseWith = require('./parse-with');
const { NewOrder } = require('./orders/order.types');
const rooms = require('./rooms');
const orders = require('./orders');

const app = express();
app.use(express.json());

const RoomBody = z.object({ name: z.string().max(50), capacity: z.number().int().min(1).max(500) });

app.post('/rooms', parseWith(RoomBody), async (req, res) => {
  const { name, capacity } = req.body;
  res.status(201).json(await rooms.create(name, capacity));
});

app.post('/orders', parseWith(NewOrder), async (req, res) => {
  res.status(201).json(await orders.place(req.body.items, req.body.coupon));
});

module.exports = app;
`,
      files: {
        'src/parse-with.js': `module.exports = (schema) => (req, res, next) => {
  const out = schema.safeParse(req.body);
  if (!out.success) return res.status(400).json(out.error.flatten());
  req.body = out.data;
  next();
};
`,
        'src/orders/order.types.js': `const { z } = require('zod');

exports.NewOrder = z.object({ items: z.array(z.object({ sku: z.string(), qty: z.number().int().min(1) })).min(1), coupon: z.string().max(20).optional() });
`,
      },
    },
    {
      name: 'arktype: the request body checked by calling the type, errors answered 400',
      flavour: 'express5',
      esm: true,
      filename: 'src/routes/polls.ts',
      code: `import { Router } from 'express';
import { type } from 'arktype';
import { polls } from '../services/polls.js';

const CreatePoll = type({ question: 'string<=200', options: 'string[]' });

export const pollsRouter = Router();

pollsRouter.post('/', async (req, res) => {
  const input = CreatePoll(req.body);
  if (input instanceof type.errors) return res.status(400).json({ error: input.summary });
  res.status(201).json(await polls.create(input));
});
`,
    },
    {
      name: 'the timestamped payload turned into bytes for a project signature check (verifyHmac(Buffer.from(`${t}.${raw}`)))',
      flavour: 'express5',
      filename: 'src/controllers/webhooks.ts',
      code: `import type { Request, Response } from 'express';
import { verifyHmac } from '../lib/signature';

export async function handleMuxWebhook(req: Request, res: Response) {
  const t = req.header('x-timestamp') ?? '';
  if (!verifyHmac(Buffer.from(\`\${t}.\${req.body.toString('utf8')}\`), req.header('x-signature'), process.env.MUX_SECRET ?? '')) {
    return res.status(400).json({ error: 'invalid signature' });
  }
  const event = JSON.parse(req.body.toString('utf8'));
  res.json({ received: true, type: event.type });
}
`,
    },
    {
      name: 'a project helper named for checking a payload signature (verifyHmac), the request refused with 401',
      flavour: 'express5',
      filename: 'src/app.ts',
      code: `import express, { type Request, type Response } from 'express';
import { verifyHmac } from './signature';

const SECRET = process.env.ACME_WEBHOOK_SECRET ?? '';
const app = express();
app.use('/webhooks', express.raw({ type: 'application/json' }));

app.post('/webhooks/acme', (req: Request, res: Response) => {
  if (!verifyHmac(req.body, req.header('x-acme-signature'), SECRET)) {
    return res.status(401).json({ error: 'invalid signature' });
  }
  const event = JSON.parse(req.body.toString('utf8'));
  res.json({ received: true, type: event.type });
});

export default app;
`,
      files: {
        'src/signature.ts': `import { createHmac, timingSafeEqual } from 'node:crypto';

export function verifyHmac(payload: Buffer, signature: string | undefined, secret: string): boolean {
  if (!signature) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(payload).digest('hex'));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
`,
      },
    },
    {
      name: 'a webhook signed over the timestamp and the raw body (`${t}.${req.body.toString()}`), checked before the payload is parsed',
      flavour: 'express5',
      filename: 'src/app.ts',
      code: `import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';

const SECRET = process.env.MUX_WEBHOOK_SECRET ?? '';
const app = express();
app.use('/webhooks', express.raw({ type: 'application/json' }));

app.post('/webhooks/mux', (req: Request, res: Response) => {
  const t = req.header('x-timestamp') ?? '';
  const expected = Buffer.from(createHmac('sha256', SECRET).update(\`\${t}.\${req.body.toString('utf8')}\`).digest('hex'));
  const given = Buffer.from(req.header('x-signature') ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return res.status(400).json({ error: 'invalid signature' });
  }
  const event = JSON.parse(req.body.toString('utf8'));
  res.json({ received: true, type: event.type });
});

export default app;
`,
    },
    {
      name: 'a webhook signature verdict held in a const, the request refused unless it holds',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const crypto = require('crypto');
const express = require('express');

const app = express();

app.post('/webhooks/billing', express.raw({ type: 'application/json' }), async (req, res, next) => {
  try {
    const header = req.get('x-billing-signature') || '';
    const digest = crypto.createHmac('sha256', process.env.BILLING_WEBHOOK_SECRET).update(req.body).digest('hex');
    const valid = header.length === digest.length && crypto.timingSafeEqual(Buffer.from(header), Buffer.from(digest));
    if (!valid) return res.status(400).json({ error: 'Invalid signature' });
    const event = JSON.parse(req.body.toString('utf8'));
    res.json({ received: true, id: event.id });
  } catch (err) {
    next(err);
  }
});

app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal server error' });
});

module.exports = app;
`,
    },
    {
      name: 'a query value kept only when listed, else no filter at all (STATUSES.includes(s) ? s : undefined)',
      flavour: 'express5',
      filename: 'src/routes/invoices.ts',
      code: `import { Router } from 'express';
import { invoices } from '../services/invoices';

const STATUSES = ['draft', 'sent', 'paid', 'void'] as const;
type Status = (typeof STATUSES)[number];

export const invoicesRouter = Router();

invoicesRouter.get('/', async (req, res) => {
  const status = STATUSES.includes(req.query.status as Status) ? (req.query.status as Status) : undefined;
  res.json(await invoices.list({ status }));
});
`,
    },
    {
      name: 'validateQuery(listSchema) in front of a handler reading only the query',
      flavour: 'express5',
      filename: 'src/routes/dishes.js',
      code: `const router = require('express').Router();
const { validateQuery } = require('../middleware/validate');
const { listSchema } = require('../schemas/dish');
const Dish = require('../models/dish');

router.get('/', validateQuery(listSchema), async (req, res) => {
  res.json(await Dish.find({ cuisine: req.query.cuisine }).limit(req.query.limit));
});

module.exports = router;
`,
    },
    {
      name: 'fields gathered into a const object handed once to a service that validates its input',
      flavour: 'express4',
      filename: 'src/auth.ts',
      code: `import { Router } from 'express';
import { loginService } from './service';

export const authRouter = Router();

authRouter.post('/sign-in', async (req, res, next) => {
  try {
    const { email, password } = req.body;
    const credentials = { email, password };
    res.json(await loginService(credentials));
  } catch (err) {
    next(err);
  }
});
`,
      files: {
        'src/validate.ts': `export interface Credentials { email: string; password: string }

export const validateCredentials = (data: Credentials): string[] => {
  const errors: string[] = [];
  if (typeof data.email !== 'string' || !data.email.includes('@')) errors.push('email');
  if (typeof data.password !== 'string' || data.password.length < 8) errors.push('password');
  return errors;
};
`,
        'src/service.ts': `import { validateCredentials, type Credentials } from './validate';

export class ValidationError extends Error {
  status = 422;
}

export const loginService = async (data: Credentials) => {
  const errors = validateCredentials(data);
  if (errors.length > 0) throw new ValidationError(errors.join(','));
  return { token: \`t-\${data.email}\` };
};
`,
      },
    },
    {
      name: 'validate(userValidation.createUser) from a barrel of schema objects: its body schema covers the body read',
      flavour: 'express4',
      filename: 'src/routes/user.route.js',
      code: `const express = require('express');
const validate = require('../middlewares/validate');
const { userValidation } = require('../validations');
const User = require('../models/user');

const router = express.Router();

router.post('/', validate(userValidation.createUser), async (req, res) => {
  res.status(201).send(await User.create({ email: req.body.email, name: req.body.name }));
});

router.get('/:userId', validate(userValidation.getUser), async (req, res) => {
  res.send(await User.findById(req.params.userId));
});

module.exports = router;
`,
      files: USER_VALIDATION_MODULES,
    },
    {
      name: 'the body only serialised, cut to length, into a log line',
      flavour: 'express4',
      filename: 'src/routes/hooks.js',
      code: `const router = require('express').Router();
const { enqueue } = require('../queue');

router.post('/hooks/github', async (req, res) => {
  console.log('github hook', JSON.stringify(req.body).slice(0, 200));
  if (req.get('x-github-event') === 'ping') return res.json({ pong: true });
  await enqueue('github-event', { delivery: req.get('x-github-delivery') });
  res.status(202).end();
});

module.exports = router;
`,
    },
    {
      name: 'a validation middleware inside a local array spread into the route (...guarded)',
      flavour: 'express5',
      filename: 'src/routes/projects.ts',
      code: `import { Router } from 'express';
import { z } from 'zod';
import { requireAuth } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { projectService } from '../services/project';

const createProject = z.object({ body: z.object({ name: z.string().min(1).max(80), visibility: z.enum(['private', 'team']) }) });
const guarded = [requireAuth, validate(createProject)];

const router = Router();
router.post('/projects', ...guarded, async (req, res) => {
  res.status(201).json(await projectService.create(req.body.name, req.body.visibility));
});
export default router;
`,
    },
    {
      name: 'an optional date filter rejected unless Date.parse reads it (isNaN), before it is used',
      flavour: 'express4',
      filename: 'src/routes/rooms.js',
      code: `const express = require('express');
const { Message } = require('../models');

const router = express.Router();

router.get('/:roomId/messages', async (req, res) => {
  if (req.query.before && isNaN(Date.parse(req.query.before))) {
    return res.status(400).json({ error: 'before must be a date' });
  }
  const before = req.query.before ? new Date(req.query.before) : new Date();
  res.json(await Message.find({ room: req.params.roomId, createdAt: { $lt: before } }).limit(50));
});

module.exports = router;
`,
    },
    {
      name: 'fields handed in a new object to a service whose hand-written validator vets every one of them',
      flavour: 'express5',
      esm: true,
      filename: 'src/app.js',
      code: `import express from 'express';
import { login } from './auth.service.js';

const app = express();
app.use(express.json());

app.post('/api/auth/login', async (req, res) => {
  const { email, password } = req.body;
  res.status(200).json({ data: await login({ email, password }) });
});

export default app;
`,
      files: {
        'src/auth.validation.js': `export function validateLoginInput(body = {}) {
  const errors = [];
  const { email, password } = body;
  if (!email || typeof email !== 'string' || !/^[^@\\s]+@[^@\\s]+$/.test(email)) errors.push('A valid email is required.');
  if (!password || typeof password !== 'string') errors.push('Password is required.');
  return { isValid: errors.length === 0, errors };
}

export function validateEmail(email) {
  return typeof email === 'string' && /^[^@\\s]+@[^@\\s]+$/.test(email);
}
`,
        'src/auth.service.js': `import { User } from './user.model.js';
import { validateLoginInput, validateEmail } from './auth.validation.js';

export class BadRequestError extends Error {}

export async function login({ email, password }) {
  const validation = validateLoginInput({ email, password });
  if (!validation.isValid) throw new BadRequestError(validation.errors.join(' '));
  return User.authenticate(email, password);
}

export async function invite({ email, role }) {
  if (!validateEmail(email)) throw new BadRequestError('Invalid email');
  return User.invite(email, role);
}
`,
      },
    },
    {
      name: 'a query value only switched on against literal cases, each picking a fixed filter',
      flavour: 'express4',
      filename: 'src/routes/stock.js',
      code: `const express = require('express');
const Stock = require('../models/stock');

const router = express.Router();

router.get('/balance', async (req, res, next) => {
  try {
    const { zero } = req.query;
    let filter = {};
    switch (zero) {
      case 'more':
        filter = { qty: { $gt: 0 } };
        break;
      case 'less':
        filter = { qty: { $lt: 0 } };
        break;
      default:
        filter = {};
    }
    res.json(await Stock.find(filter));
  } catch (err) {
    next(err);
  }
});

module.exports = router;
`,
    },
    {
      name: 'input handed to a validating service imported through a barrel (export * / export { … } from)',
      flavour: 'express5',
      esm: true,
      filename: 'src/controllers/contacts.controller.ts',
      code: `import type { Request, Response } from 'express';
import { createContact, renameContact } from '../services/index.js';

export async function create(req: Request, res: Response) {
  res.status(201).json(await createContact(req.body));
}

export async function rename(req: Request, res: Response) {
  res.json(await renameContact(req.params.id, req.body));
}
`,
      files: {
        'src/services/index.ts': `export * from './contacts.service.js';
export { rename as renameContact } from './contacts-rename.service.js';
`,
        'src/services/contacts.service.ts': `import { z } from 'zod';

const ContactInput = z.object({ name: z.string().max(120), email: z.string().email() });

export async function createContact(input: unknown) {
  const data = ContactInput.parse(input);
  return { id: 1, ...data };
}
`,
        'src/services/contacts-rename.service.ts': `import { z } from 'zod';

const Rename = z.object({ name: z.string().min(1).max(120) });
const Id = z.string().uuid();

export async function rename(id: unknown, input: unknown) {
  return { id: Id.parse(id), ...Rename.parse(input) };
}
`,
      },
    },
    {
      name: 'a celebrate middleware held in a const and named in the route',
      flavour: 'express4',
      filename: 'src/routes/auth.js',
      code: `const express = require('express');
const { celebrate, Joi, Segments } = require('celebrate');
const users = require('../services/users');

const router = express.Router();

const credentials = celebrate({
  [Segments.BODY]: Joi.object({ email: Joi.string().email().required(), password: Joi.string().min(10).required() }),
});

router.post('/register', credentials, async (req, res) => {
  const { email, password } = req.body;
  res.status(201).json(await users.register(email, password));
});

module.exports = router;
`,
    },
    {
      name: 'the project\'s own checking functions, whatever their name, whose verdict answers 400 or 422 before the input is used',
      flavour: 'express5',
      esm: true,
      filename: 'src/routes/todos.ts',
      code: `import { Router } from 'express';
import { checkTodoInput, looksLikeTodo } from '../lib/todo-rules.js';
import { db } from '../db.js';

const router = Router();

router.post('/', async (req, res) => {
  const errors = checkTodoInput(req.body);
  if (errors.length > 0) {
    return res.status(422).json({ errors });
  }
  const todo = await db.todo.create({ data: req.body });
  res.status(201).json(todo);
});

router.put('/:id', async (req, res) => {
  if (!looksLikeTodo(req.body)) return res.status(400).json({ message: 'Invalid todo' });
  const todo = await db.todo.update({ where: { id: Number(req.params.id) }, data: req.body });
  res.json(todo);
});

export default router;
`,
    },
  {
    name: 'a Clerk webhook verified with svix before its body is used',
    flavour: 'express4',
    filename: 'server/controllers/clerkWebhooks.js',
    code: `const { Webhook } = require('svix');
const User = require('../models/User');

const clerkWebhooks = async (req, res) => {
  const whook = new Webhook(process.env.CLERK_WEBHOOK_SECRET);
  const headers = { 'svix-id': req.headers['svix-id'], 'svix-timestamp': req.headers['svix-timestamp'], 'svix-signature': req.headers['svix-signature'] };
  await whook.verify(JSON.stringify(req.body), headers);
  const { data, type } = req.body;
  if (type === 'user.created') await User.create({ _id: data.id, email: data.email_addresses[0].email_address });
  res.json({ success: true });
};

module.exports = clerkWebhooks;
`,
  },
  {
    name: 'the body spread into the input of a service that parses it; a literal list only compared with',
    flavour: 'fastify5',
    filename: 'src/routes/notes.ts',
    files: {
      'src/services/notes.ts': `import { z } from 'zod';

const CreateNote = z.object({ name: z.string(), userId: z.string() });

export class NoteService {
  async createNote(input: unknown) {
    return CreateNote.parse(input);
  }
}
export const notes = new NoteService();
`,
    },
    code: `import type { FastifyInstance } from 'fastify';
import { notes } from '../services/notes';

export default async function routes(fastify: FastifyInstance) {
  fastify.post('/notes', async (request, reply) => {
    const note = await notes.createNote({ ...(request.body as object), userId: request.user.id });
    return reply.code(201).send(note);
  });

  fastify.get('/discovery', async (request) => {
    const enabled = ['true', '1'].includes((request.query as { enabled?: string }).enabled ?? '') ? true : false;
    return { enabled };
  });
}
`,
  },
  {
    name: 'the query normalised by a helper whose result a schema then parses',
    flavour: 'express5',
    filename: 'src/routes/spotify.ts',
    code: `import { Router } from 'express';
import { z } from 'zod';

const router = Router();
const collaborative = z.object({ start: z.coerce.date(), end: z.coerce.date(), otherIds: z.array(z.string()) });

function normalizeOtherIds(query: Record<string, unknown>) {
  if (query['otherIds[]']) query.otherIds = Array.isArray(query['otherIds[]']) ? query['otherIds[]'] : [query['otherIds[]']];
  return query;
}

router.get('/collaborative/top/songs', async (req, res) => {
  const normalized = normalizeOtherIds(req.query);
  const { start, end, otherIds } = collaborative.parse(normalized);
  res.json(await req.app.locals.stats.topSongs(start, end, otherIds));
});

export default router;
`,
  },
  {
    name: 'a zod schema named after what it checks (credentials, refreshToken) still validates',
    flavour: 'express4',
    filename: 'routes/auth.js',
    code: `const express = require('express');
const { z } = require('zod');

const router = express.Router();
const credentials = z.object({ email: z.string().email(), password: z.string().min(8) });
const refreshToken = z.object({ token: z.string().min(20) });

router.post('/login', async (req, res) => {
  const parsed = credentials.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ error: parsed.error.flatten() });
  res.json(await req.app.locals.auth.login(parsed.data));
});

router.post('/refresh', async (req, res) => {
  const { token } = refreshToken.parse(req.body);
  res.json(await req.app.locals.auth.refresh(token));
});

module.exports = router;
`,
  },
  {
    name: 'the whole request handed to a service that validates the body it reads',
    flavour: 'express4',
    filename: 'src/controllers/users.ts',
    files: {
      'src/services/users.ts': `import type { Request } from 'express';
import { z } from 'zod';
import { db } from '../db';

const UpdateUser = z.object({ name: z.string().min(1), email: z.string().email() });

export async function saveUser(req: Request) {
  const input = UpdateUser.parse(req.body);
  return db.user.update({ where: { id: req.params.id }, data: input });
}
`,
    },
    code: `import type { Request, Response } from 'express';
import { saveUser } from '../services/users';

export const updateUser = async (req: Request, res: Response) => {
  res.json(await saveUser(req));
};
`,
  },
  {
    name: 'a class controller handing the body to the service it was constructed with, which validates it',
    flavour: 'express5',
    filename: 'src/controllers/projects.controller.ts',
    files: {
      'src/services/projects.service.ts': `import { z } from 'zod';
import { db } from '../db';

const CreateProject = z.object({ name: z.string().min(1).max(80), visibility: z.enum(['private', 'public']) });

export class ProjectsService {
  async create(ownerId: string, input: unknown) {
    const data = CreateProject.parse(input);
    return db.project.create({ data: { ...data, ownerId } });
  }
}
`,
    },
    code: `import type { Request, Response } from 'express';
import { ProjectsService } from '../services/projects.service';

export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  create = async (req: Request, res: Response) => {
    const project = await this.projects.create(req.user.id, req.body);
    res.status(201).json(project);
  };
}
`,
  },
  {
    name: 'fields given a default when read (?? / ||) and then checked for their type',
    flavour: 'express4',
    filename: 'src/routes/notes.js',
    code: `const { Router } = require('express');
const Note = require('../models/note');

const router = Router();

router.post('/notes', async (req, res) => {
  const title = req.body?.title ?? '';
  const pinned = req.body.pinned || false;
  if (typeof title !== 'string' || title.length === 0 || typeof pinned !== 'boolean') {
    return res.status(400).json({ message: 'title must be a non-empty string and pinned a boolean' });
  }
  res.status(201).json(await Note.create({ title, pinned, owner: req.user.id }));
});

module.exports = router;
`,
  },
  {
    name: 'Fastify: an auth guard called in the handler reads the API key from the query to turn the request away',
    flavour: 'fastify4',
    filename: 'src/routes/status.js',
    files: {
      'src/utils/auth.js': `const { timingSafeEqual } = require('node:crypto');

function checkApiKey(key) {
  const expected = Buffer.from(process.env.API_KEY ?? '');
  const given = Buffer.from(String(key));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function authorize(request, reply) {
  const apiKey = request.headers['x-api-key'] || request.query.apikey || '';
  const ok = checkApiKey(apiKey);
  if (!ok) reply.code(401).send('Specify the API key in an X-Api-Key header or an apikey query param.');
  return ok;
}

module.exports = { authorize };
`,
    },
    code: `const { authorize } = require('../utils/auth');

module.exports = async function status(app) {
  app.get('/api/status', async (request, reply) => {
    if (!(await authorize(request, reply))) return;
    return reply.code(200).send('OK');
  });
};
`,
  },
  {
    name: 'Fastify: the body assigned to a variable declared earlier, then parsed with a schema',
    flavour: 'fastify5',
    filename: 'src/routes/jobs.ts',
    code: `import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { queue } from '../queue';

const JobBody = z.object({ name: z.enum(['search', 'rss']), ignoreCrossSeeds: z.boolean().optional() });

export default async function jobs(app: FastifyInstance) {
  app.post('/api/job', async (request, reply) => {
    let data;
    try {
      data = request.body;
    } catch {
      return reply.code(400).send('Missing body');
    }
    data = JobBody.parse(data);
    await queue.run(data.name, data.ignoreCrossSeeds);
    return reply.code(202).send();
  });
}
`,
  },
  {
    name: 'format validators of credential fields, each given one field (validatePassword(password), TokenValidator({ name, permission }))',
    flavour: 'express5',
    filename: 'server/middleware/auth/login.js',
    esm: true,
    files: {
      'shared/validators/auth.js': `export const validateEmail = (email = '') => (/^[^@\\s]+@[^@\\s]+$/.test(email) ? false : { email: 'Email is not valid' });
export const validatePassword = (password = '') => (password.length >= 8 && password.length <= 48 ? false : { password: 'Password must be between 8 and 48 characters.' });
`,
      'shared/validators/token.js': `export default function TokenValidator({ name, permission } = {}) {
  if (typeof name !== 'string' || name.length > 64) return 'Invalid name';
  return Number.isInteger(permission) ? false : 'Invalid permission';
}
`,
    },
    code: `import { validateEmail, validatePassword } from '../../../shared/validators/auth.js';
import TokenValidator from '../../../shared/validators/token.js';
import { signInUser, createToken } from '../../database/queries.js';

export const login = async (request, response) => {
  const { email, password } = request.body;
  if (validateEmail(email) || validatePassword(password)) return response.status(422).json({ message: 'Invalid email or password' });
  return response.json(await signInUser(email.toLowerCase(), password));
};

export const createApiToken = async (request, response) => {
  const { name, permission } = request.body;
  const invalid = TokenValidator({ name, permission });
  if (invalid) return response.status(400).json({ message: invalid });
  return response.status(201).json(await createToken(name, permission));
};
`,
  },
  {
    name: 'a query value only URL-encoded into the links the server writes',
    flavour: 'express4',
    filename: 'src/server.js',
    code: `const express = require('express');

const app = express();
const styles = { basic: { name: 'Basic' } };

app.get('/styles.json', (req, res) => {
  const query = req.query.key ? \`?key=\${encodeURIComponent(req.query.key)}\` : '';
  res.json(Object.keys(styles).map((id) => ({ id, url: \`/styles/\${id}/style.json\${query}\` })));
});

module.exports = app;
`,
  },
  {
    name: 'a loop over the body\'s keys that checks each value\'s type against an allow-list of settings',
    flavour: 'express4',
    filename: 'src/routes/settings.js',
    code: `const express = require('express');
const Settings = require('../models/settings');

const router = express.Router();
const ALLOWED = new Set(['theme', 'language', 'timezone']);

router.put('/settings', async (req, res) => {
  for (const key of Object.keys(req.body)) {
    if (!ALLOWED.has(key) || typeof req.body[key] !== 'string') {
      return res.status(400).json({ error: \`invalid setting \${key}\` });
    }
  }
  res.json(await Settings.findOneAndUpdate({ user: req.user.id }, req.body, { new: true, upsert: true }));
});

module.exports = router;
`,
  },
  {
    name: 'a browser script served from public/ whose client-side router looks like Express',
    flavour: 'express4',
    filename: 'public/js/app.js',
    code: `const app = createClientRouter('#main');

app.post('/settings', async (req) => {
  await fetch('/api/settings', { method: 'PUT', body: JSON.stringify(req.body) });
  app.navigate('/settings');
});
`,
  },
  {
    name: 'an optional filter rejected unless listed, and a sort column kept only when listed',
    flavour: 'express4',
    filename: 'server/routes/cards.js',
    code: `const { Router } = require('express');
const pool = require('../db');

const router = Router();
const STATUSES = ['todo', 'doing', 'done'];
const SORTABLE = ['position', 'created_at', 'title'];

router.get('/cards', async (req, res) => {
  const { status, sort } = req.query;
  if (status && !STATUSES.includes(status)) return res.status(400).json({ error: 'invalid status' });
  const column = SORTABLE.includes(sort) ? sort : 'position';
  const { rows } = await pool.query(\`SELECT * FROM cards WHERE ($1::text IS NULL OR status = $1) ORDER BY \${column}\`, [status ?? null]);
  res.json(rows);
});

module.exports = router;
`,
  },
  {
    name: 'a guard named ensureUser, called in the handler, reads a token from the body to answer 401',
    flavour: 'express4',
    filename: 'src/routes/profile.js',
    code: `const express = require('express');
const { verifySession } = require('../sessions');

const router = express.Router();

async function ensureUser(req, res) {
  const user = await verifySession(req.body.sessionToken);
  if (!user) {
    res.status(401).json({ message: 'Sign in first' });
    return null;
  }
  return user;
}

router.post('/profile/ping', async (req, res) => {
  const user = await ensureUser(req, res);
  if (!user) return;
  res.json({ id: user.id });
});

module.exports = router;
`,
  },
  {
    name: 'every body field the handler reads checked for its type by hand',
    flavour: 'express5',
    filename: 'src/routes/settings.ts',
    code: `import { Router } from 'express';
import { settings } from '../services/settings';

export const settingsRouter = Router();

settingsRouter.put('/settings', async (req, res) => {
  const { theme, pageSize } = req.body;
  if (typeof theme !== 'string' || !Number.isInteger(pageSize)) {
    return res.status(400).json({ message: 'theme must be a string and pageSize an integer' });
  }
  res.json(await settings.save(req.user.id, { theme, pageSize }));
});
`,
  },
  {
    name: 'a controller handing the whole exchange to a service that is judged as a handler in its own file (reported there, once)',
    flavour: 'express4',
    filename: 'src/controllers/order.controller.js',
    files: {
      'src/services/order.service.js': `const Order = require('../models/order');

const createOrderService = async (req, res, next) => {
  try {
    const order = await Order.create({ items: req.body.items, address: req.body.address, user: req.user.id });
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
};

module.exports = { createOrderService };
`,
      'src/app.js': `const express = require('express');
const { createOrder } = require('./controllers/order.controller');

const app = express();
app.use(express.json());
app.post('/orders', createOrder);
app.use((err, req, res, next) => res.status(500).json({ message: 'Internal error' }));

module.exports = app;
`,
    },
    code: `const { createOrderService } = require('../services/order.service');

const createOrder = (req, res, next) => createOrderService(req, res, next);

module.exports = { createOrder };
`,
  },
  {
    name: 'type checks of every body field used as a value; a flag only tested for truth and the body logged on failure need none',
    flavour: 'express4',
    filename: 'server/controllers/ApiKeyController.js',
    code: `const Logger = require('../Logger');
const Database = require('../Database');

class ApiKeyController {
  async create(req, res) {
    if (!req.body.name || typeof req.body.name !== 'string') {
      Logger.warn(\`[ApiKeyController] create: invalid body \${JSON.stringify(req.body)}\`);
      return res.sendStatus(400);
    }
    if (req.body.expiresIn && (typeof req.body.expiresIn !== 'number' || req.body.expiresIn <= 0)) {
      return res.sendStatus(400);
    }
    const expiresAt = req.body.expiresIn ? new Date(Date.now() + req.body.expiresIn * 1000) : null;
    const apiKey = await Database.apiKeyModel.create({ name: req.body.name, expiresAt, isActive: !!req.body.isActive, userId: req.user.id });
    res.json({ apiKey });
  }
}

module.exports = new ApiKeyController();
`,
  },
  {
    name: 'a class controller reaching its service through a getter over injected dependencies, which validates the body',
    flavour: 'express5',
    filename: 'src/controllers/ProjectController.ts',
    files: {
      'src/services/ProjectService.ts': `import Joi from 'joi';
import { db } from '../db';

const memberSchema = Joi.object({ userId: Joi.string().uuid().required(), role: Joi.string().valid('owner', 'member').required() });

export class ProjectService {
  async addMember(projectId: string, input: unknown) {
    const member = await memberSchema.validateAsync(input);
    return db.member.create({ data: { ...member, projectId } });
  }
}
`,
    },
    code: `import type { Request, Response } from 'express';
import type { ProjectService } from '../services/ProjectService';

export class ProjectController {
  constructor(private readonly deps: { projectService: ProjectService }) {}

  private get projects() {
    return this.deps.projectService;
  }

  addMember = async (req: Request, res: Response) => {
    res.status(201).json(await this.projects.addMember(req.params.id, req.body));
  };
}
`,
  },
  {
    name: 'the body handed to a service imported through the tsconfig baseUrl, which validates it',
    flavour: 'express4',
    filename: 'src/controller/user-controller.ts',
    files: {
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "baseUrl": "./src" } }',
      'src/service/user-service.ts': `import { z } from 'zod';
import { prisma } from '../prisma';

const Register = z.object({ username: z.string().min(3), password: z.string().min(8) });

export class UserService {
  static async register(request: unknown) {
    const input = Register.parse(request);
    return prisma.user.create({ data: input });
  }
}
`,
    },
    code: `import type { NextFunction, Request, Response } from 'express';
import { UserService } from 'service/user-service';

export class UserController {
  static async register(req: Request, res: Response, next: NextFunction) {
    try {
      res.status(201).json({ data: await UserService.register(req.body) });
    } catch (error) {
      next(error);
    }
  }
}
`,
  },
  {
    name: 'the only body field checked against the members of an enum before use',
    flavour: 'express5',
    filename: 'src/routes/tasks.ts',
    code: `import { Router } from 'express';
import { Task } from '../models/task';

export enum Priority { Low = 'low', High = 'high' }
export const tasks = Router();

tasks.patch('/tasks/:id/priority', async (req, res) => {
  const priority = req.body.priority;
  if (priority !== Priority.Low && priority !== Priority.High) {
    return res.status(400).json({ message: 'Invalid priority' });
  }
  res.json(await Task.findByIdAndUpdate(req.params.id, { priority }, { new: true }));
});

tasks.patch('/tasks/:id/status', async (req, res) => {
  const { status } = req.body;
  if (!Object.values(Priority).includes(status)) return res.status(400).json({ message: 'Invalid status' });
  res.json(await Task.findByIdAndUpdate(req.params.id, { status }, { new: true }));
});
`,
  },
  {
    name: 'a webhook whose signature is compared by hand (createHmac + timingSafeEqual) before the body is read',
    flavour: 'express4',
    filename: 'src/webhooks/polar.js',
    code: `const crypto = require('crypto');
const express = require('express');
const billing = require('../services/billing');

const router = express.Router();

router.post('/webhooks/polar', express.raw({ type: 'application/json' }), async (req, res) => {
  const expected = crypto.createHmac('sha256', process.env.POLAR_WEBHOOK_SECRET).update(req.body).digest('hex');
  const received = Buffer.from(String(req.headers['webhook-signature'] || ''));
  if (received.length !== expected.length || !crypto.timingSafeEqual(received, Buffer.from(expected))) {
    return res.status(400).json({ error: 'Invalid signature' });
  }
  await billing.handleEvent(JSON.parse(req.body.toString('utf8')));
  res.json({ received: true });
});

module.exports = router;
`,
  },
  {
    name: 'body fields read through type-guard helpers of the same file',
    flavour: 'fastify5',
    filename: 'src/routes/login.route.ts',
    code: `import type { FastifyInstance } from 'fastify';

const isString = (value: unknown): value is string => typeof value === 'string';
const asStringArray = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

export default async function routes(fastify: FastifyInstance) {
  fastify.post('/login', async (request, reply) => {
    const body = request.body as { email?: unknown; password?: unknown };
    const email = isString(body.email) ? body.email : '';
    if (!email) return reply.code(400).send({ message: 'Email is required' });
    return fastify.auth.sendMagicLink(email);
  });

  fastify.post('/items/bulk-delete', async (request) => {
    const ids = asStringArray((request.body as { ids?: unknown }).ids);
    return fastify.items.deleteMany(ids);
  });
}
`,
  },
  {
    name: 'paging numbers converted and clamped to literal bounds are all the handler reads of the query',
    flavour: 'express4',
    filename: 'backend/routes/user.js',
    code: `const express = require('express');
const SecurityLog = require('../models/SecurityLog');

const router = express.Router();

router.get('/security/logs', async (req, res) => {
  const limit = Math.min(Number(req.query.limit) || 200, 1000);
  const skip = Math.max(Number(req.query.skip) || 0, 0);
  res.json(await SecurityLog.find({ user: req.user.id }).skip(skip).limit(limit));
});

module.exports = router;
`,
  },
  {
    name: 'a part aliased with an empty default ((request.body ?? {}) as …) and read behind typeof guards',
    flavour: 'fastify5',
    filename: 'src/routes/tenants.ts',
    code: `import type { FastifyInstance, FastifyRequest } from 'fastify';

export default async function tenants(fastify: FastifyInstance) {
  fastify.post('/tenants/select', async (request: FastifyRequest) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const tenantId = typeof body['tenantId'] === 'string' ? body['tenantId'].trim() : '';
    if (!tenantId) throw fastify.httpErrors.badRequest('Missing tenantId');
    return fastify.tenants.select(tenantId);
  });
}
`,
  },
  {
    name: 'the only body field checked against an allow-list that rejects anything else (includes, or a !== chain)',
    flavour: 'express5',
    filename: 'src/routes/task.js',
    code: `import express from 'express';
import Task from '../models/task.js';

const STATUSES = ['To Do', 'In Progress', 'Done'];
const router = express.Router();

router.patch('/tasks/:id/status', async (req, res) => {
  const { status } = req.body;
  if (!STATUSES.includes(status)) {
    return res.status(400).send('Invalid status value');
  }
  const task = await Task.findByIdAndUpdate(req.params.id, { status }, { new: true });
  res.json(task);
});

router.patch('/tasks/:id/priority', async (req, res) => {
  if (req.body.priority !== 'low' && req.body.priority !== 'high') return res.status(400).send('Invalid priority');
  res.json(await Task.findByIdAndUpdate(req.params.id, { priority: req.body.priority }, { new: true }));
});

export default router;
`,
  },
    {
      name: 'a wildcard route reads its match by index, and a report endpoint only tests and logs the body',
      flavour: 'express4',
      filename: 'src/routes/cdn.ts',
      code: `import { Router } from 'express';
import { sendFromStore } from '../storage';

const router = Router();

router.get('/*', async (request, response) => {
  const filePath = request.params[0];
  await sendFromStore(filePath, response);
});

router.post('/report-violation', (req, res) => {
  if (req.body) {
    console.log('CSP violation:', req.body);
  }
  res.status(204).end();
});

export default router;
`,
    },
    {
      name: 'a route middleware factory given the name of a registered schema',
      flavour: 'express4',
      filename: 'src/api/routes/auth/login.ts',
      code: `import { Router, type Request, type Response } from 'express';
import { route } from '../../util';
import { loginUser } from '../../services/auth';

const router = Router();

router.post('/', route({ requestBody: 'LoginSchema', responses: { 200: { body: 'TokenResponse' } } }), async (req: Request, res: Response) => {
  const { login, password } = req.body;
  res.json(await loginUser(login, password));
});

export default router;
`,
    },
    {
      name: 'the body read through a spread into the object a schema parses, next to a path parameter',
      flavour: 'fastify5',
      filename: 'src/chat/chat.routes.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { sendMessageSchema } from './chat.schema';
import { chat } from './chat.service';

export default async function chatRoutes(app: FastifyInstance) {
  app.post<{ Params: { roomId: string } }>('/rooms/:roomId/messages', async (request, reply) => {
    const input = sendMessageSchema.parse({ ...(request.body as object), roomId: request.params.roomId });
    return reply.code(201).send(await chat.send(input));
  });
}
`,
    },
    {
      name: 'a controller method behind a decorator that validates the body with a schema',
      flavour: 'express5',
      filename: 'src/feature/auth/auth.controller.ts',
      code: `import type { NextFunction, Request, Response } from 'express';
import { AsyncHandler, ZodValidation } from '../../utils/decorators';
import { LoginSchema } from './auth.schema';
import { authService } from './auth.service';

export class AuthController {
  @AsyncHandler()
  @ZodValidation(LoginSchema)
  async login(req: Request, res: Response, next: NextFunction) {
    const { email, password } = req.body;
    res.json(await authService.login(email, password));
  }
}
`,
    },
    {
      name: 'fields copied from the body under a typeof check of each computed key',
      flavour: 'express4',
      filename: 'server/controllers/SeriesController.js',
      code: `const Series = require('../models/Series');

class SeriesController {
  async update(req, res) {
    const payload = {};
    for (const key of ['name', 'description']) {
      if (req.body[key] !== undefined && typeof req.body[key] === 'string') payload[key] = req.body[key];
    }
    res.json(await Series.update(req.params.id, payload));
  }
}

module.exports = new SeriesController();
`,
    },
    {
      name: 'a body field set by a middleware that a factory of the same file returns',
      flavour: 'express4',
      filename: 'src/routes/cards.js',
      code: `const express = require('express');
const { Card } = require('../models');
const security = require('../lib/security');

const appendUserId = () => (req, res, next) => {
  req.body = req.body || {};
  req.body.UserId = security.authenticatedUserId(req);
  next();
};

const router = express.Router();

router.get('/api/Cards', appendUserId(), async (req, res) => {
  res.json({ data: await Card.findAll({ where: { UserId: req.body.UserId } }) });
});

module.exports = router;
`,
    },
    {
      name: 'a sanitizer named after cross-site scripting, applied to the body in the handler',
      flavour: 'express4',
      filename: 'app/src/Server.js',
      code: `const express = require('express');
const checkXSS = require('./XSS');
const rooms = require('./rooms');

const app = express();
app.use(express.json());

app.post('/api/v1/join', (req, res) => {
  const { room, name } = checkXSS(req.body);
  res.json(rooms.join(room, name));
});

app.listen(3000);
`,
    },
    {
      name: 'a query flag negated into a boolean for the template',
      flavour: 'express4',
      filename: 'src/routes/index.js',
      code: `const express = require('express');

const router = express.Router();

router.get('/', (req, res) => {
  res.render('desktop', { isMainWindow: !req.query.extraWindow, compact: !!req.query.compact });
});

module.exports = router;
`,
    },
    {
      name: 'a query value converted to a number and rejected unless it is an integer (or a number at all)',
      flavour: 'fastify5',
      filename: 'src/routes/jobs.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { jobs } from '../services/jobs';

export default async function jobRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { cursor?: string } }>('/jobs/failed', async (req, reply) => {
    let offset = 0;
    if (req.query.cursor !== undefined) {
      const cursor = Number(req.query.cursor);
      if (!Number.isInteger(cursor) || cursor < 0) return reply.code(400).send({ message: 'Invalid cursor' });
      offset = cursor;
    }
    return jobs.listFailed(offset, 50);
  });

  app.get<{ Querystring: { minutes: string } }>('/jobs/recent', async (req, reply) => {
    if (isNaN(Number(req.query.minutes))) return reply.code(400).send({ error: 'Invalid minutes' });
    return jobs.recent(Number(req.query.minutes));
  });
}
`,
    },
    {
      name: 'a body field set by the auth middleware of the router, read back by the handler',
      flavour: 'express4',
      filename: 'src/routes/notes.js',
      files: {
        'src/middleware/auth.js': AUTH_SETTING_USER_ON_BODY,
        'src/index.js': NOTES_APP,
      },
      code: `const express = require('express');
const Note = require('../models/note');
const { auth } = require('../middleware/auth');

const notesRouter = express.Router();
notesRouter.use(auth);

notesRouter.get('/', async (req, res) => {
  const notes = await Note.find({ userID: req.body.userID });
  res.send(notes);
});

module.exports = { notesRouter };
`,
    },
    {
      name: 'a body field set by a middleware of the same file in front of the route',
      flavour: 'express5',
      filename: 'src/routes/orders.ts',
      code: `import { Router, type Request, type Response, type NextFunction } from 'express';
import { verifySession } from '../auth/session';
import { orders } from '../services/orders';

const router = Router();

function attachUser(req: Request, res: Response, next: NextFunction) {
  req.body.userId = verifySession(req.headers.cookie);
  next();
}

router.get('/orders', attachUser, async (req: Request, res: Response) => {
  res.json(await orders.listFor(req.body.userId));
});

export default router;
`,
    },
    {
      name: 'validation middleware on the route (validate(schema))',
      flavour: 'express4',
      filename: 'src/routes/users.ts',
      code: `import { Router } from 'express';
import { validate } from '../middleware/validate';
import { createUserSchema } from '../schemas/user';
import { userService } from '../services/user';

const router = Router();

router.post('/users', validate(createUserSchema), async (req, res) => {
  const { email, name } = req.body;
  const user = await userService.create({ email, name });
  res.status(201).json(user);
});

export default router;
`,
    },
    {
      name: 'validation middleware on a route chain that starts with router.use(auth)',
      flavour: 'express4',
      filename: 'src/routes/notes.js',
      code: `const { Router } = require('express');
const { z } = require('zod');
const { V } = require('../middleware/validate');
const { authGuard } = require('../middleware/auth');
const Note = require('../models/note');

const noteSchema = z.object({ content: z.string().max(500) });
const router = Router();

router
  .use(authGuard)
  .route('/:id')
  .patch(V({ body: noteSchema }), async (req, res) => {
    const { content } = req.body;
    res.json(await Note.findByIdAndUpdate(req.params.id, { content }, { new: true }));
  });

module.exports = router;
`,
      files: {
        'src/app.js': `const express = require('express');
const app = express();
app.use(express.json());
app.use('/notes', require('./routes/notes'));
module.exports = app;
`,
      },
    },
    {
      name: 'celebrate validators kept in a module named after the feature (SessionValidation.post())',
      flavour: 'express4',
      filename: 'src/routes.js',
      files: {
        'src/validators/SessionValidation.js': `const { celebrate, Segments, Joi } = require('celebrate');

module.exports = {
  post() {
    return celebrate({ [Segments.BODY]: Joi.object().keys({ id: Joi.string().required() }) });
  },
};
`,
      },
      code: `const express = require('express');
const SessionValidation = require('./validators/SessionValidation');
const SessionController = require('./controllers/SessionController');

const routes = express.Router();
routes.post('/session', SessionValidation.post(), async (req, res) => {
  const { id } = req.body;
  res.json(await SessionController.create(id));
});

module.exports = routes;
`,
    },
    {
      name: 'query validated by middleware in another project file whose name does not say validation',
      flavour: 'express4',
      filename: 'src/app.js',
      files: {
        'src/middlewares/parsePage.js': `const Joi = require('joi');

const schema = Joi.object({ limit: Joi.number().min(1).default(10), offset: Joi.number().min(0).default(0) });

module.exports = (req, res, next) => {
  const { error, value } = schema.validate(req.query);
  if (error) return res.status(400).json({ error: { message: error.details[0].message } });
  req.query.limit = value.limit;
  req.query.offset = value.offset;
  next();
};
`,
      },
      code: `const express = require('express');
const parsePage = require('./middlewares/parsePage');
const pets = require('./pets');

const app = express();
app.get('/pets', parsePage, async (req, res) => {
  const { limit, offset } = req.query;
  res.json(await pets.list(limit, offset));
});

module.exports = app;
`,
    },
    {
      name: 'hand-written DTO factories that check their input: CreateCategoryDto.create(req.body), PaginationDto.create(+page, +limit)',
      flavour: 'express5',
      filename: 'src/presentation/categories/controller.ts',
      code: `import { Router, type Request, type Response } from 'express';
import { CreateCategoryDto, PaginationDto } from '../../domain/dtos';
import { categories } from '../../data/categories';

export const categoriesRouter = Router();

categoriesRouter.post('/categories', async (req: Request, res: Response) => {
  const [error, dto] = CreateCategoryDto.create(req.body);
  if (error) return res.status(400).json({ error });
  res.status(201).json(await categories.insert(dto!));
});

categoriesRouter.get('/categories', async (req: Request, res: Response) => {
  const { page = 1, limit = 10 } = req.query;
  const [error, pagination] = PaginationDto.create(+page, +limit);
  if (error) return res.status(400).json({ error });
  res.json(await categories.list(pagination!));
});
`,
    },
    {
      name: 'express-validator 5: the handler checks the body with req.checkBody and req.validationErrors',
      flavour: 'express4',
      filename: 'src/app.js',
      files: { 'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '4.17.1', 'express-validator': '5.3.1' } }, null, 2) },
      code: `const express = require('express');
const expressValidator = require('express-validator');
const Store = require('./models/store');

const app = express();
app.use(express.json());
app.use(expressValidator());

app.post('/stores', async (req, res) => {
  req.checkBody('name', 'You must supply a name!').notEmpty();
  req.sanitizeBody('name');
  const errors = req.validationErrors();
  if (errors) return res.status(400).json({ errors });
  res.status(201).json(await new Store(req.body).save());
});

module.exports = app;
`,
    },
    {
      name: 'zod safeParse before the reads; reads after the parse are fine',
      flavour: 'express5',
      code: `import express from 'express';
import { z } from 'zod';

const app = express();
const CreateNote = z.object({ title: z.string(), body: z.string() });

app.post('/notes', async (req, res) => {
  const result = CreateNote.safeParse(req.body);
  if (!result.success) {
    res.status(422).json({ issues: result.error.issues });
    return;
  }
  const note = await saveNote(result.data);
  res.status(201).json({ ...note, title: req.body.title });
});

async function saveNote(note: { title: string; body: string }) {
  return { id: 1, ...note };
}
`,
    },
    {
      name: 'celebrate with Joi segments',
      flavour: 'express4',
      filename: 'src/api/routes/auth.js',
      code: `const { Router } = require('express');
const { celebrate, Joi, Segments } = require('celebrate');
const AuthService = require('../../services/auth');

const route = Router();

route.post(
  '/signin',
  celebrate({
    [Segments.BODY]: Joi.object({ email: Joi.string().email().required(), password: Joi.string().required() }),
  }),
  async (req, res, next) => {
    try {
      const { email, password } = req.body;
      const result = await AuthService.signIn(email, password);
      return res.json(result);
    } catch (err) {
      return next(err);
    }
  },
);

module.exports = route;
`,
    },
    {
      name: 'express-validator chains and validationResult',
      flavour: 'express4',
      filename: 'src/routes/contact.js',
      code: `const express = require('express');
const { body, validationResult } = require('express-validator');
const mailer = require('../mailer');

const router = express.Router();

router.post('/contact', body('email').isEmail(), body('message').isLength({ min: 1 }), async (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(422).json({ errors: errors.array() });
  await mailer.send(req.body.email, req.body.message);
  return res.sendStatus(204);
});

module.exports = router;
`,
    },
    {
      name: 'GET reading only req.params.id for a lookup',
      flavour: 'express5',
      filename: 'src/routes/products.ts',
      code: `import { Router, type Request, type Response } from 'express';
import { productRepository } from '../repositories/product';

export const productsRouter = Router();

productsRouter.get('/products/:id', async (req: Request, res: Response) => {
  const product = await productRepository.findById(req.params.id);
  if (!product) {
    res.status(404).json({ error: 'Not found' });
    return;
  }
  res.json(product);
});

productsRouter.delete('/products/:id', async (req: Request, res: Response) => {
  const { id } = req.params;
  await productRepository.remove(Number(id));
  res.status(204).end();
});
`,
    },
    {
      name: 'handler that only logs req.query',
      flavour: 'express4',
      code: `import express from 'express';
import { logger } from './logger';
import { listOrders } from './orders';

const app = express();

app.get('/orders', async (req, res) => {
  logger.info({ query: req.query }, 'listing orders');
  console.debug('orders query', req.query);
  res.json(await listOrders());
});
`,
    },
    {
      name: 'query values only compared with literals (a flag, a sort order), directly and through a destructured name',
      flavour: 'express4',
      filename: 'src/user/user.controller.js',
      code: `const express = require('express');
const User = require('./user.model');

const router = express.Router();

router.get('/users/:id', async (req, res) => {
  const query = User.findById(req.params.id);
  if (req.query.withPosts === 'true') query.populate('posts');
  const { order } = req.query;
  res.json(await query.sort({ createdAt: order !== 'asc' ? -1 : 1 }));
});

module.exports = router;
`,
    },
    {
      name: 'query values only tested for truthiness pick a branch',
      flavour: 'express5',
      filename: 'src/routes/users.ts',
      code: `import { Router } from 'express';
import { users } from '../services/users';

export const usersRouter = Router();

usersRouter.get('/users', async (req, res) => {
  if (req.query.current) return res.json({ data: await users.current() });
  const archived = !req.query.all ? await users.active() : await users.all();
  res.json({ data: archived });
});
`,
    },
    {
      name: 'query values only tested against a pattern',
      flavour: 'express4',
      filename: 'src/routes/editor.js',
      code: `const express = require('express');
const pages = require('../models/pages');

const router = express.Router();
const legacyAgent = /Trident|MSIE/;

router.get('/e/:id', async (req, res) => {
  const page = await pages.findById(req.params.id);
  const legacy = legacyAgent.test(req.query.ua) || /^1$/.test(req.query.legacy);
  res.render(legacy ? 'legacy/editor' : 'editor', { page });
});

module.exports = router;
`,
    },
    {
      name: 'login and password forms validated: Joi middleware named after the form, a login schema and a change-password request parsed in the handler',
      flavour: 'express4',
      filename: 'src/routes/auth.js',
      code: `const express = require('express');
const Joi = require('joi');
const { loginSchema, ChangePasswordRequest } = require('../schemas/auth');
const auth = require('../services/auth');

const router = express.Router();

function userLoginValidator(req, res, next) {
  const { error } = Joi.object({ email: Joi.string().email().required(), password: Joi.string().required() }).validate(req.body);
  if (error) return res.status(400).json({ message: error.message });
  next();
}
const changePasswordValidator = userLoginValidator;

router.post('/login', userLoginValidator, async (req, res) => res.json(await auth.login(req.body.email, req.body.password)));
router.put('/change-password', changePasswordValidator, async (req, res) => res.json(await auth.changePassword(req.body)));
router.post('/session', async (req, res) => {
  const { email, password } = loginSchema.parse(req.body);
  res.json(await auth.login(email, password));
});
router.patch('/password', async (req, res) => {
  const input = ChangePasswordRequest.parse(req.body);
  res.json(await auth.changePassword(input));
});

module.exports = router;
`,
    },
    {
      name: 'a route wrapper given the zod schemas checks the request before the handler runs',
      flavour: 'express5',
      files: { 'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '^5.1.0', zod: '^3.23.8' } }, null, 2) },
      filename: 'src/auth/auth.controller.ts',
      code: `import { Router } from 'express';
import { z } from 'zod';
import { openAPIRoute } from '../lib/openapi-route';
import { authService } from './auth.service';

const PostLogInDto = { body: z.object({ email: z.string().email(), password: z.string().min(8) }) };
const PostSignUpDto = { body: z.object({ email: z.string().email(), password: z.string().min(8), name: z.string() }) };

export const authRouter = Router();
authRouter.post('/log-in', openAPIRoute({ ...PostLogInDto }, async (req) => authService.logIn(req.body)));
authRouter.post('/sign-up', openAPIRoute(PostSignUpDto, async (req) => authService.signUp(req.body)));
`,
    },
    {
      name: 'schemas named after tokens, roles and authentication still validate; a key tested with in',
      flavour: 'express4',
      filename: 'src/routes/users.js',
      code: `const express = require('express');
const Joi = require('joi');
const { z } = require('zod');
const { Orchestra, Member, sessions } = require('../models');

const router = express.Router();
const refreshTokenSchema = z.object({ refreshToken: z.string().min(1) });
const MemberRoleUpdateSchema = z.object({ role: z.enum(['admin', 'user']) });

function authenticateSchema(req, res, next) {
  const { error, value } = Joi.object({ username: Joi.string().required(), password: Joi.string().required() }).validate(req.body);
  if (error) return next(error);
  req.body = value;
  next();
}

router.post('/authenticate', authenticateSchema, async (req, res) => res.json(await sessions.open(req.body.username, req.body.password)));
router.post('/logout', async (req, res) => {
  const { refreshToken } = refreshTokenSchema.parse(req.body);
  res.json(await sessions.close(refreshToken));
});
router.put('/members/:memberId/role', async (req, res) => {
  const parsed = MemberRoleUpdateSchema.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ errors: parsed.error.issues });
  res.json(await Member.updateRole(req.params.memberId, parsed.data.role));
});
router.get('/orchestras', async (req, res) => {
  res.json('includeInstruments' in req.query ? await Orchestra.findAll({ include: 'instruments' }) : await Orchestra.findAll());
});

module.exports = router;
`,
    },
    {
      name: 'joi schema.validate on the body inside the handler',
      flavour: 'express4',
      filename: 'src/controllers/comments.js',
      code: `const express = require('express');
const Joi = require('joi');
const Comment = require('../models/comment');

const router = express.Router();
const commentSchema = Joi.object({ text: Joi.string().max(500).required() });

router.post('/posts/:postId/comments', async (req, res) => {
  const { error, value } = commentSchema.validate(req.body);
  if (error) return res.status(400).json({ message: error.message });
  const comment = await Comment.create({ text: value.text, post: req.params.postId });
  return res.status(201).json(comment);
});

module.exports = router;
`,
    },
    {
      name: 'Fastify route schema with body and querystring',
      flavour: 'fastify4',
      filename: 'src/routes/tasks.ts',
      code: `import type { FastifyInstance } from 'fastify';

export default async function tasks(fastify: FastifyInstance) {
  fastify.post('/tasks', {
    schema: {
      body: { type: 'object', required: ['title'], properties: { title: { type: 'string' } } },
      querystring: { type: 'object', properties: { notify: { type: 'boolean' } } },
    },
  }, async (request, reply) => {
    const { title } = request.body as { title: string };
    const { notify } = request.query as { notify?: boolean };
    reply.code(201);
    return fastify.tasks.create(title, notify);
  });
}
`,
    },
    {
      name: 'Fastify route schema held in an imported constant',
      flavour: 'fastify5',
      esm: true,
      filename: 'src/routes/users.js',
      code: `import { createUserSchema } from '../schemas/users.js';

export default async function users(fastify) {
  fastify.route({
    method: 'POST',
    url: '/users',
    schema: createUserSchema,
    handler: async (request, reply) => {
      const user = await fastify.db.users.insert(request.body);
      return reply.code(201).send(user);
    },
  });
}
`,
    },
    {
      name: 'Fastify GET destructuring only path params',
      flavour: 'fastify5',
      code: `import Fastify from 'fastify';
import { findArticle } from './articles';

const app = Fastify({ logger: true });

app.get('/articles/:slug', async (request, reply) => {
  const { slug } = request.params as { slug: string };
  const article = await findArticle(slug);
  if (!article) return reply.code(404).send({ message: 'Not found' });
  return article;
});
`,
    },
    {
      name: 'user-named validation middleware from settings',
      flavour: 'express4',
      settings: { validationMiddleware: ['guardInput'] },
      code: `import express from 'express';
import { guardInput } from './guard-input';
import { orders } from './orders';

const app = express();
app.use(express.json());

app.post('/orders', guardInput('order'), async (req, res) => {
  const order = await orders.place(req.body.items, req.body.coupon);
  res.status(201).json(order);
});
`,
    },
    {
      name: 'controller registered elsewhere in a project that validates with Joi',
      flavour: 'express4',
      filename: 'src/controllers/user.controller.ts',
      files: {
        'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '^4.21.2', joi: '^17.13.3' } }, null, 2),
      },
      code: `import type { Request, Response } from 'express';
import { userService } from '../services/user.service';

export const createUser = async (req: Request, res: Response) => {
  const user = await userService.createUser(req.body);
  res.status(201).send(user);
};

export const getUsers = async (req: Request, res: Response) => {
  const result = await userService.queryUsers(req.query);
  res.send(result);
};
`,
    },
    {
      name: 'typeof guards before use count as validation',
      flavour: 'express5',
      code: `import express from 'express';
import { subscribe } from './newsletter';

const app = express();

app.post('/newsletter', async (req, res) => {
  const { email, topics } = req.body;
  if (typeof email !== 'string' || !Array.isArray(topics)) {
    res.status(400).json({ error: 'email and topics are required' });
    return;
  }
  await subscribe(email, topics);
  res.status(204).end();
});
`,
    },
    {
      name: 'app-level OpenAPI validator covers every route',
      flavour: 'express4',
      code: `import express from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { pets } from './pets';

const app = express();
app.use(express.json());
app.use(OpenApiValidator.middleware({ apiSpec: './openapi.yaml', validateRequests: true }));

app.post('/pets', async (req, res) => {
  res.status(201).json(await pets.add(req.body.name, req.body.tag));
});
`,
    },
    {
      name: 'a validation middleware written in the file reads req.body itself',
      flavour: 'express4',
      filename: 'src/middleware/validate.js',
      code: `const express = require('express');

const validateBody = (schema) => (req, res, next) => {
  const { error, value } = schema.validate(req.body, { abortEarly: false });
  if (error) return res.status(422).json({ details: error.details });
  req.body = value;
  return next();
};

module.exports = { validateBody };
`,
    },
    {
      name: 'valibot parse in the handler',
      flavour: 'express5',
      esm: true,
      filename: 'src/routes/signup.js',
      code: `import { Router } from 'express';
import * as v from 'valibot';
import { accounts } from '../accounts.js';

const SignupSchema = v.object({ email: v.pipe(v.string(), v.email()), password: v.pipe(v.string(), v.minLength(12)) });
export const signupRouter = Router();

signupRouter.post('/signup', async (req, res) => {
  const input = v.parse(SignupSchema, req.body);
  const account = await accounts.register(input.email, input.password);
  res.status(201).json({ id: account.id });
});
`,
    },
    {
      name: 'Stripe webhook payload verified by its signature',
      flavour: 'express4',
      code: `import express from 'express';
import Stripe from 'stripe';
import { fulfil } from './orders';

const stripe = new Stripe(process.env.STRIPE_KEY ?? '');
const app = express();

app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), (req, res) => {
  const signature = req.header('stripe-signature') ?? '';
  const event = stripe.webhooks.constructEvent(req.body, signature, process.env.STRIPE_WEBHOOK_SECRET ?? '');
  if (event.type === 'checkout.session.completed') fulfil(event.data.object);
  res.sendStatus(200);
});
`,
    },
    {
      name: 'middleware on the chain that validates (defined in this file)',
      flavour: 'express5',
      code: `import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { rooms } from './rooms';

const app = express();
const RoomBody = z.object({ name: z.string().min(1) });

function checkRoom(req: Request, res: Response, next: NextFunction) {
  const parsed = RoomBody.safeParse(req.body);
  if (!parsed.success) return res.status(422).json(parsed.error.issues);
  next();
}

app.post('/rooms', checkRoom, async (req, res) => {
  res.status(201).json(await rooms.create(req.body.name));
});
`,
    },
    {
      name: 'validator.js checks after trimming a fallback value',
      flavour: 'express4',
      filename: 'controllers/account.js',
      code: `const express = require('express');
const validator = require('validator');
const totp = require('../lib/totp');

const router = express.Router();

router.post('/account/2fa', async (req, res) => {
  const code = validator.trim(req.body.code || '');
  if (!validator.isNumeric(code) || !validator.isLength(code, { min: 6, max: 6 })) {
    return res.status(400).json({ error: 'Invalid code' });
  }
  await totp.enable(req.user, code);
  return res.sendStatus(204);
});

module.exports = router;
`,
    },
    {
      name: 'body handed to a service that parses it with zod',
      flavour: 'express5',
      filename: 'src/users/users.controller.ts',
      files: {
        'src/users/users.service.ts': `import { z } from 'zod';
import { db } from '../db';

const CreateUser = z.object({ email: z.string().email(), name: z.string() });

export const usersService = {
  async create(input: unknown) {
    const data = CreateUser.parse(input);
    return db.user.insert(data);
  },
};
`,
      },
      code: `import { Router } from 'express';
import { usersService } from './users.service';

export const usersRouter = Router();

usersRouter.post('/users', async (req, res) => {
  const user = await usersService.create(req.body);
  res.status(201).json(user);
});
`,
    },
    {
      name: 'body fields handed, in a new object, to a service that parses its argument',
      flavour: 'express4',
      filename: 'src/app.js',
      files: {
        'src/accounts.service.js': `const { z } = require('zod');
const db = require('./db');

const accountInsertSchema = z.object({ fullName: z.string().min(1), email: z.string().email(), phone: z.string().optional() });

exports.createAccount = async (account) => {
  const data = accountInsertSchema.parse(account);
  return db.insert(data);
};
`,
      },
      code: `const express = require('express');
const { createAccount } = require('./accounts.service');

const app = express();
app.use(express.json());

app.post('/accounts', async (req, res, next) => {
  try {
    const { fullName, phone, email } = req.body;
    const id = await createAccount({ fullName, phone, email });
    res.status(201).json({ id });
  } catch (err) {
    next(err);
  }
});

module.exports = app;
`,
    },
    {
      name: 'body handed to a local helper that validates it',
      flavour: 'express4',
      code: `import express from 'express';
import Joi from 'joi';
import { bookings } from './bookings';

const app = express();
const bookingSchema = Joi.object({ room: Joi.string().required(), nights: Joi.number().min(1) });

function readBooking(payload: unknown) {
  const { error, value } = bookingSchema.validate(payload);
  if (error) throw error;
  return value as { room: string; nights: number };
}

app.post('/bookings', async (req, res) => {
  const booking = readBooking(req.body);
  res.status(201).json(await bookings.create(booking));
});
`,
    },
    {
      name: 'not an Express or Fastify project (Next.js API route)',
      flavour: 'none',
      filename: 'pages/api/contact.ts',
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
import { sendMail } from '../../lib/mail';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  await sendMail(req.body.email, req.body.message);
  res.status(200).json({ ok: true });
}
`,
    },
    {
      name: 'controller mounted in another file behind a validation middleware (route graph)',
      flavour: 'express4',
      filename: 'src/controllers/orders.ts',
      files: {
        'src/routes/orders.ts': ORDERS_ROUTES('validate(orderSchema), '),
        'src/app.ts': ORDERS_APP,
      },
      code: ORDERS_CONTROLLER,
    },
    {
      name: 'Fastify preHandler that validates the body',
      flavour: 'fastify5',
      filename: 'src/routes/tasks.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { validateBody } from '../validation';
import { CreateTask } from '../schemas/task';

export default async function tasks(fastify: FastifyInstance) {
  fastify.post('/tasks', { preHandler: [fastify.authenticate, validateBody(CreateTask)] }, async (request, reply) => {
    const { title, dueDate } = request.body as { title: string; dueDate?: string };
    return reply.code(201).send(await fastify.tasks.create(title, dueDate));
  });
}
`,
    },
    {
      name: 'Fastify handler exported to a routes file whose route has a schema (route graph)',
      flavour: 'fastify4',
      filename: 'src/handlers/create-user.ts',
      files: {
        'src/routes/users.ts': `import type { FastifyInstance } from 'fastify';
import { createUser } from '../handlers/create-user';
import { CreateUserBody } from '../schemas';

export default async function users(fastify: FastifyInstance) {
  fastify.post('/users', { schema: { body: CreateUserBody } }, createUser);
}
`,
        'src/app.ts': `import Fastify from 'fastify';
import users from './routes/users';

export const app = Fastify();
app.register(users, { prefix: '/api' });
`,
      },
      code: `import type { FastifyReply, FastifyRequest } from 'fastify';
import { db } from '../db';

export async function createUser(request: FastifyRequest<{ Body: { email: string } }>, reply: FastifyReply) {
  const user = await db.users.insert({ email: request.body.email });
  return reply.code(201).send(user);
}
`,
    },
    {
      name: 'express-validator rules held in a variable or imported from the validators folder',
      flavour: 'express5',
      filename: 'src/routes/auth.js',
      code: `const { Router } = require('express');
const { body } = require('express-validator');
const { registerRules } = require('../validators/auth.validator');
const auth = require('../services/auth');

const loginRules = [body('email').isEmail(), body('password').isString()];
const router = Router();

router.post('/login', loginRules, async (req, res) => {
  res.json(await auth.login(req.body.email, req.body.password));
});

router.post('/register', registerRules, async (req, res) => {
  res.status(201).json(await auth.register(req.body));
});

module.exports = router;
`,
    },
    {
      name: 'a (req, res) helper that returns data to its caller is not a controller',
      flavour: 'express4',
      filename: 'src/util/session.js',
      code: `const { getSession } = require('../account-db');

function readSession(req, res) {
  const { token } = req.body || {};
  const session = getSession(token || req.headers['x-token']);
  if (!session) {
    res.status(401).send({ reason: 'unauthorized' });
    return null;
  }
  return session;
}

module.exports = { readSession };
`,
    },
    {
      name: 'Fastify options held in a variable or built by a wrapper',
      flavour: 'fastify4',
      filename: 'src/routes/feed.ts',
      code: `import type { FastifyPluginAsync } from 'fastify';
import { FeedQuery, CommentBody } from './schemas';

const listOptions = { schema: { querystring: FeedQuery } };

const feed: FastifyPluginAsync = async (fastify) => {
  fastify.get('/feed', listOptions, async (request) => {
    const { limit } = request.query as { limit: number };
    return fastify.feed.list(limit);
  });

  fastify.post('/feed/:id/comments', fastify.secureRoute({ schema: { body: CommentBody } }), async (request) => {
    return fastify.feed.comment(request.body);
  });
};

export default feed;
`,
    },
  ],
  invalid: [
    {
      name: 'celebrate given a module\'s segment object that validates only the path parameters, the body read unvalidated',
      flavour: 'express4',
      filename: 'src/routes/users.js',
      code: `const express = require('express');
const { celebrate } = require('celebrate');
const userValidation = require('../validations/user');
const users = require('../services/users');

const router = express.Router();

router.patch('/:userId', celebrate(userValidation.updateUser), async (req, res) => {
  res.json(await users.update(req.params.userId, req.body));
});

module.exports = router;
`,
      files: {
        'src/validations/user.js': `const { Joi, Segments } = require('celebrate');

exports.updateUser = {
  [Segments.PARAMS]: Joi.object().keys({ userId: Joi.string().hex().length(24).required() }),
};
`,
      },
      errors: [{ line: 9, column: 50, endLine: 9, endColumn: 58 }],
      output: `const express = require('express');
const { celebrate } = require('celebrate');
const userValidation = require('../validations/user');
const users = require('../services/users');
const { z } = require('zod');

const router = express.Router();

const patchUserIdBody = z.looseObject({});

router.patch('/:userId', celebrate(userValidation.updateUser), async (req, res) => {
  const parsedBody = patchUserIdBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  res.json(await users.update(req.params.userId, req.body));
});

module.exports = router;
`,
    },
    {
      name: 'the query handed whole to a project helper that clamps the page but passes the search term on',
      flavour: 'express4',
      filename: 'src/routes/products.js',
      code: `const router = require('express').Router();
const Product = require('../models/product');
const { listOptions } = require('../utils/list-options');

router.get('/products', async (req, res) => {
  const options = listOptions(req.query);
  res.json(await Product.find(options.filter).skip(options.skip).limit(20));
});

module.exports = router;
`,
      files: {
        'src/utils/list-options.js': `exports.listOptions = (query) => {
  const page = Math.max(1, parseInt(query.page) || 1);
  return { skip: (page - 1) * 20, filter: { name: query.search } };
};
`,
      },
      errors: [{ line: 6, column: 31, endLine: 6, endColumn: 40, message: '`req.query` reaches the handler of GET /products without validation; validate it with a schema.' }],
      output: `const router = require('express').Router();
const Product = require('../models/product');
const { listOptions } = require('../utils/list-options');
const { z } = require('zod');

const getProductsQuery = z.looseObject({});

router.get('/products', async (req, res) => {
  const parsedQuery = getProductsQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  const options = listOptions(req.query);
  res.json(await Product.find(options.filter).skip(options.skip).limit(20));
});

module.exports = router;
`,
    },
    {
      name: 'a field taken into a variable and used before the schema parses the body',
      flavour: 'express4',
      filename: 'src/routes/subscribers.js',
      code: `const router = require('express').Router();
const { z } = require('zod');
const mailer = require('../mailer');
const Subscriber = require('../models/subscriber');

const SubscribeBody = z.object({ email: z.string().email(), list: z.enum(['news', 'offers']) });

router.post('/', async (req, res) => {
  const email = req.body.email;
  await mailer.sendConfirmation(email);
  const data = SubscribeBody.parse(req.body);
  res.status(201).json(await Subscriber.create(data));
});

module.exports = router;
`,
      errors: [{ line: 9, column: 17, endLine: 9, endColumn: 25 }],
      output: `const router = require('express').Router();
const { z } = require('zod');
const mailer = require('../mailer');
const Subscriber = require('../models/subscriber');

const SubscribeBody = z.object({ email: z.string().email(), list: z.enum(['news', 'offers']) });

const postBody = z.looseObject({
  email: z.string(),
});

router.post('/', async (req, res) => {
  const parsedBody = postBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const email = req.body.email;
  await mailer.sendConfirmation(email);
  const data = SubscribeBody.parse(req.body);
  res.status(201).json(await Subscriber.create(data));
});

module.exports = router;
`,
    },
    {
      name: 'a safeParse verdict only logged, the raw body stored anyway',
      flavour: 'express4',
      filename: 'src/routes/feedback.js',
      code: `const router = require('express').Router();
const { z } = require('zod');
const Feedback = require('../models/feedback');

const FeedbackBody = z.object({ score: z.number().int().min(0).max(10), comment: z.string().max(1000).optional() });

router.post('/', async (req, res) => {
  const check = FeedbackBody.safeParse(req.body);
  if (!check.success) console.warn('feedback did not match the schema', check.error.issues);
  res.status(201).json(await Feedback.create(req.body));
});

module.exports = router;
`,
      errors: [{ line: 10, column: 46, endLine: 10, endColumn: 54 }],
      output: `const router = require('express').Router();
const { z } = require('zod');
const Feedback = require('../models/feedback');

const FeedbackBody = z.object({ score: z.number().int().min(0).max(10), comment: z.string().max(1000).optional() });

const postBody = z.looseObject({});

router.post('/', async (req, res) => {
  const parsedBody = postBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const check = FeedbackBody.safeParse(req.body);
  if (!check.success) console.warn('feedback did not match the schema', check.error.issues);
  res.status(201).json(await Feedback.create(req.body));
});

module.exports = router;
`,
    },
    {
      name: 'a date built from the query and used unchecked',
      flavour: 'express5',
      filename: 'src/routes/slots.ts',
      code: `import { Router } from 'express';
import { slots } from '../services/slots';

export const slotsRouter = Router();

slotsRouter.get('/slots', async (req, res) => {
  const day = new Date(String(req.query.date));
  res.json(await slots.freeOn(day));
});
`,
      errors: [{ line: 7, column: 31, endLine: 7, endColumn: 40 }],
      output: `import { Router } from 'express';
import { slots } from '../services/slots';
import { z } from 'zod';

export const slotsRouter = Router();

const getSlotsQuery = z.object({
  date: z.string().optional(),
});

slotsRouter.get('/slots', async (req, res) => {
  const parsedQuery = getSlotsQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  const day = new Date(String(req.query.date));
  res.json(await slots.freeOn(day));
});
`,
    },
    {
      name: 'express-validator: only param(\'id\') on the route, then a validate middleware reporting validationResult — the body is unchecked',
      flavour: 'express4',
      filename: 'src/routes/vehicles.js',
      code: `const router = require('express').Router();
const { body, param } = require('express-validator');
const validate = require('../middleware/validate');
const Vehicle = require('../models/vehicle');

router.patch('/:id', param('id').isInt(), validate, async (req, res) => {
  res.json(await Vehicle.query().patchAndFetchById(req.params.id, req.body));
});

router.post('/', body('plate').isString().isLength({ max: 12 }), validate, async (req, res) => {
  res.status(201).json(await Vehicle.query().insert({ plate: req.body.plate }));
});

module.exports = router;
`,
      errors: [{ line: 7, column: 67, endLine: 7, endColumn: 75 }],
      output: `const router = require('express').Router();
const { body, param } = require('express-validator');
const validate = require('../middleware/validate');
const Vehicle = require('../models/vehicle');
const { z } = require('zod');

const patchIdBody = z.looseObject({});

router.patch('/:id', param('id').isInt(), validate, async (req, res) => {
  const parsedBody = patchIdBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  res.json(await Vehicle.query().patchAndFetchById(req.params.id, req.body));
});

router.post('/', body('plate').isString().isLength({ max: 12 }), validate, async (req, res) => {
  res.status(201).json(await Vehicle.query().insert({ plate: req.body.plate }));
});

module.exports = router;
`,
      files: {
        'src/middleware/validate.js': `const { validationResult } = require('express-validator');

module.exports = function validate(req, res, next) {
  const result = validationResult(req);
  if (!result.isEmpty()) return res.status(422).json({ errors: result.array() });
  next();
};
`,
      },
    },
    {
      name: 'a validator mounted on a sub-path of the router (router.use(\'/settings\', validate(schema))) leaves the other routes unvalidated',
      flavour: 'express4',
      filename: 'src/routes/me.js',
      code: `const router = require('express').Router();
const validate = require('../middleware/validate');
const { settingsSchema } = require('../schemas');
const store = require('../store');

router.use('/settings', validate(settingsSchema));

router.put('/settings', async (req, res) => res.json(await store.saveSettings(req.user.id, req.body)));
router.put('/profile', async (req, res) => res.json(await store.saveProfile(req.user.id, req.body.displayName)));

module.exports = router;
`,
      errors: [{ line: 9, column: 90, endLine: 9, endColumn: 98 }],
      output: `const router = require('express').Router();
const validate = require('../middleware/validate');
const { settingsSchema } = require('../schemas');
const store = require('../store');
const { z } = require('zod');

router.use('/settings', validate(settingsSchema));

router.put('/settings', async (req, res) => res.json(await store.saveSettings(req.user.id, req.body)));
const putProfileBody = z.object({
  displayName: z.string(),
});

router.put('/profile', async (req, res) => {
  const parsedBody = putProfileBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  return res.json(await store.saveProfile(req.user.id, req.body.displayName));
});

module.exports = router;
`,
    },
    {
      name: 'Fastify: a route schema imported from a module of schemas that describes only the path parameters',
      flavour: 'fastify5',
      esm: true,
      filename: 'src/routes/books.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { bookIdSchema } from '../schemas/books.js';

export default async function books(app: FastifyInstance) {
  app.patch('/books/:id', { schema: bookIdSchema }, async (request) => {
    const { id } = request.params as { id: number };
    return app.db.books.update(id, { title: (request.body as { title?: string }).title });
  });
}
`,
      errors: [{ line: 7, column: 46, endLine: 7, endColumn: 58 }],
      files: {
        'src/schemas/books.ts': `export const bookIdSchema = {
  params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
};
`,
      },
    },
    {
      name: 'a webhook signature verdict held in a const but only logged: the payload is still trusted',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const crypto = require('crypto');
const express = require('express');

const app = express();

app.post('/webhooks/billing', express.json(), async (req, res) => {
  const header = req.get('x-billing-signature') || '';
  const digest = crypto.createHmac('sha256', process.env.BILLING_WEBHOOK_SECRET).update(JSON.stringify(req.body)).digest('hex');
  const valid = header.length === digest.length && crypto.timingSafeEqual(Buffer.from(header), Buffer.from(digest));
  if (!valid) console.warn('bad signature');
  await fetch(process.env.LEDGER_URL, { method: 'POST', body: req.body.amount });
  res.json({ received: true });
});

app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal server error' });
});

module.exports = app;
`,
      errors: [{ line: 8, column: 104, endLine: 8, endColumn: 112 }],
      output: `const crypto = require('crypto');
const express = require('express');
const { z } = require('zod');

const app = express();

const postWebhooksBillingBody = z.looseObject({
  amount: z.unknown(),
});

app.post('/webhooks/billing', express.json(), async (req, res) => {
  const parsedBody = postWebhooksBillingBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const header = req.get('x-billing-signature') || '';
  const digest = crypto.createHmac('sha256', process.env.BILLING_WEBHOOK_SECRET).update(JSON.stringify(req.body)).digest('hex');
  const valid = header.length === digest.length && crypto.timingSafeEqual(Buffer.from(header), Buffer.from(digest));
  if (!valid) console.warn('bad signature');
  await fetch(process.env.LEDGER_URL, { method: 'POST', body: req.body.amount });
  res.json({ received: true });
});

app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal server error' });
});

module.exports = app;
`,
    },
    {
      name: 'a validator named after the ObjectId it checks (validateObjectId(\'id\')) covers the path only: the body set wholesale is unvalidated',
      flavour: 'express4',
      filename: 'src/routes/dishes.js',
      code: `const router = require('express').Router();
const validateObjectId = require('../middleware/validateObjectId');
const Dish = require('../models/dish');

router.put('/:id', validateObjectId('id'), async (req, res) => {
  const dish = await Dish.findByIdAndUpdate(req.params.id, { $set: req.body }, { new: true });
  res.json(dish);
});

module.exports = router;
`,
      errors: [{ line: 6, column: 68, endLine: 6, endColumn: 76 }],
      output: `const router = require('express').Router();
const validateObjectId = require('../middleware/validateObjectId');
const Dish = require('../models/dish');
const { z } = require('zod');

const putIdBody = z.looseObject({});

router.put('/:id', validateObjectId('id'), async (req, res) => {
  const parsedBody = putIdBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const dish = await Dish.findByIdAndUpdate(req.params.id, { $set: req.body }, { new: true });
  res.json(dish);
});

module.exports = router;
`,
    },
    {
      name: 'fields gathered into a const object that is also logged before a plain insert: still unvalidated',
      flavour: 'express4',
      filename: 'src/routes/contacts.js',
      code: `const router = require('express').Router();
const db = require('../db');

router.post('/', async (req, res) => {
  const { name, phone } = req.body;
  const contact = { name, phone };
  console.log('saving', contact);
  res.status(201).json(await db.contacts.insert(contact));
});

module.exports = router;
`,
      errors: [{ line: 5, column: 27, endLine: 5, endColumn: 35 }],
      output: `const router = require('express').Router();
const db = require('../db');
const { z } = require('zod');

const postBody = z.object({
  name: z.string(),
  phone: z.string(),
});

router.post('/', async (req, res) => {
  const parsedBody = postBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const { name, phone } = req.body;
  const contact = { name, phone };
  console.log('saving', contact);
  res.status(201).json(await db.contacts.insert(contact));
});

module.exports = router;
`,
    },
    {
      name: 'a static method of an exported controller class taking only the Fastify request, registered in a routes plugin',
      flavour: 'fastify5',
      esm: true,
      filename: 'src/controllers/CommentController.ts',
      code: `import type { FastifyRequest } from 'fastify';
import { Comment } from '../models.js';

export default class CommentController {
  static async update(request: FastifyRequest<{ Params: { id: string }; Body: { reactions: string[] } }>) {
    return Comment.updateOne({ _id: request.params.id }, { reactions: request.body.reactions });
  }
}
`,
      errors: [{ line: 6, column: 71, endLine: 6, endColumn: 83 }],
      output: `import type { FastifyRequest } from 'fastify';
import { Comment } from '../models.js';

export default class CommentController {
  static async update(request: FastifyRequest<{ Params: { id: string }; Body: { reactions: string[] } }>) {
    return Comment.updateOne({ _id: request.params.id }, { reactions: request.body.reactions });
  }
}
`,
      outputFiles: {
        'src/routes/comments.ts': `import type { FastifyInstance } from 'fastify';
import CommentController from '../controllers/CommentController.js';

export default async function commentRoutes(app: FastifyInstance) {
  app.patch('/:id', {
    schema: {
      body: {
        type: 'object',
        properties: {
          reactions: {},
        },
      },
    },
  }, CommentController.update);
}
`,
      },
      files: {
        'src/routes/comments.ts': `import type { FastifyInstance } from 'fastify';
import CommentController from '../controllers/CommentController.js';

export default async function commentRoutes(app: FastifyInstance) {
  app.patch('/:id', CommentController.update);
}
`,
        'src/main.ts': `import Fastify from 'fastify';
import commentRoutes from './routes/comments.js';

const app = Fastify({ logger: true });
app.register(commentRoutes, { prefix: '/api/comments' });
await app.listen({ port: 3000 });
`,
      },
    },
    {
      name: 'validate(userValidation.getUser) holds a params schema only: the body an update reads is unvalidated',
      flavour: 'express4',
      filename: 'src/routes/user.route.js',
      code: `const express = require('express');
const validate = require('../middlewares/validate');
const userValidation = require('../validations/user.validation');
const User = require('../models/user');

const router = express.Router();

router.patch('/:userId', validate(userValidation.getUser), async (req, res) => {
  res.send(await User.findByIdAndUpdate(req.params.userId, { name: req.body.name }));
});

module.exports = router;
`,
      errors: [{ line: 9, column: 68, endLine: 9, endColumn: 76 }],
      output: `const express = require('express');
const validate = require('../middlewares/validate');
const userValidation = require('../validations/user.validation');
const User = require('../models/user');
const { z } = require('zod');

const router = express.Router();

const patchUserIdBody = z.object({
  name: z.string(),
});

router.patch('/:userId', validate(userValidation.getUser), async (req, res) => {
  const parsedBody = patchUserIdBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  res.send(await User.findByIdAndUpdate(req.params.userId, { name: req.body.name }));
});

module.exports = router;
`,
      files: USER_VALIDATION_MODULES,
    },
    {
      name: 'express-joi-validation\'s validator.query(schema) checks the query only: the body read is unvalidated',
      flavour: 'express4',
      filename: 'src/routes/vendors.js',
      code: `const router = require('express').Router();
const Joi = require('joi');
const validator = require('express-joi-validation').createValidator({});
const Vendor = require('../models/Vendor');

const listQuery = Joi.object({ page: Joi.number().integer().min(1).default(1) });

router.post('/', validator.query(listQuery), async (req, res) => {
  res.status(201).json(await Vendor.create({ name: req.body.name, email: req.body.email }));
});

router.get('/', validator.query(listQuery), async (req, res) => {
  res.json(await Vendor.find().skip((req.query.page - 1) * 20).limit(20));
});

module.exports = router;
`,
      errors: [{ line: 9, column: 52, endLine: 9, endColumn: 60 }],
      output: `const router = require('express').Router();
const Joi = require('joi');
const validator = require('express-joi-validation').createValidator({});
const Vendor = require('../models/Vendor');
const { z } = require('zod');

const listQuery = Joi.object({ page: Joi.number().integer().min(1).default(1) });

const postBody = z.object({
  name: z.string(),
  email: z.string(),
});

router.post('/', validator.query(listQuery), async (req, res) => {
  const parsedBody = postBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  res.status(201).json(await Vendor.create({ name: req.body.name, email: req.body.email }));
});

router.get('/', validator.query(listQuery), async (req, res) => {
  res.json(await Vendor.find().skip((req.query.page - 1) * 20).limit(20));
});

module.exports = router;
`,
    },
    {
      name: 'an exported controller that takes the request apart in its parameter ({ body, user }, res)',
      flavour: 'express4',
      filename: 'src/controllers/shift.controller.js',
      code: `const { Shift } = require('../models');

exports.create = async ({ body, user }, res) => {
  const shift = await Shift.create({ ...body, managerId: user.id });
  res.status(201).json(shift);
};
`,
      files: {
        'src/routes/shift.routes.js': `const router = require('express').Router();
const shifts = require('../controllers/shift.controller');
const { auth } = require('../middleware/auth');
router.post('/shifts', auth, shifts.create);
module.exports = router;
`,
      },
      errors: [{ line: 3, column: 27, endLine: 3, endColumn: 31 }],
      output: `const { Shift } = require('../models');
const { z } = require('zod');

const createBody = z.looseObject({});

exports.create = async ({ body, user }, res) => {
  const parsedBody = createBody.safeParse(body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  const shift = await Shift.create({ ...body, managerId: user.id });
  res.status(201).json(shift);
};
`,
    },
    {
      name: 'a route express-openapi-validator skips through its ignorePaths pattern',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const path = require('path');
const OpenApiValidator = require('express-openapi-validator');
const db = require('./db');

const app = express();
app.use(express.json());
app.use(OpenApiValidator.middleware({ apiSpec: path.join(__dirname, 'openapi.yaml'), validateRequests: true, ignorePaths: /.*\\/internal\\/.*/ }));

app.post('/api/pets', async (req, res) => {
  res.status(201).json(await db.pets.insert({ name: req.body.name }));
});

app.post('/api/internal/bulk-price', async (req, res) => {
  const { species, factor } = req.body;
  res.json(await db.pets.updateMany({ species }, { $mul: { priceCents: factor } }));
});

module.exports = app;
`,
      errors: [{ line: 15, column: 31, endLine: 15, endColumn: 39 }],
      output: `const express = require('express');
const path = require('path');
const OpenApiValidator = require('express-openapi-validator');
const db = require('./db');
const { z } = require('zod');

const app = express();
app.use(express.json());
app.use(OpenApiValidator.middleware({ apiSpec: path.join(__dirname, 'openapi.yaml'), validateRequests: true, ignorePaths: /.*\\/internal\\/.*/ }));

app.post('/api/pets', async (req, res) => {
  res.status(201).json(await db.pets.insert({ name: req.body.name }));
});

const postApiInternalBulkPriceBody = z.object({
  species: z.unknown(),
  factor: z.unknown(),
});

app.post('/api/internal/bulk-price', async (req, res) => {
  const parsedBody = postApiInternalBulkPriceBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const { species, factor } = req.body;
  res.json(await db.pets.updateMany({ species }, { $mul: { priceCents: factor } }));
});

module.exports = app;
`,
    },
    {
      name: 'fields handed in a new object to a service that vets only some of them',
      flavour: 'express5',
      esm: true,
      filename: 'src/app.js',
      code: `import express from 'express';
import { invite } from './auth.service.js';

const app = express();
app.use(express.json());

app.post('/api/invitations', async (req, res) => {
  const { email, role } = req.body;
  res.status(201).json({ data: await invite({ email, role }) });
});

export default app;
`,
      files: {
        'src/auth.validation.js': `export function validateLoginInput(body = {}) {
  const errors = [];
  const { email, password } = body;
  if (!email || typeof email !== 'string' || !/^[^@\\s]+@[^@\\s]+$/.test(email)) errors.push('A valid email is required.');
  if (!password || typeof password !== 'string') errors.push('Password is required.');
  return { isValid: errors.length === 0, errors };
}

export function validateEmail(email) {
  return typeof email === 'string' && /^[^@\\s]+@[^@\\s]+$/.test(email);
}
`,
        'src/auth.service.js': `import { User } from './user.model.js';
import { validateLoginInput, validateEmail } from './auth.validation.js';

export class BadRequestError extends Error {}

export async function login({ email, password }) {
  const validation = validateLoginInput({ email, password });
  if (!validation.isValid) throw new BadRequestError(validation.errors.join(' '));
  return User.authenticate(email, password);
}

export async function invite({ email, role }) {
  if (!validateEmail(email)) throw new BadRequestError('Invalid email');
  return User.invite(email, role);
}
`,
      },
      errors: [{ line: 8, column: 27, endLine: 8, endColumn: 35 }],
      output: `import express from 'express';
import { invite } from './auth.service.js';
import { z } from 'zod';

const app = express();
app.use(express.json());

const postApiInvitationsBody = z.object({
  email: z.string(),
  role: z.unknown(),
});

app.post('/api/invitations', async (req, res) => {
  const parsedBody = postApiInvitationsBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const { email, role } = req.body;
  res.status(201).json({ data: await invite({ email, role }) });
});

export default app;
`,
    },
    {
      name: 'a switch on a query value whose default hands the value itself on',
      flavour: 'express4',
      filename: 'src/routes/stock.js',
      code: `const express = require('express');
const Stock = require('../models/stock');

const router = express.Router();

router.get('/balance', async (req, res) => {
  const { zero } = req.query;
  let filter;
  switch (zero) {
    case 'more':
      filter = { qty: { $gt: 0 } };
      break;
    default:
      filter = { code: zero };
  }
  res.json(await Stock.find(filter));
});

module.exports = router;
`,
      errors: [{ line: 7, column: 20, endLine: 7, endColumn: 29 }],
      output: `const express = require('express');
const Stock = require('../models/stock');
const { z } = require('zod');

const router = express.Router();

const getBalanceQuery = z.object({
  zero: z.string().optional(),
});

router.get('/balance', async (req, res) => {
  const parsedQuery = getBalanceQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  const { zero } = req.query;
  let filter;
  switch (zero) {
    case 'more':
      filter = { qty: { $gt: 0 } };
      break;
    default:
      filter = { code: zero };
  }
  res.json(await Stock.find(filter));
});

module.exports = router;
`,
    },
    {
      name: 'a handler made by a factory for each model (factory.createOne(Order)) and registered in another file',
      flavour: 'express4',
      filename: 'src/controllers/handlerFactory.js',
      code: `const catchAsync = require('../utils/catchAsync');

exports.createOne = (Model) =>
  catchAsync(async (req, res) => {
    const doc = await Model.create({ ...req.body, createdAt: new Date() });
    res.status(201).json({ status: 'success', data: doc });
  });
`,
      files: {
        'package.json': JSON.stringify({ name: 'shop', version: '1.0.0', dependencies: { express: '^4.21.2', validator: '^13.11.0' } }),
        'src/utils/catchAsync.js': `module.exports = (fn) => (req, res, next) => fn(req, res, next).catch(next);\n`,
        'src/app.js': `const express = require('express');
const factory = require('./controllers/handlerFactory');
const Order = require('./models/order');

const app = express();
app.use(express.json());
app.post('/orders', factory.createOne(Order));
module.exports = app;
`,
      },
      errors: [{ line: 5, column: 41, endLine: 5, endColumn: 49 }],
      output: `const catchAsync = require('../utils/catchAsync');
const { z } = require('zod');

const requestBody = z.looseObject({});

exports.createOne = (Model) =>
  catchAsync(async (req, res) => {
    const parsedBody = requestBody.safeParse(req.body);
    if (!parsedBody.success) {
      res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
      return;
    }
    req.body = parsedBody.data;
    const doc = await Model.create({ ...req.body, createdAt: new Date() });
    res.status(201).json({ status: 'success', data: doc });
  });
`,
    },
    {
      name: 'a service outcome answered 400 (`if (!result.success)`) is no verdict on the input it was given',
      flavour: 'fastify5',
      filename: 'src/app.ts',
      code: `import Fastify from 'fastify';
import { redeemCoupon } from './services/coupons';

const app = Fastify({ logger: true });

app.post<{ Body: { code: string; userId: string } }>('/coupons/redeem', async (req, reply) => {
  const { code, userId } = req.body;
  const result = await redeemCoupon(code, userId);
  if (!result.success) {
    return reply.status(400).send({ error: result.error });
  }
  return reply.send({ coins: result.coins });
});

export default app;
`,
      errors: [{ line: 7, column: 28, endLine: 7, endColumn: 36 }],
      output: `import Fastify from 'fastify';
import { redeemCoupon } from './services/coupons';

const app = Fastify({ logger: true });

app.post<{ Body: { code: string; userId: string } }>('/coupons/redeem', {
  schema: {
    body: {
      type: 'object',
      properties: {
        code: {},
        userId: {},
      },
    },
  },
}, async (req, reply) => {
  const { code, userId } = req.body;
  const result = await redeemCoupon(code, userId);
  if (!result.success) {
    return reply.status(400).send({ error: result.error });
  }
  return reply.send({ coins: result.coins });
});

export default app;
`,
    },
    {
      name: 'a celebrate middleware held in a const covers only the segments it lists',
      flavour: 'express4',
      filename: 'src/routes/search.js',
      code: `const express = require('express');
const { celebrate, Joi, Segments } = require('celebrate');
const products = require('../services/products');

const router = express.Router();

const paging = celebrate({ [Segments.QUERY]: Joi.object({ page: Joi.number().integer().min(1) }) });

router.post('/search', paging, async (req, res) => {
  res.json(await products.search(req.body.filter, Number(req.query.page)));
});

module.exports = router;
`,
      errors: [{ line: 10, column: 34, endLine: 10, endColumn: 42 }],
      output: `const express = require('express');
const { celebrate, Joi, Segments } = require('celebrate');
const products = require('../services/products');
const { z } = require('zod');

const router = express.Router();

const paging = celebrate({ [Segments.QUERY]: Joi.object({ page: Joi.number().integer().min(1) }) });

const postSearchBody = z.object({
  filter: z.unknown(),
});

router.post('/search', paging, async (req, res) => {
  const parsedBody = postSearchBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  res.json(await products.search(req.body.filter, Number(req.query.page)));
});

module.exports = router;
`,
    },
    {
      name: 'a project lookup whose empty answer is a 400 does not vet the value it looked up',
      flavour: 'express4',
      filename: 'src/routes/auth.js',
      code: `const express = require('express');
const { userByEmail, sendResetLink } = require('../services/users');

const router = express.Router();

router.post('/forgot-password', async (req, res) => {
  if (!(await userByEmail(req.body.email))) return res.status(400).json({ message: 'No account for this email' });
  await sendResetLink(req.body.email);
  res.json({ ok: true });
});

module.exports = router;
`,
      errors: [{ line: 7, column: 27, endLine: 7, endColumn: 35 }],
      output: `const express = require('express');
const { userByEmail, sendResetLink } = require('../services/users');
const { z } = require('zod');

const router = express.Router();

const postForgotPasswordBody = z.object({
  email: z.string(),
});

router.post('/forgot-password', async (req, res) => {
  const parsedBody = postForgotPasswordBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  if (!(await userByEmail(req.body.email))) return res.status(400).json({ message: 'No account for this email' });
  await sendResetLink(req.body.email);
  res.json({ ok: true });
});

module.exports = router;
`,
    },
  {
    name: 'an app-wide middleware checking the API key of the whole request (validateAPIKey(req)) validates no input',
    flavour: 'express4',
    filename: 'src/index.js',
    code: `const express = require('express');
const { validateAPIKey } = require('./utils/validateKey');
const { assistants } = require('./services/assistants');

const app = express();
app.use(express.json());
app.use(async (req, res, next) => {
  const { isValid } = await validateAPIKey(req);
  if (!isValid) return res.status(401).json({ error: 'Unauthorized' });
  next();
});

app.post('/api/v1/assistants', async (req, res) => {
  res.status(201).json(await assistants.create(req.body));
});

module.exports = app;
`,
    errors: [{ line: 14, column: 48, endLine: 14, endColumn: 56, message: '`req.body` reaches the handler of POST /api/v1/assistants without validation; validate it with a schema.' }],
    output: `const express = require('express');
const { validateAPIKey } = require('./utils/validateKey');
const { assistants } = require('./services/assistants');
const { z } = require('zod');

const app = express();
app.use(express.json());
app.use(async (req, res, next) => {
  const { isValid } = await validateAPIKey(req);
  if (!isValid) return res.status(401).json({ error: 'Unauthorized' });
  next();
});

const postApiV1AssistantsBody = z.looseObject({});

app.post('/api/v1/assistants', async (req, res) => {
  const parsedBody = postApiV1AssistantsBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  res.status(201).json(await assistants.create(req.body));
});

module.exports = app;
`,
  },
  {
    name: 'the route\'s last handler passing on to the not-found handler in one branch is still a controller',
    flavour: 'express4',
    filename: 'src/controllers/products.js',
    files: {
      'src/routes/products.js': `const { Router } = require('express');
const { updateProduct } = require('../controllers/products');

const router = Router();
router.put('/products/:id', updateProduct);

module.exports = router;
`,
    },
    code: `const Product = require('../models/product');

exports.updateProduct = async (req, res, next) => {
  const product = await Product.findByIdAndUpdate(req.params.id, req.body, { new: true });
  if (!product) return next();
  res.json(product);
};
`,
    errors: [{ line: 4, column: 66, endLine: 4, endColumn: 74, message: '`req.body` reaches the handler of PUT /products/:id without validation; validate it with a schema.' }],
    output: `const Product = require('../models/product');
const { z } = require('zod');

const updateProductBody = z.looseObject({});

exports.updateProduct = async (req, res, next) => {
  const parsedBody = updateProductBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  const product = await Product.findByIdAndUpdate(req.params.id, req.body, { new: true });
  if (!product) return next();
  res.json(product);
};
`,
  },
  {
    name: 'validationResult(req) reports on the route\'s chains only: a param() chain leaves the body unvalidated',
    flavour: 'express4',
    filename: 'src/routes/bookings.js',
    code: `const express = require('express');
const { param, validationResult } = require('express-validator');
const db = require('../db');

const router = express.Router();

router.patch('/bookings/:id', [param('id').isUUID()], async (req, res) => {
  if (!validationResult(req).isEmpty()) return res.status(400).json({ message: 'Bad id' });
  const { start, notes } = req.body;
  res.json(await db.bookings.update(req.params.id, { start, notes }));
});

module.exports = router;
`,
    errors: [{ line: 9, column: 28, endLine: 9, endColumn: 36, message: '`req.body` reaches the handler of PATCH /bookings/:id without validation; validate it with a schema.' }],
    output: `const express = require('express');
const { param, validationResult } = require('express-validator');
const db = require('../db');
const { z } = require('zod');

const router = express.Router();

const patchBookingsIdBody = z.object({
  start: z.unknown(),
  notes: z.unknown(),
});

router.patch('/bookings/:id', [param('id').isUUID()], async (req, res) => {
  const parsedBody = patchBookingsIdBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  if (!validationResult(req).isEmpty()) return res.status(400).json({ message: 'Bad id' });
  const { start, notes } = req.body;
  res.json(await db.bookings.update(req.params.id, { start, notes }));
});

module.exports = router;
`,
  },
  {
    name: 'a router-level validator given only the query schema leaves the body of its routes unvalidated',
    flavour: 'express4',
    filename: 'src/routes/tasks.js',
    files: {
      'src/middleware/validate.js': `module.exports = ({ body, query }) => (req, res, next) => {
  try {
    if (body) req.body = body.parse(req.body);
    if (query) Object.assign(req.query, query.parse(req.query));
    next();
  } catch (error) {
    res.status(400).json({ message: 'Invalid request', issues: error.issues });
  }
};
`,
    },
    code: `const express = require('express');
const { z } = require('zod');
const validate = require('../middleware/validate');
const Task = require('../models/task');

const router = express.Router();
router.use(validate({ query: z.object({ workspace: z.string().uuid() }) }));

router.get('/tasks', async (req, res) => {
  res.json(await Task.find({ workspace: req.query.workspace }));
});

router.post('/tasks', async (req, res) => {
  const task = await Task.create({ ...req.body, workspace: req.query.workspace });
  res.status(201).json(task);
});

module.exports = router;
`,
    errors: [{ line: 14, column: 39, endLine: 14, endColumn: 47, message: '`req.body` reaches the handler of POST /tasks without validation; validate it with a schema.' }],
    output: `const express = require('express');
const { z } = require('zod');
const validate = require('../middleware/validate');
const Task = require('../models/task');

const router = express.Router();
router.use(validate({ query: z.object({ workspace: z.string().uuid() }) }));

router.get('/tasks', async (req, res) => {
  res.json(await Task.find({ workspace: req.query.workspace }));
});

const postTasksBody = z.looseObject({});

router.post('/tasks', async (req, res) => {
  const parsedBody = postTasksBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const task = await Task.create({ ...req.body, workspace: req.query.workspace });
  res.status(201).json(task);
});

module.exports = router;
`,
  },
  {
    name: 'a service that checks one of the fields it is handed leaves the other fields unvetted',
    flavour: 'express4',
    filename: 'src/controllers/orders.js',
    esm: true,
    files: {
      'src/services/orders.js': `import mongoose from 'mongoose';
import Order from '../models/order.js';

export async function getList(userId, search, status) {
  const filter = { user: userId };
  if (search && mongoose.Types.ObjectId.isValid(search)) filter._id = search;
  if (status && status !== 'all') filter.status = status;
  return Order.find(filter).lean();
}
`,
    },
    code: `import { getList } from '../services/orders.js';

export const listOrders = async (req, res) => {
  const search = req.query.search || '';
  const status = req.query.status || null;
  res.json(await getList(req.user.id, search, status));
};
`,
    errors: [{ line: 4, column: 18, endLine: 4, endColumn: 27, message: '`req.query` reaches the handler `listOrders` without validation; validate it with a schema.' }],
    output: `import { getList } from '../services/orders.js';
import { z } from 'zod';

const listOrdersQuery = z.object({
  search: z.string().optional(),
  status: z.string().optional(),
});

export const listOrders = async (req, res) => {
  const parsedQuery = listOrdersQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  const search = req.query.search || '';
  const status = req.query.status || null;
  res.json(await getList(req.user.id, search, status));
};
`,
  },
  {
    name: 'a controller with a stray next() after its return is still the route\'s handler',
    flavour: 'express4',
    filename: 'src/controllers/auth.js',
    code: `const asyncHandler = require('express-async-handler');
const User = require('../models/user');

const register = asyncHandler(async (req, res, next) => {
  const { email, username, password } = req.body;
  const user = new User({ email, username, password });
  await user.save();
  return res.status(201).json({ message: 'Registration successful' });
  next();
});

module.exports = { register };
`,
    errors: [{ line: 5, column: 41, endLine: 5, endColumn: 49, message: '`req.body` reaches the handler `register` without validation; validate it with a schema.' }],
    output: `const asyncHandler = require('express-async-handler');
const User = require('../models/user');
const { z } = require('zod');

const registerBody = z.object({
  email: z.string(),
  username: z.string(),
  password: z.string(),
});

const register = asyncHandler(async (req, res, next) => {
  const parsedBody = registerBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  const { email, username, password } = req.body;
  const user = new User({ email, username, password });
  await user.save();
  return res.status(201).json({ message: 'Registration successful' });
  next();
});

module.exports = { register };
`,
  },
  {
    name: 'a type check of the search text leaves the sort field, used only through a string method, unvetted',
    flavour: 'express4',
    filename: 'src/routes/titles.js',
    code: `const { Router } = require('express');
const knex = require('../db');

const router = Router();

router.get('/titles', async (req, res) => {
  const { query, sort } = req.query;
  if (!query || typeof query !== 'string') return res.status(400).send({ error: 'query is required' });
  res.json(await knex('titles').whereILike('name', \`%\${query}%\`).orderBy(sort.toLowerCase()));
});

module.exports = router;
`,
    errors: [{ line: 7, column: 27, endLine: 7, endColumn: 36, message: '`req.query` reaches the handler of GET /titles without validation; validate it with a schema.' }],
    output: `const { Router } = require('express');
const knex = require('../db');
const { z } = require('zod');

const router = Router();

const getTitlesQuery = z.object({
  query: z.string().optional(),
  sort: z.string().optional(),
});

router.get('/titles', async (req, res) => {
  const parsedQuery = getTitlesQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
  }
  const { query, sort } = req.query;
  if (!query || typeof query !== 'string') return res.status(400).send({ error: 'query is required' });
  res.json(await knex('titles').whereILike('name', \`%\${query}%\`).orderBy(sort.toLowerCase()));
});

module.exports = router;
`,
  },
  {
    name: 'the whole request handed to a service class the module exports itself (module.exports = ProductService)',
    flavour: 'express4',
    filename: 'src/ProductController.js',
    files: {
      'src/ProductService.js': `const Product = require('./models/Product');

class ProductService {
  async createFromRequest(req) {
    const { name, price, category } = req.body;
    return Product.create({ name, price, category, createdBy: req.user.id });
  }
}

module.exports = ProductService;
`,
      'src/routes.js': `const express = require('express');
const productController = require('./ProductController');

const router = express.Router();
router.post('/products', productController.create);

module.exports = router;
`,
    },
    code: `const ProductService = require('./ProductService');

class ProductController {
  constructor() {
    this.productService = new ProductService();
    this.create = this.create.bind(this);
  }

  async create(req, res, next) {
    try {
      res.status(201).json(await this.productService.createFromRequest(req));
    } catch (err) {
      next(err);
    }
  }
}

module.exports = new ProductController();
`,
    errors: [{ line: 11, column: 72, endLine: 11, endColumn: 75, message: '`req.body` reaches the handler of POST /products without validation; validate it with a schema.' }],
    output: `const ProductService = require('./ProductService');
const { z } = require('zod');

const createBody = z.object({
  name: z.string(),
  price: z.unknown(),
  category: z.unknown(),
});

class ProductController {
  constructor() {
    this.productService = new ProductService();
    this.create = this.create.bind(this);
  }

  async create(req, res, next) {
    const parsedBody = createBody.safeParse(req.body);
    if (!parsedBody.success) {
      res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
      return;
    }
    req.body = parsedBody.data;
    try {
      res.status(201).json(await this.productService.createFromRequest(req));
    } catch (err) {
      next(err);
    }
  }
}

module.exports = new ProductController();
`,
  },
  {
    name: 'Fastify: a plugin typed FastifyPluginAsyncZod gets a zod schema for the route that has none',
    flavour: 'fastify5',
    filename: 'src/routes/notes.ts',
    code: `import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const notes: FastifyPluginAsyncZod = async (app) => {
  app.patch('/notes/:id', async (req) => {
    const { id } = req.params as { id: string };
    return app.db.note.update({ where: { id }, data: { text: String(req.body.text) } });
  });
};

export default notes;
`,
    errors: [{ line: 6, column: 69, endLine: 6, endColumn: 77, message: '`req.body` reaches the handler of PATCH /notes/:id without validation; validate it with a schema.' }],
    output: `import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const notes: FastifyPluginAsyncZod = async (app) => {
  app.patch('/notes/:id', {
    schema: {
      body: z.object({
        text: z.string(),
      }),
    },
  }, async (req) => {
    const { id } = req.params as { id: string };
    return app.db.note.update({ where: { id }, data: { text: String(req.body.text) } });
  });
};

export default notes;
`,
  },
  {
    name: 'Fastify: a route registered on withTypeProvider<ZodTypeProvider>() in the chain, without a body schema',
    flavour: 'fastify5',
    filename: 'src/routes/labels.ts',
    code: `import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export default async function labels(fastify: FastifyInstance) {
  fastify.withTypeProvider<ZodTypeProvider>().post('/labels/bulk', async (request) => {
    const { labels } = request.body as { labels: { name: string }[] };
    return fastify.db.label.createMany({ data: labels });
  });
}
`,
    errors: [{ line: 7, column: 24, endLine: 7, endColumn: 36, message: '`request.body` reaches the handler of POST /labels/bulk without validation; validate it with a schema.' }],
    output: `import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export default async function labels(fastify: FastifyInstance) {
  fastify.withTypeProvider<ZodTypeProvider>().post('/labels/bulk', {
    schema: {
      body: z.object({
        labels: z.array(z.unknown()),
      }),
    },
  }, async (request) => {
    const { labels } = request.body as { labels: { name: string }[] };
    return fastify.db.label.createMany({ data: labels });
  });
}
`,
  },
  {
    name: 'a route arrow handing the request to a method of a controller constructed from an imported class',
    flavour: 'express5',
    filename: 'src/app.ts',
    files: {
      'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '^5.1.0', joi: '^17.13.0' } }),
      'src/UserController.ts': `import type { Request, Response } from 'express';
import { db } from './db';

export class UserController {
  async list(req: Request, res: Response) {
    const { pageSize = '20', role } = req.query as Record<string, string>;
    res.json(await db.user.findMany({ where: { role }, take: Number(pageSize) }));
  }
}
`,
    },
    code: `import express from 'express';
import { UserController } from './UserController';

const app = express();
const users = new UserController();

app.get('/users', (req, res) => users.list(req, res));

export default app;
`,
    errors: [{ line: 7, column: 44, endLine: 7, endColumn: 47, message: '`req.query` reaches the handler of GET /users without validation; validate it with a schema.' }],
    output: `import express from 'express';
import { UserController } from './UserController';
import { z } from 'zod';

const app = express();
const users = new UserController();

const getUsersQuery = z.object({
  pageSize: z.string().optional(),
  role: z.string().optional(),
});

app.get('/users', (req, res) => {
  const parsedQuery = getUsersQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
  }
  return users.list(req, res);
});

export default app;
`,
  },
  {
    name: 'a validation middleware given a schema per part (validate({ params })) leaves the other parts unvalidated',
    flavour: 'express5',
    filename: 'src/routes/projects.ts',
    files: {
      'src/middleware/validate.ts': `import type { NextFunction, Request, Response } from 'express';
import type { ZodTypeAny } from 'zod';

export const validate = ({ body, query, params }: { body?: ZodTypeAny; query?: ZodTypeAny; params?: ZodTypeAny }) => (req: Request, _res: Response, next: NextFunction) => {
  if (params) req.params = params.parse(req.params);
  if (query) Object.assign(req.query, query.parse(req.query));
  if (body) req.body = body.parse(req.body);
  next();
};
`,
    },
    code: `import { Router } from 'express';
import { z } from 'zod';
import { validate } from '../middleware/validate';
import { db } from '../db';

export const projects = Router();
const idParams = z.object({ id: z.string().uuid() });

projects.get('/projects/:id/tasks', validate({ params: idParams }), async (req, res) => {
  res.json(await db.task.findMany({ where: { projectId: req.params.id, status: req.query.status } }));
});
`,
    errors: [{ line: 10, column: 80, endLine: 10, endColumn: 89, message: '`req.query` reaches the handler of GET /projects/:id/tasks without validation; validate it with a schema.' }],
    output: `import { Router } from 'express';
import { z } from 'zod';
import { validate } from '../middleware/validate';
import { db } from '../db';

export const projects = Router();
const idParams = z.object({ id: z.string().uuid() });

const getProjectsIdTasksQuery = z.object({
  status: z.string().optional(),
});

projects.get('/projects/:id/tasks', validate({ params: idParams }), async (req, res) => {
  const parsedQuery = getProjectsIdTasksQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  res.json(await db.task.findMany({ where: { projectId: req.params.id, status: req.query.status } }));
});
`,
  },
  {
    name: 'Fastify: a route on the instance typed with withTypeProvider, without a body schema',
    flavour: 'fastify5',
    filename: 'server/routes/torrents.ts',
    code: `import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { torrents } from '../services/torrents';

export default async function torrentRoutes(fastify: FastifyInstance) {
  const typed = fastify.withTypeProvider<ZodTypeProvider>();

  typed.put('/torrents/:id', async (request) => {
    return torrents.update(request.params.id, request.body);
  });
}
`,
    errors: [{ line: 9, column: 47, endLine: 9, endColumn: 59, message: '`request.body` reaches the handler of PUT /torrents/:id without validation; validate it with a schema.' }],
    output: `import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { torrents } from '../services/torrents';
import { z } from 'zod';

export default async function torrentRoutes(fastify: FastifyInstance) {
  const typed = fastify.withTypeProvider<ZodTypeProvider>();

  typed.put('/torrents/:id', {
    schema: {
      body: z.looseObject({}),
    },
  }, async (request) => {
    return torrents.update(request.params.id, request.body);
  });
}
`,
  },
  {
    name: 'a validator of one field leaves the other fields of the body unvetted',
    flavour: 'express4',
    filename: 'src/controllers/auth.js',
    code: `const bcrypt = require('bcryptjs');
const User = require('../models/User');
const Validators = require('../utils/validators');

exports.login = async (req, res) => {
  const { email, password } = req.body;
  if (!Validators.validateEmail(email)) return res.status(400).json({ message: 'Invalid email' });
  const user = await User.findOne({ email });
  res.json({ ok: Boolean(user) && (await bcrypt.compare(password, user.password)) });
};
`,
    errors: [{ line: 6, column: 31, endLine: 6, endColumn: 39, message: '`req.body` reaches the handler `login` without validation; validate it with a schema.' }],
    output: `const bcrypt = require('bcryptjs');
const User = require('../models/User');
const Validators = require('../utils/validators');
const { z } = require('zod');

const loginBody = z.object({
  email: z.string(),
  password: z.string(),
});

exports.login = async (req, res) => {
  const parsedBody = loginBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  const { email, password } = req.body;
  if (!Validators.validateEmail(email)) return res.status(400).json({ message: 'Invalid email' });
  const user = await User.findOne({ email });
  res.json({ ok: Boolean(user) && (await bcrypt.compare(password, user.password)) });
};
`,
  },
  {
    name: 'a page size given only a lower bound, and a reshaping helper, leave the query unvetted',
    flavour: 'express4',
    filename: 'src/routes/books.js',
    code: `const express = require('express');
const Book = require('../models/Book');

const router = express.Router();
const toArray = (value) => (Array.isArray(value) ? value : [value]);

router.get('/books', async (req, res) => {
  const limit = Math.max(Number(req.query.limit) || 20, 1);
  const authors = toArray(req.query.author);
  res.json(await Book.find({ author: { $in: authors } }).limit(limit));
});

module.exports = router;
`,
    errors: [{ line: 8, column: 33, endLine: 8, endColumn: 42, message: '`req.query` reaches the handler of GET /books without validation; validate it with a schema.' }],
    output: `const express = require('express');
const Book = require('../models/Book');
const { z } = require('zod');

const router = express.Router();
const toArray = (value) => (Array.isArray(value) ? value : [value]);

const getBooksQuery = z.object({
  limit: z.coerce.number().optional(),
  author: z.string().optional(),
});

router.get('/books', async (req, res) => {
  const parsedQuery = getBooksQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  const limit = Math.max(Number(req.query.limit) || 20, 1);
  const authors = toArray(req.query.author);
  res.json(await Book.find({ author: { $in: authors } }).limit(limit));
});

module.exports = router;
`,
  },
  {
    name: 'a record looked up by a body field and then sanitized for the response: the body is still unvetted',
    flavour: 'express4',
    filename: 'backend/controllers/Auth.js',
    code: `const User = require('../models/User');
const { sanitizeUser } = require('../utils/SanitizeUser');

exports.forgotPassword = async (req, res) => {
  const existing = await User.findOne({ email: req.body.email });
  if (!existing) return res.status(404).json({ message: 'Provided email does not exist' });
  res.json(sanitizeUser(existing));
};
`,
    errors: [{ line: 5, column: 48, endLine: 5, endColumn: 56, message: '`req.body` reaches the handler `forgotPassword` without validation; validate it with a schema.' }],
    output: `const User = require('../models/User');
const { sanitizeUser } = require('../utils/SanitizeUser');
const { z } = require('zod');

const forgotPasswordBody = z.object({
  email: z.string(),
});

exports.forgotPassword = async (req, res) => {
  const parsedBody = forgotPasswordBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  const existing = await User.findOne({ email: req.body.email });
  if (!existing) return res.status(404).json({ message: 'Provided email does not exist' });
  res.json(sanitizeUser(existing));
};
`,
  },
  {
    name: 'the whole request handed to a repository that writes body fields to the database',
    flavour: 'express4',
    filename: 'src/controller/userController.ts',
    files: {
      'src/repository/userRepository.ts': `import type { Request } from 'express';
import { AppDataSource } from '../data-source';
import { User } from '../entity/User';

const users = AppDataSource.getRepository(User);

export const saveUser = async (req: Request): Promise<User | null> => {
  const user = await users.findOne({ where: { id: req.params.id } });
  if (!user) return null;
  user.name = req.body.name || user.name;
  user.isAdmin = Boolean(req.body.isAdmin);
  return users.save(user);
};
`,
      'src/routes.ts': `import { Router } from 'express';
import { updateUser } from './controller/userController';

export const routes = Router();
routes.put('/api/users/:id', updateUser);
`,
    },
    code: `import type { Request, Response } from 'express';
import { saveUser } from '../repository/userRepository';

export const updateUser = async (req: Request, res: Response) => {
  const updated = await saveUser(req);
  if (!updated) return res.status(404).json({ message: 'User not found' });
  res.json({ id: updated.id, name: updated.name });
};
`,
    errors: [{ line: 5, column: 34, endLine: 5, endColumn: 37, message: '`req.body` reaches the handler of PUT /api/users/:id without validation; validate it with a schema.' }],
    output: `import type { Request, Response } from 'express';
import { saveUser } from '../repository/userRepository';
import { z } from 'zod';

const updateUserBody = z.object({
  name: z.string().optional(),
  isAdmin: z.boolean(),
});

export const updateUser = async (req: Request, res: Response) => {
  const parsedBody = updateUserBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  const updated = await saveUser(req);
  if (!updated) return res.status(404).json({ message: 'User not found' });
  res.json({ id: updated.id, name: updated.name });
};
`,
  },
  {
    name: 'the whole request handed to the service a class controller constructs, which writes body fields unchecked',
    flavour: 'express4',
    filename: 'src/controllers/users.controller.js',
    files: {
      'src/services/users.service.js': `const { User } = require('../models/user');

class UsersService {
  async update(req) {
    return User.findByIdAndUpdate(req.params.id, { name: req.body.name, role: req.body.role }, { new: true });
  }
}

module.exports = { UsersService };
`,
      'src/routes.js': `const { Router } = require('express');
const { UsersController } = require('./controllers/users.controller');

const controller = new UsersController();
const router = Router();
router.put('/users/:id', (req, res) => controller.update(req, res));

module.exports = router;
`,
    },
    code: `const { UsersService } = require('../services/users.service');

class UsersController {
  constructor() {
    this.service = new UsersService();
  }

  async update(req, res) {
    res.json(await this.service.update(req));
  }
}

module.exports = { UsersController };
`,
    errors: [{ line: 9, column: 40, endLine: 9, endColumn: 43, message: '`req.body` reaches the handler `update` without validation; validate it with a schema.' }],
    output: `const { UsersService } = require('../services/users.service');
const { z } = require('zod');

const updateBody = z.object({
  name: z.string(),
  role: z.unknown(),
});

class UsersController {
  constructor() {
    this.service = new UsersService();
  }

  async update(req, res) {
    const parsedBody = updateBody.safeParse(req.body);
    if (!parsedBody.success) {
      res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
      return;
    }
    req.body = parsedBody.data;
    res.json(await this.service.update(req));
  }
}

module.exports = { UsersController };
`,
  },
  {
    name: 'typeof … === \'undefined\' only asks whether a field was sent',
    flavour: 'express4',
    filename: 'src/routes/auth.ts',
    code: `import { Router } from 'express';
import { prisma } from '../prisma';

export const auth = Router();

auth.post('/login', async (req, res) => {
  const { email, password } = req.body;
  if (typeof email === 'undefined' || typeof password === 'undefined') {
    return res.status(400).json({ message: 'Email and password are required' });
  }
  const user = await prisma.user.findFirst({ where: { email } });
  res.json({ ok: Boolean(user) && password.length > 0 });
});
`,
    errors: [{ line: 7, column: 31, endLine: 7, endColumn: 39, message: '`req.body` reaches the handler of POST /login without validation; validate it with a schema.' }],
    output: `import { Router } from 'express';
import { prisma } from '../prisma';
import { z } from 'zod';

export const auth = Router();

const postLoginBody = z.object({
  email: z.string(),
  password: z.string(),
});

auth.post('/login', async (req, res) => {
  const parsedBody = postLoginBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  const { email, password } = req.body;
  if (typeof email === 'undefined' || typeof password === 'undefined') {
    return res.status(400).json({ message: 'Email and password are required' });
  }
  const user = await prisma.user.findFirst({ where: { email } });
  res.json({ ok: Boolean(user) && password.length > 0 });
});
`,
  },
  {
    name: 'a Fastify controller in another file that takes only the request and returns the result',
    flavour: 'fastify5',
    filename: 'src/category.controller.ts',
    files: {
      'src/category.routes.ts': `import type { FastifyInstance } from 'fastify';
import * as categoryController from './category.controller';

export default async function categoryRoutes(fastify: FastifyInstance) {
  fastify.put('/:id', categoryController.update);
}
`,
      'src/app.ts': `import Fastify from 'fastify';
import categoryRoutes from './category.routes';

const app = Fastify();
app.register(categoryRoutes, { prefix: '/api/categories' });
app.listen({ port: 3000 });
`,
    },
    code: `import type { FastifyRequest } from 'fastify';
import { prisma } from './prisma';

export async function update(request: FastifyRequest<{ Body: { name: string }; Params: { id: string } }>) {
  return prisma.category.update({ where: { id: Number(request.params.id) }, data: { name: request.body.name } });
}
`,
    errors: [{ line: 5, column: 91, endLine: 5, endColumn: 103, message: '`request.body` reaches the handler of PUT /api/categories/:id without validation; validate it with a schema.' }],
    output: `import type { FastifyRequest } from 'fastify';
import { prisma } from './prisma';

export async function update(request: FastifyRequest<{ Body: { name: string }; Params: { id: string } }>) {
  return prisma.category.update({ where: { id: Number(request.params.id) }, data: { name: request.body.name } });
}
`,
    outputFiles: {
      'src/category.routes.ts': `import type { FastifyInstance } from 'fastify';
import * as categoryController from './category.controller';

export default async function categoryRoutes(fastify: FastifyInstance) {
  fastify.put('/:id', {
    schema: {
      body: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
        },
      },
    },
  }, categoryController.update);
}
`,
    },
  },
  {
    name: 'a clamped page size does not vet the search term read next to it',
    flavour: 'express4',
    filename: 'backend/routes/listing.js',
    code: `const express = require('express');
const Listing = require('../models/Listing');

const router = express.Router();

router.get('/listings', async (req, res) => {
  const limit = Math.min(parseInt(req.query.limit) || 10, 50);
  const listings = await Listing.find({ $text: { $search: req.query.searchTerm } }).limit(limit);
  res.json(listings);
});

module.exports = router;
`,
    errors: [{ line: 8, column: 59, endLine: 8, endColumn: 68, message: '`req.query` reaches the handler of GET /listings without validation; validate it with a schema.' }],
    output: `const express = require('express');
const Listing = require('../models/Listing');
const { z } = require('zod');

const router = express.Router();

const getListingsQuery = z.object({
  limit: z.coerce.number().optional(),
  searchTerm: z.string().optional(),
});

router.get('/listings', async (req, res) => {
  const parsedQuery = getListingsQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  const limit = Math.min(parseInt(req.query.limit) || 10, 50);
  const listings = await Listing.find({ $text: { $search: req.query.searchTerm } }).limit(limit);
  res.json(listings);
});

module.exports = router;
`,
  },
  {
    name: 'a type check of one body field leaves the other fields unvetted',
    flavour: 'express4',
    filename: 'src/routes/tasks.js',
    code: `const express = require('express');
const Task = require('../models/task');

const router = express.Router();

router.post('/tasks', async (req, res) => {
  const { title, description, assignee } = req.body;
  if (typeof title !== 'string' || title.trim() === '') {
    return res.status(400).json({ error: 'title is required' });
  }
  const task = await Task.create({ title, description, assignee });
  res.status(201).json(task);
});

module.exports = router;
`,
    errors: [{ line: 7, column: 44, endLine: 7, endColumn: 52, message: '`req.body` reaches the handler of POST /tasks without validation; validate it with a schema.' }],
    output: `const express = require('express');
const Task = require('../models/task');
const { z } = require('zod');

const router = express.Router();

const postTasksBody = z.object({
  title: z.string(),
  description: z.string(),
  assignee: z.unknown(),
});

router.post('/tasks', async (req, res) => {
  const parsedBody = postTasksBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  const { title, description, assignee } = req.body;
  if (typeof title !== 'string' || title.trim() === '') {
    return res.status(400).json({ error: 'title is required' });
  }
  const task = await Task.create({ title, description, assignee });
  res.status(201).json(task);
});

module.exports = router;
`,
  },
  {
    name: 'a number check of the page size leaves the search text unvetted',
    flavour: 'fastify4',
    filename: 'src/routes/search.ts',
    code: `import type { FastifyInstance } from 'fastify';
import { searchProducts } from '../services/products';

export default async function searchRoutes(app: FastifyInstance) {
  app.get('/products/search', async (request, reply) => {
    const { q, limit } = request.query as { q: string; limit: string };
    const size = Number(limit);
    if (!Number.isInteger(size)) return reply.code(400).send({ message: 'limit must be an integer' });
    return searchProducts(q, size);
  });
}
`,
    errors: [{ line: 6, column: 26, endLine: 6, endColumn: 39, message: '`request.query` reaches the handler of GET /products/search without validation; validate it with a schema.' }],
    output: `import type { FastifyInstance } from 'fastify';
import { searchProducts } from '../services/products';

export default async function searchRoutes(app: FastifyInstance) {
  app.get('/products/search', {
    schema: {
      querystring: {
        type: 'object',
        properties: {
          q: { type: 'string' },
          limit: { type: 'string' },
        },
      },
    },
  }, async (request, reply) => {
    const { q, limit } = request.query as { q: string; limit: string };
    const size = Number(limit);
    if (!Number.isInteger(size)) return reply.code(400).send({ message: 'limit must be an integer' });
    return searchProducts(q, size);
  });
}
`,
  },
  {
    name: 'an allow-list check of one body field leaves the other fields unvetted',
    flavour: 'express5',
    filename: 'src/routes/task.js',
    code: `import express from 'express';
import Task from '../models/task.js';

const router = express.Router();

router.post('/tasks', async (req, res) => {
  const { title, description, status } = req.body;
  if (!['To Do', 'In Progress', 'Done'].includes(status)) {
    return res.status(400).send('Invalid status value');
  }
  const task = await Task.create({ title, description, status });
  res.status(201).json(task);
});

export default router;
`,
    errors: [{ line: 7, column: 42, endLine: 7, endColumn: 50, message: '`req.body` reaches the handler of POST /tasks without validation; validate it with a schema.' }],
    output: `import express from 'express';
import Task from '../models/task.js';
import { z } from 'zod';

const router = express.Router();

const postTasksBody = z.object({
  title: z.string(),
  description: z.string(),
  status: z.unknown(),
});

router.post('/tasks', async (req, res) => {
  const parsedBody = postTasksBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  const { title, description, status } = req.body;
  if (!['To Do', 'In Progress', 'Done'].includes(status)) {
    return res.status(400).send('Invalid status value');
  }
  const task = await Task.create({ title, description, status });
  res.status(201).json(task);
});

export default router;
`,
  },
    {
      name: 'a body field the auth middleware sets only when a token came, or copies from a header, is still client input',
      flavour: 'express4',
      filename: 'src/routes/notes.js',
      code: `const express = require('express');
const jwt = require('jsonwebtoken');
const Note = require('../models/note');

const optionalAuth = (req, res, next) => {
  const token = req.headers.authorization;
  if (token) req.body.userId = jwt.verify(token, process.env.JWT_SECRET).id;
  next();
};
const userFromHeader = (req, res, next) => {
  req.body.userId = req.headers['x-user-id'];
  next();
};

const router = express.Router();
router.post('/notes/list', optionalAuth, async (req, res) => res.json(await Note.find({ owner: req.body.userId })));
router.post('/notes/mine', userFromHeader, async (req, res) => res.json(await Note.find({ owner: req.body.userId })));

module.exports = router;
`,
      errors: [
        { line: 16, column: 96, endLine: 16, endColumn: 104 },
        { line: 17, column: 98, endLine: 17, endColumn: 106 },
      ],
      output: `const express = require('express');
const jwt = require('jsonwebtoken');
const Note = require('../models/note');
const { z } = require('zod');

const optionalAuth = (req, res, next) => {
  const token = req.headers.authorization;
  if (token) req.body.userId = jwt.verify(token, process.env.JWT_SECRET).id;
  next();
};
const userFromHeader = (req, res, next) => {
  req.body.userId = req.headers['x-user-id'];
  next();
};

const router = express.Router();
const postNotesListBody = z.object({
  userId: z.unknown(),
});

router.post('/notes/list', optionalAuth, async (req, res) => {
  const parsedBody = postNotesListBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  return res.json(await Note.find({ owner: req.body.userId }));
});
router.post('/notes/mine', userFromHeader, async (req, res) => res.json(await Note.find({ owner: req.body.userId })));

module.exports = router;
`,
    },
    {
      name: 'a Fastify handler declaring TypeScript\'s this parameter reads the query unvalidated',
      flavour: 'fastify4',
      filename: 'src/routes/raw.ts',
      files: {
        'src/server.ts': `import Fastify from 'fastify';
import rawRoute from './routes/raw';

const server = Fastify();
server.get('/r/:id', rawRoute.bind(server));
server.listen({ port: 3000 });
`,
      },
      code: `import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export default async function rawRoute(this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const { password } = req.query as { password: string };
  const file = await this.files.find(password);
  return reply.send(file);
}
`,
      errors: [{ line: 4, column: 24, endLine: 4, endColumn: 33, message: '`req.query` reaches the handler of GET /r/:id without validation; validate it with a schema.' }],
      output: `import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export default async function rawRoute(this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const { password } = req.query as { password: string };
  const file = await this.files.find(password);
  return reply.send(file);
}
`,
      outputFiles: {
        'src/server.ts': `import Fastify from 'fastify';
import rawRoute from './routes/raw';

const server = Fastify();
server.get('/r/:id', {
  schema: {
    querystring: {
      type: 'object',
      properties: {
        password: { type: 'string' },
      },
    },
  },
}, rawRoute.bind(server));
server.listen({ port: 3000 });
`,
      },
    },
    {
      name: 'an app-wide request logger that redacts a copy of the body validates nothing',
      flavour: 'express4',
      filename: 'src/app.js',
      files: {
        'src/logger.js': `function sanitizeObject(obj) {
  if (!obj || typeof obj !== 'object') return obj;
  const copy = { ...obj };
  for (const key of Object.keys(copy)) if (/password|token/i.test(key)) copy[key] = '********';
  return copy;
}

function requestLogger(req, res, next) {
  const body = sanitizeObject(req.body);
  console.info(JSON.stringify({ method: req.method, url: req.url, body }));
  next();
}

module.exports = { requestLogger };
`,
      },
      code: `const express = require('express');
const { requestLogger } = require('./logger');
const tools = require('./tools');

const app = express();
app.use(express.json());
app.use(requestLogger);

app.post('/api/tools', async (req, res, next) => {
  try {
    res.status(201).json(await tools.create({ name: req.body.name, func: req.body.func }));
  } catch (err) {
    next(err);
  }
});

module.exports = app;
`,
      errors: [{ line: 11, column: 53, endLine: 11, endColumn: 61, message: '`req.body` reaches the handler of POST /api/tools without validation; validate it with a schema.' }],
      output: `const express = require('express');
const { requestLogger } = require('./logger');
const tools = require('./tools');
const { z } = require('zod');

const app = express();
app.use(express.json());
app.use(requestLogger);

const postApiToolsBody = z.object({
  name: z.string(),
  func: z.unknown(),
});

app.post('/api/tools', async (req, res, next) => {
  const parsedBody = postApiToolsBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  try {
    res.status(201).json(await tools.create({ name: req.body.name, func: req.body.func }));
  } catch (err) {
    next(err);
  }
});

module.exports = app;
`,
    },
    {
      name: 'a query value converted to a number that nothing checks',
      flavour: 'fastify5',
      filename: 'src/routes/jobs.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { jobs } from '../services/jobs';

export default async function jobRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { cursor?: string } }>('/jobs/failed', async (req) => {
    const cursor = Number(req.query.cursor);
    const limit = 50;
    if (Number.isInteger(limit)) return jobs.listFailed(cursor, limit);
    return [];
  });
}
`,
      errors: [{ line: 6, column: 27, endLine: 6, endColumn: 36, message: '`req.query` reaches the handler of GET /jobs/failed without validation; validate it with a schema.' }],
      output: `import type { FastifyInstance } from 'fastify';
import { jobs } from '../services/jobs';

export default async function jobRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { cursor?: string } }>('/jobs/failed', {
    schema: {
      querystring: {
        type: 'object',
        properties: {
          cursor: { type: 'number' },
        },
      },
    },
  }, async (req) => {
    const cursor = Number(req.query.cursor);
    const limit = 50;
    if (Number.isInteger(limit)) return jobs.listFailed(cursor, limit);
    return [];
  });
}
`,
    },
    {
      name: 'client fields read next to the one the auth middleware set on the body',
      flavour: 'express4',
      filename: 'src/routes/notes.js',
      files: {
        'src/middleware/auth.js': AUTH_SETTING_USER_ON_BODY,
        'src/index.js': NOTES_APP,
      },
      code: `const express = require('express');
const Note = require('../models/note');
const { auth } = require('../middleware/auth');

const notesRouter = express.Router();
notesRouter.use(auth);

notesRouter.post('/create', async (req, res) => {
  const { title, body, userID } = req.body;
  const note = new Note({ title, body, userID });
  await note.save();
  res.status(201).send({ msg: 'Note created' });
});

module.exports = { notesRouter };
`,
      errors: [{ line: 9, column: 35, endLine: 9, endColumn: 43, message: '`req.body` reaches the handler of POST /notes/create without validation; validate it with a schema.' }],
      output: `const express = require('express');
const Note = require('../models/note');
const { auth } = require('../middleware/auth');
const { z } = require('zod');

const notesRouter = express.Router();
notesRouter.use(auth);

const postCreateBody = z.object({
  title: z.string(),
  body: z.unknown(),
  userID: z.unknown(),
});

notesRouter.post('/create', async (req, res) => {
  const parsedBody = postCreateBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const { title, body, userID } = req.body;
  const note = new Note({ title, body, userID });
  await note.save();
  res.status(201).send({ msg: 'Note created' });
});

module.exports = { notesRouter };
`,
    },
    {
      name: 'a field split off the body beside a rest that alone is parsed',
      flavour: 'express4',
      filename: 'src/app.ts',
      files: { 'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '^4.21.2', zod: '^3.23.8' } }, null, 2) },
      code: `import express from 'express';
import { z } from 'zod';
import { db } from './db';

const app = express();
app.use(express.json());

const Pet = z.object({ name: z.string(), species: z.string() });

app.post('/pets', async (req, res) => {
  const { ownerName, ...data } = req.body;
  const pet = Pet.parse(data);
  const owner = await db.owner.findFirst({ where: { name: ownerName } });
  res.status(201).json(await db.pet.create({ data: { ...pet, ownerId: owner.id } }));
});

app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  res.status(500).json({ error: 'Internal error' });
});
`,
      errors: [{ line: 11, column: 34, endLine: 11, endColumn: 42, message: '`req.body` reaches the handler of POST /pets without validation; validate it with a schema.' }],
      output: `import express from 'express';
import { z } from 'zod';
import { db } from './db';

const app = express();
app.use(express.json());

const Pet = z.object({ name: z.string(), species: z.string() });

const postPetsBody = z.object({
  ownerName: z.unknown(),
}).passthrough();

app.post('/pets', async (req, res) => {
  const parsedBody = postPetsBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const { ownerName, ...data } = req.body;
  const pet = Pet.parse(data);
  const owner = await db.owner.findFirst({ where: { name: ownerName } });
  res.status(201).json(await db.pet.create({ data: { ...pet, ownerId: owner.id } }));
});

app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  res.status(500).json({ error: 'Internal error' });
});
`,
    },
    {
      name: 'reported at the unchecked field, not at an allow-listed one read first',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const { Product } = require('./models');

const app = express();
const SORTS = ['price', 'name', 'createdAt'];

app.get('/products', async (req, res, next) => {
  try {
    const sort = SORTS.includes(req.query.sort) ? req.query.sort : 'createdAt';
    res.json(await Product.find({ category: req.query.category }).sort(sort));
  } catch (err) {
    next(err);
  }
});
`,
      errors: [{ line: 10, column: 45, endLine: 10, endColumn: 54, message: '`req.query` reaches the handler of GET /products without validation; validate it with a schema.' }],
      output: `const express = require('express');
const { Product } = require('./models');
const { z } = require('zod');

const app = express();
const SORTS = ['price', 'name', 'createdAt'];

const getProductsQuery = z.object({
  sort: z.string().optional(),
  category: z.string().optional(),
});

app.get('/products', async (req, res, next) => {
  const parsedQuery = getProductsQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  try {
    const sort = SORTS.includes(req.query.sort) ? req.query.sort : 'createdAt';
    res.json(await Product.find({ category: req.query.category }).sort(sort));
  } catch (err) {
    next(err);
  }
});
`,
    },
    {
      name: 'a list named valid… looked up with one converted field vets only that field',
      flavour: 'express4',
      filename: 'src/controllers/users.js',
      code: `const { User } = require('../models');

exports.updateUserRole = async (req, res) => {
  const { email, role } = req.body;
  if (!email || !role) return res.status(400).json({ message: 'Email and role are required' });
  const validRoles = [1, 2, 3];
  if (!validRoles.includes(Number(role))) return res.status(400).json({ message: 'Invalid role' });
  const user = await User.findOne({ where: { email } });
  if (!user) return res.status(404).json({ message: 'User not found' });
  user.role = Number(role);
  await user.save();
  res.json(user);
};
`,
      files: {
        'src/app.js': `const express = require('express');
const users = require('./controllers/users');

const app = express();
app.use(express.json());
app.post('/users/role', users.updateUserRole);
app.use((err, req, res, next) => res.status(500).json({ error: 'Internal error' }));
module.exports = app;
`,
      },
      errors: [{ line: 4, column: 27, endLine: 4, endColumn: 35, message: '`req.body` reaches the handler of POST /users/role without validation; validate it with a schema.' }],
      output: `const { User } = require('../models');
const { z } = require('zod');

const updateUserRoleBody = z.object({
  email: z.string(),
  role: z.coerce.number(),
});

exports.updateUserRole = async (req, res) => {
  const parsedBody = updateUserRoleBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  const { email, role } = req.body;
  if (!email || !role) return res.status(400).json({ message: 'Email and role are required' });
  const validRoles = [1, 2, 3];
  if (!validRoles.includes(Number(role))) return res.status(400).json({ message: 'Invalid role' });
  const user = await User.findOne({ where: { email } });
  if (!user) return res.status(404).json({ message: 'User not found' });
  user.role = Number(role);
  await user.save();
  res.json(user);
};
`,
    },
    {
      name: 'the raw body\'s text held in a variable and parsed with no signature check (no schema fix for raw bytes)',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const { verifySignature } = require('./provider');
const store = require('./store');

const app = express();

app.post('/webhooks/paypro', express.raw({ type: 'application/json' }), async (req, res) => {
  const rawBody = req.body.toString('utf8');
  console.info('paypro event received');
  const event = JSON.parse(rawBody);
  await store.credit(event.data.id, event.data.amount);
  res.json({ received: true });
});
`,
      errors: [{ line: 8, column: 19, endLine: 8, endColumn: 27, message: '`req.body` reaches the handler of POST /webhooks/paypro without validation; validate it with a schema.' }],
    },
    {
      name: 'an optional date cursor built only when sent and never checked',
      flavour: 'express5',
      filename: 'src/app.ts',
      code: `import express from 'express';
import { auditLog } from './audit';

const app = express();

app.get('/audit-log', async (req, res) => {
  const before = req.query.before ? new Date(String(req.query.before)) : undefined;
  console.info('audit log read');
  res.json(await auditLog(50, before));
});
`,
      files: { 'src/audit.ts': `export async function auditLog(limit: number, before?: Date) {\n  return { limit, before };\n}\n` },
      errors: [{ line: 7, column: 53, endLine: 7, endColumn: 62, message: '`req.query` reaches the handler of GET /audit-log without validation; validate it with a schema.' }],
      output: `import express from 'express';
import { auditLog } from './audit';
import { z } from 'zod';

const app = express();

const getAuditLogQuery = z.object({
  before: z.string().optional(),
});

app.get('/audit-log', async (req, res) => {
  const parsedQuery = getAuditLogQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  const before = req.query.before ? new Date(String(req.query.before)) : undefined;
  console.info('audit log read');
  res.json(await auditLog(50, before));
});
`,
    },
    {
      name: 'checkout fields signed with the server\'s HMAC but stored whatever the signature says',
      flavour: 'express5',
      filename: 'src/controllers/payment.js',
      code: `import crypto from 'node:crypto';
import { Payment } from '../models/payment.js';

export const verifyPayment = async (req, res) => {
  const { razorpay_order_id, razorpay_payment_id, razorpay_signature } = req.body;
  const sign = razorpay_order_id + '|' + razorpay_payment_id;
  const expectedSignature = crypto.createHmac('sha256', process.env.RAZORPAY_KEY_SECRET).update(sign.toString()).digest('hex');
  console.info('payment signature', expectedSignature === razorpay_signature ? 'matches' : 'differs');
  await Payment.create({ orderId: razorpay_order_id, paymentId: razorpay_payment_id });
  res.status(201).json({ verified: true });
};
`,
      files: {
        'src/app.js': `import express from 'express';
import { verifyPayment } from './controllers/payment.js';

const app = express();
app.use(express.json());
app.post('/api/payment/verify', verifyPayment);
export default app;
`,
      },
      errors: [{ line: 5, column: 74, endLine: 5, endColumn: 82, message: '`req.body` reaches the handler of POST /api/payment/verify without validation; validate it with a schema.' }],
      output: `import crypto from 'node:crypto';
import { Payment } from '../models/payment.js';
import { z } from 'zod';

const verifyPaymentBody = z.object({
  razorpay_order_id: z.unknown(),
  razorpay_payment_id: z.unknown(),
  razorpay_signature: z.unknown(),
});

export const verifyPayment = async (req, res) => {
  const parsedBody = verifyPaymentBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const { razorpay_order_id, razorpay_payment_id, razorpay_signature } = req.body;
  const sign = razorpay_order_id + '|' + razorpay_payment_id;
  const expectedSignature = crypto.createHmac('sha256', process.env.RAZORPAY_KEY_SECRET).update(sign.toString()).digest('hex');
  console.info('payment signature', expectedSignature === razorpay_signature ? 'matches' : 'differs');
  await Payment.create({ orderId: razorpay_order_id, paymentId: razorpay_payment_id });
  res.status(201).json({ verified: true });
};
`,
    },
    {
      name: 'a strict parser of the file whose null answer falls back to today',
      flavour: 'express4',
      filename: 'src/routes/calendar.js',
      code: `const express = require('express');
const { Calendar } = require('../models');

const router = express.Router();

// strict: a string of the exact format, else null
function parseDay(input) {
  if (typeof input !== 'string' || !/^\\d{4}-\\d{2}-\\d{2}$/.test(input)) return null;
  const day = new Date(input + 'T00:00:00Z');
  return Number.isNaN(day.getTime()) ? null : day;
}

router.get('/calendar', async (req, res) => {
  const day = parseDay(req.query.date);
  res.json(await Calendar.findAll({ where: { day: day ?? new Date() } }));
});

module.exports = router;
`,
      errors: [{ line: 14, column: 24, endLine: 14, endColumn: 33, message: '`req.query` reaches the handler of GET /calendar without validation; validate it with a schema.' }],
      output: `const express = require('express');
const { Calendar } = require('../models');
const { z } = require('zod');

const router = express.Router();

// strict: a string of the exact format, else null
function parseDay(input) {
  if (typeof input !== 'string' || !/^\\d{4}-\\d{2}-\\d{2}$/.test(input)) return null;
  const day = new Date(input + 'T00:00:00Z');
  return Number.isNaN(day.getTime()) ? null : day;
}

const getCalendarQuery = z.object({
  date: z.string().optional(),
});

router.get('/calendar', async (req, res) => {
  const parsedQuery = getCalendarQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  const day = parseDay(req.query.date);
  res.json(await Calendar.findAll({ where: { day: day ?? new Date() } }));
});

module.exports = router;
`,
    },
    {
      name: 'a field that must only contain a pattern somewhere, or the request is turned away',
      flavour: 'express4',
      filename: 'src/routes/export.js',
      code: `const express = require('express');
const { expenses } = require('../db');

const router = express.Router();

// GET /export?month=2024-03
router.get('/export', async (req, res) => {
  const month = String(req.query.month ?? '');
  if (!/\\d{4}-\\d{2}/.test(month)) return res.status(400).json({ message: 'month must look like YYYY-MM' });
  res.json(await expenses.approvedIn(month));
});

module.exports = router;
`,
      errors: [{ line: 8, column: 24, endLine: 8, endColumn: 33, message: '`req.query` reaches the handler of GET /export without validation; validate it with a schema.' }],
      output: `const express = require('express');
const { expenses } = require('../db');
const { z } = require('zod');

const router = express.Router();

const getExportQuery = z.object({
  month: z.string().optional(),
});

// GET /export?month=2024-03
router.get('/export', async (req, res) => {
  const parsedQuery = getExportQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
  }
  const month = String(req.query.month ?? '');
  if (!/\\d{4}-\\d{2}/.test(month)) return res.status(400).json({ message: 'month must look like YYYY-MM' });
  res.json(await expenses.approvedIn(month));
});

module.exports = router;
`,
    },
    {
      name: 'an allow-list written with indexOf that only logs a value not found',
      flavour: 'express4',
      filename: 'src/routes/admin.js',
      code: `var express = require('express');
var orders = require('../models/orders');

var router = express.Router();
var ORDER_STATUSES = ['pending', 'paid', 'shipped', 'cancelled'];

router.post('/orders/:id/status', function (req, res, next) {
  var status = req.body.status;
  if (ORDER_STATUSES.indexOf(status) === -1) console.warn('unknown status', status);
  orders.setStatus(req.params.id, status, function (err) {
    if (err) return next(err);
    res.json({ id: req.params.id, status: status });
  });
});

module.exports = router;
`,
      errors: [{ line: 8, column: 16, endLine: 8, endColumn: 24, message: '`req.body` reaches the handler of POST /orders/:id/status without validation; validate it with a schema.' }],
      output: `var express = require('express');
var orders = require('../models/orders');
const { z } = require('zod');

var router = express.Router();
var ORDER_STATUSES = ['pending', 'paid', 'shipped', 'cancelled'];

const postOrdersIdStatusBody = z.object({
  status: z.unknown(),
});

router.post('/orders/:id/status', function (req, res, next) {
  const parsedBody = postOrdersIdStatusBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  var status = req.body.status;
  if (ORDER_STATUSES.indexOf(status) === -1) console.warn('unknown status', status);
  orders.setStatus(req.params.id, status, function (err) {
    if (err) return next(err);
    res.json({ id: req.params.id, status: status });
  });
});

module.exports = router;
`,
    },
    {
      name: 'an Array.isArray guard of one field leaves the other fields unchecked',
      flavour: 'express4',
      filename: 'src/routes/orders.js',
      code: `const express = require('express');
const { Order } = require('../models/order');

const router = express.Router();

router.post('/orders', async (req, res) => {
  const { items, shippingAddress } = req.body;
  if (!Array.isArray(items) || items.length === 0) return res.status(400).json({ message: 'Cart is empty' });
  res.status(201).json(await Order.create({ items, shippingAddress }));
});

module.exports = router;
`,
      errors: [{ line: 7, column: 38, endLine: 7, endColumn: 46, message: '`req.body` reaches the handler of POST /orders without validation; validate it with a schema.' }],
      output: `const express = require('express');
const { Order } = require('../models/order');
const { z } = require('zod');

const router = express.Router();

const postOrdersBody = z.object({
  items: z.array(z.unknown()),
  shippingAddress: z.unknown(),
});

router.post('/orders', async (req, res) => {
  const parsedBody = postOrdersBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  const { items, shippingAddress } = req.body;
  if (!Array.isArray(items) || items.length === 0) return res.status(400).json({ message: 'Cart is empty' });
  res.status(201).json(await Order.create({ items, shippingAddress }));
});

module.exports = router;
`,
    },
    {
      name: 'a query value set on a filter in the branch where it is not on the list',
      flavour: 'express4',
      filename: 'src/routes/borrows.js',
      code: `const express = require('express');
const { Borrow } = require('../models');

const router = express.Router();
const STATUSES = ['issued', 'returned'];

router.get('/borrows', async (req, res) => {
  const filter = {};
  if (STATUSES.includes(req.query.status)) filter.status = 'issued'; else filter.status = req.query.status;
  res.json(await Borrow.find(filter));
});

module.exports = router;
`,
      errors: [{ line: 9, column: 91, endLine: 9, endColumn: 100, message: '`req.query` reaches the handler of GET /borrows without validation; validate it with a schema.' }],
      output: `const express = require('express');
const { Borrow } = require('../models');
const { z } = require('zod');

const router = express.Router();
const STATUSES = ['issued', 'returned'];

const getBorrowsQuery = z.object({
  status: z.string().optional(),
});

router.get('/borrows', async (req, res) => {
  const parsedQuery = getBorrowsQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  const filter = {};
  if (STATUSES.includes(req.query.status)) filter.status = 'issued'; else filter.status = req.query.status;
  res.json(await Borrow.find(filter));
});

module.exports = router;
`,
    },
    {
      name: 'a pattern check of one field does not vet the rest of the body',
      flavour: 'express4',
      filename: 'src/routes/users.js',
      files: { 'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '^4.21.2', zod: '^3.23.8' } }, null, 2) },
      code: `const express = require('express');
const User = require('../models/user');

const router = express.Router();
const emailRegex = /^[^@\\s]+@[^@\\s]+$/;

router.post('/users', async (req, res) => {
  if (!emailRegex.test(req.body.email)) return res.status(400).json({ message: 'Invalid email' });
  res.status(201).json(await User.create(req.body));
});

module.exports = router;
`,
      errors: [{ line: 9, column: 42, endLine: 9, endColumn: 50, message: '`req.body` reaches the handler of POST /users without validation; validate it with a schema.' }],
      output: `const express = require('express');
const User = require('../models/user');
const { z } = require('zod');

const router = express.Router();
const emailRegex = /^[^@\\s]+@[^@\\s]+$/;

const postUsersBody = z.object({
  email: z.string(),
}).passthrough();

router.post('/users', async (req, res) => {
  const parsedBody = postUsersBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  if (!emailRegex.test(req.body.email)) return res.status(400).json({ message: 'Invalid email' });
  res.status(201).json(await User.create(req.body));
});

module.exports = router;
`,
    },
    {
      name: 'express-validator 5: app.use(expressValidator()) only installs helpers, so the body is not validated',
      flavour: 'express4',
      filename: 'src/app.js',
      files: { 'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '4.17.1', 'express-validator': '5.3.1', zod: '^3.23.8' } }, null, 2) },
      code: `const express = require('express');
const expressValidator = require('express-validator');
const Store = require('./models/store');

const app = express();
app.use(express.json());
app.use(expressValidator());

app.post('/stores', async (req, res) => {
  const store = await new Store(req.body).save();
  res.status(201).json(store);
});

module.exports = app;
`,
      errors: [{ line: 10, column: 33, endLine: 10, endColumn: 41, message: '`req.body` reaches the handler of POST /stores without validation; validate it with a schema.' }],
      output: `const express = require('express');
const expressValidator = require('express-validator');
const Store = require('./models/store');
const { z } = require('zod');

const app = express();
app.use(express.json());
app.use(expressValidator());

const postStoresBody = z.object({}).passthrough();

app.post('/stores', async (req, res) => {
  const parsedBody = postStoresBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const store = await new Store(req.body).save();
  res.status(201).json(store);
});

module.exports = app;
`,
    },
    {
      name: 'celebrate that validates only the headers leaves the body unvalidated',
      flavour: 'express4',
      filename: 'src/app.js',
      files: { 'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '^4.21.2', celebrate: '^15.0.3' } }, null, 2) },
      code: `const express = require('express');
const { celebrate, errors, Segments, Joi } = require('celebrate');
const db = require('./db');

const app = express();
app.use(express.json());
app.put('/notes/:id', celebrate({ [Segments.HEADERS]: Joi.object({ authorization: Joi.string().required() }).unknown() }), async (req, res) => {
  const patch = req.body;
  res.json(await db.notes.update(req.params.id, patch));
});
app.use(errors());

module.exports = app;
`,
      errors: [{ line: 8, column: 17, endLine: 8, endColumn: 25, message: '`req.body` reaches the handler of PUT /notes/:id without validation; validate it with a schema.' }],
      output: `const express = require('express');
const { celebrate, errors, Segments, Joi } = require('celebrate');
const db = require('./db');
const { z } = require('zod');

const app = express();
app.use(express.json());
const putNotesIdBody = z.looseObject({});

app.put('/notes/:id', celebrate({ [Segments.HEADERS]: Joi.object({ authorization: Joi.string().required() }).unknown() }), async (req, res) => {
  const parsedBody = putNotesIdBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const patch = req.body;
  res.json(await db.notes.update(req.params.id, patch));
});
app.use(errors());

module.exports = app;
`,
    },
    {
      name: 'router POST destructuring the body: zod schema, check, zod added to package.json',
      flavour: 'express4',
      filename: 'src/routes/users.ts',
      code: `import { Router } from 'express';
import { prisma } from '../db';

const router = Router();

router.post('/users', async (req, res) => {
  const { email, password, age } = req.body;
  const user = await prisma.user.create({ data: { email: email.toLowerCase(), password, age: Number(age) } });
  res.status(201).json(user);
});

export default router;
`,
      errors: [{ line: 7, column: 36, endLine: 7, endColumn: 44, message: '`req.body` reaches the handler of POST /users without validation; validate it with a schema.' }],
      output: `import { Router } from 'express';
import { prisma } from '../db';
import { z } from 'zod';

const router = Router();

const postUsersBody = z.object({
  email: z.string(),
  password: z.string(),
  age: z.coerce.number(),
});

router.post('/users', async (req, res) => {
  const parsedBody = postUsersBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const { email, password, age } = req.body;
  const user = await prisma.user.create({ data: { email: email.toLowerCase(), password, age: Number(age) } });
  res.status(201).json(user);
});

export default router;
`,
      outputFiles: { 'package.json': `{
  "name": "fixture",
  "version": "1.0.0",
  "dependencies": {
    "express": "^4.21.2",
    "zod": "^4.1.0"
  }
}` },
    },
    {
      name: 'controller mounted in another file without validation (route graph gives the full path)',
      flavour: 'express4',
      filename: 'src/controllers/orders.ts',
      files: {
        'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '^4.21.2', joi: '^17.13.3' } }, null, 2),
        'src/routes/orders.ts': ORDERS_ROUTES(''),
        'src/app.ts': ORDERS_APP,
      },
      code: ORDERS_CONTROLLER,
      errors: [{ line: 5, column: 36, endLine: 5, endColumn: 44, message: '`req.body` reaches the handler of POST /api/v1/orders without validation; validate it with a schema.' }],
      output: `import type { Request, Response } from 'express';
import { orders } from '../services/orders';
import { z } from 'zod';

const placeOrderBody = z.object({
  items: z.unknown(),
});

export async function placeOrder(req: Request, res: Response) {
  const parsedBody = placeOrderBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const order = await orders.place(req.body.items);
  res.status(201).json(order);
}
`,
      outputFiles: {
        'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '^4.21.2', joi: '^17.13.3', zod: '^4.1.0' } }, null, 2),
      },
    },
    {
      name: 'an app-wide sanitizing middleware is not validation',
      flavour: 'express4',
      filename: 'src/server.js',
      code: `const express = require('express');
const { sanitizeMiddleware } = require('./middleware/sanitize');
const tickets = require('./tickets');

const app = express();
app.use(express.json());
app.use(sanitizeMiddleware);

app.post('/tickets', async (req, res) => {
  const ticket = await tickets.open(req.body.subject, req.body.priority);
  res.status(201).json(ticket);
});

module.exports = app;
`,
      errors: [{ line: 10, column: 37, endLine: 10, endColumn: 45, message: '`req.body` reaches the handler of POST /tickets without validation; validate it with a schema.' }],
      output: `const express = require('express');
const { sanitizeMiddleware } = require('./middleware/sanitize');
const tickets = require('./tickets');
const { z } = require('zod');

const app = express();
app.use(express.json());
app.use(sanitizeMiddleware);

const postTicketsBody = z.object({
  subject: z.string(),
  priority: z.unknown(),
});

app.post('/tickets', async (req, res) => {
  const parsedBody = postTicketsBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const ticket = await tickets.open(req.body.subject, req.body.priority);
  res.status(201).json(ticket);
});

module.exports = app;
`,
      outputFiles: {
        'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '^4.21.2', zod: '^4.1.0' } }, null, 2),
      },
    },
    {
      name: 'Fastify handler mounted from a routes file whose schema only hides the route: the schema goes there',
      flavour: 'fastify5',
      filename: 'src/controllers/auth.controller.ts',
      files: {
        'src/routes/auth.route.ts': IMPERSONATE_ROUTES,
        'src/app.ts': `import Fastify from 'fastify';
import authRoutes from './routes/auth.route';

export const app = Fastify();
app.register(authRoutes, { prefix: '/api' });
`,
      },
      code: IMPERSONATE_CONTROLLER,
      errors: [{ line: 5, column: 24, endLine: 5, endColumn: 36, message: '`request.body` reaches the handler of POST /api/auth/impersonate without validation; validate it with a schema.' }],
      output: IMPERSONATE_CONTROLLER,
      outputFiles: {
        'src/routes/auth.route.ts': `import type { FastifyInstance } from 'fastify';
import { impersonate } from '../controllers/auth.controller';

export default async function authRoutes(server: FastifyInstance) {
  server.post('/auth/impersonate', {
    schema: {
      body: {
        type: 'object',
        required: ['username'],
        properties: {
          username: { type: 'string' },
        },
      },
      hide: true,
    },
  }, impersonate);
}
`,
      },
    },
    {
      name: 'GET list reading numbers and text from the query',
      flavour: 'express5',
      filename: 'src/routes/products.ts',
      code: `import { Router, type Request, type Response } from 'express';
import { productRepository } from '../repositories/product';

export const productsRouter = Router();

export async function listProducts(req: Request, res: Response) {
  const page = Number(req.query.page) || 1;
  const search = String(req.query.search ?? '');
  const products = await productRepository.list({ page, search: search.trim() });
  res.json(products);
}

productsRouter.get('/products', listProducts);
`,
      errors: [{ line: 7, column: 23, endLine: 7, endColumn: 32, message: '`req.query` reaches the handler of GET /products without validation; validate it with a schema.' }],
      output: `import { Router, type Request, type Response } from 'express';
import { productRepository } from '../repositories/product';
import { z } from 'zod';

export const productsRouter = Router();

const listProductsQuery = z.object({
  page: z.coerce.number().optional(),
  search: z.string().optional(),
});

export async function listProducts(req: Request, res: Response) {
  const parsedQuery = listProductsQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  const page = Number(req.query.page) || 1;
  const search = String(req.query.search ?? '');
  const products = await productRepository.list({ page, search: search.trim() });
  res.json(products);
}

productsRouter.get('/products', listProducts);
`,
      outputFiles: { 'package.json': `{
  "name": "fixture",
  "version": "1.0.0",
  "dependencies": {
    "express": "^5.1.0",
    "zod": "^4.1.0"
  }
}` },
    },
    {
      name: 'CommonJS login handler in a project on zod 3: require style, no package.json change',
      flavour: 'express4',
      filename: 'src/routes/auth.js',
      files: ZOD3_PROJECT,
      code: `'use strict';

const express = require('express');
const bcrypt = require('bcrypt');
const User = require('../models/user');

const router = express.Router();

router.post('/login', async function login(req, res) {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) {
    return res.status(401).json({ message: 'Invalid credentials' });
  }
  return res.json({ id: user.id });
});

module.exports = router;
`,
      errors: [{ line: 10, column: 44, endLine: 10, endColumn: 52 }],
      output: `'use strict';

const express = require('express');
const bcrypt = require('bcrypt');
const User = require('../models/user');
const { z } = require('zod');

const router = express.Router();

const loginBody = z.object({
  email: z.string(),
  password: z.string(),
});

router.post('/login', async function login(req, res) {
  const parsedBody = loginBody.safeParse(req.body);
  if (!parsedBody.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
  }
  req.body = parsedBody.data;
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) {
    return res.status(401).json({ message: 'Invalid credentials' });
  }
  return res.json({ id: user.id });
});

module.exports = router;
`,
      outputFiles: { 'package.json': ZOD3_PROJECT['package.json'] },
    },
    {
      name: 'ESM JavaScript destructuring the body from the request',
      flavour: 'express4',
      esm: true,
      filename: 'src/routes/comments.js',
      code: `import express from 'express';
import { Comment } from '../models/comment.js';

export const router = express.Router();

router.put('/comments/:id', async (req, res) => {
  const { body, params } = req;
  const comment = await Comment.findByIdAndUpdate(params.id, { text: body.text, rating: body.rating * 1 });
  res.json(comment);
});
`,
      errors: [{ line: 7, column: 11, endLine: 7, endColumn: 15, message: '`req.body` reaches the handler of PUT /comments/:id without validation; validate it with a schema.' }],
      output: `import express from 'express';
import { Comment } from '../models/comment.js';
import { z } from 'zod';

export const router = express.Router();

const putCommentsIdBody = z.object({
  text: z.string(),
  rating: z.coerce.number(),
});

router.put('/comments/:id', async (req, res) => {
  const parsedBody = putCommentsIdBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const { body, params } = req;
  const comment = await Comment.findByIdAndUpdate(params.id, { text: body.text, rating: body.rating * 1 });
  res.json(comment);
});
`,
    },
    {
      name: 'request parameter destructured in the signature',
      flavour: 'express5',
      code: `import express from 'express';
import { sendInvite } from './invites';

const app = express();

app.post('/invites', async ({ body }, res) => {
  await sendInvite(body.email, body.role);
  res.status(202).json({ queued: true });
});
`,
      errors: [{ line: 6, column: 31, endLine: 6, endColumn: 35, message: '`req.body` reaches the handler of POST /invites without validation; validate it with a schema.' }],
      output: `import express from 'express';
import { sendInvite } from './invites';
import { z } from 'zod';

const app = express();

const postInvitesBody = z.object({
  email: z.string(),
  role: z.unknown(),
});

app.post('/invites', async ({ body }, res) => {
  const parsedBody = postInvitesBody.safeParse(body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  await sendInvite(body.email, body.role);
  res.status(202).json({ queued: true });
});
`,
    },
    {
      name: 'standalone controller in a project with no validation library',
      flavour: 'express4',
      filename: 'src/controllers/product.controller.ts',
      code: `import type { Request, Response } from 'express';
import { Product } from '../models/product';

/** Creates a product from the posted fields. */
export const createProduct = async (req: Request, res: Response) => {
  const product = await Product.create(req.body);
  res.status(201).json(product);
};
`,
      errors: [{ line: 6, column: 40, endLine: 6, endColumn: 48, message: '`req.body` reaches the handler `createProduct` without validation; validate it with a schema.' }],
      output: `import type { Request, Response } from 'express';
import { Product } from '../models/product';
import { z } from 'zod';

const createProductBody = z.looseObject({});

/** Creates a product from the posted fields. */
export const createProduct = async (req: Request, res: Response) => {
  const parsedBody = createProductBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const product = await Product.create(req.body);
  res.status(201).json(product);
};
`,
      outputFiles: { 'package.json': `{
  "name": "fixture",
  "version": "1.0.0",
  "dependencies": {
    "express": "^4.21.2",
    "zod": "^4.1.0"
  }
}` },
    },
    {
      name: 'auth middleware is not validation',
      flavour: 'express4',
      filename: 'src/routes/posts.js',
      code: `const { Router } = require('express');
const { requireAuth, validateToken } = require('../middleware/auth');
const Post = require('../models/post');

const router = Router();

router.post('/posts', requireAuth, validateToken, async (req, res, next) => {
  try {
    const post = await Post.create({ title: req.body.title, author: req.user.id });
    res.status(201).json(post);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
`,
      errors: [{ line: 9, column: 45, endLine: 9, endColumn: 53 }],
      output: `const { Router } = require('express');
const { requireAuth, validateToken } = require('../middleware/auth');
const Post = require('../models/post');
const { z } = require('zod');

const router = Router();

const postPostsBody = z.object({
  title: z.string(),
});

router.post('/posts', requireAuth, validateToken, async (req, res, next) => {
  const parsedBody = postPostsBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  try {
    const post = await Post.create({ title: req.body.title, author: req.user.id });
    res.status(201).json(post);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
`,
    },
    {
      name: 'body used before the schema parse',
      flavour: 'express5',
      code: `import express from 'express';
import { z } from 'zod';
import { audit } from './audit';
import { accounts } from './accounts';

const app = express();
const Transfer = z.object({ from: z.string(), to: z.string(), amount: z.number().positive() });

app.post('/transfers', async (req, res) => {
  await audit.record('transfer', req.body.from);
  const transfer = Transfer.parse(req.body);
  res.status(201).json(await accounts.transfer(transfer));
});
`,
      errors: [{ line: 10, column: 34, endLine: 10, endColumn: 42 }],
      output: `import express from 'express';
import { z } from 'zod';
import { audit } from './audit';
import { accounts } from './accounts';

const app = express();
const Transfer = z.object({ from: z.string(), to: z.string(), amount: z.number().positive() });

const postTransfersBody = z.looseObject({
  from: z.unknown(),
});

app.post('/transfers', async (req, res) => {
  const parsedBody = postTransfersBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  await audit.record('transfer', req.body.from);
  const transfer = Transfer.parse(req.body);
  res.status(201).json(await accounts.transfer(transfer));
});
`,
    },
    {
      name: 'Fastify shorthand without options: a route schema is added',
      flavour: 'fastify4',
      filename: 'src/routes/users.ts',
      code: `import type { FastifyInstance } from 'fastify';

export default async function users(fastify: FastifyInstance) {
  fastify.post('/users', async (request, reply) => {
    const { email, name } = request.body as { email: string; name: string };
    const user = await fastify.db.users.insert({ email, name });
    return reply.code(201).send(user);
  });
}
`,
      errors: [{ line: 5, column: 29, endLine: 5, endColumn: 41, message: '`request.body` reaches the handler of POST /users without validation; validate it with a schema.' }],
      output: `import type { FastifyInstance } from 'fastify';

export default async function users(fastify: FastifyInstance) {
  fastify.post('/users', {
    schema: {
      body: {
        type: 'object',
        required: ['email', 'name'],
        properties: {
          email: { type: 'string' },
          name: { type: 'string' },
        },
      },
    },
  }, async (request, reply) => {
    const { email, name } = request.body as { email: string; name: string };
    const user = await fastify.db.users.insert({ email, name });
    return reply.code(201).send(user);
  });
}
`,
    },
    {
      name: 'Fastify route() object without schema (CommonJS)',
      flavour: 'fastify5',
      filename: 'src/routes/search.js',
      code: `const fp = require('fastify-plugin');

module.exports = fp(async function search(fastify) {
  fastify.route({
    method: 'GET',
    url: '/search',
    handler: async (request) => {
      const limit = parseInt(request.query.limit, 10) || 20;
      return fastify.index.search(request.query.q, limit);
    },
  });
});
`,
      errors: [{ line: 8, column: 30, endLine: 8, endColumn: 43, message: '`request.query` reaches the handler of GET /search without validation; validate it with a schema.' }],
      output: `const fp = require('fastify-plugin');

module.exports = fp(async function search(fastify) {
  fastify.route({
    method: 'GET',
    url: '/search',
    schema: {
      querystring: {
        type: 'object',
        properties: {
          limit: { type: 'number' },
          q: { type: 'string' },
        },
      },
    },
    handler: async (request) => {
      const limit = parseInt(request.query.limit, 10) || 20;
      return fastify.index.search(request.query.q, limit);
    },
  });
});
`,
    },
    {
      name: 'Fastify schema that documents only the response',
      flavour: 'fastify5',
      code: `import Fastify from 'fastify';

const app = Fastify();

app.patch('/profile', {
  schema: {
    response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } },
  },
}, async (request) => {
  const { displayName, bio } = request.body as { displayName?: string; bio?: string };
  await app.profiles.update({ displayName, bio });
  return { ok: true };
});
`,
      errors: [{ line: 10, column: 32, endLine: 10, endColumn: 44 }],
      output: `import Fastify from 'fastify';

const app = Fastify();

app.patch('/profile', {
  schema: {
    body: {
      type: 'object',
      properties: {
        displayName: { type: 'string' },
        bio: { type: 'string' },
      },
    },
    response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } },
  },
}, async (request) => {
  const { displayName, bio } = request.body as { displayName?: string; bio?: string };
  await app.profiles.update({ displayName, bio });
  return { ok: true };
});
`,
    },
    {
      name: 'whole req.params handed to a query',
      flavour: 'express4',
      filename: 'src/routes/files.js',
      code: `const express = require('express');
const File = require('../models/file');

const router = express.Router();

router.get('/users/:owner/files/:name', async (req, res) => {
  const file = await File.findOne(req.params);
  res.json(file);
});

module.exports = router;
`,
      errors: [{ line: 7, column: 35, endLine: 7, endColumn: 45, message: '`req.params` reaches the handler of GET /users/:owner/files/:name without validation; validate it with a schema.' }],
      output: `const express = require('express');
const File = require('../models/file');
const { z } = require('zod');

const router = express.Router();

const getUsersOwnerFilesNameParams = z.looseObject({
  owner: z.string(),
  name: z.string(),
});

router.get('/users/:owner/files/:name', async (req, res) => {
  const parsedParams = getUsersOwnerFilesNameParams.safeParse(req.params);
  if (!parsedParams.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid path parameters', details: parsedParams.error.issues } });
    return;
  }
  const file = await File.findOne(req.params);
  res.json(file);
});

module.exports = router;
`,
    },
    {
      name: 'concise arrow handler reading the query',
      flavour: 'express5',
      code: `import express from 'express';
import { search } from './search';

const app = express();

app.get('/search', (req, res) => res.json(search(req.query.term)));
`,
      errors: [{ line: 6, column: 50, endLine: 6, endColumn: 59 }],
      output: `import express from 'express';
import { search } from './search';
import { z } from 'zod';

const app = express();

const getSearchQuery = z.object({
  term: z.string().optional(),
});

app.get('/search', (req, res) => {
  const parsedQuery = getSearchQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    return res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
  }
  return res.json(search(req.query.term));
});
`,
    },
    {
      name: 'handler shared by a validated and an unvalidated route',
      flavour: 'express4',
      code: `import express, { type Request, type Response } from 'express';
import { validate } from './validate';
import { noteSchema } from './schemas';
import { notes } from './notes';

const app = express();

async function saveNote(req: Request, res: Response) {
  res.json(await notes.save(req.body.text));
}

app.post('/notes', validate(noteSchema), saveNote);
app.put('/notes/legacy', saveNote);
`,
      errors: [{ line: 9, column: 29, endLine: 9, endColumn: 37, message: '`req.body` reaches the handler of PUT /notes/legacy without validation; validate it with a schema.' }],
      output: `import express, { type Request, type Response } from 'express';
import { validate } from './validate';
import { noteSchema } from './schemas';
import { notes } from './notes';
import { z } from 'zod';

const app = express();

const saveNoteBody = z.object({
  text: z.string(),
});

async function saveNote(req: Request, res: Response) {
  const parsedBody = saveNoteBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  res.json(await notes.save(req.body.text));
}

app.post('/notes', validate(noteSchema), saveNote);
app.put('/notes/legacy', saveNote);
`,
    },
    {
      name: 'exported controllers that answer through a response helper and pass errors to next(err)',
      flavour: 'express4',
      filename: 'src/controllers/author.controller.ts',
      files: {
        'src/app.ts': `import express from 'express';
import { createAuthor } from './controllers/author.controller';

const app = express();
app.use(express.json());
app.post('/authors', createAuthor);
export default app;
`,
      },
      code: `import type { NextFunction, Request, Response } from 'express';
import { db } from '../db';

const sendSuccess = (res: Response, data: unknown, status = 200) => res.status(status).json({ data });

export const createAuthor = async (req: Request, res: Response, next: NextFunction) => {
  try {
    const author = await db.author.create({ data: req.body });
    sendSuccess(res, author, 201);
  } catch (err) {
    next(err);
  }
};
`,
      errors: [{ line: 8, column: 51, endLine: 8, endColumn: 59, message: '`req.body` reaches the handler of POST /authors without validation; validate it with a schema.' }],
      output: `import type { NextFunction, Request, Response } from 'express';
import { db } from '../db';
import { z } from 'zod';

const sendSuccess = (res: Response, data: unknown, status = 200) => res.status(status).json({ data });

const createAuthorBody = z.looseObject({});

export const createAuthor = async (req: Request, res: Response, next: NextFunction) => {
  const parsedBody = createAuthorBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  try {
    const author = await db.author.create({ data: req.body });
    sendSuccess(res, author, 201);
  } catch (err) {
    next(err);
  }
};
`,
    },
    {
      name: 'body and query both unvalidated; zod already imported',
      flavour: 'express4',
      files: {
        'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { express: '^4.21.2', zod: '^4.1.0' } }, null, 2),
      },
      code: `import express from 'express';
import * as z from 'zod';
import { reports } from './reports';

export const Env = z.object({ PORT: z.coerce.number() });
const app = express();

app.post('/reports', async (req, res) => {
  const report = await reports.generate({ format: req.query.format }, req.body.range);
  res.status(201).json(report);
});
`,
      errors: [{ line: 9, column: 51, endLine: 9, endColumn: 60, message: '`req.query` and `req.body` reach the handler of POST /reports without validation; validate them with a schema.' }],
      output: `import express from 'express';
import * as z from 'zod';
import { reports } from './reports';

export const Env = z.object({ PORT: z.coerce.number() });
const app = express();

const postReportsQuery = z.object({
  format: z.string().optional(),
});

const postReportsBody = z.object({
  range: z.unknown(),
});

app.post('/reports', async (req, res) => {
  const parsedQuery = postReportsQuery.safeParse(req.query);
  if (!parsedQuery.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid query parameters', details: parsedQuery.error.issues } });
    return;
  }
  const parsedBody = postReportsBody.safeParse(req.body);
  if (!parsedBody.success) {
    res.status(422).json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid request body', details: parsedBody.error.issues } });
    return;
  }
  req.body = parsedBody.data;
  const report = await reports.generate({ format: req.query.format }, req.body.range);
  res.status(201).json(report);
});
`,
    },
  ],
});
