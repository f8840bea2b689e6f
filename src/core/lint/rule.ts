import type ts from 'typescript';
import type { FileAnalysis } from '../analysis/types';
import type { FileSystemHost } from '../model/file-system';
import type { Fix } from '../model/finding';
import type { RuleMeta } from '../model/rule-meta';
import type { RoutewiseSettings } from '../model/settings';
import type { ProjectInfo } from '../project/project-info';
import type { RouteGraph } from '../project/route-graph-types';
import type { ScaffoldBridge } from './scaffold-bridge';

export interface Report {
  /** The node to underline; or give start/end offsets. */
  node?: ts.Node;
  start?: number;
  end?: number;
  message: string;
  fix?: Fix;
}

export interface RuleContext {
  /** Absolute path with `/`. */
  readonly fileName: string;
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
  readonly project: ProjectInfo;
  readonly settings: RoutewiseSettings;
  /** Express / Fastify facts of this file (computed once, shared by all rules). */
  readonly analysis: FileAnalysis;
  readonly host: FileSystemHost;
  /** The generators, for fixes that can do better than a minimal edit; absent in unit tests and without the scaffold bundle. */
  readonly scaffold?: ScaffoldBridge;
  /** Whether the file is a test file (`*.test.ts`, `__tests__/`, `test/`). */
  readonly isTestFile: boolean;
  /** Whether the file is front-end code the server serves as a static file (`public/js/app.js`): no server routes run there. */
  readonly isBrowserAsset: boolean;
  /**
   * Set for rules with `scope: 'handler'` while the user types inside one route handler: only the
   * findings inside this range are wanted (the file's other findings of the rule are kept from the
   * previous lint), so handlers outside it need not be judged.
   */
  readonly within?: TextRange;
  /** The cross-file route graph of the owning package; built on first use, then cached. */
  routeGraph(): RouteGraph | undefined;
  /** Another file as the host reads it, parsed once per text through the cache the route graph shares; undefined when unreadable. */
  sourceFileOf(path: string): ts.SourceFile | undefined;
  /** The analysis of another file (with this file's project framework), through the same cache. */
  analysisOf(path: string): FileAnalysis | undefined;
  /** The project file an import specifier names, through the module resolver the route graph shares; undefined for packages. */
  resolveModule(specifier: string, fromFile: string): string | undefined;
  report(report: Report): void;
}

export interface TextRange {
  start: number;
  end: number;
}

/** Whether a node lies inside a range. */
export function isWithin(node: ts.Node, range: TextRange): boolean {
  return node.end <= range.end && node.getStart() >= range.start;
}

export type NodeHandler = (node: ts.Node) => void;

/** What a rule wants to see: handlers keyed by SyntaxKind, called during one shared walk, and an end hook. */
export interface RuleVisitor {
  nodes?: Partial<Record<ts.SyntaxKind, NodeHandler>>;
  end?: () => void;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * `'handler'`: the rule judges request handlers one by one; each finding lies inside the handler
   * it judges, and judging one handler reads other handlers only through what the file analysis
   * lists of them (the names they call, the functions and imports they declare, what they register).
   * Its node handlers then see only the nodes inside `context.within` when that is set, and its
   * `end` hook skips handlers outside it.
   */
  scope?: 'handler';
  create(context: RuleContext): RuleVisitor;
}
