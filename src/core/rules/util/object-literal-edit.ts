import ts from 'typescript';
import type { TextEdit } from '../../model/edit';
import { indentationAt, lineStartOf, type SourceStyle } from './source-style';

/** Builds a property's text given the indentation of the line it starts on. */
export type PropertyBuilder = (indent: string) => string;

/**
 * Inserts properties at the start of an object literal, following its layout: one per line when
 * its properties are on their own lines, inline otherwise; an empty `{}` becomes multi-line.
 */
export function insertPropertiesEdit(object: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile, style: SourceStyle, properties: PropertyBuilder[]): TextEdit {
  const text = sourceFile.text;
  const { eol, indentUnit } = style;
  const open = object.getStart(sourceFile);
  const objectIndent = indentationAt(text, open);
  const first = object.properties.length > 0 ? object.properties[0] : undefined;
  if (!first) {
    const inner = objectIndent + indentUnit;
    const body = properties.map((build) => `${inner}${build(inner)}`).join(`,${eol}`);
    return { start: open, end: object.getEnd(), newText: `{${eol}${body}${style.trailingCommas ? ',' : ''}${eol}${objectIndent}}` };
  }
  const firstStart = first.getStart(sourceFile);
  if (text.slice(open + 1, firstStart).includes('\n')) {
    const indent = indentationAt(text, firstStart);
    const at = lineStartOf(text, firstStart);
    return { start: at, end: at, newText: properties.map((build) => `${indent}${build(indent)},${eol}`).join('') };
  }
  return { start: firstStart, end: firstStart, newText: properties.map((build) => `${build(objectIndent)}, `).join('') };
}
