import type ts from 'typescript';
import type { FileSystemHost } from '../model/file-system';
import type { Finding, Fix, Severity } from '../model/finding';
import type { RoutewiseSettings } from '../model/settings';
import type { ProjectInfo } from '../project/project-info';
import type { RouteGraph } from '../project/route-graph-types';
import { analyzeFile } from '../analysis/file-analysis';
import type { FileAnalysis } from '../analysis/types';
import { confirmHandlerEdit, planHandlerEdit, type HandlerEdit, type HandlerEditPlan } from './handler-edit';
import { isConsumedTree, isStaticAssetPath, isTestFilePath, parseSource } from './parse';
import { isWithin, type NodeHandler, type Report, type Rule, type RuleContext, type TextRange } from './rule';
import type { ScaffoldBridge } from './scaffold-bridge';
import type { SourceCache } from './source-cache';
import { Suppressions } from './suppressions';

export interface ProjectResolver {
  detect(filePath: string): ProjectInfo;
}

export interface RouteGraphProvider {
  graphFor(project: ProjectInfo): RouteGraph | undefined;
  /** Import resolution as the graph does it, cached across files until the graph is invalidated. */
  resolveModule(specifier: string, fromFile: string): string | undefined;
}

export interface LinterDependencies {
  host: FileSystemHost;
  rules: readonly Rule[];
  settings: RoutewiseSettings;
  cache: SourceCache;
  projects: ProjectResolver;
  graphs: RouteGraphProvider;
  /** Called when a rule throws; the other rules' findings are still returned. */
  onRuleError?: (ruleId: string, file: string, error: unknown) => void;
  /** Lets fixes run generators (loaded lazily); without it rules build their own minimal fixes. */
  scaffold?: ScaffoldBridge;
}

/**
 * The path judged for "is this a test file": relative to the owning package, so a project kept
 * under someone's test/fixtures/ is still a project; the whole path when no package.json owns it.
 */
function pathWithinPackage(fileName: string, project: ProjectInfo): string {
  if (project.packageJsonPath === undefined || !fileName.startsWith(`${project.root}/`)) return fileName;
  return fileName.slice(project.root.length);
}

/** What a lint of one file saw, so that the next lint of it while the user types can keep what an edit cannot change. */
interface LintRecord {
  text: string;
  analysis: FileAnalysis;
  findings: readonly Finding[];
  projectKey: string;
  /** The route graph the rules read; null when none asked for it. */
  graph: RouteGraph | undefined | null;
  /** The other files the rules read, with the text they read. */
  reads: Map<string, string>;
}

/** Files whose last lint is kept: the ones being typed in. */
const RECORDED_FILES = 4;

/** Runs the enabled rules over one file in a single shared walk of its syntax tree. */
export class Linter {
  private readonly records = new Map<string, LintRecord>();
  /** How many lints judged only the handler being typed in (the rest of the file's findings kept): for tests and logs. */
  handlerOnlyLints = 0;

  constructor(private readonly deps: LinterDependencies) {}

  get settings(): RoutewiseSettings {
    return this.deps.settings;
  }

  /** Lints a file; `text` defaults to the host's content (an editor passes unsaved text). */
  lintFile(fileName: string, text?: string): Finding[] {
    const content = text ?? this.deps.host.readFile(fileName);
    if (content === undefined) return [];
    const record = this.records.get(fileName);
    // Read before the incremental parser takes the previous tree apart.
    const plan = record && !isConsumedTree(record.analysis.sourceFile) ? planHandlerEdit(record.text, record.analysis, content) : undefined;
    return this.lint(fileName, content, record, plan);
  }

