import ts from 'typescript';
import { memoized, nodeMemo } from '../../analysis/node-memo';

/** How a file writes code, so inserted text looks like the user's own. */
export interface SourceStyle {
  quote: "'" | '"';
  semicolons: boolean;
  /** One level of indentation: two or four spaces, or a tab. */
  indentUnit: string;
  eol: '\n' | '\r\n';
  /** Whether multi-line object literals end their last property with a comma. */
  trailingCommas: boolean;
}

const styles = nodeMemo<ts.SourceFile, SourceStyle>('style of a file');

/** Samples quotes, semicolons, indentation, line endings and trailing commas; defaults follow Prettier. */
export function sourceStyle(sourceFile: ts.SourceFile): SourceStyle {
  return memoized(styles, sourceFile, sampleStyle);
}

function sampleStyle(sourceFile: ts.SourceFile): SourceStyle {
  const text = sourceFile.text;
  let single = 0;
  let double = 0;
  let withSemicolon = 0;
  let withoutSemicolon = 0;
  let trailing = 0;
  let notTrailing = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) {
      const first = text.charAt(node.getStart(sourceFile));
      if (first === "'") single++;
      else if (first === '"') double++;
    } else if (
      ts.isExpressionStatement(node) ||
      ts.isVariableStatement(node) ||
      ts.isImportDeclaration(node) ||
      ts.isReturnStatement(node)
    ) {
      if (text.charAt(node.getEnd() - 1) === ';') withSemicolon++;
      else withoutSemicolon++;
    }
    if (ts.isObjectLiteralExpression(node) && node.properties.length > 0) {
      const close = node.getEnd() - 1;
      const last = node.properties[node.properties.length - 1];
      if (text.slice(last.getEnd(), close).includes('\n')) {
        if (node.properties.hasTrailingComma) trailing++;
        else notTrailing++;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return {
    quote: double > single ? '"' : "'",
    semicolons: withSemicolon >= withoutSemicolon,
    indentUnit: detectIndentUnit(text),
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    trailingCommas: trailing > notTrailing || (trailing === 0 && notTrailing === 0),
  };
}

function detectIndentUnit(text: string): string {
  let tabs = 0;
  let smallest = Infinity;
  for (const match of text.matchAll(/^([ \t]+)\S/gm)) {
    const indent = match[1];
    if (indent.startsWith('\t')) tabs++;
    else if (indent.length >= 2 && indent.length < smallest) smallest = indent.length;
  }
  if (tabs > 0 && smallest === Infinity) return '\t';
  return smallest === Infinity ? '  ' : ' '.repeat(Math.min(smallest, 4));
}

/** A string literal in the file's quote style. */
export function quoted(value: string, style: SourceStyle): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(style.quote, 'g'), `\\${style.quote}`);
  return `${style.quote}${escaped}${style.quote}`;
}

/** The statement terminator of the file's style. */
export function semi(style: SourceStyle): string {
  return style.semicolons ? ';' : '';
}

/** Leading whitespace of the line that holds `offset`. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** Offset of the start of the line that holds `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
