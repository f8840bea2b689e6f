import assert from 'node:assert/strict';
import { Node, type SourceFile } from 'ts-morph';
import { ensureStatementAfter, ensureStatementBefore } from '../../../src/core/scaffold/transforms/ensure-statement';
import { DEFAULT_FORMATTING } from '../../../src/core/scaffold/formatting';
import { crlf, doTest, runTransform } from '../helpers';

const isText = (text: string) => (statement: Node): boolean => statement.getText() === text;
const call = (sf: SourceFile, text: string): Node => sf.getStatements().find((statement) => statement.getText().startsWith(text))!;

describe('ensureStatementBefore / ensureStatementAfter', () => {
  it('inserts before the anchor statement', () => {
    doTest(
      "const app = express();\napp.listen(3000);\n",
      (sf) => ensureStatementBefore(sf, call(sf, 'app.listen'), 'app.use(helmet());', isText('app.use(helmet());')),
      "const app = express();\napp.use(helmet());\napp.listen(3000);\n",
    );
  });

  it('inserts after the anchor statement', () => {
    doTest(
      "const app = express();\napp.listen(3000);\n",
      (sf) => ensureStatementAfter(sf, sf.getVariableDeclarationOrThrow('app'), 'app.disable(\'x-powered-by\');', isText("app.disable('x-powered-by');")),
      "const app = express();\napp.disable('x-powered-by');\napp.listen(3000);\n",
    );
  });

  it('stays above the comments that describe the anchor', () => {
    doTest(
      "a();\n\n// Start the server\napp.listen(3000);\n",
      (sf) => ensureStatementBefore(sf, call(sf, 'app.listen'), 'b();', isText('b();')),
      "a();\nb();\n\n// Start the server\napp.listen(3000);\n",
    );
  });

  it('keeps a trailing comment on the line it belongs to', () => {
    doTest(
      "app.use(express.json()); // parse bodies\napp.get('/', handler);\n",
      (sf) => ensureStatementAfter(sf, call(sf, 'app.use'), 'app.use(helmet());', isText('app.use(helmet());')),
      "app.use(express.json()); // parse bodies\napp.use(helmet());\napp.get('/', handler);\n",
    );
  });

  it('indents like the block, with tabs in a tab-indented file', () => {
    doTest(
      'export function createApp() {\n\tconst app = express();\n\treturn app;\n}\n',
      (sf) => ensureStatementBefore(sf, call(sf, 'export function').getFirstDescendant((node) => Node.isReturnStatement(node))!, 'app.use((req, res, next) => {\n  next();\n});', (s) => s.getText().startsWith('app.use(')),
      'export function createApp() {\n\tconst app = express();\n\tapp.use((req, res, next) => {\n\t\tnext();\n\t});\n\treturn app;\n}\n',
    );
  });

  it('keeps CRLF line endings', () => {
    doTest(
      crlf('function f() {\n  a();\n}\n'),
      (sf) => ensureStatementAfter(sf, call(sf, 'function').getFirstDescendant((node) => Node.isExpressionStatement(node))!, 'if (x) {\n  b();\n}', (s) => Node.isIfStatement(s)),
      crlf('function f() {\n  a();\n  if (x) {\n    b();\n  }\n}\n'),
    );
  });

  it('writes no semicolons in a file without them', () => {
    doTest(
      "const app = express()\napp.listen(3000)\n",
      (sf) => ensureStatementBefore(sf, call(sf, 'app.listen'), 'app.use(helmet())', isText('app.use(helmet())')),
      "const app = express()\napp.use(helmet())\napp.listen(3000)\n",
      { style: { ...DEFAULT_FORMATTING, semicolons: false } },
    );
  });

  it('guards against ASI before a line that starts with a bracket', () => {
    doTest(
      "const a = 1\nconst b = 2\n;[a, b].forEach(f)\n",
      (sf) => ensureStatementBefore(sf, sf.getStatements()[2], 'log(a)', isText('log(a);')),
      "const a = 1\nconst b = 2\nlog(a);\n;[a, b].forEach(f)\n",
    );
  });

  it('does nothing when an equivalent statement exists', () => {
    const run = runTransform("app.use(helmet());\napp.listen(1);\n", (sf) => {
      const result = ensureStatementBefore(sf, call(sf, 'app.listen'), 'app.use(helmet())', (s) => s.getText().startsWith('app.use(helmet()'));
      assert.equal(result.changed, false);
    });
    assert.deepEqual(run.changes, []);
  });

  it('keeps the anchor usable', () => {
    runTransform("const app = express();\napp.listen(1); // go\n", (sf) => {
      const app = sf.getVariableDeclarationOrThrow('app');
      ensureStatementAfter(sf, app, 'a();', isText('a();'));
      ensureStatementAfter(sf, app, 'b();', isText('b();'));
      assert.equal(app.wasForgotten(), false);
      assert.equal(sf.getFullText(), "const app = express();\nb();\na();\napp.listen(1); // go\n");
    });
  });
});
