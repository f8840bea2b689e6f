import { runRuleTests } from '../../../test/helpers/rule-tester';
import rule from './permissive-cors';

/** A package.json with extra runtime dependencies next to the framework. */
function packageJson(framework: 'express4' | 'express5' | 'fastify4' | 'fastify5', extra: Record<string, string>, esm = false): Record<string, string> {
  const versions = { express4: ['express', '^4.21.2'], express5: ['express', '^5.1.0'], fastify4: ['fastify', '^4.28.1'], fastify5: ['fastify', '^5.4.0'] } as const;
  const [name, range] = versions[framework];
  return {
    'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', ...(esm ? { type: 'module' } : {}), dependencies: { [name]: range, ...extra } }, null, 2),
  };
}

runRuleTests(rule, {
  valid: [
    {
      name: 'a public router\'s own cors(), while the app\'s auth guards routes mounted elsewhere',
      flavour: 'express4',
      filename: 'src/routes/sdk.ts',
      code: `import { Router } from 'express';
import cors from 'cors';

export const sdkRouter = Router();

// public endpoints for browser SDKs, keyed by a client-side key; no cookies
sdkRouter.use(cors({ maxAge: 600 }));

sdkRouter.get('/v2/flags', (req, res) => {
  res.json({ flags: [], key: req.get('x-sdk-key') ?? null });
});
`,
      files: { 'src/app.ts': `import express from 'express';
import { requireAdmin } from './admin-auth';
import { sdkRouter } from './routes/sdk';
import { adminRouter } from './routes/admin';

export const app = express();
app.use('/sdk', sdkRouter);
app.use('/api', requireAdmin, adminRouter);
`, 'src/admin-auth.ts': `import type { NextFunction, Request, Response } from 'express';

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  if (req.get('authorization') !== \`Bearer \${process.env.ADMIN_API_TOKEN}\`) return void res.status(401).json({ error: 'unauthorized' });
  next();
}
`, 'src/routes/admin.ts': `import { Router } from 'express';

export const adminRouter = Router();
adminRouter.get('/projects', (_req, res) => res.json({ items: [] }));
` },
    },
    {
      name: 'socket.io: any origin without credentials, and a configured list with them',
      flavour: 'express4',
      filename: 'src/server.js',
      code: `const http = require('http');
const express = require('express');
const { Server } = require('socket.io');

const app = express();
const server = http.createServer(app);
const publicFeed = new Server(server, { path: '/feed', cors: { origin: '*' } });
const chat = require('socket.io')(server, { cors: { origin: process.env.CHAT_ORIGINS.split(','), credentials: true } });

publicFeed.on('connection', (socket) => socket.emit('hello'));
chat.on('connection', (socket) => socket.emit('hello'));
server.listen(3000);
`,
    },
    {
      name: 'an origin callback falling back to true only for requests without an Origin header, refusing unlisted origins',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');

const allowList = (process.env.CORS_ORIGINS || '').split(',');
const app = express();
app.use(cors({
  credentials: true,
  origin(origin, callback) {
    if (!origin || allowList.includes(origin)) return callback(null, origin || true);
    return callback(new Error('Not allowed by CORS'));
  },
}));
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
`,
    },
    {
      name: 'a bare cors() preflight route after the configured cors middleware (which answers every preflight first)',
      flavour: 'express4',
      filename: 'src/app.ts',
      code: `import express from 'express';
import cors from 'cors';
import cookieParser from 'cookie-parser';

const app = express();
const corsOptions = { origin: process.env.CORS_ORIGIN, credentials: true };

app.use(cors(corsOptions));
app.options('*', cors());
app.use(cookieParser());

export default app;
`,
    },
    {
      name: 'an origin method that lets requests without an Origin through and checks the others against a list',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');

const allowed = (process.env.CORS_ORIGINS || '').split(',');
const app = express();

app.use(
  cors({
    origin(origin, callback) {
      if (!origin) return callback(null, true);
      if (allowed.includes(origin)) return callback(null, true);
      return callback(new Error('Not allowed by CORS'));
    },
    credentials: true,
  }),
);

module.exports = app;
`,
    },
    {
      name: 'Fastify: a delegator choosing the options per request (any origin only for public endpoints)',
      flavour: 'fastify5',
      filename: 'src/server.js',
      esm: true,
      code: `import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();
const PUBLIC_ROUTES = ['/api/ping', '/api/webhook'];

await app.register(cors, {
  delegator: (req, callback) => {
    if (PUBLIC_ROUTES.some((route) => req.url.startsWith(route))) callback(null, { origin: '*' });
    else callback(null, { origin: false });
  },
});

app.get('/api/me', async (request) => ({ authenticated: Boolean(request.headers.authorization) }));
export default app;
`,
    },
    {
      name: 'a middleware choosing an allow-list with credentials for session paths and any origin without credentials elsewhere',
      flavour: 'express4',
      filename: 'src/server.js',
      code: `const express = require('express');
const cors = require('cors');
const session = require('express-session');

const app = express();
const allowedOrigins = process.env.CORS_ALLOWED_ORIGINS.split(',');

app.use((req, res, next) => {
  if (req.path.startsWith('/session')) return cors({ origin: allowedOrigins, credentials: true })(req, res, next);
  return cors({ origin: '*' })(req, res, next);
});
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

module.exports = app;
`,
    },
  {
    name: "cors() in a proxy service that sets Authorization only on its own calls to an upstream API",
    flavour: 'fastify5',
    filename: 'src/routes/jira.ts',
    code: `import cors from '@fastify/cors';
import { request } from 'undici';
import type { FastifyInstance } from 'fastify';

export default async function jira(fastify: FastifyInstance) {
  await fastify.register(cors, { origin: '*' });
  fastify.get('/jira/search', async (req) => {
    const upstream = await request('https://jira.example.com/rest/api/2/search', {
      headers: { Authorization: \`Bearer \${process.env.JIRA_TOKEN}\` },
    });
    return upstream.body.json();
  });
}
`,
  },
  {
    name: 'hand-written credentialed CORS headers set only behind a debug switch',
    flavour: 'express4',
    filename: 'src/app.ts',
    code: `import express = require('express');
import cookieParser = require('cookie-parser');

const isDebug = !!process.env.CAPTAIN_IS_DEBUG;
const app = express();
app.use(cookieParser());

if (isDebug) {
  app.use('/', (req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    next();
  });
}

app.get('/api/me', (req, res) => {
  res.json({ session: Boolean(req.cookies.captainAuth) });
});

export default app;
`,
  },
    {
      name: 'Fastify: any origin for a public API whose OpenAPI document only describes an Authorization header',
      flavour: 'fastify4',
      filename: 'src/server.ts',
      code: `import fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import fastifySwagger from '@fastify/swagger';

const server = fastify();
await server.register(fastifyCors, { origin: '*' });
await server.register(fastifySwagger, {
  swagger: {
    info: { title: 'API', version: '0.1.0' },
    securityDefinitions: { apiKey: { type: 'apiKey', name: 'Authorization', in: 'header' } },
  },
});
server.get('/api/v1/people', async () => [{ name: 'Ada' }]);
export default server;
`,
    },
    {
      name: 'explicit origin list with credentials',
      flavour: 'express4',
      code: `import express from 'express';
import cors from 'cors';
import cookieParser from 'cookie-parser';

const app = express();
app.use(cookieParser());
app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true }));
`,
    },
    {
      name: 'origins from the config module',
      flavour: 'express5',
      code: `import express from 'express';
import cors from 'cors';
import { config } from './config';

export const app = express();
app.use(cors({ origin: config.corsOrigins, credentials: true }));
`,
    },
    {
      name: 'origins from the environment (CommonJS)',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: process.env.CORS_ORIGIN?.split(','),
    credentials: true,
  }),
);

module.exports = app;
`,
    },
    {
      name: 'public API without credentials: cors() in an app with no cookies or auth',
      flavour: 'express4',
      code: `import express from 'express';
import cors from 'cors';
import { weather } from './weather';

const app = express();
app.use(cors());

app.get('/forecast/:city', async (req, res) => {
  res.json(await weather.forecast(req.params.city));
});
`,
    },
    {
      name: '@fastify/cors with an origin list',
      flavour: 'fastify4',
      code: `import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify({ logger: true });
await app.register(cors, { origin: ['https://shop.example.com'], credentials: true });
`,
    },
    {
      name: '@fastify/cors with an origin callback that checks an allowlist (ESM JS)',
      flavour: 'fastify5',
      esm: true,
      filename: 'src/server.js',
      code: `import Fastify from 'fastify';

const allowed = new Set((process.env.ALLOWED_ORIGINS ?? '').split(','));
const app = Fastify();

await app.register(import('@fastify/cors'), {
  origin: (origin, cb) => {
    if (!origin || allowed.has(origin)) {
      cb(null, true);
      return;
    }
    cb(new Error('Not allowed by CORS'), false);
  },
  credentials: true,
});
`,
    },
    {
      name: 'hand-written header echoing only allowlisted origins',
      flavour: 'express4',
      code: `import express from 'express';

const app = express();
const allowedOrigins = ['https://app.example.com'];

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && allowedOrigins.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
`,
    },
    {
      name: 'hand-written wildcard without credentials',
      flavour: 'express4',
      filename: 'src/middleware/cors.js',
      code: `module.exports = function allowAll(req, res, next) {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Methods', 'GET,POST,PUT,DELETE');
  next();
};
`,
    },
    {
      name: 'wildcard with credentials explicitly off, in a cookie app',
      flavour: 'express5',
      files: packageJson('express5', { 'express-session': '^1.18.1', cors: '^2.8.5' }),
      code: `import express from 'express';
import cors from 'cors';

const app = express();
app.use('/public', cors({ origin: '*', credentials: false }));
`,
    },
    {
      name: 'origin callback with a whitelist lookup (classic docs style)',
      flavour: 'express4',
      filename: 'server.js',
      code: `const express = require('express');
const cors = require('cors');
const session = require('express-session');

const whitelist = ['http://example1.com', 'http://example2.com'];
const corsOptions = {
  origin: function (origin, callback) {
    if (whitelist.indexOf(origin) !== -1) {
      callback(null, true);
    } else {
      callback(new Error('Not allowed by CORS'));
    }
  },
  credentials: true,
};

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(cors(corsOptions));
`,
    },
    {
      name: 'options imported from another module',
      flavour: 'express4',
      code: `import express from 'express';
import cors from 'cors';
import { corsOptions } from './config/cors';

const app = express();
app.use(cors(corsOptions));
`,
    },
    {
      name: 'reflecting only outside production',
      flavour: 'express5',
      code: `import express from 'express';
import cors from 'cors';
import passport from 'passport';

const app = express();
const isProduction = process.env.NODE_ENV === 'production';
app.use(cors({ origin: isProduction ? ['https://app.example.com'] : true, credentials: true }));
app.use(passport.initialize());
`,
    },
    {
      name: "origin ['*'] as a list: each request origin is compared with the string '*', so no other site gets in",
      flavour: 'fastify4',
      filename: 'src/app.ts',
      code: `import Fastify from 'fastify';
import cors from '@fastify/cors';
import jwt from '@fastify/jwt';

const app = Fastify();
app.register(jwt, { secret: process.env.JWT_SECRET! });
app.register(cors, { origin: ['*'], allowedHeaders: ['Content-Type', 'Authorization'], credentials: true });
`,
    },
    {
      name: 'cors registered only while developing',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');
const passport = require('passport');
const config = require('./config');

const app = express();
app.use(passport.initialize());
if (config.environment === 'development') {
  app.use(cors({ origin: true, credentials: true }));
}
if (process.env.NODE_ENV !== 'production') app.use(cors());
`,
    },
    {
      name: 'origin restricted by a specific pattern',
      flavour: 'fastify5',
      filename: 'src/app.js',
      code: `const fastify = require('fastify')();

fastify.register(require('@fastify/cors'), { origin: /\\.example\\.com$/, credentials: true });
`,
    },
    {
      name: 'origin supplied by spread shared options',
      flavour: 'express4',
      code: `import express from 'express';
import cors from 'cors';
import cookieParser from 'cookie-parser';
import { baseCorsOptions } from './config/cors';

const app = express();
app.use(cookieParser());
app.use(cors({ ...baseCorsOptions, credentials: true }));
`,
    },
    {
      name: 'not the cors package: a Socket.IO server option',
      flavour: 'express4',
      code: `import express from 'express';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const app = express();
const server = createServer(app);
export const io = new Server(server, { cors: { origin: ['https://chat.example.com'], credentials: true } });
`,
    },
  ],
  invalid: [
    {
      name: 'a router\'s own cors() in front of routes that run auth middleware',
      flavour: 'express4',
      filename: 'src/routes/sdk.ts',
      code: `import { Router } from 'express';
import cors from 'cors';
import { requireAdmin } from '../admin-auth';

export const sdkRouter = Router();

// public endpoints for browser SDKs, keyed by a client-side key; no cookies
sdkRouter.use(cors({ maxAge: 600 }));

sdkRouter.get('/v2/flags', requireAdmin, (req, res) => {
  res.json({ flags: [], key: req.get('x-sdk-key') ?? null });
});
`,
      files: { 'src/app.ts': `import express from 'express';
import { requireAdmin } from './admin-auth';
import { sdkRouter } from './routes/sdk';
import { adminRouter } from './routes/admin';

export const app = express();
app.use('/sdk', sdkRouter);
app.use('/api', requireAdmin, adminRouter);
`, 'src/admin-auth.ts': `import type { NextFunction, Request, Response } from 'express';

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  if (req.get('authorization') !== \`Bearer \${process.env.ADMIN_API_TOKEN}\`) return void res.status(401).json({ error: 'unauthorized' });
  next();
}
`, 'src/routes/admin.ts': `import { Router } from 'express';

export const adminRouter = Router();
adminRouter.get('/projects', (_req, res) => res.json({ items: [] }));
` },
      errors: [{ line: 8, column: 15, message: 'CORS allows any origin (`*`) in an app that uses cookies or auth headers; allow a list of origins read from config.' }],
      output: `import { Router } from 'express';
import cors from 'cors';
import { requireAdmin } from '../admin-auth';

export const sdkRouter = Router();

// public endpoints for browser SDKs, keyed by a client-side key; no cookies
sdkRouter.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], maxAge: 600 }));

sdkRouter.get('/v2/flags', requireAdmin, (req, res) => {
  res.json({ flags: [], key: req.get('x-sdk-key') ?? null });
});
`,
    },
    {
      name: 'socket.io: the handshake reflects any origin with credentials (new Server(server, { cors: { origin: true, credentials: true } }))',
      flavour: 'express4',
      esm: true,
      filename: 'src/server.js',
      code: `import http from 'node:http';
import express from 'express';
import { Server } from 'socket.io';

const app = express();
const server = http.createServer(app);
const io = new Server(server, {
  cors: { origin: true, credentials: true },
});

io.on('connection', (socket) => socket.emit('hello', { id: socket.id }));
server.listen(3000);
`,
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 44 }],
      output: `import http from 'node:http';
import express from 'express';
import { Server } from 'socket.io';

const app = express();
const server = http.createServer(app);
const io = new Server(server, {
  cors: { origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true },
});

io.on('connection', (socket) => socket.emit('hello', { id: socket.id }));
server.listen(3000);
`,
    },
    {
      name: 'options built and returned by a function of the file (cors(corsOptions()))',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');

function corsOptions() {
  return { origin: true, credentials: true, maxAge: 600 };
}

const app = express();
app.use(cors(corsOptions()));
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
`,
      errors: [{ line: 9, column: 9, endLine: 9, endColumn: 28 }],
      output: `const express = require('express');
const cors = require('cors');

function corsOptions() {
  return { origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true, maxAge: 600 };
}

const app = express();
app.use(cors(corsOptions()));
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
`,
    },
    {
      name: 'an origin callback answering the origin or true when there is none (cb(null, origin || true))',
      flavour: 'express5',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: (origin, cb) => cb(null, origin || true), credentials: true }));
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
`,
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 86 }],
      output: `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true }));
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
`,
    },
    {
      name: 'an origin callback that tests the allow-list but allows on both branches',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');

const allowList = ['https://app.example.com'];
const app = express();
app.use(
  cors({
    credentials: true,
    origin(origin, callback) {
      if (!origin || allowList.includes(origin)) {
        callback(null, true);
      } else {
        console.warn('unlisted origin', origin);
        callback(null, true);
      }
    },
  }),
);
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
`,
      errors: [{ line: 7, column: 3, endLine: 17, endColumn: 5 }],
      output: `const express = require('express');
const cors = require('cors');

const allowList = ['https://app.example.com'];
const app = express();
app.use(
  cors({
    credentials: true,
    origin: process.env.CORS_ORIGINS?.split(',') ?? [],
  }),
);
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
`,
    },
    {
      name: 'a pattern matching any https origin, with credentials',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: /^https?:\\/\\/.*$/, credentials: true }));
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
`,
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 63 }],
      output: `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true }));
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
`,
    },
    {
      name: 'credentials taken from a local object spread into options that allow any origin',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');

const baseCors = { credentials: true, maxAge: 86400 };
const app = express();
app.use(cors({ ...baseCors, origin: true }));
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
`,
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 44 }],
      output: `const express = require('express');
const cors = require('cors');

const baseCors = { credentials: true, maxAge: 86400 };
const app = express();
app.use(cors({ ...baseCors, origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
`,
    },
    {
      name: 'Fastify: options kept as a property of an imported config object (register(cors, config.cors)), fixed in the config module',
      flavour: 'fastify5',
      esm: true,
      filename: 'src/app.ts',
      code: `import Fastify from 'fastify';
import cors from '@fastify/cors';
import fastifyJwt from '@fastify/jwt';
import { config } from './config/config.js';

export async function buildServer() {
  const app = Fastify();
  await app.register(cors, config.cors);
  await app.register(fastifyJwt, { secret: config.jwtSecret });
  return app;
}
`,
      errors: [{ line: 8, column: 13, endLine: 8, endColumn: 40 }],
      output: `import Fastify from 'fastify';
import cors from '@fastify/cors';
import fastifyJwt from '@fastify/jwt';
import { config } from './config/config.js';

export async function buildServer() {
  const app = Fastify();
  await app.register(cors, config.cors);
  await app.register(fastifyJwt, { secret: config.jwtSecret });
  return app;
}
`,
      files: {
        'src/config/config.ts': `export const config = {
  jwtSecret: process.env.JWT_SECRET ?? '',
  cors: {
    origin: true,
    credentials: true,
  },
};
`,
      },
      outputFiles: {
        'src/config/config.ts': `export const config = {
  jwtSecret: process.env.JWT_SECRET ?? '',
  cors: {
    origin: process.env.CORS_ORIGINS?.split(',') ?? [],
    credentials: true,
  },
};
`,
      },
    },
    {
      name: 'options a CommonJS module exports whole (module.exports = { … }), reflecting any origin with credentials',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');
const session = require('express-session');
const corsOptions = require('./corsOptions');

const app = express();
app.use(cors(corsOptions));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

module.exports = app;
`,
      files: {
        'src/corsOptions.js': `module.exports = { origin: (origin, cb) => cb(null, true), credentials: true };\n`,
      },
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 26 }],
      output: `const express = require('express');
const cors = require('cors');
const session = require('express-session');
const corsOptions = require('./corsOptions');

const app = express();
app.use(cors(corsOptions));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

module.exports = app;
`,
      outputFiles: {
        'src/corsOptions.js': `module.exports = { origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true };\n`,
      },
    },
    {
      name: 'cors() with no options in an app whose routes a requireAdmin guard reading the Authorization header protects',
      flavour: 'express4',
      filename: 'src/index.js',
      code: `const express = require('express');
const cors = require('cors');
const { requireAdmin } = require('./middleware/admin');

const app = express();
app.use(cors());
app.get('/admin/stats', requireAdmin, (req, res) => res.json({ ok: true }));

module.exports = app;
`,
      files: {
        'src/middleware/admin.js': `exports.requireAdmin = (req, res, next) => {
  if (req.headers.authorization !== \`Bearer \${process.env.ADMIN_TOKEN}\`) return res.status(401).end();
  next();
};
`,
      },
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 15 }],
      output: `const express = require('express');
const cors = require('cors');
const { requireAdmin } = require('./middleware/admin');

const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));
app.get('/admin/stats', requireAdmin, (req, res) => res.json({ ok: true }));

module.exports = app;
`,
    },
    {
      name: 'options imported from a config module letting any origin in with credentials; the fix edits that module',
      flavour: 'express5',
      filename: 'src/app.ts',
      code: `import express from 'express';
import cors from 'cors';
import { corsOptions } from './config/cors';

const app = express();
app.use(cors(corsOptions));
app.use(express.json());

export default app;
`,
      files: {
        'src/config/cors.ts': `import type { CorsOptions } from 'cors';

export const corsOptions: CorsOptions = {
  origin: '*',
  credentials: true,
  allowedHeaders: ['Content-Type', 'Authorization'],
};
`,
      },
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 26 }],
      output: `import express from 'express';
import cors from 'cors';
import { corsOptions } from './config/cors';

const app = express();
app.use(cors(corsOptions));
app.use(express.json());

export default app;
`,
      outputFiles: {
        'src/config/cors.ts': `import type { CorsOptions } from 'cors';

export const corsOptions: CorsOptions = {
  origin: process.env.CORS_ORIGINS?.split(',') ?? [],
  credentials: true,
  allowedHeaders: ['Content-Type', 'Authorization'],
};
`,
      },
    },
    {
      name: 'a bare cors() preflight route with no configured cors middleware before it, in a cookie app',
      flavour: 'express4',
      filename: 'src/app.ts',
      code: `import express from 'express';
import cors from 'cors';
import cookieParser from 'cookie-parser';

const app = express();

app.options('*', cors());
app.use(cors({ origin: process.env.CORS_ORIGIN, credentials: true }));
app.use(cookieParser());

export default app;
`,
      errors: [{ line: 7, column: 18, endLine: 7, endColumn: 24 }],
      output: `import express from 'express';
import cors from 'cors';
import cookieParser from 'cookie-parser';

const app = express();

app.options('*', cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));
app.use(cors({ origin: process.env.CORS_ORIGIN, credentials: true }));
app.use(cookieParser());

export default app;
`,
    },
    {
      name: 'an origin method that lets requests without an Origin through, then every other origin too, with credentials',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');
const cookieParser = require('cookie-parser');

const app = express();

app.use(
  cors({
    origin(origin, callback) {
      // allow requests with no origin (mobile apps, curl)
      if (!origin) return callback(null, true);
      return callback(null, true);
    },
    credentials: true,
  }),
);
app.use(cookieParser());

module.exports = app;
`,
      errors: [{ line: 8, column: 3, endLine: 15, endColumn: 5 }],
      output: `const express = require('express');
const cors = require('cors');
const cookieParser = require('cookie-parser');

const app = express();

app.use(
  cors({
    origin: process.env.CORS_ORIGINS?.split(',') ?? [],
    credentials: true,
  }),
);
app.use(cookieParser());

module.exports = app;
`,
    },
    {
      name: 'an options delegate that echoes every request origin with credentials',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');

const app = express();
const corsOptionsDelegate = (req, callback) => {
  callback(null, { origin: req.header('Origin'), credentials: true });
};
app.use(cors(corsOptionsDelegate));

module.exports = app;
`,
      errors: [{ line: 8, column: 9, endLine: 8, endColumn: 34, message: 'CORS reflects any request origin with `credentials: true`; any site can make authenticated requests and read the responses. Allow a list of origins read from config.' }],
      output: `const express = require('express');
const cors = require('cors');

const app = express();
const corsOptionsDelegate = (req, callback) => {
  callback(null, { origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true });
};
app.use(cors(corsOptionsDelegate));

module.exports = app;
`,
    },
    {
      name: 'an origin callback that only logs the origin before allowing it, with credentials',
      flavour: 'fastify4',
      filename: 'src/index.js',
      code: `const app = require('fastify')();
app.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET });
app.register(require('@fastify/cors'), {
  origin: (origin, done) => {
    console.log('CORS request from', origin);
    done(null, true);
  },
  credentials: true,
});
app.get('/profile', async (request) => request.user);
module.exports = app;
`,
      errors: [{ line: 3, column: 5, endLine: 9, endColumn: 3, message: '`@fastify/cors` reflects any request origin with `credentials: true`; any site can make authenticated requests and read the responses. Allow a list of origins read from config.' }],
      output: `const app = require('fastify')();
app.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET });
app.register(require('@fastify/cors'), {
  origin: process.env.CORS_ORIGINS?.split(',') ?? [],
  credentials: true,
});
app.get('/profile', async (request) => request.user);
module.exports = app;
`,
    },
    {
      name: 'cors behind a condition that another switch can satisfy in production',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');
const session = require('express-session');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
if (process.env.NODE_ENV !== 'production' || process.env.ALLOW_ALL_ORIGINS === 'true') {
  app.use(cors({ origin: true, credentials: true }));
}
module.exports = app;
`,
      errors: [{ line: 8, column: 11, endLine: 8, endColumn: 52, message: 'CORS reflects any request origin with `credentials: true`; any site can make authenticated requests and read the responses. Allow a list of origins read from config.' }],
      output: `const express = require('express');
const cors = require('cors');
const session = require('express-session');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
if (process.env.NODE_ENV !== 'production' || process.env.ALLOW_ALL_ORIGINS === 'true') {
  app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true }));
}
module.exports = app;
`,
    },
    {
      name: 'origin: true with credentials',
      flavour: 'express4',
      code: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: true, credentials: true }));
`,
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 50, message: 'CORS reflects any request origin with `credentials: true`; any site can make authenticated requests and read the responses. Allow a list of origins read from config.' }],
      output: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true }));
