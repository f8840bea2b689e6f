import { runRuleTests } from '../../../test/helpers/rule-tester';
import rule from './wrong-status-code';

/** Envelope helpers of a `utils/response` module, answering with the response they are handed. */
const RESPONSE_HELPERS: Record<string, string> = {
  'src/utils/response.ts': `import type { Response } from 'express';

export const sendSuccess = (res: Response, data: unknown, message = 'Success', statusCode = 200) => {
  return res.status(statusCode).json({ success: true, message, data });
};

export const sendError = (res: Response, message = 'Something went wrong', statusCode = 500) => {
  return res.status(statusCode).json({ success: false, message });
};
`,
};

runRuleTests(rule, {
  valid: [
    {
      name: 'a controller method named create… that an inline PATCH route hands its request to',
      flavour: 'fastify4',
      filename: 'src/routes/pets/pet.controller.ts',
      code: `import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PetService } from './pet.service';

export class PetController {
  constructor(private readonly service: PetService) {}

  async createRelation(req: FastifyRequest<{ Params: { petId: string; shelterId: string } }>, reply: FastifyReply): Promise<void> {
    const pet = await this.service.createRelation(Number(req.params.petId), Number(req.params.shelterId));
    reply.status(200).send(pet);
  }
}
`,
      files: { 'src/routes/pets/index.ts': `import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PetController } from './pet.controller';
import { PetService } from './pet.service';

const petController = new PetController(new PetService());

export default async function pets(fastify: FastifyInstance) {
  fastify.patch('/:petId/shelters/:shelterId', async (req: FastifyRequest<{ Params: { petId: string; shelterId: string } }>, reply) => {
    await petController.createRelation(req, reply);
  });
}
`, 'src/routes/pets/pet.service.ts': `export class PetService {
  async createRelation(petId: number, shelterId: number) {
    return { id: petId, shelterId };
  }
}
`, 'src/app.ts': `import Fastify from 'fastify';
import pets from './routes/pets';

const app = Fastify();
app.register(pets, { prefix: '/pets' });
export default app;
` },
    },
    {
      name: 'a create-named handler whose only creation is a payment provider\'s order',
      flavour: 'express5',
      filename: 'src/controllers/payment.js',
      code: `import razorpay from '../config/razorpay.js';
import { Order } from '../models/order.js';

// asks the payment provider for a checkout order, like a Stripe checkout session
export const createOrderController = async (req, res) => {
  const order = await razorpay.orders.create({ amount: 2000, currency: 'INR', receipt: 'receipt_' + Date.now() });
  res.status(200).json(order);
};
`,
      files: {
        'src/routes/payment.js': `import { Router } from 'express';
import { createOrderController } from '../controllers/payment.js';

const router = Router();
router.post('/orders', createOrderController);
export default router;
`,
        'src/app.js': `import express from 'express';
import payment from './routes/payment.js';

const app = express();
app.use(express.json());
app.use('/api/payment', payment);
export default app;
`,
      },
    },
    {
      name: 'an action on one record answered 200 although it stores an enrollment (POST /courses/:courseId/enroll)',
      flavour: 'express4',
      filename: 'src/routes/courses.js',
      code: `const router = require('express').Router();
const Enrollment = require('../models/enrollment');

router.post('/courses/:courseId/enroll', async (req, res) => {
  const enrollment = await Enrollment.create({ course: req.params.courseId, user: req.user.id });
  res.json({ enrolled: true, enrollment });
});

module.exports = router;
`,
    },
    {
      name: 'an add-named handler that changes the signed-in user\'s cart and saves the user (req.user)',
      flavour: 'express4',
      filename: 'src/routes/cart.js',
      code: `const router = require('express').Router();

router.post('/cart/items', async function addItem(req, res) {
  const user = req.user;
  user.cart.push({ product: req.body.productId, quantity: 1 });
  await user.save();
  res.json({ items: user.cart });
});

module.exports = router;
`,
    },
    {
      name: 'a yes/no endpoint answering "no" with 200 when the lookup finds nothing',
      flavour: 'express5',
      filename: 'src/routes/courses.ts',
      code: `import { Router } from 'express';
import { prisma } from '../db';

const router = Router();

router.get('/isAlreadyPurchased/:courseId', async (req, res) => {
  const enrollment = await prisma.enrollment.findFirst({ where: { courseId: req.params.courseId, studentId: res.locals.userId } });
  if (!enrollment) {
    res.json({ status: false, message: 'You have not purchased this course' });
    return;
  }
  res.status(200).json({ status: true, message: 'You have bought this course already' });
});

export default router;
`,
    },
    {
      name: 'a handler named add… that only updates the signed-in user (addRoleHandler → updateUserMetadata)',
      flavour: 'express5',
      filename: 'src/routes/users.ts',
      code: `import { Router, type Request, type Response } from 'express';
import { clerkClient, getAuth } from '@clerk/express';

const router = Router();

export const addRoleHandler = async (req: Request, res: Response) => {
  const { userId } = getAuth(req);
  if (!userId) {
    res.status(401).json({ success: false });
    return;
  }
  await clerkClient.users.updateUserMetadata(userId, { publicMetadata: { role: 'teacher' } });
  res.status(200).json({ success: true });
};

router.post('/addRole', addRoleHandler);

export default router;
`,
    },
    {
      name: 'a handler named register… that upserts a device keyed by its push token (set with merge) and answers 200',
      flavour: 'express4',
      filename: 'src/routes/devices.js',
      code: `const router = require('express').Router();
const { getFirestore } = require('firebase-admin/firestore');

const db = getFirestore();

router.post('/', async function registerDevice(req, res, next) {
  try {
    if (typeof req.body.token !== 'string') return res.status(400).json({ error: 'token must be a string' });
    await db.collection('devices').doc(req.body.token).set({ updatedAt: Date.now() }, { merge: true });
    res.json({ registered: true });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
`,
    },
    {
      name: 'envelope helpers answering a read with their default 200 and a missing record with 404',
      flavour: 'express4',
      filename: 'src/routes/department.routes.ts',
      code: `import { Router } from 'express';
import { Department } from '../models';
import { sendError, sendSuccess } from '../utils/response';

const router = Router();

router.get('/:id', async (req, res) => {
  const department = await Department.findByPk(req.params.id);
  if (!department) return sendError(res, 'Department not found', 404);
  return sendSuccess(res, department);
});

router.post('/', async (req, res) => {
  const department = await Department.create({ name: req.body.name });
  return sendSuccess(res, department, 'Department created', 201);
});

export default router;
`,
      files: RESPONSE_HELPERS,
    },
    {
      name: 'a POST to an action named as a phrase (/add-to-cart) that inserts a line and answers the whole cart',
      flavour: 'express4',
      filename: 'src/routes/cart.js',
      code: `const router = require('express').Router();
const db = require('../db');

router.post('/add-to-cart', async (req, res) => {
  const { cartId, productId, quantity } = req.body;
  await db('cart_items').insert({ cart_id: cartId, product_id: productId, quantity });
  const items = await db('cart_items').where({ cart_id: cartId });
  res.status(200).json({ message: 'Item added to cart', items });
});

module.exports = router;
`,
    },
    {
      name: 'a 200 set after the send says what was answered anyway',
      flavour: 'express5',
      filename: 'src/routes/health.js',
      code: `const router = require('express').Router();

router.get('/health', (req, res) => {
  res.json({ status: 'ok' }).status(200);
});

module.exports = router;
`,
    },
    {
      name: 'a verification link whose user is gone answered 400 as an invalid or expired token (a bad link)',
      flavour: 'express4',
      filename: 'src/services/auth.service.js',
      code: `const createHttpError = require('http-errors');
const User = require('../models/User');

exports.verifyEmail = async (req, res, next) => {
  const user = await User.findById(req.params.userId);
  if (!user) return next(createHttpError(400, 'Email verification token is invalid or has expired.'));
  user.isVerified = true;
  await user.save();
  res.json({ verified: true });
};
`,
      files: {
        'src/routes/auth.js': `const router = require('express').Router();
const { verifyEmail } = require('../services/auth.service');
router.get('/verify-email/:userId/:token', verifyEmail);
module.exports = router;
`,
      },
    },
    {
      name: 'no row changed by an UPDATE answered 409 with a business message (no "not found")',
      flavour: 'express4',
      filename: 'src/routes/orders.js',
      code: `const router = require('express').Router();
const pool = require('../db');

router.post('/orders/:id/ship', async (req, res) => {
  const result = await pool.query("UPDATE orders SET status = 'shipped' WHERE id = $1 AND status = 'paid'", [req.params.id]);
  if (result.rowCount === 0) return res.status(409).json({ message: 'Order is not ready to ship' });
  res.json({ shipped: true });
});

module.exports = router;
`,
    },
    {
      name: 'a not-found handed to next as errorHandler(404, …) or createError.NotFound(…)',
      flavour: 'express4',
      esm: true,
      filename: 'api/controllers/listing.controller.js',
      code: `import createError from 'http-errors';
import Listing from '../models/listing.model.js';
import { errorHandler } from '../utils/error.js';

export const getListing = async (req, res, next) => {
  const listing = await Listing.findById(req.params.id);
  if (!listing) return next(errorHandler(404, 'Listing not found!'));
  res.status(200).json(listing);
};

export const getOwner = async (req, res, next) => {
  const listing = await Listing.findById(req.params.id);
  if (!listing) return next(createError.NotFound('Listing not found'));
  res.json(listing.owner);
};
`,
    },
    {
      name: 'an update that finds nothing to change answered 409 with a business message (no "not found")',
      flavour: 'express5',
      filename: 'src/routes/deals.ts',
      code: `import { Router } from 'express';
import { updateStage } from '../services/deals';

const router = Router();

router.post('/deals/:id/lose', async (req, res) => {
  const deal = await updateStage(req.params.id, 'lost');
  if (!deal) return res.status(409).json({ message: 'Deal is already closed' });
  res.json(deal);
});

export default router;
`,
    },
    {
      name: 'an upload replacing the one avatar a record has (POST /users/:id/avatar) answers 200',
      flavour: 'express5',
      filename: 'src/routes/users.ts',
      code: `import { Router } from 'express';
import multer from 'multer';
import { prisma } from '../db';
import { storeFile } from '../storage';

const upload = multer({ limits: { fileSize: 2 * 1024 * 1024 } });
const router = Router();

router.post('/users/:id/avatar', upload.single('avatar'), async (req, res) => {
  const url = await storeFile(\`avatars/\${req.params.id}\`, req.file!.buffer);
  const user = await prisma.user.update({ where: { id: req.params.id }, data: { avatarUrl: url } });
  res.json({ avatarUrl: user.avatarUrl });
});

export default router;
`,
    },
    {
      name: 'an error payload after the response was handed to a same-file helper that sets the status',
      flavour: 'express4',
      filename: 'src/controllers/orders.js',
      code: `function failWith(res, code) {
  res.status(code);
}

exports.create = async (req, res) => {
  const result = await orders.create(req.body);
  if (!result.ok) {
    failWith(res, 422);
    return res.json({ error: result.error });
  }
  res.status(201).json(result.order);
};
`,
    },
    {
      name: 'errors of the project\'s own class carrying 404 for a missing record, and 400 for a bad input',
      flavour: 'express4',
      filename: 'controllers/courseController.js',
      code: `const Course = require('../models/courseModel');
const AppError = require('../utils/appError');
const catchAsync = require('../utils/catchAsync');

exports.getCourse = catchAsync(async (req, res, next) => {
  const course = await Course.findById(req.params.id);
  if (!course) return next(new AppError('No course found with that ID', 404));
  res.status(200).json({ status: 'success', data: { course } });
});

exports.enroll = catchAsync(async (req, res, next) => {
  if (!req.body.email) return next(new AppError('Please provide an email', 400));
  const course = await Course.findById(req.params.id);
  if (!course) throw new AppError('Course not found', 404);
  res.status(200).json({ status: 'success' });
});
`,
    },
    {
      name: 'Fastify: a create on the instance typed with withTypeProvider, whose response schema declares 200',
      flavour: 'fastify5',
      filename: 'server/routes/torrents.ts',
      code: `import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { torrents } from '../services/torrents';

export default async function torrentRoutes(fastify: FastifyInstance) {
  const typed = fastify.withTypeProvider<ZodTypeProvider>();

  typed.post('/torrents/create', {
    schema: {
      body: z.object({ sourcePath: z.string() }),
      response: { 200: z.unknown() },
    },
  }, async (request) => {
    const torrent = await torrents.createTorrentAsync(request.body.sourcePath);
    return torrent;
  });
}
`,
    },
  {
    name: 'a Fastify route whose response schema, imported through a barrel, declares 200',
    flavour: 'fastify5',
    filename: 'src/routes/jira/index.ts',
    files: {
      'src/schemas/index.ts': `export * from './issue.js';\n`,
      'src/schemas/issue.ts': `export const createIssueSchema = { response: { 200: { type: 'object', properties: { id: { type: 'string' } } } } };\n`,
    },
    code: `import type { FastifyInstance } from 'fastify';
import { createIssueSchema } from '../../schemas/index.js';

export default async function jira(fastify: FastifyInstance) {
  fastify.post('/issues', { schema: createIssueSchema }, async (request) => {
    const issue = await fastify.db.issues.create(request.body);
    return { id: issue.id };
  });
}
`,
  },
  {
    name: 'a dry-run validation endpoint answers its verdict with 200, errors included',
    flavour: 'express4',
    filename: 'src/routers/dashboards.ts',
    code: `import express from 'express';
import { z } from 'zod';

const router = express.Router();
const Dashboard = z.object({ name: z.string(), tiles: z.array(z.object({ sourceId: z.string() })) });

router.post('/validate', async (req, res) => {
  const parsed = Dashboard.safeParse(req.body);
  if (!parsed.success) {
    return res.json({ valid: false, errors: parsed.error.issues.map((issue) => issue.message) });
  }
  return res.json({ valid: true, errors: [] });
});

export default router;
`,
  },
  {
    name: 'the corrected tutorial error middleware answers 500 while the status is still 200',
    flavour: 'express4',
    filename: 'backend/middleware/errorMiddleware.js',
    code: `const errorHandler = (err, req, res, next) => {
  const statusCode = res.statusCode === 200 ? 500 : res.statusCode;
  res.status(statusCode).json({ message: statusCode >= 500 ? 'Something went wrong' : err.message });
};

module.exports = { errorHandler };
`,
  },
  {
    name: 'a save / unsave toggle: 200 in the branch that deletes, 201 in the branch that creates',
    flavour: 'express4',
    filename: 'server/controller/bookmark/index.js',
    code: `const { Bookmark } = require('../../models');

async function toggleSavedPost(req, res) {
  const userId = req.user.id;
  const { postId } = req.params;
  const existingBookmark = await Bookmark.findOne({ where: { userId, postId } });
  if (existingBookmark) {
    await existingBookmark.destroy();
    return res.status(200).json({ message: 'Post removed from saved posts' });
  } else {
    await Bookmark.create({ userId, postId });
    return res.status(201).json({ message: 'Post added to saved posts' });
  }
}

module.exports = { toggleSavedPost };
`,
  },
  {
    name: 'a user looked up by a hashed reset token answered 400: a bad link, not a missing resource',
    flavour: 'express4',
    filename: 'backend/controllers/user.js',
    code: `const crypto = require('crypto');
const User = require('../models/userModel');

exports.resetPassword = async (req, res) => {
  const resetPasswordToken = crypto.createHash('sha256').update(req.params.token).digest('hex');
  const user = await User.findOne({ resetPasswordToken, resetPasswordExpire: { $gt: Date.now() } });
  if (!user) {
    return res.status(400).json({ success: false, message: 'Reset Password Token is invalid or has expired' });
  }
  user.password = req.body.password;
  await user.save();
  res.status(200).json({ success: true });
};
`,
  },
  {
    name: 'an add… handler that pushes onto a loaded document and saves it updates that document',
    flavour: 'express4',
    filename: 'backend/controllers/client.controller.js',
    code: `const express = require('express');
const Client = require('../models/Client');

const router = express.Router();

const addInterestedListing = async (req, res, next) => {
  try {
    const existing = await Client.findOne({ _id: req.body.clientId });
    if (!existing) return res.status(404).json({ message: 'Client not found' });
    existing.interestedListings.push(req.body.listingId);
    await existing.save();
    res.json({ success: true, data: existing });
  } catch (err) {
    next(err);
  }
};

router.post('/clients/interested', addInterestedListing);

module.exports = router;
`,
  },
    {
      name: 'adding an item to a list kept on the signed-in user (addToCart) is an update',
      flavour: 'express4',
      filename: 'backend/controllers/cart.controller.js',
      files: {
        'backend/routes/cart.route.js': `import express from 'express';
import { addToCart } from '../controllers/cart.controller.js';
import { protectRoute } from '../middleware/auth.middleware.js';

const router = express.Router();
router.post('/', protectRoute, addToCart);
export default router;
`,
      },
      esm: true,
      code: `export const addToCart = async (req, res) => {
  const { productId } = req.body;
  const user = req.user;
  user.cartItems.push(productId);
  await user.save();
  res.json(user.cartItems);
};
`,
    },
    {
      name: 'a not-found message answered 500 when the server\'s own configuration is missing',
      flavour: 'fastify5',
      filename: 'src/routes/sso.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { getOidcSettings, Settings } from '../settings';

export default async function ssoRoutes(app: FastifyInstance) {
  app.get('/auth/sso/start', async (request, reply) => {
    const settings = await getOidcSettings();
    if (!settings) return reply.code(500).send({ error: 'OIDC configuration not found' });
    const smtp = await Settings.findOne({ key: 'smtp' });
    if (!smtp) return reply.code(500).send({ error: 'Mail settings not found' });
    return reply.send({ url: settings.authorizeUrl });
  });
}
`,
    },
    {
      name: 'a callback in a plugin\'s options named (req, reply): the plugin sends what it returns with its own status',
      flavour: 'fastify4',
      code: `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';

const app = Fastify();

await app.register(rateLimit, {
  max: 100,
  timeWindow: '1 minute',
  errorResponseBuilder: (req, reply) => ({ statusCode: 429, error: 'Too Many Requests', message: 'Slow down' }),
});

app.get('/health', async () => ({ ok: true }));
`,
    },
    {
      name: 'a controller named after making a value (a billing portal session), not a record',
      flavour: 'fastify5',
      filename: 'src/api/billing/portal.ts',
      files: {
        'src/api/billing/routes.ts': `import type { FastifyInstance } from 'fastify';
import { createPortalSession } from './portal';

export async function billingRoutes(app: FastifyInstance) {
  app.post('/billing/portal-sessions', createPortalSession);
}
`,
      },
      code: `import type { FastifyReply, FastifyRequest } from 'fastify';
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');

export async function createPortalSession(request: FastifyRequest<{ Body: { customerId: string } }>, reply: FastifyReply) {
  const portal = await stripe.billingPortal.sessions.create({ customer: request.body.customerId });
  return reply.send({ url: portal.url });
}
`,
    },
    {
      name: 'an HTML help page that mentions a missing table answers 200',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');

const app = express();
app.get('/', (req, res) => {
  res.send(\`<h2>Hello!</h2>
    <p>Run <b>npm run setup-db</b> first. Otherwise, you will get <i>'no such table'</i> errors.</p>\`);
});
app.use((err, req, res, next) => res.status(500).json({ message: 'Internal error' }));
module.exports = app;
`,
    },
    {
      name: 'Fastify reply.send(err) hands the error to the error handler (in a route and in a decorated hook)',
      flavour: 'fastify5',
      filename: 'src/routes/items.js',
      code: `const { loadItems } = require('../items');

module.exports = async function (fastify) {
  fastify.decorate('authenticate', async function authenticate(req, res) {
    try {
      await req.jwtVerify();
    } catch (err) {
      res.send(err);
    }
  });

  fastify.get('/items', { onRequest: fastify.authenticate }, async function list(request, reply) {
    try {
      return await loadItems();
    } catch (e) {
      reply.send(e);
    }
  });
};
`,
    },
    {
      name: 'Fastify reply.send of a hook error or an @fastify/error instance',
      flavour: 'fastify5',
      filename: 'src/routes/forms.ts',
      code: `import type { FastifyInstance } from 'fastify';
import createError from '@fastify/error';
import { runAfterEdit } from '../hooks';

const AFTER_FN_ERR = createError('AFTER_FN_ERR', '%s', 500);

export default async function forms(fastify: FastifyInstance) {
  fastify.put('/forms/:id', async (req, res) => {
    const result = await runAfterEdit(req.params);
    if (!result.ok) return res.send(result.error || new AFTER_FN_ERR("Form's afterEditFn error"));
    return res.send({ ok: true });
  });
}
`,
    },
    {
      name: 'a payment webhook acknowledges with 200 whatever happened, so the provider stops retrying',
      flavour: 'express4',
      filename: 'src/routes/payments.js',
      code: `const express = require('express');
const { payments, provider } = require('../store');

const router = express.Router();

router.post('/payments/webhook', async (req, res) => {
  try {
    const info = await provider.getPayment(String(req.body.data.id));
    const payment = await payments.findByExternalReference(info.externalReference);
    if (!payment) return res.status(200).json({ message: 'Payment not found, notification ignored' });
    await payments.updateStatus(payment.id, info.status);
    res.status(200).json({ received: true });
  } catch (error) {
    console.error(error);
    res.status(200).json({ status: 'error', message: 'Error processing webhook' });
  }
});

module.exports = router;
`,
    },
    {
      name: 'Fastify response schema declaring 200, imported from a documentation module',
      flavour: 'fastify5',
      filename: 'src/routes/accounts.ts',
      files: {
        'src/app.ts': `import Fastify from 'fastify';
import accountsRoutes from './routes/accounts';

const app = Fastify();
app.register(accountsRoutes, { prefix: '/api/accounts' });
export default app;
`,
        'src/docs/account.documentation.ts': `import type { FastifySchema } from 'fastify';

export const createAccountDocumentation: FastifySchema = {
  tags: ['Account'],
  body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
  response: { 200: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } },
};
`,
      },
      code: `import type { FastifyPluginAsync } from 'fastify';
import { accountUseCase } from '../usecases/account';
import { createAccountDocumentation } from '../docs/account.documentation';

const accountsRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post('/', { schema: createAccountDocumentation }, async (request) => {
    return accountUseCase.addAccount(request.body as { name: string });
  });
};
export default accountsRoutes;
`,
    },
    {
      name: 'Fastify response schema declaring 200 on the registration of a controller method in another file',
      flavour: 'fastify5',
      filename: 'src/controllers/account.controller.ts',
      files: {
        'src/app.ts': `import Fastify from 'fastify';
import accountsRoutes from './routes/accounts';

const app = Fastify();
app.register(accountsRoutes, { prefix: '/api/accounts' });
export default app;
`,
        'src/routes/accounts.ts': `import type { FastifyPluginAsync } from 'fastify';
import { AccountController } from '../controllers/account.controller';

const accountsRoutes: FastifyPluginAsync = async (fastify) => {
  const accountController = new AccountController();
  fastify.post('/', { schema: { body: { type: 'object' }, response: { 200: { type: 'object' } } } }, accountController.createAccount);
};
export default accountsRoutes;
`,
      },
      code: `import type { FastifyReply, FastifyRequest } from 'fastify';
import { accountUseCase } from '../usecases/account';

export class AccountController {
  createAccount = async (request: FastifyRequest, reply: FastifyReply) => {
    return accountUseCase.addAccount(request.body as { name: string });
  };
}
`,
    },
    {
      name: 'Fastify: a response schema spreading its 200 entry in, and a handler returning an Error (sent as a 500)',
      flavour: 'fastify5',
      filename: 'src/routes/items.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { items } from '../services/items';

const ok200 = { 200: { type: 'object', properties: { id: { type: 'number' } } } };
const createItemSchema = { body: { type: 'object', properties: { name: { type: 'string' } } }, response: { ...ok200 } };

export default async function itemRoutes(fastify: FastifyInstance) {
  fastify.post('/items', { schema: createItemSchema }, async (request, reply) => {
    const item = await items.createItem(request.body as { name: string });
    return reply.code(200).send(item);
  });
  fastify.get('/items/:id', async (request) => {
    const item = await items.findById((request.params as { id: string }).id);
    if (!item) return new Error('none products found!');
    return item;
  });
}
`,
    },
    {
      name: 'TypeORM save of a record loaded by findOne is an update, not a create',
      flavour: 'express5',
      filename: 'src/routes/settings.ts',
      code: `import { Router } from 'express';
import { AppDataSource } from '../datasource';
import { User } from '../entity/User';

export const settingsRouter = Router();
const userRepository = AppDataSource.getRepository(User);

settingsRouter.post('/users', async (req, res) => {
  const user = await userRepository.findOne({ where: { id: req.session.userId } });
  if (!user) return res.status(404).json({ message: 'User not found' });
  user.locale = String(req.body.locale);
  await userRepository.save(user);
  return res.status(200).json({ locale: user.locale });
});
`,
    },
    {
      name: 'a toggle answering 200 in the branch where nothing was created, 201 where it was',
      flavour: 'fastify4',
      filename: 'src/routes/bookmarks.js',
      code: `const bookmarks = require('../services/bookmarks');

module.exports = async function (fastify) {
  fastify.post('/bookmarks', async (request, reply) => {
    const bookmark = await bookmarks.createBookmark(request.user.id, request.body.productId);
    if (!bookmark) return reply.status(200).send({ message: 'Bookmark removed', data: bookmark });
    return reply.status(201).send({ message: 'Bookmark added', data: bookmark });
  });
};
`,
    },
    {
      name: 'login, token refresh and logout answer 200 although they write records',
      flavour: 'express4',
      filename: 'src/routes/auth.ts',
      code: `import { Router, type Request, type Response } from 'express';
import { User, RefreshToken, Session } from '../models';
import { signAccessToken } from '../lib/jwt';

export const authRouter = Router();

authRouter.post('/login', async (req: Request, res: Response) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user || !(await user.verifyPassword(password))) {
    return res.status(401).json({ message: 'Invalid credentials' });
  }
  const session = await Session.create({ userId: user.id });
  res.json({ token: signAccessToken(user), sessionId: session.id });
});

authRouter.post('/auth/token', async (req: Request, res: Response) => {
  const refresh = await RefreshToken.create({ userId: req.body.userId });
  res.status(200).json({ refreshToken: refresh.token });
});

authRouter.post('/refresh', async (req: Request, res: Response) => {
  const token = await RefreshToken.create({ userId: req.body.userId });
  res.json(token);
});

authRouter.post('/logout', async (req: Request, res: Response) => {
  await Session.destroy({ where: { id: req.body.sessionId } });
  res.json({ message: 'Logged out' });
});
`,
    },
    {
      name: 'search, query, verify, check and calculate endpoints create nothing',
      flavour: 'express5',
      filename: 'src/routes/tools.js',
      code: `const express = require('express');
const { Product, Report, AuditLog } = require('../models');

const router = express.Router();

router.post('/products/search', async (req, res) => {
  const results = await Product.findAll({ where: { name: req.body.q } });
  res.json(results);
});

router.post('/reports/query', async (req, res) => {
  const log = await AuditLog.create({ action: 'query' });
  const rows = await Report.query(req.body.filter);
  res.json({ rows, logId: log.id });
});

router.post('/email/verify', async (req, res) => {
  const entry = await AuditLog.create({ action: 'verify' });
  res.json(entry);
});

router.post('/coupons/check', (req, res) => {
  res.json({ valid: req.body.code === 'WELCOME' });
});

router.post('/shipping/calculate', (req, res) => {
  res.json({ total: Number(req.body.weight) * 2 });
});

module.exports = router;
`,
    },
    {
      name: '202 for accepted work, 201 for created records, sendStatus, deliberate end()',
      flavour: 'express4',
      filename: 'src/controllers/jobs.controller.ts',
      code: `import type { Request, Response } from 'express';
import { queue } from '../queue';
import { prisma } from '../db';

export async function createExport(req: Request, res: Response) {
  const job = await queue.add('export', { userId: req.body.userId });
  res.status(202).json({ jobId: job.id });
}

export async function createTask(req: Request, res: Response) {
  const task = await prisma.task.create({ data: req.body });
  res.status(201).json(task);
}

export async function removeTask(req: Request, res: Response) {
  const task = await prisma.task.findUnique({ where: { id: req.params.id } });
  if (!task) {
    return res.status(404).end();
  }
  await prisma.task.delete({ where: { id: task.id } });
  res.sendStatus(204);
}

export async function archiveTask(req: Request, res: Response) {
  const task = await prisma.task.findUnique({ where: { id: req.params.id } });
  if (!task) return res.sendStatus(404);
  await prisma.task.update({ where: { id: task.id }, data: { archived: true } });
  res.status(204).end();
}
`,
    },
    {
      name: 'status from a variable in an error handler, and implicit status there',
      flavour: 'express5',
      code: `import express from 'express';
import { apiRouter } from './routes';

const app = express();
app.use('/api', apiRouter);

app.use((err: any, req: express.Request, res: express.Response, next: express.NextFunction) => {
  if (err.expose) {
    return res.json({ error: err.message });
  }
  res.status(err.status || 500).json({ error: 'Internal server error' });
});

export default app;
`,
    },
    {
      name: 'status set before throwing or forwarding to the error handler (express-async-handler style)',
      flavour: 'express4',
      filename: 'backend/controllers/userController.js',
      code: `const asyncHandler = require('express-async-handler');
const User = require('../models/userModel');

const registerUser = asyncHandler(async (req, res) => {
  const { name, email, password } = req.body;
  if (!name || !email || !password) {
    res.status(400);
    throw new Error('Please add all fields');
  }
  const user = await User.create({ name, email, password });
  if (user) {
    res.status(201).json({ _id: user.id, name: user.name });
  } else {
    res.status(400);
    throw new Error('Invalid user data');
  }
});

const getUser = (req, res, next) => {
  User.findById(req.params.id).then((user) => {
    if (!user) {
      res.status(404);
      return next(new Error('User not found'));
    }
    res.json(user);
  });
};

module.exports = { registerUser, getUser };
`,
    },
    {
      name: 'a success envelope with a null error, and a find-or-create branch',
      flavour: 'express4',
      filename: 'src/routes/profiles.ts',
      code: `import { Router } from 'express';
import { supabase } from '../supabase';
import { Profile } from '../models/profile';

const router = Router();

router.get('/profiles', async (req, res) => {
  const { data, error } = await supabase.from('profiles').select('*');
  res.json({ data, error });
});

router.get('/profiles/:id', async (req, res) => {
  const profile = await Profile.findByPk(req.params.id);
  res.json({ data: profile, error: null, errors: [] });
});

router.get('/fans/:id', async (req, res) => {
  const fan = await Profile.findFans(req.params.id);
  res.send({ error: '0', msg: '', result: fan });
});

router.put('/profiles/:id', async (req, res) => {
  let profile = await Profile.findByPk(req.params.id);
  if (!profile) {
    profile = await Profile.create({ id: req.params.id, ...req.body });
    return res.status(201).json(profile);
  }
  await profile.update(req.body);
  res.json(profile);
});

export default router;
`,
    },
    {
      name: 'an AI chat endpoint calls create() on an SDK, not a store',
      flavour: 'express5',
      filename: 'server/index.mjs',
      esm: true,
      code: `import express from 'express';
import OpenAI from 'openai';
import Stripe from 'stripe';

const app = express();
const openai = new OpenAI();
const stripe = new Stripe(process.env.STRIPE_KEY);

app.post('/api/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  res.json(completion.choices[0].message);
});

app.post('/api/checkout', async (req, res) => {
  const session = await stripe.checkout.sessions.create({ mode: 'payment', line_items: req.body.items });
  res.json({ url: session.url });
});

app.get('/api/weather', async (req, res) => {
  const data = await fetch('https://example.com/weather').then((res) => res.json());
  res.json(data);
});

app.listen(3000);
`,
    },
    {
      name: 'actions on a resource (favorite, follow) are not creations',
      flavour: 'express4',
      filename: 'src/app/routes/article.controller.ts',
      code: `import { Router } from 'express';
import prisma from '../prisma-client';

const router = Router();

router.post('/articles/:slug/favorite', async (req, res) => {
  const favorite = await prisma.favorite.create({ data: { slug: req.params.slug, userId: req.body.userId } });
  res.json({ article: favorite });
});

router.post('/profiles/:username/follow', async (req, res) => {
  const follow = await prisma.follow.create({ data: { username: req.params.username } });
  res.json({ profile: follow });
});

router.post('/articles/:slug', async (req, res) => {
  const article = await prisma.article.update({ where: { slug: req.params.slug }, data: req.body });
  res.json({ article });
});

export default router;
`,
    },
    {
      name: 'Fastify: code set before returning, 204 with null, a response schema that pins 200',
      flavour: 'fastify5',
      filename: 'src/routes/api/tasks/index.ts',
      code: `import type { FastifyInstance } from 'fastify';

export default async function tasks(fastify: FastifyInstance) {
  fastify.post('/', async (request, reply) => {
    const id = await fastify.knex('tasks').insert(request.body);
    reply.code(201);
    return { id };
  });

  fastify.post('/imports', {
    schema: { response: { 200: { type: 'object', properties: { id: { type: 'number' } } } } },
    handler: async (request) => {
      const [id] = await fastify.knex('imports').insert(request.body);
      return { id };
    },
  });

  fastify.delete('/:id', async (request, reply) => {
    const task = await fastify.tasksRepository.findById(request.params.id);
    if (!task) {
      reply.code(404);
      return { message: 'Task not found' };
    }
    await fastify.tasksRepository.delete(task.id);
    return reply.code(204).send(null);
  });
}
`,
    },
    {
      name: 'Fastify error handler and hooks answer errors with a status from the error',
      flavour: 'fastify4',
      filename: 'lib/server.js',
      code: `const fastify = require('fastify')({ logger: true });

fastify.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.send({ error: error.message });
});

