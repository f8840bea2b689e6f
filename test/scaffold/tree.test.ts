import assert from 'node:assert/strict';
import { InMemoryFileSystem } from '../../src/core/model/file-system';
import { ScaffoldConflictError } from '../../src/core/scaffold/errors';
import { ScaffoldTree } from '../../src/core/scaffold/tree';

describe('ScaffoldTree', () => {
  const host = () => new InMemoryFileSystem([['/p/src/app.ts', 'a\nb\nc\n']]);

  it('reads through to the host and sees its own writes', () => {
    const tree = new ScaffoldTree(host());
    assert.equal(tree.read('/p/src/app.ts'), 'a\nb\nc\n');
    assert.equal(tree.exists('/p/src/new.ts'), false);
    tree.write('/p/src/new.ts', 'x');
    assert.equal(tree.read('/p/src/new.ts'), 'x');
    assert.equal(tree.exists('/p/src/./new.ts'), true);
  });

  it('lists created files and minimal edits of existing ones', () => {
    const tree = new ScaffoldTree(host());
    tree.create('/p/src/users.ts', 'export {};\n');
    tree.write('/p/src/app.ts', 'import x;\na\nb\nc\nend;\n');
    assert.deepEqual(tree.listChanges(), [
      {
        kind: 'edit',
        path: '/p/src/app.ts',
        edits: [
          { start: 0, end: 0, newText: 'import x;\n' },
          { start: 6, end: 6, newText: 'end;\n' },
        ],
      },
      { kind: 'create', path: '/p/src/users.ts', content: 'export {};\n' },
    ]);
  });

  it('records nothing for content identical to the disk', () => {
    const tree = new ScaffoldTree(host());
    tree.write('/p/src/app.ts', 'changed');
    tree.write('/p/src/app.ts', 'a\nb\nc\n');
    tree.create('/p/src/app.ts', 'a\nb\nc\n');
    assert.deepEqual(tree.listChanges(), []);
    assert.equal(tree.hasChanges(), false);
  });

  it('refuses to create over a different existing file', () => {
    const tree = new ScaffoldTree(host());
    assert.throws(() => tree.create('/p/src/app.ts', 'other'), (error: unknown) => {
      return error instanceof ScaffoldConflictError && error.path === '/p/src/app.ts' && /already exists/.test(error.message);
    });
    tree.create('/p/src/x.ts', 'one');
    assert.throws(() => tree.create('/p/src/x.ts', 'two'), ScaffoldConflictError);
  });

  it('insists on absolute paths', () => {
    assert.throws(() => new ScaffoldTree(host()).read('src/app.ts'), /absolute/);
  });
});
