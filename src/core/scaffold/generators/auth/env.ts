import { ConfigNotExtensibleError, ensureEnvVar, findConfigModule, KNOWN_ENV_VARS, type ConfigModule, type EnvVarSpec } from '../config/env';
import type { GeneratorContext } from '../types';

const DURATION = "z.string().regex(/^\\d+[smhd]$/, 'a duration such as 15m, 12h or 7d')";

/** The variables auth adds to the config schema and .env.example (secrets without a value there). */
export const AUTH_ENV_VARS: ReadonlyArray<readonly [string, EnvVarSpec]> = [
  [
    'JWT_SECRET',
    {
      schema: "z.string().min(32, 'must be at least 32 characters (openssl rand -base64 48)')",
      example: '',
      description: 'Signs access tokens (HS256); at least 32 random characters: openssl rand -base64 48',
    },
  ],
  [
    'JWT_REFRESH_SECRET',
    {
      schema: "z.string().min(32, 'must be at least 32 characters (openssl rand -base64 48)')",
      example: '',
      description: 'Signs refresh tokens; another value than JWT_SECRET',
    },
  ],
  ['JWT_ACCESS_TTL', { schema: `${DURATION}.default('15m')`, example: '15m', description: 'Access token lifetime: a number and s, m, h or d' }],
  ['JWT_REFRESH_TTL', { schema: `${DURATION}.default('7d')`, example: '7d', description: 'Refresh token lifetime' }],
];

/** Adds auth's variables to the project's config; returns the config module (for imports of `config`). */
export function ensureAuthEnv(context: GeneratorContext): ConfigModule {
  try {
    // NODE_ENV decides the password-hashing cost (cheap under test).
    let module = ensureEnvVar(context, 'NODE_ENV', KNOWN_ENV_VARS.NODE_ENV);
    for (const [name, spec] of AUTH_ENV_VARS) module = ensureEnvVar(context, name, spec);
    return module;
  } catch (error) {
    if (!(error instanceof ConfigNotExtensibleError)) throw error;
    // Say everything auth needs at once, not one variable per attempt.
    const relative = findConfigModule(context)?.relative ?? 'The config module';
    const wanted = [['NODE_ENV', KNOWN_ENV_VARS.NODE_ENV] as const, ...AUTH_ENV_VARS].map(([name, spec]) => `${name}: ${spec.schema}`);
    throw new ConfigNotExtensibleError(
      error.path,
      `${relative} is not a config module Routewise can extend (auth reads its settings from \`export const config\` parsed from a zod env schema, z.object({ … }), with properties named after the variables). ` +
        `Move your config to that shape with these variables (and list them in .env.example), then run the command again: ${wanted.join('; ')}. Nothing was changed.`,
    );
  }
}
