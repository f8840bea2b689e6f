import { applyEdits, type FileChange, type TextEdit } from '../core/model/edit';

/** Unchanged lines shown around each change. */
const CONTEXT = 2;
/** Beyond this many cells the line diff of a block is not worth computing: show it replaced. */
const MAX_DIFF_CELLS = 4_000_000;

/**
 * What `routewise add --dry-run` prints: created files with their line counts, edited files as
 * unified-diff-like hunks (`@@ -12,3 +12,4 @@`, ` ` context, `-` removed, `+` added).
 */
export function describePlannedChanges(changes: readonly FileChange[], originalOf: (path: string) => string | undefined, display: (path: string) => string): string {
  const out: string[] = [];
  for (const change of [...changes].sort(byKindThenPath)) {
    if (change.kind === 'create') {
      const lines = lineCount(change.content);
      out.push(`create ${display(change.path)} (${lines} ${lines === 1 ? 'line' : 'lines'})`);
      continue;
    }
    out.push(`edit   ${display(change.path)}`);
    const original = originalOf(change.path);
    if (original === undefined) {
      out.push('  (the file could not be read)');
      continue;
    }
    for (const line of unifiedHunks(original, change.edits)) out.push(`  ${line}`);
  }
  return `${out.join('\n')}\n`;
}

function byKindThenPath(a: FileChange, b: FileChange): number {
  return a.kind === b.kind ? a.path.localeCompare(b.path) : a.kind === 'create' ? -1 : 1;
}

function lineCount(text: string): number {
  if (text.length === 0) return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

interface Block {
  first: number;
  last: number;
  edits: TextEdit[];
}

/** The hunks of one file's edits, each line prefixed as in a unified diff. */
export function unifiedHunks(original: string, edits: readonly TextEdit[]): string[] {
  const starts = lineStarts(original);
  const oldLines = original.split('\n').map(stripCr);
  // The empty "line" after a final newline is not a line of the file: never show it as context.
  if (original.endsWith('\n')) oldLines.pop();
  const blocks = blocksOf(edits, starts);
  const out: string[] = [];
  let delta = 0;
  for (const block of blocks) {
    const from = starts[block.first];
    const to = lineEnd(original, starts, block.last);
    const shifted = block.edits.map((edit) => ({ start: edit.start - from, end: edit.end - from, newText: edit.newText }));
    const before = original.slice(from, to).split('\n').map(stripCr);
    const after = applyEdits(original.slice(from, to), shifted).split('\n').map(stripCr);
    const body = lineDiff(before, after);
    const contextBefore = oldLines.slice(Math.max(0, block.first - CONTEXT), block.first);
    const contextAfter = oldLines.slice(block.last + 1, block.last + 1 + CONTEXT);
    const oldStart = block.first - contextBefore.length + 1;
    const oldCount = contextBefore.length + before.length + contextAfter.length;
    const newCount = contextBefore.length + after.length + contextAfter.length;
    out.push(`@@ -${oldStart},${oldCount} +${oldStart + delta},${newCount} @@`);
    for (const line of contextBefore) out.push(` ${line}`);
    out.push(...body);
    for (const line of contextAfter) out.push(` ${line}`);
    delta += after.length - before.length;
  }
  return out;
}

/** Edits grouped by the lines they touch; groups closer than twice the context share a hunk. */
function blocksOf(edits: readonly TextEdit[], starts: readonly number[]): Block[] {
  const blocks: Block[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const first = lineAt(starts, edit.start);
    const last = lineAt(starts, edit.end);
    const previous = blocks[blocks.length - 1];
    if (previous && first <= previous.last + 2 * CONTEXT + 1) {
      // The lines in between become part of the block (shown as context by the line diff).
      previous.last = Math.max(previous.last, last);
      previous.edits.push(edit);
    } else {
      blocks.push({ first, last, edits: [edit] });
    }
  }
  return blocks;
}

/** ` `, `-` and `+` lines from a longest-common-subsequence line diff. */
function lineDiff(before: readonly string[], after: readonly string[]): string[] {
  if (before.length * after.length > MAX_DIFF_CELLS) return [...before.map((line) => `-${line}`), ...after.map((line) => `+${line}`)];
  const rows = before.length + 1;
  const columns = after.length + 1;
  // common[i][j]: length of the LCS of before[i..] and after[j..]
  const common = new Uint32Array(rows * columns);
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i * columns + j] = before[i] === after[j] ? common[(i + 1) * columns + j + 1] + 1 : Math.max(common[(i + 1) * columns + j], common[i * columns + j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      out.push(` ${before[i++]}`);
      j++;
    } else if (i < before.length && (j === after.length || common[(i + 1) * columns + j] >= common[i * columns + j + 1])) {
      // Removals before additions, as diff prints a replaced line.
      out.push(`-${before[i++]}`);
    } else {
      out.push(`+${after[j++]}`);
    }
  }
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** 0-based line of an offset. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Offset of the end of a line (its `\n`, or the end of the text). */
function lineEnd(text: string, starts: readonly number[], line: number): number {
  return line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
