import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runLintCommand } from './lint-command';
import { captureIo } from './test-support';

// The fixtures' README is the specification: its tables of intended findings and deliberate
// non-findings are read here, so the document and the test cannot drift apart.
const FIXTURES = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'projects');

interface Row {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  at: string;
}

interface JsonFinding {
  file: string;
  ruleId: string;
  severity: string;
  line: number;
  column: number;
}

function tableAfter(markdown: string, heading: string): Row[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith(heading));
  if (!section) return [];
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
    .map(([ruleId, file, line, column, at]) => ({ ruleId, file, line: Number(line), column: Number(column), at: at.replace(/^`|`$/g, '') }));
}

const key = (finding: { ruleId: string; file: string; line: number; column: number }): string => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`;

describe('routewise lint on the fixture projects', () => {
  const readme = fs.existsSync(path.join(FIXTURES, 'README.md')) ? fs.readFileSync(path.join(FIXTURES, 'README.md'), 'utf8') : '';
  const intended = tableAfter(readme, 'Intended findings');
  const deliberate = tableAfter(readme, 'Deliberate non-findings');
  const specifiedRules = new Set([...intended, ...deliberate].map((row) => row.ruleId));
  let findings: JsonFinding[];
  let exitCode: number;

  before(() => {
    const io = captureIo();
    exitCode = runLintCommand(['--format', 'json'], FIXTURES, io);
    assert.equal(io.err(), '', 'no rule fails on the fixtures');
    findings = (JSON.parse(io.out()) as { findings: JsonFinding[] }).findings;
  });

  it('has a README that specifies findings', () => {
    assert.ok(intended.length > 0, 'test/fixtures/projects/README.md lists intended findings');
  });

  it('the specified rows point at the text they name', () => {
    for (const row of [...intended, ...deliberate]) {
      const lines = fs.readFileSync(path.join(FIXTURES, row.file), 'utf8').split(/\r?\n/);
      const text = lines[row.line - 1]?.slice(row.column - 1) ?? '';
      assert.ok(text.startsWith(row.at), `${row.file}:${row.line}:${row.column} starts with ${JSON.stringify(text.slice(0, 40))}, not ${JSON.stringify(row.at)}`);
    }
  });

  it('reports exactly the intended findings of the specified rules', () => {
    const actual = findings.filter((finding) => specifiedRules.has(finding.ruleId)).map(key).sort();
    assert.deepEqual(actual, intended.map(key).sort());
  });

  it('reports none of the deliberate non-findings', () => {
    const flagged = new Set(findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`));
    const wrong = deliberate.filter((row) => flagged.has(`${row.ruleId} ${row.file}:${row.line}`)).map(key);
    assert.deepEqual(wrong, []);
  });

  it('exits 1 exactly when an error-severity finding is reported', () => {
    assert.equal(exitCode, findings.some((finding) => finding.severity === 'error') ? 1 : 0);
  });

  it('lints one fixture from the repository root in the stylish format, as `npm run demo` does', () => {
    const repo = path.resolve(FIXTURES, '..', '..', '..');
    const io = captureIo();
    runLintCommand(['test/fixtures/projects/express4-cjs-ts'], repo, io);
    const expected = findings.filter((finding) => finding.file.startsWith('express4-cjs-ts/'));
    if (expected.length === 0) {
      assert.match(io.out(), /^✔ No problems/);
      return;
    }
    const headers = io.out().split('\n').filter((line) => line.startsWith('test/'));
    assert.deepEqual(headers, [...new Set(expected.map((finding) => `test/fixtures/projects/${finding.file}`))]);
    assert.match(io.out(), new RegExp(`✖ ${expected.length} problems? \\(`));
  });
});
