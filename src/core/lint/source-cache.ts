import type ts from 'typescript';
import { analyzeFile } from '../analysis/file-analysis';
import type { FileAnalysis } from '../analysis/types';
import type { Framework } from '../model/rule-meta';
import { parseIndexed } from './parse';

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

  sourceFile(path: string, text: string): ts.SourceFile {
    return this.entry(path, text).sourceFile;
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

  private entry(path: string, text: string): Entry {
    const existing = this.entries.get(path);
    if (existing && existing.text === text) return existing;
    const entry: Entry = { text, ...parseIndexed(path, text) };
    this.entries.set(path, entry);
    return entry;
  }
}
