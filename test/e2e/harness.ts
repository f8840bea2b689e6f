/**
 * End-to-end harness: a real VS Code (code-server, installed by scripts/install-code-server.sh)
 * driven through its web workbench by Playwright in Debian's Chromium.
 *
 *   const ws = await makeWorkspace({ 'src/app.ts': "const x: number = 'a';\n" });
 *   const server = await startCodeServer({ workspaceFolder: ws, extensionVsix: 'routewise.vsix' });
 *   const page = await openWorkbench(server);
 *   await openFile(page, 'src/app.ts');
 *   const rows = await waitForProblems(page, (r) => r.some((p) => p.code === '2322'), 'the TS error');
 *   await server.stop();
 *
 * Everything is driven as a user would (quick open, command palette, Problems panel, lightbulb)
 * and waits on observable state, never on fixed sleeps. Failures leave a screenshot, the page
 * HTML and the server log in test-results/ (see captureFailure and hooks.ts).
 */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export type { Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS_DIR = process.env.ROUTEWISE_E2E_RESULTS ?? path.join(REPO_ROOT, 'test-results');
export const CODE_SERVER_BIN =
  process.env.ROUTEWISE_CODE_SERVER_BIN ?? path.join(REPO_ROOT, '.cache', 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM_PATH = process.env.ROUTEWISE_CHROMIUM ?? '/usr/bin/chromium';
/** Without the background-networking flags Chromium keeps dialling out into the closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Keep temp dirs (workspaces, user data, logs) after the run: ROUTEWISE_E2E_KEEP=1. */
const KEEP_TEMP = process.env.ROUTEWISE_E2E_KEEP === '1';

/** Settings that make the workbench quiet and deterministic; `settings` passed to startCodeServer win. */
export const BASE_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  // Typing through the keyboard must produce exactly the typed text: no suggest widget eating
  // Enter, no auto-closed brackets or quotes, no format-on-type.
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.parameterHints.enabled': false,
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'editor.formatOnType': false,
  'editor.inlineSuggest.enabled': false,
};

// ---------------------------------------------------------------------------------------------
// Temp workspaces

const tempDirs = new Set<string>();

async function makeTempDir(prefix: string): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `routewise-e2e-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

/** A fresh workspace folder holding `files` (relative path → content). Removed at process exit. */
export async function makeWorkspace(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir('ws');
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await fsp.writeFile(file, content);
  }
  return dir;
}

/** A temp copy of a fixture folder (e.g. test/fixtures/projects/x), so tests may edit it freely. */
export async function copyWorkspace(sourceDir: string): Promise<string> {
  const dir = await makeTempDir('ws');
  await fsp.cp(sourceDir, dir, { recursive: true, filter: (src) => !src.split(path.sep).includes('.git') });
  return dir;
}

// ---------------------------------------------------------------------------------------------
// The extension under test

let vsixPromise: Promise<string> | undefined;

/**
 * A .vsix of the working tree, built once per test process into a temp folder (never touches
 * dist/): the esbuild bundles as scripts/build.mjs makes them, plus package.json, README,
 * templates, docs and media, packaged with vsce --no-dependencies (the bundles carry their deps).
 */
export function packageExtension(): Promise<string> {
  vsixPromise ??= (async () => {
    const { build } = await import('esbuild');
    const stage = await makeTempDir('vsix');
    const common = {
      bundle: true,
      platform: 'node' as const,
      format: 'cjs' as const,
      target: 'node20',
      logLevel: 'warning' as const,
      external: ['vscode', './scaffold.js'],
    };
    await Promise.all([
      build({ ...common, entryPoints: [path.join(REPO_ROOT, 'src/vscode/extension.ts')], outfile: path.join(stage, 'dist/extension.js') }),
      build({ ...common, entryPoints: [path.join(REPO_ROOT, 'src/cli/main.ts')], outfile: path.join(stage, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' } }),
      build({ ...common, entryPoints: [path.join(REPO_ROOT, 'src/core/scaffold/index.ts')], outfile: path.join(stage, 'dist/scaffold.js') }),
    ]);
    for (const item of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'templates', 'docs', 'media']) {
      const from = path.join(REPO_ROOT, item);
      if (fs.existsSync(from)) await fsp.cp(from, path.join(stage, item), { recursive: true });
    }
    const vsix = path.join(stage, 'routewise.vsix');
    await run(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce'),
      ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix],
      { ...process.env, CI: 'true' },
      stage,
    );
    return vsix;
  })();
  return vsixPromise;
}

// ---------------------------------------------------------------------------------------------
// code-server

export interface StartOptions {
  /** Absolute path of the folder to open (use makeWorkspace / copyWorkspace for a temp copy). */
  workspaceFolder: string;
  /** .vsix file(s) installed with `--install-extension` before the server starts. */
  extensionVsix?: string | string[];
  /** User settings merged over BASE_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server (and so for the extension host). */
  env?: Record<string, string>;
  /** How long to wait for the HTTP server (default 60 s). */
  startTimeoutMs?: number;
}

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly workspaceFolder: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  /** Milliseconds: `installExtensions` (all .vsix), `start` (spawn → HTTP answers), `workbench` (set by openWorkbench). */
  readonly timings: { installExtensions?: number; start: number; workbench?: number };
  /** Everything the server printed so far. */
  serverLog(): string;
  /** Closes the browsers opened on this server, kills the server's process group, removes its temp dirs. */
  stop(): Promise<void>;
}

interface ServerState extends CodeServer {
  browsers: Set<Browser>;
  child: ChildProcess;
  stopped: boolean;
}

const liveServers = new Set<ServerState>();
const pageServers = new WeakMap<Page, ServerState>();
const pageErrors = new WeakMap<Page, string[]>();
const openPages = new Set<Page>();

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  if (!fs.existsSync(CODE_SERVER_BIN)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER_BIN}: run 'bash scripts/install-code-server.sh' first`);
  }
  const workspaceFolder = path.resolve(options.workspaceFolder);
  if (!fs.statSync(workspaceFolder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`workspace folder does not exist: ${workspaceFolder}`);
  }
  const root = await makeTempDir('server');
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const configFile = path.join(root, 'config.yaml'); // else code-server writes ~/.config/code-server
  const logFile = path.join(root, 'server.log');
  await fsp.mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await fsp.mkdir(extensionsDir, { recursive: true });
  await fsp.writeFile(configFile, 'auth: none\ncert: false\n');
  await fsp.writeFile(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2),
  );
  const env = serverEnv(options.env);
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  const timings: { installExtensions?: number; start: number; workbench?: number } = { start: 0 };
  const vsixes = options.extensionVsix === undefined ? [] : ([] as string[]).concat(options.extensionVsix);
  if (vsixes.length > 0) {
    const t = Date.now();
    for (const vsix of vsixes) {
      const abs = path.resolve(vsix);
      const out = await run(CODE_SERVER_BIN, [...common, '--force', '--install-extension', abs], env);
      if (!/successfully installed|already installed/i.test(out)) {
        throw new Error(`installing ${abs} failed:\n${out}`);
      }
    }
    timings.installExtensions = Date.now() - t;
  }

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const t = Date.now();
    const logFd = fs.openSync(logFile, 'a');
    const child = spawn(
      CODE_SERVER_BIN,
      [
        ...common,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        workspaceFolder,
      ],
      // Own process group: stop() kills the server, its extension host and tsserver together.
      { detached: true, stdio: ['ignore', logFd, logFd], env },
    );
    fs.closeSync(logFd);
    const url = `http://127.0.0.1:${port}`;
    const state: ServerState = {
      url,
      port,
      pid: child.pid ?? -1,
      workspaceFolder,
      userDataDir,
      extensionsDir,
      logFile,
      timings,
      browsers: new Set(),
      child,
      stopped: false,
      serverLog: () => fs.readFileSync(logFile, 'utf8'),
      stop: () => stopServer(state, root),
    };
    liveServers.add(state);
    try {
      await waitFor(
        async () => {
          if (child.exitCode !== null || child.signalCode !== null) {
            throw new ServerExited(`code-server exited (${child.exitCode ?? child.signalCode}):\n${state.serverLog()}`);
          }
          return (await httpStatus(`${url}/healthz`)) === 200;
        },
        { timeoutMs: options.startTimeoutMs ?? 60_000, what: `code-server on port ${port} to answer`, intervalMs: 100, capture: false },
      );
      timings.start = Date.now() - t;
      return state;
    } catch (error) {
      lastError = error;
      await stopServer(state, undefined);
      // A port taken between freePort() and the bind: try another one.
      if (!(error instanceof ServerExited && /EADDRINUSE/.test(error.message))) break;
    }
  }
  await removeDir(root);
  throw lastError;
}

