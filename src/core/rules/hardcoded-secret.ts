import ts from 'typescript';
import { calleeText, isEqualityOperator, isFallbackExpression, memberPath, stringValue, unwrapExpression } from '../analysis/syntax';
import type { Report, Rule, RuleContext } from '../lint/rule';
import {
  findConnectionCredentials,
  findToken,
  isComparedSecretValue,
  isDefaultDatabasePassword,
  isPlaceholder,
  isSecretValue,
  isLiveFallbackSecret,
  isOwnKeyName,
  isSinkSecretValue,
  looksGenerated,
  nameWords,
  secretNameStrength,
} from './util/secret-patterns';
import {
  envReadName,
  isEnvironmentCheck,
  productionBranch,
  propertyInitializer,
  propertyNameText,
  secretLiteralsOf,
  secretSinksOf,
  SINK_ENV_NAMES,
  type SecretLiteral,
} from './util/secret-sinks';
import { localInitializer } from './util/local-binding';
import { moveSecretToEnv } from './util/secret-env-fix';
import { skipsTestFile } from './util/test-context';

type StringLiteralLike = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;

/** Why a literal is a secret; the lower the rank, the more specific the message (the one reported). */
type Evidence = 'sink' | 'token' | 'url' | 'fallback' | 'compare' | 'name';
const RANK: Record<Evidence, number> = { token: 0, sink: 1, url: 2, fallback: 3, compare: 4, name: 5 };

interface Candidate {
  node: ts.Node;
  evidence: Evidence;
  message: string;
  envName: string;
  /** What the fix replaces by the env read; undefined when the secret is only part of a string. */
  replace?: ts.Expression;
}

/** Files that document configuration rather than run it: `config.example.js`, `docs/`, `examples/`. */
function isExampleFile(fileName: string): boolean {
  return /\.(example|sample|template|dist)\.[cm]?[jt]sx?$/.test(fileName) || /\/(examples?|docs?|samples?)\//.test(fileName);
}

/**
 * Seed scripts create local demo users and dev entry points (`server-dev.ts`) configure a local
 * instance: their passwords are fixtures, not credentials of a deployment.
 */
function isFixtureFile(fileName: string): boolean {
  return /\/(seeds?|seeders?|init-?data|initial-?data|seed-?data)\//.test(fileName) || isTranslationFile(fileName) || /(^|[/._-])(seeds?(er)?|dev|development|local)\.[cm]?[jt]s$/i.test(fileName) || /(^|\/)seed[-_.]?(db|data)\.[cm]?[jt]s$/i.test(fileName) || /(^|\/)seed(Db|Data|Database)\.[cm]?[jt]s$/.test(fileName);
}

/**
 * The password of one user record in a table of mock or seed data (`export const dataUser = [{ _id,
 * name, email, password, city }, …]`, or handed to `User.insertMany([…])`): rows inserted once, not a
 * credential the app runs with. A table the file itself reads (the accounts an authorizer checks)
 * and other secrets in a table (API keys, signing secrets, connection passwords) stay reported.
 */
