import ejs from 'ejs';
import { SourceCache } from '../../lint/source-cache';
import type { FileSystemHost } from '../../model/file-system';
import { dirname, joinPath, normalizePath, relativePath, toPosix } from '../../model/paths';
import { collectImports } from '../../analysis/imports';
import { parseSource } from '../../lint/parse';
import { ProjectDetector } from '../../project/detect';
import { unknownProject, type ProjectInfo } from '../../project/project-info';
import { RouteGraphBuilder } from '../../project/route-graph';
import type { RouteGraph } from '../../project/route-graph-types';
import { AstProject } from '../ast-project';
import { ScaffoldError } from '../errors';
import { discoverSourceFiles } from '../source-files';
import { detectStyle, type PathAlias, type Style } from '../style';
import { declaredRange, ensureDependency, olderMajor } from '../transforms/ensure-dependency';
import { ScaffoldTree } from '../tree';
import { flavourOf } from './flavour';
import { esLibYearOf, expressTypesHaveLocals, nodeTypesOf, strictNullChecksOf, tsVersionAtLeast, typescriptVersionOf } from './typescript-version';
import { generatorById, generatorIds } from './registry';
import { restyle } from './restyle';
import { downlevelForTypeScript } from './ts-compat';
import type { DependencyRequest, Flavour, GeneratorContext, GeneratorResult, WriteOptions } from './types';

export interface RunGeneratorRequest {
  generatorId: string;
  options?: Record<string, unknown>;
  /** A folder (or file) inside the project; the nearest package.json decides the root. */
  cwd: string;
  host: FileSystemHost;
  /** The folder holding `templates/<framework>/…`, shipped with the extension and the CLI. */
  templatesDir: string;
}

/**
 * Runs a generator against a virtual tree over the project and returns the changes, without
 * writing anything. Refusals (unknown framework major, conflicting files, unparsable targets)
 * throw a ScaffoldError whose message is meant for the user.
 */
export function runGenerator(request: RunGeneratorRequest): GeneratorResult {
  const generator = generatorById(request.generatorId);
  if (!generator) {
    throw new ScaffoldError(`Unknown generator "${request.generatorId}". Available: ${generatorIds().join(', ')}.`);
  }
  const parsed = generator.meta.options.safeParse(request.options ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.') || 'options'}: ${issue.message}`);
    throw new ScaffoldError(`Invalid options for ${generator.meta.id}: ${problems.join('; ')}`);
  }
  const cwd = normalizePath(toPosix(request.cwd));
  const projects = new ProjectDetector(request.host);
  const options = parsed.data as Record<string, unknown>;
  // A new project is its own package at <cwd>/<directory>, whatever package cwd belongs to.
  const project = generator.meta.createsProject
    ? unknownProject(joinPath(cwd, typeof options.directory === 'string' ? options.directory : '.'))
    : withZodSubpath(projects.detect(joinPath(cwd, 'package.json')), request.host);
  const flavour = flavourOf(project, options, generator.meta.createsProject ? undefined : typescriptVersionOf(project, request.host));
  if (!generator.meta.createsProject) {
    const nodeTypes = nodeTypesOf(project, request.host);
    const esLibYear = esLibYearOf(project.root, request.host);
    if (nodeTypes) flavour.nodeTypes = nodeTypes;
    if (esLibYear !== undefined) flavour.esLibYear = esLibYear;
    if (flavour.framework === 'express' && !expressTypesHaveLocals(project.root, request.host)) flavour.expressRequestLocals = false;
    if (!strictNullChecksOf(project.root, request.host)) flavour.strictNullChecks = false;
  }
  const style = detectStyle(project.root, request.host);
  if (flavour.esm && style.importExtension === '' && flavour.typescript && !hasRelativeImports(project.root, request.host)) {
    // A new ESM project: NodeNext resolution needs explicit `.js` suffixes.
    style.importExtension = '.js';
  }
  const session = new GeneratorSession(request, project, { ...flavour, importExtension: style.importExtension }, style, projects);
  session.run(generator.meta.id, options);
  return session.finish();
}

