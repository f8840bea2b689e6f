import { runRuleTests } from '../../../test/helpers/rule-tester';
import rule from './missing-error-handler';

/** A router → controller → service module for each feature: a realistic app of 3 × `count` files. */
function featureModules(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 1; index <= count; index++) {
    files[`src/routes/r${index}.ts`] = `import { Router } from 'express';\nimport controller from '../controllers/c${index}';\n\nconst router = Router();\nrouter.get('/', controller.list);\nexport default router;\n`;
    files[`src/controllers/c${index}.ts`] = `import type { Request, Response } from 'express';\nimport service from '../services/s${index}';\n\nexport default {\n  list: async (_req: Request, res: Response) => res.json(await service.list()),\n};\n`;
    files[`src/services/s${index}.ts`] = `export default {\n  async list() {\n    return [];\n  },\n};\n`;
  }
  return files;
}

const FEATURES = 12;

runRuleTests(rule, {
  valid: [
    {
      name: 'routers and the error handler both registered once the database connects, in order',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const mongoose = require('mongoose');
const errorHandler = require('./middleware/errorHandler');

const app = express();
app.use(express.json());

mongoose.connect(process.env.MONGO_URI).then(() => {
  app.use('/api/users', require('./routes/users'));
  app.use(errorHandler);
  app.listen(process.env.PORT || 3000);
});
`,
      files: {
        'src/middleware/errorHandler.js': `module.exports = (err, req, res, next) => {
  console.error(err);
  res.status(500).json({ message: 'Internal server error' });
};
`,
      },
    },
    {
      name: 'a docs-only server that serves the Swagger UI and nothing else',
      flavour: 'express4',
      filename: 'docs/swagger/index.js',
      code: `const express = require('express');
const swaggerUi = require('swagger-ui-express');
const swaggerJSDoc = require('swagger-jsdoc');

const app = express();
const spec = swaggerJSDoc({ definition: { openapi: '3.0.0', info: { title: 'Shop', version: '1' } }, apis: ['./routes/*.js'] });

app.use('/', swaggerUi.serve, swaggerUi.setup(spec));

app.listen(process.env.SWAGGER_PORT || 4001);
`,
    },
    {
      name: 'a hosting stub whose one handler logs a line and answers a fixed string',
      flavour: 'express4',
      filename: 'index.js',
      code: `const express = require('express');
const app = express();

app.all('/', (req, res) => {
  console.log('Just got a request!');
  res.send('Yo!');
});

app.listen(process.env.PORT || 4000);
`,
    },
    {
      name: 'a starter app whose only route is an imported handler that cannot fail',
      flavour: 'express4',
      filename: 'apps/api/src/index.js',
      files: {
        'apps/api/src/welcome.js': `exports.getWelcomeMessage = (req, res) => {
  const data = { title: 'WELCOME' };
  res.send(data);
};
`,
      },
      code: `const express = require('express');
const { getWelcomeMessage } = require('./welcome');

const app = express();
app.get('/', getWelcomeMessage);
app.listen(3000);
`,
    },
    {
      name: 'the error handler after every route that can fail; only a hello route that cannot fail comes later',
      flavour: 'express4',
      filename: 'index.js',
      files: { 'product.route.js': `const router = require('express').Router();
router.get('/', async (req, res, next) => {
  try {
    res.json(await require('./product.model').find());
  } catch (err) {
    next(err);
  }
});
module.exports = router;
` },
      code: `const express = require('express');
const productRouter = require('./product.route');

const app = express();
app.use(express.json());
app.use('/products', productRouter);

app.use((err, req, res, next) => {
  console.error(err.stack);
  res.status(500).json({ error: 'Something went wrong!' });
});

app.get('/', (req, res) => {
  res.send('Hello Express app!');
});

app.listen(3000);
`,
    },
    {
      name: 'an app on a class field handed to routing-controllers, which adds the controllers and the error middleware',
      flavour: 'express4',
      filename: 'src/App.ts',
      code: `import 'reflect-metadata';
import express from 'express';
import { useExpressServer } from 'routing-controllers';
import { ItemController } from './controllers/ItemController';
import { JsonErrorHandler } from './middlewares/JsonErrorHandler';
import * as swaggerUi from 'swagger-ui-express';
import { spec } from './openapi';

export default class App {
  public app: express.Application;

  constructor() {
    this.app = express();
    useExpressServer(this.app, { defaultErrorHandler: false, controllers: [ItemController], middlewares: [JsonErrorHandler] });
    this.app.use('/docs', swaggerUi.serve, swaggerUi.setup(spec));
  }

  listen() {
    this.app.listen(3000);
  }
}
`,
    },
    {
      name: 'an API-docs app: a redirect route next to swagger-ui and static files',
      flavour: 'express4',
      filename: 'src/index.ts',
      code: `import express from 'express';
import swaggerUi from 'swagger-ui-express';
import { swaggerDocs, explorerOptions } from './configs/swagger';

const app = express();
app.get('/', (req, res) => {
  res.redirect('/api-docs');
});
app.use('/api-docs', swaggerUi.serve, swaggerUi.setup(swaggerDocs, explorerOptions));
app.use('/assets', express.static('public'));
app.listen(6655);
`,
    },
    {
      name: 'an inline four-parameter error handler after the routes',
      flavour: 'express4',
      code: `import express, { type NextFunction, type Request, type Response } from 'express';
import { usersRouter } from './routes/users';

const app = express();
app.use(express.json());
app.use('/users', usersRouter);

app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
  console.error(err);
  res.status(500).json({ message: 'Internal server error' });
});

app.listen(3000);
`,
    },
    {
      name: 'imported error middleware recognised by name (converter + handler)',
      flavour: 'express5',
      filename: 'src/app.js',
      code: `const express = require('express');
const routes = require('./routes/v1');
const { errorConverter, errorHandler } = require('./middlewares/error');

const app = express();
app.use(express.json());
app.use('/v1', routes);
app.use(errorConverter);
app.use(errorHandler);

app.listen(3000);
`,
    },
    {
      name: "celebrate's errors() and the errorhandler package",
      flavour: 'express4',
      filename: 'src/loaders/express.ts',
      code: `import express from 'express';
import { errors } from 'celebrate';
import errorhandler from 'errorhandler';
import routes from '../api';

const app = express();
app.use('/api', routes());
app.use(errors());
if (process.env.NODE_ENV !== 'production') app.use(errorhandler());

app.listen(3000);
`,
    },
    {
      name: 'the app is exported and gets its error handler in server.ts (no route graph: no report)',
      flavour: 'express4',
      filename: 'src/app.ts',
      code: `import express from 'express';
import { apiRouter } from './routes';

export const app = express();
app.use(express.json());
app.use('/api', apiRouter);
`,
      files: {
        'src/server.ts': "import { app } from './app';\nimport { errorHandler } from './middleware/error-handler';\n\napp.use(errorHandler);\napp.listen(3000);\n",
      },
    },
    {
      name: 'an imported setup function adds the error handler in another file',
      flavour: 'express4',
      filename: 'src/index.js',
      code: `const express = require('express');
const configureApp = require('./config/express');

const app = express();
app.get('/', (req, res) => res.send('ok'));
configureApp(app);

app.listen(3000);
`,
      files: {
        'src/config/express.js':
          "module.exports = function configureApp(app) {\n  app.use((err, req, res, next) => {\n    res.status(500).json({ message: 'Internal error' });\n  });\n};\n",
      },
    },
    {
      name: 'an app created to test with supertest',
      flavour: 'express4',
      filename: 'src/routes/users.test.ts',
      code: `import express from 'express';
import request from 'supertest';
import { usersRouter } from './users';

const app = express();
app.use('/users', usersRouter);

it('lists users', async () => {
  await request(app).get('/users').expect(200);
});
`,
    },
    {
      name: 'a test helper outside test folders that imports supertest',
      flavour: 'express5',
      filename: 'src/testing/make-app.ts',
      code: `import express from 'express';
import supertest from 'supertest';
import { router } from '../routes';

export function makeClient() {
  const app = express();
  app.use(router);
  return supertest(app);
}
`,
    },
    {
      name: 'Fastify without setErrorHandler keeps its default error handler',
      flavour: 'fastify5',
      filename: 'src/server.ts',
      code: `import Fastify from 'fastify';

const app = Fastify({ logger: true });
app.get('/items', async () => [{ id: 1 }]);
app.post('/items', async (request, reply) => {
  reply.code(201);
  return request.body;
});

await app.listen({ port: 3000 });
`,
    },
    {
      name: "Fastify: setErrorHandler in a plugin marked with Symbol.for('skip-override'), as fastify-plugin marks it",
      flavour: 'fastify4',
      filename: 'src/plugins/errors.js',
      files: {
        'src/app.js': `const Fastify = require('fastify');
const errors = require('./plugins/errors');

const app = Fastify({ logger: true });
app.register(errors);
app.get('/items', async () => [{ id: 1 }]);
module.exports = app;
`,
      },
      code: `'use strict';

async function errors(fastify) {
  fastify.setErrorHandler(function (error, request, reply) {
    request.log.error(error);
    reply.code(500).send({ message: 'Internal Server Error' });
  });
}

errors[Symbol.for('skip-override')] = true;
module.exports = errors;
`,
    },
    {
      name: 'Fastify: setErrorHandler in a plugin wrapped with fastify-plugin',
      flavour: 'fastify4',
      filename: 'src/plugins/errors.ts',
      code: `import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance } from 'fastify';

export default fp(async (fastify: FastifyInstance) => {
  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    request.log.error(error);
    reply.code(error.statusCode ?? 500).send({ message: 'Internal Server Error' });
  });
});
`,
    },
    {
      name: 'Fastify: the plugin that sets the error handler also registers all routes',
      flavour: 'fastify5',
      filename: 'src/app.ts',
      code: `import path from 'node:path';
