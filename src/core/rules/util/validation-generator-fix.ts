import type { RouteRegistration } from '../../analysis/types';
import type { RuleContext } from '../../lint/rule';
import { editsFile, generatorFix, type ScaffoldBridge } from '../../lint/scaffold-bridge';
import type { FileChange } from '../../model/edit';
import type { Fix } from '../../model/finding';
import type { GraphRoute } from '../../project/route-graph-types';

/** The `validation` generator's options: the route registration it validates. */
export interface ValidationTarget {
  /** Absolute path of the file that registers the route. */
  file: string;
  method: string;
  /** The path as written in that file, or the full path the route graph gives it. */
  path: string;
  /** 1-based line of the registration: a file may register the same route twice. */
  line: number;
}

/**
 * The route a `missing-validation` finding is about, as the generator finds it: the registration in
 * this file, else the one the route graph found elsewhere (a controller mounted from a router file).
 * Undefined when the path is not a literal (`router.get(PATHS.users, …)`): the generator finds routes by path.
 */
export function validationTarget(ctx: Pick<RuleContext, 'fileName' | 'sourceFile'>, route: { local?: RouteRegistration; graphRoute?: GraphRoute }): ValidationTarget | undefined {
  const local = route.local;
  if (local) {
    if (local.path === undefined) return undefined;
    const line = ctx.sourceFile.getLineAndCharacterOfPosition(local.call.getStart(ctx.sourceFile)).line + 1;
    return { file: ctx.fileName, method: local.method, path: local.path, line };
  }
  const graphRoute = route.graphRoute;
  if (!graphRoute) return undefined;
  return { file: graphRoute.at.file, method: graphRoute.method, path: graphRoute.path, line: graphRoute.at.line };
}

/**
 * The fix through the `validation` generator: a zod schema inferred from the fields the handler
 * reads, wired as `validate({ … })` middleware (Express) or the route's `schema` (Fastify) — what the
 * rule's documentation promises. The rule's minimal fix stays the fallback; a route only the
 * generator can reach (no minimal fix) lets its refusal through, so the editor shows why.
 */
export function validationGeneratorFix(bridge: ScaffoldBridge, projectRoot: string, target: ValidationTarget, partList: string, minimal: Fix | undefined): Fix {
  const options = { file: target.file, method: target.method, path: target.path, line: target.line };
  return {
    title: `Validate ${partList} with a schema on the route`,
    build: (): FileChange[] => {
      if (!minimal) return bridge.run('validation', options, projectRoot).changes;
      return generatorFix(bridge, { generatorId: 'validation', options, cwd: projectRoot, accept: editsFile(target.file) }) ?? minimal.build();
    },
  };
}