function isDataRow(value: ts.Node): boolean {
  const property = value.parent;
  if (!ts.isPropertyAssignment(property) || property.initializer !== value || !/^(pass(word)?|passwd|pwd)$/i.test(property.name.getText().replace(/['"]/g, ''))) return false;
  const record = property.parent;
  const table = record.parent;
  if (!ts.isArrayLiteralExpression(table) || table.elements.filter(ts.isObjectLiteralExpression).length < 2 || record.properties.length < DATA_ROW_FIELDS) return false;
  let holder: ts.Node = table.parent;
  while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) holder = holder.parent;
  if (ts.isCallExpression(holder)) return /(insertMany|bulkCreate|createMany|bulkInsert|insert|seed)$/i.test(calleeText(holder) ?? '');
  return ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && onlyExported(holder.name);
}

/** A login list (`[{ username, password, role }]`) is more likely the accounts an app checks; a data row describes more (`_id`, `name`, `email`, `city`, …). */
const DATA_ROW_FIELDS = 5;

/** Whether the file never reads a variable itself, only exports it (`export const`, `module.exports = { name }`, `export { name }`). */
function onlyExported(name: ts.Identifier): boolean {
  let read = false;
  const visit = (node: ts.Node): void => {
    if (read) return;
    if (ts.isIdentifier(node) && node !== name && node.text === name.text && !isExportReference(node)) read = true;
    else ts.forEachChild(node, visit);
  };
  visit(name.getSourceFile());
  return !read;
}

/** `export { name }`, `export default name`, `module.exports = name`, `module.exports = { name, data: name }`, `exports.data = name`. */
function isExportReference(node: ts.Identifier): boolean {
  let current: ts.Node = node.parent;
  if (ts.isExportSpecifier(current) || ts.isExportAssignment(current)) return true;
  let value: ts.Node = node;
  if (ts.isShorthandPropertyAssignment(current) || (ts.isPropertyAssignment(current) && current.initializer === node)) {
    value = current.parent;
    current = value.parent;
  }
  return ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.EqualsToken && current.right === value && /^(module\.)?exports\b/.test(current.left.getText());
}

/** UI strings per language (`lang/de.js`: `password: 'Passwort'`): a field's label, not its value. */
function isTranslationFile(fileName: string): boolean {
  return /\/(lang|langs|languages|locales?|i18n|l10n|translations?)\//.test(fileName);
}

/**
 * `MAILER_PASSWORD` for `process.env.MAILER_PASSWORD`, `APP_SECRET` / `CONSUMER_KEY` for a provider's
 * secret: a variable's name written where its value belongs. `MY_SUPER_SECRET_JWT_KEY` is a made-up secret.
 */
function namesTheSlot(value: string, envName: string | undefined): boolean {
  if (!/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return false;
  if (value === envName) return true;
  const words = value.split('_');
  return words.length === 2 && words.every((word) => SLOT_WORDS.has(word));
}

const SLOT_WORDS = new Set(['APP', 'API', 'CLIENT', 'CONSUMER', 'ACCESS', 'SECRET', 'KEY', 'TOKEN', 'ID', 'PASSWORD', 'PASS', 'USER', 'AUTH', 'PRIVATE', 'PUBLIC']);

const rule: Rule = {
  meta: {
    id: 'hardcoded-secret',
    description: 'Disallow secrets written into source code: JWT, session and cookie secrets, API keys and tokens, database passwords',
    category: 'security',
    defaultSeverity: 'error',
    frameworks: ['express', 'fastify'],
    fixable: true,
  },
  create(ctx) {
    // a test environment's settings (`config/test.ts`) are test data, like the tests that run with them
    if (skipsTestFile(ctx) || (TEST_SETTINGS_FILE.test(ctx.fileName) && !ctx.settings.lintTestFiles)) return {};
    if (isExampleFile(ctx.fileName)) return {};
    const fixtureFile = isFixtureFile(ctx.fileName);
    // a placeholder is the live fallback of a signing key only where the app runs with it: not in a
    // development or test configuration, nor when the file refuses it (`if (isProd && JWT_SECRET === 'change-me') throw …`)
    const placeholdersAllowed = fixtureFile || ENVIRONMENT_CONFIG_FILE.test(ctx.fileName);
    // …and a default the file refuses to run with in production is a development value, whatever it looks like
    let refused: ReadonlySet<string> | undefined;
    const ownKeyFallback = (value: string, ownKey: boolean): boolean => isLiveFallbackSecret(value, ownKey && !placeholdersAllowed) && !(refused ??= refusedLiterals(ctx)).has(value);
    const candidates = new Map<ts.Node, Candidate>();
    const offer = (candidate: Candidate): void => {
      const existing = candidates.get(candidate.node);
      if (!existing || RANK[candidate.evidence] < RANK[existing.evidence]) candidates.set(candidate.node, candidate);
    };

    /** `ownKey`: the app signs or encrypts with it (not a provider's API key or a database password). */
    const offerSinkLiterals = (found: SecretLiteral[], description: string, defaultEnv: string, ownKey: boolean, user?: ts.Expression): void => {
      for (const { literal, fallback } of found) {
        // the app's own key handed over as a literal is live whatever it reads like (`jwt.sign(p, 'secret')`)
        if (!(fallback?.envName || ownKey ? ownKeyFallback(literal.text, ownKey) : isSinkSecretValue(literal.text))) continue;
        if (user !== undefined && isDefaultDatabasePassword(literal.text, fallbackText(user))) continue;
        const envName = fallback?.envName ?? defaultEnv;
        offer({
          node: literal,
          evidence: 'sink',
          envName,
          replace: fallback ? (fallback.envName ? fallback.expression : undefined) : literal,
          message: fallback?.envName
            ? `Hardcoded fallback secret for \`process.env.${fallback.envName}\` is passed ${description}; when the variable is unset anyone who reads the code can forge or read it. Require the variable instead.`
            : `Hardcoded secret passed ${description}; read it from an environment variable (${envName}) instead.`,
        });
      }
    };

    // a `createSecretKey` key in a file that signs with jose is the JWT secret
    const usesJose = [...ctx.analysis.imports.values()].some((binding) => binding.module === 'jose');
    const checkSinks = (node: ts.CallExpression | ts.NewExpression): void => {
      for (const sink of secretSinksOf(node, ctx.analysis.imports)) {
        const defaultEnv = sink.envName ?? (sink.kind === 'secret-key' && usesJose ? 'JWT_SECRET' : SINK_ENV_NAMES[sink.kind]);
        offerSinkLiterals(secretLiteralsOf(sink.expression), sink.description, defaultEnv, sink.kind !== 'db-password' && sink.kind !== 'api-key' && sink.kind !== 'basic-auth', sink.user);
      }
    };

    const checkLiteral = (node: StringLiteralLike): void => {
      if (!isValuePosition(node) || insideExample(node)) return;
      const value = node.text;
      const position = climb(node);
      const assigned = assignedName(position.outer);

      const token = findToken(value);
      if (token) {
        const whole = token.start === 0 && token.end === value.length;
        const envName = position.fallback?.envName ?? upperSnakeName(assigned) ?? token.format.envName;
        offer({
          node,
          evidence: 'token',
          envName,
          replace: whole ? replaceTarget(node, position) : undefined,
          message: `Hardcoded ${token.format.label} in the source; revoke it and read it from an environment variable (${envName}) instead.`,
        });
      }

      const credentials = findConnectionCredentials(value);
      if (credentials) {
        const envName = position.fallback?.envName ?? urlEnvName(assigned) ?? credentials.envName;
        offer({
          node,
          evidence: 'url',
          envName,
          replace: credentials.whole ? replaceTarget(node, position) : undefined,
          message: `Connection URL with an embedded password for user \`${credentials.user}\`; read the whole URL from an environment variable (${envName}) instead.`,
        });
      }

      if (position.gated) return;

      if (position.fallback) {
        const names = [position.fallback.envName, position.fallback.leftName, assigned].filter((name): name is string => name !== undefined);
        // the fallback of a secret env variable is the secret whatever it looks like; a fallback of
        // another value (`token || 'offline'`) must at least look like a hand-made secret
        const secretName =
          names.find((name) => secretNameStrength(name) === 'strong') ??
          names.find((name) => secretNameStrength(name) === 'weak') ??
          (position.fallback.envName !== undefined && isOwnKeyName(position.fallback.envName) ? position.fallback.envName : undefined);
        const fromEnv = position.fallback.envName !== undefined && secretName !== undefined;
        // `process.env.FACEBOOK_SECRET || 'APP_SECRET'` names what belongs there, like a placeholder
        // under a weak name (`HASH_SALT || 'notes'`) only a generated-looking fallback is a secret, as anywhere else
        const weakOnly = secretName !== undefined && secretNameStrength(secretName) === 'weak';
        const secret = fromEnv && !weakOnly
          ? ownKeyFallback(value, isOwnKeyName(position.fallback.envName ?? '')) && value.length >= 4 && !namesTheSlot(value, position.fallback.envName)
          : secretName !== undefined && isSecretValue(value, secretName, weakOnly ? 'weak' : 'strong') && !(refused ??= refusedLiterals(ctx)).has(value);
        // `COOKIE_SECURE: z.enum(['true', 'false']).default('false')`: a switch around a key, not the key
        if (secretName && secret && !/^(true|false|yes|no|on|off|none|\d+[smhdwy])$/i.test(value) && !isLocalDatabaseDefault(position.outer, value)) {
          const envName = position.fallback.envName ?? envNameFor(secretName, position.outer);
          offer({
            node,
            evidence: 'fallback',
            envName,
            replace: position.fallback.envName && !position.fallback.inSchema ? position.fallback.expression : undefined,
            message: position.fallback.envName
              ? `Hardcoded fallback secret for \`process.env.${position.fallback.envName}\`: when the variable is unset the app runs with a secret anyone who reads the code knows. Require ${envName} instead.`
              : `Hardcoded fallback secret for \`${secretName}\`: when it is missing the app runs with a secret anyone who reads the code knows. Read it from an environment variable (${envName}) instead.`,
          });
        }
        return;
      }

      if (assigned === 'secretOrKey') {
        offerSinkLiterals([{ literal: node }], 'as the passport-jwt `secretOrKey`', 'JWT_SECRET', true);
        return;
      }

      if (assigned !== undefined && !fixtureFile && !isDataRow(position.outer)) {
        const strength = secretNameStrength(assigned) ?? (isPasswordNextToUser(position.outer) ? 'strong' : undefined);
        if (strength && isSecretValue(value, assigned, strength)) {
          const envName = envNameFor(assigned, position.outer);
          offer({
            node,
            evidence: 'name',
            envName,
            replace: node,
            message: `Hardcoded secret assigned to \`${assigned}\`; read it from an environment variable (${envName}) instead.`,
          });
        } else if (/^authorization$/i.test(assigned) && authorizationCredential(value)) {
          offer({
            node,
            evidence: 'name',
            envName: 'API_TOKEN',
            message: 'Hardcoded credential in an `Authorization` header; read the token from an environment variable (API_TOKEN) instead.',
          });
        }
      }

      const compared = comparedName(position.outer);
      // a throw after comparing the app's own setting refuses a known default; after comparing what the client sent, it turns the request away
      if (compared && !fixtureFile && !(refusesComparison(position.outer) && comparedSource(compared.text) !== 'request') && !comparesOwnDefault(position.outer, value)) {
        const strength = secretNameStrength(compared.name);
        const secret =
          strength === 'strong' ? isComparedSecretValue(value, compared.name, comparedSource(compared.text)) : strength ? isSecretValue(value, compared.name, strength) : /^authorization$/i.test(compared.name) && authorizationCredential(value);
        if (secret) {
          const envName = envNameFor(compared.name, position.outer);
          offer({
            node,
            evidence: 'compare',
            envName,
            replace: node,
            message: `Hardcoded credential compared with \`${compared.text}\`; compare against a value read from an environment variable (${envName}) instead.`,
          });
        }
      }
    };

    const checkTemplate = (node: ts.TemplateExpression): void => {
      // substitutions become a marker: a password typed between them is still hardcoded, one read from a variable is not
      const text = node.head.text + node.templateSpans.map((span) => `\u0001${span.literal.text}`).join('');
      const credentials = findConnectionCredentials(text);
      if (credentials && !credentials.password.includes('\u0001')) {
        offer({
          node,
          evidence: 'url',
          envName: credentials.envName,
          message: `Connection URL with an embedded password for user \`${credentials.user.includes('\u0001') ? '…' : credentials.user}\`; read the password from an environment variable instead.`,
        });
      }
      const token = findToken(text);
      if (token && !text.slice(token.start, token.end).includes('\u0001')) {
        offer({
          node,
          evidence: 'token',
          envName: token.format.envName,
          message: `Hardcoded ${token.format.label} in the source; revoke it and read it from an environment variable (${token.format.envName}) instead.`,
        });
      }
    };

    return {
      nodes: {
        [ts.SyntaxKind.CallExpression]: (node) => checkSinks(node as ts.CallExpression),
        [ts.SyntaxKind.NewExpression]: (node) => checkSinks(node as ts.NewExpression),
        [ts.SyntaxKind.PropertyAssignment]: (node) => {
          const property = node as ts.PropertyAssignment;
          if (propertyNameText(property.name) === 'secretOrKey' && !ts.isStringLiteralLike(unwrapExpression(property.initializer))) {
            offerSinkLiterals(secretLiteralsOf(property.initializer), 'as the passport-jwt `secretOrKey`', 'JWT_SECRET', true);
          }
        },
        [ts.SyntaxKind.StringLiteral]: (node) => checkLiteral(node as ts.StringLiteral),
        [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: (node) => checkLiteral(node as ts.NoSubstitutionTemplateLiteral),
        [ts.SyntaxKind.TemplateExpression]: (node) => checkTemplate(node as ts.TemplateExpression),
      },
      end: () => {
        const sorted = [...candidates.values()].sort((a, b) => a.node.getStart(ctx.sourceFile) - b.node.getStart(ctx.sourceFile));
        for (const candidate of sorted) ctx.report(toReport(ctx, candidate));
      },
    };
  },
};

function toReport(ctx: RuleContext, candidate: Candidate): Report {
  const replace = candidate.replace;
  return {
    node: candidate.node,
    message: candidate.message,
    fix: replace
      ? {
          title: `Read the secret from the ${candidate.envName} environment variable`,
          build: () =>
            moveSecretToEnv({
              fileName: ctx.fileName,
              sourceFile: ctx.sourceFile,
              analysis: ctx.analysis,
              project: ctx.project,
              host: ctx.host,
              envName: candidate.envName,
              replace,
              scaffold: ctx.scaffold,
            }),
        }
      : undefined,
  };
}

/** Literals that are values, not module names, property keys, types or lookups. */
function isValuePosition(node: StringLiteralLike): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isLiteralTypeNode(parent)) return false;
  if (ts.isImportTypeNode(parent) || ts.isModuleDeclaration(parent)) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === node) return false;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return false;
  if (ts.isCallExpression(parent) && (parent.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(parent.expression) && parent.expression.text === 'require'))) return false;
  if (ts.isEnumMember(parent)) return false;
  return true;
}

interface Position {
  /** The outermost expression the literal is the value of (through parentheses, casts, `||`, branches). */
  outer: ts.Expression;
  /** `process.env.X || 'literal'` / `config.secret ?? 'literal'` / `getEnv('X', 'literal')`; `inSchema`: an env schema's default (`JWT_SECRET: z.string().default('literal')`). */
  fallback?: { expression: ts.Expression; envName?: string; leftName?: string; inSchema?: boolean };
  /** Chosen by an environment check: `isDev ? 'dev-secret' : process.env.X`. */
  gated: boolean;
}

function climb(literal: ts.Expression): Position {
  let current: ts.Expression = literal;
  let fallback: Position['fallback'];
  let gated = false;
  for (;;) {
    const parent = current.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent)) {
      current = parent;
    } else if (isFallbackExpression(parent) && parent.right === current) {
      fallback ??= { expression: parent, envName: envReadName(parent.left), leftName: operandName(parent.left)?.name };
      current = parent;
    } else if (ts.isConditionalExpression(parent) && parent.condition !== current) {
      if (isEnvironmentCheck(parent.condition) && productionBranch(parent) !== current) gated = true;
      current = parent;
    } else if (ts.isCallExpression(parent) && envHelperDefault(parent, current)) {
      fallback ??= { expression: parent, envName: (parent.arguments[0] as ts.StringLiteralLike).text };
      current = parent;
    } else if (!fallback && envSchemaDefault(current)) {
      // no fix: the default sits inside a schema, which the env read cannot replace; `outer` is the setting's schema
      const setting = schemaOfSetting(current);
      return { outer: setting, fallback: { expression: current, envName: envSchemaDefault(current), inSchema: true }, gated };
    } else {
      return { outer: current, fallback, gated };
    }
  }
}

