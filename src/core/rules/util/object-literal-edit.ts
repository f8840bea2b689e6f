import ts from 'typescript';
import type { TextEdit } from '../../model/edit';
import { indentationAt, lineStartOf, type SourceStyle } from './source-style';

/** Builds a property's text given the indentation of the line it starts on. */
export type PropertyBuilder = (indent: string) => string;

/**
 * Inserts properties into an object literal before `before` (default: its first property), following
 * its layout: one per line when its properties are on their own lines, inline otherwise; an empty
 * `{}` becomes multi-line.
 */
export function insertPropertiesEdit(
  object: ts.ObjectLiteralExpression,
  sourceFile: ts.SourceFile,
  style: SourceStyle,
  properties: PropertyBuilder[],
  before?: ts.ObjectLiteralElementLike,
): TextEdit {
  const text = sourceFile.text;
  const { eol, indentUnit } = style;
  const open = object.getStart(sourceFile);
  const objectIndent = indentationAt(text, open);
  const first = before ?? (object.properties.length > 0 ? object.properties[0] : undefined);
  if (!first) {
    const inner = objectIndent + indentUnit;
    const body = properties.map((build) => `${inner}${build(inner)}`).join(`,${eol}`);
    return { start: open, end: object.getEnd(), newText: `{${eol}${body}${style.trailingCommas ? ',' : ''}${eol}${objectIndent}}` };
  }
  const firstStart = first.getStart(sourceFile);
  const previousEnd = first === object.properties[0] ? open + 1 : object.properties[object.properties.indexOf(first) - 1].getEnd();
  if (text.slice(previousEnd, firstStart).includes('\n')) {
    const indent = indentationAt(text, firstStart);
    const at = lineStartOf(text, firstStart);
    return { start: at, end: at, newText: properties.map((build) => `${indent}${build(indent)},${eol}`).join('') };
  }
  return { start: firstStart, end: firstStart, newText: properties.map((build) => `${build(objectIndent)}, `).join('') };
}
