import type { Node, SourceFile } from 'ts-morph';
import { ScaffoldRefusalError } from '../errors';
import { enclosingStatement, indexBefore, indexOfStatement, insertStatementText, type InsertOptions, type StatementContainer } from './statement-insertion';

export interface EnsureResult {
  /** False when an equivalent statement was already there. */
  changed: boolean;
}

/**
 * Inserts `statementText` right before the statement holding `anchor` (above the comments that
 * describe it), unless a statement of the same list already satisfies `isSame`.
 */
export function ensureStatementBefore(
  sourceFile: SourceFile,
  anchor: Node,
  statementText: string,
  isSame: (statement: Node) => boolean,
  options: InsertOptions = {},
): EnsureResult {
  const { container, statement } = locate(sourceFile, anchor);
  if (container.getStatementsWithComments().some(isSame)) return { changed: false };
  insertStatementText(container, indexBefore(container, statement), statementText, withAnchorProtected(options, anchor));
  return { changed: true };
}

/** Inserts `statementText` right after the statement holding `anchor`, unless one already satisfies `isSame`. */
export function ensureStatementAfter(
  sourceFile: SourceFile,
  anchor: Node,
  statementText: string,
  isSame: (statement: Node) => boolean,
  options: InsertOptions = {},
): EnsureResult {
  const { container, statement } = locate(sourceFile, anchor);
  if (container.getStatementsWithComments().some(isSame)) return { changed: false };
  insertStatementText(container, indexOfStatement(container, statement) + 1, statementText, withAnchorProtected(options, anchor));
  return { changed: true };
}

function locate(sourceFile: Node, anchor: Node): { container: StatementContainer; statement: Node } {
  if (anchor.getSourceFile() !== sourceFile.getSourceFile()) throw new Error('The anchor node belongs to another file');
  const found = enclosingStatement(anchor);
  if (!found) {
    const path = sourceFile.getSourceFile().getFilePath();
    throw new ScaffoldRefusalError(path, `Cannot insert a statement next to ${anchor.getKindName()} in ${path}: it is not inside a statement list.`);
  }
  return found;
}

function withAnchorProtected(options: InsertOptions, anchor: Node): InsertOptions {
  return { ...options, protect: [...(options.protect ?? []), anchor] };
}