`,
    },
    {
      name: 'wildcard with credentials in a shared options object (CommonJS)',
      flavour: 'express5',
      filename: 'src/app.js',
      code: `const express = require('express');
const cors = require('cors');

const corsOptions = {
  origin: '*',
  credentials: true,
  methods: ['GET', 'POST'],
};

const app = express();
app.use(cors(corsOptions));
app.options('*', cors(corsOptions));

module.exports = app;
`,
      errors: [
        { line: 11, column: 9, endLine: 11, endColumn: 26, message: 'CORS allows any origin (`*`) with `credentials: true`; any site can make authenticated requests and read the responses. Allow a list of origins read from config.' },
        { line: 12, column: 18, endLine: 12, endColumn: 35 },
      ],
      output: `const express = require('express');
const cors = require('cors');

const corsOptions = {
  origin: process.env.CORS_ORIGINS?.split(',') ?? [],
  credentials: true,
  methods: ['GET', 'POST'],
};

const app = express();
app.use(cors(corsOptions));
app.options('*', cors(corsOptions));

module.exports = app;
`,
    },
    {
      name: 'origin callback that always allows (ESM JS)',
      flavour: 'express4',
      esm: true,
      filename: 'src/app.js',
      code: `import express from 'express';
import cors from 'cors';

export const app = express();