class ServerExited extends Error {}

function serverEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  // Variables of a VS Code we may be running inside would redirect the CLI to that instance.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return env;
}

async function stopServer(state: ServerState, root: string | undefined): Promise<void> {
  if (!state.stopped) {
    state.stopped = true;
    for (const browser of state.browsers) await browser.close().catch(() => undefined);
    state.browsers.clear();
    const { child } = state;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      killGroup(state.pid, 'SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), delay(5000).then(() => true)]);
      if (timedOut) killGroup(state.pid, 'SIGKILL');
    }
    killGroup(state.pid, 'SIGKILL'); // stragglers of the group (extension host, tsserver)
    liveServers.delete(state);
  }
  if (root) await removeDir(root);
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function removeDir(dir: string): Promise<void> {
  tempDirs.delete(dir);
  if (!KEEP_TEMP) await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

// If the test process dies without stop(), do not leave servers or temp dirs behind.
process.once('exit', () => {
  for (const server of liveServers) killGroup(server.pid, 'SIGKILL');
  if (!KEEP_TEMP) for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.once('error', () => resolve(undefined));
    req.once('timeout', () => {
      req.destroy();
      resolve(undefined);
    });
  });
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, cwd, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const out = `${stdout}${stderr}`;
      if (error) reject(new Error(`${path.basename(file)} ${args.join(' ')} failed: ${error.message}\n${out}`));
      else resolve(out);
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// Browser + workbench

export interface WorkbenchOptions {
  /** Folder to open instead of the server's workspace folder. */
  folder?: string;
  viewport?: { width: number; height: number };
  /** How long to wait for `.monaco-workbench` (default 60 s). */
  timeoutMs?: number;
  /**
   * Workbench URL payload, e.g. [['extensionDevelopmentPath', 'vscode-remote://host/abs/path'],
   * ['extensionTestsPath', …]] (see test/integration/run-code-server.ts).
   */
  payload?: [string, string][];
  /** Runs before the workbench is loaded (e.g. page.exposeFunction('codeAutomationExit', …)). */
  beforeLoad?: (page: Page) => Promise<void>;
}

/** Launches Chromium, opens the workbench on the workspace folder and waits until it is rendered. */
export async function openWorkbench(server: CodeServer, options: WorkbenchOptions = {}): Promise<Page> {
  const state = server as ServerState;
  const t = Date.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  state.browsers.add(browser);
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000); // generous: CI machines are often busy
  pageServers.set(page, state);
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(String(error)));
  openPages.add(page);
  page.once('close', () => openPages.delete(page));
  await options.beforeLoad?.(page);
  const payload = options.payload ? `&payload=${encodeURIComponent(JSON.stringify(options.payload))}` : '';
  await page.goto(`${server.url}/?folder=${encodeURIComponent(options.folder ?? server.workspaceFolder)}${payload}`);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: options.timeoutMs ?? 60_000 });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible' });
  // The explorer listing the folder means the remote file system answers (not an empty window).
  const folder = options.folder ?? server.workspaceFolder;
  if (fs.readdirSync(folder).length > 0) {
    await page
      .locator('.explorer-folders-view .monaco-list-row')
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 })
      .catch(() => undefined); // explorer hidden by the test's settings: nothing to wait for
  }
  state.timings.workbench = Date.now() - t;
  return page;
}

