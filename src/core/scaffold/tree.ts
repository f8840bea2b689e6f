import type { FileChange } from '../model/edit';
import type { FileSystemHost } from '../model/file-system';
import { normalizePath, toPosix } from '../model/paths';
import { ScaffoldConflictError } from './errors';
import { diffTexts } from './line-diff';

/**
 * A virtual view of the project that generators write into. Nothing reaches the disk: the
 * recorded changes become one `FileChange[]` the adapter applies as a single (undoable) edit,
 * so a failing generator leaves the workspace untouched.
 */
export class ScaffoldTree {
  /** Contents written during this run, keyed by normalised path. */
  private readonly written = new Map<string, string>();

  constructor(readonly host: FileSystemHost) {}

  read(path: string): string | undefined {
    const key = keyOf(path);
    return this.written.get(key) ?? this.host.readFile(key);
  }

  exists(path: string): boolean {
    return this.read(path) !== undefined;
  }

  /** Creates or overwrites a file. Writing what is already on disk records no change. */
  write(path: string, content: string): void {
    const key = keyOf(path);
    if (this.host.readFile(key) === content) this.written.delete(key);
    else this.written.set(key, content);
  }

  /**
   * Adds a new file. Identical existing content is fine (a re-run); anything else is the user's
   * file, which a generator must never overwrite silently.
   */
  create(path: string, content: string): void {
    const current = this.read(path);
    if (current === content) return;
    if (current !== undefined) {
      throw new ScaffoldConflictError(
        keyOf(path),
        `Cannot create ${keyOf(path)}: a file with different content already exists there. Move or rename it, or choose another name.`,
      );
    }
    this.write(path, content);
  }

  /** Whether this run changed anything (a second run of an idempotent generator must not). */
  hasChanges(): boolean {
    return this.listChanges().length > 0;
  }

  /** The changes relative to the host: `create` for new files, one minimal `edit` per changed file. */
  listChanges(): FileChange[] {
    const changes: FileChange[] = [];
    for (const path of [...this.written.keys()].sort()) {
      const content = this.written.get(path)!;
      const original = this.host.readFile(path);
      if (original === undefined) {
        changes.push({ kind: 'create', path, content });
      } else if (original !== content) {
        changes.push({ kind: 'edit', path, edits: diffTexts(original, content) });
      }
    }
    return changes;
  }
}

function keyOf(path: string): string {
  const normalized = normalizePath(toPosix(path));
  if (!normalized.startsWith('/') && !/^[A-Za-z]:\//.test(normalized)) {
    throw new Error(`ScaffoldTree paths must be absolute, got "${path}"`);
  }
  return normalized;
}
