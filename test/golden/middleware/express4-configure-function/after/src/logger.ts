import { pino, type LoggerOptions } from 'pino';
import { config } from './config';

/** Pretty output in development when pino-pretty is installed (it is optional); JSON lines otherwise. */
function prettyTransport(): LoggerOptions['transport'] {
  if (config.NODE_ENV !== 'development') return undefined;
  try {
    require.resolve('pino-pretty');
    return { target: 'pino-pretty', options: { colorize: true } };
  } catch {
    return undefined;
  }
}

export const loggerOptions: LoggerOptions = {
  level: config.LOG_LEVEL,
  // Quiet under the test runner; set NODE_ENV to something else to see the logs there.
  enabled: config.NODE_ENV !== 'test',
  transport: prettyTransport(),
  redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
};

export const logger = pino(loggerOptions);
