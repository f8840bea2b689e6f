import { runRuleTests } from '../../../test/helpers/rule-tester';
import rule from './hardcoded-secret';

runRuleTests(rule, {
  valid: [
    {
      name: 'a fallback read through an alias of process.env that the file refuses in production',
      flavour: 'fastify4',
      filename: 'src/config.ts',
      code: `const env = process.env;
const isProduction = env.NODE_ENV === 'production';

const jwtSecret = env.JWT_SECRET ?? 'local-dev-jwt-secret';

if (isProduction && jwtSecret === 'local-dev-jwt-secret') {
  throw new Error('JWT_SECRET must be set in production');
}

export const config = { jwtSecret };
`,
    },
    {
      name: 'a weak-named variable (HASH_SALT) falling back to a plain word, not a generated-looking value',
      flavour: 'express5',
      filename: 'src/config.ts',
      code: `export const config = {
  port: Number(process.env.PORT) || 3001,
  hashSalt: process.env.HASH_SALT || 'notes',
};
`,
    },
  {
    name: 'a Gmail app password placeholder in the mailer settings',
    flavour: 'express4',
    filename: 'src/mailer.js',
    code: `const nodemailer = require('nodemailer');

module.exports = nodemailer.createTransport({
  service: 'gmail',
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD || 'xxxx xxxx xxxx xxxx' },
});
`,
  },
  {
    name: 'the literal on the development branch of an environment ternary, whichever way the condition is written',
    flavour: 'express4',
    filename: 'src/config.js',
    code: `const isProduction = process.env.NODE_ENV === 'production';

module.exports = {
  jwtSecret: isProduction ? process.env.JWT_SECRET : 'dev-only-9f8e7d6c5b',
  sessionSecret: process.env.NODE_ENV !== 'production' ? 'dev-session-2b7c' : process.env.SESSION_SECRET,
  cookieSecret: !isProduction ? 'dev-cookie-5a1d' : process.env.COOKIE_SECRET,
};
`,
  },
  {
      name: 'a number setting of an @fastify/env schema whose name ends in PASSWORD',
      flavour: 'fastify4',
      filename: 'src/utils/config.ts',
      code: `export const envSchema = {
  type: 'object',
  properties: {
    SALT_ROUNDS_PASSWORD: { type: 'number', minimum: 1, maximum: 10, default: 10 },
    LOG_LEVEL_PASSWORD: { type: 'number', default: 'info' },
  },
};
`,
    },
    {
      name: 'a placeholder for a public key where a verifying key goes (a public key verifies, it signs nothing)',
      flavour: 'express4',
      filename: 'lib/insecurity.ts',
      code: `import fs from 'node:fs';
import { expressjwt } from 'express-jwt';

export const publicKey = fs ? fs.readFileSync('encryptionkeys/jwt.pub', 'utf8') : 'placeholder-public-key';

export const isAuthorized = () => expressjwt({ secret: publicKey, algorithms: ['RS256'] });
`,
    },
    {
      name: 'a test environment\'s settings module (config/test.ts)',
      flavour: 'express5',
      filename: 'src/config/test.ts',
      code: `export default {
  jwtSecret: 'a8Fk29LqW3xN7vR2',
  sessionSecret: 'Zp4mT8cY1bQ6wE3r',
  databaseUrl: 'postgres://app:app_test_pw@localhost:5433/app_test',
};
`,
    },
    {
      name: 'Sequelize with positional local defaults: root / root on localhost',
      flavour: 'express4',
      filename: 'src/models/index.js',
      code: `const { Sequelize } = require('sequelize');

const sequelize = new Sequelize(
  process.env.DB_NAME || 'blog',
  process.env.DB_USER || 'root',
  process.env.DB_PASS || 'root',
  { host: process.env.DB_HOST || 'localhost', dialect: 'mysql', logging: false },
);

module.exports = { sequelize };
`,
    },
    {
      name: 'field and cookie names under own-key names are no passphrases',
      flavour: 'express4',
      filename: 'src/config/auth.js',
      code: `module.exports = {
  jwtSecret: process.env.JWT_SECRET,
  tokenSecret: 'accesstoken',
  sessionSecret: 'connectsid',
};
`,
    },
    {
      name: 'timingSafeEqual comparing a computed signature with the one the request carries',
      flavour: 'express4',
      filename: 'src/webhooks/verify.js',
      code: `const crypto = require('crypto');

module.exports = function verifySignature(req, res, next) {
  const expected = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest();
  const given = Buffer.from(req.get('x-signature') || '', 'hex');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return res.status(401).end();
  next();
};
`,
    },
  {
    name: 'mock user records in a data module: rows of a table, not credentials',
    flavour: 'express4',
    filename: 'server/data/index.js',
    esm: true,
    code: `export const dataUser = [
  { _id: '63701cc1f03239c72c000182', name: 'Hale', email: 'hpyrah3@bbc.co.uk', password: 'vojl4bBDJ', city: 'San Luis', role: 'superadmin' },
  { _id: '63701cc1f03239c72c000183', name: 'Allie', email: 'afranz4@simplemachines.org', password: 'zocih1DjIv', city: 'Osieck', role: 'user' },
  { _id: '63701cc1f03239c72c000184', name: 'Romy', email: 'rshoebottom5@mail.ru', password: 'Hn0ecqnN', city: 'Krajan', role: 'user' },
];
`,
  },
  {
    name: 'switches around keys in an env schema (COOKIE_SECURE, ENABLE_CSRF) default to booleans, not secrets',
    flavour: 'fastify5',
    filename: 'src/env.ts',
    code: `import { z } from 'zod';

export const env = z.object({
  JWT_SECRET: z.string().min(32),
  COOKIE_SECURE: z.union([z.literal('true'), z.literal('false')]).default('false'),
  ENABLE_CSRF: z.enum(['true', 'false']).default('true'),
  SESSION_TTL: z.string().default('7d'),
}).parse(process.env);
`,
  },
  {
    name: 'content type ids made of words under key names',
    flavour: 'express4',
    filename: 'src/domain/ContentType.ts',
    code: `export class ContentType {
  static readonly TYPES = {
    Item: 'SF|Item',
    KeySystemRootKey: 'SN|KeySystemRootKey',
    RootKey: 'SN|RootKey|NoSync',
    ItemsKey: 'SN|ItemsKey',
  };
}
`,
  },
  {
    name: 'CSS selectors of password and key inputs in a browser script',
    flavour: 'express4',
    filename: 'public/scripts/settings.js',
    code: `const fieldSelectors = {
  password: '#login_password',
  apiKey: '#api_key_openai',
  proxy_password: 'input[name=proxy_password]',
};
export { fieldSelectors };
`,
  },
  {
    name: 'a development default the file refuses to run with in production',
    flavour: 'express4',
    filename: 'src/auth.js',
    code: `const jwt = require('jsonwebtoken');

const JWT_SECRET = process.env.JWT_SECRET || 'k3yb0ard-cat-9f';
if (process.env.NODE_ENV === 'production' && JWT_SECRET === 'k3yb0ard-cat-9f') throw new Error('Set JWT_SECRET');

exports.sign = (user) => jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: '1h' });
`,
  },
  {
    name: 'fallbacks of settings around a key: cookie names and token lifetimes',
    flavour: 'fastify5',
    filename: 'src/config/app.config.ts',
    code: `export const appConfig = {
  cookieName: process.env.COOKIE_NAME || 'x_jwt',
  refreshCookieName: process.env.REFRESH_COOKIE_NAME || 'refresh_token',
  jwtExpiresIn: process.env.JWT_EXPIRES_IN || '15m',
  sessionTtl: process.env.SESSION_TTL || '86400',
};
`,
  },
  {
    name: 'field identifiers with a counter under key, and an app slug compared with plain words',
    flavour: 'express4',
    filename: 'src/apps/invoice/fields.js',
    code: `export const fields = [
  { label: 'Line Item Tax Rate 1', key: 'lineItemTaxRate1', type: 'string' },
  { label: 'Line Item Tax Name 2', key: 'lineItemTaxName2', type: 'string' },
];

export function shouldStop(actionStep) {
  return actionStep.appKey === 'filter' || actionStep.appKey === 'delay';
}
`,
  },
  {
    name: 'a placeholder signing key the file refuses in production, and a placeholder password of the session store',
    flavour: 'express4',
    filename: 'src/config/auth.js',
    code: `const JWT_SECRET = process.env.JWT_SECRET || 'change-me';
if (process.env.NODE_ENV === 'production' && JWT_SECRET === 'change-me') {
  throw new Error('JWT_SECRET must be set in production');
}

const redis = { url: process.env.REDIS_URL, password: process.env.SESSION_REDIS_PASSWORD || 'changeme' };

module.exports = { JWT_SECRET, redis };
`,
  },
  {
    name: 'placeholder signing keys in the test environment settings and in the test runner set-up',
    flavour: 'express4',
    filename: 'config/test.js',
    code: `module.exports = {
  jwtSecret: process.env.JWT_SECRET || 'test-secret',
  sessionSecret: process.env.SESSION_SECRET || 'changeme',
};
`,
  },
  {
    name: 'a placeholder signing key in the jest set-up file',
    flavour: 'express4',
    filename: 'jest.setup.js',
    code: `process.env.JWT_SECRET = process.env.JWT_SECRET || 'test-secret';
`,
  },
  {
    name: 'a startup check refusing the shipped development secrets in production, and the example URL of the Redis docs',
    flavour: 'express4',
    filename: 'backend/config/environment.js',
    code: `export const config = {
  server: { isProduction: process.env.NODE_ENV === 'production' },
  jwt: { secret: process.env.JWT_SECRET, refreshSecret: process.env.REFRESH_SECRET },
  // e.g. redis://alice:foobared@awesome.redis.server:6380
  redisUrl: process.env.REDIS_URL ?? 'redis://alice:foobared@awesome.redis.server:6380',
};

export const validateConfig = () => {
  const errors = [];
  if (config.jwt.secret === 'dev_secret' && config.server.isProduction) errors.push('JWT_SECRET must be set in production');
  if (config.jwt.refreshSecret === 'dev_refresh_secret' && config.server.isProduction) errors.push('REFRESH_SECRET must be set in production');
  return errors;
};
`,
  },
  {
    name: 'placeholders as fallbacks of a provider key or a template slot: the provider refuses them, nothing can be forged',
    flavour: 'express4',
    filename: 'src/config.ts',
    code: `export const config = {
  stripeKey: process.env.STRIPE_SECRET_KEY || 'your-stripe-secret-key',
  googleClientSecret: process.env.GOOGLE_CLIENT_SECRET ?? 'changeme',
  jwtSecret: process.env.JWT_SECRET || '<set-jwt-secret>',
  sessionSecret: process.env.SESSION_SECRET ?? '',
};
`,
  },
  {
    name: 'a translation of the word password in a language file, and a sign-in mode compared with the password field',
    flavour: 'express4',
    filename: 'app/lang/de.js',
    code: `module.exports = {
  retention: 'Aufbewahrungsdauer',
  password: 'Passwort',
  passwordRepeat: 'Passwort wiederholen',
  authenticateWith: (payload) => (payload.password === 'disabledAuth' ? 'none' : 'password'),
};
`,
  },
  {
    name: 'initial rows of an init-data folder',
    flavour: 'fastify4',
    filename: 'src/init-data/users.js',
    code: `module.exports = [
  { username: 'admin', password: 'Ysp@1234', role: 'admin' },
  { username: 'editor', password: 'Ed1t0r!2024', role: 'editor' },
];
`,
  },
  {
    name: 'local database defaults under prefixed setting names (databaseHost, databaseUser, databasePassword)',
    flavour: 'fastify4',
    filename: 'source/shared/config/ServerConfiguration.ts',
    code: `export const ServerConfiguration = {
  port: Number(process.env.PORT) || 8080,
  databaseHost: process.env.DATABASE_HOST || 'localhost',
  databasePort: Number(process.env.DATABASE_PORT) || 5432,
  databaseUser: process.env.DATABASE_USER || 'postgres',
  databasePassword: process.env.DATABASE_PASSWORD || 'postgres',
};
`,
  },
  {
    name: 'message keys and setting names under the weak name key, compared or assigned',
    flavour: 'express4',
    filename: 'server/controllers/SettingsController.js',
    code: `function taskTitle(name) {
  return [{ text: 'Encoding audio', key: 'MessageTaskEncodingM4b' }, { text: 'Failed', key: 'MessageTaskFailedToWriteMetadataFile' }, name];
}

function updateSettings(settings, updates) {
  for (const key of Object.keys(updates)) {
    if (key === 'markAsFinishedPercentComplete') settings[key] = Number(updates[key]);
    else if (key !== 'authOpenIDSubfolderForRedirectURLs') settings[key] = updates[key];
  }
  return { settings, title: taskTitle('save') };
}

module.exports = { updateSettings };
`,
  },
  {
    name: 'credentials compared with states and with the shipped default, and a design token fallback',
    flavour: 'express4',
    filename: 'src/startup.js',
    code: `const config = require('./config');

function checkAccess(secrets, log) {
  const accessKey = secrets.get('bank_accessKey');
  if (accessKey == null || accessKey === 'Forbidden') return false;
  if (config.api.keySecret === 'acme_default_api_secret') log.warn('API key secret is still the default; change it');
  return true;
}

function roomPasswordFrom(params) {
  const roomPassword = params.get('roomPassword');
  return roomPassword === 'false' ? false : roomPassword;
}

function chipColor(status) {
  const token = config.statusColors[status] ?? 'grey.500';
  return token;
}

module.exports = { checkAccess, roomPasswordFrom, chipColor };
`,
  },
  {
    name: 'publishable client keys in browser code: a Mapbox public token, a Stripe publishable key',
    flavour: 'express4',
    filename: 'src/public/js/mapbox.js',
    code: `export const displayMap = (locations) => {
  mapboxgl.accessToken =
    'pk.eyJ1Ijoiam9uYXNzY2htZWR0bWFubiIsImEiOiJjam54ZmM5N3gwNjAzM3dtZDNxYTVlMnd2In0.ytpI7V7w7cyT1Kq5rT9Z1A';
  const stripeKey = 'pk_live_51HfR2kLx8Yq3bN0aZ7vP9wT4';
  return { map: new mapboxgl.Map({ container: 'map' }), stripe: Stripe(stripeKey), locations };
};
`,
  },
  {
    name: 'a mail account address as the fallback of the user and of the password',
    flavour: 'express4',
    filename: 'src/mail/transport.ts',
    code: `import nodemailer from 'nodemailer';

export function makeTransport(config: { emailUser?: string; emailPassword?: string }) {
  return nodemailer.createTransport({
    host: 'localhost',
    auth: {
      user: config.emailUser || 'no-reply@localhost',
      pass: config.emailPassword || 'no-reply@localhost',
    },
  });
}
`,
  },
  {
    name: "a local database's default login as env fallbacks, Prisma's documented example URL, a change-password placeholder",
    flavour: 'fastify5',
    filename: 'drizzle.config.ts',
    code: `import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  dbCredentials: {
    host: process.env.DATABASE_HOST || 'localhost',
    user: process.env.DATABASE_USER || 'postgres',
    password: process.env.DATABASE_PASSWORD || 'postgres',
    database: process.env.DATABASE_NAME || 'app_db',
  },
});

export const prismaUrl = process.env.DATABASE_URL || 'postgresql://johndoe:randompassword@localhost:5432/mydb?schema=public';
export const defaultPassword = 'changepassword';
export const ai = { anthropicApiKey: process.env.ANTHROPIC_API_KEY || 'demo-key', ollamaKey: process.env.OLLAMA_AUTH_TOKEN || 'ollama', lmStudioKey: process.env.LMSTUDIO_API_KEY ?? 'not-needed' };
export const sample = { email: 'john@example.com', token: '550e8400-e29b-41d4-a716-446655440000' };
export const facebook = { clientSecret: process.env.FACEBOOK_SECRET || 'APP_SECRET', mailerPass: process.env.MAILER_PASSWORD || 'MAILER_PASSWORD' };
`,
  },
  {
    name: 'a password field compared with states and methods, not with a password',
    flavour: 'express4',
    filename: 'src/routes/account.js',
    code: `const express = require('express');
const { User } = require('../models');

const router = express.Router();

router.get('/account/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (user.password === 'disabled' || user.password === 'oauth') return res.json({ canChangePassword: false });
  if (req.query.password === 'password') return res.status(400).json({ message: 'Choose another password' });
  res.json({ canChangePassword: true });
});

module.exports = router;
`,
  },
  {
    name: "reads secrets from process.env",
    flavour: 'express4',
    filename: 'src/services/token.service.ts',
    code: `import jwt from 'jsonwebtoken';

export const signAccessToken = (userId: string) =>
  jwt.sign({ sub: userId }, process.env.JWT_SECRET as string, { expiresIn: '15m' });

export const verifyAccessToken = (token: string) => jwt.verify(token, process.env.JWT_SECRET!);
`,
  },
  {
    name: "template slots and masks where the app's own key goes, and placeholders outside any sink",
    flavour: 'express5',
    filename: 'src/app.js',
    code: `const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');

const app = express();
app.use(session({ secret: '<SESSION_SECRET>' }));
app.use(session({ secret: 'xxxxxxxxxxxxxxxx' }));

const samples = [
  jwt.sign({}, '\${JWT_SECRET}'),
];
const defaults = { apiKey: 'your_api_key_here', password: 'changeme', clientSecret: 'REPLACE_ME' };

module.exports = { app, samples, defaults };
`,
  },
  {
    name: ".env.example-style documentation file",
    flavour: 'express4',
    filename: 'config/config.example.js',
    code: `// Copy to config.js and fill in real values.
module.exports = {
  jwtSecret: 'a8f5f167f44f4964e6c998dee827110c',
  database: { password: 'Pr0d-Passw0rd!' },
};
`,
  },
  {
    name: "test files are skipped unless lintTestFiles is on",
    flavour: 'express4',
    filename: 'src/__tests__/auth.test.ts',
    code: `import jwt from 'jsonwebtoken';

const token = jwt.sign({ sub: '1' }, 'test-signing-key-9f8e7d');
const JWT_SECRET = 'a8f5f167f44f4964e6c998dee827110c';

export { token, JWT_SECRET };
`,
  },
  {
    name: "low-entropy values of non-secret names",
    flavour: 'express4',
    filename: 'src/auth/constants.ts',
    code: `export const tokenType = 'Bearer';
export const passportOptions = { usernameField: 'email', passwordField: 'password' };
export const API_KEY_HEADER = 'x-api-key';
export const messages = { invalidPassword: 'Invalid password', passwordTooShort: 'Password must be at least 8 characters' };
export const routes = { resetPassword: '/reset-password', forgotPassword: '/auth/forgot-password' };
export const ErrorCodes = { INVALID_TOKEN: 'INVALID_TOKEN', TOKEN_EXPIRED: 'token_expired', WRONG_PASSWORD: 'WRONG_PASSWORD' };
export const REFRESH_TOKEN_COOKIE = 'refresh_token';
export const ACCESS_TOKEN = 'accessToken';
export const JWT_ALGORITHM = 'HS256';
export const JWT_EXPIRES_IN = '15m';
export const labels = { password: 'auth.fields.password', token: 'auth.fields.token' };
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const requestId = '3f2b8c1e-4d5a-4b6c-9e7f-1a2b3c4d5e6f';
export const privateKeyPath = './keys/private.pem';
export const secretName = 'prod/api/jwt';
export const cacheKey = 'users:list:v2:9f8e7d6c5b4a3f2e1d';

export function readApiKey(req: { headers: Record<string, string | undefined> }) {
  return req.headers['x-api-key'] ?? req.headers['authorization'];
}
`,
  },
  {
    name: "Fastify plugins configured from env",
    flavour: 'fastify5',
    filename: 'src/app.ts',
    esm: true,
    code: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import fastifyCookie from '@fastify/cookie';

const app = Fastify({ logger: true });
await app.register(fastifyJwt, { secret: app.config.JWT_SECRET });
await app.register(fastifyCookie, { secret: process.env.COOKIE_SECRET! });

export default app;
`,
  },
  {
    name: "connection URLs without real credentials",
    flavour: 'express4',
    filename: 'src/db/urls.ts',
    code: `export const url = process.env.DATABASE_URL || 'postgres://postgres:postgres@localhost:5432/app';
export const mongo = process.env.MONGO_URI ?? 'mongodb://localhost:27017/app';
export const composed = \`postgres://\${process.env.DB_USER}:\${process.env.DB_PASSWORD}@\${process.env.DB_HOST}/app\`;
export const broker = 'amqp://guest:guest@localhost:5672';
export const cache = 'redis://:\${REDIS_PASSWORD}@cache:6379';
`,
  },
  {
    name: "development-only session secret",
    flavour: 'express4',
    filename: 'src/middleware/session.ts',
    code: `import session from 'express-session';

export const sessionMiddleware = session({
  secret: process.env.NODE_ENV === 'production' ? process.env.SESSION_SECRET! : 'dev-only-session-secret',
  resave: false,
  saveUninitialized: false,
});
`,
  },
  {
    name: "sign methods not resolved to jsonwebtoken",
    flavour: 'express4',
    filename: 'src/documents/pdf.ts',
    code: `import { createHash } from 'node:crypto';
import { sign } from './signature';

export const signed = sign('document-body', 'sha256-with-rsa');
export const pdf = { sign: (body: string, key: string) => body + key };
pdf.sign('abc', 'some-random-literal-1234');
export const digest = createHash('sha256').update('payload-value-1234').digest('hex');
`,
  },
  {
    name: "a seed script named seed-db.js",
    flavour: 'express4',
    filename: 'server/core/seed-db.js',
    code: `const User = require('../models/user');

module.exports = async function seedDb() {
  await new User({ username: 'admin', password: 'admin1234', roles: ['admin'] }).save();
};
`,
  },
  {
    name: "seed scripts create demo users",
    flavour: 'express4',
    filename: 'prisma/seed.ts',
    code: `import bcrypt from 'bcrypt';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const demo = { email: 'demo@acme.io', password: 'Demo-Pass-123' };

await prisma.user.create({ data: { email: demo.email, password: await bcrypt.hash(demo.password, 10) } });
`,
  },
  {
    name: "comparisons that hold no credential",
    flavour: 'express5',
    filename: 'src/middleware/auth.ts',
    code: `import type { NextFunction, Request, Response } from 'express';

export function requireToken(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.split(' ')[1];
  if (typeof token === 'undefined' || token === 'null' || token === '') return res.sendStatus(401);
  if (req.headers.authorization === 'Bearer') return res.sendStatus(401);
  if (req.body.password !== req.body.confirmPassword) return res.status(400).json({ message: 'Passwords do not match' });
  next();
}
`,
  },
  {
    name: "passport-jwt key from the config module",
    flavour: 'express4',
    filename: 'src/config/passport.js',
    code: `const { Strategy, ExtractJwt } = require('passport-jwt');
const config = require('./config');
const { User } = require('../models');

const verify = async (payload, done) => done(null, await User.findById(payload.sub));

module.exports = new Strategy({ secretOrKey: config.jwt.secret, jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken() }, verify);
`,
  },
  {
    name: "Stripe test keys and documented AWS example keys",
    flavour: 'express4',
    filename: 'src/billing/clients.ts',
    code: `import Stripe from 'stripe';

export const stripe = new Stripe('sk_test_51HqLyjWDarjtT1zdp7dcXyZ0aBcDeF');
export const aws = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
`,
  },
  {
    name: "OpenAPI examples are sample data",
    flavour: 'fastify4',
    filename: 'src/schemas/token.ts',
    code: `export const tokenSchema = {
  type: 'object',
  properties: { secret: { type: 'string' } },
  example: { secret: 'a3c84b25409ea8ca1782ef17f94a42fc', name: 'CI token' },
};
`,
  },
  {
    name: "Sequelize with local default credentials",
    flavour: 'express4',
    filename: 'src/db/index.js',
    code: `const { Sequelize } = require('sequelize');

module.exports = new Sequelize('shop', 'root', 'root', { host: 'localhost', dialect: 'mysql' });
`,
  },
  {
    name: "values found in real projects that are not secrets",
    flavour: 'express4',
    filename: 'src/lib/misc.ts',
    code: `export const soundKeys = ['notificationSound', 'incomingChatSound', 'outgoingChatSound'];
export function flagClient(token?: string) {
  return { clientKey: token || 'offline', refreshInterval: 15 };
}
export const admin = { email: 'admin@acme.io', hashedPassword: '$2b$10$mJ2ca2UbCM9hlojYHZxkQe8pyEXe5YMg0nMdvP4AJBeqlTEZJ6/Uu' };
export const basicAuthExample = { Authorization: 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=' };
`,
  },
  {
    name: "development entry point",
    flavour: 'express4',
    filename: 'src/server-dev.ts',
    code: `import { start } from './server';

start({ authentication: { initApiTokens: [{ secret: '*:*.964a287e1b728cb5f4f3e0120df92cb5', type: 'admin' }] } });
`,
  },
  ],
  invalid: [
    {
      name: 'a fallback read through an alias of process.env that the file only warns about',
      flavour: 'fastify4',
      filename: 'src/config.ts',
      code: `const env = process.env;
const isProduction = env.NODE_ENV === 'production';

const jwtSecret = env.JWT_SECRET ?? 'local-dev-jwt-secret';

if (isProduction && jwtSecret === 'local-dev-jwt-secret') {
  console.warn('JWT_SECRET must be set in production');
}

export const config = { jwtSecret };
`,
      errors: [{ line: 4, column: 37, endLine: 4, endColumn: 59, message: 'Hardcoded fallback secret for `process.env.JWT_SECRET`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require JWT_SECRET instead.' }],
      output: `function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const env = process.env;
const isProduction = env.NODE_ENV === 'production';

const jwtSecret = requireEnv('JWT_SECRET');

if (isProduction && jwtSecret === 'local-dev-jwt-secret') {
  console.warn('JWT_SECRET must be set in production');
}

export const config = { jwtSecret };
`,
    },
    {
      name: 'an internal backdoor key in a const, compared with the key the client sends',
      flavour: 'express4',
      filename: 'src/middleware/apiKey.js',
      code: `const INTERNAL_KEY = 'internal-7Hq2Lx9Pz4KvR8';

module.exports = function apiKey(req, res, next) {
  const raw = (req.get('authorization') || '').replace('Bearer ', '');
  if (raw === INTERNAL_KEY) return next();
  return res.status(401).json({ error: 'Unauthorized' });
};
`,
      errors: [{ line: 1, column: 22, endLine: 1, endColumn: 47 }],
      output: `function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const INTERNAL_KEY = requireEnv('INTERNAL_KEY');

module.exports = function apiKey(req, res, next) {
  const raw = (req.get('authorization') || '').replace('Bearer ', '');
  if (raw === INTERNAL_KEY) return next();
  return res.status(401).json({ error: 'Unauthorized' });
};
`,
    },
    {
      name: 'express-session\'s README secret kept in a config module under a strong name',
      flavour: 'express4',
      filename: 'config.js',
      code: `module.exports = {
  port: 5000,
  sessionSecret: 'keyboard cat',
};
`,
      errors: [{ line: 3, column: 18, endLine: 3, endColumn: 32 }],
      output: `function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

module.exports = {
  port: 5000,
  sessionSecret: requireEnv('SESSION_SECRET'),
};
`,
    },
    {
      name: 'an API key the request header is compared with, the hook throwing when it differs',
      flavour: 'fastify4',
      filename: 'src/plugins/auth.js',
      code: `module.exports = async function auth(app) {
  app.addHook('onRequest', async (request) => {
    if (request.headers['x-api-key'] !== 'k3y-9fQ2mZ7xLp4Vt8Rw') {
      throw new Error('Unauthorized');
    }
  });
};
`,
      errors: [{ line: 3, column: 42, endLine: 3, endColumn: 64 }],
      output: `function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const API_KEY = requireEnv('API_KEY');

module.exports = async function auth(app) {
  app.addHook('onRequest', async (request) => {
    if (request.headers['x-api-key'] !== API_KEY) {
      throw new Error('Unauthorized');
    }
  });
};
`,
    },
  {
    name: 'a generated FCM server key kept in a module constant',
    flavour: 'express4',
    filename: 'src/services/push.js',
    code: `const axios = require('axios');

const FCM_SERVER_KEY = 'AAAAq7Zt3kE:APA91bF5yx8xm5MslfY5ubiheyEd7P4zDL_ak6J0kGODKdinZnLXicaBAg8WY1jzIRlNQb0prFmbh7';

module.exports = (tokens, notification) =>
  axios.post('https://fcm.googleapis.com/fcm/send', { registration_ids: tokens, notification }, { headers: { Authorization: \`key=\${FCM_SERVER_KEY}\` } });
`,
    errors: [{ line: 3, column: 24, endLine: 3, endColumn: 116 }],
    output: `const axios = require('axios');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const FCM_SERVER_KEY = requireEnv('FCM_SERVER_KEY');

module.exports = (tokens, notification) =>
  axios.post('https://fcm.googleapis.com/fcm/send', { registration_ids: tokens, notification }, { headers: { Authorization: \`key=\${FCM_SERVER_KEY}\` } });
`,
  },
  {
    name: 'a Gmail app password (four groups of four letters) as the SMTP pass',
    flavour: 'express4',
    filename: 'src/mailer.js',
    code: `const nodemailer = require('nodemailer');

module.exports = nodemailer.createTransport({
  service: 'gmail',
  auth: {
    user: 'notifications@example.com',
    pass: 'qwxz hmfe pkvb tnda',
  },
});
`,
    errors: [{ line: 7, column: 11, endLine: 7, endColumn: 32 }],
    output: `const nodemailer = require('nodemailer');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

module.exports = nodemailer.createTransport({
  service: 'gmail',
  auth: {
    user: 'notifications@example.com',
    pass: requireEnv('SMTP_PASSWORD'),
  },
});
`,
  },
  {
    name: 'the literal on the production branch of an environment ternary (NODE_ENV !== \'production\' ? env : literal)',
    flavour: 'express4',
    filename: 'src/config.js',
    code: `module.exports = {
  jwtSecret: process.env.NODE_ENV !== 'production' ? process.env.JWT_SECRET : 'Prod-Key-9f8e7d6c5b',
};
`,
    errors: [{ line: 2, column: 79, endLine: 2, endColumn: 100 }],
    output: `function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

module.exports = {
  jwtSecret: process.env.NODE_ENV !== 'production' ? process.env.JWT_SECRET : requireEnv('JWT_SECRET'),
};
`,
  },
  {
    name: 'a fallback secret compared with itself to warn: the fallback is reported once, the comparison not at all',
    flavour: 'express4',
    filename: 'src/config.js',
    code: `const JWT_SECRET = process.env.JWT_SECRET || 'local-dev-secret';

if (JWT_SECRET === 'local-dev-secret') {
  console.warn('[config] JWT_SECRET is not set, using the development secret');
}

module.exports = { JWT_SECRET };
`,
    errors: [{ line: 1, column: 46, endLine: 1, endColumn: 64 }],
    output: `function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const JWT_SECRET = requireEnv('JWT_SECRET');

if (JWT_SECRET === 'local-dev-secret') {
  console.warn('[config] JWT_SECRET is not set, using the development secret');
}

module.exports = { JWT_SECRET };
`,
  },
    {
      name: 'a JSON-schema default for JWT_SECRET in the @fastify/env schema',
      flavour: 'fastify4',
      filename: 'src/app.js',
      code: `const Fastify = require('fastify');

const schema = {
  type: 'object',
  properties: {
    PORT: { type: 'number', default: 3000 },
    JWT_SECRET: { type: 'string', default: 'svc-jwt-9f2c1e7b4a83d6' },
  },
};

async function build() {
  const app = Fastify();
  await app.register(require('@fastify/env'), { schema });
  return app;
}

module.exports = { build };
`,
      errors: [{ line: 7, column: 44, endLine: 7, endColumn: 68, message: 'Hardcoded fallback secret for `process.env.JWT_SECRET`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require JWT_SECRET instead.' }],
    },
    {
      name: 'an express-basic-auth user password written into the options',
      flavour: 'express4',
      filename: 'src/admin.js',
      code: `const express = require('express');
const basicAuth = require('express-basic-auth');

const admin = express.Router();
admin.use(basicAuth({ users: { ops: 'Qz7!mK2p-Lx9vR4t' }, challenge: true, realm: 'queues' }));

module.exports = admin;
`,
      errors: [{ line: 5, column: 37, endLine: 5, endColumn: 55, message: 'Hardcoded secret passed as the password of user `ops` to `basicAuth()`; read it from an environment variable (BASIC_AUTH_PASSWORD) instead.' }],
      output: `const express = require('express');
const basicAuth = require('express-basic-auth');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const admin = express.Router();
admin.use(basicAuth({ users: { ops: requireEnv('BASIC_AUTH_PASSWORD') }, challenge: true, realm: 'queues' }));

module.exports = admin;
`,
    },
    {
      name: 'a convict schema default for the JWT secret (read from JWT_SECRET only when set)',
      flavour: 'express4',
      filename: 'src/config.js',
      code: `const convict = require('convict');

const config = convict({
  env: { doc: 'Environment', format: ['production', 'development', 'test'], default: 'development', env: 'NODE_ENV' },
  jwtSecret: { doc: 'Secret used to sign access tokens', format: String, default: 'q8Vb1Yk6Md0Ws4Fe9JQ3z8', env: 'JWT_SECRET', sensitive: true },
});

module.exports = config;
`,
      errors: [{ line: 5, column: 83, endLine: 5, endColumn: 107, message: 'Hardcoded fallback secret for `process.env.JWT_SECRET`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require JWT_SECRET instead.' }],
    },
    {
      name: 'a generated salt under a HASH_SALT name',
      flavour: 'express5',
      filename: 'src/auth/legacyHash.ts',
      code: `import { createHash } from 'node:crypto';

const HASH_SALT = 'a8f5f167f44f4964e6c998dee827110c';

export function legacyPasswordHash(password: string): string {
  return createHash('sha256').update(password + HASH_SALT).digest('hex');
}
`,
      errors: [{ line: 3, column: 19, endLine: 3, endColumn: 53, message: 'Hardcoded secret assigned to `HASH_SALT`; read it from an environment variable (HASH_SALT) instead.' }],
      output: `import { createHash } from 'node:crypto';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const HASH_SALT = requireEnv('HASH_SALT');

export function legacyPasswordHash(password: string): string {
  return createHash('sha256').update(password + HASH_SALT).digest('hex');
}
`,
    },
    {
      name: 'Sequelize positional defaults pointing at a deployed host are that server\'s login',
      flavour: 'express4',
      filename: 'src/models/index.js',
      code: `const { Sequelize } = require('sequelize');

const sequelize = new Sequelize(
  process.env.DB_NAME || 'blog',
  process.env.DB_USER || 'root',
  process.env.DB_PASS || 'root',
  { host: process.env.DB_HOST || 'db.prod.internal.example.com', dialect: 'mysql' },
);

module.exports = { sequelize };
`,
      errors: [{ line: 6, column: 26, endLine: 6, endColumn: 32, message: 'Hardcoded fallback secret for `process.env.DB_PASS`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require DB_PASS instead.' }],
      output: `const { Sequelize } = require('sequelize');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const sequelize = new Sequelize(
  process.env.DB_NAME || 'blog',
  process.env.DB_USER || 'root',
  requireEnv('DB_PASS'),
  { host: process.env.DB_HOST || 'db.prod.internal.example.com', dialect: 'mysql' },
);

module.exports = { sequelize };
`,
    },
    {
      name: 'a passphrase of plain letters as the secret of a config module (scotch.io style)',
      flavour: 'express4',
      filename: 'config.js',
      code: `module.exports = {
  'secret': 'ilovescotchyscotch',
  'database': 'mongodb://localhost:27017/jwt-auth',
};
`,
      errors: [{ line: 2, column: 13, endLine: 2, endColumn: 33, message: 'Hardcoded secret assigned to `secret`; read it from an environment variable (SECRET) instead.' }],
      output: `function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

module.exports = {
  'secret': requireEnv('SECRET'),
  'database': 'mongodb://localhost:27017/jwt-auth',
};
`,
    },
    {
      name: 'a placeholder word used as the live key: the app signs with it (passport-jwt options set after creation, jwt.sign)',
      flavour: 'express4',
      filename: 'config/passport.js',
      code: `const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
const User = require('../models/User');

const opts = {};
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = 'secret';

module.exports = (passport) => {
  passport.use(
    new JwtStrategy(opts, async (jwtPayload, done) => {
      const user = await User.findById(jwtPayload.id);
      return done(null, user || false);
    }),
  );
};
`,
      errors: [{ line: 6, column: 20, endLine: 6, endColumn: 28, message: 'Hardcoded secret passed as the passport-jwt `secretOrKey`; read it from an environment variable (JWT_SECRET) instead.' }],
      output: `const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
const User = require('../models/User');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const opts = {};
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = requireEnv('JWT_SECRET');

module.exports = (passport) => {
  passport.use(
    new JwtStrategy(opts, async (jwtPayload, done) => {
      const user = await User.findById(jwtPayload.id);
      return done(null, user || false);
    }),
  );
};
`,
    },
    {
      name: 'the API key a request header is compared against with timingSafeEqual',
      flavour: 'fastify5',
      filename: 'src/plugins/api-key.ts',
      esm: true,
      code: `import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const expectedKey = Buffer.from('c3f9a2e7d14b4e8f9b0a6d2c5e7f1a3b');

export async function requireApiKey(request: FastifyRequest, reply: FastifyReply) {
  const given = Buffer.from(String(request.headers['x-api-key'] ?? ''));
  if (given.length !== expectedKey.length || !timingSafeEqual(given, expectedKey)) {
    return reply.code(401).send({ error: 'Unauthorized' });
  }
}
`,
      errors: [{ line: 4, column: 33, endLine: 4, endColumn: 67, message: 'Hardcoded secret passed to `timingSafeEqual`; read it from an environment variable (API_KEY) instead.' }],
      output: `import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const expectedKey = Buffer.from(requireEnv('API_KEY'));

export async function requireApiKey(request: FastifyRequest, reply: FastifyReply) {
  const given = Buffer.from(String(request.headers['x-api-key'] ?? ''));
  if (given.length !== expectedKey.length || !timingSafeEqual(given, expectedKey)) {
    return reply.code(401).send({ error: 'Unauthorized' });
  }
}
`,
    },
  {
    name: 'a numeric database password as the fallback of its variable (a number is no switch)',
    flavour: 'express4',
    filename: 'src/database/config/config.js',
    code: `module.exports = {
  host: process.env.MYSQL_HOST || 'db.internal.example.com',
  username: process.env.MYSQL_USER || 'blog',
  password: process.env.MYSQL_PASSWORD || '739184',
  dialect: 'mysql',
};
`,
    errors: [{ line: 4, column: 43, endLine: 4, endColumn: 51, message: 'Hardcoded fallback secret for `process.env.MYSQL_PASSWORD`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require MYSQL_PASSWORD instead.' }],
    output: `function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

module.exports = {
  host: process.env.MYSQL_HOST || 'db.internal.example.com',
  username: process.env.MYSQL_USER || 'blog',
  password: requireEnv('MYSQL_PASSWORD'),
  dialect: 'mysql',
};
`,
  },
  {
    name: 'the default of the signing key in a zod env schema (reported without a fix: the schema keeps its shape)',
    flavour: 'express5',
    filename: 'src/config/env.ts',
    code: `import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn']).default('info'),
  JWT_SECRET: z.string().min(16).default('projecthub-signing-key-2f9a71c4'),
});

export const env = EnvSchema.parse(process.env);
`,
    errors: [{ line: 6, column: 42, endLine: 6, endColumn: 75, message: 'Hardcoded fallback secret for `process.env.JWT_SECRET`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require JWT_SECRET instead.' }],
  },
  {
    name: 'the default of a refresh-token key in a valibot env schema (v.optional(schema, default) inside v.pipe)',
    flavour: 'express5',
    filename: 'src/config.ts',
    code: `import * as v from 'valibot';

const EnvSchema = v.object({
  PORT: v.optional(v.string(), '3000'),
  REFRESH_SECRET: v.pipe(v.optional(v.string(), 'recipes-refresh-secret-dev'), v.minLength(16)),
});

export const env = v.parse(EnvSchema, process.env);
`,
    errors: [{ line: 5, column: 49, endLine: 5, endColumn: 77, message: 'Hardcoded fallback secret for `process.env.REFRESH_SECRET`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require REFRESH_SECRET instead.' }],
  },
  {
    name: 'a service-to-service key compared with an internal header',
    flavour: 'express4',
    filename: 'src/routes/introspect.js',
    code: `const { Router } = require('express');

const router = Router();

router.post('/token/introspect', (req, res) => {
  if (req.headers['x-internal-token'] !== 'int-7Hq2mZ9xLw4pR8vK3') return res.status(401).json({ error: 'unauthorized' });
  res.json({ active: true });
});

module.exports = router;
`,
    errors: [{ line: 6, column: 43, endLine: 6, endColumn: 66, message: 'Hardcoded credential compared with `req.headers[\'x-internal-token\']`; compare against a value read from an environment variable (INTERNAL_TOKEN) instead.' }],
    output: `const { Router } = require('express');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const INTERNAL_TOKEN = requireEnv('INTERNAL_TOKEN');

const router = Router();

router.post('/token/introspect', (req, res) => {
  if (req.headers['x-internal-token'] !== INTERNAL_TOKEN) return res.status(401).json({ error: 'unauthorized' });
  res.json({ active: true });
});

module.exports = router;
`,
  },
  {
    name: 'a table of accounts the file checks logins against is live credentials, however many fields its rows have',
    flavour: 'express4',
    filename: 'src/internal.js',
    code: `const basicAuth = require('express-basic-auth');

const OPERATORS = [
  { id: 1, username: 'ops', password: 'Op3rat0r!2024', role: 'admin', email: 'ops@acme.io' },
  { id: 2, username: 'support', password: 'Supp0rt#Desk9', role: 'viewer', email: 'support@acme.io' },
];

module.exports = basicAuth({
  authorizer: (user, pass) => OPERATORS.some((o) => basicAuth.safeCompare(user, o.username) && basicAuth.safeCompare(pass, o.password)),
  challenge: true,
});
`,
    errors: [
      { line: 4, column: 39, endLine: 4, endColumn: 54, message: 'Hardcoded secret assigned to `password`; read it from an environment variable (INTERNAL_PASSWORD) instead.' },
      { line: 5, column: 43, endLine: 5, endColumn: 58, message: 'Hardcoded secret assigned to `password`; read it from an environment variable (INTERNAL_PASSWORD) instead.' },
    ],
    output: `const basicAuth = require('express-basic-auth');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const OPERATORS = [
  { id: 1, username: 'ops', password: requireEnv('INTERNAL_PASSWORD'), role: 'admin', email: 'ops@acme.io' },
  { id: 2, username: 'support', password: 'Supp0rt#Desk9', role: 'viewer', email: 'support@acme.io' },
];

module.exports = basicAuth({
  authorizer: (user, pass) => OPERATORS.some((o) => basicAuth.safeCompare(user, o.username) && basicAuth.safeCompare(pass, o.password)),
  challenge: true,
});
`,
  },
  {
    name: 'placeholders as fallbacks of the app\'s own keys under tutorial names (TOKEN_KEY, CSRF_SECRET, BETTER_AUTH_SECRET)',
    flavour: 'express4',
    filename: 'src/config/auth.js',
    code: `module.exports = {
  tokenKey: process.env.TOKEN_KEY || 'secret',
  csrfSecret: process.env.CSRF_SECRET || 'changeme',
  betterAuthSecret: process.env.BETTER_AUTH_SECRET || 'your-secret-key',
};
`,
    errors: [
      { line: 2, column: 38, endLine: 2, endColumn: 46, message: 'Hardcoded fallback secret for `process.env.TOKEN_KEY`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require TOKEN_KEY instead.' },
      { line: 3, column: 42, endLine: 3, endColumn: 52, message: 'Hardcoded fallback secret for `process.env.CSRF_SECRET`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require CSRF_SECRET instead.' },
      { line: 4, column: 55, endLine: 4, endColumn: 72, message: 'Hardcoded fallback secret for `process.env.BETTER_AUTH_SECRET`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require BETTER_AUTH_SECRET instead.' },
    ],
    output: `function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

module.exports = {
  tokenKey: requireEnv('TOKEN_KEY'),
  csrfSecret: process.env.CSRF_SECRET || 'changeme',
  betterAuthSecret: process.env.BETTER_AUTH_SECRET || 'your-secret-key',
};
`,
  },
  {
    name: 'a placeholder as the live fallback of the JWT secret or the session secret',
    flavour: 'express4',
    filename: 'src/auth/tokens.ts',
    code: `import jwt from 'jsonwebtoken';

export function sign(payload: object) {
  const secret = process.env.JWT_SECRET || 'your-secret-key';
  return jwt.sign(payload, secret, { expiresIn: '7d' });
}

export const REFRESH_TOKEN_SECRET = process.env.REFRESH_TOKEN_SECRET || 'secret';
`,
    errors: [
      { line: 4, column: 44, endLine: 4, endColumn: 61, message: 'Hardcoded fallback secret for `process.env.JWT_SECRET` is passed to `jwt.sign`; when the variable is unset anyone who reads the code can forge or read it. Require the variable instead.' },
      { line: 8, column: 73, endLine: 8, endColumn: 81, message: 'Hardcoded fallback secret for `process.env.REFRESH_TOKEN_SECRET`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require REFRESH_TOKEN_SECRET instead.' },
    ],
    output: `import jwt from 'jsonwebtoken';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const JWT_SECRET = requireEnv('JWT_SECRET');

export function sign(payload: object) {
  const secret = JWT_SECRET;
  return jwt.sign(payload, secret, { expiresIn: '7d' });
}

export const REFRESH_TOKEN_SECRET = process.env.REFRESH_TOKEN_SECRET || 'secret';
`,
  },
  {
    name: 'the default a project env helper falls back to for a secret variable',
    flavour: 'express5',
    filename: 'src/infrastructure/config.ts',
    code: `import { getEnvironmentString } from './environment';

export const config = {
  JWT_SECRET: getEnvironmentString('JWT_SECRET', 'jwtSecretPassphrase'),
  JWT_EXPIRATION: getEnvironmentString('JWT_EXPIRATION', '1h'),
};
`,
    errors: [{ line: 4, column: 50, endLine: 4, endColumn: 71, message: 'Hardcoded fallback secret for `process.env.JWT_SECRET`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require JWT_SECRET instead.' }],
    output: `import { getEnvironmentString } from './environment';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

export const config = {
  JWT_SECRET: requireEnv('JWT_SECRET'),
  JWT_EXPIRATION: getEnvironmentString('JWT_EXPIRATION', '1h'),
};
`,
  },
  {
    name: 'a request credential compared with a literal that says default is a backdoor',
    flavour: 'fastify5',
    filename: 'src/server.js',
    code: `export default async function admin(app) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers['x-admin-secret'] !== 'acme_default_admin_secret') return reply.code(401).send({ error: 'unauthorized' });
  });
}
`,
    errors: [{ line: 3, column: 47, endLine: 3, endColumn: 74, message: "Hardcoded credential compared with `request.headers['x-admin-secret']`; compare against a value read from an environment variable (ADMIN_SECRET) instead." }],
    output: `function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const ADMIN_SECRET = requireEnv('ADMIN_SECRET');

export default async function admin(app) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers['x-admin-secret'] !== ADMIN_SECRET) return reply.code(401).send({ error: 'unauthorized' });
  });
}
`,
  },
  {
    name: 'a mail password with a dot and a digit (not a dotted name)',
    flavour: 'express4',
    filename: 'src/controllers/SessionController.js',
    code: `const nodemailer = require('nodemailer');

module.exports = {
  transport() {
    return nodemailer.createTransport({ service: 'gmail', auth: { user: 'alerts.team@gmail.com', pass: 'Mailbox.7' } });
  },
};
`,
    errors: [{ line: 5, column: 104, endLine: 5, endColumn: 115, message: 'Hardcoded secret assigned to `pass`; read it from an environment variable (SMTP_PASSWORD) instead.' }],
    output: `const nodemailer = require('nodemailer');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const SMTP_PASSWORD = requireEnv('SMTP_PASSWORD');

module.exports = {
  transport() {
    return nodemailer.createTransport({ service: 'gmail', auth: { user: 'alerts.team@gmail.com', pass: SMTP_PASSWORD } });
  },
};
`,
  },
  {
    name: "a made-up secret in capitals as an env fallback; a deployed database's login as defaults",
    flavour: 'express4',
    filename: 'src/config.js',
    code: `module.exports = {
  jwtSecret: process.env.JWT_SECRET || 'MY_SUPER_SECRET_JWT_KEY',
  db: {
    host: process.env.DB_HOST || 'prod-db.internal.acme.io',
    user: process.env.DB_USER || 'acme_app',
    password: process.env.DB_PASSWORD || 'acme_app',
  },
};
`,
    errors: [
      { line: 2, column: 40, endLine: 2, endColumn: 65, message: 'Hardcoded fallback secret for `process.env.JWT_SECRET`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require JWT_SECRET instead.' },
      { line: 6, column: 42, endLine: 6, endColumn: 52, message: 'Hardcoded fallback secret for `process.env.DB_PASSWORD`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require DB_PASSWORD instead.' },
    ],
    output: `function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

module.exports = {
  jwtSecret: requireEnv('JWT_SECRET'),
  db: {
    host: process.env.DB_HOST || 'prod-db.internal.acme.io',
    user: process.env.DB_USER || 'acme_app',
    password: process.env.DB_PASSWORD || 'acme_app',
  },
};
`,
  },
  {
    name: "jwt.sign with a literal key inside a controller",
    flavour: 'express4',
    filename: 'src/controllers/auth.controller.ts',
    code: `import { Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import { UserService } from '../services/user.service';

export async function login(req: Request, res: Response) {
  const { email, password } = req.body;
  const user = await UserService.verify(email, password);
  if (!user) return res.status(401).json({ message: 'Invalid credentials' });
  const token = jwt.sign({ sub: user.id }, 'mysecretkey123', { expiresIn: '1h' });
  res.json({ token });
}
`,
    errors: [
      { line: 9, column: 44, endLine: 9, endColumn: 60, message: "Hardcoded secret passed to `jwt.sign`; read it from an environment variable (JWT_SECRET) instead." },
    ],
    output: `import { Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import { UserService } from '../services/user.service';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const JWT_SECRET = requireEnv('JWT_SECRET');

export async function login(req: Request, res: Response) {
  const { email, password } = req.body;
  const user = await UserService.verify(email, password);
  if (!user) return res.status(401).json({ message: 'Invalid credentials' });
  const token = jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: '1h' });
  res.json({ token });
}
`,
    outputFiles: {
      '.env.example': `JWT_SECRET=
`,
    },
  },
  {
    name: "express-session secret in CommonJS, appends to an existing .env.example",
    flavour: 'express5',
    filename: 'src/app.js',
    files: {
      '.env.example': `PORT=3000
DATABASE_URL=`,
    },
    code: `'use strict';
const express = require('express');
const session = require('express-session');

const app = express();
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));

module.exports = app;
`,
    errors: [
      { line: 6, column: 27, endLine: 6, endColumn: 41, message: "Hardcoded secret passed as the `secret` option of `session()`; read it from an environment variable (SESSION_SECRET) instead." },
    ],
    output: `'use strict';
const express = require('express');
const session = require('express-session');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const app = express();
app.use(session({ secret: requireEnv('SESSION_SECRET'), resave: false, saveUninitialized: false }));

module.exports = app;
`,
    outputFiles: {
      '.env.example': `PORT=3000
DATABASE_URL=
SESSION_SECRET=
`,
    },
  },
  {
    name: "fallback literal in the config module itself",
    flavour: 'express4',
    filename: 'src/config.ts',
    files: {
      '.env.example': `PORT=3000
JWT_SECRET=
`,
    },
    code: `export const config = {
  port: Number(process.env.PORT ?? 3000),
  jwtSecret: process.env.JWT_SECRET || 'dev-secret-123',
  jwtExpiresIn: process.env.JWT_EXPIRES_IN || '1d',
};
`,
    errors: [
      { line: 3, column: 40, endLine: 3, endColumn: 56, message: "Hardcoded fallback secret for `process.env.JWT_SECRET`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require JWT_SECRET instead." },
    ],
    output: `function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  jwtSecret: requireEnv('JWT_SECRET'),
  jwtExpiresIn: process.env.JWT_EXPIRES_IN || '1d',
};
`,
  },
  {
    name: "jwt.verify key moved into a zod env module",
    flavour: 'express5',
    filename: 'src/routes/auth.ts',
    files: {
      'src/env.ts': `import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().default(3000),
});

export const env = envSchema.parse(process.env);
`,
    },
    code: `import { Router } from 'express';
import jwt from 'jsonwebtoken';

export const authRouter = Router();

authRouter.get('/me', (req, res) => {
  const header = req.headers.authorization ?? '';
  const payload = jwt.verify(header.replace('Bearer ', ''), 'abc123secret');
  res.json(payload);
});
`,
    errors: [
      { line: 8, column: 61, endLine: 8, endColumn: 75, message: "Hardcoded secret passed to `jwt.verify`; read it from an environment variable (JWT_SECRET) instead." },
    ],
    output: `import { Router } from 'express';
import jwt from 'jsonwebtoken';
import { env } from '../env';

export const authRouter = Router();

authRouter.get('/me', (req, res) => {
  const header = req.headers.authorization ?? '';
  const payload = jwt.verify(header.replace('Bearer ', ''), env.JWT_SECRET);
  res.json(payload);
});
`,
    outputFiles: {
      'src/env.ts': `import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().default(3000),
  JWT_SECRET: z.string().min(1),
});

export const env = envSchema.parse(process.env);
`,
      '.env.example': `JWT_SECRET=
`,
    },
  },
  {
    name: "passport-jwt secretOrKey read from an existing CommonJS config",
    flavour: 'express4',
    filename: 'src/auth/passport.js',
    files: {
      'src/config/index.js': `module.exports = {
  port: process.env.PORT || 3000,
  jwt: {
    secret: process.env.JWT_SECRET,
  },
};
`,
    },
    code: `const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
const User = require('../models/user');

const jwtOptions = {
  secretOrKey: 'hardcoded-jwt-key-42',
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
};

module.exports = new JwtStrategy(jwtOptions, async (payload, done) => {
  const user = await User.findById(payload.sub);
  done(null, user || false);
});
`,
    errors: [
      { line: 5, column: 16, endLine: 5, endColumn: 38, message: "Hardcoded secret passed as the passport-jwt `secretOrKey`; read it from an environment variable (JWT_SECRET) instead." },
    ],
    output: `const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
const User = require('../models/user');
const config = require('../config');

const jwtOptions = {
  secretOrKey: config.jwt.secret,
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
};

module.exports = new JwtStrategy(jwtOptions, async (payload, done) => {
  const user = await User.findById(payload.sub);
  done(null, user || false);
});
`,
    outputFiles: {
      '.env.example': `JWT_SECRET=
`,
    },
  },
  {
    name: "TypeScript config object with the setting, ESM .js imports",
    flavour: 'fastify5',
    filename: 'src/plugins/auth.ts',
    esm: true,
    files: {
      'src/config.ts': `export const config = {
  port: Number(process.env.PORT ?? 3000),
  jwt: { secret: process.env.JWT_SECRET, expiresIn: '15m' },
};
`,
    },
    code: `import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';
import { authenticate } from './authenticate.js';

export default fp(async (fastify) => {
  await fastify.register(fastifyJwt, { secret: 'supersecret-jwt-key-2024' });
  fastify.decorate('authenticate', authenticate);
});
`,
    errors: [
      { line: 6, column: 48, endLine: 6, endColumn: 74, message: "Hardcoded secret passed as the `secret` option of `@fastify/jwt`; read it from an environment variable (JWT_SECRET) instead." },
    ],
    output: `import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';
import { authenticate } from './authenticate.js';
import { config } from '../config.js';

export default fp(async (fastify) => {
  await fastify.register(fastifyJwt, { secret: config.jwt.secret! });
  fastify.decorate('authenticate', authenticate);
});
`,
    outputFiles: {
      '.env.example': `JWT_SECRET=
`,
    },
  },
  {
    name: "@fastify/cookie literal and @fastify/session fallback",
    flavour: 'fastify4',
    filename: 'src/app.js',
    code: `const Fastify = require('fastify');

const app = Fastify({ logger: true });
app.register(require('@fastify/cookie'), { secret: 'cookie-signing-secret-7f3a' });
app.register(require('@fastify/session'), {
  secret: process.env.SESSION_SECRET ?? 'a-very-long-session-secret-of-32-chars',
  cookie: { secure: true },
});

module.exports = app;
`,
    errors: [
      { line: 4, column: 52, endLine: 4, endColumn: 80, message: "Hardcoded secret passed as the `secret` option of `@fastify/cookie`; read it from an environment variable (COOKIE_SECRET) instead." },
      { line: 6, column: 41, endLine: 6, endColumn: 81 },
    ],
    output: `const Fastify = require('fastify');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const app = Fastify({ logger: true });
app.register(require('@fastify/cookie'), { secret: requireEnv('COOKIE_SECRET') });
app.register(require('@fastify/session'), {
  secret: process.env.SESSION_SECRET ?? 'a-very-long-session-secret-of-32-chars',
  cookie: { secure: true },
});

module.exports = app;
`,
    outputFiles: {
      '.env.example': `COOKIE_SECRET=
`,
    },
  },
  {
    name: "database URL with a password",
    flavour: 'express4',
    filename: 'src/db.ts',
    code: `import { Pool } from 'pg';

export const pool = new Pool({
  connectionString: 'postgres://app:S3cr3tPass@db.internal:5432/app',
});
`,
    errors: [
      { line: 4, column: 21, endLine: 4, endColumn: 69, message: "Connection URL with an embedded password for user `app`; read the whole URL from an environment variable (DATABASE_URL) instead." },
    ],
    output: `import { Pool } from 'pg';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

export const pool = new Pool({
  connectionString: requireEnv('DATABASE_URL'),
});
`,
    outputFiles: {
      '.env.example': `DATABASE_URL=
`,
    },
  },
  {
    name: "known token formats",
    flavour: 'express5',
    filename: 'src/services/clients.ts',
    code: `import Stripe from 'stripe';
import { Octokit } from '@octokit/rest';

export const stripe = new Stripe('sk_live_51HqLyjWDarjtT1zdp7dcXyZ0aBcDeF', { apiVersion: '2024-06-20' });
export const octokit = new Octokit({ auth: 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8' });
export const s3 = { accessKeyId: 'AKIAZ3MHQ4XJ7LBRN2PQ', region: 'eu-west-1' };
`,
    errors: [
      { line: 4, column: 34, endLine: 4, endColumn: 75, message: "Hardcoded Stripe live secret key in the source; revoke it and read it from an environment variable (STRIPE_SECRET_KEY) instead." },
      { line: 5, column: 44, endLine: 5, endColumn: 86, message: "Hardcoded GitHub token in the source; revoke it and read it from an environment variable (GITHUB_TOKEN) instead." },
      { line: 6, column: 34, endLine: 6, endColumn: 56, message: "Hardcoded AWS access key ID in the source; revoke it and read it from an environment variable (AWS_ACCESS_KEY_ID) instead." },
    ],
    output: `import Stripe from 'stripe';
import { Octokit } from '@octokit/rest';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

export const stripe = new Stripe(requireEnv('STRIPE_SECRET_KEY'), { apiVersion: '2024-06-20' });
export const octokit = new Octokit({ auth: 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8' });
export const s3 = { accessKeyId: 'AKIAZ3MHQ4XJ7LBRN2PQ', region: 'eu-west-1' };
`,
    outputFiles: {
      '.env.example': `STRIPE_SECRET_KEY=
`,
    },
  },
  {
    name: "HMAC key of a webhook route",
    flavour: 'express4',
    filename: 'src/routes/webhooks.ts',
    code: `import crypto from 'node:crypto';
import { Router } from 'express';

const router = Router();

router.post('/webhooks/github', (req, res) => {
  const signature = crypto.createHmac('sha256', 'gh-webhook-s3cret').update(JSON.stringify(req.body)).digest('hex');
  if (signature !== req.get('x-hub-signature-256')) return res.sendStatus(401);
  res.sendStatus(204);
});

export default router;
`,
    errors: [
      { line: 7, column: 49, endLine: 7, endColumn: 68, message: "Hardcoded secret passed to `crypto.createHmac`; read it from an environment variable (HMAC_SECRET) instead." },
    ],
    output: `import crypto from 'node:crypto';
import { Router } from 'express';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const HMAC_SECRET = requireEnv('HMAC_SECRET');

const router = Router();

router.post('/webhooks/github', (req, res) => {
  const signature = crypto.createHmac('sha256', HMAC_SECRET).update(JSON.stringify(req.body)).digest('hex');
  if (signature !== req.get('x-hub-signature-256')) return res.sendStatus(401);
  res.sendStatus(204);
});

export default router;
`,
    outputFiles: {
      '.env.example': `HMAC_SECRET=
`,
    },
  },
  {
    name: "secret-named constants and an SMTP password",
    flavour: 'express4',
    filename: 'src/services/mailer.js',
    code: `const nodemailer = require('nodemailer');

const API_KEY = 'a8f5f167f44f4964e6c998dee827110c';

const transport = nodemailer.createTransport({
  host: 'smtp.acme.io',
  auth: { user: 'noreply', pass: 'Sm7p-Pa55word!' },
});

module.exports = { transport, API_KEY };
`,
    errors: [
      { line: 3, column: 17, endLine: 3, endColumn: 51, message: "Hardcoded secret assigned to `API_KEY`; read it from an environment variable (API_KEY) instead." },
      { line: 7, column: 34, endLine: 7, endColumn: 50, message: "Hardcoded secret assigned to `pass`; read it from an environment variable (SMTP_PASSWORD) instead." },
    ],
    output: `const nodemailer = require('nodemailer');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const API_KEY = requireEnv('API_KEY');

const transport = nodemailer.createTransport({
  host: 'smtp.acme.io',
  auth: { user: 'noreply', pass: 'Sm7p-Pa55word!' },
});

module.exports = { transport, API_KEY };
`,
    outputFiles: {
      '.env.example': `API_KEY=
`,
    },
  },
  {
    name: 'a plain-word password compared with the login input',
    flavour: 'express4',
    filename: 'src/routes/admin.js',
    code: `const express = require('express');

const router = express.Router();

router.post('/admin/login', (req, res) => {
  if (req.body.password !== 'letmein') return res.status(401).json({ message: 'Wrong password' });
  res.json({ ok: true });
});

module.exports = router;
`,
    errors: [
      { line: 6, column: 29, endLine: 6, endColumn: 38, message: 'Hardcoded credential compared with `req.body.password`; compare against a value read from an environment variable (ADMIN_PASSWORD) instead.' },
    ],
    output: `const express = require('express');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const ADMIN_PASSWORD = requireEnv('ADMIN_PASSWORD');

const router = express.Router();

router.post('/admin/login', (req, res) => {
  if (req.body.password !== ADMIN_PASSWORD) return res.status(401).json({ message: 'Wrong password' });
  res.json({ ok: true });
});

module.exports = router;
`,
    outputFiles: {
      '.env.example': `ADMIN_PASSWORD=
`,
    },
  },
  {
    name: "API key compared with a literal",
    flavour: 'express5',
    filename: 'src/middleware/api-key.ts',
    code: `import type { NextFunction, Request, Response } from 'express';

export function requireApiKey(req: Request, res: Response, next: NextFunction) {
  if (req.headers['x-api-key'] !== 'k3y-9f8e7d6c5b4a') {
    return res.status(401).json({ message: 'Invalid API key' });
  }
  next();
}
`,
    errors: [
      { line: 4, column: 36, endLine: 4, endColumn: 54, message: "Hardcoded credential compared with `req.headers['x-api-key']`; compare against a value read from an environment variable (API_KEY) instead." },
    ],
    output: `import type { NextFunction, Request, Response } from 'express';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const API_KEY = requireEnv('API_KEY');

export function requireApiKey(req: Request, res: Response, next: NextFunction) {
  if (req.headers['x-api-key'] !== API_KEY) {
    return res.status(401).json({ message: 'Invalid API key' });
  }
  next();
}
`,
    outputFiles: {
      '.env.example': `API_KEY=
`,
    },
  },
  {
    name: "jose key from TextEncoder",
    flavour: 'fastify5',
    filename: 'src/auth/tokens.ts',
    esm: true,
    code: `import { SignJWT, jwtVerify } from 'jose';

const secret = new TextEncoder().encode('jose-signing-secret-value');

export async function issue(userId: string) {
  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(secret);
}

export async function check(token: string) {
  return jwtVerify(token, secret);
}
`,
    errors: [
      { line: 3, column: 41, endLine: 3, endColumn: 68, message: "Hardcoded secret passed to `SignJWT.sign`; read it from an environment variable (JWT_SECRET) instead." },
    ],
    output: `import { SignJWT, jwtVerify } from 'jose';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const secret = new TextEncoder().encode(requireEnv('JWT_SECRET'));

export async function issue(userId: string) {
  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(secret);
}

export async function check(token: string) {
  return jwtVerify(token, secret);
}
`,
    outputFiles: {
      '.env.example': `JWT_SECRET=
`,
    },
  },
  {
    name: "cookie-parser secret in an ESM JavaScript app",
    flavour: 'express5',
    filename: 'src/app.mjs',
    esm: true,
    code: `import express from 'express';
import cookieParser from 'cookie-parser';

const app = express();
app.use(cookieParser('cookie-signing-secret'));

export default app;
`,
    errors: [
      { line: 5, column: 22, endLine: 5, endColumn: 45, message: "Hardcoded secret passed to `cookieParser()`; read it from an environment variable (COOKIE_SECRET) instead." },
    ],
    output: `import express from 'express';
import cookieParser from 'cookie-parser';

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const app = express();
app.use(cookieParser(requireEnv('COOKIE_SECRET')));

export default app;
`,
    outputFiles: {
      '.env.example': `COOKIE_SECRET=
`,
    },
  },
  {
    name: "test files when lintTestFiles is on",
    flavour: 'express4',
    filename: 'test/helpers/auth.ts',
    settings: {"lintTestFiles":true},
    code: `import jwt from 'jsonwebtoken';

export const tokenFor = (id: string) => jwt.sign({ sub: id }, 'e2e-signing-key-9f8e7d');
`,
    errors: [
      { line: 3, column: 63, endLine: 3, endColumn: 87, message: "Hardcoded secret passed to `jwt.sign`; read it from an environment variable (JWT_SECRET) instead." },
    ],
    output: `import jwt from 'jsonwebtoken';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const JWT_SECRET = requireEnv('JWT_SECRET');

export const tokenFor = (id: string) => jwt.sign({ sub: id }, JWT_SECRET);
`,
    outputFiles: {
      '.env.example': `JWT_SECRET=
`,
    },
  },
  {
    name: "Sequelize password argument and a local alias of the key",
    flavour: 'express4',
    filename: 'src/db/sequelize.ts',
    code: `import { Sequelize } from 'sequelize';
import jwt from 'jsonwebtoken';

export const sequelize = new Sequelize('shop', 'shop_user', 'Sh0p-db-2024!', { dialect: 'postgres' });

const signingKey = process.env.JWT_SECRET ?? 'fallback-signing-key';
export const issue = (id: number) => jwt.sign({ id }, signingKey);
`,
    errors: [
      { line: 4, column: 61, endLine: 4, endColumn: 76, message: "Hardcoded secret passed to `Sequelize`; read it from an environment variable (DB_PASSWORD) instead." },
      { line: 6, column: 46, endLine: 6, endColumn: 68 },
    ],
    output: `import { Sequelize } from 'sequelize';
import jwt from 'jsonwebtoken';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

export const sequelize = new Sequelize('shop', 'shop_user', requireEnv('DB_PASSWORD'), { dialect: 'postgres' });

const signingKey = process.env.JWT_SECRET ?? 'fallback-signing-key';
export const issue = (id: number) => jwt.sign({ id }, signingKey);
`,
    outputFiles: {
      '.env.example': `DB_PASSWORD=
`,
    },
  },
  {
    name: "Mongo URL in mongoose.connect",
    flavour: 'express4',
    filename: 'src/db/mongo.js',
    code: `const mongoose = require('mongoose');

async function connect() {
  await mongoose.connect('mongodb+srv://admin:Xk9pQ2wE7r@cluster0.ab1cd.mongodb.net/shop');
}

module.exports = { connect };
`,
    errors: [
      { line: 4, column: 26, endLine: 4, endColumn: 90, message: "Connection URL with an embedded password for user `admin`; read the whole URL from an environment variable (MONGODB_URI) instead." },
    ],
    output: `const mongoose = require('mongoose');

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

const MONGODB_URI = requireEnv('MONGODB_URI');

async function connect() {
  await mongoose.connect(MONGODB_URI);
}

module.exports = { connect };
`,
    outputFiles: {
      '.env.example': `MONGODB_URI=
`,
    },
  },
  {
    name: "config object of a tutorial app with a camelCase secret",
    flavour: 'express4',
    filename: 'src/config.js',
    code: `module.exports = {
  dbURI: process.env.MONGO_URI,
  secretKey: 'miSecretKey',
};
`,
    errors: [
      { line: 3, column: 14, endLine: 3, endColumn: 27, message: "Hardcoded secret assigned to `secretKey`; read it from an environment variable (SECRET_KEY) instead." },
    ],
    output: `function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing required environment variable \${name}\`);
  return value;
}

module.exports = {
  dbURI: process.env.MONGO_URI,
  secretKey: requireEnv('SECRET_KEY'),
};
`,
    outputFiles: {
      '.env.example': `SECRET_KEY=
`,
    },
  },
  ],
});
