/**
 * Real-compile test of the `project` generator (and through it config, error-handler, middleware,
 * health): for each flavour, generate a project in a temp folder, install its dependencies (cached
 * per flavour and dependency set under .cache/generated-deps), run its own `tsc --noEmit` and
 * `npm test`, build it, start `node dist/server.js` on a free port of 127.0.0.1 and check the
 * HTTP behaviour, then stop it with SIGTERM (graceful shutdown → exit code 0).
 *
 * Slow (a cold run installs from the registry): `npm run test:generated`, which sets
 * ROUTEWISE_GENERATED=1 (without it the suite is skipped).
 * ROUTEWISE_FLAVOURS=express4-cjs,fastify5-esm limits the flavours.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createProject, FLAVOURS, installDependencies, run, startServer, writeReadinessPreload, type ProjectFlavour, type StartedServer } from './project-support';

const ALLOWED_ORIGIN = 'http://allowed.example';
const RATE_LIMIT_MAX = 40;
const READINESS_CHECKS = 40;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const selected = (process.env.ROUTEWISE_FLAVOURS ?? '').split(',').filter((id) => id.length > 0);
const flavours = FLAVOURS.filter((flavour) => selected.length === 0 || selected.includes(flavour.id));

interface ErrorBody {
  error: { code: string; message: string; requestId?: string; details?: unknown };
}

function describeFlavour(flavour: ProjectFlavour): void {
  describe(`project: ${flavour.id}`, function () {
    this.timeout(15 * 60_000);
    let projectDir = '';
    let server: StartedServer | undefined;
    let failFlag = '';
    const timings: string[] = [];

    before(function () {
      const started = Date.now();
      projectDir = createProject(flavour);
      timings.push(`generate ${Date.now() - started} ms`);
      const install = installDependencies(flavour, projectDir);
      timings.push(`install (${install.warm ? 'warm' : 'cold'}) ${install.ms} ms`);
    });

    after(async function () {
      if (server) await server.stop();
      console.log(`      ${flavour.id}: ${timings.join(', ')}`);
      if (projectDir && process.env.ROUTEWISE_KEEP_GENERATED !== '1') fs.rmSync(path.dirname(projectDir), { recursive: true, force: true });
    });

    it('type-checks with its own tsc (sources and tests)', function () {
      const result = run(process.execPath, [path.join(projectDir, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], projectDir);
      timings.push(`tsc ${result.ms} ms`);
      assert.equal(result.status, 0, result.output);
    });

    it('passes its generated tests (npm test)', function () {
      const result = run('npm', ['test', '--silent'], projectDir, { CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' });
      timings.push(`npm test ${result.ms} ms`);
      assert.equal(result.status, 0, result.output);
      assert.match(result.output, /Tests\s+\d+ passed/);
    });

    it('builds (npm run build) and serves real HTTP from node dist/server.js', async function () {
      const build = run('npm', ['run', 'build', '--silent'], projectDir);
      timings.push(`build ${build.ms} ms`);
      assert.equal(build.status, 0, build.output);
      assert.ok(fs.existsSync(path.join(projectDir, 'dist/server.js')));
      failFlag = path.join(projectDir, 'readiness-fails');
      const preload = writeReadinessPreload(projectDir, flavour.moduleSystem === 'esm', READINESS_CHECKS, failFlag);
      server = await startServer(
        projectDir,
        { CORS_ORIGINS: `${ALLOWED_ORIGIN},http://second.example`, RATE_LIMIT_MAX: String(RATE_LIMIT_MAX), RATE_LIMIT_WINDOW_MS: '60000', LOG_LEVEL: 'info' },
        preload,
      );
    });

    it('GET /health/live → 200 { status: ok }; GET /health/ready → 200 with its checks, 503 when one fails', async function () {
      const live = await fetch(`${server!.baseUrl}/health/live`);
      assert.equal(live.status, 200);
      assert.deepEqual(await live.json(), { status: 'ok' });
      const ready = await fetch(`${server!.baseUrl}/health/ready`);
      assert.equal(ready.status, 200);
      const report = (await ready.json()) as { status: string; checks: Record<string, { status: string }> };
      assert.equal(report.status, 'ok');
      assert.equal(Object.keys(report.checks).length, READINESS_CHECKS + 1);
      assert.equal(report.checks['toggled-by-flag-file']?.status, 'ok');
      fs.writeFileSync(failFlag, '');
      try {
        const failing = await fetch(`${server!.baseUrl}/health/ready`);
        assert.equal(failing.status, 503);
        const failed = (await failing.json()) as { status: string; checks: Record<string, { status: string }> };
        assert.equal(failed.status, 'error');
        assert.equal(failed.checks['toggled-by-flag-file']?.status, 'error');
        assert.equal(failed.checks['dependency-01-with-a-descriptive-name']?.status, 'ok');
      } finally {
        fs.rmSync(failFlag, { force: true });
      }
    });

    it('answers unknown routes with the 404 error body carrying the request id', async function () {
      const response = await fetch(`${server!.baseUrl}/no/such/route?x=1`);
      assert.equal(response.status, 404);
      const body = (await response.json()) as ErrorBody;
      assert.equal(body.error.code, 'ROUTE_NOT_FOUND');
      assert.match(body.error.message, /GET \/no\/such\/route/);
      assert.equal(body.error.requestId, response.headers.get('x-request-id'));
    });

    it('echoes X-Request-Id: keeps a well-formed one, generates a UUID when absent or malformed', async function () {
      const kept = await fetch(`${server!.baseUrl}/health/live`, { headers: { 'x-request-id': 'trace-abc.123:4' } });
      assert.equal(kept.headers.get('x-request-id'), 'trace-abc.123:4');
      const absent = await fetch(`${server!.baseUrl}/health/live`);
      assert.match(absent.headers.get('x-request-id') ?? '', UUID);
      for (const bad of ['has spaces in it', 'x'.repeat(129), 'line\\nbreak']) {
        const response = await fetch(`${server!.baseUrl}/health/live`, { headers: { 'x-request-id': bad } });
        assert.match(response.headers.get('x-request-id') ?? '', UUID, `malformed id ${JSON.stringify(bad)} must be replaced`);
      }
    });

    it('sends helmet security headers', async function () {
      const response = await fetch(`${server!.baseUrl}/health/live`);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(response.headers.get('content-security-policy'), 'content-security-policy');
      assert.ok(response.headers.get('strict-transport-security'), 'strict-transport-security');
      assert.equal(response.headers.get('x-powered-by'), null);
    });

    it('sends CORS headers for the configured origins only', async function () {
      const allowed = await fetch(`${server!.baseUrl}/health/live`, { headers: { origin: ALLOWED_ORIGIN } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
      const other = await fetch(`${server!.baseUrl}/health/live`, { headers: { origin: 'http://evil.example' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      const preflight = await fetch(`${server!.baseUrl}/health/live`, {
        method: 'OPTIONS',
        headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST' },
      });
      assert.ok(preflight.status === 204 || preflight.status === 200, `preflight status ${preflight.status}`);
      assert.equal(preflight.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    });

    it('compresses responses over the threshold (1 KiB), not smaller ones', async function () {
      const large = await fetch(`${server!.baseUrl}/health/ready`, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(large.status, 200);
      assert.equal(large.headers.get('content-encoding'), 'gzip');
      const report = (await large.json()) as { checks: Record<string, unknown> };
      assert.equal(Object.keys(report.checks).length, READINESS_CHECKS + 1);
      const small = await fetch(`${server!.baseUrl}/health/live`, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(small.headers.get('content-encoding'), null);
    });

    it('logs requests with pino (JSON lines with the request id)', async function () {
      await fetch(`${server!.baseUrl}/health/live`, { headers: { 'x-request-id': 'log-probe-1' } });
      const deadline = Date.now() + 5000;
      while (!server!.output().includes('log-probe-1') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const line = server!
        .output()
        .split('\n')
        .find((candidate) => candidate.includes('log-probe-1'));
      assert.ok(line, `no log line with the request id in:\n${server!.output().slice(-2000)}`);
      const entry = JSON.parse(line) as Record<string, unknown>;
      assert.equal(typeof entry.level, 'number');
      assert.equal(typeof entry.time, 'number');
    });

    it('rate-limits with the configured values (429 in the error shape)', async function () {
      const first = await fetch(`${server!.baseUrl}/health/live`);
      const limitHeader = first.headers.get('ratelimit-policy') ?? first.headers.get('x-ratelimit-limit') ?? '';
      assert.match(limitHeader, new RegExp(`^${RATE_LIMIT_MAX}\\b`), `rate-limit headers: ${JSON.stringify(Object.fromEntries(first.headers))}`);
      let limited: Response | undefined;
      for (let i = 0; i < RATE_LIMIT_MAX + 5 && !limited; i++) {
        const response = await fetch(`${server!.baseUrl}/health/live`);
        if (response.status === 429) limited = response;
        else await response.arrayBuffer();
      }
      assert.ok(limited, `no 429 after ${RATE_LIMIT_MAX + 5} requests`);
      const body = (await limited.json()) as ErrorBody;
      assert.equal(body.error.code, 'TOO_MANY_REQUESTS');
    });

    it('shuts down gracefully on SIGTERM (exit code 0)', async function () {
      const code = await server!.stop();
      server = undefined;
      assert.equal(code, 0);
    });
  });
}

// Only under `npm run test:generated` (ROUTEWISE_GENERATED=1): a plain unit-test run must stay fast and offline.
(process.env.ROUTEWISE_GENERATED === '1' ? describe : describe.skip)('generated projects (real install, tsc, tests, HTTP)', function () {
  for (const flavour of flavours) describeFlavour(flavour);
});
