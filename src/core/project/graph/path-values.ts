import { basename, dirname, joinPath, normalizePath } from '../../model/paths';
import type { Value } from './values';

/**
 * `path.join(__dirname, 'routes')` and friends, evaluated on known strings so autoload folders can be
 * found. Returns undefined when any part is not a known string.
 */
export function evaluatePathCall(fn: string, args: readonly Value[], cwd: string): Value | undefined {
  const strings: string[] = [];
  for (const arg of args) {
    if (arg.kind !== 'string') return undefined;
    strings.push(arg.value);
  }
  switch (fn) {
    case 'join':
      return strings.length > 0 ? { kind: 'string', value: normalizePath(strings.join('/')) } : undefined;
    case 'resolve': {
      let result = cwd;
      for (const part of strings) result = part.startsWith('/') ? normalizePath(part) : joinPath(result, part);
      return { kind: 'string', value: result };
    }
    case 'normalize':
      return strings.length === 1 ? { kind: 'string', value: normalizePath(strings[0]) } : undefined;
    case 'dirname':
      return strings.length === 1 ? { kind: 'string', value: dirname(strings[0]) } : undefined;
    case 'basename':
      return strings.length >= 1 ? { kind: 'string', value: basename(strings[0]) } : undefined;
    default:
      return undefined;
  }
}

/** `fileURLToPath('file:///x/y')` → '/x/y'. */
export function fileUrlToPath(value: Value | undefined): Value | undefined {
  if (value?.kind !== 'string' || !value.value.startsWith('file://')) return undefined;
  return { kind: 'string', value: decodeURIComponent(value.value.slice('file://'.length)) };
}

/** `new URL('./routes', import.meta.url)` → 'file:///…/routes'. */
export function resolveUrl(relative: Value | undefined, base: Value | undefined): Value | undefined {
  if (relative?.kind !== 'string') return undefined;
  if (relative.value.startsWith('file://')) return relative;
  if (base?.kind !== 'string' || !base.value.startsWith('file://')) return undefined;
  const basePath = base.value.slice('file://'.length);
  const directory = basePath.endsWith('/') ? basePath : dirname(basePath);
  return { kind: 'string', value: `file://${joinPath(directory, relative.value)}` };
}

export const PATH_MODULES = new Set(['path', 'node:path', 'path/posix', 'node:path/posix']);
export const URL_MODULES = new Set(['url', 'node:url']);
