import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';

const REPO = path.resolve(__dirname, '../..');

/** Bundles the three entries the way scripts/build.mjs does, into `<dir>/dist`, with templates beside it. */
async function bundle(dir: string): Promise<void> {
  const common = { bundle: true, platform: 'node' as const, format: 'cjs' as const, target: 'node20', logLevel: 'silent' as const, external: ['vscode', './scaffold.js'] };
  await Promise.all([
    build({ ...common, entryPoints: [path.join(REPO, 'src/vscode/extension.ts')], outfile: path.join(dir, 'dist/extension.js') }),
    build({ ...common, entryPoints: [path.join(REPO, 'src/cli/main.ts')], outfile: path.join(dir, 'dist/cli.js') }),
    build({ ...common, entryPoints: [path.join(REPO, 'src/core/scaffold/index.ts')], outfile: path.join(dir, 'dist/scaffold.js') }),
  ]);
  fs.symlinkSync(path.join(REPO, 'templates'), path.join(dir, 'templates'), 'dir');
}

describe('the scaffold engine is a separate bundle, loaded lazily', function () {
  this.timeout(120000);
  let dir: string;
  let project: string;
  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'routewise-bundle-')));
    await bundle(dir);
    project = path.join(dir, 'project');
    fs.cpSync(path.join(REPO, 'test/fixtures/projects/express5-esm-ts'), project, { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const entry of ['extension.js', 'cli.js']) {
    it(`${entry} requires ./scaffold.js at run time and carries no ts-morph`, () => {
      const text = fs.readFileSync(path.join(dir, 'dist', entry), 'utf8');
      assert.match(text, /require\("\.\/scaffold\.js"\)/);
      assert.doesNotMatch(text, /node_modules\/ts-morph\//);
      assert.doesNotMatch(text, /node_modules\/ejs\//);
    });
  }

  it('the bundled CLI runs a generator through dist/scaffold.js and the shipped templates', () => {
    const run = spawnSync(process.execPath, [path.join(dir, 'dist/cli.js'), 'add', 'error-handler', '--dry-run'], { cwd: project, encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^create src\/errors\.ts \(\d+ lines\)$/m);
  });

  it('without dist/scaffold.js, add says what is missing (exit 2) and lint still works', () => {
    fs.rmSync(path.join(dir, 'dist/scaffold.js'));
    const add = spawnSync(process.execPath, [path.join(dir, 'dist/cli.js'), 'add', 'error-handler'], { cwd: project, encoding: 'utf8' });
    assert.equal(add.status, 2);
    assert.match(add.stderr, /^routewise: The Routewise scaffold engine is missing: expected .*scaffold\.js\. Rebuild \(npm run build\) or reinstall Routewise\.\n$/);
    const lint = spawnSync(process.execPath, [path.join(dir, 'dist/cli.js'), 'lint', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    assert.notEqual(lint.status, 2, lint.stderr);
    assert.equal((JSON.parse(lint.stdout) as { version: number }).version, 1);
  });
});
