import type { RuleContext } from '../../lint/rule';
import type { RouteGraph } from '../../project/route-graph-types';

/**
 * The package's route graph, or undefined when it cannot be built: a graph failure (a project
 * the interpreter cannot follow) must cost a rule its cross-file facts, not its per-file findings.
 */
export function safeRouteGraph(context: Pick<RuleContext, 'routeGraph'>): RouteGraph | undefined {
  try {
    return context.routeGraph();
  } catch {
    return undefined;
  }
}