import fastifyAutoload from '@fastify/autoload';
import type { FastifyInstance } from 'fastify';

export default async function serviceApp(fastify: FastifyInstance) {
  fastify.register(fastifyAutoload, { dir: path.join(import.meta.dirname, 'routes') });

  fastify.setErrorHandler((err, request, reply) => {
    request.log.error(err);
    reply.code(500);
    return { message: 'Internal Server Error' };
  });
}
`,
    },
    {
      name: "Fastify's three-parameter error handler is right, and so is a helper called with the root instance",
      flavour: 'fastify4',
      filename: 'lib/server.js',
      code: `const fastify = require('fastify');

function setupErrors(server) {
  server.setErrorHandler((err, req, res) => {
    req.log.error(err);
    res.send(err);
  });
}

function build() {
  const server = fastify();
  setupErrors(server);
  server.get('/', async () => 'ok');
  return server;
}

module.exports = build;
`,
    },
    {
      name: 'helpers that take (err, req, res) and validation middleware named handle…Errors',
      flavour: 'express4',
      filename: 'src/routes/accounts.js',
      code: `const express = require('express');
const { validationResult } = require('express-validator');

const router = express.Router();

function sendError(err, req, res) {
  res.status(err.status || 500).json({ message: err.message });
}

function handleValidationErrors(req, res, next) {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(422).json({ errors: errors.array() });
  next();
}

