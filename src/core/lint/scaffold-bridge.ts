import type { FileChange } from '../model/edit';

/**
 * How lint rules reach the generators without loading them. The scaffold engine carries ts-morph
 * and lives in its own bundle (dist/scaffold.js); the lint path must stay cheap, so it only knows
 * this interface. The extension hands the Linter a bridge that loads the bundle on first use;
 * without one (unit tests, a CLI without the bundle) rules keep their own minimal fixes.
 *
 * Nothing here may import from src/core/scaffold: even a value import would pull ts-morph into the
 * lint bundle.
 */
export interface ScaffoldBridge {
  /**
   * Runs a generator against the project that owns `cwd` and returns its changes; nothing is
   * written. Throws when the generator refuses (a ScaffoldError of the bundle) or fails.
   */
  run(generatorId: string, options: Record<string, unknown>, cwd: string): ScaffoldRunResult;
}

/** The part of the engine's GeneratorResult that callers of the bridge use. */
export interface ScaffoldRunResult {
  changes: FileChange[];
  notes: string[];
  /** Dependencies the run adds to package.json (already part of `changes`). */
  dependencies: { name: string; range: string; dev: boolean }[];
}

export interface GeneratorFixRequest {
  generatorId: string;
  options: Record<string, unknown>;
  /** The project root (a folder inside the project is enough). */
  cwd: string;
  /**
   * Whether the generator's changes do what the finding asks (e.g. they edit the finding's file):
   * a generator may pick another target than the rule meant, and then the rule's own fix is better.
   */
  accept?: (changes: readonly FileChange[]) => boolean;
}

/**
 * A quick fix through a generator, or undefined so the rule falls back to its minimal edit: when
 * there is no bridge, the generator refuses (a JavaScript project, a file it cannot parse, a config
 * module it cannot extend), fails, changes nothing, or does not pass `accept`. Refusals are normal
 * here, so they are not errors; the bridge reports unexpected failures itself.
 */
export function generatorFix(bridge: ScaffoldBridge | undefined, request: GeneratorFixRequest): FileChange[] | undefined {
  if (!bridge) return undefined;
  let changes: FileChange[];
  try {
    changes = bridge.run(request.generatorId, request.options, request.cwd).changes;
  } catch {
    return undefined;
  }
  if (changes.length === 0) return undefined;
  if (request.accept && !request.accept(changes)) return undefined;
  return changes;
}

/** `accept` for fixes that must at least edit the file the finding is in. */
export function editsFile(fileName: string): (changes: readonly FileChange[]) => boolean {
  return (changes) => changes.some((change) => change.kind === 'edit' && change.path === fileName);
}
