import type { Severity } from '../../core/model/finding';
import { docsUrl } from '../../core/model/rule-meta';
import type { LintReport } from '../lint-report';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  toolVersion: string;
  /** Absolute directory the relative URIs are resolved against (the CLI's cwd), with `/`. */
  baseDirectory: string;
}

/** SARIF 2.1.0 for code-scanning uploads; URIs are relative to `%SRCROOT%`, the directory the CLI ran in. */
export function formatSarif(report: LintReport, options: SarifOptions): string {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.meta.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Routewise',
            version: options.toolVersion,
            informationUri: 'https://github.com/routewise/routewise',
            rules: report.rules.map((rule) => ({
              id: rule.meta.id,
              shortDescription: { text: rule.meta.description },
              helpUri: docsUrl(rule.meta.id),
              defaultConfiguration: { level: LEVELS[rule.meta.defaultSeverity] },
              properties: { category: rule.meta.category, fixable: rule.meta.fixable },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(options.baseDirectory) } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
          level: LEVELS[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(finding.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** SARIF URIs must be valid URI references: a space or `#` in a file name has to be escaped. */
function relativeUri(path: string): string {
  return path.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

function directoryUri(directory: string): string {
  const [first = '', ...rest] = directory.replace(/^\/+/, '').split('/');
  // A Windows drive (`C:`) stays as it is; escaping its colon would make another URI.
  const encoded = [/^[A-Za-z]:$/.test(first) ? first : relativeUri(first), ...rest.map(relativeUri)].join('/');
  return `file:///${encoded}${encoded.endsWith('/') || encoded === '' ? '' : '/'}`;
}
