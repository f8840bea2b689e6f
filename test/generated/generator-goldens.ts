/**
 * Shared by the real-compile tests of the resource, router, route, tests and validation
 * generators: each golden case's `after/` tree, written to disk with its dependencies really
 * installed (one install per framework major + zod major: the union of the cases' dependencies,
 * cached under .cache/generated-deps/ like the other generated tests), must pass its own
 * `tsc --noEmit`; the generated tests of cases whose runner runs TypeScript as configured
 * (vitest, node:test through tsx, mocha through tsx) must pass too.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { goldenCaseDirs, readTree } from '../helpers/golden';
import { installDependencies, run, type ProjectFlavour } from './project-support';

interface Manifest {
  type?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface CompileCase {
  name: string;
  after: Map<string, string>;
  group: string;
  manifest: Manifest;
}

function majorOf(range: string | undefined): string {
  return /(\d+)/.exec(range ?? '')?.[1] ?? 'none';
}

function compileCases(generators: readonly string[]): CompileCase[] {
  const cases: CompileCase[] = [];
  for (const generator of generators) {
    for (const caseDir of goldenCaseDirs(generator)) {
      const after = readTree(path.join(caseDir, 'after'));
      const manifestText = after.get('package.json');
      if (!manifestText || !after.has('tsconfig.json')) continue;
      const manifest = JSON.parse(manifestText) as Manifest;
      const dependencies = { ...manifest.dependencies, ...manifest.devDependencies };
      const framework = dependencies.express ? 'express' : 'fastify';
      // Own cache ids: the cache keeps one dependency set per id, so ids are not shared with other suites.
      const group = `generators-${framework}${majorOf(dependencies[framework])}-zod${majorOf(dependencies.zod)}`;
      cases.push({ name: `${generator}/${path.basename(caseDir)}`, after, group, manifest });
    }
  }
  return cases;
}

function unionManifest(cases: readonly CompileCase[]): string {
  const union: Required<Pick<Manifest, 'dependencies' | 'devDependencies'>> = { dependencies: {}, devDependencies: {} };
  for (const testCase of cases) {
    Object.assign(union.dependencies, testCase.manifest.dependencies);
    Object.assign(union.devDependencies, testCase.manifest.devDependencies);
  }
  return `${JSON.stringify({ name: cases[0].group, private: true, ...union }, null, 2)}\n`;
}

/** The generated tests can run as the case's package.json says (jest needs a TypeScript transform the cases do not set up). */
function runsTypeScriptTests(testCase: CompileCase): boolean {
  const script = testCase.manifest.scripts?.test ?? '';
  const hasTests = [...testCase.after.keys()].some((file) => /\.test\.ts$/.test(file));
  return hasTests && /^(vitest|node --import tsx --test|mocha)\b/.test(script);
}

/**
 * All the generators whose goldens share installs: every suite installs the union of all their
 * cases' dependencies per group, so the suites share one cache entry per group.
 */
const ALL_GENERATORS = ['resource', 'router', 'route', 'tests', 'validation'];

/** Registers the suite for the golden cases of `generators` (skipped unless ROUTEWISE_GENERATED=1). */
export function describeGoldenCompile(title: string, generators: readonly string[]): void {
  (process.env.ROUTEWISE_GENERATED === '1' ? describe : describe.skip)(title, function () {
    this.timeout(15 * 60_000);
    const cases = compileCases(generators);
    const everyCase = compileCases(ALL_GENERATORS);
    const groups = new Map<string, CompileCase[]>();
    for (const testCase of everyCase) {
      if (cases.some((wanted) => wanted.group === testCase.group)) groups.set(testCase.group, [...(groups.get(testCase.group) ?? []), testCase]);
    }
    const modules = new Map<string, string>();
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'routewise-generator-goldens-'));

    before(function () {
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
      if (process.env.ROUTEWISE_KEEP_GENERATED !== '1') fs.rmSync(temp, { recursive: true, force: true });
    });

    for (const testCase of cases) {
      const dir = path.join(temp, 'cases', testCase.name);
      const materialize = (): string => {
        if (!fs.existsSync(dir)) {
          for (const [relative, content] of testCase.after) {
            fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
            fs.writeFileSync(path.join(dir, relative), content);
          }
          fs.symlinkSync(modules.get(testCase.group)!, path.join(dir, 'node_modules'), 'dir');
        }
        return dir;
      };

      it(`${testCase.name} type-checks (tsc --noEmit)`, function () {
        const cwd = materialize();
        const result = run(process.execPath, [path.join(cwd, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], cwd);
        assert.equal(result.status, 0, result.output);
      });

      if (runsTypeScriptTests(testCase)) {
        it(`${testCase.name} passes its generated tests (npm test)`, function () {
          const cwd = materialize();
          const result = run('npm', ['test', '--silent'], cwd, { CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' });
          assert.equal(result.status, 0, result.output);
        });
      }
    }
  });
}
