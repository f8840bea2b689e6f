import ts from 'typescript';
import { extname } from '../model/paths';

export const LINTABLE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx']);

export function isLintable(path: string): boolean {
  return LINTABLE_EXTENSIONS.has(extname(path)) && !/\.d\.[cm]?ts$/.test(path);
}

function scriptKind(path: string): ts.ScriptKind {
  switch (extname(path)) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

/** Parses without a program or type checker: the cheap path every keystroke can afford. */
export function parseSource(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
}

/** Syntax errors the parser recovered from; findings are still reported where the tree is sound. */
export function parseErrors(sourceFile: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

export function isTestFilePath(path: string): boolean {
  return /(\.|_)(test|spec|e2e)\.[cm]?[jt]sx?$/.test(path) || /\/(__tests__|tests?|e2e|__mocks__|fixtures)\//.test(path);
}
