import type { FileSystemHost } from '../../model/file-system';
import { basename, dirname, extname, joinPath } from '../../model/paths';
import { isRecord, parseJsonc } from '../../model/jsonc';
import { TsConfigLoader } from './tsconfig';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** NodeNext projects import `./x.js` while the file on disk is `./x.ts`. */
const TS_COUNTERPARTS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/**
 * Maps import specifiers to the project's own source files: relative paths (with or without an
 * extension, `.js` written for a `.ts` file, folder index files), tsconfig `paths` / `baseUrl`
 * aliases and package.json `imports` (`#x`). Packages from node_modules resolve to undefined:
 * the graph treats them as external.
 */
export class ModuleResolver {
  private readonly cache = new Map<string, string | null>();
  private readonly packageImports = new Map<string, { dir: string; imports: Record<string, unknown> } | null>();
  /** One directory listing answers every candidate in it: far cheaper than a stat per candidate. */
  private readonly listings = new Map<string, { files: Set<string>; directories: Set<string> }>();
  readonly tsconfigs: TsConfigLoader;

  constructor(private readonly host: FileSystemHost) {
    this.tsconfigs = new TsConfigLoader(host, (path) => this.exists(path));
  }

  resolve(specifier: string, fromFile: string): string | undefined {
    const fromDir = dirname(fromFile);
    const key = `${fromDir}\0${specifier}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const resolved = this.resolveUncached(specifier, fromDir);
    this.cache.set(key, resolved ?? null);
    return resolved;
  }

  clear(): void {
    this.cache.clear();
    this.listings.clear();
    this.packageImports.clear();
    this.tsconfigs.clear();
  }

  private resolveUncached(specifier: string, fromDir: string): string | undefined {
    const bare = specifier.replace(/^node:/, '');
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      return this.resolvePath(joinPath(fromDir, specifier));
    }
    if (specifier.startsWith('/')) return this.resolvePath(specifier);
    if (specifier.startsWith('file://')) return this.resolvePath(decodeURIComponent(specifier.slice('file://'.length)));
    if (specifier.startsWith('#')) return this.resolvePackageImport(specifier, fromDir);
    if (bare !== specifier) return undefined;
    const mapping = this.tsconfigs.mappingFor(fromDir);
    if (!mapping) return undefined;
    for (const entry of mapping.paths) {
      const matches = entry.wildcard
        ? specifier.startsWith(entry.prefix) && specifier.endsWith(entry.suffix) && specifier.length >= entry.prefix.length + entry.suffix.length
        : specifier === entry.prefix;
      if (!matches) continue;
      const captured = entry.wildcard ? specifier.slice(entry.prefix.length, specifier.length - entry.suffix.length) : '';
      for (const target of entry.targets) {
        const resolved = this.resolvePath(target.replace('*', captured));
        if (resolved) return resolved;
      }
      // TypeScript stops at the first matching pattern even when none of its targets exist.
      return undefined;
    }
    return mapping.baseUrl ? this.resolvePath(joinPath(mapping.baseUrl, specifier)) : undefined;
  }

  /** A file, the same file written with a JS extension, the path plus an extension, or a folder index. */
  resolvePath(path: string): string | undefined {
    const extension = extname(path);
    if (SOURCE_EXTENSIONS.includes(extension) && !/\.d\.[cm]?ts$/.test(path) && this.exists(path)) return path;
    const counterparts = TS_COUNTERPARTS[extension];
    if (counterparts) {
      const stem = path.slice(0, -extension.length);
      for (const replacement of counterparts) {
        if (this.exists(stem + replacement)) return stem + replacement;
      }
    }
    for (const candidate of SOURCE_EXTENSIONS) {
      if (this.exists(path + candidate)) return path + candidate;
    }
    if (!this.isDirectory(path)) return undefined;
    for (const candidate of SOURCE_EXTENSIONS) {
      const index = joinPath(path, `index${candidate}`);
      if (this.exists(index)) return index;
    }
    return undefined;
  }

  exists(path: string): boolean {
    return this.listing(dirname(path)).files.has(basename(path));
  }

  private isDirectory(path: string): boolean {
    return path === '/' || this.listing(dirname(path)).directories.has(basename(path));
  }

  private listing(directory: string): { files: Set<string>; directories: Set<string> } {
    let listing = this.listings.get(directory);
    if (!listing) {
      // Only folders known to exist are read: a failed read costs far more than a set lookup.
      const known = directory === '/' || this.isDirectory(directory);
      const entries = known ? this.host.readDirectory(directory) : { files: [], directories: [] };
      listing = { files: new Set(entries.files), directories: new Set(entries.directories) };
      this.listings.set(directory, listing);
    }
    return listing;
  }

  private resolvePackageImport(specifier: string, fromDir: string): string | undefined {
    const scope = this.packageImportsOf(fromDir);
    if (!scope) return undefined;
    for (const [pattern, target] of Object.entries(scope.imports)) {
      const star = pattern.indexOf('*');
      let captured: string | undefined;
      if (star === -1) {
        if (pattern === specifier) captured = '';
      } else {
        const prefix = pattern.slice(0, star);
        const suffix = pattern.slice(star + 1);
        if (specifier.startsWith(prefix) && specifier.endsWith(suffix)) captured = specifier.slice(prefix.length, specifier.length - suffix.length);
      }
      if (captured === undefined) continue;
      for (const candidate of importTargets(target)) {
        const resolved = this.resolvePath(joinPath(scope.dir, candidate.replace(/\*/g, captured)));
        if (resolved) return resolved;
      }
    }
    return undefined;
  }

  private packageImportsOf(directory: string): { dir: string; imports: Record<string, unknown> } | undefined {
    const cached = this.packageImports.get(directory);
    if (cached !== undefined) return cached ?? undefined;
    let result: { dir: string; imports: Record<string, unknown> } | null = null;
    const manifest = this.host.readFile(joinPath(directory, 'package.json'));
    if (manifest !== undefined) {
      const json = parseJsonc(manifest);
      if (isRecord(json) && isRecord(json.imports)) result = { dir: directory, imports: json.imports };
    } else if (directory !== '/' && dirname(directory) !== directory) {
      result = this.packageImportsOf(dirname(directory)) ?? null;
    }
    this.packageImports.set(directory, result);
    return result ?? undefined;
  }
}

/** Every string target of a package.json `imports` entry, conditions in their written order. */
function importTargets(target: unknown): string[] {
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target.flatMap(importTargets);
  if (isRecord(target)) return Object.values(target).flatMap(importTargets);
  return [];
}