fastify.addHook('onRequest', async (request, reply) => {
  if (!request.headers.authorization) {
    return reply.code(401).send({ error: 'Unauthorized' });
  }
});

fastify.get('/health', async () => ({ status: 'ok' }));

fastify.listen({ port: 3000 });
`,
    },
    {
      name: 'redirects with 3xx codes in the order each framework version takes',
      flavour: 'fastify4',
      filename: 'src/redirects.ts',
      code: `import Fastify from 'fastify';

const app = Fastify();

app.get('/old', async (request, reply) => {
  return reply.redirect(301, '/new');
});

app.get('/older', async (request, reply) => {
  return reply.redirect('/new', 308);
});

export default app;
`,
    },
    {
      name: 'Express redirect with the status first, status constants, an error payload answered 4xx',
      flavour: 'express5',
      filename: 'src/controllers/links.controller.ts',
      code: `import type { Request, Response } from 'express';
import { StatusCodes } from 'http-status-codes';
import { Link } from '../models/link';

export async function follow(req: Request, res: Response) {
  const link = await Link.findOne({ slug: req.params.slug });
  if (!link) {
    return res.status(StatusCodes.NOT_FOUND).json({ error: 'Link not found' });
  }
  res.redirect(301, link.target);
}

export async function createLink(req: Request, res: Response) {
  try {
    const link = await Link.create(req.body);
    res.status(StatusCodes.CREATED).json(link);
  } catch (err) {
    res.status(StatusCodes.BAD_REQUEST).json({ errors: [String(err)] });
  }
}
`,
    },
    {
      name: 'a test file is not linted by default',
      flavour: 'express4',
      filename: 'src/users.test.ts',
      code: `import express from 'express';
