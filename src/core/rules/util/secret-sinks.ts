import ts from 'typescript';
import { requiredModule, type ImportBinding } from '../../analysis/imports';
import { isFunctionLike, memberPath, unwrapExpression } from '../../analysis/syntax';
import { localInitializer, resolveLocal, statementsAfter } from './local-binding';

/**
 * Arguments and options of known APIs that take a secret: JWT signing keys, session and cookie
 * secrets, passport-jwt `secretOrKey`, HMAC and cipher keys. Calls are matched through the file's
 * imports and requires (any local name), never by method name alone.
 */

export type SecretSinkKind = 'jwt' | 'session' | 'cookie' | 'passport-jwt' | 'hmac' | 'cipher' | 'secret-key' | 'db-password' | 'api-key' | 'basic-auth';

export interface SecretSink {
  kind: SecretSinkKind;
  /** The expression given as the secret. */
  expression: ts.Expression;
  /** How the message names where the secret goes: "to `jwt.sign`", "as the `secret` option of `session()`". */
  description: string;
  /** The env variable when the API says more than the kind (`new Stripe(key)` → STRIPE_SECRET_KEY). */
  envName?: string;
  /** For database passwords: the user name given next to it (`new Sequelize(db, 'root', 'root')`). */
  user?: ts.Expression;
}

/** The env variable a secret of each kind usually lives in. */
export const SINK_ENV_NAMES: Record<SecretSinkKind, string> = {
  jwt: 'JWT_SECRET',
  session: 'SESSION_SECRET',
  cookie: 'COOKIE_SECRET',
  'passport-jwt': 'JWT_SECRET',
  hmac: 'HMAC_SECRET',
  cipher: 'ENCRYPTION_KEY',
  'secret-key': 'SECRET_KEY',
  'db-password': 'DB_PASSWORD',
  'api-key': 'API_KEY',
  'basic-auth': 'BASIC_AUTH_PASSWORD',
};

/** API clients constructed with a key as a positional argument: module → [export (undefined = the module itself), argument index, env name]. */
const API_CLIENTS: Record<string, [string | undefined, number, string][]> = {
  stripe: [[undefined, 0, 'STRIPE_SECRET_KEY'], ['Stripe', 0, 'STRIPE_SECRET_KEY']],
  twilio: [[undefined, 1, 'TWILIO_AUTH_TOKEN'], ['Twilio', 1, 'TWILIO_AUTH_TOKEN']],
  '@sendgrid/mail': [['setApiKey', 0, 'SENDGRID_API_KEY']],
  resend: [['Resend', 0, 'RESEND_API_KEY']],
  sequelize: [['Sequelize', 2, 'DB_PASSWORD'], [undefined, 2, 'DB_PASSWORD']],
};

const CRYPTO_MODULES = new Set(['crypto', 'node:crypto']);
const FASTIFY_SECRET_PLUGINS: Record<string, { kind: SecretSinkKind; options: string[] }> = {
  '@fastify/jwt': { kind: 'jwt', options: ['secret'] },
  'fastify-jwt': { kind: 'jwt', options: ['secret'] },
  '@fastify/cookie': { kind: 'cookie', options: ['secret'] },
  'fastify-cookie': { kind: 'cookie', options: ['secret'] },
  '@fastify/session': { kind: 'session', options: ['secret'] },
  'fastify-session': { kind: 'session', options: ['secret'] },
  '@fastify/secure-session': { kind: 'session', options: ['secret', 'key'] },
  'fastify-secure-session': { kind: 'session', options: ['secret', 'key'] },
};
const JOSE_KEY_FIRST = new Set(['SignJWT', 'EncryptJWT', 'CompactSign', 'FlattenedSign', 'GeneralSign', 'CompactEncrypt', 'FlattenedEncrypt', 'GeneralEncrypt']);
const JOSE_KEY_SECOND = new Set(['jwtVerify', 'jwtDecrypt', 'compactVerify', 'flattenedVerify', 'generalVerify', 'compactDecrypt', 'flattenedDecrypt', 'generalDecrypt']);

/** A callee resolved to the module it comes from: `jwt.sign` → jsonwebtoken / sign, `session` → express-session / (module). */
interface ResolvedCallee {
  module: string;
  /** The export called; `undefined` for the module itself (`session(...)`, `require('cookie-parser')()`). */
  member?: string;
}