router.post('/', handleValidationErrors, async (req, res) => {
  try {
    res.status(201).json(await createAccount(req.body));
  } catch (err) {
    sendError(err, req, res);
  }
});

module.exports = router;
`,
    },
    {
      name: 'an early body-parser error handler plus a final one after the routes',
      flavour: 'express5',
      code: `import express, { type NextFunction, type Request, type Response } from 'express';
import { errorHandler } from './middleware/error-handler';
import { router } from './routes';

const app = express();
app.use(express.json());
app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
  if (err instanceof SyntaxError) return res.status(400).json({ message: 'Malformed JSON' });
  next(err);
});
app.use('/api', router);
app.use(errorHandler);

app.listen(3000);
`,
    },
    {
      name: "a sub-app mounted into the main app relies on the main app's handler",
      flavour: 'express4',
      filename: 'src/server.js',
      code: `const express = require('express');
const { errorHandler } = require('./errors');

const admin = express();
admin.get('/stats', (req, res) => res.json({ users: 1 }));

const app = express();
app.use('/admin', admin);
app.get('/', (req, res) => res.send('home'));
app.use(errorHandler);

app.listen(3000);
`,
    },
    {
      name: 'an app that only serves static files',
      flavour: 'express4',
      filename: 'static-server.js',
      code: `const express = require('express');
const path = require('path');

const app = express();
app.use(express.static(path.join(__dirname, 'public')));
app.listen(8080);
`,
    },
    {
      name: 'middleware registered from a list cannot be told apart, and a redirect-only app cannot fail',
      flavour: 'express4',
      filename: 'src/servers.js',
      code: `const express = require('express');
const { middlewares } = require('./middlewares');
const api = require('./api');

const app = express();
app.use(...middlewares);
app.use('/api', api);
app.listen(3000);