import request from 'supertest';

const app = express();
app.get('/boom', (req, res) => {
  res.status(500).json({ success: false, error: 'boom' });
});
app.get('/empty', (req, res) => {
  res.status(204).json({ shouldNot: 'matter' });
});

it('answers', async () => {
  await request(app).get('/boom');
});
`,
    },
    {
      name: 'a list that happens to be empty, and informational messages, are data',
      flavour: 'express4',
      filename: 'src/routes/orders.js',
      code: `const router = require('express').Router();
const Order = require('../models/order');

router.get('/orders', async (req, res) => {
  const orders = await Order.find({ user: req.user.id });
  if (orders.length === 0) {
    return res.json({ message: 'No orders found', orders: [] });
  }
  res.json({ orders });
});

router.post('/orders/:id/cancel', async (req, res) => {
  const order = await Order.findById(req.params.id);
  if (!order) return res.status(404).json({ message: 'Order not found' });
  order.status = 'cancelled';
  await order.save();
  res.json({ message: 'Order cancelled', order });
});

module.exports = router;
`,
    },
    {
      name: 'a bad reset link is a client error, batch results may carry an errors list, JSON-RPC answers 200',
      flavour: 'express5',
      filename: 'src/routes/account.ts',
      code: `import { Router } from 'express';
import { ResetToken, Contact } from '../models';

const router = Router();

router.post('/password-reset/:token', async (req, res) => {
  const resetToken = await ResetToken.findOne({ where: { token: req.params.token } });
  if (!resetToken) {
    return res.status(400).json({ message: 'Invalid or expired link' });
  }
  res.json({ ok: true });
});

router.post('/contacts/import', async (req, res) => {
  const outcome = await Contact.importMany(req.body.rows);
  res.json({ imported: outcome.saved.length, errors: outcome.failed.map((row) => row.reason) });
});

router.post('/rpc', (req, res) => {
  res.json({ jsonrpc: '2.0', id: req.body.id, error: { code: -32601, message: 'Method not found' } });
});

