import type { Framework } from '../model/rule-meta';

export type ModuleSystem = 'esm' | 'cjs';
export type TestRunner = 'vitest' | 'jest' | 'mocha' | 'node' | 'tap' | 'ava';
export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** What Routewise knows about the package that owns a file (its nearest package.json). */
export interface ProjectInfo {
  /** Directory of the owning package.json, or the file's directory when there is none. */
  root: string;
  packageJsonPath?: string;
  framework?: Framework;
  /** Major version of the framework, when known (4, 5, …). */
  frameworkMajor?: number;
  /** Where the version came from: the installed package, the declared range, or only imports. */
  frameworkVersionSource: 'installed' | 'declared' | 'imports' | 'none';
  moduleSystem: ModuleSystem;
  typescript: boolean;
  zodMajor?: number;
  /** `zod/v4` when the project imports the v4 subpath of zod 3.25. */
  zodImport?: 'zod' | 'zod/v4';
  testRunner?: TestRunner;
  packageManager: PackageManager;
  /** dependencies and devDependencies merged: name → declared range. */
  dependencies: Record<string, string>;
}

export function unknownProject(root: string): ProjectInfo {
  return {
    root,
    frameworkVersionSource: 'none',
    moduleSystem: 'cjs',
    typescript: false,
    packageManager: 'npm',
    dependencies: {},
  };
}

/** A Fastify project without Express: every response object in it is a Fastify reply, whatever its name. */
export function isFastifyOnly(project: ProjectInfo): boolean {
  return project.framework === 'fastify' && project.dependencies.express === undefined;
}