function resolveModuleValue(expression: ts.Expression, imports: Map<string, ImportBinding>): ResolvedCallee | undefined {
  const value = unwrapExpression(expression);
  const required = requiredModule(value);
  if (required) return { module: required };
  if (ts.isCallExpression(value) && value.expression.kind === ts.SyntaxKind.ImportKeyword && value.arguments[0] && ts.isStringLiteralLike(value.arguments[0])) {
    return { module: value.arguments[0].text };
  }
  if (ts.isIdentifier(value)) {
    const binding = imports.get(value.text);
    if (!binding) return undefined;
    return binding.imported === '*' || binding.imported === 'default' ? { module: binding.module } : { module: binding.module, member: binding.imported };
  }
  if (ts.isPropertyAccessExpression(value)) {
    const object = resolveModuleValue(value.expression, imports);
    if (!object) return undefined;
    // `jwt.default.sign` in CJS interop, `require('x').default`
    if (object.member === undefined || object.member === 'default') return { module: object.module, member: value.name.text === 'default' ? undefined : value.name.text };
  }
  return undefined;
}

/** The secrets a call or `new` expression hands to a known API. */
export function secretSinksOf(node: ts.CallExpression | ts.NewExpression, imports: Map<string, ImportBinding>): SecretSink[] {
  const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
  // Only the few calls that are sinks need the text: most calls of a file are not.
  const calleeText = (): string => memberPath(node.expression)?.join('.') ?? 'the call';
  const sinks: SecretSink[] = [];
  const add = (kind: SecretSinkKind, expression: ts.Expression | undefined, description: string): void => {
    if (expression) sinks.push({ kind, expression, description });
  };
  const optionsOf = (index: number, keys: string[], kind: SecretSinkKind, owner: string): void => {
    const options = args[index] ? objectLiteralOf(args[index]) : undefined;
    if (!options) return;
    for (const key of keys) add(kind, propertyInitializer(options, key) ?? propertySetLater(args[index], key), `as the \`${key}\` option of ${owner}`);
  };

  const callee = unwrapExpression(node.expression);
  const client = resolveModuleValue(callee, imports);
  for (const [member, index, envName] of client ? (API_CLIENTS[client.module] ?? []) : []) {
    if (client?.member !== member || !args[index]) continue;
    const kind: SecretSinkKind = envName === 'DB_PASSWORD' ? 'db-password' : 'api-key';
    sinks.push({ kind, expression: args[index], description: `to \`${calleeText()}\``, envName, user: kind === 'db-password' ? args[1] : undefined });
    return sinks;
  }
  if (ts.isNewExpression(node)) {
    if (client?.module === 'passport-jwt' && (client.member === 'Strategy' || client.member === undefined)) {
      optionsOf(0, ['secretOrKey'], 'passport-jwt', '`JwtStrategy`');
    }
    return sinks;
  }

  // jose builders: new SignJWT(payload).setProtectedHeader(…).sign(key)
  if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'sign' || callee.name.text === 'encrypt')) {
    const root = builderRoot(callee.expression);
    if (root) {
      const resolved = resolveModuleValue(root.expression, imports);
      if (resolved?.module === 'jose' && resolved.member && JOSE_KEY_FIRST.has(resolved.member)) {
        add('jwt', args[0], `to \`${resolved.member}.${callee.name.text}\``);
        return sinks;
      }
    }
  }

  // fastify.register(plugin, { secret })
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'register' && args.length >= 2) {
    const plugin = resolveModuleValue(args[0], imports);
    const entry = plugin ? FASTIFY_SECRET_PLUGINS[plugin.module] : undefined;
    if (plugin && entry) {
      const options = objectLiteralOf(args[1]);
      for (const key of options ? entry.options : []) {
        const value = propertyInitializer(options as ts.ObjectLiteralExpression, key);
        const nested = value ? objectLiteralOf(value) : undefined;
        // @fastify/jwt accepts `secret: { private, public }`; only the private half is secret
        if (nested) add(entry.kind, propertyInitializer(nested, 'private'), `as the \`secret.private\` option of \`${plugin.module}\``);
        else add(entry.kind, value, `as the \`${key}\` option of \`${plugin.module}\``);
      }
      return sinks;
    }
  }

  const resolved = client;
  if (!resolved) return sinks;
  const { module, member } = resolved;
  if (module === 'jsonwebtoken' && (member === 'sign' || member === 'verify')) add('jwt', args[1], `to \`${calleeText()}\``);
  else if (module === 'jose' && member && JOSE_KEY_SECOND.has(member)) add('jwt', args[1], `to \`${calleeText()}\``);
  else if (CRYPTO_MODULES.has(module) && member === 'createHmac') add('hmac', args[1], `to \`${calleeText()}\``);
  else if (CRYPTO_MODULES.has(module) && (member === 'createCipheriv' || member === 'createDecipheriv')) add('cipher', args[1], `to \`${calleeText()}\``);
  else if (CRYPTO_MODULES.has(module) && member === 'createSecretKey') add('secret-key', args[0], `to \`${calleeText()}\``);
  // the key a request's credential is compared against: `timingSafeEqual(given, Buffer.from('…'))`
  else if (CRYPTO_MODULES.has(module) && member === 'timingSafeEqual') for (const argument of args) add('api-key', argument, `to \`${calleeText()}\``);
  else if (module === 'express-session' && member === undefined) optionsOf(0, ['secret'], 'session', `\`${calleeText()}()\``);
  else if (module === 'cookie-session' && member === undefined) optionsOf(0, ['secret', 'keys'], 'session', `\`${calleeText()}()\``);
  else if (module === 'cookie-parser' && member === undefined) add('cookie', args[0], `to \`${calleeText()}()\``);
  else if (module === 'express-jwt' && (member === undefined || member === 'expressjwt')) optionsOf(0, ['secret'], 'jwt', `\`${calleeText()}()\``);
  else if (module === 'express-basic-auth' && member === undefined) {
    // `basicAuth({ users: { ops: '…' } })`: each user's password
    const options = args[0] ? objectLiteralOf(args[0]) : undefined;
    const users = options ? propertyInitializer(options, 'users') : undefined;
    const table = users ? objectLiteralOf(users) : undefined;
    for (const entry of table?.properties ?? []) {
      if (ts.isPropertyAssignment(entry)) add('basic-auth', entry.initializer, `as the password of user \`${propertyNameText(entry.name) ?? '…'}\` to \`${calleeText()}()\``);
    }
  }
  return sinks;
}

