import app from './app';
import { config } from './config';

const server = app.listen(config.port, () => {
  console.log(`acme-orders-api listening on http://localhost:${config.port} (${config.env})`);
});

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});