export default router;
`,
    },
    {
      name: 'a raw Node handler writes its own head; Fastify returns data from a lookup',
      flavour: 'fastify5',
      filename: 'src/routes/users.js',
      esm: true,
      code: `export default async function users(fastify) {
  fastify.get('/users/:id', async (request, reply) => {
    const user = await fastify.db.users.findById(request.params.id);
    if (!user) {
      return reply.code(404).send({ message: 'User not found' });
    }
    return user;
  });

  fastify.post('/users', async (request, reply) => {
    const user = await fastify.db.users.insert(request.body);
    return reply.code(201).send(user);
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a controller method named create… that an inline POST route to a collection hands its request to',
      flavour: 'fastify4',
      filename: 'src/routes/pets/pet.controller.ts',
      code: `import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PetService } from './pet.service';

export class PetController {
  constructor(private readonly service: PetService) {}

  async createRelation(req: FastifyRequest<{ Params: { petId: string; shelterId: string } }>, reply: FastifyReply): Promise<void> {
    const pet = await this.service.createRelation(Number(req.params.petId), Number(req.params.shelterId));
    reply.status(200).send(pet);
  }
}
`,
      files: { 'src/routes/pets/index.ts': `import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PetController } from './pet.controller';
import { PetService } from './pet.service';

const petController = new PetController(new PetService());

export default async function pets(fastify: FastifyInstance) {
  fastify.post('/:petId/shelters', async (req: FastifyRequest<{ Params: { petId: string; shelterId: string } }>, reply) => {
    await petController.createRelation(req, reply);
  });
}
`, 'src/routes/pets/pet.service.ts': `export class PetService {
  async createRelation(petId: number, shelterId: number) {
    return { id: petId, shelterId };
  }
}
`, 'src/app.ts': `import Fastify from 'fastify';
import pets from './routes/pets';

const app = Fastify();
app.register(pets, { prefix: '/pets' });
export default app;
` },
      errors: [{ line: 9, column: 5, message: 'POST /pets/:petId/shelters creates a record (`this.service.createRelation`) but answers 200 OK; answer 201 Created.' }],
      output: `import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PetService } from './pet.service';

export class PetController {
  constructor(private readonly service: PetService) {}

  async createRelation(req: FastifyRequest<{ Params: { petId: string; shelterId: string } }>, reply: FastifyReply): Promise<void> {
    const pet = await this.service.createRelation(Number(req.params.petId), Number(req.params.shelterId));
    reply.status(201).send(pet);
  }
}
`,
    },
    {
      name: 'a create-named handler that stores the provider\'s order locally too',
      flavour: 'express5',
      filename: 'src/controllers/payment.js',
      code: `import razorpay from '../config/razorpay.js';
import { Order } from '../models/order.js';

// asks the payment provider for a checkout order, like a Stripe checkout session
export const createOrderController = async (req, res) => {
  const order = await razorpay.orders.create({ amount: 2000, currency: 'INR', receipt: 'receipt_' + Date.now() });
  const saved = await Order.create({ providerId: order.id, amount: order.amount });
  res.status(200).json(saved);
};
`,
      files: {
        'src/routes/payment.js': `import { Router } from 'express';
import { createOrderController } from '../controllers/payment.js';

const router = Router();
router.post('/orders', createOrderController);
export default router;
`,
        'src/app.js': `import express from 'express';
import payment from './routes/payment.js';

const app = express();
app.use(express.json());
app.use('/api/payment', payment);
export default app;
`,
      },
      errors: [{ line: 8, column: 3, message: 'POST /api/payment/orders creates a record (`Order.create`) but answers 200 OK; answer 201 Created.' }],
      output: `import razorpay from '../config/razorpay.js';
import { Order } from '../models/order.js';

// asks the payment provider for a checkout order, like a Stripe checkout session
export const createOrderController = async (req, res) => {
  const order = await razorpay.orders.create({ amount: 2000, currency: 'INR', receipt: 'receipt_' + Date.now() });
  const saved = await Order.create({ providerId: order.id, amount: order.amount });
  res.status(201).json(saved);
};
`,
    },
    {
      name: 'a Firestore add through a collection held in a variable, answered 200',
      flavour: 'express4',
      filename: 'src/routes/recipes.js',
      code: `const router = require('express').Router();
const { db } = require('../firebase');

const recipes = db.collection('recipes');

router.post('/recipes', async (req, res) => {
  const ref = await recipes.add({ title: req.body.title });
  res.json({ id: ref.id });
});

module.exports = router;
`,
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 27 }],
      output: `const router = require('express').Router();
const { db } = require('../firebase');

const recipes = db.collection('recipes');

router.post('/recipes', async (req, res) => {
  const ref = await recipes.add({ title: req.body.title });
  res.status(201).json({ id: ref.id });
});

module.exports = router;
`,
    },
    {
      name: 'an INSERT built by concatenation, answered 200 from its callback',
      flavour: 'express4',
      filename: 'index.js',
      code: `const express = require('express');
const db = require('./db');

const app = express();

app.post('/events', (req, res) => {
  db.query("INSERT INTO events (title) VALUES ('" + req.body.title + "')", (err) => {
    if (err) return res.status(500).json({ message: 'Failed' });
    res.json({ message: 'Event created' });
  });
});

app.listen(3000);
`,
      errors: [{ line: 9, column: 5, endLine: 9, endColumn: 43 }],
      output: `const express = require('express');
const db = require('./db');

const app = express();

app.post('/events', (req, res) => {
  db.query("INSERT INTO events (title) VALUES ('" + req.body.title + "')", (err) => {
    if (err) return res.status(500).json({ message: 'Failed' });
    res.status(201).json({ message: 'Event created' });
  });
});

app.listen(3000);
`,
    },
    {
      name: 'a service call filing a leave request on the leave collection, answered 200',
      flavour: 'express4',
      filename: 'src/routes/leave.js',
      code: `const router = require('express').Router();
const leaveService = require('../services/leave');

router.post('/leave', async (req, res) => {
  const leave = await leaveService.createLeaveRequest(req.user.id, req.body);
  res.json(leave);
});

module.exports = router;
`,
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 18 }],
      output: `const router = require('express').Router();
const leaveService = require('../services/leave');

router.post('/leave', async (req, res) => {
  const leave = await leaveService.createLeaveRequest(req.user.id, req.body);
  res.status(201).json(leave);
});

module.exports = router;
`,
    },
    {
      name: 'a record the URL names, missing, answered 200 with an empty list beside the not-found message',
      flavour: 'fastify4',
      filename: 'src/routes/projects.js',
      code: `const projects = require('../services/projects');

module.exports = async function projectRoutes(app) {
  app.get('/:id/members', async (request, reply) => {
    const project = await projects.getById(request.params.id);
    if (!project) {
      return reply.code(200).send({ members: [], message: 'Project not found' });
    }
    return { members: project.members };
  });
};
`,
      errors: [{ line: 7, column: 14, endLine: 7, endColumn: 29 }],
      output: `const projects = require('../services/projects');

module.exports = async function projectRoutes(app) {
  app.get('/:id/members', async (request, reply) => {
    const project = await projects.getById(request.params.id);
    if (!project) {
      return reply.code(404).send({ members: [], message: 'Project not found' });
    }
    return { members: project.members };
  });
};
`,
    },
    {
      name: 'a create answered through a response helper the controller inherits (this.ok(res, message, data), default 200)',
      flavour: 'express4',
      filename: 'src/notes/note.controller.ts',
      code: `import type { Request, Response } from 'express';
import { BaseController } from '../base.controller';
import Note from './note.model';

export class NoteController extends BaseController {
  public create = async (req: Request, res: Response) => {
    const note = await Note.create({ title: req.body.title });
    this.ok(res, 'Note created', note);
  };
}
`,
      errors: [{ line: 8, column: 5, endLine: 8, endColumn: 39 }],
      output: `import type { Request, Response } from 'express';
import { BaseController } from '../base.controller';
import Note from './note.model';

export class NoteController extends BaseController {
  public create = async (req: Request, res: Response) => {
    const note = await Note.create({ title: req.body.title });
    this.ok(res, 'Note created', note, 201);
  };
}
`,
      files: {
        'src/base.controller.ts': `import type { Response } from 'express';

export class BaseController {
  protected ok = (res: Response, message: string, data?: unknown, statusCode: number = 200) => {
    return res.status(statusCode).json({ success: true, message, data });
  };
}
`,
      },
    },
    {
      name: 'a new subdocument made with tasks.create, pushed onto its loaded parent and saved, answered 200',
      flavour: 'express4',
      filename: 'src/routes/projects.js',
      code: `const router = require('express').Router();
const Project = require('../models/project');

router.post('/:id/tasks', async (req, res) => {
  const project = await Project.findById(req.params.id);
  if (!project) return res.status(404).json({ message: 'Project not found' });
  const task = project.tasks.create({ title: req.body.title, assignee: req.body.assignee });
  project.tasks.push(task);
  await project.save();
  res.json(task);
});

module.exports = router;
`,
      errors: [{ line: 10, column: 3, endLine: 10, endColumn: 17 }],
      output: `const router = require('express').Router();
const Project = require('../models/project');

router.post('/:id/tasks', async (req, res) => {
  const project = await Project.findById(req.params.id);
  if (!project) return res.status(404).json({ message: 'Project not found' });
  const task = project.tasks.create({ title: req.body.title, assignee: req.body.assignee });
  project.tasks.push(task);
  await project.save();
  res.status(201).json(task);
});

module.exports = router;
`,
    },
    {
      name: 'a Mongoose exists() check keyed by the route parameter, the missing course answered 400',
      flavour: 'express4',
      filename: 'src/routes/lessons.js',
      code: `const router = require('express').Router();
const Course = require('../models/course');
const Lesson = require('../models/lesson');

router.get('/courses/:courseId/lessons', async (req, res) => {
  const exists = await Course.exists({ _id: req.params.courseId });
  if (!exists) return res.status(400).json({ message: 'Course not found' });
  res.json(await Lesson.find({ course: req.params.courseId }).sort('position'));
});

module.exports = router;
`,
      errors: [{ line: 7, column: 23, endLine: 7, endColumn: 38, message: 'This branch answers a missing record (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' }],
      output: `const router = require('express').Router();
const Course = require('../models/course');
const Lesson = require('../models/lesson');

router.get('/courses/:courseId/lessons', async (req, res) => {
  const exists = await Course.exists({ _id: req.params.courseId });
  if (!exists) return res.status(404).json({ message: 'Course not found' });
  res.json(await Lesson.find({ course: req.params.courseId }).sort('position'));
});

module.exports = router;
`,
    },
    {
      name: 'an INSERT held in a const before the query, answered 200 with "created"',
      flavour: 'express4',
      filename: 'src/routes/students.js',
      code: `const router = require('express').Router();
const db = require('../db');

router.post('/', (req, res) => {
  const sql = 'INSERT INTO students (name, roll_no) VALUES (?, ?)';
  db.query(sql, [req.body.name, req.body.rollNo], (err, result) => {
    if (err) return res.status(500).json({ message: 'Could not save student' });
    res.status(200).json({ message: 'Student created successfully', id: result.insertId });
  });
});

module.exports = router;
`,
      errors: [{ line: 8, column: 5, endLine: 8, endColumn: 20 }],
      output: `const router = require('express').Router();
const db = require('../db');

router.post('/', (req, res) => {
  const sql = 'INSERT INTO students (name, roll_no) VALUES (?, ?)';
  db.query(sql, [req.body.name, req.body.rollNo], (err, result) => {
    if (err) return res.status(500).json({ message: 'Could not save student' });
    res.status(201).json({ message: 'Student created successfully', id: result.insertId });
  });
});

module.exports = router;
`,
    },
    {
      name: 'a not-found answered through an imported envelope helper that defaults to 200 (sendSuccess(res, null, \'… not found\'))',
      flavour: 'express4',
      filename: 'src/controllers/leave.controller.ts',
      code: `import type { Request, Response } from 'express';
import { Leave } from '../models';
import { sendError, sendSuccess } from '../utils/response';

export const approveLeave = async (req: Request, res: Response) => {
  const leave = await Leave.findByPk(req.params.id);
  if (!leave) {
    return sendSuccess(res, null, 'Leave request not found');
  }
  if (leave.status !== 'pending') {
    return sendError(res, \`Leave is already \${leave.status}\`, 409);
  }
  await leave.update({ status: 'approved' });
  return sendSuccess(res, leave, 'Leave approved');
};
`,
      errors: [{ line: 8, column: 12, endLine: 8, endColumn: 61 }],
      output: `import type { Request, Response } from 'express';
import { Leave } from '../models';
import { sendError, sendSuccess } from '../utils/response';

export const approveLeave = async (req: Request, res: Response) => {
  const leave = await Leave.findByPk(req.params.id);
  if (!leave) {
    return sendSuccess(res, null, 'Leave request not found', 404);
  }
  if (leave.status !== 'pending') {
    return sendError(res, \`Leave is already \${leave.status}\`, 409);
  }
  await leave.update({ status: 'approved' });
  return sendSuccess(res, leave, 'Leave approved');
};
`,
      files: RESPONSE_HELPERS,
    },
    {
      name: 'a create answered through the helper\'s default 200, and a missing record through its 400',
      flavour: 'express4',
      filename: 'src/routes/department.routes.ts',
      code: `import { Router } from 'express';
import { Department } from '../models';
import { sendError, sendSuccess } from '../utils/response';

const router = Router();

router.post('/', async (req, res) => {
  const department = await Department.create({ name: req.body.name, code: req.body.code });
  return sendSuccess(res, department, 'Department created successfully');
});

router.get('/:id', async (req, res) => {
  const department = await Department.findByPk(req.params.id);
  if (!department) return sendError(res, 'Department not found', 400);
  return sendSuccess(res, department);
});

export default router;
`,
      errors: [
        { line: 9, column: 10, endLine: 9, endColumn: 73 },
        { line: 14, column: 27, endLine: 14, endColumn: 70 },
      ],
      output: `import { Router } from 'express';
import { Department } from '../models';
import { sendError, sendSuccess } from '../utils/response';

const router = Router();

router.post('/', async (req, res) => {
  const department = await Department.create({ name: req.body.name, code: req.body.code });
  return sendSuccess(res, department, 'Department created successfully', 201);
});

router.get('/:id', async (req, res) => {
  const department = await Department.findByPk(req.params.id);
  if (!department) return sendError(res, 'Department not found', 400);
  return sendSuccess(res, department);
});

export default router;
`,
      files: RESPONSE_HELPERS,
    },
    {
      name: 'a missing record handed on as new ErrorHandler(message, 400), the MERN tutorials\' error class',
      flavour: 'express4',
      filename: 'src/controllers/productController.js',
      code: `const Product = require('../models/product');
const ErrorHandler = require('../utils/errorHandler');

exports.getProductDetails = async (req, res, next) => {
  const product = await Product.findById(req.params.id);
  if (!product) {
    return next(new ErrorHandler('Product not found', 400));
  }
  res.status(200).json({ success: true, product });
};
`,
      errors: [{ line: 7, column: 55, endLine: 7, endColumn: 58 }],
      output: `const Product = require('../models/product');
const ErrorHandler = require('../utils/errorHandler');

exports.getProductDetails = async (req, res, next) => {
  const product = await Product.findById(req.params.id);
  if (!product) {
    return next(new ErrorHandler('Product not found', 404));
  }
  res.status(200).json({ success: true, product });
};
`,
    },
    {
      name: 'Fastify 5: redirect(code, url) as the whole body of a concise arrow handler',
      flavour: 'fastify5',
      esm: true,
      filename: 'src/app.ts',
      code: `import Fastify from 'fastify';

const app = Fastify();

app.get('/projects', async (_request, reply) => reply.redirect(301, '/api/v1/projects'));

await app.listen({ port: 3000 });
`,
      errors: [{ line: 5, column: 49, endLine: 5, endColumn: 88 }],
      output: `import Fastify from 'fastify';

const app = Fastify();

app.get('/projects', async (_request, reply) => reply.redirect('/api/v1/projects', 301));

await app.listen({ port: 3000 });
`,
    },
    {
      name: 'a status set after the body was sent (res.send(user).status(201)) changes nothing: moved before the send',
      flavour: 'express4',
      filename: 'src/controllers/user.controller.ts',
      code: `import type { Request, Response } from 'express';
import { userService } from '../services/user.service';

export const createUser = async (req: Request, res: Response) => {
  const user = await userService.create(req.body);
  return res.send(user).status(201);
};
`,
      errors: [{ line: 6, column: 10, endLine: 6, endColumn: 36 }],
      output: `import type { Request, Response } from 'express';
import { userService } from '../services/user.service';

export const createUser = async (req: Request, res: Response) => {
  const user = await userService.create(req.body);
  return res.status(201).send(user);
};
`,
    },
    {
      name: 'Fastify: reply.send(error).code(500) after the reply went out',
      flavour: 'fastify4',
      filename: 'src/routes/reports.js',
      code: `module.exports = async function reports(fastify) {
  fastify.get('/reports/:id', async (request, reply) => {
    try {
      return await fastify.reports.render(request.params.id);
    } catch (err) {
      request.log.error(err);
      reply.send({ error: 'Report failed' }).code(500);
    }
  });
};
`,
      errors: [{ line: 7, column: 7, endLine: 7, endColumn: 55 }],
      output: `module.exports = async function reports(fastify) {
  fastify.get('/reports/:id', async (request, reply) => {
    try {
      return await fastify.reports.render(request.params.id);
    } catch (err) {
      request.log.error(err);
      reply.code(500).send({ error: 'Report failed' });
    }
  });
};
`,
    },
    {
      name: 'no row changed by a DELETE keyed by the route parameter (pg rowCount, mysql2 affectedRows), answered "not found" with 400',
      flavour: 'express4',
      filename: 'src/routes/devices.js',
      code: `const router = require('express').Router();
const pool = require('../db');

router.delete('/devices/:id', async (req, res) => {
  const result = await pool.query('DELETE FROM devices WHERE id = $1', [req.params.id]);
  if (result.rowCount === 0) {
    return res.status(400).json({ message: 'Device not found' });
  }
  res.status(204).end();
});

router.delete('/notes/:id', async (req, res) => {
  const [result] = await pool.execute('DELETE FROM notes WHERE id = ?', [req.params.id]);
  if (!result.affectedRows) return res.status(400).json({ message: 'Note not found' });
  res.status(204).end();
});

module.exports = router;
`,
      errors: [{ line: 7, column: 12, endLine: 7, endColumn: 27 }, { line: 14, column: 36, endLine: 14, endColumn: 51 }],
      output: `const router = require('express').Router();
const pool = require('../db');

router.delete('/devices/:id', async (req, res) => {
  const result = await pool.query('DELETE FROM devices WHERE id = $1', [req.params.id]);
  if (result.rowCount === 0) {
    return res.status(404).json({ message: 'Device not found' });
  }
  res.status(204).end();
});

router.delete('/notes/:id', async (req, res) => {
  const [result] = await pool.execute('DELETE FROM notes WHERE id = ?', [req.params.id]);
  if (!result.affectedRows) return res.status(400).json({ message: 'Note not found' });
  res.status(204).end();
});

module.exports = router;
`,
    },
    {
      name: 'a not-found handed to next as the MERN tutorials\' errorHandler(400, …) util error',
      flavour: 'express4',
      esm: true,
      filename: 'api/controllers/listing.controller.js',
      code: `import Listing from '../models/listing.model.js';
import { errorHandler } from '../utils/error.js';

export const getListing = async (req, res, next) => {
  try {
    const listing = await Listing.findById(req.params.id);
    if (!listing) return next(errorHandler(400, 'Listing not found!'));
    res.status(200).json(listing);
  } catch (error) {
    next(error);
  }
};
`,
      errors: [{ line: 7, column: 44, endLine: 7, endColumn: 47 }],
      output: `import Listing from '../models/listing.model.js';
import { errorHandler } from '../utils/error.js';

export const getListing = async (req, res, next) => {
  try {
    const listing = await Listing.findById(req.params.id);
    if (!listing) return next(errorHandler(404, 'Listing not found!'));
    res.status(200).json(listing);
  } catch (error) {
    next(error);
  }
};
`,
    },
    {
      name: 'a not-found thrown as http-errors\' createError(400, …) and as Boom.badRequest(…)',
      flavour: 'express4',
      filename: 'src/controllers/product.controller.js',
      code: `const createError = require('http-errors');
const Boom = require('@hapi/boom');
const Product = require('../models/product');

exports.getProduct = async (req, res) => {
  const product = await Product.findById(req.params.id);
  if (!product) throw createError(400, 'Product not found');
  res.json(product);
};

exports.getVenue = async (req, res) => {
  const venue = await Product.findById(req.params.venueId);
  if (!venue) throw Boom.badRequest('Venue not found');
  res.json(venue);
};
`,
      errors: [{ line: 7, column: 35, endLine: 7, endColumn: 38 }, { line: 13, column: 21, endLine: 13, endColumn: 55 }],
      output: `const createError = require('http-errors');
const Boom = require('@hapi/boom');
const Product = require('../models/product');

exports.getProduct = async (req, res) => {
  const product = await Product.findById(req.params.id);
  if (!product) throw createError(404, 'Product not found');
  res.json(product);
};

exports.getVenue = async (req, res) => {
  const venue = await Product.findById(req.params.venueId);
  if (!venue) throw Boom.badRequest('Venue not found');
  res.json(venue);
};
`,
    },
    {
      name: 'a not-found answered 200 through a response envelope holding only a status and a message',
      flavour: 'express4',
      esm: true,
      filename: 'src/controllers/todo.controllers.js',
      code: `import { ApiResponse } from '../utils/ApiResponse.js';
import { Todo } from '../models/todo.model.js';

export const deleteTodo = async (req, res) => {
  const todo = await Todo.findByIdAndDelete(req.params.todoId);
  if (!todo) {
    return res.status(200).json(new ApiResponse(200, {}, 'Todo does not exist'));
  }
  return res.status(200).json(new ApiResponse(200, { deletedTodo: todo }, 'Todo deleted successfully'));
};
`,
      errors: [{ line: 7, column: 12, endLine: 7, endColumn: 27 }],
      output: `import { ApiResponse } from '../utils/ApiResponse.js';
import { Todo } from '../models/todo.model.js';

export const deleteTodo = async (req, res) => {
  const todo = await Todo.findByIdAndDelete(req.params.todoId);
  if (!todo) {
    return res.status(404).json(new ApiResponse(404, {}, 'Todo does not exist'));
  }
  return res.status(200).json(new ApiResponse(200, { deletedTodo: todo }, 'Todo deleted successfully'));
};
`,
    },
    {
      name: 'a not-found sent with the implicit 200 inside an envelope repeating 200: the fix answers 404 in both places',
      flavour: 'express5',
      esm: true,
      filename: 'src/controllers/todo.controller.js',
      code: `import { ApiResponse } from '../utils/api-response.js';
import { Todo } from '../models/todo.model.js';

export const getTodo = async (req, res) => {
  const todo = await Todo.findById(req.params.todoId);
  if (!todo) return res.json(new ApiResponse(200, null, 'Todo not found'));
  return res.json(new ApiResponse(200, todo, 'Todo fetched'));
};
`,
      errors: [{ line: 6, column: 21, endLine: 6, endColumn: 75 }],
      output: `import { ApiResponse } from '../utils/api-response.js';
import { Todo } from '../models/todo.model.js';

export const getTodo = async (req, res) => {
  const todo = await Todo.findById(req.params.todoId);
  if (!todo) return res.status(404).json(new ApiResponse(404, null, 'Todo not found'));
  return res.json(new ApiResponse(200, todo, 'Todo fetched'));
};
`,
    },
    {
      name: 'a MikroORM entity created and persisted (em.create then em.persistAndFlush) answered 200',
      flavour: 'express5',
      filename: 'src/routes/authors.ts',
      code: `import { Router } from 'express';
import { RequestContext } from '@mikro-orm/core';
import { Author } from '../entities/Author';

const router = Router();

router.post('/authors', async (req, res) => {
  const em = RequestContext.getEntityManager()!;
  const author = em.create(Author, { name: String(req.body.name), email: String(req.body.email) });
  await em.persistAndFlush(author);
  res.json(author);
});

export default router;
`,
      errors: [{ line: 11, column: 3, endLine: 11, endColumn: 19 }],
      output: `import { Router } from 'express';
import { RequestContext } from '@mikro-orm/core';
import { Author } from '../entities/Author';

const router = Router();

router.post('/authors', async (req, res) => {
  const em = RequestContext.getEntityManager()!;
  const author = em.create(Author, { name: String(req.body.name), email: String(req.body.email) });
  await em.persistAndFlush(author);
  res.status(201).json(author);
});

export default router;
`,
    },
    {
      name: 'a record an update keyed by the route parameter hands back, missing and answered "not found" with 400',
      flavour: 'express5',
      filename: 'src/routes/deals.ts',
      code: `import { Router } from 'express';
import { updateStage } from '../services/deals';

const router = Router();

router.post('/deals/:id/lose', async (req, res) => {
  const deal = await updateStage(req.params.id, 'lost');
  if (!deal) return res.status(400).json({ message: 'Deal not found' });
  res.json(deal);
});

export default router;
`,
      errors: [{ line: 8, column: 21, endLine: 8, endColumn: 36 }],
      output: `import { Router } from 'express';
import { updateStage } from '../services/deals';

const router = Router();

router.post('/deals/:id/lose', async (req, res) => {
  const deal = await updateStage(req.params.id, 'lost');
  if (!deal) return res.status(404).json({ message: 'Deal not found' });
  res.json(deal);
});

export default router;
`,
    },
    {
      name: 'a TypeORM repository named after its entity (tags.create then tags.save) answering 200',
      flavour: 'express5',
      filename: 'src/routes/tags.ts',
      code: `import { Router } from 'express';
import { AppDataSource } from '../data-source';
import { Tag } from '../entity/Tag';

const router = Router();
const tags = AppDataSource.getRepository(Tag);

router.post('/tags', async (req, res) => {
  const tag = tags.create({ name: String(req.body.name), color: String(req.body.color) });
  const saved = await tags.save(tag);
  res.send(saved);
});

export default router;
`,
      errors: [{ line: 11, column: 3, endLine: 11, endColumn: 18 }],
      output: `import { Router } from 'express';
import { AppDataSource } from '../data-source';
import { Tag } from '../entity/Tag';

const router = Router();
const tags = AppDataSource.getRepository(Tag);

router.post('/tags', async (req, res) => {
  const tag = tags.create({ name: String(req.body.name), color: String(req.body.color) });
  const saved = await tags.save(tag);
  res.status(201).send(saved);
});

export default router;
`,
    },
    {
      name: 'a not-found thrown as ApiError(httpStatus.BAD_REQUEST, …) (http-status package constants)',
      flavour: 'express4',
      filename: 'src/controllers/user.controller.js',
      code: `const httpStatus = require('http-status');
const userService = require('../services/user.service');
const ApiError = require('../utils/ApiError');
const catchAsync = require('../utils/catchAsync');

const getUser = catchAsync(async (req, res) => {
  const user = await userService.getUserById(req.params.userId);
  if (!user) {
    throw new ApiError(httpStatus.BAD_REQUEST, 'User not found');
  }
  res.send(user);
});

module.exports = { getUser };
`,
      files: {
        'src/routes/user.route.js': `const express = require('express');
const userController = require('../controllers/user.controller');

const router = express.Router();
router.route('/:userId').get(userController.getUser);

module.exports = router;
`,
      },
      errors: [{ line: 9, column: 24, endLine: 9, endColumn: 46 }],
      output: `const httpStatus = require('http-status');
const userService = require('../services/user.service');
const ApiError = require('../utils/ApiError');
const catchAsync = require('../utils/catchAsync');

const getUser = catchAsync(async (req, res) => {
  const user = await userService.getUserById(req.params.userId);
  if (!user) {
    throw new ApiError(httpStatus.NOT_FOUND, 'User not found');
  }
  res.send(user);
});

module.exports = { getUser };
`,
    },
    {
      name: 'a not-found answered with the project\'s own status table (HTTP.BAD_REQUEST)',
      flavour: 'express4',
      filename: 'src/controllers/invoices.js',
      code: `const { HTTP } = require('../constants/http');
const { Invoice } = require('../models');

exports.getInvoice = async (req, res, next) => {
  try {
    const invoice = await Invoice.findByPk(req.params.invoiceId);
    if (!invoice) {
      return res.status(HTTP.BAD_REQUEST).json({ message: 'Invoice not found' });
    }
    res.status(HTTP.OK).json(invoice);
  } catch (err) {
    next(err);
  }
};
`,
      files: {
        'src/routes/invoices.js': `const router = require('express').Router();
const { getInvoice } = require('../controllers/invoices');

router.get('/:invoiceId', getInvoice);

module.exports = router;
`,
      },
      errors: [{ line: 8, column: 14, endLine: 8, endColumn: 42 }],
      output: `const { HTTP } = require('../constants/http');
const { Invoice } = require('../models');

exports.getInvoice = async (req, res, next) => {
  try {
    const invoice = await Invoice.findByPk(req.params.invoiceId);
    if (!invoice) {
      return res.status(HTTP.NOT_FOUND).json({ message: 'Invoice not found' });
    }
    res.status(HTTP.OK).json(invoice);
  } catch (err) {
    next(err);
  }
};
`,
    },
    {
      name: 'an error payload sent with 200 after the response was handed to a same-file helper that only reads res.locals',
      flavour: 'express5',
      filename: 'src/controllers/invoices.controller.ts',
      code: `import type { Request, Response } from 'express';
import { createInvoice } from '../services/invoices.service';

const userId = (res: Response) => res.locals.user.sub as string;

export async function create(req: Request, res: Response) {
  const result = await createInvoice(userId(res), req.body);
  if (!result.ok) {
    return res.json({ error: result.error });
  }
  res.status(201).json(result.value);
}
`,
      errors: [{ line: 9, column: 12, endLine: 9, endColumn: 45 }],
      output: `import type { Request, Response } from 'express';
import { createInvoice } from '../services/invoices.service';

const userId = (res: Response) => res.locals.user.sub as string;

export async function create(req: Request, res: Response) {
  const result = await createInvoice(userId(res), req.body);
  if (!result.ok) {
    return res.status(400).json({ error: result.error });
  }
  res.status(201).json(result.value);
}
`,
    },
    {
      name: 'Fastify: a missing record by the route parameter answered with @fastify/sensible\'s badRequest',
      flavour: 'fastify4',
      filename: 'src/routes/warehouses.js',
      code: `module.exports = async function warehouses(fastify) {
  fastify.delete('/warehouses/:id', async (request, reply) => {
    const { rows } = await fastify.pg.query('SELECT id FROM warehouses WHERE id = $1', [request.params.id]);
    const warehouse = rows[0];
    if (!warehouse) {
      return reply.badRequest('Warehouse not found');
    }
    await fastify.pg.query('DELETE FROM warehouses WHERE id = $1', [request.params.id]);
    return reply.code(204).send();
  });
};
`,
      errors: [{ line: 6, column: 14, endLine: 6, endColumn: 53, message: 'This branch answers a missing `warehouse` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' }],
      output: `module.exports = async function warehouses(fastify) {
  fastify.delete('/warehouses/:id', async (request, reply) => {
    const { rows } = await fastify.pg.query('SELECT id FROM warehouses WHERE id = $1', [request.params.id]);
    const warehouse = rows[0];
    if (!warehouse) {
      return reply.notFound('Warehouse not found');
    }
    await fastify.pg.query('DELETE FROM warehouses WHERE id = $1', [request.params.id]);
    return reply.code(204).send();
  });
};
`,
    },
    {
      name: 'a missing record by the route parameter thrown as a BadRequestError (no fix: the project picks its not-found class)',
      flavour: 'express4',
      filename: 'controllers/jobs.js',
      code: `const Job = require('../models/Job');
const { BadRequestError } = require('../errors');

const getJob = async (req, res) => {
  const job = await Job.findOne({ _id: req.params.id, createdBy: req.user.userId });
  if (!job) {
    throw new BadRequestError(\`No job with id \${req.params.id}\`);
  }
  res.status(200).json({ job });
};

module.exports = { getJob };
`,
      errors: [{ line: 7, column: 11, endLine: 7, endColumn: 65, message: 'This branch answers a missing `job` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' }],
    },
    {
      name: 'no row found by the route parameter (mysql2 [rows] and pg rows.length), answered 400',
      flavour: 'express4',
      filename: 'src/routes/invoices.js',
      code: `const { Router } = require('express');
const pool = require('../db');

const router = Router();

router.get('/invoices/:id', async (req, res) => {
  const [rows] = await pool.execute('SELECT * FROM invoices WHERE id = ?', [req.params.id]);
  if (!rows[0]) return res.status(400).json({ error: 'Invoice not found' });
  res.json(rows[0]);
});

router.get('/clients/:id', async (req, res) => {
  const result = await pool.query('SELECT * FROM clients WHERE id = $1', [req.params.id]);
  if (result.rows.length === 0) return res.status(400).json({ error: 'Client not found' });
  res.json(result.rows[0]);
});

module.exports = router;
`,
      errors: [
        { line: 8, column: 24, endLine: 8, endColumn: 39, message: 'This branch answers a missing `rows` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' },
        { line: 14, column: 40, endLine: 14, endColumn: 55, message: 'This branch answers a missing `result` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' },
      ],
      output: `const { Router } = require('express');
const pool = require('../db');

const router = Router();

router.get('/invoices/:id', async (req, res) => {
  const [rows] = await pool.execute('SELECT * FROM invoices WHERE id = ?', [req.params.id]);
  if (!rows[0]) return res.status(404).json({ error: 'Invoice not found' });
  res.json(rows[0]);
});

router.get('/clients/:id', async (req, res) => {
  const result = await pool.query('SELECT * FROM clients WHERE id = $1', [req.params.id]);
  if (result.rows.length === 0) return res.status(400).json({ error: 'Client not found' });
  res.json(result.rows[0]);
});

module.exports = router;
`,
    },
    {
      name: 'a missing record by the route parameter thrown inside the try whose own catch answers 500 (no fix: the flow must change)',
      flavour: 'express4',
      filename: 'src/controllers/products.js',
      code: `const Product = require('../models/product');

exports.getProduct = async (req, res) => {
  try {
    const product = await Product.findById(req.params.id);
    if (!product) throw new Error('Product not found');
    res.json(product);
  } catch (error) {
    console.error(error);
    res.status(500).json({ message: 'Something went wrong' });
  }
};
`,
      errors: [{ line: 6, column: 19, endLine: 6, endColumn: 56, message: 'This branch answers a missing `product` (looked up from the route parameters) with 500 Internal Server Error (through the catch below); answer 404 Not Found.' }],
    },
    {
      name: 'a create through the model\'s own static (Team.addTeam) answered 200',
      flavour: 'express4',
      filename: 'server/api/team-leader.js',
      code: `const express = require('express');
const Team = require('../models/Team');

const router = express.Router();

router.post('/teams', async (req, res, next) => {
  try {
    const team = await Team.addTeam({ userId: req.user.id, name: String(req.body.name) });
    res.json(team);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
`,
      errors: [{ line: 9, column: 5, endLine: 9, endColumn: 19, message: 'POST /teams creates a record (`Team.addTeam`) but answers 200 OK; answer 201 Created.' }],
      output: `const express = require('express');
const Team = require('../models/Team');

const router = express.Router();

router.post('/teams', async (req, res, next) => {
  try {
    const team = await Team.addTeam({ userId: req.user.id, name: String(req.body.name) });
    res.status(201).json(team);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
`,
    },
    {
      name: 'a missing record by the id destructured from the request\'s params, answered 400',
      flavour: 'express4',
      filename: 'controllers/jobs.js',
      code: `const Job = require('../models/Job');

const getJob = async (req, res) => {
  const {
    user: { userId },
    params: { id: jobId },
  } = req;
  const job = await Job.findOne({ _id: jobId, createdBy: userId });
  if (!job) {
    return res.status(400).json({ msg: \`No job with id \${jobId}\` });
  }
  res.status(200).json({ job });
};

module.exports = { getJob };
`,
      errors: [{ line: 10, column: 12, endLine: 10, endColumn: 27, message: 'This branch answers a missing `job` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' }],
      output: `const Job = require('../models/Job');

const getJob = async (req, res) => {
  const {
    user: { userId },
    params: { id: jobId },
  } = req;
  const job = await Job.findOne({ _id: jobId, createdBy: userId });
  if (!job) {
    return res.status(404).json({ msg: \`No job with id \${jobId}\` });
  }
  res.status(200).json({ job });
};

module.exports = { getJob };
`,
    },
    {
      name: 'a document inserted with the MongoDB driver and answered as it is, with 200',
      flavour: 'express4',
      filename: 'src/routes/reviews.js',
      code: `const { Router } = require('express');
const { db } = require('../mongo');

const router = Router();

router.post('/products/:id/reviews', async (req, res) => {
  const review = { productId: req.params.id, rating: Number(req.body.rating), createdAt: new Date() };
  await db.collection('reviews').insertOne(review);
  res.json(review);
});

module.exports = router;
`,
      errors: [{ line: 9, column: 3, endLine: 9, endColumn: 19, message: 'POST /products/:id/reviews creates a record (`db.collection(\'reviews\').insertOne`) but answers 200 OK; answer 201 Created.' }],
      output: `const { Router } = require('express');
const { db } = require('../mongo');

const router = Router();

router.post('/products/:id/reviews', async (req, res) => {
  const review = { productId: req.params.id, rating: Number(req.body.rating), createdAt: new Date() };
  await db.collection('reviews').insertOne(review);
  res.status(201).json(review);
});

module.exports = router;
`,
    },
    {
      name: 'Fastify: the first row of a SQL query by the route parameter missing, answered 400',
      flavour: 'fastify4',
      filename: 'src/routes/tickets.js',
      code: `module.exports = async function tickets(app) {
  app.get('/tickets/:id', async (request, reply) => {
    const { rows } = await app.pg.query('SELECT * FROM tickets WHERE id = $1', [request.params.id]);
    const ticket = rows[0];
    if (!ticket) {
      reply.code(400);
      return { message: 'Ticket not found' };
    }
    return ticket;
  });
};
`,
      errors: [{ line: 6, column: 7, endLine: 6, endColumn: 22, message: 'This branch answers a missing `ticket` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' }],
      output: `module.exports = async function tickets(app) {
  app.get('/tickets/:id', async (request, reply) => {
    const { rows } = await app.pg.query('SELECT * FROM tickets WHERE id = $1', [request.params.id]);
    const ticket = rows[0];
    if (!ticket) {
      reply.code(404);
      return { message: 'Ticket not found' };
    }
    return ticket;
  });
};
`,
    },
    {
      name: 'a missing record by the route parameter passed on as an AppError carrying 400',
      flavour: 'express4',
      filename: 'controllers/courseController.js',
      code: `const Course = require('../models/courseModel');
const AppError = require('../utils/appError');
const catchAsync = require('../utils/catchAsync');

exports.getCourse = catchAsync(async (req, res, next) => {
  const course = await Course.findById(req.params.id);
  if (!course) {
    return next(new AppError('No course found with that ID', 400));
  }
  res.status(200).json({ status: 'success', data: { course } });
});
`,
      errors: [{ line: 8, column: 62, endLine: 8, endColumn: 65, message: 'This branch answers a missing `course` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' }],
      output: `const Course = require('../models/courseModel');
const AppError = require('../utils/appError');
const catchAsync = require('../utils/catchAsync');

exports.getCourse = catchAsync(async (req, res, next) => {
  const course = await Course.findById(req.params.id);
  if (!course) {
    return next(new AppError('No course found with that ID', 404));
  }
  res.status(200).json({ status: 'success', data: { course } });
});
`,
    },
    {
      name: 'Fastify: a missing record by the route parameter thrown as an HttpError carrying 400',
      flavour: 'fastify5',
      filename: 'src/routes/lessons.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors';

export default async function lessons(app: FastifyInstance) {
  app.get<{ Params: { id: string } }>('/lessons/:id', async (request) => {
    const lesson = await app.db.lesson.findUnique({ where: { id: request.params.id } });
    if (!lesson) throw new HttpError(400, 'Lesson not found');
    return lesson;
  });
}
`,
      errors: [{ line: 7, column: 38, endLine: 7, endColumn: 41, message: 'This branch answers a missing `lesson` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' }],
      output: `import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors';

export default async function lessons(app: FastifyInstance) {
  app.get<{ Params: { id: string } }>('/lessons/:id', async (request) => {
    const lesson = await app.db.lesson.findUnique({ where: { id: request.params.id } });
    if (!lesson) throw new HttpError(404, 'Lesson not found');
    return lesson;
  });
}
`,
    },
  {
    name: 'the error status falling back through res.statusCode before 500 still answers 200',
    flavour: 'express4',
    filename: 'src/middleware/error.js',
    code: `module.exports = (err, req, res, next) => {
  const status = err.statusCode || res.statusCode || 500;
  res.status(status).json({ message: status >= 500 ? 'Internal server error' : err.message });
};
`,
    errors: [{ line: 2, column: 18, endLine: 2, endColumn: 57, message: '`res.statusCode` is already 200 when no handler set it, so `err.statusCode || res.statusCode || 500` answers an unexpected error with 200 OK; fall back to 500 when it is still 200.' }],
    output: `module.exports = (err, req, res, next) => {
  const status = err.statusCode || (res.statusCode === 200 ? 500 : res.statusCode);
  res.status(status).json({ message: status >= 500 ? 'Internal server error' : err.message });
};
`,
  },
  {
    name: 'POST /api/webhooks registering a customer subscription is a create',
    flavour: 'express4',
    filename: 'src/app.js',
    code: `const express = require('express');
const { db } = require('./db');
const { SubscriptionInput } = require('./schemas');

const app = express();
app.use(express.json());

app.post('/api/webhooks', async (req, res) => {
  const input = SubscriptionInput.parse(req.body);
  const subscription = await db.subscription.create({ data: input });
  res.json(subscription);
});

module.exports = app;
`,
    errors: [{ line: 11, column: 3, endLine: 11, endColumn: 25, message: 'POST /api/webhooks creates a record (`db.subscription.create`) but answers 200 OK; answer 201 Created.' }],
    output: `const express = require('express');
const { db } = require('./db');
const { SubscriptionInput } = require('./schemas');

const app = express();
app.use(express.json());

app.post('/api/webhooks', async (req, res) => {
  const input = SubscriptionInput.parse(req.body);
  const subscription = await db.subscription.create({ data: input });
  res.status(201).json(subscription);
});

module.exports = app;
`,
  },
  {
    name: 'the tutorial error middleware: res.statusCode is 200 until set, so its 500 fallback never applies',
    flavour: 'express4',
    filename: 'backend/middleware/errorMiddleware.js',
    code: `const errorHandler = (err, req, res, next) => {
  const statusCode = res.statusCode ? res.statusCode : 500;
  res.status(statusCode);
  res.json({ message: 'Something went wrong', stack: process.env.NODE_ENV === 'production' ? null : err.stack });
};

module.exports = { errorHandler };
`,
    errors: [{ line: 2, column: 22, endLine: 2, endColumn: 59, message: '`res.statusCode` is already 200 when no handler set it, so `res.statusCode ? res.statusCode : 500` answers an unexpected error with 200 OK; fall back to 500 when it is still 200.' }],
    output: `const errorHandler = (err, req, res, next) => {
  const statusCode = res.statusCode === 200 ? 500 : res.statusCode;
  res.status(statusCode);
  res.json({ message: 'Something went wrong', stack: process.env.NODE_ENV === 'production' ? null : err.stack });
};

module.exports = { errorHandler };
`,
  },
  {
    name: 'an error answered 200 after a request field was found missing says not found, but the request is bad: 400',
    flavour: 'express4',
    filename: 'src/routes/auth.js',
    code: `const express = require('express');

const router = express.Router();

router.post('/login', async (req, res) => {
  const { email } = req.body;
  if (!email) {
    return res.json({ status: 'error', message: 'email not found' });
  }
  res.json({ status: 'success' });
});

module.exports = router;
`,
    errors: [{ line: 8, column: 12, endLine: 8, endColumn: 69, message: 'An error payload (`status: \'error\'`) is sent with 200 OK; answer 400 Bad Request.' }],
    output: `const express = require('express');

const router = express.Router();

router.post('/login', async (req, res) => {
  const { email } = req.body;
  if (!email) {
    return res.status(400).json({ status: 'error', message: 'email not found' });
  }
  res.json({ status: 'success' });
});

module.exports = router;
`,
  },
  {
    name: 'a signup answering 200 from inside the callback of the save that created the user',
    flavour: 'express4',
    filename: 'app/controllers/auth.controller.js',
    code: `const db = require('../models');
const User = db.user;

exports.signup = (req, res) => {
  const user = new User({ username: req.body.username, email: req.body.email });
  user.save((err) => {
    if (err) {
      res.status(500).send({ message: 'Could not register' });
      return;
    }
    res.send({ message: 'User was registered successfully!' });
  });
};
`,
    errors: [{ line: 11, column: 5, endLine: 11, endColumn: 63, message: 'This handler creates a record (`user.save`) but answers 200 OK; answer 201 Created.' }],
    output: `const db = require('../models');
const User = db.user;

exports.signup = (req, res) => {
  const user = new User({ username: req.body.username, email: req.body.email });
  user.save((err) => {
    if (err) {
      res.status(500).send({ message: 'Could not register' });
      return;
    }
    res.status(201).send({ message: 'User was registered successfully!' });
  });
};
`,
  },
  {
    name: 'a create handler that also pushes the new record onto a loaded parent answers the new record: still a create',
    flavour: 'express4',
    filename: 'src/routes/projects.js',
    code: `const express = require('express');
const Project = require('../models/Project');
const taskService = require('../services/taskService');

const router = express.Router();

const createTask = async (req, res) => {
  const project = await Project.findById(req.params.projectId);
  if (!project) return res.status(404).json({ message: 'Project not found' });
  const task = await taskService.buildTask({ title: req.body.title, project: project._id });
  project.tasks.push(task._id);
  await project.save();
  res.json(task);
};

router.post('/projects/:projectId/tasks', createTask);

module.exports = router;
`,
    errors: [{ line: 13, column: 3, endLine: 13, endColumn: 17, message: 'POST /projects/:projectId/tasks creates a record (`createTask`) but answers 200 OK; answer 201 Created.' }],
    output: `const express = require('express');
const Project = require('../models/Project');
const taskService = require('../services/taskService');

const router = express.Router();

const createTask = async (req, res) => {
  const project = await Project.findById(req.params.projectId);
  if (!project) return res.status(404).json({ message: 'Project not found' });
  const task = await taskService.buildTask({ title: req.body.title, project: project._id });
  project.tasks.push(task._id);
  await project.save();
  res.status(201).json(task);
};

router.post('/projects/:projectId/tasks', createTask);

module.exports = router;
`,
  },
    {
      name: 'one of two records looked up (the one keyed by the route parameter) missing, answered 400',
      flavour: 'express4',
      filename: 'backend/controllers/user.controller.js',
      code: `import User from '../models/user.model.js';

export const followUnfollowUser = async (req, res) => {
  const { id } = req.params;
  const userToModify = await User.findById(id);
  const currentUser = await User.findById(req.user._id);
  if (!userToModify || !currentUser) return res.status(400).json({ error: 'User not found' });
  await currentUser.toggleFollow(userToModify);
  res.status(200).json({ message: 'Done' });
};
`,
      esm: true,
      errors: [{ line: 7, column: 45, endLine: 7, endColumn: 60, message: 'This branch answers a missing `userToModify` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' }],
      output: `import User from '../models/user.model.js';

export const followUnfollowUser = async (req, res) => {
  const { id } = req.params;
  const userToModify = await User.findById(id);
  const currentUser = await User.findById(req.user._id);
  if (!userToModify || !currentUser) return res.status(404).json({ error: 'User not found' });
  await currentUser.toggleFollow(userToModify);
  res.status(200).json({ message: 'Done' });
};
`,
    },
    {
      name: 'Fastify: a missing record found by the route parameter answered 400 before throwing',
      flavour: 'fastify5',
      filename: 'src/routes/invoices.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { Invoice } from '../models';

export default async function invoices(app: FastifyInstance) {
  app.get<{ Params: { id: string } }>('/invoices/:id', async (request, reply) => {
    const invoice = await Invoice.findById(request.params.id);
    if (!invoice) {
      reply.code(400);
      throw new Error('Invoice not found');
    }
    return invoice;
  });
}
`,
      errors: [{ line: 8, column: 7, endLine: 8, endColumn: 22, message: 'This branch answers a missing `invoice` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' }],
      output: `import type { FastifyInstance } from 'fastify';
import { Invoice } from '../models';

export default async function invoices(app: FastifyInstance) {
  app.get<{ Params: { id: string } }>('/invoices/:id', async (request, reply) => {
    const invoice = await Invoice.findById(request.params.id);
    if (!invoice) {
      reply.code(404);
      throw new Error('Invoice not found');
    }
    return invoice;
  });
}
`,
    },
    {
      name: 'a missing input answered 200 with a please-provide message',
      flavour: 'express4',
      filename: 'controllers/domainControllers/addCustomDomain.js',
      code: `module.exports = async function addCustomDomain(req, res) {
  const { domain } = req.body;
  if (!domain) {
    res.send('Please provide a domain');
    return;
  }
  res.status(201).json({ domain: String(domain) });
};
`,
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 40, message: 'An error payload (an error message) is sent with 200 OK; answer 400 Bad Request.' }],
      output: `module.exports = async function addCustomDomain(req, res) {
  const { domain } = req.body;
  if (!domain) {
    res.status(400).send('Please provide a domain');
    return;
  }
  res.status(201).json({ domain: String(domain) });
};
`,
    },
    {
      name: 'a missing record found by the route parameter answered 400 through the error handler',
      flavour: 'express4',
      filename: 'backend/controllers/goalController.js',
      code: `const asyncHandler = require('express-async-handler');
const Goal = require('../models/goalModel');

const updateGoal = asyncHandler(async (req, res) => {
  const goal = await Goal.findById(req.params.id);
  if (!goal) {
    res.status(400);
    throw new Error('Goal not found');
  }
  res.status(200).json(await Goal.findByIdAndUpdate(req.params.id, { text: String(req.body.text) }, { new: true }));
});

module.exports = { updateGoal };
`,
      errors: [{ line: 7, column: 5, endLine: 7, endColumn: 20, message: 'This branch answers a missing `goal` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found.' }],
      output: `const asyncHandler = require('express-async-handler');
const Goal = require('../models/goalModel');

const updateGoal = asyncHandler(async (req, res) => {
  const goal = await Goal.findById(req.params.id);
  if (!goal) {
    res.status(404);
    throw new Error('Goal not found');
  }
  res.status(200).json(await Goal.findByIdAndUpdate(req.params.id, { text: String(req.body.text) }, { new: true }));
});

module.exports = { updateGoal };
`,
    },
    {
      name: 'a failed login answered 200 is an error payload, not a missing resource',
      flavour: 'express4',
      filename: 'controllers/authController.js',
      code: `const { User } = require('../models');

const authController = {};

authController.login = async (req, res) => {
  const user = await User.findOne({ where: { email: String(req.body.email) } });
  if (!user) {
    return res.send('The email address or password is incorrect.');
  }
  return res.json({ success: true });
};

module.exports = authController;
`,
      errors: [{ line: 8, column: 12, endLine: 8, endColumn: 67, message: 'An error payload (an error message) is sent with 200 OK; answer 401 Unauthorized.' }],
      output: `const { User } = require('../models');

const authController = {};

authController.login = async (req, res) => {
  const user = await User.findOne({ where: { email: String(req.body.email) } });
  if (!user) {
    return res.status(401).send('The email address or password is incorrect.');
  }
  return res.json({ success: true });
};

module.exports = authController;
`,
    },
    {
      name: 'a create answering 200 on the success path after an error branch that set 400 and returned',
      flavour: 'fastify4',
      filename: 'src/server/routes/policies.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { db } from '../db';

export default async (fastify: FastifyInstance) => {
  fastify.post('/policies', async (request, reply) => {
    const { data, error } = await db.policies.create(request.body as object);
    if (error) {
      reply.code(400);
      return { error: error.message };
    }
    return data;
  });
};
`,
      errors: [{ line: 11, column: 12, endLine: 11, endColumn: 16, message: 'POST /policies creates a record (`db.policies.create`) but answers 200 OK; answer 201 Created.' }],
      output: `import type { FastifyInstance } from 'fastify';
import { db } from '../db';

export default async (fastify: FastifyInstance) => {
  fastify.post('/policies', async (request, reply) => {
    const { data, error } = await db.policies.create(request.body as object);
    if (error) {
      reply.code(400);
      return { error: error.message };
    }
    reply.code(201);
    return data;
  });
};
`,
    },
    {
      name: 'a not-found message answered 500 after a lookup keyed by the request',
      flavour: 'express4',
      filename: 'src/routes/orders.js',
      code: `const express = require('express');
const Order = require('../models/order');

const router = express.Router();

router.get('/orders/track', async (req, res) => {
  const number = String(req.query.number);
  const order = await Order.findOne({ number });
  if (!order) return res.status(500).json({ message: 'Order not found' });
  res.json(order);
});

module.exports = router;
`,
      errors: [{ line: 9, column: 22, endLine: 9, endColumn: 37, message: 'This response says the resource was not found but answers 500 Internal Server Error; answer 404 Not Found.' }],
      output: `const express = require('express');
const Order = require('../models/order');

const router = express.Router();

router.get('/orders/track', async (req, res) => {
  const number = String(req.query.number);
  const order = await Order.findOne({ number });
  if (!order) return res.status(404).json({ message: 'Order not found' });
  res.json(order);
});

module.exports = router;
`,
    },
    {
      name: "an error message under the 'mssg' key sent with 200 after a failed check",
      flavour: 'express4',
      filename: 'src/routes/user.js',
      code: `const express = require('express');
const bcrypt = require('bcrypt');
const db = require('../db');

const router = express.Router();

router.post('/user/change-password', async (req, res) => {
  const user = await db.getUser(req.session.id);
  const same = await bcrypt.compare(req.body.old, user.password);
  if (!same) {
    res.json({ mssg: 'Incorrect password!!' });
  } else {
    await db.setPassword(user.id, await bcrypt.hash(req.body.new_, 10));
    res.json({ mssg: 'Password changed!!', success: true });
  }
});

module.exports = router;
`,
      errors: [{ line: 11, column: 5, endLine: 11, endColumn: 47, message: 'An error payload (an error message) is sent with 200 OK; answer 401 Unauthorized.' }],
      output: `const express = require('express');
const bcrypt = require('bcrypt');
const db = require('../db');

const router = express.Router();

router.post('/user/change-password', async (req, res) => {
  const user = await db.getUser(req.session.id);
  const same = await bcrypt.compare(req.body.old, user.password);
  if (!same) {
    res.status(401).json({ mssg: 'Incorrect password!!' });
  } else {
    await db.setPassword(user.id, await bcrypt.hash(req.body.new_, 10));
    res.json({ mssg: 'Password changed!!', success: true });
  }
});

module.exports = router;
`,
    },
    {
      name: 'the API that manages webhooks is not a webhook receiver: a missing one is a 404',
      flavour: 'express4',
      filename: 'src/routes/webhooks.js',
      code: `const express = require('express');
const webhookService = require('../services/webhooks');

const router = express.Router();

router.put('/webhooks/:id/status', async (req, res) => {
  const item = await webhookService.findById(req.params.id);
  if (!item) {
    return res.status(200).json({ error: 'Webhook not found' });
  }
  res.json(await webhookService.setStatus(item, req.body.status));
});

module.exports = router;
`,
      errors: [{ line: 9, column: 12, endLine: 9, endColumn: 27, message: "This branch answers a missing `item` (looked up from the route parameters) with 200 OK; answer 404 Not Found." }],
      output: `const express = require('express');
const webhookService = require('../services/webhooks');

const router = express.Router();

router.put('/webhooks/:id/status', async (req, res) => {
  const item = await webhookService.findById(req.params.id);
  if (!item) {
    return res.status(404).json({ error: 'Webhook not found' });
  }
  res.json(await webhookService.setStatus(item, req.body.status));
});

module.exports = router;
`,
    },
    {
      name: 'sendMessage storing a Message on POST /messages answers 200',
      flavour: 'express4',
      filename: 'src/routes/messages.js',
      code: `const express = require('express');
const Message = require('../models/message');

const router = express.Router();

const sendMessage = async (req, res) => {
  const { content } = req.body;
  if (typeof content !== 'string') return res.sendStatus(400);
  const message = await Message.create({ content, sender: req.user.id });
  res.json(message);
};

router.post('/messages', sendMessage);
module.exports = router;
`,
      errors: [{ line: 10, column: 3, endLine: 10, endColumn: 20, message: 'POST /messages creates a record (`Message.create`) but answers 200 OK; answer 201 Created.' }],
      output: `const express = require('express');
const Message = require('../models/message');

const router = express.Router();

const sendMessage = async (req, res) => {
  const { content } = req.body;
  if (typeof content !== 'string') return res.sendStatus(400);
  const message = await Message.create({ content, sender: req.user.id });
  res.status(201).json(message);
};

router.post('/messages', sendMessage);
module.exports = router;
`,
    },
    {
      name: "a create answered with the project's own SUCCESS constant; the fix writes 201 (the table may have no CREATED)",
      flavour: 'fastify4',
      filename: 'src/routes/projects.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { Project } from '../models/project';
import { STATUS_CODES } from '../common/constants';

export default async function projects(fastify: FastifyInstance) {
  fastify.post('/projects', { schema: { body: { type: 'object', properties: { name: { type: 'string' } } } } }, async (request, reply) => {
    const project = await Project.create(request.body);
    return reply.status(STATUS_CODES.SUCCESS).send({ data: project });
  });
}
`,
      errors: [{ line: 8, column: 12, endLine: 8, endColumn: 46, message: 'POST /projects creates a record (`Project.create`) but answers 200 OK; answer 201 Created.' }],
      output: `import type { FastifyInstance } from 'fastify';
import { Project } from '../models/project';
import { STATUS_CODES } from '../common/constants';

export default async function projects(fastify: FastifyInstance) {
  fastify.post('/projects', { schema: { body: { type: 'object', properties: { name: { type: 'string' } } } } }, async (request, reply) => {
    const project = await Project.create(request.body);
    return reply.status(201).send({ data: project });
  });
}
`,
    },
    {
      name: "a POST handler that creates a record answers 200 implicitly",
      flavour: 'express4',
      code: `import express from 'express';
import { User } from './models/user';

const app = express();
app.use(express.json());

app.post('/users', async (req, res) => {
  const { email, name } = req.body;
  const user = await User.create({ email, name });
  res.json(user);
});

export default app;
`,
      errors: [
        { line: 10, column: 3, endLine: 10, endColumn: 17, message: "POST /users creates a record (`User.create`) but answers 200 OK; answer 201 Created." },
      ],
      output: `import express from 'express';
import { User } from './models/user';

const app = express();
app.use(express.json());

app.post('/users', async (req, res) => {
  const { email, name } = req.body;
  const user = await User.create({ email, name });
  res.status(201).json(user);
});

export default app;
`,
    },
    {
      name: "an exported create controller answers an explicit 200",
      flavour: 'express5',
      filename: 'src/controllers/todo.controller.ts',
      code: `import type { Request, Response } from 'express';
import { prisma } from '../db';

export const createTodo = async (req: Request, res: Response) => {
  const todo = await prisma.todo.create({ data: { title: req.body.title } });
  res.status(200).json({ data: todo });
};
`,
      errors: [
        { line: 6, column: 3, endLine: 6, endColumn: 18, message: "This handler creates a record (`prisma.todo.create`) but answers 200 OK; answer 201 Created." },
      ],
      output: `import type { Request, Response } from 'express';
import { prisma } from '../db';

export const createTodo = async (req: Request, res: Response) => {
  const todo = await prisma.todo.create({ data: { title: req.body.title } });
  res.status(201).json({ data: todo });
};
`,
    },
    {
      name: "a status constant is rewritten in the same spelling",
      flavour: 'express4',
      filename: 'src/controllers/product.controller.js',
      code: `const httpStatus = require('http-status');
const Product = require('../models/product.model');

const createProduct = async (req, res) => {
  const product = new Product(req.body);
  await product.save();
  res.status(httpStatus.OK).send(product);
};

module.exports = { createProduct };
`,
      errors: [
        { line: 7, column: 3, endLine: 7, endColumn: 28, message: "This handler creates a record (`product.save`) but answers 200 OK; answer 201 Created." },
      ],
      output: `const httpStatus = require('http-status');
const Product = require('../models/product.model');

const createProduct = async (req, res) => {
  const product = new Product(req.body);
  await product.save();
  res.status(httpStatus.CREATED).send(product);
};

module.exports = { createProduct };
`,
    },
    {
      name: "a lookup by route parameter that finds nothing answers 400",
      flavour: 'express4',
      filename: 'src/routes/users.js',
      code: `const express = require('express');
const User = require('../models/User');

const router = express.Router();

router.get('/:id', async (req, res) => {
  const { id } = req.params;
  const user = await User.findById(id);
  if (!user) {
    return res.status(400).json({ message: 'Invalid user' });
  }
  res.json(user);
});

module.exports = router;
`,
      errors: [
        { line: 10, column: 12, endLine: 10, endColumn: 27, message: "This branch answers a missing `user` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found." },
      ],
      output: `const express = require('express');
const User = require('../models/User');

const router = express.Router();

router.get('/:id', async (req, res) => {
  const { id } = req.params;
  const user = await User.findById(id);
  if (!user) {
    return res.status(404).json({ message: 'Invalid user' });
  }
  res.json(user);
});

module.exports = router;
`,
    },
    {
      name: "a not-found message sent with 200",
      flavour: 'express5',
      filename: 'src/controllers/tutorial.controller.ts',
      code: `import { Request, Response } from 'express';
import tutorialRepository from '../repositories/tutorial.repository';

export default class TutorialController {
  async delete(req: Request, res: Response) {
    const id = parseInt(req.params.id);
    const removed = await tutorialRepository.delete(id);
    if (removed === 1) {
      res.send({ message: 'Tutorial was deleted successfully!' });
    } else {
      res.send({ message: \`Cannot delete Tutorial with id=\${id}. Maybe it was not found!\` });
    }
  }
}
`,
      errors: [
        { line: 11, column: 7, endLine: 11, endColumn: 93, message: "This response says the resource was not found but answers 200 OK; answer 404 Not Found." },
      ],
      output: `import { Request, Response } from 'express';
import tutorialRepository from '../repositories/tutorial.repository';

export default class TutorialController {
  async delete(req: Request, res: Response) {
    const id = parseInt(req.params.id);
    const removed = await tutorialRepository.delete(id);
    if (removed === 1) {
      res.send({ message: 'Tutorial was deleted successfully!' });
    } else {
      res.status(404).send({ message: \`Cannot delete Tutorial with id=\${id}. Maybe it was not found!\` });
    }
  }
}
`,
    },
    {
      name: "an error payload from a catch block is sent with 200",
      flavour: 'express5',
      filename: 'src/routes/posts.js',
      esm: true,
      code: `import { Router } from 'express';
import Post from '../models/post.js';

const router = Router();

router.get('/', async (req, res) => {
  try {
    const posts = await Post.find().sort({ createdAt: -1 });
    res.json(posts);
  } catch (err) {
    res.json({ error: err.message });
  }
});

export default router;
`,
      errors: [
        { line: 11, column: 5, endLine: 11, endColumn: 37, message: "An error payload (an `error` property) is sent from a catch block with 200 OK; answer 500 Internal Server Error." },
      ],
      output: `import { Router } from 'express';
import Post from '../models/post.js';

const router = Router();

router.get('/', async (req, res) => {
  try {
    const posts = await Post.find().sort({ createdAt: -1 });
    res.json(posts);
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});

export default router;
`,
    },
    {
      name: "success: false sent with an explicit 200 after a failed check",
      flavour: 'express4',
      filename: 'src/routes/coupons.ts',
      code: `import { Router } from 'express';
import { Coupon } from '../models/coupon';

export const couponsRouter = Router();

couponsRouter.post('/apply', async (req, res) => {
  const coupon = await Coupon.findOne({ code: req.body.code });
  if (!coupon || coupon.expired) {
    return res.status(200).send({ success: false, message: 'Coupon is invalid or expired' });
  }
  res.json({ success: true, discount: coupon.discount });
});
`,
      errors: [
        { line: 9, column: 12, endLine: 9, endColumn: 27, message: "An error payload (`success: false`) is sent with 200 OK; answer 400 Bad Request." },
      ],
      output: `import { Router } from 'express';
import { Coupon } from '../models/coupon';

export const couponsRouter = Router();

couponsRouter.post('/apply', async (req, res) => {
  const coupon = await Coupon.findOne({ code: req.body.code });
  if (!coupon || coupon.expired) {
    return res.status(400).send({ success: false, message: 'Coupon is invalid or expired' });
  }
  res.json({ success: true, discount: coupon.discount });
});
`,
    },
    {
      name: "express-validator errors sent with 200",
      flavour: 'express4',
      filename: 'routes/api/profile.js',
      code: `const express = require('express');
const { check, validationResult } = require('express-validator');

const router = express.Router();

router.put('/experience', check('title', 'Title is required').notEmpty(), async (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) {
    return res.json({ errors: errors.array() });
  }
  res.json({ ok: true });
});

module.exports = router;
`,
      errors: [
        { line: 9, column: 12, endLine: 9, endColumn: 48, message: "An error payload (an `errors` property) is sent with 200 OK; answer 400 Bad Request." },
      ],
      output: `const express = require('express');
const { check, validationResult } = require('express-validator');

const router = express.Router();

router.put('/experience', check('title', 'Title is required').notEmpty(), async (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) {
    return res.status(400).json({ errors: errors.array() });
  }
  res.json({ ok: true });
});

module.exports = router;
`,
    },
    {
      name: "204 with a JSON body",
      flavour: 'express4',
      filename: 'src/controllers/session.controller.ts',
      code: `import type { Request, Response } from 'express';
import { sessions } from '../store';

export function deleteSession(req: Request, res: Response) {
  sessions.delete(req.params.id);
  res.status(204).json({ deleted: true });
}
`,
      errors: [
        { line: 6, column: 3, endLine: 6, endColumn: 18, message: "204 No Content must not carry a body, but this response sends one; drop the body or answer 200 OK." },
      ],
      output: `import type { Request, Response } from 'express';
import { sessions } from '../store';

export function deleteSession(req: Request, res: Response) {
  sessions.delete(req.params.id);
  res.status(204).end();
}
`,
    },
    {
      name: "Fastify: 204 with a body",
      flavour: 'fastify5',
      filename: 'src/routes/comments.ts',
      code: `import type { FastifyInstance } from 'fastify';

export default async function comments(fastify: FastifyInstance) {
  fastify.delete('/comments/:id', async (request, reply) => {
    await fastify.db.comments.remove(request.params.id);
    return reply.code(204).send({ message: 'Comment deleted' });
  });
}
`,
      errors: [
        { line: 6, column: 12, endLine: 6, endColumn: 27, message: "204 No Content must not carry a body, but this response sends one; drop the body or answer 200 OK." },
      ],
      output: `import type { FastifyInstance } from 'fastify';

export default async function comments(fastify: FastifyInstance) {
  fastify.delete('/comments/:id', async (request, reply) => {
    await fastify.db.comments.remove(request.params.id);
    return reply.code(204).send();
  });
}
`,
    },
    {
      name: "a status that never sends",
      flavour: 'express4',
      filename: 'src/routes/files.js',
      code: `const router = require('express').Router();
const files = require('../services/files');

router.get('/files/:name', async (req, res) => {
  const file = await files.find(req.params.name);
  if (!file) {
    res.status(404);
    return;
  }
  res.download(file.path);
});

module.exports = router;
`,
      errors: [
        { line: 7, column: 5, endLine: 7, endColumn: 20, message: "`res.status(404)` sets the status but nothing sends the response, so the request hangs; end it (`.end()`) or send a body." },
      ],
      output: `const router = require('express').Router();
const files = require('../services/files');

router.get('/files/:name', async (req, res) => {
  const file = await files.find(req.params.name);
  if (!file) {
    res.status(404).end();
    return;
  }
  res.download(file.path);
});

module.exports = router;
`,
    },
    {
      name: "res.send(404) on Express 4",
      flavour: 'express4',
      filename: 'src/routes/legacy.js',
      code: `const express = require('express');
const router = express.Router();

router.get('/legacy/:id', (req, res) => {
  if (req.params.id !== '1') return res.send(404);
  res.send('ok');
});

module.exports = router;
`,
      errors: [
        { line: 5, column: 37, endLine: 5, endColumn: 50, message: "`res.send(404)` is deprecated in Express 4 and removed in Express 5; use `res.sendStatus(404)`." },
      ],
      output: `const express = require('express');
const router = express.Router();

router.get('/legacy/:id', (req, res) => {
  if (req.params.id !== '1') return res.sendStatus(404);
  res.send('ok');
});

module.exports = router;
`,
    },
    {
      name: "res.send(500) on Express 5 sends the number as the body",
      flavour: 'express5',
      filename: 'src/routes/health.ts',
      code: `import { Router } from 'express';
import { db } from '../db';

const router = Router();

router.get('/ready', async (_req, res) => {
  const ok = await db.ping();
  if (!ok) {
    res.send(500);
    return;
  }
  res.json({ ready: true });
});

export default router;
`,
      errors: [
        { line: 9, column: 5, endLine: 9, endColumn: 18, message: "`res.send(500)` no longer sets the status in Express 5: it sends 500 as a JSON body with 200 OK. Use `res.sendStatus(500)`." },
      ],
      output: `import { Router } from 'express';
import { db } from '../db';

const router = Router();

router.get('/ready', async (_req, res) => {
  const ok = await db.ping();
  if (!ok) {
    res.sendStatus(500);
    return;
  }
  res.json({ ready: true });
});

export default router;
`,
    },
    {
      name: "res.json(obj, status) passes the status second",
      flavour: 'express4',
      filename: 'server/controllers/items.js',
      code: `const Item = require('../models/item');

exports.addItem = function (req, res) {
  Item.create(req.body, function (err, item) {
    if (err) return res.json({ message: 'Could not save the item' }, 500);
    res.json(item, 201);
  });
};
`,
      errors: [
        { line: 5, column: 21, endLine: 5, endColumn: 74, message: "`res.json(obj, status)` passes the status to `json`; it is deprecated in Express 4 and removed in Express 5. Use `res.status(500).json({ message: 'Could not save the item' })`." },
        { line: 6, column: 5, endLine: 6, endColumn: 24, message: "`res.json(obj, status)` passes the status to `json`; it is deprecated in Express 4 and removed in Express 5. Use `res.status(201).json(item)`." },
      ],
      output: `const Item = require('../models/item');

exports.addItem = function (req, res) {
  Item.create(req.body, function (err, item) {
    if (err) return res.status(500).json({ message: 'Could not save the item' });
    res.json(item, 201);
  });
};
`,
    },
    {
      name: "res.send(status, body) on Express 5",
      flavour: 'express5',
      filename: 'src/middleware/require-json.ts',
      code: `import type { NextFunction, Request, Response } from 'express';

export function requireJson(req: Request, res: Response, next: NextFunction) {
  if (!req.is('application/json')) {
    return res.send(415, 'Expected a JSON body');
  }
  next();
}
`,
      errors: [
        { line: 5, column: 12, endLine: 5, endColumn: 49, message: "`res.send(status, obj)` passes the status to `send`; Express 5 sends the status as the body. Use `res.status(415).send('Expected a JSON body')`." },
      ],
      output: `import type { NextFunction, Request, Response } from 'express';

export function requireJson(req: Request, res: Response, next: NextFunction) {
  if (!req.is('application/json')) {
    return res.status(415).send('Expected a JSON body');
  }
  next();
}
`,
    },
    {
      name: "res.redirect(url, status) on Express 4",
      flavour: 'express4',
      filename: 'src/routes/docs.js',
      code: `const express = require('express');
const router = express.Router();

router.get('/docs', (req, res) => {
  res.redirect('/docs/v2', 301);
});

module.exports = router;
`,
      errors: [
        { line: 5, column: 3, endLine: 5, endColumn: 32, message: "`res.redirect(url, status)` is deprecated in Express 4 and removed in Express 5; pass the status first." },
      ],
      output: `const express = require('express');
const router = express.Router();

router.get('/docs', (req, res) => {
  res.redirect(301, '/docs/v2');
});

module.exports = router;
`,
    },
    {
      name: "a redirect with a non-3xx code",
      flavour: 'express5',
      filename: 'src/routes/auth.ts',
      code: `import { Router } from 'express';

export const router = Router();

router.get('/auth/callback', (req, res) => {
  if (!req.query.code) {
    return res.redirect(401, '/login');
  }
  res.redirect('/dashboard');
});
`,
      errors: [
        { line: 7, column: 12, endLine: 7, endColumn: 39, message: "401 is not a redirect status, so the client does not follow the Location header; use a 3xx code (302 is the default)." },
      ],
      output: `import { Router } from 'express';

export const router = Router();

router.get('/auth/callback', (req, res) => {
  if (!req.query.code) {
    return res.redirect(302, '/login');
  }
  res.redirect('/dashboard');
});
`,
    },
    {
      name: "Fastify 5 takes the redirect URL first",
      flavour: 'fastify5',
      filename: 'src/app.js',
      code: `const fastify = require('fastify')();

fastify.get('/blog', async (request, reply) => {
  return reply.redirect(301, 'https://blog.example.com');
});

module.exports = fastify;
`,
      errors: [
        { line: 4, column: 10, endLine: 4, endColumn: 57, message: "Fastify 5 takes the URL first (`reply.redirect(url, code)`); `redirect(code, url)` was removed." },
      ],
      output: `const fastify = require('fastify')();

fastify.get('/blog', async (request, reply) => {
  return reply.redirect('https://blog.example.com', 301);
});

module.exports = fastify;
`,
    },
    {
      name: "a string status code",
      flavour: 'express5',
      filename: 'src/controllers/widgets.ts',
      code: `import type { Request, Response } from 'express';
import { Widget } from '../models/widget';

export async function getWidget(req: Request, res: Response) {
  const widget = await Widget.findByPk(req.params.id);
  if (!widget) {
    return res.status('404').json({ error: 'Widget not found' });
  }
  return res.json(widget);
}
`,
      errors: [
        { line: 7, column: 12, endLine: 7, endColumn: 29, message: "`res.status('404')` passes the status as a string; Express 5 throws a TypeError for a status that is not an integer. Pass the number 404." },
      ],
      output: `import type { Request, Response } from 'express';
import { Widget } from '../models/widget';

export async function getWidget(req: Request, res: Response) {
  const widget = await Widget.findByPk(req.params.id);
  if (!widget) {
    return res.status(404).json({ error: 'Widget not found' });
  }
  return res.json(widget);
}
`,
    },
    {
      name: "an out-of-range status code",
      flavour: 'fastify4',
      filename: 'src/routes/teapot.ts',
      code: `import type { FastifyInstance } from 'fastify';

export default async function routes(app: FastifyInstance) {
  app.get('/brew', async (_request, reply) => {
    return reply.code(4180).send({ error: 'I am a teapot' });
  });
}
`,
      errors: [
        { line: 5, column: 12, endLine: 5, endColumn: 28, message: "`reply.code(4180)` is not a valid HTTP status code; use a code from 100 to 599." },
      ],
    },
    {
      name: "Fastify: a create handler returns the record with the default 200",
      flavour: 'fastify4',
      filename: 'src/routes/todos.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { db } from '../db';
import { todos } from '../db/schema';

export default async function todoRoutes(fastify: FastifyInstance) {
  fastify.post('/todos', async (request, reply) => {
    const [todo] = await db.insert(todos).values(request.body).returning();
    return todo;
  });
}
`,
      errors: [
        { line: 8, column: 12, endLine: 8, endColumn: 16, message: "POST /todos creates a record (`db.insert`) but answers 200 OK; answer 201 Created." },
      ],
      output: `import type { FastifyInstance } from 'fastify';
import { db } from '../db';
import { todos } from '../db/schema';

export default async function todoRoutes(fastify: FastifyInstance) {
  fastify.post('/todos', async (request, reply) => {
    const [todo] = await db.insert(todos).values(request.body).returning();
    reply.code(201);
    return todo;
  });
}
`,
    },
    {
      name: "Fastify: a missing record by id answered 400",
      flavour: 'fastify4',
      filename: 'lib/routes/articles/index.js',
      code: `module.exports = async function (fastify) {
  fastify.get('/articles/:slug', async (req, reply) => {
    const article = await fastify.knex('articles').where({ slug: req.params.slug }).first();
    if (!article) {
      return reply.code(400).send({ message: 'no such article' });
    }
    return { article };
  });
};
`,
      errors: [
        { line: 5, column: 14, endLine: 5, endColumn: 29, message: "This branch answers a missing `article` (looked up from the route parameters) with 400 Bad Request; answer 404 Not Found." },
      ],
      output: `module.exports = async function (fastify) {
  fastify.get('/articles/:slug', async (req, reply) => {
    const article = await fastify.knex('articles').where({ slug: req.params.slug }).first();
    if (!article) {
      return reply.code(404).send({ message: 'no such article' });
    }
    return { article };
  });
};
`,
    },
    {
      name: "a Mongoose callback answers a failed save with 200",
      flavour: 'express4',
      filename: 'app/controllers/comments.js',
      code: `const Comment = require('../models/comment');

module.exports.addComment = (req, res) => {
  const comment = new Comment({ body: req.body.body, post: req.params.postId });
  comment.save((err, saved) => {
    if (err) {
      return res.send({ message: 'Failed to add the comment', err });
    }
    res.status(201).json(saved);
  });
};
`,
      errors: [
        { line: 7, column: 14, endLine: 7, endColumn: 69, message: "An error payload (an `err` property) is sent from an error branch with 200 OK; answer 500 Internal Server Error." },
      ],
      output: `const Comment = require('../models/comment');

module.exports.addComment = (req, res) => {
  const comment = new Comment({ body: req.body.body, post: req.params.postId });
  comment.save((err, saved) => {
    if (err) {
      return res.status(500).send({ message: 'Failed to add the comment', err });
    }
    res.status(201).json(saved);
  });
};
`,
    },
    {
      name: "Fastify: a handler without a reply parameter returns a created record; a catch returns an error",
      flavour: 'fastify5',
      filename: 'src/routes/notes.ts',
      code: `import type { FastifyInstance } from 'fastify';
import { prisma } from '../db';

export async function noteRoutes(app: FastifyInstance) {
  app.post('/notes', async (request) => {
    const note = await prisma.note.create({ data: request.body as { text: string } });
    return note;
  });

  app.get('/notes/:id', async (request, reply) => {
    try {
      return await prisma.note.findUniqueOrThrow({ where: { id: (request.params as { id: string }).id } });
    } catch (err) {
      request.log.error(err);
      return { error: 'Could not load the note' };
    }
  });
}
`,
      errors: [
        { line: 7, column: 12, endLine: 7, endColumn: 16, message: "POST /notes creates a record (`prisma.note.create`) but answers 200 OK; answer 201 Created." },
        { line: 15, column: 14, endLine: 15, endColumn: 50, message: "An error payload (an `error` property) is sent from a catch block with 200 OK; answer 500 Internal Server Error." },
      ],
    },
    {
      name: "an auth middleware answers a missing token with 200",
      flavour: 'express5',
      filename: 'src/middleware/auth.js',
      esm: true,
      code: `import jwt from 'jsonwebtoken';

export function requireAuth(req, res, next) {
  const header = req.headers.authorization;
  if (!header) {
    return res.json({ error: 'Unauthorized: token missing' });
  }
  req.user = jwt.verify(header.slice(7), process.env.JWT_SECRET);
  next();
}
`,
      errors: [
        { line: 6, column: 12, endLine: 6, endColumn: 62, message: "An error payload (an `error` property) is sent with 200 OK; answer 401 Unauthorized." },
      ],
      output: `import jwt from 'jsonwebtoken';

export function requireAuth(req, res, next) {
  const header = req.headers.authorization;
  if (!header) {
    return res.status(401).json({ error: 'Unauthorized: token missing' });
  }
  req.user = jwt.verify(header.slice(7), process.env.JWT_SECRET);
  next();
}
`,
    },
  ],
});
