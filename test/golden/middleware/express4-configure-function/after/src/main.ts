import express from 'express';
import setup from './setup';

async function start() {
  const app = express();
  await setup({ server: app });
  app.listen(Number(process.env.PORT ?? 3000));
}

void start();