app.use(
  cors({
    origin: (origin, callback) => callback(null, origin),
    credentials: true,
  }),
);
`,
      errors: [{ line: 7, column: 3, endLine: 10, endColumn: 5 }],
      output: `import express from 'express';
import cors from 'cors';

export const app = express();

app.use(
  cors({
    origin: process.env.CORS_ORIGINS?.split(',') ?? [],
    credentials: true,
  }),
);
`,
    },
    {
      name: 'cors() without options in an app that parses cookies',
      flavour: 'express4',
      code: `import express from 'express';
import cookieParser from 'cookie-parser';
import cors from 'cors';

const app = express();
app.use(cookieParser());
app.use(cors());
`,
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 15, message: '`cors()` without options allows any origin in an app that uses cookies or auth headers; allow a list of origins read from config.' }],
      output: `import express from 'express';
import cookieParser from 'cookie-parser';
import cors from 'cors';

const app = express();
app.use(cookieParser());
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));
`,
    },
    {
      name: 'credentials without an origin option',
      flavour: 'express5',
      code: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(
  cors({
    credentials: true,
    exposedHeaders: ['X-Request-Id'],
  }),
);
`,
      errors: [{ line: 6, column: 3, endLine: 9, endColumn: 5 }],
      output: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(
  cors({
    origin: process.env.CORS_ORIGINS?.split(',') ?? [],
    credentials: true,
    exposedHeaders: ['X-Request-Id'],
  }),
);
`,
    },
    {
      name: 'wildcard origin in an app that reads the Authorization header',
      flavour: 'express4',
      filename: 'src/server.ts',
      code: `import express from 'express';
