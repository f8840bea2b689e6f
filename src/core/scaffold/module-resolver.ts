import { dirname, joinPath } from '../model/paths';
import { expandAlias, matchesAlias, type PathAlias } from './tsconfig-paths';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
// TS resolves `./x.js` to `./x.ts` (node16/nodenext style imports of TypeScript sources).
const SOURCE_FOR = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] } as Record<string, string[]>;

/**
 * A resolver for ensureImport: relative and aliased specifiers → the absolute file they load,
 * probing extensions and index files the way TypeScript does. Package specifiers resolve to
 * undefined (compared as written).
 */
export function createModuleResolver(fileExists: (path: string) => boolean, aliases: readonly PathAlias[] = []) {
  return (specifier: string, fromFile: string): string | undefined => {
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      return probe(joinPath(dirname(fromFile), specifier), fileExists);
    }
    for (const alias of aliases) {
      if (!matchesAlias(specifier, alias)) continue;
      for (const candidate of expandAlias(specifier, alias)) {
        const found = probe(candidate, fileExists);
        if (found) return found;
      }
    }
    return undefined;
  };
}

function probe(base: string, fileExists: (path: string) => boolean): string | undefined {
  const extension = /\.[cm]?[jt]sx?$/.exec(base)?.[0];
  if (extension) {
    if (fileExists(base)) return base;
    const stem = base.slice(0, -extension.length);
    for (const source of SOURCE_FOR[extension] ?? []) if (fileExists(stem + source)) return stem + source;
  }
  for (const candidate of [...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)]) {
    if (fileExists(candidate)) return candidate;
  }
  return undefined;
}
