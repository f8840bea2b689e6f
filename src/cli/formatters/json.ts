import type { LintReport } from '../lint-report';

/** The stable machine format: one object, version 1; findings keep the contract's key order from `toReported`. */
export function formatJson(report: LintReport): string {
  return `${JSON.stringify({ version: 1, findings: report.findings, stats: { files: report.files, ms: report.ms } })}\n`;
}