/** The server a page was opened on. */
export function serverOf(page: Page): CodeServer {
  const server = pageServers.get(page);
  if (!server) throw new Error('page was not opened with openWorkbench');
  return server;
}

/** Makes sure keystrokes reach the workbench (nothing focused → click the editor area). */
async function ensureWorkbenchFocus(page: Page): Promise<void> {
  const focused = await page.evaluate('!!document.activeElement && document.activeElement !== document.body');
  if (!focused) await clickEditorBody(page);
}

/**
 * Clicks into the active editor group below its tabs (the end of the first visible line, or the empty
 * group's watermark). The top left corner of the editor part is the first tab: a click there would
 * switch the active file under the test.
 */
async function clickEditorBody(page: Page): Promise<void> {
  const body = page.locator('.part.editor .editor-group-container.active .editor-container').first();
  const box = (await body.count()) > 0 ? await body.boundingBox() : null;
  if (box) await page.mouse.click(box.x + box.width - 30, box.y + 10);
  else await page.locator('.part.editor').click({ position: { x: 20, y: 20 } });
}

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const QUICK_INPUT_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;

/**
 * Opens a quick input with its keybinding (F1, Control+P, Control+G) and returns its input box.
 * If it does not show (focus in a place that swallows the key, a closing widget), Escape, focus
 * the workbench and try again.
 */
