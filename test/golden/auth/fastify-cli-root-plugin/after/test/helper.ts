import * as path from 'node:path'
import * as test from 'node:test'
const helper = require('fastify-cli/helper.js')

export type TestContext = {
  after: typeof test.after
}

const appPath = path.join(__dirname, '..', 'src', 'app.ts')

// Builds the app the way `fastify start` does, closed after the test
async function build (t: TestContext) {
  const app = await helper.build([appPath], { skipOverride: true })
  t.after(() => void app.close())
  return app
}

export { build }
