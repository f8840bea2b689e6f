import 'dotenv/config';

export const config = {
  env: process.env.NODE_ENV ?? 'development',
  port: Number(process.env.PORT ?? 3000),
  bcryptRounds: Number(process.env.BCRYPT_ROUNDS ?? 12),
  tokenTtlSeconds: Number(process.env.TOKEN_TTL_SECONDS ?? 3600),
};
