import assert from 'node:assert/strict';
import { SourceCache } from '../lint/source-cache';
import { InMemoryFileSystem } from '../model/file-system';
import { ProjectDetector } from './detect';
import { buildGraph, projectHost, ROOT, routeLines } from './graph/testing';
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