/** The `new X(...)` a fluent chain starts from: `new SignJWT(p).setIssuedAt().sign` → `new SignJWT(p)`. */
function builderRoot(expression: ts.Expression): ts.NewExpression | undefined {
  let current = unwrapExpression(expression);
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(unwrapExpression(current.expression))) {
    current = unwrapExpression((unwrapExpression(current.expression) as ts.PropertyAccessExpression).expression);
  }
  return ts.isNewExpression(current) ? current : undefined;
}

/** An object literal given inline or through a local `const options = {...}`. */
export function objectLiteralOf(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const value = unwrapExpression(expression);
  if (ts.isObjectLiteralExpression(value)) return value;
  if (ts.isIdentifier(value)) {
    const binding = resolveLocal(value);
    const init = binding?.kind === 'variable' ? binding.declaration.initializer : undefined;
    if (init && ts.isObjectLiteralExpression(unwrapExpression(init))) return unwrapExpression(init) as ts.ObjectLiteralExpression;
  }
  return undefined;
}

/** `const opts = {}; opts.secretOrKey = '…'`: an option set on a local object after it was created. */
function propertySetLater(expression: ts.Expression, key: string): ts.Expression | undefined {
  const value = unwrapExpression(expression);
  const binding = ts.isIdentifier(value) ? resolveLocal(value) : undefined;
  if (binding?.kind !== 'variable' || !ts.isIdentifier(binding.declaration.name)) return undefined;
  const name = binding.declaration.name.text;
  for (const later of statementsAfter(binding.declaration) ?? []) {
    const assignment = ts.isExpressionStatement(later) ? unwrapExpression(later.expression) : undefined;
    if (!assignment || !ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const target = unwrapExpression(assignment.left);
    if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) && target.expression.text === name && target.name.text === key) return assignment.right;
  }
  return undefined;
}

/** The expression of `key: value` or shorthand `key` in an object literal. */
export function propertyInitializer(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === key) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) return property.name;
  }
  return undefined;
}