/** `config/test.js`, `config/development.ts`, `env/local.js`: settings the app loads only outside production. */
const TEST_SETTINGS_FILE = /\/(config|configs|env|environments?)\/(test|testing)\.[cm]?[jt]s$/;
const ENVIRONMENT_CONFIG_FILE = /\/(config|configs|env|environments?)\/(test|testing|dev|development|local)\.[cm]?[jt]s$/;

/**
 * The literals the file refuses to run with: `if (isProduction && JWT_SECRET === 'change-me') throw …`
 * or `process.exit(1)`. A check that only warns leaves the app running with it. Read once per file.
 */
function refusedLiterals(ctx: RuleContext): ReadonlySet<string> {
  const refused = new Set<string>();
  for (const node of ctx.analysis.nodes) {
    if (!ts.isBinaryExpression(node) || !isEqualityOperator(node.operatorToken.kind)) continue;
    const literals = [unwrapExpression(node.left), unwrapExpression(node.right)].filter(ts.isStringLiteralLike);
    if (literals.length > 0 && refusesComparison(node)) for (const literal of literals) refused.add(literal.text);
  }
  return refused;
}

/** `if (isProduction && JWT_SECRET === 'dev') throw …`: a comparison whose `if` stops the app, refusing the literal rather than accepting it. */
/**
 * `const JWT_SECRET = process.env.JWT_SECRET || 'local-dev-secret'; if (JWT_SECRET === 'local-dev-secret') warn(…)`:
 * the variable compared with the default it was given, to tell whether it was set (the default itself is reported).
 */
