import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { runLintCommand } from './lint-command';
import { captureIo } from './test-support';
import { ROUTEWISE_VERSION } from './version';

const REPO = path.resolve(__dirname, '..', '..');
const FIXTURE = 'test/fixtures/projects/express4-cjs-ts';

interface JsonOutput {
  version: number;
  findings: { file: string; severity: string }[];
  stats: { files: number; ms: number };
}

describe('the built CLI (child process)', function () {
  this.timeout(120_000);
  let cli: string;
  let outDir: string;

  // Built with the options of scripts/build.mjs, but into a private folder: other builds may be
  // rewriting dist/ while the tests run, and a half-written bundle would make this test flaky.
  before(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'routewise-cli-bundle-'));
    cli = path.join(outDir, 'cli.js');
    await esbuild.build({
      absWorkingDir: REPO,
      entryPoints: ['src/cli/main.ts'],
      outfile: cli,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
      external: ['vscode', './scaffold.js'],
      banner: { js: '#!/usr/bin/env node' },
    });
  });
  after(() => fs.rmSync(outDir, { recursive: true, force: true }));

  const spawn = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('prints one JSON object for lint --format json, with the exit status its findings call for', () => {
    const child = spawn('lint', FIXTURE, '--format', 'json');
    assert.equal(child.signal, null);
    const output = JSON.parse(child.stdout) as JsonOutput;
    assert.equal(output.version, 1);
    assert.ok(output.stats.files > 0);
    assert.ok(output.findings.every((finding) => finding.file.startsWith(`${FIXTURE}/src/`)));
    const hasErrors = output.findings.some((finding) => finding.severity === 'error');
    assert.equal(child.status, hasErrors ? 1 : 0, child.stderr);
    assert.equal(child.stderr, '');

    // The bundle behaves exactly like the code it was built from.
    const io = captureIo();
    runLintCommand([FIXTURE, '--format', 'json'], REPO, io);
    assert.deepEqual(output.findings, (JSON.parse(io.out()) as JsonOutput).findings);
  });

  it('exits 2 with a message on stderr for a path that does not exist', () => {
    const child = spawn('lint', 'no/such/dir', '--format', 'json');
    assert.equal(child.status, 2);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^routewise: No such file or directory: no\/such\/dir\n/);
  });

  it('prints its version', () => {
    const child = spawn('--version');
    assert.equal(child.status, 0);
    assert.equal(child.stdout, `${ROUTEWISE_VERSION}\n`);
  });
});
