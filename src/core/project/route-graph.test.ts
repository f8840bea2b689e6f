import assert from 'node:assert/strict';
import { SourceCache } from '../lint/source-cache';
import { InMemoryFileSystem } from '../model/file-system';
import { ProjectDetector } from './detect';
import { buildGraph, observableGraph, projectHost, ROOT, routeLines } from './graph/testing';
import { RouteGraphBuilder } from './route-graph';

class CountingHost extends InMemoryFileSystem {
  reads = new Map<string, number>();

  override readFile(path: string): string | undefined {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return super.readFile(path);
  }
}

describe('RouteGraphBuilder', () => {
  const files = {
    'src/app.ts': `
import express from 'express';
import users from './users';
const app = express();
app.use('/users', users);
`,
    'src/users.ts': `
import { Router } from 'express';
const router = Router();
router.get('/', (req, res) => res.json([]));
export default router;
`,
    'src/util.ts': `export const noop = () => undefined;\n`,
    'test/users.test.ts': `
import express from 'express';
const app = express();
app.get('/only-in-tests', (req, res) => res.end());
`,
  };

  it('caches the graph per package and rebuilds after invalidate(file), re-reading only that file', () => {
    const host = new CountingHost([...projectHost('express4', files).files]);
    const projects = new ProjectDetector(host);
    const builder = new RouteGraphBuilder(host, new SourceCache(), projects);
    const project = projects.detect(`${ROOT}/src/app.ts`);
    const first = builder.graphFor(project);
    assert.ok(first);
    assert.equal(builder.graphFor(project), first);
    assert.deepEqual(routeLines(first), ['GET /users (anonymous) []']);

    host.files.set(`${ROOT}/src/users.ts`, `${files['src/users.ts']}router.post('/', (req, res) => res.status(201).end());\n`);
    host.reads.clear();
    builder.invalidate(`${ROOT}/src/users.ts`);
    const second = builder.graphFor(project);
    assert.notEqual(second, first);
    assert.deepEqual(routeLines(second!), ['GET /users (anonymous) []', 'POST /users (anonymous) []']);
    assert.deepEqual([...host.reads.keys()].filter((path) => path.endsWith('.ts')), [`${ROOT}/src/users.ts`]);
  });

  describe('after a text edit', () => {
    const app = `
import express from 'express';
import { requireAuth } from './auth';
const app = express();
// public routes
app.get('/health', (req, res) => {
  res.json({ ok: true });
});
app.post('/orders', requireAuth, async (req, res) => {
  const order = req.body;
  res.status(201).json(order);
});
app.use((err, req, res, next) => res.status(500).end());
export default app;
`;
    const auth = `export function requireAuth(req, res, next) {\n  next();\n}\n`;

    /** Edits app.ts, returns the graph the builder gives then and the graph a fresh build gives. */
    const edit = (flavour: 'express4' | 'fastify4', files: Record<string, string>, path: string, edited: string) => {
      const host = projectHost(flavour, files);
      const projects = new ProjectDetector(host);
      const builder = new RouteGraphBuilder(host, new SourceCache(), projects);
      const project = projects.detect(`${ROOT}/${path}`);
      const before = builder.graphFor(project)!;
      host.files.set(`${ROOT}/${path}`, edited);
      builder.invalidate(`${ROOT}/${path}`);
      const after = builder.graphFor(project)!;
      return { before, after, fresh: buildGraph(host).graph };
    };
    it('typing inside a route handler moves the kept graph instead of rebuilding it, to exactly what a rebuild gives', () => {
      const edited = app.replace('const order = req.body;', 'const order = req.body;\n  console.log(order.id, "new line");');
      const { before, after, fresh } = edit('express4', { 'src/app.ts': app, 'src/auth.ts': auth }, 'src/app.ts', edited);
      assert.equal(after, before);
      assert.deepEqual(observableGraph(after), observableGraph(fresh));
      const errorHandler = after.apps[0].errorHandlers[0];
      assert.equal(errorHandler.at.line, 14);
      assert.equal(errorHandler.at.start, edited.indexOf('(err, req, res, next)'));
    });

    it('typing in a comment moves the kept graph too', () => {
      const edited = app.replace('// public routes', '// public routes, no auth\n// (health checks)');
      const { before, after, fresh } = edit('express4', { 'src/app.ts': app, 'src/auth.ts': auth }, 'src/app.ts', edited);
      assert.equal(after, before);
      assert.deepEqual(observableGraph(after), observableGraph(fresh));
    });

    it('rebuilds when the edit changes what the graph reads', () => {
      const cases: [string, string][] = [
        ['a new route', app.replace('export default app;', "app.delete('/orders/:id', requireAuth, (req, res) => res.end());\nexport default app;")],
        ['a middleware added to a route', app.replace("app.get('/health',", "app.get('/health', requireAuth,")],
        ['a registration typed inside a handler', app.replace('const order = req.body;', "const order = req.body;\n  app.get('/late', (q, r) => r.end());")],
        ['a require typed inside a handler', app.replace('const order = req.body;', "const order = require('./db');")],
        ['a comment turned into code', app.replace('// public routes', "app.use(requireAuth); // public routes")],
        ['a line break where there was none', app.replace('export default app;', 'export default\napp;')],
      ];
      for (const [what, edited] of cases) {
        const { before, after, fresh } = edit('express4', { 'src/app.ts': app, 'src/auth.ts': auth }, 'src/app.ts', edited);
        assert.notEqual(after, before, what);
        assert.deepEqual(observableGraph(after), observableGraph(fresh), what);
      }
    });

    it('rebuilds when the edit is in a Fastify plugin body the graph ran, and moves the graph for an edit in a handler inside it', () => {
      const plugin = `
import Fastify from 'fastify';
const server = Fastify();
server.register(async (instance) => {
  instance.get('/items', async (request, reply) => {
    return [];
  });
}, { prefix: '/v1' });
export default server;
`;
      const inPlugin = edit('fastify4', { 'src/server.ts': plugin }, 'src/server.ts', plugin.replace("instance.get('/items'", "instance.addHook('onRequest', async () => {});\n  instance.get('/items'"));
      assert.notEqual(inPlugin.after, inPlugin.before);
      assert.deepEqual(routeLines(inPlugin.after), ['GET /v1/items (anonymous) [onRequest:(anonymous)]']);
      const inHandler = edit('fastify4', { 'src/server.ts': plugin }, 'src/server.ts', plugin.replace('return [];', 'const items = [];\n    return items;'));
      assert.equal(inHandler.after, inHandler.before);
      assert.deepEqual(observableGraph(inHandler.after), observableGraph(inHandler.fresh));
    });

    it('after keeping the graph for one edit, still rebuilds for the next edit in a function the graph ran', () => {
      const server = `
import Fastify from 'fastify';
const server = Fastify();
function versionPrefix() {
  return '/v1';
}
server.register(async (instance) => {
  instance.get('/items', async (request, reply) => {
    return [];
  });
}, { prefix: versionPrefix() });
export default server;
`;
      const path = `${ROOT}/src/server.ts`;
      const host = projectHost('fastify4', { 'src/server.ts': server });
      const projects = new ProjectDetector(host);
      const builder = new RouteGraphBuilder(host, new SourceCache(), projects);
      const built = builder.graphFor(projects.detect(path));
      const typeAndLook = (text: string) => {
        host.files.set(path, text);
        builder.invalidate(path);
        return builder.graphFor(projects.detect(path));
      };
      const inHandler = server.replace('return [];', 'return [1];');
      assert.equal(typeAndLook(inHandler), built, 'an edit in the handler keeps the graph');
      assert.equal(typeAndLook(inHandler), built, 'so does saving the same text');
      const inPrefix = typeAndLook(inHandler.replace("return '/v1';", "return '/v2';"));
      assert.notEqual(inPrefix, built);
      assert.deepEqual(routeLines(inPrefix!), ['GET /v2/items (anonymous) []']);
    });
  });

  it('keeps a failed build as failed until something is invalidated, instead of retrying on every request', () => {
    class FailingHost extends InMemoryFileSystem {
      listings = 0;
      override readDirectory(path: string): { files: string[]; directories: string[] } {
        this.listings++;
        throw new Error(`cannot list ${path}`);
      }
    }
    const host = new FailingHost([...projectHost('express4', files).files]);
    const projects = new ProjectDetector(host);
    const builder = new RouteGraphBuilder(host, new SourceCache(), projects);
    const project = projects.detect(`${ROOT}/src/app.ts`);
    assert.equal(builder.graphFor(project), undefined);
    assert.match(builder.failureFor(project.root)?.message ?? '', /cannot list/);
    const listings = host.listings;
    assert.equal(builder.graphFor(project), undefined);
    assert.equal(host.listings, listings);
    builder.invalidate(`${ROOT}/src/users.ts`);
    assert.equal(builder.graphFor(project), undefined);
    assert.ok(host.listings > listings);
  });

  it('sees files created after the first build', () => {
    const host = projectHost('express4', files);
    const { builder, projects } = buildGraph(host);
    host.files.set(`${ROOT}/src/admin.ts`, `import app from './app';\n`);
    host.files.set(`${ROOT}/src/app.ts`, `${files['src/app.ts']}import admin from './admin';\napp.use('/admin', admin);\nexport default app;\n`);
    host.files.set(`${ROOT}/src/admin.ts`, `import { Router } from 'express';\nconst r = Router();\nr.delete('/cache', (req, res) => res.end());\nexport default r;\n`);
    builder.invalidate(`${ROOT}/src/admin.ts`);
    builder.invalidate(`${ROOT}/src/app.ts`);
    const graph = builder.graphFor(projects.detect(`${ROOT}/src/app.ts`));
    assert.deepEqual(routeLines(graph!), ['GET /users (anonymous) []', 'DELETE /admin/cache (anonymous) []']);
  });

  it('leaves test files out and returns no graph for a package without Express or Fastify', () => {
    const { graph } = buildGraph(projectHost('express4', files));
    assert.equal(graph.apps.length, 1);
    const host = new InMemoryFileSystem([
      ['/plain/package.json', '{"name":"plain"}'],
      ['/plain/index.js', 'console.log(1);'],
    ]);
    const projects = new ProjectDetector(host);
    assert.equal(new RouteGraphBuilder(host, new SourceCache(), projects).graphFor(projects.detect('/plain/index.js')), undefined);
  });

  it('builds one graph per package of a monorepo, each from its own files', () => {
    const host = projectHost('express4', {
      'packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.21.0' } }),
      'packages/api/src/server.js': `const app = require('express')();\napp.get('/api-only', (req, res) => res.end());\n`,
      'src/app.js': `const app = require('express')();\napp.get('/root-only', (req, res) => res.end());\n`,
    });
    const projects = new ProjectDetector(host);
    const builder = new RouteGraphBuilder(host, new SourceCache(), projects);
    assert.deepEqual(routeLines(builder.graphFor(projects.detect(`${ROOT}/src/app.js`))!), ['GET /root-only (anonymous) []']);
    assert.deepEqual(routeLines(builder.graphFor(projects.detect(`${ROOT}/packages/api/src/server.js`))!), ['GET /api-only (anonymous) []']);
  });

  it('treats a package kept under test/fixtures as an ordinary package: only its own test folders are tests', () => {
    const host = new InMemoryFileSystem([
      ['/repo/test/fixtures/api/package.json', JSON.stringify({ name: 'api', dependencies: { express: '^5.1.0' } })],
      ['/repo/test/fixtures/api/src/app.js', `const app = require('express')();\napp.get('/ok', (req, res) => res.end());\n`],
      ['/repo/test/fixtures/api/test/app.test.js', `const app = require('express')();\napp.get('/test-only', (req, res) => res.end());\n`],
    ]);
    const projects = new ProjectDetector(host);
    const graph = new RouteGraphBuilder(host, new SourceCache(), projects).graphFor(projects.detect('/repo/test/fixtures/api/src/app.js'));
    assert.deepEqual(routeLines(graph!), ['GET /ok (anonymous) []']);
  });
});

