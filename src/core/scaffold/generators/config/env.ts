import { Node, SyntaxKind, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { applyEdits } from '../../../model/edit';
import { joinPath, relativePath } from '../../../model/paths';
import { ScaffoldRefusalError } from '../../errors';
import { eolOf, quoteString, type FormattingStyle } from '../../formatting';
import { commaListInsertions } from '../../transforms/comma-list';
import { discoverSourceFiles } from '../../source-files';
import { formattingOf } from '../../transforms/file-style';
import type { GeneratorContext } from '../types';

/** One environment variable: its zod schema (canonical style: single quotes) and its `.env.example` line. */
export interface EnvVarSpec {
  /** zod expression text, e.g. `z.coerce.number().int().positive().default(100)`. */
  schema: string;
  /** Value written to `.env.example`; empty for secrets (never a real secret there). */
  example: string;
  /** Comment line above it in `.env.example`. */
  description?: string;
}

const BOOLEAN_FALSE = "z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1')";

/** The variables the generated config module starts with, in order. Other generators add theirs with `ensureEnvVar`. */
export const BASE_ENV_VARS: ReadonlyArray<readonly [string, EnvVarSpec]> = [
  ['NODE_ENV', { schema: "z.enum(['development', 'test', 'production']).default('development')", example: 'development', description: 'development | test | production' }],
  ['HOST', { schema: "z.string().min(1).default('0.0.0.0')", example: '0.0.0.0', description: 'Interface and port the server listens on' }],
  ['PORT', { schema: 'z.coerce.number().int().min(0).max(65535).default(3000)', example: '3000' }],
  ['LOG_LEVEL', { schema: "z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')", example: 'info', description: 'fatal | error | warn | info | debug | trace | silent' }],
  ['TRUST_PROXY', { schema: BOOLEAN_FALSE, example: 'false', description: 'true behind a reverse proxy / load balancer (client IPs from X-Forwarded-For)' }],
  ['BODY_LIMIT_BYTES', { schema: 'z.coerce.number().int().positive().default(1048576)', example: '1048576', description: 'Largest accepted request body' }],
  ['SHUTDOWN_TIMEOUT_MS', { schema: 'z.coerce.number().int().positive().default(10000)', example: '10000', description: 'How long a graceful shutdown may take before the process exits anyway' }],
];

/** Variables other generators of this folder need (middleware kinds); keyed by name. */
export const KNOWN_ENV_VARS: Readonly<Record<string, EnvVarSpec>> = {
  ...Object.fromEntries(BASE_ENV_VARS),
  CORS_ORIGINS: {
    schema:
      "z.string().default('http://localhost:3000').transform((value) => value.split(',').map((origin) => origin.trim()).filter((origin) => origin.length > 0))",
    example: 'http://localhost:3000',
    description: 'Comma-separated origins allowed by CORS',
  },
  RATE_LIMIT_MAX: { schema: 'z.coerce.number().int().positive().default(100)', example: '100', description: 'Requests per client and window' },
  RATE_LIMIT_WINDOW_MS: { schema: 'z.coerce.number().int().positive().default(60000)', example: '60000' },
};

/** Where a config module may live, most common first. */
const CONFIG_MODULE_CANDIDATES = ['src/config.ts', 'src/config/index.ts', 'src/config/config.ts', 'src/config/env.ts', 'src/env.ts', 'src/config.mts', 'src/config.cts'];

export interface ConfigModule {
  /** Absolute path. */
  path: string;
  /** Relative to the project root. */
  relative: string;
}

/** The project's config module, if it has one. */
export function findConfigModule(context: GeneratorContext): ConfigModule | undefined {
  for (const relative of CONFIG_MODULE_CANDIDATES) {
    const path = joinPath(context.root, relative);
    if (context.tree.exists(path)) return { path, relative };
  }
  return undefined;
}

/** A module of the project's own that parses the environment (not in Routewise's `export const config` shape). */
export interface EnvModule extends ConfigModule {
  /** The exported name of the parsed environment (`env`). */
  exportName: string;
  /** `zod` (a schema parsing process.env) or `envalid` (cleanEnv). */
  kind: 'zod' | 'envalid';
  /** The variables it declares (the keys of its schema object). */
  variables: string[];
}

const ENV_PARSE = /\.(?:safeParse|parse)\(\s*process\.env\s*\)|\bcleanEnv\(\s*process\.env\b/;

/**
 * The project's own environment module (`src/common/utils/envConfig.ts` exporting `env` from a
 * zod schema over process.env, or from envalid's cleanEnv), found among its source files; so a
 * second config module is not created beside it without saying so.
 */
export function findEnvModule(context: GeneratorContext): EnvModule | undefined {
  for (const path of discoverSourceFiles(context.root, context.tree.host, 400)) {
    if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(path)) continue;
    const text = context.tree.read(path);
    if (text === undefined || !ENV_PARSE.test(text)) continue;
    const sourceFile = context.ast().getSourceFile(path);
    const kind = /\bcleanEnv\(/.test(text) ? 'envalid' : 'zod';
    const exported = sourceFile.getVariableStatements().filter((statement) => statement.isExported()).flatMap((statement) => statement.getDeclarations());
    const declaration = exported.find((candidate) => /^(env|config|environment)$/i.test(candidate.getName())) ?? exported[0];
    if (!declaration) continue;
    const object = kind === 'zod' ? findEnvSchemaObject(sourceFile) : envalidSpecObject(declaration.getInitializer());
    return { path, relative: relativePath(context.root, path), exportName: declaration.getName(), kind, variables: object ? propertyNames(object) : [] };
  }
  return undefined;
}

function envalidSpecObject(initializer: Node | undefined): ObjectLiteralExpression | undefined {
  if (!initializer || !Node.isCallExpression(initializer)) return undefined;
  const argument = initializer.getArguments()[1];
  return argument && Node.isObjectLiteralExpression(argument) ? argument : undefined;
}

/** Where a new config module goes: next to an existing `src/config/` folder's files, else `src/config.ts`. */
export function newConfigModulePath(context: GeneratorContext): string {
  const folder = joinPath(context.root, 'src/config');
  return context.tree.host.directoryExists(folder) ? 'src/config/index.ts' : 'src/config.ts';
}

/**
 * The object literal of the env schema: the argument of a `z.object({…})` bound to a top-level
 * variable (the one named like `EnvSchema` / `env` / `schema` when there are several).
 */
export function findEnvSchemaObject(sourceFile: SourceFile): ObjectLiteralExpression | undefined {
  const candidates: { name: string; object: ObjectLiteralExpression }[] = [];
  for (const statement of sourceFile.getVariableStatements()) {
    for (const declaration of statement.getDeclarations()) {
      const object = zodObjectLiteral(declaration.getInitializer());
      if (object) candidates.push({ name: declaration.getName(), object });
    }
  }
  return (candidates.find((candidate) => /env|schema|config/i.test(candidate.name)) ?? candidates[0])?.object;
}

function zodObjectLiteral(expression: Node | undefined): ObjectLiteralExpression | undefined {
  // Look through chains such as z.object({…}).strict() / .superRefine(…).
  let current = expression;
  while (current && Node.isCallExpression(current)) {
    const callee = current.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'object' && Node.isIdentifier(callee.getExpression())) {
      const argument = current.getArguments()[0];
      return argument && Node.isObjectLiteralExpression(argument) ? argument : undefined;
    }
    current = Node.isPropertyAccessExpression(callee) ? callee.getExpression() : undefined;
  }
  return undefined;
}

/**
 * Whether the exported `config` is the parsed env object itself (`loadConfig(process.env)`,
 * `EnvSchema.parse(process.env)`), so `config.NAME` reads the variable `NAME`. A config that maps
 * variables to other names (`{ port: env.PORT }`) is the user's design, which we do not guess.
 */
export function configIsParsedEnv(sourceFile: SourceFile): boolean {
  const declaration = sourceFile.getVariableDeclaration('config');
  if (!declaration || !declaration.isExported()) return false;
  const initializer = declaration.getInitializer();
  return initializer !== undefined && Node.isCallExpression(initializer);
}

export function propertyNames(object: ObjectLiteralExpression): string[] {
  return object.getProperties().map((property) => (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) ? property.getName().replace(/^['"]|['"]$/g, '') : ''));
}

function requote(code: string, style: FormattingStyle): string {
  return style.quote === 'single' ? code : code.replace(/'([^'\\]*)'/g, (_match, value: string) => quoteString(value, 'double'));
}

/** The project's config module exists but has no zod env schema to extend (a variable must be added by hand). */
export class ConfigNotExtensibleError extends ScaffoldRefusalError {}

/**
 * Makes `name` part of the project's config: a property of the zod env schema in the config module
 * (created by the `config` generator when there is none) and a line in `.env.example`.
 * Idempotent. Refuses when the config module has no zod env schema Routewise can extend, saying
 * what to add by hand. Returns the config module, for imports of `config`.
 */
export function ensureEnvVar(context: GeneratorContext, name: string, spec: EnvVarSpec): ConfigModule {
  let module = findConfigModule(context);
  if (!module) {
    context.invoke('config', { alongside: true });
    module = findConfigModule(context);
    if (!module) throw new Error('The config generator did not create a config module');
  }
  const sourceFile = context.ast().getSourceFile(module.path);
  const object = findEnvSchemaObject(sourceFile);
  if (!object || !configIsParsedEnv(sourceFile)) {
    throw new ConfigNotExtensibleError(
      module.path,
      `${module.relative} is not a config module Routewise can extend (it needs a zod env schema, z.object({ … }), and \`export const config\` = the parsed environment). ` +
        `Add ${name} (${spec.schema}) to your configuration and to .env.example, or move your config to that shape, then run the command again. Nothing was changed.`,
    );
  }
  if (!propertyNames(object).includes(name)) {
    const style = formattingOf(sourceFile);
    const text = sourceFile.getFullText();
    const edits = commaListInsertions(
      {
        text,
        open: object.getStart() + 1,
        close: object.getEnd() - 1,
        items: object.getProperties().map((property) => ({
          start: property.getStart(),
          end: property.getEnd(),
          key: propertyNames(object)[object.getProperties().indexOf(property)] ?? '',
          isRest: property.getKind() === SyntaxKind.SpreadAssignment,
        })),
      },
      [{ text: `${name}: ${requote(spec.schema, style)}`, key: name }],
      { eol: style.eol, bracketSpacing: style.bracketSpacing },
    );
    sourceFile.replaceWithText(applyEdits(text, edits));
  }
  ensureEnvExampleLine(context, name, spec);
  return module;
}

/** Adds `NAME=example` (with its comment) to `.env.example` unless the variable is already listed. */
export function ensureEnvExampleLine(context: GeneratorContext, name: string, spec: EnvVarSpec): void {
  const path = joinPath(context.root, '.env.example');
  const existing = context.tree.read(path);
  if (existing !== undefined && new RegExp(`^\\s*#?\\s*(export\\s+)?${name}\\s*=`, 'm').test(existing)) return;
  const eol = existing !== undefined ? eolOf(existing) : context.style.eol;
  const lines = [...(spec.description ? [`# ${spec.description}`] : []), `${name}=${spec.example}`];
  if (existing === undefined) {
    context.tree.write(path, [ENV_EXAMPLE_HEADER, ...lines, ''].join(eol));
    return;
  }
  const separator = existing.length === 0 || existing.endsWith('\n') ? '' : eol;
  context.tree.write(path, `${existing}${separator}${lines.join(eol)}${eol}`);
}

export const ENV_EXAMPLE_HEADER = '# Copy to .env (never commit .env) and adjust. Every variable the app reads is listed here; secrets stay empty.';
