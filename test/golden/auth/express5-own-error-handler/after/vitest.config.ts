import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Sets up the environment the app needs under test (JWT secrets).
    setupFiles: ['./test/setup-env.ts'],
  },
});
