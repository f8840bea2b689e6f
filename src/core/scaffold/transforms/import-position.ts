import { Node, type SourceFile } from 'ts-morph';
import { isRequireStatement } from './module-references';

export interface ImportPosition {
  /** Index into the file's statements-with-comments. */
  index: number;
  /** The file had no imports: separate the new ones from the code below. */
  blankLineAfter: boolean;
}

/**
 * Where a new import goes: after the last import (ESM imports are hoisted, so anywhere at the top
 * level is safe); for `require`, after the last one of the leading block, since a require placed
 * below code that uses its binding would run too late. Without any, after directives
 * (`'use strict'`) and a header comment, but above comments attached to the first statement.
 */
export function importInsertionPoint(sourceFile: SourceFile, cjs: boolean): ImportPosition {
  const children = sourceFile.getStatementsWithComments();
  let lastImport = -1;
  children.forEach((child, index) => {
    if (Node.isImportDeclaration(child) || Node.isImportEqualsDeclaration(child)) lastImport = index;
  });

  let lastLeadingRequire = -1;
  let prologueEnd = 0;
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (Node.isCommentNode(child)) continue;
    if (isDirective(child)) {
      prologueEnd = index + 1;
      continue;
    }
    if (isRequireStatement(child) || Node.isImportDeclaration(child) || Node.isImportEqualsDeclaration(child)) {
      lastLeadingRequire = index;
      continue;
    }
    break;
  }

  const last = cjs || lastImport === -1 ? Math.max(lastImport, lastLeadingRequire) : lastImport;
  if (last !== -1) return { index: last + 1, blankLineAfter: false };

  const text = sourceFile.getFullText();
  let index = prologueEnd;
  while (index < children.length && Node.isCommentNode(children[index])) index++;
  // Walk back over comments that sit directly on top of the first statement: they document it.
  while (
    index > prologueEnd &&
    index < children.length &&
    Node.isCommentNode(children[index - 1]) &&
    !/\n[ \t]*\r?\n/.test(text.slice(children[index - 1].getEnd(), children[index].getStart(true)))
  ) {
    index--;
  }
  const next = children[index];
  const previousEnd = index > 0 ? children[index - 1].getEnd() : 0;
  const alreadySeparated = next !== undefined && /\n[ \t]*\r?\n/.test(text.slice(previousEnd, next.getStart(true)));
  return { index, blankLineAfter: next !== undefined && !alreadySeparated };
}

function isDirective(node: Node): boolean {
  return Node.isExpressionStatement(node) && Node.isStringLiteral(node.getExpression());
}
