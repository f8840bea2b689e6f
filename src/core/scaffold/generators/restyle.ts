import { ts } from 'ts-morph';
import { quoteString, type FormattingStyle } from '../formatting';

/**
 * Templates are written in one canonical style (2 spaces, single quotes, semicolons, LF). This turns
 * a rendered file into the project's style: quotes, semicolons and indentation through the
 * TypeScript formatter and a literal pass, then the project's EOL. Generated files only: edits to
 * user files go through ts-morph with the file's own style.
 */
export function restyle(fileName: string, text: string, style: FormattingStyle): string {
  let result = text;
  if (style.quote === 'double') result = requote(fileName, result, 'double');
  if (!style.semicolons || style.indent !== '  ') result = reformat(fileName, result, style);
  return style.eol === '\r\n' ? result.replace(/\r?\n/g, '\r\n') : result;
}

function requote(fileName: string, text: string, quote: FormattingStyle['quote']): string {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && !ts.isJsxAttribute(node.parent)) {
      const start = node.getStart(sourceFile);
      const raw = text.slice(start, node.end);
      const current = raw[0] === '"' ? 'double' : 'single';
      if (current !== quote) edits.push({ start, end: node.end, text: quoteString(node.text, quote) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function reformat(fileName: string, text: string, style: FormattingStyle): string {
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({ allowJs: true }),
    getScriptFileNames: () => [fileName],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => (name === fileName ? ts.ScriptSnapshot.fromString(text) : undefined),
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: () => 'lib.d.ts',
    fileExists: (name) => name === fileName,
    readFile: (name) => (name === fileName ? text : undefined),
  };
  const service = ts.createLanguageService(host);
  const tabs = style.indent === '\t';
  const size = tabs ? 4 : style.indent.length;
  const edits = service.getFormattingEditsForDocument(fileName, {
    ...ts.getDefaultFormatCodeSettings('\n'),
    indentSize: size,
    tabSize: size,
    convertTabsToSpaces: !tabs,
    semicolons: style.semicolons ? ts.SemicolonPreference.Insert : ts.SemicolonPreference.Remove,
    insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: style.bracketSpacing,
  });
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.start + edit.span.length);
  }
  service.dispose();
  return result;
}

function scriptKind(fileName: string): ts.ScriptKind {
  return /\.[cm]?jsx?$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}
