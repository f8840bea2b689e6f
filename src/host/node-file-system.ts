import * as fs from 'node:fs';
import type { FileSystemHost } from '../core/model/file-system';

/** The FileSystemHost over the real disk, for the CLI and the extension host. */
export class NodeFileSystem implements FileSystemHost {
  readFile(path: string): string | undefined {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  fileExists(path: string): boolean {
    try {
      return fs.statSync(path).isFile();
    } catch {
      return false;
    }
  }

  directoryExists(path: string): boolean {
    try {
      return fs.statSync(path).isDirectory();
    } catch {
      return false;
    }
  }

  readDirectory(path: string): { files: string[]; directories: string[] } {
    const files: string[] = [];
    const directories: string[] = [];
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path, { withFileTypes: true });
    } catch {
      return { files, directories };
    }
    for (const entry of entries) {
      if (entry.isDirectory()) directories.push(entry.name);
      else if (entry.isFile()) files.push(entry.name);
      // Symbolic links are followed only when they point at files: folder links can loop.
      else if (entry.isSymbolicLink() && this.fileExists(`${path}/${entry.name}`)) files.push(entry.name);
    }
    return { files: files.sort(), directories: directories.sort() };
  }
}