import cors from 'cors';
import { verifyAccessToken } from './tokens';

const app = express();
app.use(cors({ origin: '*' }));

app.get('/me', async (req, res) => {
  const token = req.headers.authorization?.replace('Bearer ', '') ?? '';
  res.json(await verifyAccessToken(token));
});
`,
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 30, message: 'CORS allows any origin (`*`) in an app that uses cookies or auth headers; allow a list of origins read from config.' }],
      output: `import express from 'express';
import cors from 'cors';
import { verifyAccessToken } from './tokens';

const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));

app.get('/me', async (req, res) => {
  const token = req.headers.authorization?.replace('Bearer ', '') ?? '';
  res.json(await verifyAccessToken(token));
});
`,
    },
    {
      name: '@fastify/cors reflecting with credentials',
      flavour: 'fastify4',
      code: `import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();
app.register(cors, { origin: true, credentials: true });
`,
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 56, message: '`@fastify/cors` reflects any request origin with `credentials: true`; any site can make authenticated requests and read the responses. Allow a list of origins read from config.' }],
      output: `import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();
app.register(cors, { origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true });
`,
    },
    {
      name: '@fastify/cors without options in a project with @fastify/cookie (CommonJS)',
      flavour: 'fastify5',
      filename: 'src/app.js',
      files: packageJson('fastify5', { '@fastify/cookie': '^11.0.2', '@fastify/cors': '^11.0.1' }),
      code: `const fastify = require('fastify')({ logger: true });

