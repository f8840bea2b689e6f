import assert from 'node:assert/strict';
import { textChange } from './text-change';

/** The definition, one character at a time. */
function expected(before: string, after: string): ReturnType<typeof textChange> {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  let suffix = 0;
  while (suffix < shorter - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

describe('textChange', () => {
  it('finds the one replacement between a long file and its edit, wherever the edit falls against the compared blocks', () => {
    const line = (index: number): string => `router.get('/items/${index}', (req, res) => res.json({ id: ${index} }));\n`;
    const text = Array.from({ length: 120 }, (_, index) => line(index)).join('');
    for (const at of [0, 1, 255, 256, 257, 511, 4000, text.length - 257, text.length - 256, text.length - 1, text.length]) {
      for (const [removed, inserted] of [[0, 'x'], [1, ''], [3, 'abc'], [0, 'y'.repeat(600)], [Math.min(700, text.length - at), '']] as const) {
        const edited = text.slice(0, at) + inserted + text.slice(at + removed);
        assert.deepEqual(textChange(text, edited), expected(text, edited), `edit at ${at}: -${removed} +${inserted.length}`);
        assert.deepEqual(textChange(edited, text), expected(edited, text), `undo at ${at}: -${removed} +${inserted.length}`);
      }
    }
  });

  it('keeps repeated text on the side of the prefix, as one insertion', () => {
    const block = 'a'.repeat(300);
    assert.deepEqual(textChange(block, `${block}a`), { start: 300, oldEnd: 300, newEnd: 301 });
    assert.deepEqual(textChange(`x${block}`, block), { start: 0, oldEnd: 1, newEnd: 0 });
    assert.equal(textChange(block, block), undefined);
  });
});
