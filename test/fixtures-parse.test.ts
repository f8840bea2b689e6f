import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import ts from 'typescript';

const projectsDir = join(__dirname, 'fixtures', 'projects');

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : sourceFiles(path);
    return extname(entry) in SCRIPT_KINDS ? [path] : [];
  });
}

/** Syntax errors only: the parser keeps them on the source file, and no program or type check is needed. */
function syntaxErrors(path: string): string[] {
  const sourceFile = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false, SCRIPT_KINDS[extname(path)]);
  const { parseDiagnostics } = sourceFile as unknown as { parseDiagnostics: readonly ts.Diagnostic[] };
  return parseDiagnostics.map((diagnostic) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return `${path}:${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('fixture projects', () => {
  const projects = readdirSync(projectsDir).filter((entry) => statSync(join(projectsDir, entry)).isDirectory());

  it('are all present', () => {
    assert.deepEqual(projects.sort(), ['express-js', 'express4-cjs-ts', 'express5-esm-ts', 'fastify4-ts', 'fastify5-esm-ts']);
  });

  for (const project of projects) {
    describe(project, () => {
      const files = sourceFiles(join(projectsDir, project));

      it('has 6 to 12 source files', () => {
        assert.ok(files.length >= 6 && files.length <= 12, `${files.length} source files`);
      });

      for (const file of files) {
        it(`parses ${relative(join(projectsDir, project), file)}`, () => {
          assert.deepEqual(syntaxErrors(file), []);
        });
      }
    });
  }
});

/** A row of the README tables: `| rule | file | line | column | `at` | why |`. */
const TABLE_ROW = /^\| ([a-z-]+) \| (\S+) \| (\d+) \| (\d+) \| `([^`]+)` \|/;

describe('fixture README', () => {
  const rows = readFileSync(join(projectsDir, 'README.md'), 'utf8')
    .split('\n')
    .map((line) => TABLE_ROW.exec(line))
    .filter((match) => match !== null);

  it('lists the findings of every rule the fixtures exercise', () => {
    const rules = new Set(rows.map(([, rule]) => rule));
    for (const rule of ['missing-validation', 'hardcoded-secret', 'wrong-status-code', 'permissive-cors', 'error-details-leak', 'missing-error-handler']) {
      assert.ok(rules.has(rule), rule);
    }
  });

  // Rule and CLI tests compare against these positions, so a fixture edit must not shift them silently.
  for (const [, rule, file, line, column, at] of rows) {
    it(`${rule} at ${file}:${line}:${column} starts with ${at}`, () => {
      const text = readFileSync(join(projectsDir, file), 'utf8').split(/\r?\n/)[Number(line) - 1] ?? '';
      assert.equal(text.slice(Number(column) - 1, Number(column) - 1 + at.length), at, text);
    });
  }
});
