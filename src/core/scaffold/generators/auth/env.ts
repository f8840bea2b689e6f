import { ensureEnvVar, KNOWN_ENV_VARS, type ConfigModule, type EnvVarSpec } from '../config/env';
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
  // NODE_ENV decides the password-hashing cost (cheap under test).
  let module = ensureEnvVar(context, 'NODE_ENV', KNOWN_ENV_VARS.NODE_ENV);
  for (const [name, spec] of AUTH_ENV_VARS) module = ensureEnvVar(context, name, spec);
  return module;
}
