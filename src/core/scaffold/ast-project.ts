import { Project, ts, type SourceFile } from 'ts-morph';
import { normalizePath, toPosix } from '../model/paths';
import { ScaffoldRefusalError } from './errors';
import { DEFAULT_FORMATTING, type FormattingStyle } from './formatting';
import { preserveLineEndings } from './line-endings';
import { firstParseError } from './parse-check';
import { toManipulationSettings } from './style';
import { setProjectFormatting } from './transforms/file-style';
import type { ScaffoldTree } from './tree';

/**
 * ts-morph over the scaffold tree. The ts-morph project lives in memory and only ever holds the
 * files being edited (never the user's tsconfig program: building one costs seconds), and
 * `flush()` hands the edited texts back to the tree, which turns them into minimal edits.
 */
export class AstProject {
  private instance: Project | undefined;
  /** Text of each loaded file as last exchanged with the tree. */
  private readonly synced = new Map<string, string>();

  constructor(
    readonly tree: ScaffoldTree,
    readonly style: FormattingStyle = DEFAULT_FORMATTING,
  ) {}

  get project(): Project {
    if (!this.instance) {
      this.instance = new Project({
        useInMemoryFileSystem: true,
        skipAddingFilesFromTsConfig: true,
        skipFileDependencyResolution: true,
        skipLoadingLibFiles: true,
        compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.Latest },
        manipulationSettings: toManipulationSettings(this.style),
      });
      setProjectFormatting(this.instance, this.style);
    }
    return this.instance;
  }

  /**
   * The file from the tree, parsed. Refuses files that do not parse: editing around a syntax
   * error can land code anywhere, so the user fixes the file first.
   */
  getSourceFile(path: string): SourceFile {
    const key = normalizePath(toPosix(path));
    const text = this.tree.read(key);
    if (text === undefined) throw new ScaffoldRefusalError(key, `Cannot edit ${key}: the file does not exist.`);

    const loaded = this.project.getSourceFile(key);
    const synced = this.synced.get(key);
    if (loaded && synced !== undefined) {
      if (text === synced) return loaded;
      if (loaded.getFullText() !== synced) {
        throw new Error(`${key} was changed both in the scaffold tree and through ts-morph; call flush() before writing the tree.`);
      }
      loaded.replaceWithText(text);
      this.refuseIfBroken(loaded, 'its new content');
      this.synced.set(key, text);
      return loaded;
    }

    const sourceFile = this.project.createSourceFile(key, text, { overwrite: true });
    try {
      this.refuseIfBroken(sourceFile, 'it');
    } catch (error) {
      this.project.removeSourceFile(sourceFile);
      throw error;
    }
    this.synced.set(key, text);
    return sourceFile;
  }

  /** Writes every file changed through ts-morph back into the tree, in each file's own line endings. */
  flush(): void {
    for (const [path, synced] of this.synced) {
      const sourceFile = this.project.getSourceFile(path);
      if (!sourceFile) continue;
      const text = sourceFile.getFullText();
      if (text === synced) continue;
      const error = firstParseError(sourceFile.compilerNode);
      if (error) {
        throw new ScaffoldRefusalError(
          path,
          `Routewise produced code that does not parse in ${path} (line ${error.line}: ${error.message}); nothing was changed. Please report this.`,
          error.line,
        );
      }
      const normalized = preserveLineEndings(synced, text);
      if (normalized !== text) sourceFile.replaceWithText(normalized);
      this.tree.write(path, normalized);
      this.synced.set(path, normalized);
    }
  }

  private refuseIfBroken(sourceFile: SourceFile, what: string): void {
    const error = firstParseError(sourceFile.compilerNode);
    if (!error) return;
    const path = sourceFile.getFilePath();
    throw new ScaffoldRefusalError(
      path,
      `Cannot edit ${path}: ${what} has a syntax error at line ${error.line} (${error.message}). Fix it and run the command again.`,
      error.line,
    );
  }
}