class GeneratorSession {
  readonly tree: ScaffoldTree;
  private astProject: AstProject | undefined;
  private routeGraph: RouteGraph | undefined | null = null;
  private readonly notes: string[] = [];
  private readonly dependencies = new Map<string, DependencyRequest>();
  private readonly running = new Set<string>();

  constructor(
    private readonly request: RunGeneratorRequest,
    private readonly project: ProjectInfo,
    private readonly flavour: Flavour,
    private readonly style: Style,
    private readonly projects: ProjectDetector,
  ) {
    this.tree = new ScaffoldTree(request.host);
  }

  run(generatorId: string, rawOptions: Record<string, unknown>): void {
    const generator = generatorById(generatorId);
    if (!generator) throw new ScaffoldError(`Unknown generator "${generatorId}".`);
    if (!generator.meta.frameworks.includes(this.flavour.framework)) {
      throw new ScaffoldError(`The ${generatorId} generator does not support ${this.flavour.framework} projects.`);
    }
    // A generator that invokes itself through another (auth → error-handler → …) runs once.
    if (this.running.has(generatorId)) return;
    this.running.add(generatorId);
    try {
      const options = generator.meta.options.parse(rawOptions) as Record<string, unknown>;
      generator.generate(this.context(), options);
    } finally {
      this.running.delete(generatorId);
    }
  }

  finish(): GeneratorResult {
    this.astProject?.flush();
    const dependencies = [...this.dependencies.values()];
    const addedDependencies: DependencyRequest[] = [];
    if (dependencies.length > 0) {
      const packageJsonPath = joinPath(this.project.root, 'package.json');
      const original = this.tree.read(packageJsonPath);
      if (original === undefined) throw new ScaffoldError(`No package.json at ${this.project.root}: cannot add dependencies.`);
      let text = original;
      for (const dependency of dependencies) {
        const declared = declaredRange(original, dependency.name);
        if (declared !== undefined && olderMajor(declared, dependency.range)) {
          this.notes.push(
            `${dependency.name} stays at "${declared}" as package.json declares it; the generated code is written for ${dependency.range}. If it does not compile, upgrade ${dependency.name}.`,
          );
        }
        text = ensureDependency(text, dependency.name, dependency.range, dependency.dev);
      }
      this.tree.write(packageJsonPath, text);
      addedDependencies.push(...dependencies.filter((dependency) => declaredRange(original, dependency.name) === undefined));
    }
    const changes = this.tree.listChanges();
    return { changes, notes: this.notes, dependencies: addedDependencies };
  }

  private context(): GeneratorContext {
    const root = this.project.root;
    return {
      root,
      tree: this.tree,
      project: this.project,
      style: this.style,
      flavour: this.flavour,
      ast: () => (this.astProject ??= new AstProject(this.tree, this.style)),
      graph: () => {
        if (this.routeGraph === null) {
          this.routeGraph = new RouteGraphBuilder(this.request.host, new SourceCache(), this.projects).graphFor(this.project);
        }
        return this.routeGraph;
      },
      render: (template, data) => this.render(template, data),
      writeFile: (relative, content, options) => this.writeFile(relative, content, options),
      importPath: (from, to) => importSpecifier(from, to, this.flavour.importExtension, this.aliasFor(from), root),
      addDependency: (name, range, dev = false) => {
        const existing = this.dependencies.get(name);
        if (!existing || (existing.dev && !dev)) this.dependencies.set(name, { name, range, dev });
      },
      note: (message) => {
        if (!this.notes.includes(message)) this.notes.push(message);
      },
      invoke: (generatorId, options) => this.run(generatorId, options ?? {}),
    };
  }

