import assert from 'node:assert/strict';
import type { SourceFile } from 'ts-morph';
import type { FileChange } from '../../src/core/model/edit';
import { InMemoryFileSystem } from '../../src/core/model/file-system';
import { AstProject } from '../../src/core/scaffold/ast-project';
import { DEFAULT_FORMATTING, type FormattingStyle } from '../../src/core/scaffold/formatting';
import { ScaffoldTree } from '../../src/core/scaffold/tree';

export interface TransformRun {
  after: string;
  changes: FileChange[];
  tree: ScaffoldTree;
}

/** Applies `run` to `before` as file `path` through the real pipeline (tree → ts-morph → flush). */
export function runTransform(
  before: string,
  run: (sourceFile: SourceFile) => void,
  { path = '/project/src/app.ts', style = DEFAULT_FORMATTING, files = {} }: { path?: string; style?: FormattingStyle; files?: Record<string, string> } = {},
): TransformRun {
  const tree = new ScaffoldTree(new InMemoryFileSystem([[path, before], ...Object.entries(files)]));
  const ast = new AstProject(tree, style);
  run(ast.getSourceFile(path));
  ast.flush();
  return { after: tree.read(path)!, changes: tree.listChanges(), tree };
}

/**
 * ts-morph's doTest: exact text before and after. Then the same transform on the result must
 * change nothing (every transform is idempotent).
 */
export function doTest(
  before: string,
  run: (sourceFile: SourceFile) => void,
  expected: string,
  options?: { path?: string; style?: FormattingStyle; files?: Record<string, string> },
): void {
  const first = runTransform(before, run, options);
  assert.equal(first.after, expected);
  const second = runTransform(first.after, run, options);
  assert.deepEqual(second.changes, [], 'a second application must change nothing');
}

/** Writes a snippet with `\n`, for tests whose point is another line ending. */
export function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}
