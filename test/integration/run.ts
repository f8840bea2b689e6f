/**
 * Integration tests in a desktop VS Code downloaded by @vscode/test-electron.
 *
 *   npx tsx test/integration/run.ts
 *
 * Where VS Code cannot be downloaded (no network, as on this project's machines) it prints one
 * line, `test:integration skipped: cannot download VS Code (<reason>)`, and exits 0; set
 * ROUTEWISE_REQUIRE_INTEGRATION=1 to make that a failure instead. The e2e suite (code-server,
 * test/e2e) covers the same ground where there is no network.
 *
 * Env: ROUTEWISE_VSCODE_VERSION (default 'stable'; a cached .vscode-test/ copy is used offline),
 * ROUTEWISE_IT_GREP (mocha grep inside the extension host).
 */
import { downloadAndUnzipVSCode, runTests, SilentReporter } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INTEGRATION_WORKSPACE } from './workspace';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out', 'integration');

function reasonOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const cause = e?.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${message}${cause}`.split('\n')[0].trim();
}

async function compileSuite(): Promise<string> {
  fs.rmSync(OUT, { recursive: true, force: true });
  const suiteDir = path.join(__dirname, 'suite');
  const entryPoints = [
    path.join(__dirname, 'workspace.ts'),
    ...fs.readdirSync(suiteDir).filter((name) => name.endsWith('.ts')).map((name) => path.join(suiteDir, name)),
  ];
  // One output file per source (no bundling): `vscode` and `mocha` are resolved at run time,
  // `vscode` by the extension host, `mocha` from the repository's node_modules.
  await esbuild.build({
    entryPoints,
    outbase: __dirname,
    outdir: OUT,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(OUT, 'suite', 'index.js');
}

function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'routewise-it-'));
  for (const [rel, content] of Object.entries(INTEGRATION_WORKSPACE)) {
    const file = path.join(dir, 'workspace', rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

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

  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const extensionTestsPath = await compileSuite();
  const temp = makeWorkspace();
  const xvfb = ensureDisplay();
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      extensionTestsEnv: { ROUTEWISE_IT_GREP: process.env.ROUTEWISE_IT_GREP ?? '' },
      // runTests itself adds --no-sandbox, --disable-gpu-sandbox, --skip-welcome, --disable-workspace-trust, ...
      launchArgs: [
        path.join(temp, 'workspace'),
        '--disable-extensions', // every extension but the one under development
        `--user-data-dir=${path.join(temp, 'user-data')}`,
        `--extensions-dir=${path.join(temp, 'extensions')}`,
      ],
    });
  } catch (error) {
    console.error(`test:integration failed: ${reasonOf(error)}`);
    return 1;
  } finally {
    xvfb?.kill();
    fs.rmSync(temp, { recursive: true, force: true });
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
