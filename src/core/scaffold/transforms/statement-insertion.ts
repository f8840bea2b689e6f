import { Node, type CodeBlockWriter, type Statement } from 'ts-morph';
import type { FormattingStyle } from '../formatting';
import { adaptIndentation } from './code-text';
import { withFileFormatting } from './file-style';

/** A node holding a statement list that statements can be inserted into. */
export type StatementContainer = Node & {
  getStatementsWithComments(): Node[];
  insertStatements(index: number, text: string): Statement[];
};

export function isStatementContainer(node: Node): node is StatementContainer {
  return Node.isSourceFile(node) || Node.isBlock(node) || Node.isModuleBlock(node) || Node.isCaseClause(node) || Node.isDefaultClause(node);
}

/** The statement (direct child of a statement list) that contains `node`. */
export function enclosingStatement(node: Node): { container: StatementContainer; statement: Node } | undefined {
  let current: Node | undefined = node;
  while (current) {
    const parent: Node | undefined = current.getParent();
    if (!parent) return undefined;
    if (isStatementContainer(parent)) return { container: parent, statement: current };
    current = parent;
  }
  return undefined;
}

/** Index of a statement in its container's statement-and-comment list. */
export function indexOfStatement(container: StatementContainer, statement: Node): number {
  const children = container.getStatementsWithComments();
  const index = children.findIndex((child) => child.getPos() === statement.getPos() && child.getKind() === statement.getKind());
  if (index === -1) throw new Error('The statement is not in this container');
  return index;
}

/** `// Do not touch the following lines` (fastify-cli's app template): what follows is not ours to add to. */
const KEEP_OUT_MARKER = /\bdo not (?:touch|edit|modify|change)\b/i;
/** `// Place here your custom code!`: it heads the code added below it, it does not describe one statement. */
const PLACE_HERE_MARKER = /\bplace (?:here )?your (?:custom )?code\b/i;

/**
 * The index just before `statement` and the comments directly above it (no blank line in
 * between): those comments describe that statement and must stay with it (except a "place here
 * your code" heading, which stays on top). A "do not touch the following lines" comment further up
 * the run of comments above it stays below the insertion too.
 */
export function indexBefore(container: StatementContainer, statement: Node): number {
  const children = container.getStatementsWithComments();
  const text = container.getSourceFile().getFullText();
  let index = indexOfStatement(container, statement);
  while (
    index > 0 &&
    Node.isCommentNode(children[index - 1]) &&
    !PLACE_HERE_MARKER.test(children[index - 1].getText()) &&
    !hasBlankLineBetween(text, children[index - 1].getEnd(), children[index].getStart(true))
  ) {
    index--;
  }
  for (let above = index - 1; above >= 0 && Node.isCommentNode(children[above]); above--) {
    if (KEEP_OUT_MARKER.test(children[above].getText())) {
      index = above;
      break;
    }
  }
  return index;
}

export interface InsertOptions {
  /** Nodes the caller still holds: never replaced, so they stay usable after the insertion. */
  protect?: readonly Node[];
  /** Leave a blank line after the inserted text (first import above existing code). */
  blankLineAfter?: boolean;
}

/**
 * Inserts statements at `index` of the container's statements-with-comments, in the file's
 * style: its line ending, its indentation, its semicolon habit (a no-semicolon file gets a
 * guard `;` where ASI would join our line with the next).
 *
 * ts-morph's own insertion keeps every node the caller holds valid, but places text right after
 * the previous statement: before a comment on that statement's line, on the line of a next
 * statement that shares it, and at offset 0 of a file with a shebang. In those cases the next
 * statement is rewritten instead (only it is forgotten), and if it must be protected or there is
 * none, the file text is edited directly (ts-morph then forgets the file's nodes).
 */
