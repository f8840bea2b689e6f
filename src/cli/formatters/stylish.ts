import type { Severity } from '../../core/model/finding';
import type { LintReport, ReportedFinding } from '../lint-report';

type Style = (text: string) => string;

interface Palette {
  file: Style;
  dim: Style;
  severity: Record<Severity, Style>;
  failed: Style;
  passed: Style;
}

const sgr =
  (open: number, close: number): Style =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURED: Palette = {
  file: sgr(4, 24),
  dim: sgr(2, 22),
  severity: { error: sgr(31, 39), warning: sgr(33, 39), info: sgr(36, 39) },
  failed: (text) => sgr(1, 22)(sgr(31, 39)(text)),
  passed: sgr(32, 39),
};

const identity: Style = (text) => text;
const PLAIN: Palette = {
  file: identity,
  dim: identity,
  severity: { error: identity, warning: identity, info: identity },
  failed: identity,
  passed: identity,
};

/** Human output modelled on ESLint's: a block per file, aligned columns, a summary line. */
export function formatStylish(report: LintReport, options: { colour: boolean }): string {
  const palette = options.colour ? COLOURED : PLAIN;
  if (report.findings.length === 0) {
    return `${palette.passed('✔')} No problems (${plural(report.files, 'file')} checked)\n`;
  }

  let output = '';
  for (const [file, findings] of groupByFile(report.findings)) {
    output += `\n${palette.file(file)}\n${formatBlock(findings, palette)}`;
  }

  const count = (severity: Severity): number => report.findings.filter((finding) => finding.severity === severity).length;
  const errors = count('error');
  const summary = `✖ ${plural(report.findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')})`;
  return `${output}\n${errors > 0 ? palette.failed(summary) : palette.severity.warning(summary)}\n`;
}

/** Widths come from the plain text; colour codes are added afterwards so they do not skew alignment. */
function formatBlock(findings: readonly ReportedFinding[], palette: Palette): string {
  const lineWidth = Math.max(...findings.map((finding) => String(finding.line).length));
  const columnWidth = Math.max(...findings.map((finding) => String(finding.column).length));
  const severityWidth = Math.max(...findings.map((finding) => finding.severity.length));
  const messageWidth = Math.max(...findings.map((finding) => oneLine(finding.message).length));
  return findings
    .map((finding) => {
      // Right-aligned lines and left-aligned columns keep the colons in one column, as ESLint does.
      const position = `${String(finding.line).padStart(lineWidth)}:${String(finding.column).padEnd(columnWidth)}`;
      const severity = palette.severity[finding.severity](finding.severity.padEnd(severityWidth));
      return `  ${palette.dim(position)}  ${severity}  ${oneLine(finding.message).padEnd(messageWidth)}  ${palette.dim(finding.ruleId)}\n`;
    })
    .join('');
}

function groupByFile(findings: readonly ReportedFinding[]): Map<string, ReportedFinding[]> {
  const groups = new Map<string, ReportedFinding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/** A message with a newline would break the table. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
