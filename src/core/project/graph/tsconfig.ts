import type { FileSystemHost } from '../../model/file-system';
import { dirname, joinPath } from '../../model/paths';
import { isRecord, parseJsonc } from '../../model/jsonc';

/** The module-resolution settings of one tsconfig / jsconfig after following its `extends` chain. */
export interface PathMapping {
  configPath: string;
  /** Absolute baseUrl, when one is set anywhere in the chain. */
  baseUrl?: string;
  /** `paths` patterns, most specific first, with targets already made absolute. */
  paths: { prefix: string; suffix: string; wildcard: boolean; targets: string[] }[];
}

interface RawOptions {
  baseUrl?: { value: string; dir: string };
  paths?: { value: Record<string, string[]>; dir: string };
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_EXTENDS_DEPTH = 16;

/**
 * Reads the config that governs a folder the way the TypeScript language service picks one: the
 * nearest tsconfig.json / jsconfig.json above it. Nothing is executed; unreadable configs count as absent.
 */
export class TsConfigLoader {
  private readonly byDirectory = new Map<string, PathMapping | null>();
  private readonly byConfig = new Map<string, PathMapping | null>();

  constructor(
    private readonly host: FileSystemHost,
    private readonly exists: (path: string) => boolean = (path) => host.fileExists(path),
  ) {}

  mappingFor(directory: string): PathMapping | undefined {
    const cached = this.byDirectory.get(directory);
    if (cached !== undefined) return cached ?? undefined;
    let mapping: PathMapping | null = null;
    const configPath = CONFIG_NAMES.map((name) => joinPath(directory, name)).find((path) => this.exists(path));
    if (configPath) mapping = this.load(configPath) ?? null;
    else if (directory !== '/' && dirname(directory) !== directory) mapping = this.mappingFor(dirname(directory)) ?? null;
    this.byDirectory.set(directory, mapping);
    return mapping ?? undefined;
  }

  clear(): void {
    this.byDirectory.clear();
    this.byConfig.clear();
  }

  private load(configPath: string): PathMapping | undefined {
    const cached = this.byConfig.get(configPath);
    if (cached !== undefined) return cached ?? undefined;
    const configDir = dirname(configPath);
    const raw = this.readChain(configPath, 0, new Set());
    let mapping = raw ? toMapping(configPath, configDir, raw.options) : undefined;
    // Solution-style configs hold nothing themselves; their first referenced project with paths decides.
    if (raw && (!mapping || mapping.paths.length === 0) && !mapping?.baseUrl) {
      for (const reference of raw.references) {
        const referenced = this.exists(reference) ? reference : joinPath(reference, 'tsconfig.json');
        if (referenced === configPath || !this.exists(referenced)) continue;
        const inner = this.load(referenced);
        if (inner && (inner.paths.length > 0 || inner.baseUrl)) {
          mapping = inner;
          break;
        }
      }
    }
    this.byConfig.set(configPath, mapping ?? null);
    return mapping;
  }

  private readChain(configPath: string, depth: number, seen: Set<string>): { options: RawOptions; references: string[] } | undefined {
    if (depth > MAX_EXTENDS_DEPTH || seen.has(configPath)) return undefined;
    seen.add(configPath);
    const text = this.host.readFile(configPath);
    const json = text === undefined ? undefined : parseJsonc(text);
    if (!isRecord(json)) return undefined;
    const dir = dirname(configPath);
    let options: RawOptions = {};
    const bases = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
    for (const base of bases) {
      if (typeof base !== 'string') continue;
      const basePath = this.resolveExtends(base, dir);
      const inherited = basePath ? this.readChain(basePath, depth + 1, seen) : undefined;
      if (inherited) options = { ...options, ...inherited.options };
    }
    const compilerOptions = isRecord(json.compilerOptions) ? json.compilerOptions : {};
    if (typeof compilerOptions.baseUrl === 'string') options.baseUrl = { value: compilerOptions.baseUrl, dir };
    if (isRecord(compilerOptions.paths)) {
      const paths: Record<string, string[]> = {};
      for (const [key, targets] of Object.entries(compilerOptions.paths)) {
        if (Array.isArray(targets)) paths[key] = targets.filter((target): target is string => typeof target === 'string');
      }
      options.paths = { value: paths, dir };
    }
    const references = Array.isArray(json.references)
      ? json.references.flatMap((reference) => (isRecord(reference) && typeof reference.path === 'string' ? [joinPath(dir, reference.path)] : []))
      : [];
    return { options, references };
  }

  private resolveExtends(specifier: string, fromDir: string): string | undefined {
    const candidates: string[] = [];
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      const path = specifier.startsWith('/') ? specifier : joinPath(fromDir, specifier);
      candidates.push(path, `${path}.json`);
    } else {
      for (let dir = fromDir; ; dir = dirname(dir)) {
        const base = joinPath(dir, 'node_modules', specifier);
        candidates.push(base, `${base}.json`, joinPath(base, 'tsconfig.json'));
        if (dir === '/' || dirname(dir) === dir) break;
      }
    }
    return candidates.find((candidate) => candidate.endsWith('.json') && this.exists(candidate));
  }
}

function toMapping(configPath: string, configDir: string, options: RawOptions): PathMapping {
  const substitute = (value: string): string => value.replace(/\$\{configDir\}/g, configDir);
  const baseUrl = options.baseUrl ? joinPath(options.baseUrl.dir, substitute(options.baseUrl.value)) : undefined;
  const paths: PathMapping['paths'] = [];
  if (options.paths) {
    // Targets are relative to baseUrl when there is one, else to the config that declares `paths`.
    const base = baseUrl ?? options.paths.dir;
    for (const [pattern, targets] of Object.entries(options.paths.value)) {
      const star = pattern.indexOf('*');
      paths.push({
        prefix: star === -1 ? pattern : pattern.slice(0, star),
        suffix: star === -1 ? '' : pattern.slice(star + 1),
        wildcard: star !== -1,
        targets: targets.map((target) => {
          const value = substitute(target);
          return value.startsWith('/') ? value : joinPath(base, value);
        }),
      });
    }
    paths.sort((a, b) => b.prefix.length - a.prefix.length);
  }
  return { configPath, baseUrl, paths };
}