  /**
   * The alias imports from `fromRelative` go through: an existing file keeps its own habit (only
   * relative imports → relative, only aliased ones → the alias); new files follow the project.
   */
  private aliasFor(fromRelative: string): PathAlias | undefined {
    const alias = this.style.preferredAlias ?? this.style.pathAliases[0];
    if (!alias) return undefined;
    const text = this.tree.read(joinPath(this.project.root, fromRelative));
    if (text === undefined) return this.style.preferredAlias;
    const prefix = alias.pattern.slice(0, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const aliased = text.match(new RegExp(`(?:from|import\\(|require\\()\\s*['"]${prefix}`, 'g'))?.length ?? 0;
    const relative = text.match(/(?:from|import\(|require\()\s*['"]\.\.?\//g)?.length ?? 0;
    if (aliased > 0 && relative === 0) return alias.pattern.endsWith('/*') && alias.targets.length === 1 && alias.targets[0].endsWith('/*') ? alias : undefined;
    if (relative > 0 && aliased === 0) return undefined;
    return this.style.preferredAlias;
  }

  private render(template: string, data: Record<string, unknown> = {}): string {
    const path = joinPath(this.request.templatesDir, this.flavour.framework, template);
    const source = this.request.host.readFile(path);
    if (source === undefined) throw new Error(`Template not found: ${path}`);
    const { typescriptVersion, nodeTypes, esLibYear } = this.flavour;
    const f = {
      ...this.flavour,
      tsAtLeast: (minimum: string) => tsVersionAtLeast(typescriptVersion, minimum),
      nodeTypesAtLeast: (major: number) => nodeTypes === undefined || nodeTypes.major >= major,
      esLibAtLeast: (year: number) => esLibYear === undefined || esLibYear >= year,
    };
    return ejs.render(source, { f, ...data }, { filename: path, async: false });
  }

  private writeFile(relative: string, content: string, options: WriteOptions = {}): void {
    const path = joinPath(this.project.root, relative);
    const styled = /\.[cm]?[jt]sx?$/.test(path) ? restyle(path, /\.[cm]?tsx?$/.test(path) ? downlevelForTypeScript(path, content, this.flavour) : content, this.style) : this.style.eol === '\r\n' ? content.replace(/\r?\n/g, '\r\n') : content;
    if (options.ifExists === 'keep' && this.tree.exists(path)) return;
    this.tree.create(path, styled);
  }
}

/**
 * `./routes/users.js` from `src/app.ts` to `src/routes/users.ts`, honouring the suffix style; or
 * `@/routes/users` when the project imports its modules through that alias (`alias`, with the
 * project `root` its targets are absolute against) and both files are inside the aliased folder.
 */
export function importSpecifier(fromRelative: string, toRelative: string, extension: Flavour['importExtension'], alias?: PathAlias, root?: string): string {
  const withoutExtension = toRelative.replace(/\.(ts|mts|cts|js|mjs|cjs)$/, '');
  if (alias && root !== undefined) {
    const folder = alias.targets[0].slice(0, -1); // `/abs/src/`
    const from = joinPath(root, fromRelative);
    const to = joinPath(root, withoutExtension);
    if (from.startsWith(folder) && to.startsWith(folder)) return `${alias.pattern.slice(0, -1)}${to.slice(folder.length)}${extension}`;
  }
  let specifier = relativePath(dirname(`/${fromRelative}`), `/${withoutExtension}`);
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return `${specifier}${extension}`;
}

/**
 * zod 3.25 ships zod 4 at `zod/v4`: a project importing that subpath gets zod 4 code imported from
 * it. The detector only learns this from sampled imports, so the project's files are sampled here.
 */
function withZodSubpath(project: ProjectInfo, host: FileSystemHost): ProjectInfo {
  if (project.zodImport === 'zod/v4' || project.zodMajor !== 3) return project;
  for (const file of discoverSourceFiles(project.root, host)) {
    const text = host.readFile(file);
    if (!text?.includes('zod/v4')) continue;
    const imports = collectImports(parseSource(file, text));
    if ([...imports.values()].some((binding) => binding.module === 'zod/v4')) return { ...project, zodImport: 'zod/v4' };
  }
  return project;
}

function hasRelativeImports(root: string, host: FileSystemHost): boolean {
  const text = host.readFile(joinPath(root, 'src/app.ts')) ?? host.readFile(joinPath(root, 'src/index.ts')) ?? '';
  return /from\s+['"]\.\.?\//.test(text);
}
