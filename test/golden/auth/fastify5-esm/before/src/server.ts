import app from './app.js';

await app.listen({ port: 3000 });
