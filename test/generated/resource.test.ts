/**
 * Real-compile test of the `resource` generator (with the `tests` generator it invokes), for
 * Express 4 CJS, Express 5 ESM, Fastify 4 (CJS) and Fastify 5 ESM:
 *
 *   project → resource (product: every field type, a unique field, PUT)
 *
 * written to a temp folder, dependencies installed from the real registry (cached per flavour
 * and dependency set under .cache/generated-deps/, symlinked in), then: the project's own
 * `tsc --noEmit` is clean, its generated tests pass (`npm test`), and its build, started as
 * `node dist/server.js` on a free 127.0.0.1 port, answers real HTTP: create → 201 with the body
 * and Location, invalid body → 422 with the structured error, unknown id → 404, duplicate unique
 * value → 409, list pagination clamps limit to 100, filter and sort, PATCH / PUT → 200,
 * delete → 204. The golden cases' after/ trees compile with their real dependencies too.
 *
 * Part of `npm run test:generated` (ROUTEWISE_GENERATED=1; skipped otherwise).
 * ROUTEWISE_FLAVOURS=express4-cjs,… limits the flavours; ROUTEWISE_KEEP_GENERATED=1 keeps the projects.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeGoldenCompile } from './generator-goldens';
import { createProject, FLAVOURS, installDependencies, run, runOnDisk, startServer, type ProjectFlavour, type StartedServer } from './project-support';

const FIELDS = 'title:string price:number? tags:string[] status:enum(draft,published) publishedAt:date? ownerId:uuid sku:string!';
const OWNER = '3f1c2a4e-8b7d-4c6e-9a5f-1d2e3c4b5a69';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface ErrorBody {
  error: { code: string; message: string; requestId?: string; details?: Array<{ path: Array<string | number>; message: string; code: string }> };
}

interface Product {
  id: string;
  title: string;
  price: number | null;
  tags: string[];
  status: 'draft' | 'published';
  publishedAt: string | null;
  ownerId: string;
  sku: string;
  createdAt: string;
  updatedAt: string;
}

interface Page {
  data: Product[];
  page: number;
  limit: number;
  total: number;
}

const selected = (process.env.ROUTEWISE_FLAVOURS ?? '').split(',').filter((id) => id.length > 0);
const flavours = FLAVOURS.filter((flavour) => selected.length === 0 || selected.includes(flavour.id));

async function call<T>(baseUrl: string, method: string, url: string, body?: unknown): Promise<{ status: number; headers: Headers; body: T }> {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text.length > 0 ? JSON.parse(text) : undefined) as T };
}

function describeFlavour(flavour: ProjectFlavour): void {
  describe(`resource generator: ${flavour.id}`, function () {
    this.timeout(15 * 60_000);
    let projectDir = '';
    let server: StartedServer | undefined;

    before(function () {
      projectDir = createProject(flavour, fs.mkdtempSync(path.join(os.tmpdir(), `routewise-resource-${flavour.id}-`)));
      runOnDisk('resource', projectDir, { name: 'product', fields: FIELDS, put: true });
      const install = installDependencies(flavour, projectDir);
      console.log(`      install (${install.warm ? 'warm' : 'cold'}) ${install.ms} ms`);
    });

    after(async function () {
      if (server) await server.stop();
      if (projectDir && process.env.ROUTEWISE_KEEP_GENERATED !== '1') fs.rmSync(path.dirname(projectDir), { recursive: true, force: true });
    });

    it('type-checks with its own tsc --noEmit', function () {
      const result = run(process.execPath, [path.join(projectDir, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], projectDir);
      assert.equal(result.status, 0, result.output);
    });

    it('passes its generated tests (npm test)', function () {
      const result = run('npm', ['test', '--silent'], projectDir, { CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' });
      assert.equal(result.status, 0, result.output);
      assert.match(result.output, /test\/products\.test\.ts/, result.output);
      assert.doesNotMatch(result.output, /\bfailed\b/i, result.output);
    });

    it('builds and starts', async function () {
      const build = run('npm', ['run', 'build', '--silent'], projectDir);
      assert.equal(build.status, 0, build.output);
      server = await startServer(projectDir, {});
    });

    it('answers real HTTP: 201, 422, 404, 409, pagination, filter, sort, PATCH, PUT, 204', async function () {
      const base = `${server!.baseUrl}/api/v1/products`;
      const input = { title: 'Desk lamp', price: 24.5, tags: ['office'], status: 'draft', publishedAt: '2024-05-01T12:00:00+02:00', ownerId: OWNER, sku: 'LAMP-1' };

      const created = await call<Product>(base, 'POST', '', input);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(
        { ...created.body, id: undefined, createdAt: undefined, updatedAt: undefined },
        { ...input, publishedAt: '2024-05-01T10:00:00.000Z', id: undefined, createdAt: undefined, updatedAt: undefined },
      );
      assert.equal(created.headers.get('location'), `/api/v1/products/${created.body.id}`);

      const invalid = await call<ErrorBody>(base, 'POST', '', { ...input, sku: 'LAMP-2', price: 'free', status: 'sold' });
      assert.equal(invalid.status, 422);
      assert.equal(invalid.body.error.code, 'VALIDATION_FAILED');
      const invalidPaths = (invalid.body.error.details ?? []).map((issue) => issue.path.join('.'));
      assert.ok(invalidPaths.some((where) => where.endsWith('price')) && invalidPaths.some((where) => where.endsWith('status')), JSON.stringify(invalid.body));

      const missing = await call<ErrorBody>(base, 'GET', `/${UNKNOWN_ID}`);
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'NOT_FOUND');

      const duplicate = await call<ErrorBody>(base, 'POST', '', input);
      assert.equal(duplicate.status, 409);
      assert.equal(duplicate.body.error.code, 'CONFLICT');

      for (let index = 2; index <= 4; index += 1) {
        const more = await call<Product>(base, 'POST', '', { ...input, sku: `LAMP-${index}`, price: index * 10, status: index % 2 === 0 ? 'published' : 'draft', publishedAt: null });
        assert.equal(more.status, 201);
      }
      const clamped = await call<Page>(base, 'GET', '?limit=1000');
      assert.equal(clamped.status, 200);
      assert.equal(clamped.body.limit, 100);
      assert.equal(clamped.body.total, 4);
      const paged = await call<Page>(base, 'GET', '?limit=3&page=2');
      assert.deepEqual([paged.body.page, paged.body.limit, paged.body.data.length, paged.body.total], [2, 3, 1, 4]);
      const filtered = await call<Page>(base, 'GET', '?status=published');
      assert.deepEqual(filtered.body.data.map((product) => product.sku).sort(), ['LAMP-2', 'LAMP-4']);
      const sorted = await call<Page>(base, 'GET', '?sort=-price');
      assert.deepEqual(sorted.body.data.map((product) => product.price), [40, 30, 24.5, 20]);
      const badQuery = await call<ErrorBody>(base, 'GET', '?limit=0&sort=colour');
      assert.equal(badQuery.status, 422);

      const patched = await call<Product>(base, 'PATCH', `/${created.body.id}`, { price: null, tags: ['office', 'light'] });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.equal(patched.body.price, null);
      assert.deepEqual(patched.body.tags, ['office', 'light']);
      const replaced = await call<Product>(base, 'PUT', `/${created.body.id}`, { title: 'Floor lamp', tags: [], status: 'published', ownerId: OWNER, sku: 'LAMP-1' });
      assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
      assert.equal(replaced.body.publishedAt, null);
      assert.equal(replaced.body.createdAt, created.body.createdAt);

      const deleted = await call<undefined>(base, 'DELETE', `/${created.body.id}`);
      assert.equal(deleted.status, 204);
      const gone = await call<ErrorBody>(base, 'GET', `/${created.body.id}`);
      assert.equal(gone.status, 404);
    });
  });
}

(process.env.ROUTEWISE_GENERATED === '1' ? describe : describe.skip)('resource: generated projects compile, pass their tests and serve the resource', function () {
  for (const flavour of flavours) describeFlavour(flavour);
});

describeGoldenCompile('resource: golden after/ trees compile with their real dependencies', ['resource']);
