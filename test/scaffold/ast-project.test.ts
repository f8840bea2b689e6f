import assert from 'node:assert/strict';
import { InMemoryFileSystem } from '../../src/core/model/file-system';
import { AstProject } from '../../src/core/scaffold/ast-project';
import { ScaffoldRefusalError } from '../../src/core/scaffold/errors';
import { ScaffoldTree } from '../../src/core/scaffold/tree';
import { crlf } from './helpers';

describe('AstProject', () => {
  it('refuses a file with syntax errors and leaves the tree unchanged', () => {
    const tree = new ScaffoldTree(new InMemoryFileSystem([['/p/app.ts', "import express from 'express';\nconst app = express(;\n"]]));
    const ast = new AstProject(tree);
    assert.throws(
      () => ast.getSourceFile('/p/app.ts'),
      (error: unknown) =>
        error instanceof ScaffoldRefusalError && error.path === '/p/app.ts' && error.line === 2 && /\/p\/app\.ts.*line 2/.test(error.message),
    );
    ast.flush();
    assert.deepEqual(tree.listChanges(), []);
  });

  it('refuses a missing file', () => {
    const ast = new AstProject(new ScaffoldTree(new InMemoryFileSystem()));
    assert.throws(() => ast.getSourceFile('/p/none.ts'), ScaffoldRefusalError);
  });

  it('writes edits back as minimal changes and keeps CRLF even when ts-morph writes LF', () => {
    const original = crlf('const a = 1;\nconst b = 2;\n');
    const tree = new ScaffoldTree(new InMemoryFileSystem([['/p/a.ts', original]]));
    const ast = new AstProject(tree);
    const sourceFile = ast.getSourceFile('/p/a.ts');
    // A generator using ts-morph directly, with LF settings.
    sourceFile.addStatements('const c = 3;\nconst d = 4;');
    ast.flush();
    assert.equal(tree.read('/p/a.ts'), crlf('const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\n'));
    assert.equal(tree.listChanges().length, 1);
  });

  it('picks up tree writes made between edits, and notices conflicting ones', () => {
    const tree = new ScaffoldTree(new InMemoryFileSystem([['/p/a.ts', 'a();\n']]));
    const ast = new AstProject(tree);
    ast.getSourceFile('/p/a.ts');
    tree.write('/p/a.ts', 'b();\n');
    assert.equal(ast.getSourceFile('/p/a.ts').getFullText(), 'b();\n');
    ast.getSourceFile('/p/a.ts').addStatements('c();');
    tree.write('/p/a.ts', 'd();\n');
    assert.throws(() => ast.getSourceFile('/p/a.ts'), /changed both/);
  });

  it('creates no ts-morph project until a file is needed', () => {
    const ast = new AstProject(new ScaffoldTree(new InMemoryFileSystem()));
    ast.flush();
    assert.equal((ast as unknown as { instance?: unknown }).instance, undefined);
  });
});
