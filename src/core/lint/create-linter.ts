import type { FileSystemHost } from '../model/file-system';
import type { RoutewiseSettings } from '../model/settings';
import { ProjectDetector } from '../project/detect';
import { RouteGraphBuilder } from '../project/route-graph';
import { ALL_RULES } from '../rules';
import type { Rule } from './rule';
import type { ScaffoldBridge } from './scaffold-bridge';
import { Linter } from './linter';
import { SourceCache } from './source-cache';

export interface CreateLinterOptions {
  host: FileSystemHost;
  settings: RoutewiseSettings;
  rules?: readonly Rule[];
  onRuleError?: (ruleId: string, file: string, error: unknown) => void;
  /** A package's route graph failed or is partial (see RouteGraphBuilder). */
  onGraphProblem?: (root: string, message: string) => void;
  /** Lets fixes run generators; see ScaffoldBridge. */
  scaffold?: ScaffoldBridge;
}

/** Wires a Linter with the project detector, the route graph and a shared parse cache. */
export function createLinter(options: CreateLinterOptions): { linter: Linter; cache: SourceCache; projects: ProjectDetector; graphs: RouteGraphBuilder } {
  const cache = new SourceCache();
  const projects = new ProjectDetector(options.host);
  const graphs = new RouteGraphBuilder(options.host, cache, projects, options.onGraphProblem);
  const linter = new Linter({
    host: options.host,
    rules: options.rules ?? ALL_RULES,
    settings: options.settings,
    cache,
    projects,
    graphs,
    onRuleError: options.onRuleError,
    scaffold: options.scaffold,
  });
  return { linter, cache, projects, graphs };
}