function comparesOwnDefault(literal: ts.Expression, value: string): boolean {
  const comparison = literal.parent;
  if (!ts.isBinaryExpression(comparison)) return false;
  const other = unwrapExpression(comparison.left === literal ? comparison.right : comparison.left);
  const initializer = ts.isIdentifier(other) ? localInitializer(other) : undefined;
  if (!initializer) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) && node.text === value) found = true;
    else if (!found) ts.forEachChild(node, visit);
  };
  visit(initializer);
  return found;
}

function refusesComparison(comparison: ts.Node): boolean {
  let condition: ts.Node = comparison;
  while (ts.isBinaryExpression(condition.parent) || ts.isParenthesizedExpression(condition.parent) || ts.isPrefixUnaryExpression(condition.parent)) condition = condition.parent;
  const statement = condition.parent;
  return ts.isIfStatement(statement) && statement.expression === condition && refuses(statement.thenStatement);
}

function refuses(statement: ts.Statement): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isThrowStatement(node) || (ts.isCallExpression(node) && /^process\.exit$/.test(node.expression.getText()))) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

/** Where a compared credential comes from: what the client sent, the app's own configuration, or elsewhere (a stored user). */
function comparedSource(text: string): 'request' | 'config' | 'other' {
  if (/^(req|request|ctx)\b|\b(headers|body|query|params)\b/.test(text)) return 'request';
  return /^(process\.env|config|conf|cfg|settings|options|env|environment|appConfig|CONFIG|ENV)\b/.test(text) ? 'config' : 'other';
}

