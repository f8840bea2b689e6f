/** A replacement of the text between two offsets of a file's current content. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * The one edit model shared by quick fixes and generators. Paths are absolute and use `/`.
 * `edit` changes are computed against the file's text as the engine read it; the adapter
 * refuses to apply them if the file changed since.
 */
export type FileChange =
  | { kind: 'create'; path: string; content: string }
  | { kind: 'edit'; path: string; edits: TextEdit[] };

/** Applies non-overlapping edits to a text; edits may come in any order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) {
      throw new Error(`Overlapping edits at offset ${edit.start}`);
    }
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/** Applies the changes to an in-memory map of files (path → content); returns the new map. */
export function applyFileChanges(files: ReadonlyMap<string, string>, changes: readonly FileChange[]): Map<string, string> {
  const next = new Map(files);
  for (const change of changes) {
    if (change.kind === 'create') {
      next.set(change.path, change.content);
    } else {
      const current = next.get(change.path);
      if (current === undefined) {
        throw new Error(`Cannot edit ${change.path}: the file does not exist`);
      }
      next.set(change.path, applyEdits(current, change.edits));
    }
  }
  return next;
}
