import { IndentationText, NewLineKind, QuoteKind, type Project, type SourceFile, type ts } from 'ts-morph';
import { DEFAULT_FORMATTING, type FormattingStyle } from '../formatting';
import { formattingFromEvidence, sampleSourceFile } from '../style-sampling';
import { toManipulationSettings } from '../style';

const projectFormatting = new WeakMap<Project, FormattingStyle>();
// Keyed by the compiler node, which ts-morph replaces on every edit: a stale entry can't be hit.
const fileFormatting = new WeakMap<ts.SourceFile, FormattingStyle>();

/** Records the project-wide style, the fallback for whatever a file does not show. */
export function setProjectFormatting(project: Project, style: FormattingStyle): void {
  projectFormatting.set(project, style);
}

/**
 * The style to write into this file: what the file itself does, the project style where the
 * file shows nothing. An edit to a tab-indented, double-quoted file stays tabs and double
 * quotes even in a project that is mostly otherwise.
 */
export function formattingOf(sourceFile: SourceFile): FormattingStyle {
  const node = sourceFile.compilerNode;
  let style = fileFormatting.get(node);
  if (!style) {
    style = formattingFromEvidence(sampleSourceFile(node), projectFallback(sourceFile.getProject()));
    fileFormatting.set(node, style);
  }
  return style;
}

/**
 * Runs a manipulation with ts-morph's (project-wide) settings set to this file's style, so
 * what ts-morph indents and breaks lines with matches the file.
 */
export function withFileFormatting<T>(sourceFile: SourceFile, run: (style: FormattingStyle) => T): T {
  const style = formattingOf(sourceFile);
  const settings = sourceFile.getProject().manipulationSettings;
  const saved = settings.get();
  settings.set(toManipulationSettings(style));
  try {
    return run(style);
  } finally {
    settings.set(saved);
  }
}

function projectFallback(project: Project): FormattingStyle {
  const registered = projectFormatting.get(project);
  if (registered) return registered;
  // A project we did not create: its manipulation settings are the best description we have.
  const settings = project.manipulationSettings;
  const indent = settings.getIndentationText();
  return {
    quote: settings.getQuoteKind() === QuoteKind.Double ? 'double' : 'single',
    semicolons: DEFAULT_FORMATTING.semicolons,
    indent: indent === IndentationText.Tab ? '\t' : indent,
    eol: settings.getNewLineKind() === NewLineKind.CarriageReturnLineFeed ? '\r\n' : '\n',
    trailingCommas: settings.getUseTrailingCommas() ? DEFAULT_FORMATTING.trailingCommas : 'none',
    bracketSpacing: settings.get().insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces,
  };
}