async function openQuickInput(page: Page, key: string): Promise<Locator> {
  const input = page.locator(QUICK_INPUT_BOX);
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: 5000 });
      return input;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
      if (attempt >= 1) await clickEditorBody(page).catch(() => undefined);
      else await ensureWorkbenchFocus(page);
    }
  }
}

/**
 * Picks the row of the open quick input whose label matches (case-insensitive for strings), by
 * clicking it. On timeout the quick input is closed and the error lists what it offered.
 */
async function pickQuickInputRow(
  page: Page,
  label: string | RegExp,
  what: string,
  { timeoutMs = 30_000, capture = true }: { timeoutMs?: number; capture?: boolean } = {},
): Promise<void> {
  const matches = (text: string) =>
    typeof label === 'string' ? text.trim().toLowerCase() === label.trim().toLowerCase() : label.test(text.trim());
  const input = page.locator(QUICK_INPUT_BOX);
  const typed = await input.inputValue();
  let offered: string[] = [];
  let refilled = Date.now();
  let row: Locator;
  try {
    row = await waitFor(
      async () => {
        offered = [];
        for (const candidate of await page.locator(QUICK_INPUT_ROWS).all()) {
          const text = ((await candidate.locator('.label-name').first().textContent().catch(() => null)) ?? '').trim();
          const aria = (await candidate.getAttribute('aria-label').catch(() => null)) ?? '';
          offered.push(text || aria);
          if ((text && matches(text)) || matches(aria.split(',')[0] ?? '')) return candidate;
        }
        // Right after the workbench opens, commands and channels keep registering; the list only
        // picks them up when the filter changes, so nudge it now and then.
        if (Date.now() - refilled > 2000) {
          refilled = Date.now();
          await input.fill(`${typed} `);
          await input.fill(typed);
        }
        return undefined;
      },
      { what, timeoutMs, capture },
    );
  } catch (error) {
    await page.keyboard.press('Escape').catch(() => undefined);
    throw new Error(`${(error as Error).message}; the list offered: ${JSON.stringify(offered)}`);
  }
  await row.click();
  // Done when the quick input closes, or when the pick opened a follow-up picker (new input).
  await waitFor(
    async () => !(await page.locator(QUICK_INPUT).isVisible()) || (await input.inputValue()) !== typed,
    { what: `the quick input to accept '${String(label)}'`, timeoutMs: 15_000 },
  );
}

