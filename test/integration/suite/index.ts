/**
 * Entry point that the extension host loads for the integration tests (compiled by prepare.ts to
 * out/integration/suite/index.js): runs every *.test.js beside it with mocha.
 *
 * Env (read in the extension host): ROUTEWISE_IT_GREP (mocha grep); ROUTEWISE_IT_LOG_FILE (also
 * append the reporter's output there, uncoloured: run-code-server.ts prints it, since a remote
 * extension host's console goes to the browser).
 */
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

export async function run(): Promise<void> {
  const logFile = process.env.ROUTEWISE_IT_LOG_FILE;
  const mocha = new Mocha({ ui: 'bdd', color: !logFile, timeout: 60_000, slow: 10_000 });
  if (logFile) {
    const consoleLog = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
      fs.appendFileSync(logFile, `${format(...args)}\n`);
      consoleLog(...args);
    };
  }
  const grep = process.env.ROUTEWISE_IT_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