/**
 * The variable an env schema gives this literal as its default: `JWT_SECRET: z.string().min(16).default('literal')`
 * (zod, joi, yup), `JWT_SECRET: str({ default: 'literal' })` (envalid).
 */
function envSchemaDefault(literal: ts.Expression): string | undefined {
  // convict: `jwtSecret: { format: String, default: '…', env: 'JWT_SECRET' }`; a JSON schema of the
  // environment (`@fastify/env`): `properties: { JWT_SECRET: { type: 'string', default: '…' } }`
  const property = literal.parent;
  if (ts.isPropertyAssignment(property) && property.initializer === literal && propertyNameText(property.name) === 'default' && ts.isObjectLiteralExpression(property.parent)) {
    const env = propertyInitializer(property.parent, 'env');
    if (env && ts.isStringLiteralLike(env) && /^[A-Z][A-Z0-9_]*$/.test(env.text)) return env.text;
    const setting = property.parent.parent;
    const name = ts.isPropertyAssignment(setting) ? propertyNameText(setting.name) : undefined;
    // a number or boolean setting is no secret, whatever its name says (`SALT_ROUNDS_PASSWORD: { type: 'number' }`)
    const type = propertyInitializer(property.parent, 'type');
    if (name && /^[A-Z][A-Z0-9_]*$/.test(name) && type && ts.isStringLiteralLike(type) && type.text === 'string') return name;
  }
  const chain = schemaOfSetting(literal);
  const setting = chain.parent;
  const name = chain !== literal && ts.isPropertyAssignment(setting) && setting.initializer === chain ? propertyNameText(setting.name) : undefined;
  return name !== undefined && /^[A-Z][A-Z0-9_]*$/.test(name) ? name : undefined;
}

