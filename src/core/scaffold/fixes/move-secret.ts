import { z } from 'zod';
import { relativePath } from '../../model/paths';
import { ScaffoldRefusalError } from '../errors';
import { AUTH_ENV_VARS } from '../generators/auth/env';
import { ensureEnvVar, findConfigModule, KNOWN_ENV_VARS, type EnvVarSpec } from '../generators/config/env';
import { mapOffset } from '../generators/error-handler/app-target';
import { ensureProjectImport } from '../generators/route/editing';
import { defineGenerator, type GeneratorContext } from '../generators/types';

/**
 * The `hardcoded-secret` quick fix on the generators' side (not a palette generator: it is
 * reached by id through the lint ScaffoldBridge only): the variable joins the project's zod env
 * schema and `.env.example` (`ensureEnvVar`, which runs the `config` generator when the project has
 * no config module), and the secret in the file becomes `config.NAME`.
 */

export const MOVE_SECRET_GENERATOR_ID = 'move-secret-to-config';

const options = z.object({
  file: z.string().min(1).describe('Absolute path of the file holding the secret'),
  start: z.number().int().nonnegative().describe('Offset of the expression to replace'),
  end: z.number().int().positive().describe('End offset of the expression to replace'),
  expected: z.string().min(1).describe('The text between start and end, as the finding saw it'),
  name: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/, 'an environment variable name such as JWT_SECRET')
    .describe('The environment variable the secret moves to'),
});

type MoveSecretOptions = z.output<typeof options>;

/** Secrets other generators know keep their schema (auth's JWT secrets need 32 characters). */
const SECRET_SPECS = new Map<string, EnvVarSpec>([...AUTH_ENV_VARS, ...Object.entries(KNOWN_ENV_VARS)]);

function specFor(name: string): EnvVarSpec {
  // `.env.example` never gets the value: it is the secret being moved out of the code.
  return SECRET_SPECS.get(name) ?? { schema: 'z.string().min(1)', example: '', description: `${name}: a secret; set it in the environment, never in code` };
}

function moveSecret(context: GeneratorContext, values: MoveSecretOptions): void {
  const file = values.file;
  const relative = relativePath(context.root, file);
  if (!/\.[cm]?tsx?$/.test(file)) {
    throw new ScaffoldRefusalError(file, `${relative} is not a TypeScript file; the config module is imported from TypeScript only.`);
  }
  const existing = findConfigModule(context);
  if (existing && existing.path === file) {
    // `config.NAME` inside the module that defines `config` would read itself.
    throw new ScaffoldRefusalError(file, `The secret is in the config module ${relative} itself.`);
  }
  const before = context.ast().getSourceFile(file).getFullText();
  if (before.slice(values.start, values.end) !== values.expected) {
    throw new ScaffoldRefusalError(file, `${relative} changed since it was checked; run the fix again.`);
  }

  const module = ensureEnvVar(context, values.name, specFor(values.name));
  const sourceFile = context.ast().getSourceFile(file);
  const local = ensureProjectImport(context, sourceFile, module.relative, ['config']).config ?? 'config';
  // The import went in above the secret: find the expression again in the edited text.
  const after = sourceFile.getFullText();
  const start = mapOffset(before, after, values.start);
  if (start === undefined || after.slice(start, start + values.expected.length) !== values.expected) {
    throw new ScaffoldRefusalError(file, `Cannot find the secret in ${relative} again after importing the config.`);
  }
  sourceFile.replaceText([start, start + values.expected.length], `${local}.${values.name}`);
  context.note(`${values.name} is read from ${module.relative} now; set it in the environment (.env.example lists it, without a value).`);
}

export const moveSecretGenerator = defineGenerator({
  meta: {
    id: MOVE_SECRET_GENERATOR_ID,
    title: 'Move Secret to Config',
    description: 'Moves a hardcoded secret into the zod env config module and .env.example (the hardcoded-secret quick fix).',
    frameworks: ['express', 'fastify'],
    options,
  },
  generate(context, values) {
    moveSecret(context, values);
  },
});