/** Opens a workspace file as a user would: Ctrl+P, type the path, Enter. Resolves when its editor is active. */
export async function openFile(page: Page, relPath: string): Promise<void> {
  const base = path.posix.basename(relPath.replace(/\\/g, '/'));
  await ensureWorkbenchFocus(page);
  const input = await openQuickInput(page, 'Control+P');
  await input.fill(relPath);
  // The first result must be the file (quick open ranks the exact path first); then Enter opens it.
  await waitFor(
    async () => {
      const first = page.locator(QUICK_INPUT_ROWS).first().locator('.label-name').first();
      return (await first.count()) > 0 && ((await first.textContent()) ?? '').trim() === base;
    },
    { what: `quick open to list ${relPath}` },
  );
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  await waitFor(async () => (await activeEditorTitle(page)) === base, { what: `an editor for ${relPath}` });
  await page.locator('.part.editor .editor-instance .monaco-editor.focused').waitFor({ state: 'visible' });
}

/** The label of the active editor tab (e.g. `app.ts`), or undefined. */
export async function activeEditorTitle(page: Page): Promise<string | undefined> {
  const tab = page.locator('.part.editor .tabs-container .tab.active .label-name').first();
  if ((await tab.count()) === 0) return undefined;
  return ((await tab.textContent()) ?? '').trim() || undefined;
}

/** Runs a command from the F1 palette by its title as shown there (e.g. `Routewise: Lint Workspace`). */
export async function runCommand(page: Page, title: string | RegExp): Promise<void> {
  await ensureWorkbenchFocus(page);
  const input = await openQuickInput(page, 'F1');
  await input.fill(`>${typeof title === 'string' ? title : ''}`);
  if (typeof title !== 'string') await input.press('End');
  await pickQuickInputRow(page, title, `the command '${String(title)}' in the palette`);
}

// ---------------------------------------------------------------------------------------------
// Problems panel

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface ProblemRow {
  severity: Severity;
  message: string;
  /** 1-based, as the Problems panel shows it. */
  line: number;
  column: number;
  source?: string;
  code?: string;
  /** Workspace-relative path (POSIX separators) of the file the problem belongs to. */
  file?: string;
}

const SEVERITIES: Record<string, Severity> = { Error: 'error', Warning: 'warning', Info: 'info', Problem: 'hint' };
// "Error: <message> at line 1 and character 7.[ This problem has references to N locations.][ generated by <source>]"
const MARKER_ARIA =
  /^(Error|Warning|Info|Problem): ([\s\S]*) at line (\d+) and character (\d+)\.(?: This problem has references to \d+ locations\.)?(?: generated by ([\s\S]*))?$/;

/** Parses one Problems row aria-label; undefined for file rows and related-information rows. */
export function parseProblemAriaLabel(aria: string): Omit<ProblemRow, 'code' | 'file'> | undefined {
  const m = MARKER_ARIA.exec(aria);
  if (!m) return undefined;
  return {
    severity: SEVERITIES[m[1]],
    message: m[2],
    line: Number(m[3]),
    column: Number(m[4]),
    ...(m[5] !== undefined ? { source: m[5] } : {}),
  };
}

/** Minimal DOM shapes for code that runs in the page (the project compiles without lib.dom). */
interface DomElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  textContent: string | null;
}

/**
 * Opens the Problems panel (Ctrl+Shift+M) if it is not showing and returns every marker row,
 * scrolling through the virtualised list. Rows come in panel order (grouped by file).
 */
