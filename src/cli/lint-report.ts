import type { Rule } from '../core/lint/rule';
import type { Finding, Severity } from '../core/model/finding';
import { relativePath } from '../core/model/paths';

/** A finding as the CLI prints it: the JSON contract's fields, in the contract's key order. */
export interface ReportedFinding {
  /** Relative to the directory the CLI ran in, with `/`. */
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}

export interface LintReport {
  findings: ReportedFinding[];
  /** The rules that ran, for formats that describe them (SARIF). */
  rules: readonly Rule[];
  files: number;
  ms: number;
}

export function toReported(finding: Finding, cwd: string): ReportedFinding {
  return {
    file: relativePath(cwd, finding.file),
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    fixable: finding.fix !== undefined,
  };
}

/**
 * File, then line, then column, as the contract says; the rest only makes ties deterministic.
 * Code-unit comparison, not localeCompare: output must not depend on the machine's locale.
 */
export function compareReported(a: ReportedFinding, b: ReportedFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
