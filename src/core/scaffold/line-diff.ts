import type { TextEdit } from '../model/edit';

/**
 * Beyond this many differing lines Myers' trace gets expensive (it keeps O(D²) state); one
 * replacement of the differing middle is still a correct edit, just not a minimal one.
 */
const MAX_EDIT_DISTANCE = 4000;

/**
 * Minimal edits turning `original` into `updated`: a line diff (Myers) so that an import added
 * at the top and a statement added at the bottom become two small edits instead of one that
 * rewrites the whole file in between, then each hunk is trimmed to the characters that changed.
 * Offsets refer to `original`.
 */
export function diffTexts(original: string, updated: string): TextEdit[] {
  if (original === updated) return [];
  const a = splitLines(original);
  const b = splitLines(updated);

  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;

  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  const hunks = myersHunks(middleA, middleB) ?? [{ aStart: 0, aEnd: middleA.length, bStart: 0, bEnd: middleB.length }];

  const lineOffsets = offsetsOf(a);
  const edits: TextEdit[] = [];
  for (const hunk of hunks) {
    const start = lineOffsets[prefix + hunk.aStart];
    const end = lineOffsets[prefix + hunk.aEnd];
    const newText = middleB.slice(hunk.bStart, hunk.bEnd).join('');
    edits.push(trimEdit(original, { start, end, newText }));
  }
  return edits;
}

/** Lines with their terminators, so joining them gives the text back exactly. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function offsetsOf(lines: readonly string[]): number[] {
  const offsets = [0];
  for (const line of lines) offsets.push(offsets[offsets.length - 1] + line.length);
  return offsets;
}

interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Myers' O(ND) diff; returns undefined when the distance exceeds the budget. */
function myersHunks(a: readonly string[], b: readonly string[]): Hunk[] | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ aStart: 0, aEnd: n, bStart: 0, bEnd: m }];

  // Interning lines makes the inner loop compare numbers instead of strings.
  const ids = new Map<string, number>();
  const intern = (line: string): number => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const ai = a.map(intern);
  const bi = b.map(intern);

  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && ai[x] === bi[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;

  // Walk the trace back from (n, m), recording which lines were deleted / inserted.
  const deleted = new Uint8Array(n);
  const inserted = new Uint8Array(m);
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const saved = trace[d];
    const at = (k: number): number => saved[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (x === prevX) inserted[--y] = 1;
    else deleted[--x] = 1;
  }

  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && !deleted[i] && !inserted[j]) {
      i++;
      j++;
      continue;
    }
    const hunk: Hunk = { aStart: i, aEnd: i, bStart: j, bEnd: j };
    while (i < n && deleted[i]) i++;
    while (j < m && inserted[j]) j++;
    hunk.aEnd = i;
    hunk.bEnd = j;
    hunks.push(hunk);
  }
  return hunks;
}

/** Narrows a line-level replacement to the characters that differ. */
function trimEdit(original: string, edit: TextEdit): TextEdit {
  const oldText = original.slice(edit.start, edit.end);
  const newText = edit.newText;
  let head = 0;
  const limit = Math.min(oldText.length, newText.length);
  while (head < limit && oldText[head] === newText[head]) head++;
  let tail = 0;
  while (tail < limit - head && oldText[oldText.length - 1 - tail] === newText[newText.length - 1 - tail]) tail++;
  // Never cut a surrogate pair in two: the edit's newText would hold half a character.
  if (head > 0 && isHighSurrogate(oldText.charCodeAt(head - 1))) head--;
  if (tail > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - tail))) tail--;
  return {
    start: edit.start + head,
    end: edit.end - tail,
    newText: newText.slice(head, newText.length - tail),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