export async function problems(page: Page): Promise<ProblemRow[]> {
  const container = page.locator('.markers-panel-container');
  if (!(await container.isVisible())) {
    await ensureWorkbenchFocus(page);
    await page.keyboard.press('Control+Shift+M');
    await container.waitFor({ state: 'visible' });
  }
  const server = pageServers.get(page);
  const byIndex = new Map<number, { aria: string; code: string | null; path: string | null; last: boolean }>();
  const list = container.locator('.monaco-list').first();
  for (let i = 0; i < 200; i++) {
    const rows = await container.locator('.monaco-list-row').evaluateAll((elements: DomElement[]) =>
      elements.map((el) => ({
        index: Number(el.getAttribute('data-index')),
        last: el.getAttribute('data-last-element') === 'true',
        aria: el.getAttribute('aria-label') ?? '',
        code:
          el.querySelector('.marker-code .code-link-label')?.textContent ??
          el.querySelector('.marker-code')?.textContent ??
          null,
        path: el.querySelector('.resource-label-container .monaco-icon-label')?.getAttribute('aria-label') ?? null,
      })),
    );
    for (const row of rows) byIndex.set(row.index, row);
    if (rows.length === 0 || rows.some((row) => row.last)) break;
    await list.hover();
    await page.mouse.wheel(0, 400);
  }
  const result: ProblemRow[] = [];
  let file: string | undefined;
  for (const [, row] of [...byIndex].sort((a, b) => a[0] - b[0])) {
    if (row.path) {
      file = server ? path.relative(server.workspaceFolder, row.path).split(path.sep).join('/') : row.path;
      continue;
    }
    const parsed = parseProblemAriaLabel(row.aria);
    if (!parsed) continue;
    const code = row.code?.trim().replace(/^\((.*)\)$/, '$1');
    result.push({ ...parsed, ...(code ? { code } : {}), ...(file !== undefined ? { file } : {}) });
  }
  return result;
}