/** valibot's schemas taking a default as their second argument. */
const VALIBOT_DEFAULTS = /(^|\.)(optional|nullish|nullable|exactOptional|fallback)$/;

/** The whole schema of a setting a default literal sits in (`z.string().min(16).default('x').describe('…')`), else the literal. */
function schemaOfSetting(literal: ts.Expression): ts.Expression {
  const parent = literal.parent;
  let chain: ts.Expression | undefined;
  if (ts.isCallExpression(parent) && parent.arguments[0] === literal && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'default') chain = parent;
  else if (ts.isPropertyAssignment(parent) && parent.initializer === literal && propertyNameText(parent.name) === 'default' && ts.isObjectLiteralExpression(parent.parent) && ts.isCallExpression(parent.parent.parent)) chain = parent.parent.parent;
  // valibot: `v.optional(v.string(), 'literal')`, `fallback(string(), 'literal')`
  else if (ts.isCallExpression(parent) && parent.arguments[1] === literal && VALIBOT_DEFAULTS.test(calleeText(parent) ?? '')) chain = parent;
  if (!chain) return literal;
  for (;;) {
    const outer: ts.Node = chain.parent;
    if (ts.isPropertyAccessExpression(outer) && ts.isCallExpression(outer.parent) && outer.parent.expression === outer) chain = outer.parent;
    // `v.pipe(v.optional(v.string(), '…'), v.minLength(32))`
    else if (ts.isCallExpression(outer) && outer.arguments[0] === chain && /(^|\.)pipe$/.test(calleeText(outer) ?? '')) chain = outer;
    else return chain;
  }
}

/** `getEnvironmentString('JWT_SECRET', 'literal')`, `env('APP_KEY', 'literal')`: a project helper reading a variable, with its default. */
function envHelperDefault(call: ts.CallExpression, argument: ts.Expression): boolean {
  const name = memberPath(call.expression)?.join('.') ?? '';
  const variable = call.arguments[0];
  return call.arguments[1] === argument && variable !== undefined && ts.isStringLiteralLike(variable) && /^[A-Z][A-Z0-9_]*$/.test(variable.text) && /(^|\.)(get)?env/i.test(name);
}

/** The fix replaces the whole `process.env.X || 'literal'`, else the literal. */
function replaceTarget(literal: StringLiteralLike, position: Position): ts.Expression | undefined {
  if (position.fallback) return position.fallback.envName && !position.fallback.inSchema ? position.fallback.expression : undefined;
  return literal;
}

/** The name a value is given: variable, property, class field, parameter default, `x.y = …`, `app.set('name', …)`. */
function assignedName(value: ts.Expression): string | undefined {
  const parent = value.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === value) return ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  if (ts.isPropertyAssignment(parent) && parent.initializer === value) return propertyNameText(parent.name);
  if (ts.isPropertyDeclaration(parent) && parent.initializer === value) return propertyNameText(parent.name);
  if (ts.isParameter(parent) && parent.initializer === value) return ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  if (ts.isBindingElement(parent) && parent.initializer === value) return ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  if (ts.isBinaryExpression(parent) && parent.right === value && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return envReadName(parent.left) ?? operandName(parent.left)?.name;
  }
  if (ts.isArrayLiteralExpression(parent)) return assignedName(parent);
  if (ts.isCallExpression(parent) && parent.arguments.length === 2 && parent.arguments[1] === value) {
    const callee = unwrapExpression(parent.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'set' && ts.isStringLiteralLike(parent.arguments[0])) return parent.arguments[0].text;
  }
  return undefined;
}

