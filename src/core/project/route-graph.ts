import type ts from 'typescript';
import { isLintable, isStaticAssetPath, isTestFilePath } from '../lint/parse';
import type { SourceCache } from '../lint/source-cache';
import type { FileSystemHost } from '../model/file-system';
import { basename, relativePath } from '../model/paths';
import type { ProjectDetector } from './detect';
import type { ClassifiedCall } from './graph/interpreter';
import { ModuleResolver } from './graph/module-resolver';
import { ModuleSummary } from './graph/module-summary';
import { forgetResolvedIdentifiers } from './graph/scope';
import { editBaseline, isGraphNeutralEdit, type EditBaseline } from './graph/graph-neutral-edit';
import type { IndexedRouteGraph } from './graph/indexed-route-graph';
import { buildPackageGraph } from './graph/package-graph';
import type { ProjectInfo } from './project-info';
import type { RouteGraph } from './route-graph-types';
import { listSourceFiles } from './source-files';


const CONFIG_FILES = new Set(['package.json', 'tsconfig.json', 'jsconfig.json']);

/**
 * The route graph of each package, built on first request and cached per package root. Files are
 * parsed through the shared SourceCache and summarised once per text, so after `invalidate(file)`
 * a rebuild re-reads only what changed and re-runs the (cheap) registration walk.
 */
export class RouteGraphBuilder {
  private readonly graphs = new Map<string, IndexedRouteGraph | null>();
  /**
   * Graphs set aside by invalidate(file) for text edits, with the summaries of the edited files they
   * were built from, or what the edit check needs of them once their trees were reused.
   */
  private readonly edited = new Map<string, { graph: IndexedRouteGraph; before: Map<string, ModuleSummary | EditBaseline> }>();
  private readonly failures = new Map<string, Error>();
  private readonly fileLists = new Map<string, string[]>();
  private readonly summaries = new Map<string, ModuleSummary>();
  private readonly classifiedBySummary = new WeakMap<ModuleSummary, Map<ts.Node, ClassifiedCall>>();
  private readonly resolver: ModuleResolver;

  constructor(
    readonly host: FileSystemHost,
    readonly cache: SourceCache,
    readonly projects: ProjectDetector,
    /** Told once per build when a package's graph failed or is partial: rules then see less than the project registers. */
    private readonly onProblem?: (root: string, message: string) => void,
  ) {
    this.resolver = new ModuleResolver(host);
    cache.onTreeReuse((path, previous, nextText) => this.beforeTreeReuse(path, previous, nextText));
  }

  graphFor(project: ProjectInfo): RouteGraph | undefined {
    if (!project.framework) return undefined;
    // A failed build is cached too (as null): it is not retried until something is invalidated.
    const cached = this.graphs.has(project.root) ? this.graphs.get(project.root) : this.moved(project);
    if (cached !== undefined) return cached ?? undefined;
    let graph: IndexedRouteGraph | null = null;
    try {
      graph = this.build(project);
      this.failures.delete(project.root);
    } catch (error) {
      // Rules fall back to their per-file view; the failure is kept for whoever reports it (the CLI).
      const failure = error instanceof Error ? error : new Error('route graph build failed', { cause: error });
      this.failures.set(project.root, failure);
      this.onProblem?.(project.root, `the route graph could not be built (${failure.message}); each file was linted on its own`);
    }
    if (graph?.incomplete) this.onProblem?.(project.root, 'the route graph stopped at its step budget; routes registered after that point are missing, so findings that depend on routes may be missing too');
    this.graphs.set(project.root, graph);
    return graph ?? undefined;
  }

  resolveModule(specifier: string, fromFile: string): string | undefined {
    return this.resolver.resolve(specifier, fromFile);
  }

  /** Why the last build for a package root failed, if it did. */
  failureFor(root: string): Error | undefined {
    return this.failures.get(root);
  }

  /**
   * Forgets what a change to `path` can affect; no path forgets everything. A package's graph is
   * kept aside when only a file's text changed: if the new text turns out to change nothing the
   * graph read (see isGraphNeutralEdit), the next request moves its positions instead of rebuilding.
   */
  invalidate(path?: string): void {
    if (path === undefined) {
      this.resolver.clear();
      this.graphs.clear();
      this.edited.clear();
      this.fileLists.clear();
      this.summaries.clear();
      return;
    }
    const previous = this.summaries.get(path);
    this.summaries.delete(path);
    const affects = (root: string): boolean => path === root || path.startsWith(`${root}/`) || root.startsWith(`${path}/`);
    // A created or deleted file, a folder or a config changes which files exist and how imports resolve.
    const exists = this.host.fileExists(path);
    const listed = [...this.fileLists.values()].some((files) => files.includes(path));
    const structural = CONFIG_FILES.has(basename(path)) || !isLintable(path) || exists !== (listed || previous !== undefined);
    for (const root of new Set([...this.graphs.keys(), ...this.edited.keys()])) {
      if (!affects(root)) continue;
      const graph = this.graphs.get(root);
      this.graphs.delete(root);
      const edited = this.edited.get(root) ?? (graph ? { graph, before: new Map<string, ModuleSummary | EditBaseline>() } : undefined);
      if (structural || !edited) {
        this.edited.delete(root);
        continue;
      }
      // The summary the kept graph was built from: the first one seen since.
      if (previous && !edited.before.has(path)) edited.before.set(path, previous);
      this.edited.set(root, edited);
    }
    if (!structural) return;
    this.resolver.clear();
    for (const root of [...this.fileLists.keys()]) if (affects(root)) this.fileLists.delete(root);
  }