/** Polls the Problems panel until `predicate(rows)` holds; returns the rows. */
export async function waitForProblems(
  page: Page,
  predicate: (rows: ProblemRow[]) => boolean,
  what: string,
  timeoutMs = 120_000,
): Promise<ProblemRow[]> {
  let last: ProblemRow[] = [];
  try {
    return await waitFor(
      async () => {
        last = await problems(page);
        return predicate(last) ? last : undefined;
      },
      { what, timeoutMs, intervalMs: 500 },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\nProblems panel: ${JSON.stringify(last, null, 2)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Waiting

export interface WaitOptions {
  what: string;
  timeoutMs?: number;
  intervalMs?: number;
  /** Save screenshots + HTML of the open pages on timeout (default true). */
  capture?: boolean;
}

/**
 * Polls `fn` until it returns a truthy value and returns that value. Exceptions thrown by `fn`
 * count as "not yet" (the last one is reported on timeout).
 */
let timeoutCount = 0;

export async function waitFor<T>(fn: () => T | Promise<T>, options: WaitOptions): Promise<NonNullable<T>> {
  const { what, timeoutMs = 30_000, intervalMs = 250, capture = true } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let lastValue: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      lastValue = value;
    } catch (error) {
      if (error instanceof ServerExited) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await delay(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
  const detail =
    lastError !== undefined
      ? `last error: ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)}`
      : `last value: ${JSON.stringify(lastValue)}`;
  const message = `Timed out after ${timeoutMs} ms waiting for ${what} (${detail})`;
  if (capture) await captureFailure(`timeout-${++timeoutCount}-${what}`).catch(() => undefined);
  throw new Error(message);
}

// ---------------------------------------------------------------------------------------------
// Editor

/** Moves the cursor with Ctrl+G (Go to Line/Column); line and column are 1-based. */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await focusEditor(page);
  const input = await openQuickInput(page, 'Control+G');
  await input.fill(`:${line}:${column}`);
  await input.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  await waitFor(async () => (await cursorPosition(page))?.line === line, { what: `the cursor on line ${line}` });
}

/** The cursor position from the status bar (`Ln 3, Col 7`). */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number } | undefined> {
  const item = page.locator('.part.statusbar [id="status.editor.selection"]').first();
  if ((await item.count()) === 0) return undefined;
  const m = /Ln (\d+), Col (\d+)/.exec((await item.textContent()) ?? '');
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/** Focuses the active editor's text area without moving its cursor. */
export async function focusEditor(page: Page): Promise<void> {
  const focused = page.locator('.part.editor .editor-instance .monaco-editor.focused');
  if ((await focused.count()) > 0) return;
  await clickEditorBody(page);
  if ((await focused.count()) === 0) await page.keyboard.press('Control+1'); // View: Focus First Editor Group
  await focused.first().waitFor({ state: 'visible' });
}

export interface TypeOptions {
  /** Move the cursor first (1-based). */
  at?: { line: number; column?: number };
  /**
   * true: press every key (auto-indent and editor key handling apply, as when a user types).
   * false (default): insert the text as one input event, like a paste: exactly `text` lands.
   */
  keyByKey?: boolean;
}

/** Types into the active editor at the cursor (or at `options.at`). */
export async function typeInEditor(page: Page, text: string, options: TypeOptions = {}): Promise<void> {
  if (options.at) await goToLine(page, options.at.line, options.at.column ?? 1);
  else await focusEditor(page);
  if (options.keyByKey) await page.keyboard.type(text, { delay: 5 });
  else await page.keyboard.insertText(text);
}

/** Ctrl+S on the active editor; resolves when its tab is no longer dirty. */
const DIRTY_ACTIVE_TAB = '.part.editor .tabs-container .tab.active.dirty';

export async function save(page: Page): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+S');
  await waitFor(async () => (await page.locator(DIRTY_ACTIVE_TAB).count()) === 0, {
    what: 'the active editor to be saved',
  });
}

/** Waits until the active editor holds an unsaved edit: a quick fix applies through a command, after the menu closes. */
export async function waitForUnsavedEdit(page: Page, what: string): Promise<void> {
  await waitFor(async () => (await page.locator(DIRTY_ACTIVE_TAB).count()) === 1, { what });
}

export interface QuickFixMenu {
  /** Action titles in menu order (group headers left out). */
  titles: string[];
  /** The title that is focused when the menu opens (what Enter would apply). */
  focused?: string;
  /** The title that was chosen, when `select` matched. */
  selected?: string;
}

/**
 * Opens the lightbulb menu at the cursor (Ctrl+.), reads its actions and either chooses the one
 * matching `select` (arrow keys + Enter: the menu's pointer block swallows clicks) or closes the
 * menu with Escape. Put the cursor on the problem first (goToLine, or
 * runCommand(page, 'Go to Next Problem (Error, Warning, Info)')).
 */
export async function quickFix(page: Page, select?: string | RegExp): Promise<QuickFixMenu> {
  await focusEditor(page);
  await page.keyboard.press('Control+.');
  const widget = page.locator('.action-widget');
  const noActions = page.locator('.monaco-editor-overlaymessage');
  await waitFor(async () => (await widget.isVisible()) || (await noActions.isVisible()), {
    what: 'the quick fix menu',
    timeoutMs: 60_000, // every provider must answer first: TypeScript is slow while its project loads
  });
  if (!(await widget.isVisible())) {
    await page.keyboard.press('Escape');
    return { titles: [] };
  }
  const rows = widget.locator('.monaco-list-row.action');
  await rows.first().waitFor({ state: 'visible' });
  const titles = (await rows.evaluateAll((elements: DomElement[]) => elements.map((el) => el.getAttribute('aria-label') ?? '')))
    .map((title) => title.trim())
    .filter(Boolean);
  const focusedTitle = async () => ((await widget.locator('.monaco-list-row.action.focused').first().getAttribute('aria-label').catch(() => null)) ?? '').trim();
  const focused = (await focusedTitle()) || undefined;
  const chosen = select === undefined ? undefined : titles.find((t) => (typeof select === 'string' ? t === select : select.test(t)));
  if (chosen === undefined) {
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
    if (select !== undefined) {
      throw new Error(`no quick fix matching ${String(select)}; the menu offered: ${JSON.stringify(titles)}`);
    }
    return { titles, ...(focused ? { focused } : {}) };
  }
  const key = titles.indexOf(chosen) < titles.indexOf(focused ?? '') ? 'ArrowUp' : 'ArrowDown';
  for (let i = 0; i <= titles.length && (await focusedTitle()) !== chosen; i++) await page.keyboard.press(key);
  if ((await focusedTitle()) !== chosen) throw new Error(`could not focus the quick fix '${chosen}' in ${JSON.stringify(titles)}`);
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden' });
  return { titles, ...(focused ? { focused } : {}), selected: chosen };
}

// ---------------------------------------------------------------------------------------------
// Output, notifications, artifacts

/**
 * Shows an output channel (Output: Show Output Channels…) and returns its full text: copied from
 * the Output editor with Ctrl+A, Ctrl+C (the panel renders only the visible lines, and plain
 * channels of a remote extension host have no file on the server); else the server's log file
 * of a log channel; else the lines the panel renders.
 */
export async function outputChannelText(page: Page, channelName: string): Promise<string> {
  await runCommand(page, 'Output: Show Output Channels...');
  const input = page.locator(QUICK_INPUT_BOX);
  await input.waitFor({ state: 'visible' });
  await input.fill(channelName);
  // The channel list is fixed when the picker opens: a missing channel will not appear, so fail fast
  // (callers may poll until the extension has created it).
  await pickQuickInputRow(page, channelName, `the output channel '${channelName}'`, { timeoutMs: 5000, capture: false });
  const editor = page.locator('.part.panel .monaco-editor').first();
  await editor.waitFor({ state: 'visible' });
  try {
    await page.evaluate("navigator.clipboard.writeText('')");
    await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const copied = await waitFor(() => page.evaluate<string>('navigator.clipboard.readText()'), {
      what: `the text of output channel '${channelName}' on the clipboard`,
      timeoutMs: 3000,
      intervalMs: 100,
      capture: false,
    });
    await page.keyboard.press('Escape');
    return copied;
  } catch {
    // empty channel, or no clipboard: fall through
  }
  const server = pageServers.get(page);
  const file = server ? await findChannelLog(path.join(server.userDataDir, 'logs'), channelName) : undefined;
  if (file) return fsp.readFile(file, 'utf8');
  const lines = await page.locator('.part.panel .monaco-editor .view-lines .view-line').allTextContents();
  return lines.join('\n');
}

async function findChannelLog(logsDir: string, channelName: string): Promise<string | undefined> {
  // Log channels of the extension host: logs/<session>/exthost1/<extension id>/<Name>.log
  const wanted = (name: string) => name === `${channelName}.log` || new RegExp(`^\\d+-${escapeRegExp(channelName)}\\.log$`).test(name);
  let best: { file: string; mtime: number } | undefined;
  const entries = await fsp.readdir(logsDir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !wanted(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const mtime = (await fsp.stat(file)).mtimeMs;
    if (!best || mtime > best.mtime) best = { file, mtime };
  }
  return best?.file;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Messages of the notification toasts currently showing. */
export async function notifications(page: Page): Promise<string[]> {
  const texts = await page.locator('.notifications-toasts .notification-list-item-message').allTextContents();
  return texts.map((text) => text.trim());
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'page';
}

/** Saves a PNG of the page to test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await fsp.mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${safeName(name)}.png`);
  await page.screenshot({ path: file, timeout: 10_000 });
  return file;
}

/**
 * Saves, for every open workbench page: a screenshot, the page HTML, page errors, and the server
 * log, as test-results/<name>[-n].{png,html,errors.txt,server.log}. Called on test failure by
 * hooks.ts and on every waitFor timeout.
 */
export async function captureFailure(name: string): Promise<string[]> {
  const saved: string[] = [];
  await fsp.mkdir(RESULTS_DIR, { recursive: true });
  let n = 0;
  for (const page of openPages) {
    const base = path.join(RESULTS_DIR, safeName(n === 0 ? name : `${name}-${n}`));
    n++;
    try {
      await page.screenshot({ path: `${base}.png`, timeout: 10_000 });
      saved.push(`${base}.png`);
    } catch {
      // page may be gone
    }
    try {
      await fsp.writeFile(`${base}.html`, await page.content());
      saved.push(`${base}.html`);
    } catch {
      // page may be gone
    }
    const errors = pageErrors.get(page) ?? [];
    if (errors.length > 0) await fsp.writeFile(`${base}.errors.txt`, errors.join('\n\n'));
    const server = pageServers.get(page);
    if (server && fs.existsSync(server.logFile)) {
      await fsp.copyFile(server.logFile, `${base}.server.log`);
      saved.push(`${base}.server.log`);
    }
  }
  return saved;
}
