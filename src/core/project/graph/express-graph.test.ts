import assert from 'node:assert/strict';
import { graphOf, routeLines, where } from './testing';

describe('route graph: Express', () => {
  it('follows CommonJS requires, router.route chains, middleware order and error handlers (Express 4, JS)', () => {
    const graph = graphOf('express4', {
      'src/app.js': `
const express = require('express');
const helmet = require('helmet');
const { requireAuth } = require('./middleware/auth');
const routes = require('./routes');
const app = express();
app.use(helmet());
app.use(express.json());
app.get('/health', (req, res) => res.send('ok'));
app.use('/api', requireAuth, routes);
app.use(function lateLogger(req, res, next) { next(); });
app.get('/late', (req, res) => res.send('late'));
app.use((req, res) => res.status(404).end());
app.use((err, req, res, next) => res.status(500).json({ error: 'internal' }));
module.exports = app;
`,
      'src/middleware/auth.js': `
exports.requireAuth = (req, res, next) => next();
exports.requireRole = (role) => (req, res, next) => next();
`,
      'src/routes/index.js': `
const { Router } = require('express');
const router = Router();
router.use('/users', require('./users'));
router.use('/posts', require('./posts').router);
module.exports = router;
`,
      'src/routes/users.js': `
const express = require('express');
const controller = require('../controllers/users');
const { requireRole } = require('../middleware/auth');
const router = express.Router();
const audit = (req, res, next) => next();
router.use(audit);
router.route('/')
  .get(controller.list)
  .post(requireRole('admin'), [audit, controller.validate], controller.create);
router.route('/:id').delete(requireRole('admin'), controller.remove);
module.exports = router;
`,
      'src/routes/posts.js': `
const router = require('express').Router();
router.get('/:slug', (req, res) => res.json({}));
module.exports = { router };
`,
      'src/controllers/users.js': `
module.exports = {
  list: async (req, res) => res.json([]),
  create: async (req, res) => res.status(201).json(req.body),
  remove(req, res) { res.status(204).end(); },
  validate: (req, res, next) => next(),
};
`,
    });
    assert.deepEqual(routeLines(graph), [
      'GET /health (anonymous) [helmet > express.json]',
      'GET /api/users controller.list [helmet > express.json > requireAuth > audit]',
      'POST /api/users controller.create [helmet > express.json > requireAuth > audit > requireRole > audit > controller.validate]',
      'DELETE /api/users/:id controller.remove [helmet > express.json > requireAuth > audit > requireRole]',
      'GET /api/posts/:slug (anonymous) [helmet > express.json > requireAuth]',
      'GET /late (anonymous) [helmet > express.json > lateLogger]',
    ]);
    assert.equal(graph.apps.length, 1);
    const [app] = graph.apps;
    assert.equal(where(app.at), 'src/app.js:6');
    assert.equal(app.routes.length, 6);
    assert.equal(app.errorHandlers.length, 1);
    assert.equal(app.errorHandlers[0].covers, 6);
    assert.equal(app.errorHandlers[0].routesAfter, 0);
    assert.equal(where(app.errorHandlers[0].definition), 'src/app.js:14');
    const create = graph.routes[2];
    assert.equal(where(create.at), 'src/routes/users.js:8');
    assert.equal(where(create.nameAt), 'src/routes/users.js:10');
    assert.equal(where(create.handler?.definition), 'src/controllers/users.js:4');
    assert.equal(where(create.chain.find((link) => link.name === 'requireRole')?.definition), 'src/middleware/auth.js:3');
    assert.equal(create.chain.find((link) => link.name === 'helmet')?.module, 'helmet');
    assert.deepEqual(create.chain.map((link) => link.scope), ['app', 'app', 'mount', 'mount', 'route', 'route', 'route']);
    assert.equal(where(graph.routes[3].handler?.definition), 'src/controllers/users.js:5');
  });

  it('resolves ESM re-exports, NodeNext .js specifiers, tsconfig path aliases and registerRoutes(app) (Express 5, TS)', () => {
    const graph = graphOf(
      'express5',
      {
        'tsconfig.base.json': `{
  // shared settings
  "compilerOptions": { "baseUrl": ".", "paths": { "@routes/*": ["src/routes/*"], "@mw": ["src/middleware/index.ts"], }, },
}`,
        'tsconfig.json': `{ "extends": "./tsconfig.base.json", /* local */ "compilerOptions": { "strict": true } }`,
        'src/server.ts': `
import express from 'express';
import { registerRoutes } from './routes/register.js';
import { errorHandler } from '@mw';

export function createApp() {
  const app = express();
  app.use(express.json());
  registerRoutes(app, '/api/v1');
  app.use(errorHandler);
  return app;
}
createApp().listen(3000);
`,
        'src/middleware/index.ts': `
import type { Request, Response, NextFunction } from 'express';
export const requireAuth = (req: Request, res: Response, next: NextFunction) => next();
export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction) { res.status(500).end(); }
`,
        'src/routes/register.ts': `
import type { Express } from 'express';
import { usersRouter, postsRouter } from '@routes/index';
import { requireAuth } from '@mw';

export function registerRoutes(app: Express, prefix: string) {
  app.use(\`\${prefix}/users\`, requireAuth, usersRouter);
  app.use(prefix + '/posts', postsRouter);
}
`,
        'src/routes/index.ts': `
export { default as usersRouter } from './users.js';
export * from './posts.js';
`,
        'src/routes/users.ts': `
import { Router } from 'express';
import * as users from '../controllers/users.controller.js';
const router = Router();
router.get('/', users.listUsers);
router.post('/', users.createUser);
export default router;
`,
        'src/routes/posts.ts': `
import { Router } from 'express';
export const postsRouter = Router();
postsRouter.get('/{*splat}', (req, res) => res.json([]));
`,
        'src/controllers/users.controller.ts': `
import type { Request, Response } from 'express';
export const listUsers = async (req: Request, res: Response) => res.json([]);
export async function createUser(req: Request, res: Response) { res.status(201).json(req.body); }
`,
      },
      { esm: true },
    );
    assert.deepEqual(routeLines(graph), [
      'GET /api/v1/users users.listUsers [express.json > requireAuth]',
      'POST /api/v1/users users.createUser [express.json > requireAuth]',
      'GET /api/v1/posts/{*splat} (anonymous) [express.json]',
    ]);
    const [app] = graph.apps;
    assert.equal(where(app.at), 'src/server.ts:7');
    assert.deepEqual(app.errorHandlers.map((handler) => [handler.name, handler.covers]), [['errorHandler', 3]]);
    assert.equal(where(graph.routes[1].handler?.definition), 'src/controllers/users.controller.ts:4');
    assert.equal(where(graph.routes[0].chain[1].definition), 'src/middleware/index.ts:3');
  });

  it('walks route tables with forEach and for…of, and class-based routers', () => {
    const graph = graphOf('express4', {
      'src/app.ts': `
import express from 'express';
import { UsersRoute } from './routes/users.route';
import { HealthRoute } from './routes/health.route';

class App {
  public app: express.Application;
  constructor(routes: { path: string; router: express.Router }[]) {
    this.app = express();
    this.initializeMiddlewares();
    this.initializeRoutes(routes);
  }
  private initializeMiddlewares() {
    this.app.use(express.json());
  }
  private initializeRoutes(routes: { path: string; router: express.Router }[]) {
    routes.forEach((route) => {
      this.app.use('/', route.router);
    });
  }
}
export default new App([new UsersRoute(), new HealthRoute()]);
`,
      'src/routes/users.route.ts': `
import { Router } from 'express';
import UsersController from '../controllers/users.controller';
export class UsersRoute {
  public path = '/users';
  public router = Router();
  public usersController = new UsersController();
  constructor() {
    this.initializeRoutes();
  }
  private initializeRoutes() {
    this.router.get(\`\${this.path}\`, this.usersController.getUsers);
    this.router.post(\`\${this.path}/:id\`, this.usersController.updateUser.bind(this.usersController));
  }
}
`,
      'src/routes/health.route.ts': `
import { Router } from 'express';
export class HealthRoute {
  path = '/';
  router = Router();
  constructor() {
    this.router.get('/health', (req, res) => res.send('ok'));
  }
}
`,
      'src/controllers/users.controller.ts': `
import { Request, Response } from 'express';
export default class UsersController {
  public getUsers = async (req: Request, res: Response) => { res.json([]); };
  public async updateUser(req: Request, res: Response) { res.json(req.body); }
}
`,
      'src/table.js': `
const express = require('express');
const v2 = express();
const routes = [
  { path: '/a', route: require('./a') },
  { path: '/b', route: require('./b') },
];
for (const { path, route } of routes) v2.use(path, route);
module.exports = v2;
`,
      'src/a.js': `const r = require('express').Router(); r.get('/x', (req, res) => res.end()); module.exports = r;`,
      'src/b.js': `const r = require('express').Router(); r.put('/y', (req, res) => res.end()); module.exports = r;`,
    });
    assert.deepEqual(routeLines(graph), [
      'GET /users this.usersController.getUsers [express.json]',
      'POST /users/:id this.usersController.updateUser.bind [express.json]',
      'GET /health (anonymous) [express.json]',
      'GET /a/x (anonymous) []',
      'PUT /b/y (anonymous) []',
    ]);
    assert.equal(graph.apps.length, 2);
    assert.equal(where(graph.routes[0].handler?.definition), 'src/controllers/users.controller.ts:4');
    assert.equal(where(graph.routes[1].handler?.definition), 'src/controllers/users.controller.ts:5');
  });

  it('resolves handlers read from a class prototype (Controller.prototype.method) to the method', () => {
    const graph = graphOf('express4', {
      'src/app.ts': `
import express from 'express';
import { DeleteChatController } from './controllers/delete-chat';
const app = express();
app.put('/chat/messages/delete', DeleteChatController.prototype.markDelete);
export default app;
`,
      'src/controllers/delete-chat.ts': `
import { Request, Response } from 'express';
export class DeleteChatController {
  public async markDelete(req: Request, res: Response): Promise<void> {
    res.json({ deleted: req.body.messageId });
  }
}
`,
    });
    assert.deepEqual(routeLines(graph), ['PUT /chat/messages/delete DeleteChatController.prototype.markDelete []']);
    assert.equal(where(graph.routes[0].handler?.definition), 'src/controllers/delete-chat.ts:4');
  });

  it('resolves handlers made by a factory that wraps them (factory.createOne(Model) returning catchAsync(async (req, res) => …))', () => {
    const graph = graphOf('express4', {
      'src/app.js': `
const express = require('express');
const factory = require('./handlerFactory');
const Order = require('./models/order');
const app = express();
app.post('/orders', factory.createOne(Order));
app.get('/orders', factory.getAll(Order));
module.exports = app;
`,
      'src/handlerFactory.js': `
const catchAsync = (fn) => (req, res, next) => fn(req, res, next).catch(next);
exports.createOne = (Model) =>
  catchAsync(async (req, res) => {
    res.status(201).json({ data: await Model.create(req.body) });
  });
exports.getAll = (Model) =>
  catchAsync(async (req, res) => {
    res.json({ data: await Model.find(req.query) });
  });
`,
      'src/models/order.js': `module.exports = require('mongoose').model('Order', {});
`,
    });
    assert.deepEqual(routeLines(graph), ['POST /orders factory.createOne []', 'GET /orders factory.getAll []']);
    assert.equal(where(graph.routes[0].handler?.definition), 'src/handlerFactory.js:4');
    assert.equal(where(graph.routes[1].handler?.definition), 'src/handlerFactory.js:8');
  });

  it('reads an object that spreads its own earlier value (this.config = { ...this.config, … }) without looping', () => {
    const graph = graphOf('express4', {
      'src/app.js': `
const express = require('express');
class Server {
  constructor(options) {
    this.config = options;
  }
  start() {
    this.config = { ...this.config, state: 'ok' };
    const app = express();
    const router = express.Router();
    router.get('/health', (req, res) => res.json({ ok: true }));
    app.use(this.config.mountPath, router);
    return app;
  }
}
module.exports = new Server({ mountPath: '/parse' }).start();
`,
    });
    assert.equal(graph.routes.length, 1);
    assert.match(graph.routes[0].path, /\/health$/);
    assert.equal(graph.apps.length, 1);
  });

  it('resolves controllers handed out by a dependency-injection container (container.resolve<UserController>(…))', () => {
    const graph = graphOf('express4', {
      'src/app.ts': `
import express from 'express';
import { createContainer, asClass } from 'awilix';
import { UserController } from './user.controller';
const container = createContainer();
container.register({ userController: asClass(UserController).singleton() });
const users = container.resolve<UserController>('userController');
const app = express();
app.get('/users', users.list.bind(users));
export default app;
`,
      'src/user.controller.ts': `
import type { Request, Response } from 'express';
export class UserController {
  async list(req: Request, res: Response) {
    res.json({ role: req.query.role });
  }
}
`,
    });
    assert.deepEqual(routeLines(graph), ['GET /users users.list.bind []']);
    assert.equal(where(graph.routes[0].handler?.definition), 'src/user.controller.ts:4');
  });

  it('builds the constructor dependencies a container injects by type (tsyringe container.resolve(ProductRoutes))', () => {
    const graph = graphOf('express4', {
      'src/app.ts': `
import 'reflect-metadata';
import express from 'express';
import { container } from 'tsyringe';
import { ProductRoutes } from './product.routes';
const app = express();
app.use('/api', container.resolve(ProductRoutes).router);
export default app;
`,
      'src/product.routes.ts': `
import { Router } from 'express';
import { injectable } from 'tsyringe';
import { ProductController } from './product.controller';
@injectable()
export class ProductRoutes {
  public router = Router();
  constructor(private readonly controller: ProductController) {
    this.router.get('/products', this.controller.list);
  }
}
`,
      'src/product.controller.ts': `
import type { Request, Response } from 'express';
import { injectable } from 'tsyringe';
@injectable()
export class ProductController {
  public list = async (req: Request, res: Response) => {
    res.json({ limit: req.query.limit });
  };
}
`,
    });
    assert.deepEqual(routeLines(graph), ['GET /api/products this.controller.list []']);
    assert.equal(where(graph.routes[0].handler?.definition), 'src/product.controller.ts:6');
  });

  it('mounts routers listed in an object and iterated with Object.entries / Object.values (forEach and for…of)', () => {
    const graph = graphOf('express4', {
      'src/app.js': `
const express = require('express');
const { initRoutes } = require('./init');
const app = express();
initRoutes(app);
module.exports = app;
`,
      'src/init.js': `
const users = require('./users');
const posts = require('./posts');
const routes = { users, posts };
exports.initRoutes = (app) => {
  Object.entries(routes).forEach(([url, router]) => app.use(\`/api/\${url}\`, router));
  for (const [name, router] of Object.entries(routes)) app.use(\`/v2/\${name}\`, router);
  Object.values(routes).forEach((router) => app.use('/v3', router));
};
`,
      'src/users.js': `
const router = require('express').Router();
router.get('/', (req, res) => res.json([]));
module.exports = router;
`,
      'src/posts.js': `
const router = require('express').Router();
router.post('/', (req, res) => res.status(201).json(req.body));
module.exports = router;
`,
    });
    assert.deepEqual(
      graph.routes.map((route) => `${route.method} ${route.path}`).sort(),
      ['GET /api/users', 'GET /v2/users', 'GET /v3', 'POST /api/posts', 'POST /v2/posts', 'POST /v3'],
    );
  });

  it('reads a router a base class constructor assigns (class OrderRoute extends Route, this.router = Router() in Route)', () => {
    const graph = graphOf('express4', {
      'src/app.ts': `
import express from 'express';
import { OrderRoute } from './order.route';
const app = express();
const routes = { orders: new OrderRoute() };
Object.entries(routes).forEach(([url, route]) => app.use(\`/api/v1/\${url}\`, route.initRoutes()));
export default app;
`,
      'src/route.ts': `
import { Router } from 'express';
export abstract class Route {
  readonly router: Router;
  abstract initRoutes(): Router;
  constructor() {
    this.router = Router();
  }
}
`,
      'src/order.route.ts': `
import { Router } from 'express';
import { Route } from './route';
export class OrderRoute extends Route {
  initRoutes(): Router {
    this.router.post('/', (req, res) => res.status(201).json(req.body));
    return this.router;
  }
}
`,
    });
    assert.deepEqual(graph.routes.map((route) => `${route.method} ${route.path}`), ['POST /api/v1/orders']);
  });

  it('does not run browser scripts served from public/ as server code (a client-side router there is no route)', () => {
    const graph = graphOf('express4', {
      'server.js': `
const express = require('express');
const app = express();
app.use(express.static('public'));
app.post('/api/notes', (req, res) => res.status(201).json(req.body));
module.exports = app;
`,
      'public/js/app.js': `
const app = Sammy('#main', function () {
  this.get('#/notes', function () { renderNotes(); });
});
app.get('/notes/:id', function (context) { showNote(context.params.id); });
app.run('#/notes');
`,
    });
    assert.deepEqual(routeLines(graph), ['POST /api/notes (anonymous) [express.static]']);
  });

  it('registers a table of route definitions whose method is a field (router[route.method](route.path, …))', () => {
    const graph = graphOf('express4', {
      'src/app.js': `
const express = require('express');
const app = express();
app.use('/api', require('./routes'));
module.exports = app;
`,
      'src/routes/index.js': `
const { Router } = require('express');
const customers = require('../handlers/customers');
const requireAuth = require('../requireAuth');
const routes = [
  { method: 'get', path: '/customers', middlewares: [requireAuth], handler: customers.listCustomers },
  { method: 'put', path: '/customers/:id', middlewares: [requireAuth], handler: customers.updateCustomer },
];
const router = Router();
routes.forEach((r) => router[r.method](r.path, ...r.middlewares, r.handler));
module.exports = router;
`,
      'src/requireAuth.js': `module.exports = (req, res, next) => next();`,
      'src/handlers/customers.js': `
exports.listCustomers = async (req, res) => res.json([]);
exports.updateCustomer = async (req, res) => res.json(req.body);
`,
    });
    assert.deepEqual(routeLines(graph), ['GET /api/customers r.handler [requireAuth]', 'PUT /api/customers/:id r.handler [requireAuth]']);
    assert.equal(where(graph.routes[1].handler?.definition), 'src/handlers/customers.js:3');
  });

  it('applies path-scoped middleware only under its path and keeps unmounted routers as routes without an app', () => {
    const graph = graphOf('express5', {
      'src/app.js': `
const express = require('express');
const rateLimit = require('express-rate-limit');
const app = express();
const limiter = rateLimit({ windowMs: 60000 });
app.use('/auth', limiter);
app.post('/auth/login', (req, res) => res.json({}));
app.post('/authors', (req, res) => res.json({}));
app.use((err, req, res, next) => res.status(500).end());
app.get('/after', (req, res) => res.end());
module.exports = app;
`,
      'src/orphan.js': `
const router = require('express').Router();
router.delete('/items/:id', function removeItem(req, res) { res.status(204).end(); });
module.exports = router;
`,
    });
    assert.deepEqual(routeLines(graph), [
      'POST /auth/login (anonymous) [limiter]',
      'POST /authors (anonymous) []',
      'GET /after (anonymous) []',
      'DELETE /items/:id removeItem [] (no app)',
    ]);
    const [app] = graph.apps;
    assert.deepEqual(app.errorHandlers.map((handler) => [handler.covers, handler.routesAfter]), [[2, 1]]);
    assert.equal(graph.routes[0].chain[0].module, 'express-rate-limit');
    assert.equal(where(graph.routes[0].chain[0].definition), 'src/app.js:5');
    assert.equal(graph.routes[2].errorHandlers, undefined);
    assert.equal(graph.routes[0].errorHandlers?.length, 1);
  });

  it('maps controller definitions to their routes (routesUsing), through wrappers, namespaces, objects and classes', () => {
    const files = {
      'src/app.ts': `
import express from 'express';
import users from './routes/users';
const app = express();
app.use('/users', users);
`,
      'src/routes/users.ts': `
import { Router } from 'express';
import * as controller from '../controllers/users';
import { postsController } from '../controllers/posts';
import { catchAsync } from '../util';
import Admin from '../controllers/admin';
const admin = new Admin();
const validate = (schema: unknown) => (req: any, res: any, next: any) => next();
const router = Router();
router.post('/', validate({}), controller.createUser);
router.get('/:id', catchAsync(controller.getUser));
router.get('/:id/posts', postsController.list);
router.delete('/:id', admin.remove);
export default router;
`,
      'src/controllers/users.ts': `
import type { Request, Response } from 'express';
import { catchAsync } from '../util';
export const createUser = async (req: Request, res: Response) => { res.status(201).json(req.body); };
export const getUser = catchAsync(async (req: Request, res: Response) => { res.json({}); });
`,
      'src/controllers/posts.ts': `
const list = async (req: any, res: any) => res.json([]);
export const postsController = { list };
`,
      'src/controllers/admin.ts': `
export default class Admin {
  remove(req: any, res: any) { res.status(204).end(); }
}
`,
      'src/util.ts': `
export const catchAsync = (fn: Function) => (req: any, res: any, next: any) => Promise.resolve(fn(req, res, next)).catch(next);
`,
    };
    const graph = graphOf('express4', files);
    const file = (path: string) => `/project/${path}`;
    const startOf = (path: string, needle: string) => files[path as keyof typeof files].indexOf(needle);
    const using = (path: string, needle: string) => graph.routesUsing(file(path), startOf(path, needle)).map((route) => `${route.method} ${route.path}`);
    assert.deepEqual(using('src/controllers/users.ts', 'async (req: Request, res: Response) => { res.status'), ['POST /users']);
    assert.deepEqual(using('src/controllers/users.ts', 'createUser'), ['POST /users']);
    assert.deepEqual(using('src/controllers/users.ts', 'async (req: Request, res: Response) => { res.json'), ['GET /users/:id']);
    assert.deepEqual(using('src/controllers/posts.ts', 'async (req: any'), ['GET /users/:id/posts']);
    assert.deepEqual(using('src/controllers/admin.ts', 'remove('), ['DELETE /users/:id']);
    assert.deepEqual(using('src/routes/users.ts', '(req: any, res: any, next: any) => next()'), ['POST /users']);
    const getUser = graph.routes[1];
    assert.equal(getUser.handler?.name, 'controller.getUser');
    assert.equal(getUser.handler?.wrapper, 'catchAsync');
    assert.equal(where(getUser.handler?.definition), 'src/controllers/users.ts:5');
    assert.equal(graph.routesAt(file('src/routes/users.ts'), startOf('src/routes/users.ts', "router.get('/:id', ")).length, 1);
  });

  it('maps controllers assigned one by one to an empty object (const c = {}; c.login = …) to their routes', () => {
    const files = {
      'app.js': `
const express = require('express');
const authController = require('./authController');
const app = express();
app.post('/auth/login', authController.login);
app.post('/auth/users', authController.newUser);
module.exports = app;
`,
      'authController.js': `
const authController = {};
authController.login = async (req, res) => { res.json({ ok: true }); };
authController.newUser = async (req, res) => { res.status(201).json(req.body); };
module.exports = authController;
`,
    };
    const graph = graphOf('express4', files);
    const start = files['authController.js'].indexOf('async (req, res) => { res.status');
    assert.deepEqual(graph.routesUsing('/project/authController.js', start).map((route) => `${route.method} ${route.path}`), ['POST /auth/users']);
    assert.equal(where(graph.routes[0].handler?.definition), 'authController.js:3');
  });

  it('runs module.exports = (app) => … route files, sub-apps and routes added to an imported app (Express 4, CJS)', () => {
    const graph = graphOf('express4', {
      'index.js': `
const app = require('./src/app');
require('./src/routes')(app);
require('./src/late');
app.listen(3000);
`,
      'src/app.js': `
const express = require('express');
const app = express();
app.use([express.json(), express.urlencoded({ extended: false })]);
module.exports = app;
`,
      'src/routes.js': `
const express = require('express');
const admin = express();
admin.use(function adminOnly(req, res, next) { next(); });
admin.get('/stats', (req, res) => res.json({}));
module.exports = (app) => {
  app.use('/admin', admin);
  app.get('/', (req, res) => res.send('home'));
};
`,
      'src/late.js': `
const app = require('./app');
app.post('/webhook', (req, res) => res.status(204).end());
`,
    });
    assert.deepEqual(routeLines(graph), [
      'GET /admin/stats (anonymous) [express.json > express.urlencoded > adminOnly]',
      'GET / (anonymous) [express.json > express.urlencoded]',
      'POST /webhook (anonymous) [express.json > express.urlencoded]',
    ]);
    assert.equal(graph.apps.length, 1);
    assert.deepEqual(graph.routes[0].chain.map((link) => link.scope), ['app', 'app', 'app']);
  });

  it('mounts routers at TypeScript enum members, local or imported (app.use(URL_ROUTES.users, router))', () => {
    const graph = graphOf('express5', {
      'src/index.ts': `
import express from 'express';
import { usersRouter } from './users';
import { ApiPaths } from './paths';

enum URL_ROUTES {
  users = '/api/users',
}

const app = express();
app.use(URL_ROUTES.users, usersRouter);
app.use(ApiPaths.admin, usersRouter);
export default app;
`,
      'src/paths.ts': `
export enum ApiPaths {
  admin = '/api/admin',
}
`,
      'src/users.ts': `
import { Router } from 'express';
export const usersRouter = Router();
usersRouter.get('/:id', (req, res) => res.json({ id: req.params.id }));
`,
    });
    assert.deepEqual(routeLines(graph), ['GET /api/users/:id (anonymous) []', 'GET /api/admin/:id (anonymous) []']);
  });

  it('leaves out a route whose path has no leading slash, which Express never matches (Express 4 and 5)', () => {
    for (const flavour of ['express4', 'express5'] as const) {
      const graph = graphOf(flavour, {
        'src/app.js': `
const express = require('express');
const router = express.Router();
router.get('/orders', (req, res) => res.json([]));
router.post('payment', (req, res) => res.status(201).json({}));
router.get('*', (req, res) => res.status(404).end());
const app = express();
app.use('/api', router);
module.exports = app;
`,
      });
      assert.deepEqual(routeLines(graph), ['GET /api/orders (anonymous) []', 'GET /api/* (anonymous) []'], flavour);
    }
  });
});
