import assert from 'node:assert/strict';
import { graphOf, routeLines, where } from './testing';

describe('route graph: Fastify', () => {
  it('nests register prefixes, scopes hooks by encapsulation and lets fastify-plugin share them (Fastify 4, CJS)', () => {
    const graph = graphOf(
      'fastify4',
      {
        'src/server.js': `
const fastify = require('fastify')({ logger: true });
fastify.addHook('onRequest', async function requestId(request, reply) {});
fastify.register(require('./plugins/auth'));
fastify.register(require('./routes/users'), { prefix: '/users' });
fastify.register(require('./routes/admin'), { prefix: '/admin' });
fastify.get('/health', async () => ({ ok: true }));
fastify.listen({ port: 3000 });
`,
        'src/plugins/auth.js': `
const fp = require('fastify-plugin');
module.exports = fp(async function authPlugin(fastify) {
  fastify.decorate('authenticate', async function authenticate(request, reply) {});
  fastify.addHook('preHandler', async function loadUser(request, reply) {});
});
`,
        'src/routes/users.js': `
const { listUsers, createUser } = require('../handlers/users');
module.exports = async function users(fastify, opts) {
  fastify.get('/', listUsers);
  fastify.post('/', { schema: { body: { type: 'object' } }, preValidation: [fastify.authenticate] }, createUser);
  fastify.route({ method: ['PUT', 'PATCH'], url: '/:id', onRequest: fastify.authenticate, handler: async (request) => request.params });
};
`,
        'src/routes/admin.js': `
module.exports = async function admin(fastify) {
  fastify.addHook('onRequest', fastify.authenticate);
  fastify.delete('/cache', { preHandler: async function audit(request, reply) {} }, async () => ({}));
};
`,
        'src/handlers/users.js': `
exports.listUsers = async (request, reply) => [];
exports.createUser = async (request, reply) => reply.code(201).send(request.body);
`,
      },
      { dependencies: { 'fastify-plugin': '^4.5.0' } },
    );
    assert.deepEqual(routeLines(graph), [
      'GET /health (anonymous) [onRequest:requestId > preHandler:loadUser]',
      'GET /users listUsers [onRequest:requestId > preHandler:loadUser]',
      'POST /users createUser [onRequest:requestId > preValidation:fastify.authenticate > preHandler:loadUser]',
      'PUT /users/:id (anonymous) [onRequest:requestId > onRequest:fastify.authenticate > preHandler:loadUser]',
      'PATCH /users/:id (anonymous) [onRequest:requestId > onRequest:fastify.authenticate > preHandler:loadUser]',
      'DELETE /admin/cache (anonymous) [onRequest:requestId > onRequest:fastify.authenticate > preHandler:loadUser > preHandler:audit]',
    ]);
    const post = graph.routes[2];
    assert.equal(post.hasSchema, true);
    assert.equal(graph.routes[1].hasSchema, false);
    assert.deepEqual(post.chain.map((link) => link.scope), ['hook', 'route', 'hook']);
    assert.equal(where(post.chain[1].definition), 'src/plugins/auth.js:4');
    assert.equal(where(post.handler?.definition), 'src/handlers/users.js:3');
    assert.equal(where(graph.apps[0].at), 'src/server.js:2');
  });

  it('keeps hooks and error handlers of encapsulated plugins away from siblings and parents (Fastify 5, ESM TS)', () => {
    const graph = graphOf(
      'fastify5',
      {
        'src/app.ts': `
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { api } from './api.js';

export async function buildApp() {
  const app = Fastify();
  await app.register(rateLimit, { max: 100 });
  await app.register(api, { prefix: '/api' });
  app.get('/', async () => 'home');
  return app;
}
`,
        'src/api.ts': `
import type { FastifyInstance } from 'fastify';
import v1 from './v1/index.js';

export async function api(fastify: FastifyInstance) {
  fastify.setErrorHandler((error, request, reply) => reply.code(500).send({ error: 'internal' }));
  await fastify.register(v1, { prefix: '/v1' });
  fastify.addHook('preHandler', async function lateHook() {});
  fastify.register(async (scoped) => {
    scoped.addHook('onRequest', async function scopedOnly() {});
    scoped.get('/scoped', async () => ({}));
  });
  fastify.get('/status', async () => ({}));
}
`,
        'src/v1/index.ts': `
import type { FastifyPluginAsync } from 'fastify';
const v1: FastifyPluginAsync = async (fastify) => {
  fastify.get<{ Params: { id: string } }>('/users/:id', async (request) => request.params);
};
export default v1;
`,
      },
      { esm: true, dependencies: { '@fastify/rate-limit': '^10.0.0' } },
    );
    assert.deepEqual(routeLines(graph), [
      'GET / (anonymous) []',
      'GET /api/status (anonymous) [preHandler:lateHook]',
      'GET /api/v1/users/:id (anonymous) []',
      'GET /api/scoped (anonymous) [onRequest:scopedOnly > preHandler:lateHook]',
    ]);
    const [app] = graph.apps;
    assert.deepEqual(app.errorHandlers.map((handler) => [where(handler.at), handler.covers]), [['src/api.ts:6', 3]]);
    assert.equal(graph.routes[0].errorHandlers, undefined);
    assert.deepEqual(graph.routes[0].plugins?.map((plugin) => plugin.name), ['rateLimit']);
    assert.equal(graph.routes[0].plugins?.[0].module, '@fastify/rate-limit');
  });

  it('loads @fastify/autoload folders: folder prefixes, index files, autohooks, route params and options.prefix', () => {
    const routeFile = (path: string) => `export default async function (fastify) { fastify.get('${path}', async () => ({})); }\n`;
    const graph = graphOf(
      'fastify5',
      {
        'src/app.js': `
import Fastify from 'fastify';
import AutoLoad from '@fastify/autoload';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = Fastify();
app.register(AutoLoad, { dir: join(import.meta.dirname, 'plugins') });
app.register(AutoLoad, {
  dir: fileURLToPath(new URL('./routes', import.meta.url)),
  autoHooks: true,
  cascadeHooks: true,
  routeParams: true,
  ignorePattern: /.*\\.test\\.js$/,
  options: { prefix: '/api' },
});
export default app;
`,
        'src/plugins/auth.js': `
import fp from 'fastify-plugin';
export default fp(async (fastify) => {
  fastify.decorate('verify', async function verify(request, reply) {});
});
`,
        'src/routes/root.js': routeFile('/'),
        'src/routes/users/index.js': routeFile('/'),
        'src/routes/users/ignored.js': routeFile('/never-loaded-next-to-an-index'),
        'src/routes/users/_id/profile.js': routeFile('/'),
        'src/routes/users/_id/posts.js': routeFile('/posts'),
        'src/routes/users/_id/comments/index.js': routeFile('/'),
        'src/routes/users/_id/comments/skipped.js': routeFile('/skipped-because-of-the-index'),
        'src/routes/users/autohooks.js': `export default async function (fastify) { fastify.addHook('onRequest', fastify.verify); }\n`,
        'src/routes/users/users.test.js': routeFile('/test'),
        'src/routes/health/check.js': `export const autoPrefix = '/_status';\nexport default async function (fastify) { fastify.get('/', async () => 'ok'); }\n`,
        'src/routes/items.js': `export default { method: 'GET', url: '/items', handler: async () => [] };\n`,
      },
      { esm: true, dependencies: { '@fastify/autoload': '^6.0.0', 'fastify-plugin': '^5.0.0' } },
    );
    assert.deepEqual(routeLines(graph).sort(), [
      'GET /api (anonymous) []',
      // autoload turns `/_x` into `/:x` in the whole prefix with routeParams, autoPrefix included
      'GET /api/:status (anonymous) []',
      'GET /api/items (anonymous) []',
      'GET /api/users (anonymous) [onRequest:fastify.verify]',
      'GET /api/users/:id (anonymous) [onRequest:fastify.verify]',
      'GET /api/users/:id/comments (anonymous) [onRequest:fastify.verify]',
      'GET /api/users/:id/posts (anonymous) [onRequest:fastify.verify]',
      // files autoload skips (beside an index file) still have their routes, just under no app
      'GET /never-loaded-next-to-an-index (anonymous) [] (no app)',
      'GET /skipped-because-of-the-index (anonymous) [] (no app)',
    ]);
    const users = graph.routes.find((route) => route.path === '/api/users');
    assert.equal(where(users?.chain[0].definition), 'src/plugins/auth.js:4');
  });

  it('runs plugins registered through dynamic imports and functions that take the instance (Fastify 4, TS)', () => {
    const graph = graphOf('fastify4', {
      'src/index.ts': `
import fastify from 'fastify';
import { registerRoutes } from './routes';
const server = fastify();
registerRoutes(server);
server.register(import('./legacy'), { prefix: 'legacy' });
`,
      'src/routes.ts': `
import type { FastifyInstance } from 'fastify';
import { authGuard } from './guards';
export function registerRoutes(app: FastifyInstance): void {
  app.register(async (child) => {
    child.addHook('preHandler', authGuard);
    child.post('/orders', { schema: {} }, async (request, reply) => reply.code(201).send({}));
  }, { prefix: '/v1' });
}
`,
      'src/guards.ts': `
import type { FastifyReply, FastifyRequest } from 'fastify';
export async function authGuard(request: FastifyRequest, reply: FastifyReply) {}
`,
      'src/legacy.ts': `
export default async function legacy(app: any) { app.get('/ping', async () => 'pong'); }
`,
    });
    assert.deepEqual(routeLines(graph), ['POST /v1/orders (anonymous) [preHandler:authGuard]', 'GET /legacy/ping (anonymous) []']);
    assert.equal(where(graph.routes[0].chain[0].definition), 'src/guards.ts:3');
  });

  it('finds the autoload folder through path.normalize around the joined path', () => {
    const graph = graphOf(
      'fastify5',
      {
        'src/server.js': `
import Fastify from 'fastify';
import Autoload from '@fastify/autoload';
import path from 'node:path';
const app = Fastify();
await app.register(Autoload, { dir: path.normalize(path.join(import.meta.dirname, 'modules')), options: { prefix: '/api' } });
export default app;
`,
        'src/modules/items/index.js': `export default async (fastify) => { fastify.get('/items', async () => []); };\n`,
      },
      { esm: true, dependencies: { '@fastify/autoload': '^6.0.0' } },
    );
    assert.deepEqual(routeLines(graph), ['GET /api/items/items (anonymous) []']);
  });

  it('keeps routes whose path is a member of a table of paths (a getter of an end-point class, a constants object)', () => {
    const graph = graphOf('fastify4', {
      'src/server.ts': `
import Fastify from 'fastify';
import { postRoute } from './post.route';
const app = Fastify();
app.register(postRoute, { prefix: '/post' });
app.listen({ port: 3000 });
`,
      'src/post.route.ts': `
import type { FastifyInstance } from 'fastify';
import { PostEndPoint } from './post.endpoint';
import { ROUTES } from './routes';
export async function postRoute(fastify: FastifyInstance) {
  const endPoint = new PostEndPoint('');
  fastify.post(endPoint.ADD, async function add() { return {}; });
  fastify.get(ROUTES.LIST, async function list() { return []; });
}
`,
      'src/post.endpoint.ts': `export class PostEndPoint {\n  constructor(private main: string) {}\n  get ADD() { return this.main + '/add'; }\n}\n`,
      'src/routes.ts': `export const ROUTES = { LIST: '/list' };\n`,
    });
    assert.deepEqual(routeLines(graph), ['POST /post{endPoint.ADD} add []', 'GET /post/list list []']);
  });

  it('reads prefix: null in autoload options as no prefix under the registration prefix', () => {
    const graph = graphOf(
      'fastify5',
      {
        'src/server.js': `
import Fastify from 'fastify';
import httpPlugin from './http.plugin.js';
const app = Fastify();
app.register(httpPlugin, { prefix: '/v1/' });
export default app;
`,
        'src/http.plugin.js': `
import path from 'node:path';
import AutoLoad from '@fastify/autoload';
export default async function httpPlugin(app, opts) {
  app.register(AutoLoad, { dir: path.join(import.meta.dirname, 'modules'), options: { ...opts, prefix: null } });
}
`,
        'src/modules/users/users.router.js': `export default async (app) => { app.post('/users', async () => ({})); };\n`,
      },
      { esm: true, dependencies: { '@fastify/autoload': '^6.0.0' } },
    );
    assert.deepEqual(routeLines(graph), ['POST /v1/users/users (anonymous) []']);
  });

  it('follows autoload options literally: no routeParams keeps `_id`, hooks without cascade stay in their folder, CJS __dirname', () => {
    const graph = graphOf('fastify4', {
      'app.js': `
'use strict';
const path = require('node:path');
const AutoLoad = require('@fastify/autoload');
module.exports = async function (fastify, opts) {
  fastify.register(AutoLoad, { dir: path.join(__dirname, 'routes'), autoHooks: true, options: Object.assign({}, opts) });
};
`,
      'routes/autohooks.js': `module.exports = async function (fastify) { fastify.addHook('onRequest', async function topHook() {}); };\n`,
      'routes/root.js': `module.exports = async function (fastify) { fastify.get('/', async () => 'root'); };\n`,
      'routes/users/_id/profile.js': `module.exports = async function (fastify) { fastify.get('/', async () => ({})); };\n`,
      'routes/flat/index.js': `module.exports = async function (fastify) { fastify.get('/list', async () => []); };\nmodule.exports.autoPrefix = '/renamed';\n`,
    });
    assert.deepEqual(routeLines(graph).sort(), [
      'GET / (anonymous) [onRequest:topHook] (no app)',
      'GET /renamed/list (anonymous) [] (no app)',
      'GET /users/_id (anonymous) [] (no app)',
    ]);
  });
});