  private lint(fileName: string, content: string, record: LintRecord | undefined, plan: HandlerEditPlan | undefined): Finding[] {
    const { cache, settings, host } = this.deps;
    // The file's previous tree is reused when only its text changed: a keystroke re-parses around the edit.
    const sourceFile = cache.sourceFile(fileName, content, true);
    // Every tree this lint read, so a fix built later can tell whether one has since been taken apart.
    const trees = new Set([sourceFile]);
    const project = this.deps.projects.detect(fileName);
    const analysis = cache.analysis(fileName, content, project.framework);
    const projectKey = JSON.stringify(project);
    const edit = record && plan && this.isUnchangedAround(record, projectKey, project) ? confirmHandlerEdit(plan, analysis) : undefined;
    const within: TextRange | undefined = edit && { start: edit.start, end: edit.newEnd };
    const reads = new Map<string, string>();
    const isTestFile = isTestFilePath(pathWithinPackage(fileName, project));
    const isBrowserAsset = isStaticAssetPath(pathWithinPackage(fileName, project));
    let suppressions: Suppressions | undefined;
    const findings: Finding[] = [];
    let graph: RouteGraph | undefined | null = null;
    // A rule judging handler by handler reported outside the handler being typed in: judge the whole file.
    let escaped = false;
    const routeGraph = (): RouteGraph | undefined => {
      if (graph === null) graph = this.deps.graphs.graphFor(project);
      return graph;
    };
    // Other files of the project, parsed once per text through the shared cache (the route graph's too).
    const sourceFileOf = (path: string): ts.SourceFile | undefined => {
      const other = host.readFile(path);
      if (other === undefined) return undefined;
      reads.set(path, other);
      // The file being linted as read from disk, not its unsaved text: parsed apart, so the cache keeps the editor's version.
      const tree = path === fileName && other !== content ? parseSource(path, other) : cache.sourceFile(path, other);
      trees.add(tree);
      return tree;
    };
    const analysisOf = (path: string): FileAnalysis | undefined => {
      const other = host.readFile(path);
      if (other === undefined) return undefined;
      reads.set(path, other);
      const otherAnalysis = path === fileName && other !== content ? analyzeFile(parseSource(path, other), project.framework) : cache.analysis(path, other, project.framework);
      trees.add(otherAnalysis.sourceFile);
      return otherAnalysis;
    };

    // Handlers indexed by SyntaxKind, each with the rule it reports errors for.
    const handlers: ({ ruleId: string; handler: NodeHandler; within?: TextRange }[] | undefined)[] = [];
    let anyHandler = false;
    const ends: { ruleId: string; end: () => void }[] = [];

    for (const rule of this.deps.rules) {
      const severity = this.severityOf(rule);
      if (!severity) continue;
      const ruleId = rule.meta.id;
      const ruleWithin = rule.scope === 'handler' ? within : undefined;
      const context: RuleContext = {
        fileName,
        text: content,
        sourceFile,
        project,
        settings,
        analysis,
        host,
        scaffold: this.deps.scaffold,
        isTestFile,
        isBrowserAsset,
        within: ruleWithin,
        routeGraph,
        sourceFileOf,
        analysisOf,
        resolveModule: (specifier, from) => this.deps.graphs.resolveModule(specifier, from),
        report: (report) => {
          const finding = this.toFinding(ruleId, severity, sourceFile, report, trees);
          if (ruleWithin && (finding.start < ruleWithin.start || finding.end > ruleWithin.end)) escaped = true;
          suppressions ??= new Suppressions(sourceFile);
          if (!suppressions.isSuppressed(finding.ruleId, finding.line - 1)) findings.push(finding);
        },
      };
      const visitor = this.guard(ruleId, fileName, () => rule.create(context));
      if (!visitor) continue;
      for (const [kind, handler] of Object.entries(visitor.nodes ?? {})) {
        if (!handler) continue;
        const key = Number(kind);
        (handlers[key] ??= []).push({ ruleId, handler, within: ruleWithin });
        anyHandler = true;
      }
      if (visitor.end) ends.push({ ruleId, end: visitor.end });
    }

    if (anyHandler) {
      // The shared walk: the analysis listed the nodes in pre-order once per parse (the file itself first, as a walk visits it).
      const onRuleError = this.deps.onRuleError;
      const dispatch = (node: ts.Node): void => {
        const list = handlers[node.kind];
        if (list === undefined) return;
        for (const { ruleId, handler, within: range } of list) {
          if (range && !isWithin(node, range)) continue;
          try {
            handler(node);
          } catch (error) {
            onRuleError?.(ruleId, fileName, error);
          }
        }
      };
      dispatch(sourceFile);
      for (const node of analysis.nodes) dispatch(node);
    }
    for (const { ruleId, end } of ends) this.guard(ruleId, fileName, end);
    if (record && edit && !escaped) {
      const kept = this.keptFindings(record, edit, sourceFile, trees, () => this.lint(fileName, content, undefined, undefined));
      if (kept) {
        findings.push(...kept);
        this.handlerOnlyLints++;
      } else {
        escaped = true;
      }
    }
    if (escaped) return this.lint(fileName, content, undefined, undefined);
    findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
    this.remember(fileName, {
      text: content,
      analysis,
      findings,
      projectKey,
      graph: graph !== null ? graph : edit && record ? record.graph : null,
      reads: edit && record ? new Map([...record.reads, ...reads]) : reads,
    });
    return findings;
  }