/** The name an operand stands for: `password`, `user.password`, `req.headers['x-api-key']`, `req.get('x-api-key')`. */
function operandName(expression: ts.Expression): { name: string; text: string } | undefined {
  const value = unwrapExpression(expression);
  const text = value.getText();
  if (ts.isIdentifier(value)) return { name: value.text, text };
  if (ts.isPropertyAccessExpression(value)) return { name: value.name.text, text };
  if (ts.isElementAccessExpression(value) && ts.isStringLiteralLike(value.argumentExpression)) return { name: value.argumentExpression.text, text };
  if (ts.isCallExpression(value) && value.arguments.length === 1 && ts.isStringLiteralLike(value.arguments[0])) {
    const callee = memberPath(value.expression);
    const method = callee?.[callee.length - 1];
    if (method === 'get' || method === 'header' || method === 'getHeader') return { name: value.arguments[0].text, text };
  }
  return undefined;
}

/** Inside an `example:` / `examples:` value (OpenAPI and JSON-schema docs): sample data, not configuration. */
function insideExample(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isPropertyAssignment(current) && /^(x-)?(examples?|samples?)$/i.test(propertyNameText(current.name) ?? '')) return true;
    if (!ts.isObjectLiteralExpression(current) && !ts.isArrayLiteralExpression(current) && !ts.isPropertyAssignment(current) && !ts.isParenthesizedExpression(current) && !ts.isAsExpression(current) && !ts.isSatisfiesExpression(current)) {
      return false;
    }
  }
  return false;
}

/** `auth: { user: 'mailer', pass: '…' }` (nodemailer, mongoose, redis): `pass` is a password next to a user name. */
function isPasswordNextToUser(value: ts.Expression): boolean {
  const property = value.parent;
  if (!ts.isPropertyAssignment(property) || propertyNameText(property.name) !== 'pass' || !ts.isObjectLiteralExpression(property.parent)) return false;
  return property.parent.properties.some((sibling) => sibling.name !== undefined && /^(user|username|login)$/.test(propertyNameText(sibling.name) ?? ''));
}

/**
 * `password: process.env.DB_PASSWORD || 'postgres'` next to `user: process.env.DB_USER || 'postgres'`
 * and `host`: a local database's default login, as the literal form `{ user: 'root', password: 'root' }` is.
 */
function isLocalDatabaseDefault(value: ts.Expression, password: string): boolean {
  const property = value.parent;
  // `new Sequelize(db, process.env.DB_USER || 'root', process.env.DB_PASS || 'root', { host: 'localhost' })`
  if ((ts.isNewExpression(property) || ts.isCallExpression(property)) && property.arguments?.[2] === value && /(^|\.)Sequelize$/.test(memberPath(property.expression)?.join('.') ?? '')) {
    const options = property.arguments[3] ? unwrapExpression(property.arguments[3]) : undefined;
    const hostProperty = options && ts.isObjectLiteralExpression(options) ? propertyInitializer(options, 'host') : undefined;
    const host = hostProperty ? fallbackText(hostProperty) : 'localhost';
    return host !== undefined && LOCAL_HOST.test(host) && isDefaultDatabasePassword(password, fallbackText(property.arguments[1]));
  }
  if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.parent)) return false;
  let user: string | undefined;
  let database = false;
  let remote = false;
  for (const sibling of property.parent.properties) {
    if (!ts.isPropertyAssignment(sibling)) continue;
    // `host`, `databaseHost`, `DB_HOST`: the last word names the setting
    const words = nameWords(propertyNameText(sibling.name) ?? '');
    const last = words[words.length - 1] ?? '';
    const isHost = last === 'host' || last === 'hostname';
    if (isHost || /^(port|database|db|dialect)$/.test(last) || (last === 'name' && words.includes('db'))) database = true;
    if (last === 'user' || last === 'username') user = fallbackText(sibling.initializer);
    // a default that points at a deployed server is that server's login
    const host = isHost ? fallbackText(sibling.initializer) : undefined;
    if (host !== undefined && !LOCAL_HOST.test(host)) remote = true;
  }
  return database && !remote && user !== undefined && isDefaultDatabasePassword(password, user);
}

/** Hosts of a developer's machine or of a docker-compose service. */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|::1|host\.docker\.internal|db|database|postgres|postgresql|mysql|mariadb|mongo|mongodb|redis)$/;

/** `'postgres'` in `'postgres'` or `process.env.DB_USER || 'postgres'`. */
function fallbackText(expression: ts.Expression): string | undefined {
  const value = unwrapExpression(expression);
  return stringValue(unwrapExpression(isFallbackExpression(value) ? value.right : value)) ?? schemaDefaultText(value);
}

/** `z.string().default('localhost')`, `str({ default: 'localhost' })`: the default an env schema gives a setting. */
function schemaDefaultText(expression: ts.Expression): string | undefined {
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isStringLiteralLike(node) && envSchemaDefault(node) !== undefined) found = node.text;
    else ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

