import type ts from 'typescript';
import type { ProjectModules } from './evaluator';
import { GraphAssembler } from './graph-assembler';
import type { IndexedRouteGraph } from './indexed-route-graph';
import { Interpreter, type ClassifiedCall } from './interpreter';
import type { ModuleSummary } from './module-summary';

export interface PackageGraphInput {
  root: string;
  /** The package's own sources whose top level runs: tests and fixtures excluded. */
  entries: readonly string[];
  modules: ProjectModules;
  classified(module: ModuleSummary): ReadonlyMap<ts.Node, ClassifiedCall>;
  isEntryCandidate(path: string): boolean;
  readDirectory(path: string): { files: string[]; directories: string[] };
}

/**
 * Runs every module's top level in evaluation order — ESM imports first, as Node hoists them;
 * CommonJS requires when the `require` call is reached — then the functions nothing called,
 * then flattens what was registered into routes.
 */
export function buildPackageGraph(input: PackageGraphInput): IndexedRouteGraph {
  const interpreter = new Interpreter(input.modules, {
    classified: (module) => input.classified(module),
    readDirectory: (path) => input.readDirectory(path),
    isEntryCandidate: (path) => input.isEntryCandidate(path),
  });
  const ordered = evaluationOrder(input);
  for (const module of ordered) interpreter.runModule(module);
  // Importers before what they import: an uncalled app factory runs before the plugins it would register.
  interpreter.runOrphans(ordered.filter((module) => module.mayRegister).reverse());
  return new GraphAssembler(interpreter).build(input.root);
}

function evaluationOrder(input: PackageGraphInput): ModuleSummary[] {
  const order: ModuleSummary[] = [];
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const module = input.modules.summaryOf(path);
    if (!module) return;
    for (const specifier of module.hoistedSpecifiers) {
      const target = input.modules.resolve(specifier, path);
      if (target && input.isEntryCandidate(target)) visit(target);
    }
    order.push(module);
  };
  for (const entry of input.entries) visit(entry);
  return order;
}
