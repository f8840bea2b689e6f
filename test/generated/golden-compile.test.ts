/**
 * Real-compile test of the generators' output in existing projects: the `after/` trees of the
 * config, error-handler, middleware and health golden cases, with their dependencies really
 * installed, must pass their own `tsc --noEmit`. One install per framework major + zod major
 * (the union of the cases' dependencies), cached under .cache/generated-deps like the project test.
 *
 * Part of `npm run test:generated` (ROUTEWISE_GENERATED=1; skipped otherwise).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GOLDEN_ROOT, goldenCaseDirs, readTree } from '../helpers/golden';
import { installDependencies, run, type ProjectFlavour } from './project-support';

const GENERATORS = ['config', 'error-handler', 'middleware', 'health'];

interface CompileCase {
  name: string;
  after: Map<string, string>;
  group: string;
}

interface Manifest {
  type?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function majorOf(range: string | undefined): string {
  return /(\d+)/.exec(range ?? '')?.[1] ?? 'none';
}

function compileCases(): CompileCase[] {
  const cases: CompileCase[] = [];
  for (const generator of GENERATORS) {
    for (const caseDir of goldenCaseDirs(generator)) {
      const after = readTree(path.join(caseDir, 'after'));
      const manifestText = after.get('package.json');
      if (!manifestText || !after.has('tsconfig.json')) continue;
      const manifest = JSON.parse(manifestText) as Manifest;
      const dependencies = { ...manifest.dependencies, ...manifest.devDependencies };
      const framework = dependencies.express ? 'express' : 'fastify';
      const group = `golden-${framework}${majorOf(dependencies[framework])}-zod${majorOf(dependencies.zod)}`;
      cases.push({ name: `${generator}/${path.basename(caseDir)}`, after, group });
    }
  }
  return cases;
}

/** A package.json with every dependency of the group's cases, so one install serves them all. */
function unionManifest(cases: CompileCase[]): string {
  const union: Required<Pick<Manifest, 'dependencies' | 'devDependencies'>> = { dependencies: {}, devDependencies: {} };
  for (const testCase of cases) {
    const manifest = JSON.parse(testCase.after.get('package.json')!) as Manifest;
    Object.assign(union.dependencies, manifest.dependencies);
    Object.assign(union.devDependencies, manifest.devDependencies);
  }
  return `${JSON.stringify({ name: cases[0].group, private: true, ...union }, null, 2)}\n`;
}

(process.env.ROUTEWISE_GENERATED === '1' ? describe : describe.skip)('golden after/ trees compile with their real dependencies', function () {
  this.timeout(15 * 60_000);
  const cases = compileCases();
  const groups = new Map<string, CompileCase[]>();
  for (const testCase of cases) groups.set(testCase.group, [...(groups.get(testCase.group) ?? []), testCase]);
  const modules = new Map<string, string>();
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'routewise-golden-compile-'));

  before(function () {
    assert.ok(fs.existsSync(GOLDEN_ROOT));
    for (const [group, members] of groups) {
      const dir = path.join(temp, group);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), unionManifest(members));
      const flavour: ProjectFlavour = { id: group, framework: group.includes('express') ? 'express' : 'fastify', major: group.includes('4-') ? 4 : 5, moduleSystem: 'cjs' };
      const install = installDependencies(flavour, dir);
      console.log(`      ${group}: install (${install.warm ? 'warm' : 'cold'}) ${install.ms} ms`);
      modules.set(group, fs.realpathSync(path.join(dir, 'node_modules')));
    }
  });

  after(function () {
    fs.rmSync(temp, { recursive: true, force: true });
  });

  for (const testCase of cases) {
    it(`${testCase.name} type-checks (tsc --noEmit)`, function () {
      const dir = path.join(temp, 'cases', testCase.name);
      for (const [relative, content] of testCase.after) {
        fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
        fs.writeFileSync(path.join(dir, relative), content);
      }
      const nodeModules = modules.get(testCase.group)!;
      fs.symlinkSync(nodeModules, path.join(dir, 'node_modules'), 'dir');
      const result = run(process.execPath, [path.join(nodeModules, 'typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], dir);
      assert.equal(result.status, 0, result.output);
    });
  }
});
