import { z } from 'zod';

const EnvSchema = z.object({
  CORS_ORIGINS: z.string().default('http://localhost:3000').transform((value) => value.split(',').map((origin) => origin.trim()).filter((origin) => origin.length > 0)),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().default(8080),
});

export const config = EnvSchema.parse(process.env);
