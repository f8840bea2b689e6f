import type { FileSystemHost } from '../core/model/file-system';

/** A FileSystemHost that sees editors' unsaved text over the disk, so lint follows what the user types. */
export class OverlayFileSystem implements FileSystemHost {
  constructor(
    private readonly base: FileSystemHost,
    private readonly openText: (path: string) => string | undefined,
  ) {}

  readFile(path: string): string | undefined {
    return this.openText(path) ?? this.base.readFile(path);
  }

  fileExists(path: string): boolean {
    return this.openText(path) !== undefined || this.base.fileExists(path);
  }

  directoryExists(path: string): boolean {
    return this.base.directoryExists(path);
  }

  readDirectory(path: string): { files: string[]; directories: string[] } {
    return this.base.readDirectory(path);
  }
}
