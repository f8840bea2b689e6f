import assert from 'node:assert/strict';
import { projectHost } from '../core/project/graph/testing';
import { UsageError } from './io';
import { runRoutesCommand } from './routes-command';
import { fanOutApp } from './test-support';

function run(args: string[], host = sampleHost()): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runRoutesCommand(args, '/project', { stdout: (text) => (out += text), stderr: (text) => (err += text) }, { host });
  return { code, out, err };
}

function sampleHost() {
  return projectHost('express4', {
    'src/app.js': `
const express = require('express');
const { requireAuth } = require('./auth');
const app = express();
app.use(express.json());
app.use('/users', requireAuth, require('./users'));
app.use((err, req, res, next) => res.status(500).end());
`,
    'src/auth.js': `exports.requireAuth = function requireAuth(req, res, next) { next(); };\n`,
    'src/users.js': `
const router = require('express').Router();
const asyncHandler = require('express-async-handler');
router.get('/', asyncHandler(async function listUsers(req, res) { res.json([]); }));
router.post('/:id/avatar', (req, res) => res.status(201).end());
module.exports = router;
`,
    'src/unused.js': `
const router = require('express').Router();
router.get('/draft', (req, res) => res.end());
`,
  });
}

describe('routewise routes', () => {
  it('prints an aligned table of routes, then the ones no app reaches', () => {
    const { code, out, err } = run([]);
    assert.equal(code, 0);
    assert.equal(err, '');
    assert.equal(
      out,
      [
        'METHOD  PATH               HANDLER                  CHAIN                       FILE:LINE',
        'GET     /users             asyncHandler(listUsers)  express.json > requireAuth  src/users.js:4',
        'POST    /users/:id/avatar  (anonymous)              express.json > requireAuth  src/users.js:5',
        '',
        'Not reachable from an app (paths relative to their router or plugin):',
        'METHOD  PATH    HANDLER      CHAIN  FILE:LINE',
        'GET     /draft  (anonymous)  -      src/unused.js:3',
        '',
        '3 routes in 1 app',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with paths relative to the current directory', () => {
    const { code, out } = run(['--format', 'json']);
    assert.equal(code, 0);
    const json = JSON.parse(out) as {
      version: number;
      apps: { name: string; framework: string; file: string; line: number; routes: number; errorHandlers: { covers: number; file: string; line: number }[] }[];
      routes: { method: string; path: string; file: string; line: number; column: number; handler: string | null; chain: { name: string; scope: string; file: string; line: number }[]; hasSchema: boolean; app: number | null }[];
    };
    assert.equal(json.version, 1);
    assert.deepEqual(json.apps.map((app) => [app.name, app.framework, app.file, app.line, app.routes]), [['app', 'express', 'src/app.js', 4, 2]]);
    assert.deepEqual(json.apps[0].errorHandlers.map((handler) => [handler.file, handler.line, handler.covers]), [['src/app.js', 7, 2]]);
    assert.deepEqual(json.routes[0], {
      method: 'GET',
      path: '/users',
      file: 'src/users.js',
      line: 4,
      column: 1,
      handler: 'listUsers',
      chain: [
        { name: 'express.json', scope: 'app', file: 'src/app.js', line: 5 },
        { name: 'requireAuth', scope: 'mount', file: 'src/auth.js', line: 1 },
      ],
      hasSchema: false,
      app: 0,
    });
    assert.equal(json.routes[2].app, null);
  });

  it('warns when the graph stopped at its step budget, and still prints what it found', () => {
    const { code, out, err } = run([], projectHost('express4', { 'src/app.js': fanOutApp(18) }));
    assert.equal(code, 0);
    assert.match(out, /GET +\/leaf/);
    assert.equal(err, 'routewise: warning: the route graph stopped at its step budget; routes registered after that point are missing, so findings that depend on routes may be missing too\n');
  });

  it('rejects unknown formats and reports a project without a framework', () => {
    assert.throws(() => run(['--format', 'xml']), UsageError);
    assert.throws(() => run(['missing-folder']), UsageError);
    const plain = projectHost('express4', {});
    plain.files.set('/project/package.json', '{"name":"plain"}');
    plain.files.delete('/project/node_modules/express/package.json');
    const { code, out, err } = run(['--format', 'json'], plain);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), { version: 1, apps: [], routes: [] });
    assert.match(err, /no Express or Fastify/);
  });
});
