/**
 * Real-compile test of the auth generator in existing projects: the `after/` trees of the auth
 * golden cases, with their dependencies really installed (one install per framework major + zod
 * major, the union of the cases' dependencies, cached under .cache/generated-deps), must pass
 * their own `tsc --noEmit`; the cases that use vitest also run the tests auth wrote for them
 * (the auth routes and guards through the app the project exports: a factory or an instance).
 *
 * Part of `npm run test:generated` (ROUTEWISE_GENERATED=1; skipped otherwise).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { goldenCaseDirs, readTree } from '../helpers/golden';
import { installDependencies, run, type ProjectFlavour } from './project-support';

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface CompileCase {
  name: string;
  after: Map<string, string>;
  group: string;
  vitest: boolean;
}

function majorOf(range: string | undefined): string {
  return /(\d+)/.exec(range ?? '')?.[1] ?? 'none';
}

function compileCases(): CompileCase[] {
  const cases: CompileCase[] = [];
  for (const caseDir of goldenCaseDirs('auth')) {
    const after = readTree(path.join(caseDir, 'after'));
    const manifestText = after.get('package.json');
    if (!manifestText || !after.has('tsconfig.json')) continue;
    const manifest = JSON.parse(manifestText) as Manifest;
    const dependencies = { ...manifest.dependencies, ...manifest.devDependencies };
    const framework = dependencies.express ? 'express' : 'fastify';
    const group = `auth-golden-${framework}${majorOf(dependencies[framework])}-zod${majorOf(dependencies.zod)}`;
    cases.push({ name: path.basename(caseDir), after, group, vitest: 'vitest' in dependencies });
  }
  return cases;
}

/** One package.json with every dependency of the group's cases (their ranges agree: same framework, zod and module-system-specific jose). */
function unionManifest(group: string, cases: CompileCase[]): string {
  const union: Required<Manifest> = { dependencies: {}, devDependencies: {} };
  for (const testCase of cases) {
    const manifest = JSON.parse(testCase.after.get('package.json')!) as Manifest;
    Object.assign(union.dependencies, manifest.dependencies);
    Object.assign(union.devDependencies, manifest.devDependencies);
  }
  return `${JSON.stringify({ name: group, private: true, ...union }, null, 2)}\n`;
}

(process.env.ROUTEWISE_GENERATED === '1' ? describe : describe.skip)('auth golden after/ trees compile and pass their auth tests with real dependencies', function () {
  this.timeout(15 * 60_000);
  const cases = compileCases();
  const groups = new Map<string, CompileCase[]>();
  for (const testCase of cases) groups.set(testCase.group, [...(groups.get(testCase.group) ?? []), testCase]);
  const modules = new Map<string, string>();
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'routewise-auth-golden-'));

  before(function () {
    assert.ok(cases.length >= 4, 'auth golden cases with after/ trees');
    for (const [group, members] of groups) {
      const dir = path.join(temp, group);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), unionManifest(group, members));
      const flavour: ProjectFlavour = { id: group, framework: group.includes('express') ? 'express' : 'fastify', major: group.includes('4-') ? 4 : 5, moduleSystem: 'cjs' };
      const install = installDependencies(flavour, dir);
      console.log(`      ${group}: install (${install.warm ? 'warm' : 'cold'}) ${install.ms} ms`);
      modules.set(group, fs.realpathSync(path.join(dir, 'node_modules')));
    }
  });

  after(function () {
    if (process.env.ROUTEWISE_KEEP_GENERATED !== '1') fs.rmSync(temp, { recursive: true, force: true });
  });

  for (const testCase of cases) {
    describe(testCase.name, function () {
      const dir = path.join(temp, 'cases', testCase.name);

      before(function () {
        for (const [relative, content] of testCase.after) {
          fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
          fs.writeFileSync(path.join(dir, relative), content);
        }
        fs.symlinkSync(modules.get(testCase.group)!, path.join(dir, 'node_modules'), 'dir');
      });

      it('type-checks (tsc --noEmit, its own tsconfig; libraries not re-checked)', function () {
        // --skipLibCheck: our code is checked in full; re-checking every .d.ts of node_modules
        // triples the time and tests the libraries (fastify-type-provider-zod's own types need skipLibCheck).
        const result = run(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '--noEmit', '--skipLibCheck', '-p', 'tsconfig.json'], dir);
        assert.equal(result.status, 0, result.output);
      });

      if (testCase.vitest) {
        it('passes the auth tests (vitest, secrets from the setup file)', function () {
          const result = run(process.execPath, [path.join(dir, 'node_modules/vitest/vitest.mjs'), 'run', 'test/auth.test.ts'], dir, { CI: 'true', NO_COLOR: '1' });
          assert.equal(result.status, 0, result.output);
          assert.match(result.output, /Tests\s+\d+ passed/);
        });
      }
    });
  }
});
