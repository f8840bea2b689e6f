import assert from 'node:assert/strict';
import * as path from 'node:path';
import { UsageError } from './io';
import { runLintCommand } from './lint-command';
import missingValidation from '../core/rules/missing-validation';
import { TEST_RULES, captureIo, fanOutApp, makeTempProject, removeTempProject } from './test-support';

const PACKAGE_JSON = JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { express: '^4.21.2' } });

const APP_TS = [
  "import express from 'express';", // 1
  'const app = express();', // 2
  "app.get('/', (_req, res) => {", // 3
  "  console.log('hit');", // 4: column 3 .. 21
  "  res.send('ok');", // 5
  '});', // 6
  "console.log('listening');", // 7
  '',
].join('\n');

const FILES: Record<string, string> = {
  'package.json': PACKAGE_JSON,
  'src/app.ts': APP_TS,
  'src/util.js': 'function f() {\n  debugger;\n}\nmodule.exports = { f };\n',
  'lib/a b.mjs': "console.log('spaced');\n",
  'src/types.d.ts': "declare const x: string; console.log('declaration');\n",
  'node_modules/express/package.json': JSON.stringify({ name: 'express', version: '4.21.2' }),
  'node_modules/dep/index.js': "console.log('dependency');\n",
  'dist/app.js': "console.log('build output');\n",
  '.gitignore': 'generated/\n',
  'generated/client.ts': "console.log('ignored');\n",
  'README.md': 'console.log("not source")\n',
};

interface JsonOutput {
  version: number;
  findings: Record<string, unknown>[];
  stats: { files: number; ms: number };
}

