import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, type FileChange } from '../core/model/edit';
import type { FileSystemHost } from '../core/model/file-system';
import { NodeFileSystem } from '../host/node-file-system';

/** The disk changed under a generator between reading and writing: nothing was written. */
export class StaleFileError extends Error {
  override name = 'StaleFileError';
}

/**
 * The Node file system, remembering what each file held when the generator first read it: edits
 * are offsets into that text, so it is what the disk must still hold when they are applied.
 */
export class RecordingFileSystem implements FileSystemHost {
  private readonly disk = new NodeFileSystem();
  private readonly seen = new Map<string, string | undefined>();

  readFile(filePath: string): string | undefined {
    if (!this.seen.has(filePath)) this.seen.set(filePath, this.disk.readFile(filePath));
    return this.seen.get(filePath);
  }

  fileExists(filePath: string): boolean {
    return this.seen.has(filePath) ? this.seen.get(filePath) !== undefined : this.disk.fileExists(filePath);
  }

  directoryExists(filePath: string): boolean {
    return this.disk.directoryExists(filePath);
  }

  readDirectory(filePath: string): { files: string[]; directories: string[] } {
    return this.disk.readDirectory(filePath);
  }

  /** The text the changes were computed from; undefined when the file was never read. */
  baseline(filePath: string): string | undefined {
    return this.seen.get(filePath);
  }
}

interface PlannedWrite {
  path: string;
  content: string;
  /** The content to restore if a later write fails; undefined for a created file. */
  previous: string | undefined;
}

/**
 * Writes the changes all or nothing. First every file is checked: an edited file must still hold
 * exactly the text the changes were computed from, a created file must still not exist; any
 * difference refuses before anything is written. Then each file goes to a temporary sibling and is
 * renamed into place (a crash never leaves half a file); if a write fails, the files already
 * written are put back.
 */
export function writeChanges(changes: readonly FileChange[], files: RecordingFileSystem): void {
  const planned: PlannedWrite[] = changes.map((change) => plan(change, files));
  const done: PlannedWrite[] = [];
  try {
    for (const write of planned) {
      fs.mkdirSync(path.dirname(write.path), { recursive: true });
      writeAtomically(write.path, write.content);
      done.push(write);
    }
  } catch (error) {
    for (const write of done.reverse()) {
      try {
        if (write.previous === undefined) fs.rmSync(write.path, { force: true });
        else writeAtomically(write.path, write.previous);
      } catch {
        // Best effort: the original error below says what went wrong first.
      }
    }
    throw error;
  }
}

function plan(change: FileChange, files: RecordingFileSystem): PlannedWrite {
  const current = readIfExists(change.path);
  if (change.kind === 'create') {
    if (current !== undefined) throw new StaleFileError(`${change.path} was created while the generator ran; nothing was written. Run the command again.`);
    return { path: change.path, content: change.content, previous: undefined };
  }
  const baseline = files.baseline(change.path);
  if (baseline === undefined || current !== baseline) {
    throw new StaleFileError(`${change.path} changed while the generator ran; nothing was written. Run the command again.`);
  }
  return { path: change.path, content: applyEdits(baseline, change.edits), previous: baseline };
}

function readIfExists(filePath: string): string | undefined {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function writeAtomically(filePath: string, content: string): void {
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.routewise-${process.pid}.tmp`);
  fs.writeFileSync(temporary, content, 'utf8');
  try {
    // Keep the file's permissions (an executable script stays executable).
    const mode = fs.statSync(filePath, { throwIfNoEntry: false })?.mode;
    if (mode !== undefined) fs.chmodSync(temporary, mode);
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