  /**
   * Drops the graph of a package and the summaries (with their parsed files) it was built from, when
   * nothing will ask for it again: a workspace lint moving on to the next package keeps the heap small.
   */
  release(root: string): void {
    this.graphs.delete(root);
    this.edited.delete(root);
    this.fileLists.delete(root);
    for (const path of [...this.summaries.keys()]) if (path.startsWith(`${root}/`)) this.summaries.delete(path);
  }

  /** The graph kept aside for a package, its positions moved past each edit, if no edit changed what it read. */
  private moved(project: ProjectInfo): IndexedRouteGraph | undefined {
    const edited = this.edited.get(project.root);
    if (!edited) return undefined;
    this.edited.delete(project.root);
    for (const [path, before] of edited.before) {
      const after = this.summaryOf(path);
      if (!after) return undefined;
      const text = after.sourceFile.text;
      const baseline = before instanceof ModuleSummary ? editBaseline(before, text, (pos, end) => edited.graph.readWithin(path, pos, end)) : before;
      if (!baseline) continue;
      // Taken for another text before the tree was reused: the text the graph was built from is gone.
      if (baseline.nextText !== text) return undefined;
      // The graph ran registrations only in modules that may register, and classified those as it went.
      if (!isGraphNeutralEdit(baseline, after, after.mayRegister ? this.classified(after, project.framework).keys() : [])) return undefined;
      if (!edited.graph.moveFile(path, baseline.change, (offset) => after.lineAndColumn(offset))) return undefined;
    }
    this.graphs.set(project.root, edited.graph);
    return edited.graph;
  }

  /**
   * The incremental parser is about to take apart a file's tree for its next text: a summary built
   * on it must go, and a kept graph's edit check takes what it needs from it now.
   */
  private beforeTreeReuse(path: string, previous: ts.SourceFile, nextText: string): void {

    // Identifiers the new tree reuses may resolve to other declarations there.
    forgetResolvedIdentifiers();
    if (this.summaries.get(path)?.sourceFile === previous) this.summaries.delete(path);
    for (const { graph, before } of this.edited.values()) {
      const summary = before.get(path);
      if (!(summary instanceof ModuleSummary) || summary.sourceFile !== previous) continue;
      const baseline = editBaseline(summary, nextText, (pos, end) => graph.readWithin(path, pos, end));
      if (baseline) before.set(path, baseline);
    }
  }

  private build(project: ProjectInfo): IndexedRouteGraph {
    const framework = project.framework;
    const files = this.filesOf(project.root);
    // Judged inside the package: a whole project can live under a `test/fixtures` folder.
    const tests = new Map<string, boolean>();
    const isTest = (path: string): boolean => {
      let test = tests.get(path);
      if (test === undefined) {
        test = isTestFilePath(`/${relativePath(project.root, path)}`);
        tests.set(path, test);
      }
      return test;
    };
    const used = new Set<ModuleSummary>();
    const graph = buildPackageGraph({
      root: project.root,
      // Browser scripts served as static files never register routes: they run only when a server module imports them.
      entries: files.filter((file) => !isTest(file) && !isStaticAssetPath(`/${relativePath(project.root, file)}`)),
      modules: {
        root: project.root,
        summaryOf: (path) => {
          const summary = this.summaryOf(path);
          if (summary) used.add(summary);
          return summary;
        },
        resolve: (specifier, from) => this.resolver.resolve(specifier, from),
      },
      classified: (module) => this.classified(module, framework),
      isEntryCandidate: (path) => !isTest(path) && !path.includes('/node_modules/'),
      readDirectory: (path) => this.host.readDirectory(path),
    });
    // Kept with the graph as offsets: an edit check after the graph moved cannot ask the summaries it was built from.
    for (const summary of used) {
      const classified = [...(this.classifiedBySummary.get(summary)?.keys() ?? [])].map(({ pos, end }) => ({ pos, end }));
      graph.recordRead(summary.path, [...summary.walkedRanges(), ...classified]);
    }
    return graph;
  }

  private filesOf(root: string): string[] {
    let files = this.fileLists.get(root);
    if (!files) {
      files = listSourceFiles(root, this.host).filter((file) => this.projects.rootOf(file) === root);
      this.fileLists.set(root, files);
    }
    return files;
  }

  /** Summaries stay valid until `invalidate(path)`: a rebuild re-reads only the files that changed. */
  private summaryOf(path: string): ModuleSummary | undefined {
    const known = this.summaries.get(path);
    if (known) return known;
    if (!isLintable(path)) return undefined;
    const text = this.host.readFile(path);
    if (text === undefined) return undefined;
    const sourceFile = this.cache.sourceFile(path, text);
    const summary = new ModuleSummary(path, sourceFile);
    this.summaries.set(path, summary);
    return summary;
  }

  /** Registrations the per-file analysis recognised, looked up only for receivers the graph cannot trace. */
  private classified(module: ModuleSummary, framework: ProjectInfo['framework']): Map<ts.Node, ClassifiedCall> {
    let calls = this.classifiedBySummary.get(module);
    if (calls) return calls;
    calls = new Map();
    const analysis = this.cache.analysis(module.path, module.sourceFile.text, framework);
    if (analysis.sourceFile !== module.sourceFile) return calls;
    for (const route of analysis.routes) calls.set(route.call, { framework: route.framework, kind: route.receiverKind });
    for (const use of analysis.uses) calls.set(use.call, { framework: use.framework, kind: use.receiverKind });
    for (const hook of analysis.hooks) calls.set(hook.call, { framework: 'fastify', kind: 'fastify' });
    this.classifiedBySummary.set(module, calls);
    return calls;
  }
}
