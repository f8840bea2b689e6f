import ts from 'typescript';
import { isCallable, type ModuleSummary } from './module-summary';

/** One contiguous replacement turning one text into another: `[start, oldEnd)` became `[start, newEnd)`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest single replacement between two texts (common prefix and suffix); undefined when equal. */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/**
 * Whether a file's edit leaves everything the route graph read from it unchanged, so the graph
 * only needs its positions moved: the edit falls in comments or white space (without adding or
 * removing a line break, which can change how a statement ends), or inside the body of a function
 * the graph never ran or looked into and which registers nothing (what typing in a route handler
 * does). `before` must be the summary the graph was built from; `registrations` are the calls the
 * per-file analysis classifies as registrations (the graph runs functions that contain them).
 */
export function isGraphNeutralEdit(
  before: ModuleSummary,
  after: ModuleSummary,
  change: TextChange,
  registrations: { before: Iterable<ts.Node>; after: Iterable<ts.Node> },
): boolean {
  // Text-level facts the summary takes from the whole file, function bodies included.
  if (before.mayRegister !== after.mayRegister || before.specifiers.join('\0') !== after.specifiers.join('\0')) return false;
  if (withinTrivia(before.sourceFile, after.sourceFile, change)) return true;
  const body = bodyAround(before.sourceFile, change.start, change.oldEnd);
  if (!body) return false;
  const delta = change.newEnd - change.oldEnd;
  const moved = bodyAround(after.sourceFile, change.start, change.newEnd);
  if (!moved || moved.function.getStart(after.sourceFile) !== body.function.getStart(before.sourceFile) || moved.end !== body.end + delta) return false;
  if (before.walkedWithin(body.function.pos, body.function.end)) return false;
  const inside = (node: ts.Node, range: { start: number; end: number }): boolean => node.pos >= range.start && node.end <= range.end;
  for (const call of registrations.before) if (inside(call, body)) return false;
  for (const call of registrations.after) if (inside(call, moved)) return false;
  return true;
}

/** The innermost function whose block body holds `[start, end)` strictly between its braces. */
function bodyAround(sourceFile: ts.SourceFile, start: number, end: number): { function: ts.Node; start: number; end: number } | undefined {
  let found: { function: ts.Node; start: number; end: number } | undefined;
  let node: ts.Node = sourceFile;
  for (;;) {
    const child = ts.forEachChild(node, (candidate) => (candidate.pos <= start && end <= candidate.end ? candidate : undefined));
    if (!child) return found;
    if (isCallable(child) && child.body && ts.isBlock(child.body)) {
      const open = child.body.getStart(sourceFile) + 1;
      const close = child.body.end - 1;
      if (open <= start && end <= close && sourceFile.text[close] === '}') found = { function: child, start: open, end: close };
    }
    node = child;
  }
}

/**
 * The edit lies in the comments and white space before one token, in both texts, that token is
 * the same kind at the same (moved) place, and whether a line break precedes it did not change.
 */
function withinTrivia(before: ts.SourceFile, after: ts.SourceFile, change: TextChange): boolean {
  const old = tokenGap(before, change.start);
  const next = tokenGap(after, change.start);
  if (!old || !next || old.kind !== next.kind) return false;
  if (change.oldEnd > old.tokenStart || change.newEnd > next.tokenStart) return false;
  if (next.tokenStart - old.tokenStart !== change.newEnd - change.oldEnd) return false;
  const breaks = (file: ts.SourceFile, gap: { fullStart: number; tokenStart: number }): boolean => /[\n\r\u2028\u2029]/.test(file.text.slice(gap.fullStart, gap.tokenStart));
  return breaks(before, old) === breaks(after, next);
}

/** The token whose leading trivia (or itself) covers `position`, found by descending the tree's children. */
function tokenGap(sourceFile: ts.SourceFile, position: number): { kind: ts.SyntaxKind; fullStart: number; tokenStart: number } | undefined {
  let node: ts.Node = sourceFile;
  for (;;) {
    const children = node.getChildren(sourceFile);
    const child = children.find((candidate) => candidate.pos <= position && (position < candidate.end || candidate.kind === ts.SyntaxKind.EndOfFileToken));
    if (!child) return undefined;
    // JSDoc is parsed into nodes: not plain trivia, so not judged here.
    if (ts.isJSDoc(child)) return undefined;
    if (child.getChildCount(sourceFile) === 0) return { kind: child.kind, fullStart: child.pos, tokenStart: child.getStart(sourceFile) };
    node = child;
  }
}
