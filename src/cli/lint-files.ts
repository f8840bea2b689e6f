import { createLinter } from '../core/lint/create-linter';
import type { Rule } from '../core/lint/rule';
import type { FileSystemHost } from '../core/model/file-system';
import type { Finding } from '../core/model/finding';
import type { RoutewiseSettings } from '../core/model/settings';

export interface RuleFailure {
  ruleId: string;
  file: string;
  error: unknown;
  /** How many times the rule threw on this file; one bad rule can throw at every node it visits. */
  count: number;
}

/** A package whose route graph failed or is partial: its findings may be fewer than it deserves. */
export interface GraphNotice {
  root: string;
  message: string;
}

export interface WorkspaceLintResult {
  findings: Finding[];
  failures: RuleFailure[];
  notices: GraphNotice[];
}

/**
 * Lints a set of files with one linter, so parses, project detection and route graphs are
 * shared across them. The CLI and the benchmark both go through here: the benchmark measures
 * exactly what users run.
 */
export function lintWorkspace(files: readonly string[], options: { host: FileSystemHost; settings: RoutewiseSettings; rules: readonly Rule[] }): WorkspaceLintResult {
  const failures = new Map<string, RuleFailure>();
  const notices: GraphNotice[] = [];
  const { linter, cache, projects, graphs } = createLinter({
    host: options.host,
    settings: options.settings,
    rules: options.rules,
    onRuleError: (ruleId, file, error) => {
      const key = `${ruleId}\0${file}`;
      const existing = failures.get(key);
      if (existing) existing.count++;
      else failures.set(key, { ruleId, file, error, count: 1 });
    },
    onGraphProblem: (root, message) => notices.push({ root, message }),
  });
  const findings: Finding[] = [];
  for (const packageFiles of byPackage(files, (file) => projects.rootOf(file))) {
    for (const file of packageFiles.files) findings.push(...linter.lintFile(file));
    // Each package's trees and route graph are done with: holding every parse of a large workspace
    // at once would make the garbage collector the slowest part of the run.
    graphs.release(packageFiles.root);
    cache.clear();
  }
  return { findings, failures: [...failures.values()], notices };
}

/** Files grouped by the package that owns them, packages in the order their first file comes. */
function byPackage(files: readonly string[], rootOf: (file: string) => string): { root: string; files: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const root = rootOf(file);
    const group = groups.get(root);
    if (group) group.push(file);
    else groups.set(root, [file]);
  }
  return [...groups].map(([root, grouped]) => ({ root, files: grouped }));
}