fastify.register(require('@fastify/cors'));
fastify.register(require('./routes'));

module.exports = fastify;
`,
      errors: [{ line: 3, column: 9, endLine: 3, endColumn: 43, message: '`@fastify/cors` without options allows any origin in an app that uses cookies or auth headers; allow a list of origins read from config.' }],
      output: `const fastify = require('fastify')({ logger: true });

fastify.register(require('@fastify/cors'), { origin: process.env.CORS_ORIGINS?.split(',') ?? [] });
fastify.register(require('./routes'));

module.exports = fastify;
`,
    },
    {
      name: 'hand-written middleware echoing the origin with credentials',
      flavour: 'express4',
      code: `import express from 'express';

const app = express();

app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', req.headers.origin);
  res.header('Access-Control-Allow-Credentials', 'true');
  res.header('Access-Control-Allow-Headers', 'Content-Type, Authorization');
  next();
});
`,
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 64, message: "`Access-Control-Allow-Origin` echoes the request's Origin together with `Access-Control-Allow-Credentials: true`; any site can make authenticated requests and read the responses. Echo only origins from an allowlist read from config." }],
      output: `import express from 'express';

const app = express();

app.use((req, res, next) => {
  const requestOrigin = req.headers.origin;
  if (requestOrigin && (process.env.CORS_ORIGINS?.split(',') ?? []).includes(requestOrigin)) {
    res.header('Access-Control-Allow-Origin', requestOrigin);
    res.header('Vary', 'Origin');
  }
  res.header('Access-Control-Allow-Credentials', 'true');
  res.header('Access-Control-Allow-Headers', 'Content-Type, Authorization');
  next();
});
`,
    },
    {
      name: 'hand-written wildcard with credentials (CommonJS)',
      flavour: 'express4',
      filename: 'src/middleware/cors.js',
      code: `function corsHeaders(req, res, next) {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Allow-Credentials", true);
  next();
}