export function insertStatementText(container: StatementContainer, index: number, text: string, options: InsertOptions = {}): void {
  const sourceFile = container.getSourceFile();
  withFileFormatting(sourceFile, (style) => {
    const children = container.getStatementsWithComments();
    const previous = index > 0 ? children[index - 1] : undefined;
    const next = index < children.length ? children[index] : undefined;
    const fullText = sourceFile.getFullText();
    const snippet = guardAgainstAsi(adaptIndentation(text, style.indent), style, fullText, previous, next);

    const atFileStart = index === 0 && Node.isSourceFile(container) && (fullText.startsWith('#!') || fullText.startsWith('\uFEFF'));
    const afterLineComment = previous !== undefined && hasCommentAfterOnSameLine(fullText, previous.getEnd());
    // `a(); b();` or a leading-semicolon line (`;[x].forEach(f)` ends the statement before it).
    const sharesLine = previous !== undefined && next !== undefined && !fullText.slice(previous.getEnd(), next.getStart(true)).includes('\n');
    if (!atFileStart && !afterLineComment && !sharesLine) {
      container.insertStatements(index, options.blankLineAfter && next ? blankLineAfter(snippet, index, container) : snippet);
      return;
    }

    const indent = next ? lineIndentation(fullText, next.getStart(true)) : previous ? lineIndentation(fullText, previous.getStart(true)) : '';
    const lines = indentSnippet(snippet, indent).split('\n');
    if (next && !(options.protect ?? []).some((node) => contains(next, node))) {
      const separator = options.blankLineAfter ? '\n\n' : '\n';
      next.replaceWithText(verbatim(`${lines.join('\n').slice(indent.length)}${separator}${indent}${next.getText(true)}`));
      return;
    }
    const position = next ? lineStart(fullText, next.getStart(true)) : endOfLine(fullText, previous?.getEnd() ?? 0);
    const inserted = next
      ? `${lines.join(style.eol)}${style.eol}${options.blankLineAfter ? style.eol : ''}`
      : `${style.eol}${lines.join(style.eol)}`;
    sourceFile.insertText(position, inserted);
  });
}

function contains(outer: Node, inner: Node): boolean {
  if (inner.wasForgotten()) return false;
  return inner.getSourceFile() === outer.getSourceFile() && inner.getPos() >= outer.getPos() && inner.getEnd() <= outer.getEnd();
}

function blankLineAfter(snippet: string, index: number, container: StatementContainer): string {
  // At the very top ts-morph adds one line break only when the text lacks one.
  return index === 0 && Node.isSourceFile(container) ? `${snippet}\n\n` : `${snippet}\n`;
}

/**
 * Without semicolons, a line starting with `(`, `[`, `` ` ``, `+`, `-` or `/` continues the line
 * before it. Standard style prefixes such lines with `;`; we end ours with one instead when the
 * next statement starts like that, and start ours with one when it starts like that itself.
 */
function guardAgainstAsi(snippet: string, style: FormattingStyle, text: string, previous: Node | undefined, next: Node | undefined): string {
  if (style.semicolons) return snippet;
  let guarded = snippet;
  const hazard = /^[([`+\-/]/;
  if (next && !Node.isCommentNode(next) && hazard.test(text.slice(next.getStart()).trimStart()) && !/;\s*$/.test(guarded)) {
    guarded = `${guarded};`;
  }
  if (previous && !Node.isCommentNode(previous) && hazard.test(guarded) && text[previous.getEnd() - 1] !== ';') {
    guarded = `;${guarded}`;
  }
  return guarded;
}

function indentSnippet(snippet: string, indent: string): string {
  return snippet
    .split('\n')
    .map((line) => (line.length > 0 ? indent + line : line))
    .join('\n');
}

function hasCommentAfterOnSameLine(text: string, position: number): boolean {
  let i = position;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === ';')) i++;
  return text.startsWith('//', i) || text.startsWith('/*', i);
}

function hasBlankLineBetween(text: string, start: number, end: number): boolean {
  return /\n[ \t]*\r?\n/.test(text.slice(start, end));
}

function lineStart(text: string, position: number): number {
  let i = position;
  while (i > 0 && text[i - 1] !== '\n') i--;
  return i;
}

function endOfLine(text: string, position: number): number {
  const newline = text.indexOf('\n', position);
  if (newline === -1) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

function lineIndentation(text: string, position: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, position)))![0];
}

/**
 * Replaces a node's text verbatim, in the file's line endings (ts-morph would otherwise re-indent
 * continuation lines); other nodes of the file stay valid.
 */
export function replaceNodeText(node: Node, text: string): Node {
  return withFileFormatting(node.getSourceFile(), () => node.replaceWithText(verbatim(text)));
}

/** A writer function that writes `text` without adding indentation (the text already has it). */
function verbatim(text: string): (writer: CodeBlockWriter) => void {
  return (writer) => {
    writer.setIndentationLevel(0);
    writer.queueIndentationLevel(0);
    writer.write(text);
  };
}
