import { createApp } from './app.js';
import { config } from './config.js';
import { logger } from './logger.js';

const app = createApp();

const server = app.listen(config.PORT, config.HOST, (error?: Error) => {
  if (error) {
    logger.fatal({ err: error }, 'Could not start the server');
    process.exit(1);
  }
  logger.info(`Listening on http://${config.HOST}:${config.PORT} (${config.NODE_ENV})`);
});

/** Stops taking connections, lets requests in flight finish, and exits; forced after SHUTDOWN_TIMEOUT_MS. */
function shutdown(signal: NodeJS.Signals): void {
  logger.info(`${signal} received, shutting down`);
  const timer = setTimeout(() => {
    logger.error('Graceful shutdown timed out, exiting');
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS);
  timer.unref();
  server.close((error) => {
    if (error) logger.error({ err: error }, 'Error while closing the server');
    process.exit(error ? 1 : 0);
  });
  server.closeIdleConnections();
}

process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