  /** Whether nothing the previous lint read outside the file has changed since: its project, its route graph, the other files. */
  private isUnchangedAround(record: LintRecord, projectKey: string, project: ProjectInfo): boolean {
    if (record.projectKey !== projectKey) return false;
    if (record.graph !== null && this.deps.graphs.graphFor(project) !== record.graph) return false;
    for (const [path, text] of record.reads) if (this.deps.host.readFile(path) !== text) return false;
    return true;
  }

  /**
   * The previous lint's findings of handler-scoped rules outside the edited handler, moved with the
   * text after it. Their fixes were built for the previous tree: asked for, they come from a full
   * lint of the current text instead.
   */
  private keptFindings(record: LintRecord, edit: HandlerEdit, sourceFile: ts.SourceFile, trees: ReadonlySet<ts.SourceFile>, fullLint: () => Finding[]): Finding[] | undefined {
    const scoped = new Set(this.deps.rules.filter((rule) => rule.scope === 'handler').map((rule) => rule.meta.id));
    const delta = edit.newEnd - edit.oldEnd;
    const moved = (offset: number): number => (offset >= edit.oldEnd ? offset + delta : offset);
    let full: Finding[] | undefined;
    const kept: Finding[] = [];
    for (const finding of record.findings) {
      if (!scoped.has(finding.ruleId) || (finding.start >= edit.start && finding.end <= edit.oldEnd)) continue;
      // reaching into the handler from outside it: not a finding about another handler
      if ((finding.start > edit.start && finding.start < edit.oldEnd) || (finding.end > edit.start && finding.end < edit.oldEnd)) return undefined;
      const start = moved(finding.start);
      const end = moved(finding.end);
      const fix = finding.fix && {
        title: finding.fix.title,
        build: () => {
          full ??= fullLint();
          const same = full.find((candidate) => candidate.ruleId === finding.ruleId && candidate.start === start && candidate.end === end && candidate.message === finding.message);
          if (!same?.fix) throw new StaleFixError();
          return same.fix.build();
        },
      };
      kept.push({ ...finding, ...placed(sourceFile, start, end), fix: fix && unlessStale(fix, trees) });
    }
    return kept;
  }

  private remember(fileName: string, record: LintRecord): void {
    this.records.delete(fileName);
    this.records.set(fileName, record);
    if (this.records.size > RECORDED_FILES) this.records.delete(this.records.keys().next().value as string);
  }

  private severityOf(rule: Rule): Severity | undefined {
    const configured = this.deps.settings.rules[rule.meta.id];
    if (configured === 'off') return undefined;
    return configured ?? rule.meta.defaultSeverity;
  }

  private toFinding(ruleId: string, severity: Severity, sourceFile: ts.SourceFile, report: Report, trees: ReadonlySet<ts.SourceFile>): Finding {
    const start = report.node ? report.node.getStart(sourceFile) : (report.start ?? 0);
    const end = report.node ? report.node.getEnd() : (report.end ?? start);
    return {
      ruleId,
      severity,
      message: report.message,
      file: sourceFile.fileName,
      ...placed(sourceFile, start, end),
      fix: report.fix && unlessStale(report.fix, trees),
    };
  }

  private guard<T>(ruleId: string, file: string, action: () => T): T | undefined {
    try {
      return action();
    } catch (error) {
      this.deps.onRuleError?.(ruleId, file, error);
      return undefined;
    }
  }
}

/** A finding's offsets with the 1-based lines and columns they fall on. */
function placed(sourceFile: ts.SourceFile, start: number, end: number): Pick<Finding, 'start' | 'end' | 'line' | 'column' | 'endLine' | 'endColumn'> {
  const startPosition = sourceFile.getLineAndCharacterOfPosition(start);
  const endPosition = sourceFile.getLineAndCharacterOfPosition(end);
  return { start, end, line: startPosition.line + 1, column: startPosition.character + 1, endLine: endPosition.line + 1, endColumn: endPosition.character + 1 };
}

/** A fix was asked of a finding whose file has been parsed again since: its positions no longer hold. */
export class StaleFixError extends Error {
  constructor() {
    super('the file changed since this problem was found; lint it again and retry the fix');
    this.name = 'StaleFixError';
  }
}

/**
 * Fixes are built lazily from the trees the lint read; once the incremental parser has taken one
 * of those apart (the file was linted again with newer text), building would edit the wrong places.
 */
function unlessStale(fix: Fix, trees: ReadonlySet<ts.SourceFile>): Fix {
  return {
    title: fix.title,
    build: () => {
      for (const tree of trees) if (isConsumedTree(tree)) throw new StaleFixError();
      return fix.build();
    },
  };
}
