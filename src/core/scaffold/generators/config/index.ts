import { z } from 'zod';
import { defineGenerator, type GeneratorContext } from '../types';
import {
  BASE_ENV_VARS,
  configIsParsedEnv,
  ensureEnvExampleLine,
  findConfigModule,
  findEnvSchemaObject,
  newConfigModulePath,
  propertyNames,
  type EnvVarSpec,
} from './env';

export { ensureEnvVar, findConfigModule, KNOWN_ENV_VARS, type ConfigModule, type EnvVarSpec } from './env';

const options = z.object({});

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

export function zodRange(context: GeneratorContext): string {
  return context.flavour.zodMajor === 3 ? '^3.25.76' : '^4.1.0';
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
  generate(context) {
    const existing = findConfigModule(context);
    if (existing) {
      describeExisting(context, existing.path, existing.relative);
      return;
    }
    const relative = newConfigModulePath(context);
    context.writeFile(relative, context.render('config/config.ts.ejs', { vars: BASE_ENV_VARS }));
    for (const [name, spec] of BASE_ENV_VARS) ensureEnvExampleLine(context, name, spec);
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