/** `if (password === 'literal')`, `req.headers['x-api-key'] !== 'literal'`. */
function comparedName(value: ts.Expression): { name: string; text: string } | undefined {
  const parent = value.parent;
  if (!ts.isBinaryExpression(parent)) return undefined;
  const operator = parent.operatorToken.kind;
  if (
    operator !== ts.SyntaxKind.EqualsEqualsEqualsToken &&
    operator !== ts.SyntaxKind.ExclamationEqualsEqualsToken &&
    operator !== ts.SyntaxKind.EqualsEqualsToken &&
    operator !== ts.SyntaxKind.ExclamationEqualsToken
  ) {
    return undefined;
  }
  const other = parent.left === value ? parent.right : parent.left;
  if (ts.isTypeOfExpression(unwrapExpression(other))) return undefined;
  return operandName(other);
}

/** `Bearer 3f9a…`, `Basic dXNlcjpwYXNz…` with a generated-looking credential. */
function authorizationCredential(value: string): boolean {
  const match = /^(Bearer|Token|Basic)\s+(\S+)$/i.exec(value);
  if (!match) return false;
  if (match[1].toLowerCase() === 'basic') {
    // `Basic dXNlcm5hbWU6cGFzc3dvcmQ=` is base64 of `username:password`
    const decoded = Buffer.from(match[2], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) return false;
    const password = decoded.slice(separator + 1);
    return password.length >= 6 && !isPlaceholder(password) && !isDefaultDatabasePassword(password, decoded.slice(0, separator));
  }
  return looksGenerated(match[2]);
}

/** Words that name a container, not what the secret is for. */
const CONTAINER_WORDS = new Set(['config', 'configuration', 'options', 'opts', 'settings', 'env', 'environment', 'secrets', 'credentials', 'creds', 'keys', 'params', 'data', 'default', 'defaults', 'app', 'auth', 'headers']);

/** Callees whose options describe a database / mail / cache connection. */
const OWNER_PREFIXES: [RegExp, string][] = [
  [/^(Pool|Client|createPool|createConnection|Sequelize|knex|Knex|DataSource|createClient|MongoClient|connect|Redis|PrismaClient)$/, 'DB'],
  [/^(createTransport|createTransporter)$/, 'SMTP'],
  [/^(session|expressSession|cookieSession)$/, 'SESSION'],
];

/** The env variable name for a secret-named value: `jwtSecret` → JWT_SECRET; `{ db: { password } }` → DB_PASSWORD. */
function envNameFor(name: string, value: ts.Expression): string {
  // header names: `x-api-key` → API_KEY
  const words = nameWords(name).filter((word, index) => !(index === 0 && word === 'x'));
  if (words.length > 1) return words.join('_').toUpperCase();
  const prefix = ownerPrefix(value) ?? filePrefix(value.getSourceFile().fileName);
  const base = words.map((word) => (word === 'pass' || word === 'pwd' ? 'password' : word)).join('_');
  return (prefix ? `${prefix}_${base}` : base).toUpperCase() || 'SECRET';
}

/** What the object holding a property is for: the enclosing property or variable name, or the callee it is passed to. */
function ownerPrefix(value: ts.Expression): string | undefined {
  let node: ts.Node = value.parent;
  for (let depth = 0; depth < 4 && node; depth++) {
    if (ts.isObjectLiteralExpression(node)) {
      const owner = node.parent;
      let name: string | undefined;
      if (ts.isPropertyAssignment(owner)) name = propertyNameText(owner.name);
      else if (ts.isVariableDeclaration(owner) && ts.isIdentifier(owner.name)) name = owner.name.text;
      else if ((ts.isCallExpression(owner) || ts.isNewExpression(owner)) && owner.arguments?.includes(node)) {
        const callee = memberPath(owner.expression);
        const last = callee?.[callee.length - 1];
        for (const [pattern, prefix] of OWNER_PREFIXES) if (last && pattern.test(last)) return prefix;
      }
      const meaningful = name ? nameWords(name).filter((word) => !CONTAINER_WORDS.has(word)) : [];
      if (meaningful.length > 0) return meaningful.join('_');
      node = owner;
      continue;
    }
    node = node.parent;
  }
  return undefined;
}

/** `auth.config.js` → AUTH, `db.config.ts` → DB: what a config file is about, for its single-word settings. */
function filePrefix(fileName: string): string | undefined {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).replace(/\.[cm]?[jt]sx?$/, '');
  const words = nameWords(base).filter((word) => !/^(index|config|configuration|settings|env|environment|constants?|keys|secrets?|default|defaults)$/.test(word));
  return words.length > 0 && words.length <= 2 ? words.join('_') : undefined;
}

function upperSnakeName(name: string | undefined): string | undefined {
  return name && /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(name) ? name : undefined;
}

function urlEnvName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (!/^(url|uri|dsn)$/.test(last ?? '') || words.length < 2) return undefined;
  return words.join('_').toUpperCase();
}

export default rule;