describe('routewise lint', () => {
  it('warns on stderr, without failing, when a package\'s route graph stopped at its step budget', () => {
    const project = makeTempProject({ 'package.json': PACKAGE_JSON, 'node_modules/express/package.json': JSON.stringify({ name: 'express', version: '4.21.2' }), 'src/app.js': fanOutApp(18) });
    try {
      const io = captureIo();
      const code = runLintCommand(['--format', 'json'], project, io, { rules: [missingValidation] });
      assert.equal(code, 0);
      assert.equal(io.err(), 'routewise: warning: .: the route graph stopped at its step budget; routes registered after that point are missing, so findings that depend on routes may be missing too\n');
      assert.equal((JSON.parse(io.out()) as JsonOutput).findings.length, 1);
    } finally {
      removeTempProject(project);
    }
  });


  let root: string;
  before(() => {
    root = makeTempProject(FILES);
  });
  after(() => removeTempProject(root));

  const lint = (args: string[], cwd = root) => {
    const io = captureIo();
    const code = runLintCommand(args, cwd, io, { rules: TEST_RULES });
    return { code, out: io.out(), err: io.err() };
  };
  const lintJson = (args: string[], cwd = root) => {
    const result = lint([...args, '--format', 'json'], cwd);
    return { ...result, json: JSON.parse(result.out) as JsonOutput };
  };

  describe('--format json', () => {
    it('prints exactly one object with the contract fields, in order, sorted by file, line, column', () => {
      const { code, out, err, json } = lintJson([]);
      assert.equal(err, '');
      assert.equal(code, 1, 'error-severity findings exit 1');
      assert.equal(out.trim().split('\n').length, 1);
      assert.deepEqual(Object.keys(json), ['version', 'findings', 'stats']);
      assert.equal(json.version, 1);
      assert.deepEqual(Object.keys(json.stats), ['files', 'ms']);
      assert.equal(json.stats.files, 3, 'src/app.ts, src/util.js and lib/a b.mjs');
      assert.ok(Number.isInteger(json.stats.ms) && json.stats.ms >= 0);
      assert.deepEqual(json.findings, [
        { file: 'lib/a b.mjs', ruleId: 'test-console-log', severity: 'error', message: 'Unexpected console.log', line: 1, column: 1, endLine: 1, endColumn: 22, fixable: true },
        { file: 'src/app.ts', ruleId: 'test-console-log', severity: 'error', message: 'Unexpected console.log', line: 4, column: 3, endLine: 4, endColumn: 21, fixable: true },
        { file: 'src/app.ts', ruleId: 'test-console-log', severity: 'error', message: 'Unexpected console.log', line: 7, column: 1, endLine: 7, endColumn: 25, fixable: true },
        { file: 'src/util.js', ruleId: 'test-debugger', severity: 'warning', message: 'Unexpected debugger statement', line: 2, column: 3, endLine: 2, endColumn: 12, fixable: false },
      ]);
      for (const finding of json.findings) {
        assert.deepEqual(Object.keys(finding), ['file', 'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable']);
      }
    });

    it('reports files relative to the current directory, even outside it', () => {
      const { json } = lintJson(['../lib', '.'], path.join(root, 'src'));
      assert.deepEqual(
        json.findings.map((finding) => finding.file),
        ['../lib/a b.mjs', 'app.ts', 'app.ts', 'util.js'],
      );
    });

    it('lints a single file and counts a file named twice once', () => {
      const { json } = lintJson(['src/app.ts', 'src', './src/app.ts']);
      assert.equal(json.stats.files, 2);
      assert.deepEqual([...new Set(json.findings.map((finding) => finding.file))], ['src/app.ts', 'src/util.js']);
    });

    it('prints an empty list and exits 0 when there is nothing to report', () => {
      const empty = makeTempProject({ 'src/ok.ts': 'export const ok = 1;\n' });
      try {
        const { code, json } = lintJson([], empty);
        assert.equal(code, 0);
        assert.deepEqual(json.findings, []);
        assert.equal(json.stats.files, 1);
      } finally {
        removeTempProject(empty);
      }
    });
  });

  describe('--format stylish', () => {
    // eslint-disable-next-line no-control-regex
    const ANSI = /\u001b\[/;
    const stylish = (options: { isTTY: boolean; env: Record<string, string | undefined> }): string => {
      const io = captureIo(options);
      runLintCommand(['src/app.ts'], root, io, { rules: TEST_RULES });
      return io.out();
    };

    it('is the default format', () => {
      const { out } = lint(['src/app.ts']);
      assert.ok(out.startsWith('\nsrc/app.ts\n  4:3  error  Unexpected console.log  test-console-log\n'), out);
      assert.match(out, /✖ 2 problems \(2 errors, 0 warnings, 0 infos\)\n$/);
    });

    it('colours a terminal', () => assert.match(stylish({ isTTY: true, env: {} }), ANSI));
    it('does not colour a pipe', () => assert.doesNotMatch(stylish({ isTTY: false, env: {} }), ANSI));
    it('does not colour when NO_COLOR is set, even empty', () => {
      assert.doesNotMatch(stylish({ isTTY: true, env: { NO_COLOR: '1' } }), ANSI);
      assert.doesNotMatch(stylish({ isTTY: true, env: { NO_COLOR: '' } }), ANSI);
    });
  });

  describe('--format sarif', () => {
    it('prints a SARIF log with relative URIs', () => {
      const { code, out } = lint(['--format', 'sarif', 'src']);
      assert.equal(code, 1);
      const log = JSON.parse(out) as { version: string; runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      assert.equal(log.version, '2.1.0');
      assert.deepEqual(
        log.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri),
        ['src/app.ts', 'src/app.ts', 'src/util.js'],
      );
    });
  });

  describe('exit status', () => {
    it('is 0 when the only findings are warnings', () => {
      const { code, json } = lintJson(['src/util.js']);
      assert.equal(code, 0);
      assert.equal(json.findings.length, 1);
    });

    it('is 2 when a rule throws, naming the rule and the file on stderr, and still prints the other findings', () => {
      const broken = makeTempProject({ 'src/a.ts': "// explode\nconsole.log('a');\n", 'src/b.ts': "console.log('b');\n" });
      try {
        const { code, json, err } = lintJson([], broken);
        assert.equal(code, 2);
        assert.equal(err, 'routewise: internal error: rule "test-exploding" failed on src/a.ts: boom\n');
        assert.deepEqual(
          json.findings.map((finding) => finding.file),
          ['src/a.ts', 'src/b.ts'],
        );
      } finally {
        removeTempProject(broken);
      }
    });
  });

  describe('--rule', () => {
    it('runs only the named rules', () => {
      const { code, json } = lintJson(['--rule', 'test-debugger']);
      assert.equal(code, 0);
      assert.deepEqual(
        json.findings.map((finding) => finding.ruleId),
        ['test-debugger'],
      );
    });

    it('is repeatable', () => {
      const { json } = lintJson(['--rule', 'test-debugger', '--rule=test-console-log']);
      assert.equal(json.findings.length, 4);
    });

    it('rejects an unknown rule id, listing the known ones', () => {
      assert.throws(() => lint(['--rule', 'no-such-rule']), (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.match(error.message, /Unknown rule "no-such-rule"; known rules: test-console-log, test-debugger, test-exploding/);
        return true;
      });
    });
  });

  describe('usage errors', () => {
    it('rejects a path that does not exist', () => {
      assert.throws(() => lint(['src', 'nope']), /No such file or directory: nope/);
    });

    it('rejects an unknown format', () => {
      assert.throws(() => lint(['--format', 'xml']), /Unknown format "xml"; expected one of: stylish, json, sarif/);
    });

    it('rejects an unknown option and a missing option value', () => {
      assert.throws(() => lint(['--fix']), (error: unknown) => error instanceof UsageError && /--fix/.test(error.message));
      assert.throws(() => lint(['--format']), UsageError);
    });

    it('prints its help on --help and lints nothing', () => {
      const { code, out } = lint(['--help', 'nope']);
      assert.equal(code, 0);
      assert.match(out, /^Usage: routewise lint/);
    });
  });

  describe('.routewiserc.json', () => {
    const withConfig = (config: unknown, run: (project: string) => void): void => {
      const project = makeTempProject({
        '.routewiserc.json': typeof config === 'string' ? config : JSON.stringify(config),
        'packages/api/src/app.ts': "console.log('x');\n",
      });
      try {
        run(project);
      } finally {
        removeTempProject(project);
      }
    };

    it('is found in a parent of the current directory and sets severities', () => {
      withConfig({ rules: { 'test-console-log': 'warning' } }, (project) => {
        const { code, json } = lintJson([], path.join(project, 'packages', 'api'));
        assert.equal(code, 0);
        assert.deepEqual(
          json.findings.map((finding) => [finding.file, finding.severity]),
          [['src/app.ts', 'warning']],
        );
      });
    });

    it('turns rules off, unless --rule names them', () => {
      withConfig({ rules: { 'test-console-log': 'off' } }, (project) => {
        assert.equal(lintJson([], project).json.findings.length, 0);
        const forced = lintJson(['--rule', 'test-console-log'], project);
        assert.equal(forced.code, 1);
        assert.equal(forced.json.findings.length, 1);
      });
    });

    it('is a usage error when invalid, naming the file and the problem', () => {
      withConfig({ rules: { 'test-console-log': 'loud' }, authMiddlewares: [] }, (project) => {
        assert.throws(() => lint([], project), (error: unknown) => {
          assert.ok(error instanceof UsageError);
          assert.ok(error.message.startsWith(`Invalid ${project}/.routewiserc.json:`), error.message);
          assert.match(error.message, /rules\.test-console-log: Invalid option/);
          assert.match(error.message, /Unrecognized key: "authMiddlewares"/);
          return true;
        });
      });
    });
  });
});
