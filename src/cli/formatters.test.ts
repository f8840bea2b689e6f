import assert from 'node:assert/strict';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { LintReport, ReportedFinding } from './lint-report';
import { TEST_RULES, consoleLogRule, debuggerRule } from './test-support';

const finding = (overrides: Partial<ReportedFinding>): ReportedFinding => ({
  file: 'src/app.ts',
  ruleId: 'test-console-log',
  severity: 'error',
  message: 'Unexpected console.log',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 5,
  fixable: true,
  ...overrides,
});

const REPORT: LintReport = {
  findings: [
    finding({ line: 4, column: 3 }),
    finding({ line: 120, column: 15, severity: 'warning', ruleId: 'test-debugger', message: 'Unexpected debugger statement', fixable: false }),
    finding({ file: 'src/dir with space/#1.ts', line: 2, column: 7, endLine: 3, endColumn: 2, severity: 'info', message: 'Two\nlines' }),
  ],
  rules: [consoleLogRule, debuggerRule],
  files: 7,
  ms: 12,
};

describe('formatters', () => {
  describe('stylish', () => {
    it('prints a block per file with aligned columns and a summary', () => {
      assert.equal(
        formatStylish(REPORT, { colour: false }),
        [
          '',
          'src/app.ts',
          '    4:3   error    Unexpected console.log         test-console-log',
          '  120:15  warning  Unexpected debugger statement  test-debugger',
          '',
          'src/dir with space/#1.ts',
          '  2:7  info  Two lines  test-console-log',
          '',
          '✖ 3 problems (1 error, 1 warning, 1 info)',
          '',
        ].join('\n'),
      );
    });

    it('pluralises the summary', () => {
      const output = formatStylish({ ...REPORT, findings: [finding({}), finding({ line: 2 })] }, { colour: false });
      assert.match(output, /✖ 2 problems \(2 errors, 0 warnings, 0 infos\)\n$/);
    });

    it('says so when there is nothing to report', () => {
      assert.equal(formatStylish({ ...REPORT, findings: [], files: 1 }, { colour: false }), '✔ No problems (1 file checked)\n');
    });

    it('colours only on request, without changing the text', () => {
      const coloured = formatStylish(REPORT, { colour: true });
      // eslint-disable-next-line no-control-regex
      const ansi = /\u001b\[\d+m/g;
      assert.match(coloured, ansi);
      assert.equal(coloured.replace(ansi, ''), formatStylish(REPORT, { colour: false }));
      assert.doesNotMatch(formatStylish(REPORT, { colour: false }), ansi);
    });
  });

  describe('json', () => {
    it('is one line with the contract keys', () => {
      const output = formatJson(REPORT);
      assert.ok(output.endsWith('}\n') && !output.slice(0, -1).includes('\n'));
      const parsed = JSON.parse(output) as { findings: object[] };
      assert.deepEqual(Object.keys(parsed), ['version', 'findings', 'stats']);
      assert.deepEqual(parsed.findings[0], {
        file: 'src/app.ts',
        ruleId: 'test-console-log',
        severity: 'error',
        message: 'Unexpected console.log',
        line: 4,
        column: 3,
        endLine: 1,
        endColumn: 5,
        fixable: true,
      });
    });
  });

  describe('sarif', () => {
    interface SarifRun {
      tool: { driver: { name: string; version: string; rules: Record<string, unknown>[] } };
      originalUriBaseIds: Record<string, { uri: string }>;
      results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[] }[];
    }
    const sarif = JSON.parse(formatSarif(REPORT, { toolVersion: '9.9.9', baseDirectory: '/home/me/my app' })) as { version: string; $schema: string; runs: SarifRun[] };
    const run = sarif.runs[0];

    it('is SARIF 2.1.0 with one run', () => {
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif-2\.1\.0/);
      assert.equal(sarif.runs.length, 1);
      assert.equal(run.tool.driver.name, 'Routewise');
      assert.equal(run.tool.driver.version, '9.9.9');
    });

    it('describes the rules that ran from their metadata', () => {
      assert.deepEqual(run.tool.driver.rules[0], {
        id: 'test-console-log',
        shortDescription: { text: 'Flag console.log calls' },
        helpUri: 'https://github.com/routewise/routewise/blob/main/docs/rules/test-console-log.md',
        defaultConfiguration: { level: 'error' },
        properties: { category: 'reliability', fixable: true },
      });
      assert.deepEqual(run.tool.driver.rules[1].defaultConfiguration, { level: 'warning' });
    });

    it('maps findings to results with levels and relative, escaped locations', () => {
      assert.deepEqual(
        run.results.map((result) => [result.ruleId, result.ruleIndex, result.level]),
        [
          ['test-console-log', 0, 'error'],
          ['test-debugger', 1, 'warning'],
          ['test-console-log', 0, 'note'],
        ],
      );
      assert.deepEqual(run.results[2].message, { text: 'Two\nlines' });
      assert.deepEqual(run.results[2].locations[0].physicalLocation, {
        artifactLocation: { uri: 'src/dir%20with%20space/%231.ts', uriBaseId: '%SRCROOT%' },
        region: { startLine: 2, startColumn: 7, endLine: 3, endColumn: 2 },
      });
      assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///home/me/my%20app/' } });
    });

    it('keeps a Windows drive letter intact in the base URI', () => {
      const windows = JSON.parse(formatSarif({ ...REPORT, rules: TEST_RULES }, { toolVersion: '1', baseDirectory: 'C:/work/app' })) as { runs: SarifRun[] };
      assert.equal(windows.runs[0].originalUriBaseIds['%SRCROOT%'].uri, 'file:///C:/work/app/');
    });
  });
});
