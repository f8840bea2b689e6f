import type ts from 'typescript';
import { analyzeFile } from '../analysis/file-analysis';
import type { FileAnalysis } from '../analysis/types';
import type { Framework } from '../model/rule-meta';
import { textChange } from '../model/text-change';
import { parseIndexed, reparseIndexed, type IndexedSource } from './parse';

interface Entry {
  text: string;
  sourceFile: ts.SourceFile;
  /** The file's nodes in pre-order, listed while the parse was given its parent pointers. */
  nodes: readonly ts.Node[];
  analysis?: FileAnalysis;
  analysisFramework?: Framework;
}

/**
 * Parsed files keyed by path and text, shared by the rules and the route graph so a workspace
 * lint parses each file once.
 */
export class SourceCache {
  private readonly entries = new Map<string, Entry>();
  private readonly reuseListeners: ((path: string, previous: ts.SourceFile, nextText: string) => void)[] = [];

  /**
   * `reusePrevious`: the file's previous tree may be handed to the incremental parser (which takes
   * it apart) when the text changed. Only the linter asks, for the file it is about to lint: every
   * other caller may be holding that previous tree while it asks.
   */
  sourceFile(path: string, text: string, reusePrevious = false): ts.SourceFile {
    return this.entry(path, text, reusePrevious).sourceFile;
  }

  /** Tells `listener` of a tree just before it is reused, so whoever kept it can take what it still needs. */
  onTreeReuse(listener: (path: string, previous: ts.SourceFile, nextText: string) => void): void {
    this.reuseListeners.push(listener);
  }

  analysis(path: string, text: string, projectFramework: Framework | undefined): FileAnalysis {
    const entry = this.entry(path, text);
    if (!entry.analysis || entry.analysisFramework !== projectFramework) {
      entry.analysis = analyzeFile(entry.sourceFile, projectFramework, entry.nodes);
      entry.analysisFramework = projectFramework;
    }
    return entry.analysis;
  }

  delete(path: string): void {
    this.entries.delete(path);
  }

  clear(): void {
    this.entries.clear();
  }

  private entry(path: string, text: string, reusePrevious = false): Entry {
    const existing = this.entries.get(path);
    if (existing && existing.text === text) return existing;
    const change = reusePrevious && existing ? textChange(existing.text, text) : undefined;
    let parsed: IndexedSource;
    if (existing && change) {
      for (const listener of this.reuseListeners) listener(path, existing.sourceFile, text);
      parsed = reparseIndexed(existing.sourceFile, text, change);
    } else {
      parsed = parseIndexed(path, text);
    }
    const entry: Entry = { text, ...parsed };
    this.entries.set(path, entry);
    return entry;
  }
}
