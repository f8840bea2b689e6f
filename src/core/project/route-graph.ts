import type ts from 'typescript';
import { isLintable, isTestFilePath } from '../lint/parse';
import type { SourceCache } from '../lint/source-cache';
import type { FileSystemHost } from '../model/file-system';
import { basename, relativePath } from '../model/paths';
import type { ProjectDetector } from './detect';
import type { ClassifiedCall } from './graph/interpreter';
import { ModuleResolver } from './graph/module-resolver';
import { ModuleSummary } from './graph/module-summary';
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
  private readonly graphs = new Map<string, RouteGraph | null>();
  private readonly failures = new Map<string, Error>();
  private readonly fileLists = new Map<string, string[]>();
  private readonly summaries = new Map<string, ModuleSummary>();
  private readonly classifiedBySummary = new WeakMap<ModuleSummary, Map<ts.Node, ClassifiedCall>>();
  private readonly resolver: ModuleResolver;

  constructor(
    readonly host: FileSystemHost,
    readonly cache: SourceCache,
    readonly projects: ProjectDetector,
  ) {
    this.resolver = new ModuleResolver(host);
  }

  graphFor(project: ProjectInfo): RouteGraph | undefined {
    if (!project.framework) return undefined;
    const cached = this.graphs.get(project.root);
    if (cached !== undefined) return cached ?? undefined;
    let graph: RouteGraph | null = null;
    try {
      graph = this.build(project);
      this.failures.delete(project.root);
    } catch (error) {
      // Rules fall back to their per-file view; the failure is kept for whoever reports it (the CLI).
      this.failures.set(project.root, error instanceof Error ? error : new Error('route graph build failed', { cause: error }));
    }
    this.graphs.set(project.root, graph);
    return graph ?? undefined;
  }

  /** Why the last build for a package root failed, if it did. */
  failureFor(root: string): Error | undefined {
    return this.failures.get(root);
  }

  /** Forgets what a change to `path` can affect; no path forgets everything. */
  invalidate(path?: string): void {
    if (path === undefined) {
      this.resolver.clear();
      this.graphs.clear();
      this.fileLists.clear();
      this.summaries.clear();
      return;
    }
    const hadSummary = this.summaries.delete(path);
    const affects = (root: string): boolean => path === root || path.startsWith(`${root}/`) || root.startsWith(`${path}/`);
    for (const root of [...this.graphs.keys()]) if (affects(root)) this.graphs.delete(root);
    // A created or deleted file, a folder or a config changes which files exist and how imports resolve.
    const exists = this.host.fileExists(path);
    const listed = [...this.fileLists.values()].some((files) => files.includes(path));
    const structural = CONFIG_FILES.has(basename(path)) || !isLintable(path) || exists !== (listed || hadSummary);
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
    this.fileLists.delete(root);
    for (const path of [...this.summaries.keys()]) if (path.startsWith(`${root}/`)) this.summaries.delete(path);
  }

  private build(project: ProjectInfo): RouteGraph {
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
    return buildPackageGraph({
      root: project.root,
      entries: files.filter((file) => !isTest(file)),
      modules: {
        root: project.root,
        summaryOf: (path) => this.summaryOf(path),
        resolve: (specifier, from) => this.resolver.resolve(specifier, from),
      },
      classified: (module) => this.classified(module, framework),
      isEntryCandidate: (path) => !isTest(path) && !path.includes('/node_modules/'),
      readDirectory: (path) => this.host.readDirectory(path),
    });
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
