import assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/model/edit';
import { diffTexts } from '../../src/core/scaffold/line-diff';

describe('diffTexts', () => {
  it('returns no edit for equal texts', () => {
    assert.deepEqual(diffTexts('a\nb\n', 'a\nb\n'), []);
  });

  it('gives separate small edits for an import at the top and a statement at the bottom', () => {
    const original = Array.from({ length: 50 }, (_, i) => `line${i};\n`).join('');
    const updated = `import x from 'x';\n${original.replace('line49;\n', 'line49;\napp.use(x);\n')}`;
    const edits = diffTexts(original, updated);
    assert.deepEqual(edits, [
      { start: 0, end: 0, newText: "import x from 'x';\n" },
      { start: original.length, end: original.length, newText: 'app.use(x);\n' },
    ]);
  });

  it('narrows a changed line to the changed characters', () => {
    const original = "import { a } from 'a';\nconst x = 1;\n";
    assert.deepEqual(diffTexts(original, "import { a, b } from 'a';\nconst x = 1;\n"), [{ start: 10, end: 10, newText: ', b' }]);
  });

  it('round-trips through applyEdits on varied inputs', () => {
    const cases: [string, string][] = [
      ['', 'a\n'],
      ['a\n', ''],
      ['a\nb\nc\n', 'c\nb\na\n'],
      ['x\r\ny\r\n', 'x\r\nnew\r\ny\r\n'],
      ['no newline', 'no newline at all'],
      ['a\nb\na\nb\n', 'b\na\nb\na\n'],
      ['😀\n', '😃\n'],
    ];
    for (const [original, updated] of cases) {
      assert.equal(applyEdits(original, diffTexts(original, updated)), updated, JSON.stringify([original, updated]));
    }
  });

  it('never splits a surrogate pair', () => {
    const [edit] = diffTexts('😀\n', '😃\n');
    assert.equal(edit.newText, '😃');
  });
});