module.exports = corsHeaders;
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 52 }],
      output: `function corsHeaders(req, res, next) {
  const requestOrigin = req.headers.origin;
  if (requestOrigin && (process.env.CORS_ORIGINS?.split(",") ?? []).includes(requestOrigin)) {
    res.setHeader("Access-Control-Allow-Origin", requestOrigin);
    res.setHeader("Vary", "Origin");
  }
  res.setHeader("Access-Control-Allow-Credentials", true);
  next();
}

module.exports = corsHeaders;
`,
    },
    {
      name: 'Fastify hook echoing the origin with credentials',
      flavour: 'fastify5',
      code: `import Fastify from 'fastify';

const app = Fastify();

app.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', request.headers.origin ?? '*');
  reply.header('Access-Control-Allow-Credentials', 'true');
});
`,
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 77 }],
      output: `import Fastify from 'fastify';

const app = Fastify();

app.addHook('onRequest', async (request, reply) => {
  const requestOrigin = request.headers.origin;
  if (requestOrigin && (process.env.CORS_ORIGINS?.split(',') ?? []).includes(requestOrigin)) {
    reply.header('Access-Control-Allow-Origin', requestOrigin);
    reply.header('Vary', 'Origin');
  }
  reply.header('Access-Control-Allow-Credentials', 'true');
});
`,
    },
    {
      name: 'a bare cors() in an app with sessions, reported once: the preflight route behind it never runs',
      flavour: 'express4',
      filename: 'src/app.js',
      code: `const express = require('express');
const session = require('express-session');
const cors = require('cors');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(cors());
app.options('*', cors());

module.exports = app;
`,
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 15 }],
      output: `const express = require('express');
const session = require('express-session');
const cors = require('cors');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));
app.options('*', cors());

module.exports = app;
`,
    },
    {
      name: 'headers object with wildcard and credentials (no fix)',
      flavour: 'express5',
      code: `import express from 'express';

const app = express();

app.use((req, res, next) => {
  res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' });
  next();
});
`,
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 94 }],
    },
    {
      name: 'match-everything pattern with credentials',
      flavour: 'express5',
      code: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: /.*/, credentials: true }));
`,
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 50 }],
      output: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true }));
`,
    },
  ],
});
