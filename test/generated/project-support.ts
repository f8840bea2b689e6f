/**
 * Support for the real-compile tests: generate a project on disk, install its dependencies from a
 * per-flavour cache, run its own tsc / tests, start its built server.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyFileChanges } from '../../src/core/model/edit';
import { runGenerator } from '../../src/core/scaffold/generators/run';
import { NodeFileSystem } from '../../src/host/node-file-system';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const TEMPLATES_DIR = path.join(REPO_ROOT, 'templates');
/** Per-flavour node_modules cache; ROUTEWISE_DEPS_CACHE points elsewhere (e.g. an empty folder to time a cold run). */
export const DEPS_CACHE = process.env.ROUTEWISE_DEPS_CACHE ?? path.join(REPO_ROOT, '.cache/generated-deps');

export interface ProjectFlavour {
  id: string;
  framework: 'express' | 'fastify';
  major: 4 | 5;
  moduleSystem: 'esm' | 'cjs';
}

export const FLAVOURS: readonly ProjectFlavour[] = [
  { id: 'express4-cjs', framework: 'express', major: 4, moduleSystem: 'cjs' },
  { id: 'express5-esm', framework: 'express', major: 5, moduleSystem: 'esm' },
  { id: 'fastify4-cjs', framework: 'fastify', major: 4, moduleSystem: 'cjs' },
  { id: 'fastify5-esm', framework: 'fastify', major: 5, moduleSystem: 'esm' },
];

/** Applies a generator's changes to the disk (the tests' stand-in for the adapter's WorkspaceEdit). */
export function runOnDisk(generatorId: string, cwd: string, options: Record<string, unknown>): { notes: string[] } {
  const host = new NodeFileSystem();
  const result = runGenerator({ generatorId, options, cwd, host, templatesDir: TEMPLATES_DIR.split(path.sep).join('/') });
  const before = new Map<string, string>();
  for (const change of result.changes) {
    if (change.kind === 'edit') before.set(change.path, fs.readFileSync(change.path, 'utf8'));
  }
  const after = applyFileChanges(before, result.changes);
  for (const [file, content] of after) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return { notes: result.notes };
}

/** Creates a project of the flavour in a new temp folder; returns its path. */
export function createProject(flavour: ProjectFlavour, parent = fs.mkdtempSync(path.join(os.tmpdir(), `routewise-${flavour.id}-`))): string {
  runOnDisk('project', parent, { name: `demo-${flavour.id}`, framework: flavour.framework, major: flavour.major, moduleSystem: flavour.moduleSystem, directory: 'app' });
  return path.join(parent, 'app');
}

export interface CommandResult {
  status: number;
  output: string;
  ms: number;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 600_000): CommandResult {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: timeoutMs });
  return { status: result.status ?? -1, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`, ms: Date.now() - started };
}

/** Hash of what decides node_modules: the dependency sections of package.json. */
export function dependencyKey(projectDir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const relevant = JSON.stringify({ type: manifest.type ?? null, dependencies: manifest.dependencies, devDependencies: manifest.devDependencies });
  return createHash('sha256').update(relevant).digest('hex').slice(0, 16);
}

/**
 * Gives the project a node_modules: from `.cache/generated-deps/<flavour>-<hash>/` when the same
 * dependencies were installed before (symlinked, so a warm run installs nothing), else a real
 * `npm install` from the registry, then stored in the cache. Returns whether it was warm.
 */
export function installDependencies(flavour: ProjectFlavour, projectDir: string): { warm: boolean; ms: number } {
  const started = Date.now();
  const cacheDir = path.join(DEPS_CACHE, `${flavour.id}-${dependencyKey(projectDir)}`);
  const cachedModules = path.join(cacheDir, 'node_modules');
  if (!fs.existsSync(path.join(cacheDir, '.complete'))) {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.copyFileSync(path.join(projectDir, 'package.json'), path.join(cacheDir, 'package.json'));
    const install = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], cacheDir);
    if (install.status !== 0) throw new Error(`npm install failed for ${flavour.id}:\n${install.output}`);
    fs.writeFileSync(path.join(cacheDir, '.complete'), new Date().toISOString());
    // Older dependency sets of this flavour are stale now: keep the cache to one entry per flavour.
    for (const entry of fs.readdirSync(DEPS_CACHE)) {
      if (entry.startsWith(`${flavour.id}-`) && entry !== path.basename(cacheDir) && /^[0-9a-f]{16}$/.test(entry.slice(flavour.id.length + 1))) {
        fs.rmSync(path.join(DEPS_CACHE, entry), { recursive: true, force: true });
      }
    }
    fs.symlinkSync(cachedModules, path.join(projectDir, 'node_modules'), 'dir');
    return { warm: false, ms: Date.now() - started };
  }
  fs.symlinkSync(cachedModules, path.join(projectDir, 'node_modules'), 'dir');
  return { warm: true, ms: Date.now() - started };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface StartedServer {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

/**
 * A module loaded before the server (node --require / --import) that registers readiness checks
 * on the built health module, as application code would: `count` passing checks, plus one that
 * fails while the file `failFlag` exists. The server process shares the module instance.
 */
export function writeReadinessPreload(projectDir: string, esm: boolean, count: number, failFlag: string): string[] {
  const checks = [
    `for (let i = 1; i <= ${count}; i++) registerReadinessCheck(\`dependency-\${String(i).padStart(2, '0')}-with-a-descriptive-name\`, () => undefined);`,
    `registerReadinessCheck('toggled-by-flag-file', () => { if (existsSync(${JSON.stringify(failFlag)})) throw new Error('flag file present'); });`,
  ].join('\n');
  if (esm) {
    fs.writeFileSync(
      path.join(projectDir, 'e2e-preload.mjs'),
      `import { existsSync } from 'node:fs';\nimport { registerReadinessCheck } from './dist/routes/health.js';\n${checks}\n`,
    );
    return ['--import', './e2e-preload.mjs'];
  }
  fs.writeFileSync(
    path.join(projectDir, 'e2e-preload.cjs'),
    `const { existsSync } = require('node:fs');\nconst { registerReadinessCheck } = require('./dist/routes/health.js');\n${checks}\n`,
  );
  return ['--require', './e2e-preload.cjs'];
}

/** `npm start` equivalent (node dist/server.js) on a free port of 127.0.0.1; resolves once /health/live answers. */
export async function startServer(projectDir: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<StartedServer> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [...nodeArgs, 'dist/server.js'], {
    cwd: projectDir,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/health/live`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer on ${baseUrl} within 20 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    child,
    baseUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
