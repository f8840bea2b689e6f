/**
 * Integration tests in a desktop VS Code downloaded by @vscode/test-electron.
 *
 *   npx tsx test/integration/run.ts
 *
 * Where VS Code cannot be downloaded (no network, as on this project's machines) it prints one
 * line, `test:integration skipped: cannot download VS Code (<reason>)`, and exits 0; set
 * ROUTEWISE_REQUIRE_INTEGRATION=1 to make that a failure instead. The same suite runs offline in
 * code-server with run-code-server.ts.
 *
 * Env: ROUTEWISE_VSCODE_VERSION (default 'stable'; a cached .vscode-test/ copy is used offline),
 * ROUTEWISE_IT_GREP (mocha grep inside the extension host).
 */
import { downloadAndUnzipVSCode, runTests, SilentReporter } from '@vscode/test-electron';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildExtension, compileSuite, makeIntegrationWorkspace, reasonOf, ROOT } from './prepare';

/** Electron needs a display on Linux: start Xvfb when there is none and it is installed. */
function ensureDisplay(): ChildProcess | undefined {
  if (process.platform !== 'linux' || process.env.DISPLAY) return undefined;
  const xvfb = ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'].find((file) => fs.existsSync(file));
  if (!xvfb) {
    console.warn('test:integration: no DISPLAY and no Xvfb (apt-get install xvfb); VS Code may fail to start');
    return undefined;
  }
  const display = ':99';
  const child = spawn(xvfb, [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  process.env.DISPLAY = display;
  return child;
}

async function main(): Promise<number> {
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.ROUTEWISE_VSCODE_VERSION ?? 'stable',
      cachePath: path.join(ROOT, '.vscode-test'),
      extensionDevelopmentPath: ROOT,
      reporter: new SilentReporter(),
      timeout: 15_000,
    });
  } catch (error) {
    const line = `test:integration skipped: cannot download VS Code (${reasonOf(error)})`;
    if (process.env.ROUTEWISE_REQUIRE_INTEGRATION === '1') {
      console.error(line.replace('skipped', 'failed'));
      return 1;
    }
    console.log(line);
    return 0;
  }

  buildExtension();
  const extensionTestsPath = await compileSuite();
  const { root, workspace } = makeIntegrationWorkspace();
  const xvfb = ensureDisplay();
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      extensionTestsEnv: { ROUTEWISE_IT_GREP: process.env.ROUTEWISE_IT_GREP ?? '' },
      // runTests itself adds --no-sandbox, --disable-gpu-sandbox, --skip-welcome, --disable-workspace-trust, ...
      launchArgs: [
        workspace,
        '--disable-extensions', // every extension but the one under development
        `--user-data-dir=${path.join(root, 'user-data')}`,
        `--extensions-dir=${path.join(root, 'extensions')}`,
      ],
    });
  } catch (error) {
    console.error(`test:integration failed: ${reasonOf(error)}`);
    return 1;
  } finally {
    xvfb?.kill();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
