import { buildApp } from './app.js';
import { config } from './config.js';

async function main(): Promise<void> {
  const app = await buildApp();

  /** Stops taking connections, lets requests in flight finish, and exits; forced after SHUTDOWN_TIMEOUT_MS. */
  const shutdown = (signal: NodeJS.Signals): void => {
    app.log.info(`${signal} received, shutting down`);
    const timer = setTimeout(() => {
      app.log.error('Graceful shutdown timed out, exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'Error while closing the server');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  console.error('Could not start the server', error);
  process.exit(1);
});
