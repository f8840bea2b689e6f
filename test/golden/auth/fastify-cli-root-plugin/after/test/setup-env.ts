import { randomBytes } from 'node:crypto'

/**
 * Loaded by the test runner before every test file: the app's config needs its JWT secrets at
 * start-up, and each test run gets fresh random ones instead of values written down anywhere.
 */
for (const name of ['JWT_SECRET', 'JWT_REFRESH_SECRET']) {
  process.env[name] ??= randomBytes(48).toString('base64url')
}
