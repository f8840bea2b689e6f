/**
 * Runs the integration suite (test/integration/suite) offline, inside code-server's extension
 * host: the workbench is opened with the `extensionDevelopmentPath` / `extensionTestsPath` URL
 * payload (as VS Code's own browser integration tests do), the suite's mocha output arrives through
 * the page console, and the exit code through `window.codeAutomationExit`.
 *
 *   bash scripts/install-code-server.sh && npx tsx test/integration/run-code-server.ts
 *
 * Exit status: the suite's (0 when all pass), 2 when it could not run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openWorkbench, startCodeServer, type CodeServer } from '../e2e/harness';
import { buildExtension, compileSuite, makeIntegrationWorkspace, reasonOf, ROOT } from './prepare';

const TIMEOUT_MS = Number(process.env.ROUTEWISE_IT_TIMEOUT_MS ?? 300_000);

async function main(): Promise<number> {
  buildExtension();
  const extensionTestsPath = await compileSuite();
  const { root, workspace } = makeIntegrationWorkspace();
  let server: CodeServer | undefined;
  try {
    // The remote extension host's console goes to the browser: mocha also writes its report here.
    const logFile = path.join(root, 'mocha.log');
    server = await startCodeServer({
      workspaceFolder: workspace,
      env: { ROUTEWISE_IT_GREP: process.env.ROUTEWISE_IT_GREP ?? '', ROUTEWISE_IT_LOG_FILE: logFile },
    });
    const remote = (p: string) => `vscode-remote://${new URL(server!.url).host}${p}`;
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (resolveExit = resolve));
    await openWorkbench(server, {
      payload: [
        ['extensionDevelopmentPath', remote(ROOT)],
        ['extensionTestsPath', remote(extensionTestsPath)],
        ['skipWelcome', 'true'],
      ],
      beforeLoad: async (page) => {
        await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(Number(code)));
      },
    });
    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        console.error(`test:integration (code-server): no result after ${TIMEOUT_MS} ms`);
        resolve(2);
      }, TIMEOUT_MS).unref(),
    );
    const code = await Promise.race([exited, timeout]);
    process.stdout.write(fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : 'test:integration (code-server): the suite wrote no report\n');
    return code;
  } catch (error) {
    console.error(`test:integration (code-server) could not run: ${reasonOf(error)}`);
    return 2;
  } finally {
    await server?.stop();
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
