import type { FileSystemHost } from '../model/file-system';
import { dirname, joinPath } from '../model/paths';
import { parseJsonc } from '../model/jsonc';

/** A path alias: `@/*` → [`/abs/src/*`]. Targets are absolute; `*` is the wildcard. */
export interface PathAlias {
  pattern: string;
  targets: string[];
}

export interface TsconfigFacts {
  path: string;
  aliases: PathAlias[];
  module?: string;
  moduleResolution?: string;
}

interface RawCompilerOptions {
  baseUrl?: unknown;
  paths?: unknown;
  module?: unknown;
  moduleResolution?: unknown;
}

const MAX_EXTENDS_DEPTH = 8;

/**
 * Reads the project's tsconfig.json and the relative `extends` chain it names (package
 * `extends` such as `@tsconfig/node20` never declare project paths, so they are not followed).
 */
export function readTsconfig(projectRoot: string, host: FileSystemHost): TsconfigFacts | undefined {
  const path = joinPath(projectRoot, 'tsconfig.json');
  if (!host.fileExists(path)) return undefined;

  let baseUrl: string | undefined;
  let paths: { value: Record<string, unknown>; dir: string } | undefined;
  let module: string | undefined;
  let moduleResolution: string | undefined;

  // Nearest config wins, so walk from the project's file outwards and keep the first value seen.
  const seen = new Set<string>();
  let queue = [path];
  for (let depth = 0; depth < MAX_EXTENDS_DEPTH && queue.length > 0; depth++) {
    const next: string[] = [];
    for (const configPath of queue) {
      if (seen.has(configPath)) continue;
      seen.add(configPath);
      const text = host.readFile(configPath);
      const config = text === undefined ? undefined : (parseJsonc(text) as { extends?: unknown; compilerOptions?: RawCompilerOptions } | undefined);
      if (!config) continue;
      const dir = dirname(configPath);
      const options = config.compilerOptions ?? {};
      if (baseUrl === undefined && typeof options.baseUrl === 'string') baseUrl = joinPath(dir, options.baseUrl);
      if (paths === undefined && typeof options.paths === 'object' && options.paths !== null) {
        paths = { value: options.paths as Record<string, unknown>, dir };
      }
      if (module === undefined && typeof options.module === 'string') module = options.module.toLowerCase();
      if (moduleResolution === undefined && typeof options.moduleResolution === 'string') {
        moduleResolution = options.moduleResolution.toLowerCase();
      }
      for (const parent of extendsOf(config.extends)) {
        if (parent.startsWith('.')) next.push(joinPath(dir, parent.endsWith('.json') ? parent : `${parent}.json`));
      }
    }
    queue = next;
  }

  const aliases: PathAlias[] = [];
  if (paths) {
    // Since TS 4.1 paths without baseUrl are relative to the config that declares them.
    const base = baseUrl ?? paths.dir;
    for (const [pattern, targets] of Object.entries(paths.value)) {
      if (!Array.isArray(targets)) continue;
      const absolute = targets.filter((t): t is string => typeof t === 'string').map((t) => joinPath(base, t));
      if (absolute.length > 0) aliases.push({ pattern, targets: absolute });
    }
  }
  return { path, aliases, module, moduleResolution };
}

/** Node subpath imports (`"imports": { "#src/*": "./src/*" }`) behave like aliases for generated code. */
export function packageImportAliases(packageJson: unknown, packageDir: string): PathAlias[] {
  const imports = (packageJson as { imports?: unknown } | undefined)?.imports;
  if (typeof imports !== 'object' || imports === null) return [];
  const aliases: PathAlias[] = [];
  for (const [pattern, target] of Object.entries(imports as Record<string, unknown>)) {
    const resolved = conditionalTarget(target);
    if (pattern.startsWith('#') && resolved?.startsWith('.')) aliases.push({ pattern, targets: [joinPath(packageDir, resolved)] });
  }
  return aliases;
}

/** Whether a module specifier goes through the alias. */
export function matchesAlias(specifier: string, alias: PathAlias): boolean {
  const star = alias.pattern.indexOf('*');
  if (star === -1) return specifier === alias.pattern;
  const prefix = alias.pattern.slice(0, star);
  const suffix = alias.pattern.slice(star + 1);
  return specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
}

/** The absolute candidates (without extension probing) an aliased specifier stands for. */
export function expandAlias(specifier: string, alias: PathAlias): string[] {
  const star = alias.pattern.indexOf('*');
  if (star === -1) return alias.targets.map((target) => target);
  const captured = specifier.slice(star, specifier.length - (alias.pattern.length - star - 1));
  return alias.targets.map((target) => target.replace('*', captured));
}

function extendsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function conditionalTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (typeof target !== 'object' || target === null) return undefined;
  const conditions = target as Record<string, unknown>;
  for (const key of ['types', 'import', 'require', 'node', 'default']) {
    const resolved = conditionalTarget(conditions[key]);
    if (resolved) return resolved;
  }
  return undefined;
}
