import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';
import { config } from './config.js';

/** Pretty output in development when pino-pretty is installed (it is optional); JSON lines otherwise. */
function prettyTransport(): { target: string; options: { colorize: boolean } } | undefined {
  if (config.NODE_ENV !== 'development') return undefined;
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return { target: 'pino-pretty', options: { colorize: true } };
  } catch {
    return undefined;
  }
}

/** Fastify's logger (pino): one line per request, tagged with the request id. */
export const loggerOptions: FastifyServerOptions['logger'] = {
  level: config.LOG_LEVEL,
  // Quiet under the test runner; set NODE_ENV to something else to see the logs there.
  enabled: config.NODE_ENV !== 'test',
  transport: prettyTransport(),
  redact: ['req.headers.authorization', 'req.headers.cookie'],
};
