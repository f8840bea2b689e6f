import assert from 'node:assert/strict';
import type { Finding } from '../core/model/finding';
import { InMemoryFileSystem } from '../core/model/file-system';
import { parseSettings } from '../core/model/settings';
import { OverlayFileSystem } from '../host/overlay-file-system';
import { planCodeActions } from './code-action-plan';
import { Debouncer } from './debouncer';
import { FindingStore, findingKey } from './finding-store';

const finding: Finding = {
  ruleId: 'hardcoded-secret',
  severity: 'error',
  message: 'Hardcoded JWT secret',
  file: '/p/src/app.ts',
  start: 10,
  end: 20,
  line: 2,
  column: 3,
  endLine: 2,
  endColumn: 13,
  fix: { title: 'Move the secret to JWT_SECRET', build: () => [] },
};

describe('VS Code adapter logic', () => {
  it('offers the fix first and preferred, then disable-line, then docs', () => {
    assert.deepEqual(planCodeActions(finding), [
      { kind: 'fix', title: 'Move the secret to JWT_SECRET', preferred: true },
      { kind: 'disable-line', title: 'Disable hardcoded-secret for this line' },
      { kind: 'show-docs', title: 'Show documentation for hardcoded-secret' },
    ]);
    assert.deepEqual(planCodeActions({ ...finding, fix: undefined }).map((action) => action.kind), ['disable-line', 'show-docs']);
  });

  it('finds a finding again from a diagnostic copy by range, code and message', () => {
    const store = new FindingStore();
    store.set('file:///p/src/app.ts', 7, [finding]);
    const hit = store.get('file:///p/src/app.ts', findingKey({ line: 2, column: 3, endLine: 2, endColumn: 13 }, 'hardcoded-secret', 'Hardcoded JWT secret'));
    assert.equal(hit?.finding, finding);
    assert.equal(hit?.version, 7);
    assert.equal(store.get('file:///p/src/app.ts', findingKey({ line: 2, column: 4, endLine: 2, endColumn: 13 }, 'hardcoded-secret', 'Hardcoded JWT secret')), undefined);
  });

  it('debounces per key: only the last scheduled action of a burst runs', async () => {
    const debouncer = new Debouncer<string>(20);
    const ran: string[] = [];
    debouncer.schedule('a', () => ran.push('a1'));
    debouncer.schedule('a', () => ran.push('a2'));
    debouncer.schedule('b', () => ran.push('b1'));
    assert.equal(debouncer.pending, 2);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepEqual(ran.sort(), ['a2', 'b1']);
    assert.equal(debouncer.pending, 0);
  });

  it('reads unsaved editor text over the disk', () => {
    const disk = new InMemoryFileSystem([['/p/a.ts', 'disk']]);
    const overlay = new OverlayFileSystem(disk, (path) => (path === '/p/a.ts' ? 'unsaved' : undefined));
    assert.equal(overlay.readFile('/p/a.ts'), 'unsaved');
    assert.equal(overlay.readFile('/p/b.ts'), undefined);
  });

  it('validates settings and names each bad entry', () => {
    assert.deepEqual(parseSettings({ rules: { 'missing-validation': 'error' }, authMiddleware: ['mustBeLoggedIn'] }).problems, []);
    const bad = parseSettings({ rules: { 'missing-validation': 'loud' }, lintTestFiles: 'yes' });
    assert.equal(bad.problems.length, 2);
    assert.match(bad.problems.join('\n'), /rules\.missing-validation/);
    assert.match(bad.problems.join('\n'), /lintTestFiles/);
  });
});
