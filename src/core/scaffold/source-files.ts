import type { FileSystemHost } from '../model/file-system';
import { joinPath } from '../model/paths';

const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'lib-cov', 'tmp', 'vendor', 'fixtures', '__snapshots__']);
const MAX_DIRECTORIES = 400;

export const DEFAULT_SAMPLE_SIZE = 40;

/**
 * A bounded sample of the project's own source files for style detection: `src/` first (that is
 * the code generated files will sit next to), no dependencies, build output or declaration files.
 */
export function discoverSourceFiles(projectRoot: string, host: FileSystemHost, limit = DEFAULT_SAMPLE_SIZE): string[] {
  const found: string[] = [];
  const srcDir = joinPath(projectRoot, 'src');
  const queue = host.directoryExists(srcDir) ? [srcDir, projectRoot] : [projectRoot];
  const visited = new Set<string>();
  while (queue.length > 0 && found.length < limit && visited.size < MAX_DIRECTORIES) {
    const dir = queue.shift()!;
    if (visited.has(dir)) continue;
    visited.add(dir);
    const { files, directories } = host.readDirectory(dir);
    for (const file of files) {
      if (found.length >= limit) break;
      if (SOURCE_FILE.test(file) && !/\.d\.[cm]?ts$/.test(file) && !/\.min\.js$/.test(file)) found.push(joinPath(dir, file));
    }
    for (const child of directories) {
      if (!child.startsWith('.') && !SKIPPED_DIRECTORIES.has(child)) queue.push(joinPath(dir, child));
    }
  }
  return found;
}
