/**
 * The core's only way to the disk. The CLI passes a Node implementation, the extension one that
 * prefers open editors' unsaved text, tests an in-memory map. Paths are absolute with `/`.
 */
export interface FileSystemHost {
  readFile(path: string): string | undefined;
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  /** Names (not paths) of the entries of a directory; files and directories alike. */
  readDirectory(path: string): { files: string[]; directories: string[] };
}

/** A FileSystemHost over a map of absolute paths to contents; for tests and virtual trees. */
export class InMemoryFileSystem implements FileSystemHost {
  readonly files: Map<string, string>;

  constructor(files: Iterable<[string, string]> = []) {
    this.files = new Map(files);
  }

  readFile(path: string): string | undefined {
    return this.files.get(path);
  }

  fileExists(path: string): boolean {
    return this.files.has(path);
  }

  directoryExists(path: string): boolean {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const file of this.files.keys()) {
      if (file.startsWith(prefix)) return true;
    }
    return false;
  }

  readDirectory(path: string): { files: string[]; directories: string[] } {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const files = new Set<string>();
    const directories = new Set<string>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1) files.add(rest);
      else directories.add(rest.slice(0, slash));
    }
    return { files: [...files].sort(), directories: [...directories].sort() };
  }
}
