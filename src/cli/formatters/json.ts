import type { LintReport } from '../lint-report';

/** The stable machine format: one object, version 1, keys in the documented order. */
export function formatJson(report: LintReport): string {
  const findings = report.findings.map((finding) => ({
    file: finding.file,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    fixable: finding.fixable,
  }));
  return `${JSON.stringify({ version: 1, findings, stats: { files: report.files, ms: report.ms } })}\n`;
}
