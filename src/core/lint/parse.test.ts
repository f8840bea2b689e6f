import assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import ts from 'typescript';
import { textChange } from '../model/text-change';
import { toPosix } from '../model/paths';
import { listSourceFiles } from '../project/source-files';
import { NodeFileSystem } from '../../host/node-file-system';
import { isConsumedTree, isStaticAssetPath, isTestFilePath, parseErrors, parseIndexed, reparseIndexed, type IndexedSource } from './parse';
import { SourceCache } from './source-cache';

const FIXTURES = toPosix(nodePath.resolve(__dirname, '../../../test/fixtures/projects'));

/** The tree as the rules see it: every listed node's kind, range and parent's position in the list. */
function shape({ sourceFile, nodes }: IndexedSource): string[] {
  const index = new Map<ts.Node, number>(nodes.map((node, at) => [node, at]));
  return [
    ...nodes.map((node) => `${ts.SyntaxKind[node.kind]} ${node.pos}-${node.end} parent ${node.parent === sourceFile ? 'file' : index.get(node.parent)}`),
    ...parseErrors(sourceFile).map((error) => `error ${error.start} ${ts.flattenDiagnosticMessageText(error.messageText, "\n")}`),
  ];
}

/** Edits of every kind a user makes: keystrokes anywhere, a deleted line, a pasted block, an unclosed call. */
function editsOf(text: string): string[] {
  const at = (fraction: number): number => Math.floor(text.length * fraction);
  const lineStart = text.lastIndexOf('\n', at(0.5)) + 1;
  return [
    text.slice(0, at(0.3)) + 'x' + text.slice(at(0.3)),
    text.slice(0, at(0.6)) + text.slice(at(0.6) + 1),
    text.slice(0, lineStart) + text.slice(text.indexOf('\n', lineStart) + 1),
    text.slice(0, lineStart) + "app.get('/pasted', (req, res) => {\n  res.json({ ok: true });\n});\n" + text.slice(lineStart),
    text.slice(0, lineStart) + 'foo(' + text.slice(lineStart),
    `// header\n${text}`,
    '',
  ];
}

describe('incremental parsing (reparseIndexed)', () => {
  it('gives the same tree, node list and syntax errors as a full parse, edit after edit, for every fixture file', () => {
    const disk = new NodeFileSystem();
    let edits = 0;
    for (const file of listSourceFiles(FIXTURES, disk)) {
      const original = disk.readFile(file) ?? '';
      let previous = parseIndexed(file, original);
      let previousText = original;
      // Each edit applies to the tree of the one before, as typing does; the last ones undo to the original.
      for (const text of [...editsOf(original), original]) {
        const change = textChange(previousText, text);
        if (!change) continue;
        const reparsed = reparseIndexed(previous.sourceFile, text, change);
        assert.deepEqual(shape(reparsed), shape(parseIndexed(file, text)), `${file} after edit ${edits}`);
        assert.ok(isConsumedTree(previous.sourceFile), 'the previous tree is marked as consumed');
        assert.ok(!isConsumedTree(reparsed.sourceFile));
        previous = reparsed;
        previousText = text;
        edits++;
      }
    }
    assert.ok(edits > 300, `${edits} edits`);
  });
});

describe('SourceCache', () => {
  const file = '/project/src/app.ts';
  const before = "import express from 'express';\nconst app = express();\napp.get('/', (req, res) => res.send('a'));\n";
  const after = before.replace("'a'", "'ab'");

  it('reuses a file\'s previous tree only when asked, telling its listeners first', () => {
    const cache = new SourceCache();
    const heard: string[] = [];
    cache.onTreeReuse((path, previous, nextText) => heard.push(`${path} ${isConsumedTree(previous) ? 'consumed' : 'intact'} ${nextText === after}`));
    const first = cache.sourceFile(file, before);
    cache.sourceFile(file, after);
    assert.ok(!isConsumedTree(first), 'a caller that did not ask keeps the old tree intact');
    assert.deepEqual(heard, []);
    const second = cache.sourceFile(file, before);
    const third = cache.sourceFile(file, after, true);
    assert.deepEqual(heard, [`${file} intact true`]);
    assert.ok(isConsumedTree(second));
    assert.equal(third.text, after);
    assert.equal(cache.sourceFile(file, after, true), third, 'the same text is not parsed again');
  });
});

describe('test files', () => {
  it('are named *.test / *.spec / *.e2e (also *.e2e-spec, *.int-test), kept in test folders or set up the runner; route files named like tests are not', () => {
    for (const path of ['/p/src/users.test.ts', '/p/src/users_spec.js', '/p/src/app.e2e.ts', '/p/src/tenants/create-tenant.e2e-spec.ts', '/p/src/db.int-test.ts', '/p/server/drivers/hdb/test.js', '/p/__tests__/x.ts', '/p/test/app.ts', '/p/jest.setup.js', '/p/vitest.setup.ts', '/p/src/setupTests.ts', '/p/jest.global-setup.ts', '/p/src/fixtures.ts', '/p/src/test-utils.ts']) {
      assert.equal(isTestFilePath(path), true, path);
    }
    for (const path of ['/p/config/test.ts', '/p/src/routes/speed-test.ts', '/p/src/routes/latest.ts', '/p/src/spec-sheet.ts', '/p/src/contest.js', '/p/src/routes/setup.ts', '/p/src/setup-account.ts']) {
      assert.equal(isTestFilePath(path), false, path);
    }
  });
});

describe('browser assets', () => {
  it('are served from public/ or static/ at the top of the package or one folder down, not public routes\' server code', () => {
    for (const path of ['/public/js/app.js', '/static/main.js', '/src/public/js/mapbox.js', '/data/static/codefixes/a.ts', '/server/public/app.js']) {
      assert.equal(isStaticAssetPath(path), true, path);
    }
    for (const path of ['/src/controllers/public/randomjoke.controllers.js', '/src/routes/public.routes.js', '/routes/public/index.js', '/src/api/public/health.ts', '/src/app.js']) {
      assert.equal(isStaticAssetPath(path), false, path);
    }
  });
});