export function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Bun.env.X` → X. */
export function envReadName(expression: ts.Expression): string | undefined {
  const value = unwrapExpression(expression);
  let object: ts.Expression;
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(value)) {
    object = value.expression;
    name = value.name.text;
  } else if (ts.isElementAccessExpression(value) && ts.isStringLiteralLike(value.argumentExpression)) {
    object = value.expression;
    name = value.argumentExpression.text;
  } else {
    return undefined;
  }
  const path = memberPath(object)?.join('.');
  if (path === 'process.env' || path === 'Bun.env') return name;
  const unwrapped = unwrapExpression(object);
  // `const env = process.env; env.JWT_SECRET`
  const held = ts.isIdentifier(unwrapped) ? localInitializer(unwrapped) : undefined;
  if (held && memberPath(held)?.join('.') === 'process.env') return name;
  if (ts.isPropertyAccessExpression(unwrapped) && unwrapped.name.text === 'env' && ts.isMetaProperty(unwrapExpression(unwrapped.expression))) return name;
  return undefined;
}

/** A literal found where a secret is expected, with what the quick fix should replace. */
export interface SecretLiteral {
  literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
  /** `process.env.X || 'lit'`: the whole fallback expression, and the variable it falls back from. */
  fallback?: { expression: ts.BinaryExpression; envName?: string };
}

/** Conditions that pick a value by environment: a development-only literal is not the production secret. */
export function isEnvironmentCheck(condition: ts.Expression): boolean {
  return /NODE_ENV|\bis(Dev|Development|Prod|Production|Test|Local)\b|\b(dev|development|production|test)\b|get\(\s*['"]env['"]\s*\)/i.test(condition.getText());
}

/**
 * The branch of an environment ternary production takes, when the condition says: `NODE_ENV === 'production'
 * ? a : b` → a, `NODE_ENV !== 'production' ? a : b` → b, `isDev ? a : b` → b. Undefined when it cannot be told.
 */
export function productionBranch(conditional: ts.ConditionalExpression): ts.Expression | undefined {
  const production = conditionMeansProduction(conditional.condition);
  return production === undefined ? undefined : production ? conditional.whenTrue : conditional.whenFalse;
}

function conditionMeansProduction(condition: ts.Expression): boolean | undefined {
  const value = unwrapExpression(condition);
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = conditionMeansProduction(value.operand);
    return inner === undefined ? undefined : !inner;
  }
  if (ts.isBinaryExpression(value)) {
    const kind = value.operatorToken.kind;
    const negated = kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken;
    if (!negated && kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && kind !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
    const literal = [value.left, value.right].map(unwrapExpression).find(ts.isStringLiteralLike);
    const named = literal && environmentNamed(literal.text);
    return named === undefined ? undefined : named !== negated;
  }
  const name = memberPath(value)?.pop();
  return name !== undefined && /^(is|IS_)/.test(name) ? environmentNamed(name.replace(/^(is|IS_)/, '')) : undefined;
}

/** Whether an environment's name is production's (true) or a development one's (false). */
function environmentNamed(name: string): boolean | undefined {
  if (/^(prod|production)$/i.test(name)) return true;
  if (/^(dev|development|test|testing|local)$/i.test(name)) return false;
  return undefined;
}

/**
 * The string literals an expression evaluates to when used as a secret: the literal itself, the
 * fallback of `||` / `??`, array elements (key rotation lists), `Buffer.from('…')`,
 * `new TextEncoder().encode('…')`, and locals holding any of these.
 */
export function secretLiteralsOf(expression: ts.Expression, depth = 0): SecretLiteral[] {
  if (depth > 4) return [];
  const value = unwrapExpression(expression);
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return [{ literal: value }];
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      return secretLiteralsOf(value.right, depth + 1).map((found) =>
        found.literal === unwrapExpression(value.right) ? { literal: found.literal, fallback: { expression: value, envName: envReadName(value.left) } } : found,
      );
    }
    return [];
  }
  if (ts.isConditionalExpression(value)) {
    if (isEnvironmentCheck(value.condition)) {
      // a literal on production's branch is the production secret; the development one is not
      const production = productionBranch(value);
      return production ? secretLiteralsOf(production, depth + 1) : [];
    }
    return [...secretLiteralsOf(value.whenTrue, depth + 1), ...secretLiteralsOf(value.whenFalse, depth + 1)];
  }
  if (ts.isArrayLiteralExpression(value)) return value.elements.flatMap((element) => (ts.isSpreadElement(element) ? [] : secretLiteralsOf(element, depth + 1)));
  if (ts.isCallExpression(value)) {
    const callee = unwrapExpression(value.expression);
    const isBufferFrom = memberPath(callee)?.join('.') === 'Buffer.from';
    const isEncode = ts.isPropertyAccessExpression(callee) && callee.name.text === 'encode';
    if ((isBufferFrom || isEncode) && value.arguments[0]) return secretLiteralsOf(value.arguments[0], depth + 1);
    return [];
  }
  if (ts.isIdentifier(value)) {
    const binding = resolveLocal(value);
    if (binding?.kind === 'variable' && binding.declaration.initializer && !isFunctionLike(binding.declaration.initializer)) {
      return secretLiteralsOf(binding.declaration.initializer, depth + 1);
    }
    return [];
  }
  if (ts.isPropertyAccessExpression(value)) {
    // config.jwt.secret where `config` is a local object literal
    const path = memberPath(value);
    if (!path || path[0] === 'this' || path[0] === 'process') return [];
    const root = unwrapExpression(value);
    let object: ts.Expression = root;
    while (ts.isPropertyAccessExpression(object)) object = unwrapExpression(object.expression);
    if (!ts.isIdentifier(object)) return [];
    let current = objectLiteralOf(object);
    for (const key of path.slice(1, -1)) {
      const next = current ? propertyInitializer(current, key) : undefined;
      current = next ? objectLiteralOf(next) : undefined;
    }
    const leaf = current ? propertyInitializer(current, path[path.length - 1]) : undefined;
    return leaf ? secretLiteralsOf(leaf, depth + 1) : [];
  }
  return [];
}