const redirect = express();
redirect.get('*', (req, res) => res.redirect(301, \`https://\${req.hostname}\${req.url}\`));
redirect.listen(80);
`,
    },
    {
      name: 'a local function the app is handed to registers the error middleware',
      flavour: 'express5',
      filename: 'src/server.ts',
      code: `import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { booksRouter } from './books';

function finalize(app: Express) {
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ message: 'Internal server error' });
  });
}

const app = express();
app.use('/books', booksRouter);
finalize(app);
app.listen(3000);
`,
    },
    {
      name: 'Fastify: a plugin-level error handler next to a root one that covers the other routes (route graph)',
      flavour: 'fastify4',
      filename: 'src/routes/orders.ts',
      code: `import type { FastifyPluginAsync } from 'fastify';

const orderRoutes: FastifyPluginAsync = async (app) => {
  app.setErrorHandler(async (error, request, reply) => {
    request.log.error(error);
    return reply.code(500).send({ error: 'Order processing failed' });
  });

  app.get('/', async () => ({ orders: [] }));
};

export default orderRoutes;
`,
      files: {
        'src/app.ts':
          "import Fastify from 'fastify';\nimport orderRoutes from './routes/orders';\nimport productRoutes from './routes/products';\n\nexport const app = Fastify();\napp.setErrorHandler(async (error, request, reply) => reply.code(500).send({ error: 'Internal Server Error' }));\napp.register(orderRoutes, { prefix: '/orders' });\napp.register(productRoutes, { prefix: '/products' });\n",
        'src/routes/products.ts':
          "import type { FastifyPluginAsync } from 'fastify';\n\nconst productRoutes: FastifyPluginAsync = async (app) => {\n  app.get('/', async () => ({ products: [] }));\n};\n\nexport default productRoutes;\n",
      },
    },
  ],
  invalid: [
    {
      name: 'the error handler registered now, the routers mounted once the database connects (.then): the handler comes first',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const mongoose = require('mongoose');
const errorHandler = require('./middleware/errorHandler');

const app = express();
app.use(express.json());
app.use(errorHandler);

mongoose.connect(process.env.MONGO_URI).then(() => {
  app.use('/api/users', require('./routes/users'));
  app.listen(process.env.PORT || 3000);
});
`,
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 21 }],
      files: {
        'src/middleware/errorHandler.js': `module.exports = (err, req, res, next) => {
  console.error(err);
  res.status(500).json({ message: 'Internal server error' });
};
`,
      },
    },
    {
      name: 'Fastify: setErrorHandler inside an inline plugin whose parameter shadows the root instance name (app.register(async (app) => …))',
      flavour: 'fastify4',
      filename: 'src/app.js',
      code: `const Fastify = require('fastify');

const app = Fastify({ logger: true });

app.register(async (app) => {
  app.setErrorHandler((error, request, reply) => {
    request.log.error(error);
    reply.code(500).send({ message: 'Internal Server Error' });
  });
});

app.get('/api/orders', async () => {
  throw new Error('db unavailable');
});

module.exports = app;
`,
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 22 }],
    },
    {
      name: 'the error handler registered before registerRoutes(app) adds the routers from another file',
      flavour: 'express5',
      filename: 'src/app.ts',
      code: `import express from 'express';
import { registerRoutes } from './routes';
import { errorHandler } from './middleware/errorHandler';

const app = express();
app.use(express.json());
app.use(errorHandler);
registerRoutes(app);

export default app;
`,
      files: {
        'src/middleware/errorHandler.ts': `import type { NextFunction, Request, Response } from 'express';
export function errorHandler(err: Error, _req: Request, res: Response, _next: NextFunction) {
  console.error(err);
  res.status(500).json({ message: 'Internal error' });
}
`,
        'src/routes/index.ts': `import type { Express } from 'express';
import { usersRouter } from './users';

export function registerRoutes(app: Express) {
  app.use('/users', usersRouter);
}
`,
        'src/routes/users.ts': `import { Router } from 'express';
import { users } from '../services/users';
export const usersRouter = Router();
usersRouter.get('/', async (_req, res) => {
  res.json(await users.list());
});
`,
      },
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 21 }],
      output: `import express from 'express';
import { registerRoutes } from './routes';
import { errorHandler } from './middleware/errorHandler';

const app = express();
app.use(express.json());
registerRoutes(app);
app.use(errorHandler);

export default app;
`,
    },
    {
      name: 'the error handler registered before the routes, with only an imported (req, res) 404 middleware after them',
      flavour: 'express5',
      filename: 'src/main.ts',
      code: `import express from 'express';
import { errorMiddleware, notFoundMiddleware } from './errors.js';

const app = express();
app.use(express.json());

app.use(errorMiddleware);

app.get('/items/:id', async (req, res) => {
  throw new Error(\`cannot load \${req.params.id}\`);
});
app.use(notFoundMiddleware);

app.listen(3000);
`,
      files: {
        'src/errors.ts': `import type { Request, Response, NextFunction } from 'express';

export function errorMiddleware(err: unknown, req: Request, res: Response, _next: NextFunction) {
  console.error(err);
  res.status(500).json({ message: 'Internal Server Error' });
}

export function notFoundMiddleware(req: Request, res: Response) {
  res.status(404).json({ message: 'Not found' });
}
`,
      },
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 24 }],
      output: `import express from 'express';
import { errorMiddleware, notFoundMiddleware } from './errors.js';

const app = express();
app.use(express.json());


app.get('/items/:id', async (req, res) => {
  throw new Error(\`cannot load \${req.params.id}\`);
});
app.use(errorMiddleware);
app.use(notFoundMiddleware);

app.listen(3000);
`,
    },
    {
      name: 'an app class whose constructor sets up error handling before the routes',
      flavour: 'express4',
      filename: 'src/app.ts',
      code: `import express, { NextFunction, Request, Response } from 'express';
import { users } from './routes/users';

export class App {
  public app: express.Application;

  constructor() {
    this.app = express();
    this.initializeErrorHandling();
    this.initializeRoutes();
  }

  private initializeRoutes() {
    this.app.use('/users', users);
  }

  private initializeErrorHandling() {
    this.app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
      res.status(500).json({ message: 'Internal server error' });
    });
  }
}
`,
      errors: [{ line: 18, column: 18, message: 'This error handler is registered before the routes of `this.app`: the constructor calls `initializeErrorHandling()` before `initializeRoutes()`; Express only passes an error to error handlers registered after the route that failed, so call it after them.' }],
      output: `import express, { NextFunction, Request, Response } from 'express';
import { users } from './routes/users';

export class App {
  public app: express.Application;

  constructor() {
    this.app = express();
    this.initializeRoutes();
    this.initializeErrorHandling();
  }

  private initializeRoutes() {
    this.app.use('/users', users);
  }

  private initializeErrorHandling() {
    this.app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
      res.status(500).json({ message: 'Internal server error' });
    });
  }
}
`,
    },
    {
      name: 'a class App mounting the routers it is given, with no error middleware',
      flavour: 'express4',
      filename: 'src/app.ts',
      code: `import express from 'express';

export interface Routes {
  path?: string;
  router: express.Router;
}

class App {
  public app: express.Application;

  constructor(routes: Routes[]) {
    this.app = express();
    this.app.use(express.json());
    routes.forEach((route) => this.app.use('/', route.router));
  }

  public listen(port: number) {
    this.app.listen(port);
  }
}

export default App;
`,
      errors: [{ line: 12, column: 16, endLine: 12, endColumn: 25, message: "The Express app `this.app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." }],
    },
    {
      name: 'an app mounting twelve feature routers (36 modules) with no error middleware anywhere',
      flavour: 'express5',
      filename: 'src/app.ts',
      files: featureModules(FEATURES),
      code: `import express from 'express';
import r1 from './routes/r1';
import r2 from './routes/r2';
import r3 from './routes/r3';
import r4 from './routes/r4';
import r5 from './routes/r5';
import r6 from './routes/r6';
import r7 from './routes/r7';
import r8 from './routes/r8';
import r9 from './routes/r9';
import r10 from './routes/r10';
import r11 from './routes/r11';
import r12 from './routes/r12';

const app = express();
app.use(express.json());
app.use('/api/r1', r1);
app.use('/api/r2', r2);
app.use('/api/r3', r3);
app.use('/api/r4', r4);
app.use('/api/r5', r5);
app.use('/api/r6', r6);
app.use('/api/r7', r7);
app.use('/api/r8', r8);
app.use('/api/r9', r9);
app.use('/api/r10', r10);
app.use('/api/r11', r11);
app.use('/api/r12', r12);

app.listen(5000);
`,
      errors: [
        { line: 15, column: 13, endLine: 15, endColumn: 22, message: "The Express app `app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." },
      ],
      output: `import express, { type NextFunction, type Request, type Response } from 'express';
import r1 from './routes/r1';
import r2 from './routes/r2';
import r3 from './routes/r3';
import r4 from './routes/r4';
import r5 from './routes/r5';
import r6 from './routes/r6';
import r7 from './routes/r7';
import r8 from './routes/r8';
import r9 from './routes/r9';
import r10 from './routes/r10';
import r11 from './routes/r11';
import r12 from './routes/r12';

const app = express();
app.use(express.json());
app.use('/api/r1', r1);
app.use('/api/r2', r2);
app.use('/api/r3', r3);
app.use('/api/r4', r4);
app.use('/api/r5', r5);
app.use('/api/r6', r6);
app.use('/api/r7', r7);
app.use('/api/r8', r8);
app.use('/api/r9', r9);
app.use('/api/r10', r10);
app.use('/api/r11', r11);
app.use('/api/r12', r12);

// Errors from every route above end here: log them and answer a generic 500.
app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
  console.error(err);
  if (res.headersSent) {
    _next(err);
    return;
  }
  res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
});

app.listen(5000);
`,
    },
    {
      name: "middleware named errorHandler that takes (err, res): Express never passes it an error",
      flavour: 'express4',
      filename: 'src/app.ts',
      files: {
        'src/error_handler.ts': `import { Response } from 'express';

const errorHandler = (err: any, res: Response) => {
  if (err.error === 'NotFound') return res.status(404).json({ error: 'NOT_FOUND' });
  return res.status(500).json({ error: 'SERVER_ERROR' });
};
export default errorHandler;
`,
      },
      code: `import express from 'express';
import handleError from './error_handler';
import { users } from './users';

const app = express();
app.use(express.json());
app.get('/users/:id', async (req, res, next) => {
  users.find(req.params.id).then((user) => res.json(user)).catch(next);
});
app.use(handleError);

export default app;
`,
      errors: [
        { line: 5, column: 13, endLine: 5, endColumn: 22, message: "The Express app `app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." },
      ],
      output: `import express, { type NextFunction, type Request, type Response } from 'express';
import handleError from './error_handler';
import { users } from './users';

const app = express();
app.use(express.json());
app.get('/users/:id', async (req, res, next) => {
  users.find(req.params.id).then((user) => res.json(user)).catch(next);
});
app.use(handleError);

// Errors from every route above end here: log them and answer a generic 500.
app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
  console.error(err);
  if (res.headersSent) {
    _next(err);
    return;
  }
  res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
});

export default app;
`,
    },
    {
      name: "an app with routes and no error middleware",
      flavour: 'express4',
      filename: 'src/server.ts',
      code: `import express from 'express';
import cors from 'cors';
import { usersRouter } from './routes/users';

const app = express();
app.use(cors());
app.use(express.json());
app.use('/api/users', usersRouter);
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

app.listen(3000, () => console.log('listening'));
`,
      errors: [
        { line: 5, column: 13, endLine: 5, endColumn: 22, message: "The Express app `app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." },
      ],
      output: `import express, { type NextFunction, type Request, type Response } from 'express';
import cors from 'cors';
import { usersRouter } from './routes/users';

const app = express();
app.use(cors());
app.use(express.json());
app.use('/api/users', usersRouter);
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

// Errors from every route above end here: log them and answer a generic 500.
app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
  console.error(err);
  if (res.headersSent) {
    _next(err);
    return;
  }
  res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
});

app.listen(3000, () => console.log('listening'));
`,
    },
    {
      name: "a CommonJS app mounting routers, fixed without types",
      flavour: 'express5',
      filename: 'server.js',
      files: {
        "routes/api/users.js": "const router = require('express').Router();\nrouter.get('/', (req, res) => res.json([]));\nmodule.exports = router;\n",
        "routes/api/posts.js": "const router = require('express').Router();\nrouter.get('/', (req, res) => res.json([]));\nmodule.exports = router;\n"
      },
      code: `const express = require('express');
const connectDB = require('./config/db');

const app = express();

connectDB();
app.use(express.json());

app.use('/api/users', require('./routes/api/users'));
app.use('/api/posts', require('./routes/api/posts'));

const PORT = process.env.PORT || 5000;
app.listen(PORT, () => console.log(\`Server started on port \${PORT}\`));
`,
      errors: [
        { line: 4, column: 13, endLine: 4, endColumn: 22, message: "The Express app `app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." },
      ],
      output: `const express = require('express');
const connectDB = require('./config/db');

const app = express();

connectDB();
app.use(express.json());

app.use('/api/users', require('./routes/api/users'));
app.use('/api/posts', require('./routes/api/posts'));

// Errors from every route above end here: log them and answer a generic 500.
app.use((err, _req, res, _next) => {
  console.error(err);
  if (res.headersSent) {
    _next(err);
    return;
  }
  res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
});

const PORT = process.env.PORT || 5000;
app.listen(PORT, () => console.log(\`Server started on port \${PORT}\`));
`,
    },
    {
      name: "missing types are merged into the existing named import",
      flavour: 'express4',
      filename: 'src/app.ts',
      code: `import express, { Router, type Request } from 'express';

const app = express();
const api = Router();

api.get('/items', (req: Request, res) => {
  res.json([]);
});

app.use('/api', api);

app.listen(8080);
`,
      errors: [
        { line: 3, column: 13, endLine: 3, endColumn: 22, message: "The Express app `app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." },
      ],
      output: `import express, { Router, type Request, type NextFunction, type Response } from 'express';

const app = express();
const api = Router();

api.get('/items', (req: Request, res) => {
  res.json([]);
});

app.use('/api', api);

// Errors from every route above end here: log them and answer a generic 500.
app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
  console.error(err);
  if (res.headersSent) {
    _next(err);
    return;
  }
  res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
});

app.listen(8080);
`,
    },
    {
      name: "a namespace import qualifies the types",
      flavour: 'express5',
      filename: 'src/main.ts',
      code: `import * as express from 'express';
import { ordersRouter } from './orders';

const app = express();
app.use(express.json());
app.use('/orders', ordersRouter);

app.listen(4000);
`,
      errors: [
        { line: 4, column: 13, endLine: 4, endColumn: 22, message: "The Express app `app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." },
      ],
      output: `import * as express from 'express';
import { ordersRouter } from './orders';

const app = express();
app.use(express.json());
app.use('/orders', ordersRouter);

// Errors from every route above end here: log them and answer a generic 500.
app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  console.error(err);
  if (res.headersSent) {
    _next(err);
    return;
  }
  res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
});

app.listen(4000);
`,
    },
    {
      name: "an ESM JavaScript app in double quotes without semicolons",
      flavour: 'express5',
      filename: 'index.mjs',
      esm: true,
      code: `import express from "express"
import { listNotes } from "./notes.mjs"

const app = express()

app.get("/notes", async (req, res) => {
  res.json(await listNotes())
})

app.post("/echo", express.json(), (req, res) => {
  res.json(req.body)
})

app.listen(3000)
`,
      errors: [
        { line: 4, column: 13, endLine: 4, endColumn: 22, message: "The Express app `app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." },
      ],
      output: `import express from "express"
import { listNotes } from "./notes.mjs"

const app = express()

app.get("/notes", async (req, res) => {
  res.json(await listNotes())
})

app.post("/echo", express.json(), (req, res) => {
  res.json(req.body)
})

// Errors from every route above end here: log them and answer a generic 500.
app.use((err, _req, res, _next) => {
  console.error(err)
  if (res.headersSent) {
    _next(err)
    return
  }
  res.status(500).json({ error: { code: "INTERNAL_ERROR", message: "Internal server error" } })
})

app.listen(3000)
`,
    },
    {
      name: "an app built inside a start function",
      flavour: 'express4',
      filename: 'src/index.ts',
      code: `import express, { type Request, type Response } from 'express';
import { loadConfig } from './config';
import { checkDatabase } from './db';

async function start() {
  const config = await loadConfig();
  const app = express();
  app.get('/status', async (_req: Request, res: Response) => {
    res.json({ up: await checkDatabase() });
  });
  app.listen(config.port);
}

void start();
`,
      errors: [
        { line: 7, column: 15, endLine: 7, endColumn: 24, message: "The Express app `app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." },
      ],
      output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { loadConfig } from './config';
import { checkDatabase } from './db';

async function start() {
  const config = await loadConfig();
  const app = express();
  app.get('/status', async (_req: Request, res: Response) => {
    res.json({ up: await checkDatabase() });
  });

  // Errors from every route above end here: log them and answer a generic 500.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    console.error(err);
    if (res.headersSent) {
      _next(err);
      return;
    }
    res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  });
  app.listen(config.port);
}

void start();
`,
    },
    {
      name: "the app is handed to a route module that has no error middleware either",
      flavour: 'express4',
      filename: 'server.js',
      files: {
        "app/routes/auth.routes.js": "const controller = require('../controllers/auth.controller');\nmodule.exports = function (app) {\n  app.post('/api/auth/signin', controller.signin);\n};\n",
        "app/routes/user.routes.js": "module.exports = function (app) {\n  app.get('/api/test/all', (req, res) => res.send('Public Content.'));\n};\n",
        "app/controllers/auth.controller.js": "exports.signin = (req, res) => { res.json({}) };\n"
      },
      code: `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors());
