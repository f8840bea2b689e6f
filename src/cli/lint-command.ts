import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import type { Rule } from '../core/lint/rule';
import type { FileSystemHost } from '../core/model/file-system';
import { relativePath, toPosix } from '../core/model/paths';
import { withDefaults, type RoutewiseSettings } from '../core/model/settings';
import { listSourceFiles } from '../core/project/source-files';
import { ALL_RULES } from '../core/rules';
import { NodeFileSystem } from '../host/node-file-system';
import { loadConfig } from './config-file';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { EXIT_ERROR_FINDINGS, EXIT_OK, EXIT_USAGE_OR_INTERNAL, UsageError, type CliIo } from './io';
import { lintWorkspace, type RuleFailure } from './lint-files';
import { compareReported, toReported, type LintReport } from './lint-report';
import { ROUTEWISE_VERSION } from './version';

export const LINT_USAGE = `Usage: routewise lint [paths…] [--format stylish|json|sarif] [--rule ID]…

Lints every JavaScript / TypeScript source under the paths (default: the current directory),
honouring .gitignore and skipping node_modules, build output and declaration files.

Options:
  -f, --format <name>  stylish (default), json or sarif
      --rule <id>      run only this rule; repeat for several
  -h, --help           show this help

Exit status: 0 no error findings, 1 error findings, 2 usage or internal error.
`;

const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface LintArguments {
  paths: string[];
  format: Format;
  ruleIds: string[];
  help: boolean;
}

export interface LintCommandOptions {
  /** The rules the command chooses from; tests pass their own, the binary all of them. */
  rules?: readonly Rule[];
  host?: FileSystemHost;
}

/** `routewise lint`: returns the exit status; throws UsageError for bad arguments or configuration. */
export function runLintCommand(args: readonly string[], cwd: string, io: CliIo, options: LintCommandOptions = {}): number {
  const parsed = parseLintArguments(args);
  if (parsed.help) {
    io.stdout(LINT_USAGE);
    return EXIT_OK;
  }
  const host = options.host ?? new NodeFileSystem();
  const pool = options.rules ?? ALL_RULES;
  const root = toPosix(nodePath.resolve(cwd));

  const config = loadConfig(root, host, new Set(pool.map((rule) => rule.meta.id)));
  const rules = selectRules(pool, parsed.ruleIds);
  const settings = withDefaults({ ...config.settings, rules: effectiveSeverities(config.settings.rules ?? {}, parsed.ruleIds) });
  const files = collectFiles(parsed.paths, root, host);

  const started = performance.now();
  const result = lintWorkspace(files, { host, settings, rules });
  const report: LintReport = {
    findings: result.findings.map((finding) => toReported(finding, root)).sort(compareReported),
    rules: rules.filter((rule) => settings.rules[rule.meta.id] !== 'off'),
    files: files.length,
    ms: Math.round(performance.now() - started),
  };

  io.stdout(format(report, parsed.format, root, io));
  for (const failure of result.failures) io.stderr(describeFailure(failure, root));
  for (const notice of result.notices) io.stderr(`routewise: warning: ${relativePath(root, notice.root) || '.'}: ${notice.message}\n`);

  if (result.failures.length > 0) return EXIT_USAGE_OR_INTERNAL;
  return report.findings.some((finding) => finding.severity === 'error') ? EXIT_ERROR_FINDINGS : EXIT_OK;
}

function parseLintArguments(args: readonly string[]): LintArguments {
  let values: { format?: string; rule?: string[]; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: {
        format: { type: 'string', short: 'f' },
        rule: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const format = values.format ?? 'stylish';
  if (!isFormat(format)) throw new UsageError(`Unknown format "${format}"; expected one of: ${FORMATS.join(', ')}`);
  return { paths: positionals, format, ruleIds: values.rule ?? [], help: values.help ?? false };
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

function selectRules(pool: readonly Rule[], ids: readonly string[]): readonly Rule[] {
  if (ids.length === 0) return pool;
  const unknown = ids.filter((id) => !pool.some((rule) => rule.meta.id === id));
  if (unknown.length > 0) {
    throw new UsageError(`Unknown rule ${unknown.map((id) => `"${id}"`).join(', ')}; known rules: ${pool.map((rule) => rule.meta.id).join(', ')}`);
  }
  return pool.filter((rule) => ids.includes(rule.meta.id));
}

/** Naming a rule on the command line is an explicit request to run it, even if the config file turns it off. */
function effectiveSeverities(configured: RoutewiseSettings['rules'], requested: readonly string[]): RoutewiseSettings['rules'] {
  const result = { ...configured };
  for (const id of requested) if (result[id] === 'off') delete result[id];
  return result;
}

function collectFiles(paths: readonly string[], root: string, host: FileSystemHost): string[] {
  const targets = paths.length > 0 ? paths : ['.'];
  const files = new Set<string>();
  for (const target of targets) {
    const absolute = toPosix(nodePath.resolve(root, target));
    if (!host.fileExists(absolute) && !host.directoryExists(absolute)) throw new UsageError(`No such file or directory: ${target}`);
    for (const file of listSourceFiles(absolute, host)) files.add(file);
  }
  return [...files].sort();
}

function format(report: LintReport, name: Format, root: string, io: CliIo): string {
  switch (name) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { toolVersion: ROUTEWISE_VERSION, baseDirectory: root });
    case 'stylish':
      // Any NO_COLOR, even empty, opts out: colour is the one thing here that can corrupt output.
      return formatStylish(report, { colour: io.isTTY && io.env.NO_COLOR === undefined });
  }
}

function describeFailure(failure: RuleFailure, root: string): string {
  const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
  const times = failure.count > 1 ? ` (${failure.count} times)` : '';
  return `routewise: internal error: rule "${failure.ruleId}" failed on ${relativePath(root, failure.file)}${times}: ${reason}\n`;
}
