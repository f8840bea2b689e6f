import type { Application } from 'express';
import configureHttp from './http';

export default async ({ server }: { server: Application }) => {
  await Promise.resolve();
  configureHttp({ app: server });
};
