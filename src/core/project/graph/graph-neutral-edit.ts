import ts from 'typescript';
import { textChange, type TextChange } from '../../model/text-change';
import { isCallable, type ModuleSummary } from './module-summary';

/**
 * What the neutral-edit check needs from the text a graph was built from, for an edit to a known
 * next text: offsets and flags only, so it can be taken before the incremental parser reuses (and
 * takes apart) the tree it came from.
 */
export interface EditBaseline {
  /** The text this baseline is for: `change` turns the graph's text into it. */
  nextText: string;
  change: TextChange;
  /** Text-level facts the summary takes from the whole file, function bodies included. */
  mayRegister: boolean;
  specifiers: string;
  /** The token whose leading trivia (or itself) holds the start of the edit. */
  gap: TokenGap | undefined;
  /** The innermost function body holding the edit, and whether the graph ran or looked into it or it registers something. */
  body: { functionStart: number; start: number; end: number; readByGraph: boolean } | undefined;
}

interface TokenGap {
  kind: ts.SyntaxKind;
  tokenStart: number;
  lineBreakBefore: boolean;
}

/**
 * The baseline for turning `before` (the summary of the text a graph was built from, or moved to)
 * into `nextText`; undefined when the text did not change. `readByGraph` tells whether the graph
 * read anything within a range of that text (a function it ran, a registration it classified).
 */
export function editBaseline(before: ModuleSummary, nextText: string, readByGraph: (pos: number, end: number) => boolean): EditBaseline | undefined {
  const sourceFile = before.sourceFile;
  const change = textChange(sourceFile.text, nextText);
  if (!change) return undefined;
  const body = bodyAround(sourceFile, change.start, change.oldEnd);
  return {
    nextText,
    change,
    mayRegister: before.mayRegister,
    specifiers: before.specifiers.join('\0'),
    gap: tokenGap(sourceFile, change.start),
    body: body && {
      functionStart: body.function.getStart(sourceFile),
      start: body.start,
      end: body.end,
      readByGraph: readByGraph(body.function.pos, body.function.end),
    },
  };
}

/**
 * Whether a file's edit leaves everything the route graph read from it unchanged, so the graph
 * only needs its positions moved: the edit falls in comments or white space (without adding or
 * removing a line break, which can change how a statement ends), or inside the body of a function
 * the graph never ran or looked into and which registers nothing (what typing in a route handler
 * does). `after` is the summary of the baseline's next text, `registrations` its classified calls.
 */
export function isGraphNeutralEdit(baseline: EditBaseline, after: ModuleSummary, registrations: Iterable<ts.Node>): boolean {
  if (baseline.mayRegister !== after.mayRegister || baseline.specifiers !== after.specifiers.join('\0')) return false;
  const { change, body } = baseline;
  if (withinTrivia(baseline.gap, tokenGap(after.sourceFile, change.start), change)) return true;
  if (!body || body.readByGraph) return false;
  const moved = bodyAround(after.sourceFile, change.start, change.newEnd);
  if (!moved || moved.function.getStart(after.sourceFile) !== body.functionStart || moved.end !== body.end + change.newEnd - change.oldEnd) return false;
  for (const call of registrations) if (isInside(call, moved)) return false;
  return true;
}

function isInside(node: ts.Node, range: { start: number; end: number }): boolean {
  return node.pos >= range.start && node.end <= range.end;
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
function withinTrivia(old: TokenGap | undefined, next: TokenGap | undefined, change: TextChange): boolean {
  if (!old || !next || old.kind !== next.kind) return false;
  if (change.oldEnd > old.tokenStart || change.newEnd > next.tokenStart) return false;
  if (next.tokenStart - old.tokenStart !== change.newEnd - change.oldEnd) return false;
  return old.lineBreakBefore === next.lineBreakBefore;
}

/** The token whose leading trivia (or itself) covers `position`, found by descending the tree's children. */
function tokenGap(sourceFile: ts.SourceFile, position: number): TokenGap | undefined {
  let node: ts.Node = sourceFile;
  for (;;) {
    const children = node.getChildren(sourceFile);
    const child = children.find((candidate) => candidate.pos <= position && (position < candidate.end || candidate.kind === ts.SyntaxKind.EndOfFileToken));
    if (!child) return undefined;
    // JSDoc is parsed into nodes: not plain trivia, so not judged here.
    if (ts.isJSDoc(child)) return undefined;
    if (child.getChildCount(sourceFile) === 0) {
      const tokenStart = child.getStart(sourceFile);
      return { kind: child.kind, tokenStart, lineBreakBefore: /[\n\r\u2028\u2029]/.test(sourceFile.text.slice(child.pos, tokenStart)) };
    }
    node = child;
  }
}
