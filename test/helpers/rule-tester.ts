import assert from 'node:assert/strict';
import { parseErrors, parseSource } from '../../src/core/lint/parse';
import { createLinter } from '../../src/core/lint/create-linter';
import type { Rule } from '../../src/core/lint/rule';
import { applyFileChanges } from '../../src/core/model/edit';
import { InMemoryFileSystem } from '../../src/core/model/file-system';
import type { Finding } from '../../src/core/model/finding';
import { withDefaults, type RoutewiseSettings } from '../../src/core/model/settings';
import { PROJECT_ROOT, projectFiles, type Flavour } from './project-files';

export interface RuleCase {
  /** Shown as the test title; defaults to the first line of code. */
  name?: string;
  code: string;
  /** Framework flavour of the surrounding project (package.json + installed version). */
  flavour: Flavour;
  /** Path relative to the project root; default `src/app.ts`. */
  filename?: string;
  esm?: boolean;
  /** Other project files, relative to the project root. */
  files?: Record<string, string>;
  settings?: Partial<RoutewiseSettings>;
}

export interface ExpectedError {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
}

export interface InvalidRuleCase extends RuleCase {
  errors: ExpectedError[];
  /** The file's text after applying the first finding's fix; omit for findings without a fix. */
  output?: string;
  /** Other files after the fix (relative path → content), e.g. a created config module. */
  outputFiles?: Record<string, string>;
}

export function lintCase(rule: Rule, testCase: RuleCase): { findings: Finding[]; fileName: string; host: InMemoryFileSystem } {
  const fileName = `${PROJECT_ROOT}/${testCase.filename ?? 'src/app.ts'}`;
  const files: Record<string, string> = { ...projectFiles(testCase.flavour, { esm: testCase.esm }) };
  for (const [path, content] of Object.entries(testCase.files ?? {})) files[`${PROJECT_ROOT}/${path}`] = content;
  files[fileName] = testCase.code;
  const host = new InMemoryFileSystem(Object.entries(files));
  const errors: unknown[] = [];
  const { linter } = createLinter({
    host,
    settings: withDefaults(testCase.settings),
    rules: [rule],
    onRuleError: (_id, _file, error) => errors.push(error),
  });
  const findings = linter.lintFile(fileName);
  if (errors.length > 0) throw errors[0];
  return { findings, fileName, host };
}

/** Declares mocha tests for a rule's valid / invalid table: exact positions and exact fixed text. */
export function runRuleTests(rule: Rule, table: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const testCase of table.valid) {
        it(title(testCase), () => {
          const { findings } = lintCase(rule, testCase);
          assert.deepEqual(findings.map(describeFinding), [], 'expected no findings');
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of table.invalid) {
        it(title(testCase), () => {
          const { findings, fileName, host } = lintCase(rule, testCase);
          assert.deepEqual(
            findings.map((finding) => pickPosition(finding, testCase.errors[findings.indexOf(finding)])),
            testCase.errors.map((error) => ({ line: error.line, column: error.column, endLine: error.endLine, endColumn: error.endColumn })),
            `findings: ${findings.map(describeFinding).join('; ')}`,
          );
          testCase.errors.forEach((error, index) => {
            if (error.message instanceof RegExp) assert.match(findings[index].message, error.message);
            else if (error.message !== undefined) assert.equal(findings[index].message, error.message);
          });
          if (testCase.output === undefined) {
            assert.equal(findings[0].fix, undefined, 'finding has a fix but the case gives no output');
            return;
          }
          const fix = findings[0].fix;
          assert.ok(fix, 'expected the first finding to carry a fix');
          const after = applyFileChanges(host.files, fix.build());
          const fixed = after.get(fileName);
          assert.equal(fixed, testCase.output);
          const errors = parseErrors(parseSource(fileName, fixed ?? ''));
          assert.deepEqual(errors.map((error) => error.messageText), [], 'fixed text must parse');
          for (const [relative, content] of Object.entries(testCase.outputFiles ?? {})) {
            assert.equal(after.get(`${PROJECT_ROOT}/${relative}`), content, `content of ${relative} after the fix`);
          }
        });
      }
    });
  });
}

function pickPosition(finding: Finding, expected: ExpectedError | undefined): Pick<ExpectedError, 'line' | 'column' | 'endLine' | 'endColumn'> {
  return {
    line: finding.line,
    column: finding.column,
    endLine: expected?.endLine === undefined ? undefined : finding.endLine,
    endColumn: expected?.endColumn === undefined ? undefined : finding.endColumn,
  };
}

function describeFinding(finding: Finding): string {
  return `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.message}`;
}

function title(testCase: RuleCase): string {
  return `[${testCase.flavour}${testCase.filename?.match(/\.[cm]?js$/) ? ' js' : ''}] ${testCase.name ?? testCase.code.trim().split('\n')[0]}`;
}
