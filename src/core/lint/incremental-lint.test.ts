import assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import type { Finding } from '../model/finding';
import { toPosix } from '../model/paths';
import { withDefaults } from '../model/settings';
import { listSourceFiles } from '../project/source-files';
import { editsOf, observableGraph } from '../project/graph/testing';
import { NodeFileSystem } from '../../host/node-file-system';
import { OverlayFileSystem } from '../../host/overlay-file-system';
import { createLinter } from './create-linter';
import { StaleFixError } from './linter';

const FIXTURES = toPosix(nodePath.resolve(__dirname, '../../../test/fixtures/projects'));

/** Everything a user sees of a finding, its fix's edits included. */
function observable(findings: readonly Finding[]): object[] {
  return findings.map(({ fix, ...finding }) => ({ ...finding, fix: fix && { title: fix.title, changes: fix.build() } }));
}

/**
 * Edits beyond the graph-neutral ones: a secret typed one keystroke at a time inside a function body,
 * a route added, a statement deleted, and an unclosed call that leaves the file with syntax errors.
 */
function keystrokesAndStructuralEdits(text: string): string[][] {
  const body = text.indexOf('{\n', text.indexOf('=>')) + 2;
  const secret = "  const key = 'sk_live_51Hc8x2eZvKYlo2C8x2eZvKY';\n";
  const typing = [12, 20, secret.length].map((length) => text.slice(0, body) + secret.slice(0, length) + (length < secret.length ? '\n' : '') + text.slice(body));
  const lastLine = text.lastIndexOf('\n', text.length - 2) + 1;
  const firstStatementEnd = text.indexOf(';\n') + 2;
  return [
    typing,
    [`${text}\napp.post('/typed', (req, res) => { res.status(200).json(req.body); });\n`],
    [text.slice(0, firstStatementEnd) + text.slice(text.indexOf('\n', firstStatementEnd) + 1)],
    [text.slice(0, lastLine) + 'foo(' + text.slice(lastLine)],
  ].filter((sequence) => body > 2 || sequence !== typing);
}

describe('linting while typing (the previous tree reused by the incremental parser)', () => {
  it('gives the findings, fixes and route graph of a fresh lint after every edit of every fixture file', function () {
    this.timeout(180000);
    const disk = new NodeFileSystem();
    const settings = withDefaults({});
    let steps = 0;
    let kept = 0;
    let handlerOnly = 0;
    for (const file of listSourceFiles(FIXTURES, disk)) {
      const original = disk.readFile(file) ?? '';
      let current = original;
      const host = new OverlayFileSystem(disk, (path) => (path === file ? current : undefined));
      const editor = createLinter({ host, settings });
      const fresh = (text: string): { findings: object[]; graph: object | null } => {
        const linter = createLinter({ host, settings });
        const findings = observable(linter.linter.lintFile(file, text));
        return { findings, graph: observableGraph(linter.graphs.graphFor(linter.projects.detect(file))) };
      };
      const type = (text: string): void => {
        const graphBefore = editor.graphs.graphFor(editor.projects.detect(file));
        current = text;
        editor.projects.invalidate(file);
        editor.graphs.invalidate(file);
        const findings = observable(editor.linter.lintFile(file, text));
        const graph = editor.graphs.graphFor(editor.projects.detect(file));
        const expected = fresh(text);
        assert.deepEqual(findings, expected.findings, `${file}, step ${steps}: findings`);
        assert.deepEqual(observableGraph(graph), expected.graph, `${file}, step ${steps}: route graph`);
        steps++;
        if (graphBefore && graph === graphBefore) kept++;
      };
      editor.linter.lintFile(file, original);
      const sequences = [...editsOf(file, original).map((edited) => [edited]), ...keystrokesAndStructuralEdits(original)];
      for (const sequence of sequences) {
        for (const text of sequence) type(text);
        type(original);
      }
      handlerOnly += editor.linter.handlerOnlyLints;
    }
    assert.ok(steps > 300, `${steps} edits`);
    assert.ok(kept > steps / 3, `the route graph was kept for ${kept} of ${steps} edits`);
    // typing inside a route handler re-judges that handler only; the other findings are kept and moved
    assert.ok(handlerOnly > 80, `${handlerOnly} of ${steps} lints judged only the handler typed in`);
  });

  it('refuses to build a fix once its file was linted again with newer text, and builds it until then', () => {
    const disk = new NodeFileSystem();
    const file = listSourceFiles(FIXTURES, disk).find((path) => path.endsWith('express4-cjs-ts/src/app.ts'));
    assert.ok(file, 'fixture app.ts');
    const original = disk.readFile(file) ?? '';
    let current = original;
    const host = new OverlayFileSystem(disk, (path) => (path === file ? current : undefined));
    const { linter } = createLinter({ host, settings: withDefaults({}) });
    const fixable = linter.lintFile(file, original).filter((finding) => finding.fix);
    assert.ok(fixable.length > 0, 'the fixture has a fixable finding');
    assert.ok(fixable[0].fix?.build().length, 'the fix builds while its tree is current');
    current = `// edited\n${original}`;
    linter.lintFile(file, current);
    assert.throws(() => fixable[0].fix?.build(), StaleFixError);
  });
});
