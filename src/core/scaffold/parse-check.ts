import { ts } from 'ts-morph';

export interface ParseError {
  line: number;
  column: number;
  message: string;
}

/**
 * The first syntax error of a parsed file. Reads the parser's own diagnostics (kept on the
 * source file, but not in the public typings) instead of asking for pre-emit diagnostics,
 * which would build a program and type-check.
 */
export function firstParseError(sourceFile: ts.SourceFile): ParseError | undefined {
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics
    ?? reparse(sourceFile);
  const first = [...diagnostics].sort((a, b) => a.start - b.start)[0];
  if (!first) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
  return { line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(first.messageText, ' ') };
}

function reparse(sourceFile: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  const fresh = ts.createSourceFile(sourceFile.fileName, sourceFile.text, ts.ScriptTarget.Latest, false);
  return (fresh as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}