app.use(express.json());

require('./app/routes/auth.routes')(app);
require('./app/routes/user.routes')(app);

app.listen(8080);
`,
      errors: [
        { line: 4, column: 13, endLine: 4, endColumn: 22, message: "The Express app `app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." },
      ],
      output: `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors());
app.use(express.json());

require('./app/routes/auth.routes')(app);
require('./app/routes/user.routes')(app);

// Errors from every route above end here: log them and answer a generic 500.
app.use((err, _req, res, _next) => {
  console.error(err);
  if (res.headersSent) {
    _next(err);
    return;
  }
  res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
});

app.listen(8080);
`,
    },
    {
      name: "an inline (err, req, res) handler is treated as ordinary middleware",
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const routes = require('./routes');

const app = express();
app.use('/api', routes);

app.use((err, req, res) => {
  res.status(err.status || 500).json({ message: err.message });
});

app.listen(3000);
`,
      errors: [
        { line: 7, column: 9, endLine: 7, endColumn: 24, message: "This error handler takes 3 parameters `(err, req, res)`, so Express treats it as ordinary middleware and never passes it an error; declare all four `(err, req, res, next)`." },
      ],
      output: `const express = require('express');
const routes = require('./routes');

const app = express();
app.use('/api', routes);

app.use((err, req, res, _next) => {
  res.status(err.status || 500).json({ message: err.message });
});

app.listen(3000);
`,
    },
    {
      name: "an exported error handler declared with three parameters",
      flavour: 'express5',
      filename: 'src/middleware/error-handler.ts',
      code: `import type { Request, Response } from 'express';
import { logger } from '../logger';

export function errorHandler(err: Error, req: Request, res: Response) {
  logger.error(err);
  res.status(500).json({ error: 'Something went wrong' });
}
`,
      errors: [
        { line: 4, column: 17, endLine: 4, endColumn: 29, message: "`errorHandler` takes 3 parameters `(err, req, res)`, so Express treats it as ordinary middleware and never passes it an error; declare all four `(err, req, res, next)`." },
      ],
      output: `import type { Request, Response, NextFunction } from 'express';
import { logger } from '../logger';

export function errorHandler(err: Error, req: Request, res: Response, _next: NextFunction) {
  logger.error(err);
  res.status(500).json({ error: 'Something went wrong' });
}
`,
    },
    {
      name: "a handler named errorHandler that takes (req, res, next)",
      flavour: 'express4',
      filename: 'middlewares/errorHandler.js',
      code: `const errorHandler = (req, res, next) => {
  const statusCode = res.statusCode === 200 ? 500 : res.statusCode;
  res.status(statusCode).json({ message: 'Server error' });
};

module.exports = { errorHandler };
`,
      errors: [
        { line: 1, column: 7, endLine: 1, endColumn: 19, message: "`errorHandler` is named like an error handler but takes `(req, res, next)`, so Express never passes it an error; declare four parameters `(err, req, res, next)`." },
      ],
      output: `const errorHandler = (_err, req, res, next) => {
  const statusCode = res.statusCode === 200 ? 500 : res.statusCode;
  res.status(statusCode).json({ message: 'Server error' });
};

module.exports = { errorHandler };
`,
    },
    {
      name: "the error handler is registered before the routers",
      flavour: 'express4',
      filename: 'src/app.ts',
      code: `import express from 'express';
import { errorHandler } from './middleware/errorHandler';
import { authRouter } from './routes/auth';
import { todoRouter } from './routes/todos';

const app = express();
app.use(express.json());
app.use(errorHandler);
app.use('/auth', authRouter);
app.use('/todos', todoRouter);

app.listen(3000);
`,
      errors: [
        { line: 8, column: 9, endLine: 8, endColumn: 21, message: "`errorHandler` is registered before the routes of `app` (the last one is on line 10); Express only passes an error to error handlers registered after the route that failed, so move it after them." },
      ],
      output: `import express from 'express';
import { errorHandler } from './middleware/errorHandler';
import { authRouter } from './routes/auth';
import { todoRouter } from './routes/todos';

const app = express();
app.use(express.json());
app.use('/auth', authRouter);
app.use('/todos', todoRouter);
app.use(errorHandler);

app.listen(3000);
`,
    },
    {
      name: "an inline error handler placed above the routes",
      flavour: 'express5',
      filename: 'app.js',
      code: `const express = require('express');
const app = express();

app.use(express.json());
app.use((err, req, res, next) => {
  res.status(500).send('Internal error');
});

app.get('/books', async (req, res) => res.json(await db.books.findAll()));
app.post('/books', async (req, res) => res.status(201).json(await db.books.create(req.body)));

app.listen(3000);
`,
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 30, message: "This error handler is registered before the routes of `app` (the last one is on line 10); Express only passes an error to error handlers registered after the route that failed, so move it after them." },
      ],
      output: `const express = require('express');
const app = express();

app.use(express.json());

app.get('/books', async (req, res) => res.json(await db.books.findAll()));
app.post('/books', async (req, res) => res.status(201).json(await db.books.create(req.body)));
app.use((err, req, res, next) => {
  res.status(500).send('Internal error');
});

app.listen(3000);
`,
    },
    {
      name: "Fastify: setErrorHandler inside an inline plugin does not reach sibling routes",
      flavour: 'fastify4',
      filename: 'src/server.ts',
      code: `import Fastify from 'fastify';
import { usersRoutes } from './routes/users';

const app = Fastify({ logger: true });

app.register(async (instance) => {
  instance.setErrorHandler((error, request, reply) => {
    request.log.error(error);
    reply.code(500).send({ error: 'Internal Server Error' });
  });
});

app.register(usersRoutes, { prefix: '/users' });
app.get('/health', async () => ({ ok: true }));

app.listen({ port: 3000 });
`,
      errors: [
        { line: 7, column: 3, endLine: 7, endColumn: 27, message: "`instance.setErrorHandler` is called inside an encapsulated plugin (not wrapped in fastify-plugin), so it only covers that plugin's own routes; GET /health keeps Fastify's default error handler. Set it on the root instance or wrap the plugin with fastify-plugin." },
      ],
    },
    {
      name: "Fastify: an autoloaded plugin that only sets the error handler is encapsulated",
      flavour: 'fastify5',
      filename: 'src/plugins/error-handler.ts',
      code: `import type { FastifyInstance } from 'fastify';

export default async function errorHandlerPlugin(fastify: FastifyInstance) {
  fastify.setErrorHandler((error, request, reply) => {
    fastify.log.error(error);
    reply.code(error.statusCode ?? 500).send({ message: 'Internal Server Error' });
  });
}
`,
      errors: [
        { line: 4, column: 3, endLine: 4, endColumn: 26, message: "`fastify.setErrorHandler` is called inside an encapsulated plugin (not wrapped in fastify-plugin), so it only covers that plugin's own routes; it has no routes of its own, so it handles no errors at all. Set it on the root instance or wrap the plugin with fastify-plugin." },
      ],
    },
    {
      name: "routes registered from inside a setup function: reported without a fix",
      flavour: 'express4',
      filename: 'install/web.js',
      code: `const express = require('express');
const db = require('../src/database');

const app = express();

function setupRoutes() {
  app.get('/', async (req, res) => res.json(await db.status()));
  app.post('/install', async (req, res) => res.json(await db.install(req.body)));
}

exports.start = function (port) {
  setupRoutes();
  app.listen(port);
};
`,
      errors: [
        { line: 4, column: 13, endLine: 4, endColumn: 22, message: "The Express app `app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." },
      ],
    },
    {
      name: "an exported app whose importer adds no error middleware either (route graph)",
      flavour: 'express4',
      filename: 'src/app.js',
      files: {
        "src/server.js": "import app from './app';\n\napp.listen(process.env.PORT || 5000);\n",
        "src/routes/items.js": "import { Router } from 'express';\nimport Item from '../models/item';\n\nconst router = Router();\nrouter.get('/', async (req, res) => res.json(await Item.find()));\nexport default router;\n"
      },
      code: `import express from 'express';
import itemRoutes from './routes/items';

const app = express();
app.use(express.json());
app.use('/api/items', itemRoutes);

export default app;
`,
      errors: [
        { line: 4, column: 13, endLine: 4, endColumn: 22, message: "The Express app `app` has no error-handling middleware (a function with four parameters `(err, req, res, next)`), so errors reach Express's default handler, which answers with an HTML page and prints the stack outside production; add one after the routes." },
      ],
      output: `import express from 'express';
import itemRoutes from './routes/items';

const app = express();
app.use(express.json());
app.use('/api/items', itemRoutes);

// Errors from every route above end here: log them and answer a generic 500.
app.use((err, _req, res, _next) => {
  console.error(err);
  if (res.headersSent) {
    _next(err);
    return;
  }
  res.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
});

export default app;
`,
    },
    {
      name: "Fastify: a routes plugin in its own file sets the only error handler (route graph)",
      flavour: 'fastify4',
      filename: 'src/routes/orders.ts',
      files: {
        "src/app.ts": "import Fastify from 'fastify';\nimport orderRoutes from './routes/orders';\nimport productRoutes from './routes/products';\n\nexport const app = Fastify();\napp.register(orderRoutes, { prefix: '/orders' });\napp.register(productRoutes, { prefix: '/products' });\n",
        "src/routes/products.ts": "import type { FastifyPluginAsync } from 'fastify';\n\nconst productRoutes: FastifyPluginAsync = async (app) => {\n  app.get('/', async () => ({ products: [] }));\n};\n\nexport default productRoutes;\n"
      },
      code: `import type { FastifyPluginAsync } from 'fastify';

const orderRoutes: FastifyPluginAsync = async (app) => {
  app.setErrorHandler(async (error, request, reply) => {
    request.log.error(error);
    return reply.code(500).send({ error: 'Internal Server Error' });
  });

  app.get('/', async () => ({ orders: [] }));
};

export default orderRoutes;
`,
      errors: [
        { line: 4, column: 3, endLine: 4, endColumn: 22, message: "`app.setErrorHandler` is called inside an encapsulated plugin (not wrapped in fastify-plugin), so it only covers that plugin's own routes; GET /products keeps Fastify's default error handler. Set it on the root instance or wrap the plugin with fastify-plugin." },
      ],
    },
  ],
});
