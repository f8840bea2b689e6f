import { joinPath, relativePath } from '../../../model/paths';
import type { TestRunner } from '../../../project/project-info';
import { parseJsonc } from '../../../model/jsonc';
import { discoverSourceFiles } from '../../source-files';
import type { GeneratorContext } from '../types';

export type SupportedRunner = 'vitest' | 'jest' | 'node' | 'mocha';

export const TEST_DEPENDENCIES = { vitest: '^3.2.4', supertest: '^7.1.0', '@types/supertest': '^6.0.3' } as const;

/** Statements in the runner's assertion vocabulary: `expect` (vitest, jest) or node:assert (node:test, mocha). */
export interface Assertions {
  /** Strict equality. */
  eq(actual: string, expected: string): string;
  /** Deep equality. */
  deq(actual: string, expected: string): string;
  /** A condition that must hold. */
  ok(condition: string): string;
  /** `actual` has at least the properties of `expected`, with equal values. */
  match(actual: string, expected: string): string;
}

export interface TestSetup {
  runner: SupportedRunner;
  /** Import lines for the runner, given the hooks the file uses. */
  imports(hooks: readonly string[]): string[];
  /** `beforeAll` (vitest, jest) / `before` (node:test, mocha). */
  beforeAllName: string;
  afterAllName: string;
  expectStyle: boolean;
  a: Assertions;
  /** Default imports of CommonJS modules (`import request from 'supertest'`) compile in this project. */
  defaultInterop: boolean;
}

const EXPECT: Assertions = {
  eq: (actual, expected) => `expect(${actual}).toBe(${expected});`,
  deq: (actual, expected) => `expect(${actual}).toEqual(${expected});`,
  ok: (condition) => `expect(${condition}).toBe(true);`,
  match: (actual, expected) => `expect(${actual}).toMatchObject(${expected});`,
};

const ASSERT: Assertions = {
  eq: (actual, expected) => `assert.equal(${actual}, ${expected});`,
  deq: (actual, expected) => `assert.deepEqual(${actual}, ${expected});`,
  ok: (condition) => `assert.ok(${condition});`,
  match: (actual, expected) => `assert.deepEqual(subset(${actual}, ${expected}), ${expected});`,
};

/** The project's runner: the one it uses, else vitest (new projects, projects without tests). */
export function detectRunner(context: GeneratorContext): SupportedRunner {
  const runner: TestRunner | undefined = context.project.testRunner;
  if (runner === 'vitest' || runner === 'jest' || runner === 'node' || runner === 'mocha') return runner;
  return 'vitest';
}

function readJson(context: GeneratorContext, relative: string): Record<string, unknown> | undefined {
  const text = context.tree.read(joinPath(context.root, relative));
  const value = text === undefined ? undefined : parseJsonc(text);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** Whether `import x from 'cjs-module'` compiles: ESM, or esModuleInterop / allowSyntheticDefaultImports. */
function defaultInteropOf(context: GeneratorContext): boolean {
  if (context.flavour.esm) return true;
  const options = readJson(context, 'tsconfig.json')?.compilerOptions as Record<string, unknown> | undefined;
  if (!options) return true;
  if (options.esModuleInterop === true || options.allowSyntheticDefaultImports === true) return true;
  const module = typeof options.module === 'string' ? options.module.toLowerCase() : '';
  // Without the flags only ESM module settings allow it; an `extends` may set them, so trust it.
  return /^(es|node16|nodenext|preserve)/.test(module) || readJson(context, 'tsconfig.json')?.extends !== undefined;
}

export function testSetup(context: GeneratorContext): TestSetup {
  const runner = detectRunner(context);
  const expectStyle = runner === 'vitest' || runner === 'jest';
  const defaultInterop = defaultInteropOf(context);
  const jestGlobals = runner === 'jest' && '@jest/globals' in context.project.dependencies;
  return {
    runner,
    expectStyle,
    beforeAllName: expectStyle ? 'beforeAll' : 'before',
    afterAllName: expectStyle ? 'afterAll' : 'after',
    a: expectStyle ? EXPECT : ASSERT,
    defaultInterop,
    imports(hooks) {
      const sorted = [...new Set(hooks)].sort();
      switch (runner) {
        case 'vitest':
          return [`import { ${[...sorted, 'describe', 'expect', 'it'].sort().join(', ')} } from 'vitest';`];
        case 'jest':
          return jestGlobals ? [`import { ${[...sorted, 'describe', 'expect', 'it'].sort().join(', ')} } from '@jest/globals';`] : [];
        case 'node':
          return [defaultInterop ? `import assert from 'node:assert/strict';` : `import * as assert from 'node:assert/strict';`, `import { ${[...sorted, 'describe', 'it'].sort().join(', ')} } from 'node:test';`];
        case 'mocha':
          return [defaultInterop ? `import assert from 'node:assert/strict';` : `import * as assert from 'node:assert/strict';`];
      }
    },
  };
}

/**
 * Where a new test file goes: next to the project's existing tests (the folder most of them are
 * in, their `.test` / `.spec` suffix), else `test/<name>.test.ts`.
 */
export function testFilePath(context: GeneratorContext, name: string): string {
  const tests = discoverSourceFiles(context.root, context.tree.host, 400)
    .map((file) => relativePath(context.root, file))
    .filter((file) => /\.(test|spec)\.[cm]?ts$/.test(file));
  if (tests.length === 0) return `test/${name}.test.ts`;
  const count = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  };
  const suffix = count(tests.map((file) => (/\.spec\.[cm]?ts$/.test(file) ? 'spec' : 'test')));
  const topFolders = tests.map((file) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.'));
  const top = count(topFolders);
  // Tests beside the sources (src/**/x.test.ts) go to the source folder of what they test.
  const dir = top === 'src' ? 'src' : top === '.' ? '.' : top;
  const folder = dir === 'src' ? `src/__tests__` : dir;
  const prefix = folder === '.' ? '' : `${folder}/`;
  return `${prefix}${name}.${suffix}.ts`;
}
