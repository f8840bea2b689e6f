/**
 * Entry point that @vscode/test-electron loads inside the VS Code extension host
 * (compiled by run.ts to out/integration/suite/index.js): runs every *.test.js beside it.
 */
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60_000, slow: 10_000 });
  const grep = process.env.ROUTEWISE_IT_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
