import { buildApp } from './app';

buildApp()
  .then((app) => app.listen({ port: 3000 }))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
