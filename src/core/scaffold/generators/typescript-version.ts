import type { FileSystemHost } from '../../model/file-system';
import { basename, dirname, joinPath } from '../../model/paths';
import type { ProjectInfo } from '../../project/project-info';
import { parseJsonc } from '../../model/jsonc';
import { compareFloors, versionFloor, type VersionFloor } from '../semver-floor';

/**
 * The TypeScript version the project compiles with, `major.minor.patch`: the installed compiler
 * (node_modules/typescript, looked up like Node resolves it), else the lowest version its declared
 * range admits. Undefined when neither says (a new project: the latest syntax is fine).
 */
export function typescriptVersionOf(project: ProjectInfo, host: FileSystemHost): string | undefined {
  for (let dir = project.root; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const text = host.readFile(joinPath(dir, 'node_modules', 'typescript', 'package.json'));
      if (text !== undefined) {
        const floor = versionFloor(versionField(text) ?? '');
        if (floor) return format(floor);
        break;
      }
    }
    if (dirname(dir) === dir) break;
  }
  const declared = project.dependencies.typescript;
  const floor = declared === undefined ? undefined : versionFloor(declared);
  return floor ? format(floor) : undefined;
}

/** Whether `version` (as returned by typescriptVersionOf; undefined = current) is at least `minimum` (`4.5`, `5.5.0`). */
export function tsVersionAtLeast(version: string | undefined, minimum: string): boolean {
  if (version === undefined) return true;
  const have = versionFloor(version);
  const want = versionFloor(minimum);
  return !have || !want || compareFloors(have, want) >= 0;
}

function versionField(packageJsonText: string): string | undefined {
  try {
    const value: unknown = JSON.parse(packageJsonText.replace(/^\uFEFF/, ''));
    if (typeof value === 'object' && value !== null && 'version' in value) {
      const version = value.version;
      return typeof version === 'string' ? version : undefined;
    }
  } catch {
    // An unreadable package.json tells us nothing.
  }
  return undefined;
}

function format(floor: VersionFloor): string {
  return `${floor.major}.${floor.minor}.${floor.patch}`;
}

/** Node's typings as the project has them: their major, and whether they declare `node:` specifiers. */
export interface NodeTypes {
  major: number;
  /** `import … from 'node:crypto'` resolves (declared from @types/node 16; some 14.18 releases too). */
  nodePrefix: boolean;
}

/**
 * The installed @types/node (else the declared range's floor); undefined when the project has
 * neither (generators then add a current one, so every Node API is typed).
 */
export function nodeTypesOf(project: ProjectInfo, host: FileSystemHost): NodeTypes | undefined {
  for (let dir = project.root; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const folder = joinPath(dir, 'node_modules', '@types', 'node');
      const text = host.readFile(joinPath(folder, 'package.json'));
      if (text !== undefined) {
        const floor = versionFloor(versionField(text) ?? '');
        if (!floor) break;
        const crypto = host.readFile(joinPath(folder, 'crypto.d.ts')) ?? '';
        return { major: floor.major, nodePrefix: floor.major >= 16 || /declare module ['"]node:crypto['"]/.test(crypto) };
      }
    }
    if (dirname(dir) === dir) break;
  }
  const declared = project.dependencies['@types/node'];
  const floor = declared === undefined ? undefined : versionFloor(declared);
  return floor ? { major: floor.major, nodePrefix: floor.major >= 16 } : undefined;
}

const LATEST_ES = 9999;

/**
 * The newest ECMAScript library year the project's tsconfig.json gives generated code (`lib`, else
 * what `target` implies): 2017 for `"lib": ["es2017"]`, so `Object.fromEntries` (ES2019) is out.
 * Undefined when the tsconfig does not say (no tsconfig, an `extends` that may set it, `esnext`).
 */
export function esLibYearOf(root: string, host: FileSystemHost): number | undefined {
  const text = host.readFile(joinPath(root, 'tsconfig.json'));
  const config = text === undefined ? undefined : parseJsonc(text);
  if (typeof config !== 'object' || config === null) return undefined;
  const options = (config as { compilerOptions?: { lib?: unknown; target?: unknown } }).compilerOptions ?? {};
  const hasExtends = (config as { extends?: unknown }).extends !== undefined;
  if (Array.isArray(options.lib)) {
    const years = options.lib.map((entry) => (typeof entry === 'string' ? esYear(entry) : undefined)).filter((year): year is number => year !== undefined);
    return years.length === 0 ? undefined : orUndefined(Math.max(...years));
  }
  if (typeof options.target === 'string') return orUndefined(esYear(options.target) ?? LATEST_ES);
  // TypeScript's default target is ES5 — unless a base config sets one.
  return hasExtends ? undefined : 2009;
}

function esYear(name: string): number | undefined {
  const match = /^es(\d+|next)$/i.exec(name.trim());
  if (!match) return undefined;
  if (match[1].toLowerCase() === 'next') return LATEST_ES;
  const value = Number(match[1]);
  if (value === 3) return 1999;
  if (value === 5) return 2009;
  return value < 100 ? 2009 + value : value; // es6 → 2015
}

function orUndefined(year: number): number | undefined {
  return year >= LATEST_ES ? undefined : year;
}

/**
 * Whether the installed Express typings have the `Locals` type parameter on Request / Response
 * (`Locals` / `LocalsObj`; early 4.17.x releases lack it); true when they are not installed (a current version
 * will be).
 */
export function expressTypesHaveLocals(root: string, host: FileSystemHost): boolean {
  for (let dir = root; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const text = host.readFile(joinPath(dir, 'node_modules', '@types', 'express-serve-static-core', 'index.d.ts'));
      if (text !== undefined) return /interface Request<[^>]*\bLocals/.test(text);
    }
    if (dirname(dir) === dir) return true;
  }
}

/**
 * Whether the project compiles with strictNullChecks (`strict` or the flag itself in tsconfig.json).
 * Without it TypeScript does not narrow `if (result.success)` on zod's result union. True when
 * the tsconfig cannot tell (an `extends` may set it).
 */
export function strictNullChecksOf(root: string, host: FileSystemHost): boolean {
  const text = host.readFile(joinPath(root, 'tsconfig.json'));
  const config = text === undefined ? undefined : parseJsonc(text);
  if (typeof config !== 'object' || config === null) return true;
  const options = (config as { compilerOptions?: { strict?: unknown; strictNullChecks?: unknown } }).compilerOptions ?? {};
  if (typeof options.strictNullChecks === 'boolean') return options.strictNullChecks;
  if (typeof options.strict === 'boolean') return options.strict;
  return (config as { extends?: unknown }).extends !== undefined;
}
