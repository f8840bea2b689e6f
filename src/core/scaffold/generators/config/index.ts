import { z } from 'zod';
import { ScaffoldError } from '../../errors';
import { zodRangeFor } from '../flavour';
import { tsVersionAtLeast } from '../typescript-version';
import { defineGenerator, type GeneratorContext } from '../types';
import {
  BASE_ENV_VARS,
  configIsParsedEnv,
  ensureEnvExampleLine,
  findConfigModule,
  findEnvModule,
  findEnvSchemaObject,
  newConfigModulePath,
  propertyNames,
  type EnvVarSpec,
} from './env';

export { ensureEnvVar, findConfigModule, KNOWN_ENV_VARS, type ConfigModule, type EnvVarSpec } from './env';

const options = z.object({
  alongside: z
    .boolean()
    .default(false)
    .describe('Create the config module even when the project already parses its environment in a module of its own (then without the variables that one declares)'),
});

/**
 * Adds a dependency the generated code needs unless the project already declares it: its range
 * is the user's choice (the code we generate works with any version of the detected major).
 */
export function requireDependency(context: GeneratorContext, name: string, range: string, dev = false): void {
  if (!(name in context.project.dependencies)) context.addDependency(name, range, dev);
}

/** Generated modules use Node's types (process.env, node:http, node:crypto, timers). */
export function ensureNodeTypes(context: GeneratorContext): void {
  requireDependency(context, '@types/node', '^20.19.0', true);
}

/**
 * The zod range generated code needs (zod 3 for TypeScript older than 5.5, whose compiler cannot
 * read zod 4's declarations). TypeScript older than 4.0 cannot read any zod 3.20+ declarations
 * either: refused, unless the project brings its own zod.
 */
export function zodRange(context: GeneratorContext): string {
  const declared = context.project.dependencies.zod;
  if (declared === undefined && !tsVersionAtLeast(context.flavour.typescriptVersion, '4.0')) {
    throw new ScaffoldError(
      `This project compiles with TypeScript ${context.flavour.typescriptVersion ?? ''}; the zod versions generated code uses need TypeScript 4.0 or later (zod 4: 5.5). Upgrade TypeScript, then run the command again. Nothing was changed.`,
    );
  }
  return zodRangeFor(context.flavour);
}

/**
 * `src/config.ts` (or `src/config/index.ts` beside an existing config folder): a zod env schema,
 * `loadConfig` that fails fast with every problem listed, `export const config`; `.env.example` in
 * step. An existing config module is never overwritten: the notes say what to add to it.
 */
export const configGenerator = defineGenerator({
  meta: {
    id: 'config',
    title: 'Add Environment Config…',
    description: 'A zod-validated environment config module (fails fast at start) and .env.example.',
    frameworks: ['express', 'fastify'],
    options,
  },
  generate(context, { alongside }) {
    const existing = findConfigModule(context);
    if (existing) {
      describeExisting(context, existing.path, existing.relative);
      return;
    }
    const envModule = findEnvModule(context);
    if (envModule && !alongside) {
      const absent = BASE_ENV_VARS.filter(([name]) => !envModule.variables.includes(name));
      context.note(
        `${envModule.relative} already parses the environment (${envModule.kind === 'zod' ? 'a zod schema over process.env' : "envalid's cleanEnv"}, exported as \`${envModule.exportName}\`); no second config module was created. ` +
          (absent.length > 0 ? `Variables Routewise's config has that it does not: ${absent.map(([name, spec]) => `${name} (${spec.schema})`).join('; ')}. ` : '') +
          'Run with --alongside to create src/config.ts anyway.',
      );
      return;
    }
    const relative = newConfigModulePath(context);
    // Beside the project's own env module it starts with NODE_ENV only (auth and logging read it): the generators that need more add theirs.
    const vars = envModule ? BASE_ENV_VARS.filter(([name]) => name === 'NODE_ENV') : BASE_ENV_VARS;
    context.writeFile(relative, context.render('config/config.ts.ejs', { vars }));
    for (const [name, spec] of vars) ensureEnvExampleLine(context, name, spec);
    if (envModule) {
      context.note(
        `${envModule.relative} already parses the environment (exported as \`${envModule.exportName}\`), but Routewise generators extend only a module exporting \`config\` parsed from a zod env schema: ${relative} was created for the variables they read (\`config.NAME\`). Merge the two when convenient.`,
      );
    }
    requireDependency(context, 'zod', zodRange(context));
    ensureNodeTypes(context);
    context.note(`Created ${relative}: import { config } from it; the process stops at start-up when the environment is invalid. Variables are listed in .env.example.`);
  },
});

function describeExisting(context: GeneratorContext, path: string, relative: string): void {
  const sourceFile = context.ast().getSourceFile(path);
  const object = findEnvSchemaObject(sourceFile);
  const missing = (present: readonly string[]): (readonly [string, EnvVarSpec])[] => BASE_ENV_VARS.filter(([name]) => !present.includes(name));
  if (object && configIsParsedEnv(sourceFile)) {
    const absent = missing(propertyNames(object));
    if (absent.length === 0) return;
    context.note(
      `${relative} already exists and was left as is. Consider adding to its schema: ${absent.map(([name, spec]) => `${name}: ${spec.schema}`).join('; ')}.`,
    );
    return;
  }
  context.note(
    `${relative} already exists and was left as is; Routewise generators read settings from \`export const config\` parsed from a zod env schema (z.object({ … })), ` +
      `with properties named after the variables (${BASE_ENV_VARS.map(([name]) => name).join(', ')}). Move your config to that shape to let generators extend it.`,
  );
}
