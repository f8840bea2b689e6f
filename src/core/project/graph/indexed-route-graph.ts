import type ts from 'typescript';
import type { GraphApp, GraphRoute, RouteGraph, SourceLocation } from '../route-graph-types';
import type { TextChange } from '../../model/text-change';

/** Routes by file and start offset. */
export type RouteIndex = Map<string, Map<number, GraphRoute[]>>;

/**
 * A package's route graph with its lookups indexed by position. An edit that leaves what the
 * graph read unchanged only moves positions, and `moveFile` follows it instead of a rebuild.
 */
export class IndexedRouteGraph implements RouteGraph {
  private locations: Map<string, SourceLocation[]> | undefined;
  /** Per file, what the build read inside function bodies: the functions it ran or looked into, the registrations it classified. */
  private readonly read = new Map<string, ts.TextRange[]>();

  constructor(
    readonly root: string,
    readonly apps: GraphApp[],
    readonly routes: GraphRoute[],
    /** Keyed by the start of each function a route runs (handler and route-level middleware). */
    private readonly using: RouteIndex,
    /** Keyed by the start of each registration call. */
    private readonly at: RouteIndex,
    readonly incomplete = false,
  ) {}

  routesUsing(file: string, start: number): GraphRoute[] {
    return [...(this.using.get(file)?.get(start) ?? [])];
  }

  routesAt(file: string, start: number): GraphRoute[] {
    return [...(this.at.get(file)?.get(start) ?? [])];
  }

  recordRead(file: string, ranges: ts.TextRange[]): void {
    this.read.set(file, ranges);
  }

  /** Whether the build read anything lying within `[pos, end)` of `file`. */
  readWithin(file: string, pos: number, end: number): boolean {
    return (this.read.get(file) ?? []).some((range) => range.pos >= pos && range.end <= end);
  }

  /**
   * Moves every position in `file` past `change`, with lines and columns from the edited text.
   * Returns false, changing nothing, when a position lies inside the replaced text.
   */
  moveFile(file: string, change: TextChange, lineAndColumn: (offset: number) => { line: number; column: number }): boolean {
    const move = (offset: number): number | undefined => (offset < change.start ? offset : offset >= change.oldEnd ? offset + change.newEnd - change.oldEnd : undefined);
    const locations = this.locationsIn(file);
    const indexes = [this.using.get(file), this.at.get(file)];
    if (locations.some((location) => move(location.start) === undefined)) return false;
    if (indexes.some((index) => index !== undefined && [...index.keys()].some((start) => move(start) === undefined))) return false;
    // A range the edit lies in grows or shrinks with it; one the edit cuts into cannot be moved.
    const read: ts.TextRange[] = [];
    for (const range of this.read.get(file) ?? []) {
      const pos = move(range.pos);
      const end = range.end <= change.start ? range.end : move(range.end);
      if (pos === undefined || end === undefined) return false;
      read.push({ pos, end });
    }
    this.read.set(file, read);
    for (const location of locations) {
      // before the edit, offset, line and column all stay
      if (location.start < change.start) continue;
      location.start = move(location.start) ?? location.start;
      Object.assign(location, lineAndColumn(location.start));
    }
    for (const index of [this.using, this.at]) {
      const byStart = index.get(file);
      if (byStart) index.set(file, new Map([...byStart].map(([start, routes]) => [move(start) ?? start, routes])));
    }
    return true;
  }

  /** Every SourceLocation object of the graph that points into `file`, each once; indexed on the first move, as edits come in bursts. */
  private locationsIn(file: string): SourceLocation[] {
    if (!this.locations) {
      const locations = new Map<string, SourceLocation[]>();
      const seen = new Set<object>();
      const visit = (value: unknown): void => {
        if (typeof value !== 'object' || value === null || seen.has(value)) return;
        seen.add(value);
        if (Array.isArray(value)) {
          for (const item of value) visit(item);
        } else if (isLocation(value)) {
          const list = locations.get(value.file);
          if (list) list.push(value);
          else locations.set(value.file, [value]);
        } else {
          for (const child of Object.values(value)) visit(child);
        }
      };
      visit(this.apps);
      visit(this.routes);
      this.locations = locations;
    }
    return this.locations.get(file) ?? [];
  }
}

function isLocation(value: object): value is SourceLocation {
  const candidate = value as Partial<SourceLocation>;
  return typeof candidate.file === 'string' && typeof candidate.start === 'number' && typeof candidate.line === 'number' && typeof candidate.column === 'number';
}
