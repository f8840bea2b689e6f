import { Node, SyntaxKind, type ObjectLiteralExpression } from 'ts-morph';
import { applyEdits } from '../../../model/edit';
import { commaListInsertions } from '../../transforms/comma-list';
import { formattingOf } from '../../transforms/file-style';
import type { AppTarget } from '../error-handler/app-target';
import type { GeneratorContext } from '../types';
import { openApp } from './placement';

export type CreationOptionsState =
  | { kind: 'object'; object: ObjectLiteralExpression; keys: string[] }
  | { kind: 'none' }
  /** `fastify(opts)`: options we cannot see into. */
  | { kind: 'opaque' };

function keyOf(property: Node): string {
  if (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) || Node.isMethodDeclaration(property)) {
    return property.getName().replace(/^['"]|['"]$/g, '');
  }
  return '';
}

/** The options object of the app's creation call (`Fastify({ … })`). */
export function creationOptions(context: GeneratorContext, target: AppTarget): CreationOptionsState {
  const { node } = openApp(context, target);
  if (!Node.isCallExpression(node)) return { kind: 'opaque' };
  const first = node.getArguments()[0];
  if (!first) return { kind: 'none' };
  if (!Node.isObjectLiteralExpression(first)) return { kind: 'opaque' };
  return { kind: 'object', object: first, keys: first.getProperties().map(keyOf) };
}

/**
 * Adds `key: value` entries to the creation options (creating `{ … }` when the call has no
 * arguments), before a trailing `...options` spread so callers can still override them.
 * Keys already present are left alone. Returns false when the options cannot be edited.
 */
export function ensureCreationOptions(context: GeneratorContext, target: AppTarget, entries: ReadonlyArray<readonly [string, string]>): boolean {
  const state = creationOptions(context, target);
  if (state.kind === 'opaque') return false;
  const { sourceFile, node } = openApp(context, target);
  const style = formattingOf(sourceFile);
  const text = sourceFile.getFullText();
  if (state.kind === 'none') {
    const call = node.asKindOrThrow(SyntaxKind.CallExpression);
    const inner = entries.map(([key, value]) => `${key}: ${value}`).join(', ');
    const open = call.getArguments().length === 0 ? text.indexOf('(', call.getExpression().getEnd()) : -1;
    if (open === -1) return false;
    sourceFile.replaceWithText(applyEdits(text, [{ start: open + 1, end: open + 1, newText: style.bracketSpacing ? `{ ${inner} }` : `{${inner}}` }]));
    return true;
  }
  const missing = entries.filter(([key]) => !state.keys.includes(key));
  if (missing.length === 0) return true;
  const properties = state.object.getProperties();
  const edits = commaListInsertions(
    {
      text,
      open: state.object.getStart() + 1,
      close: state.object.getEnd() - 1,
      items: properties.map((property, index) => ({
        start: property.getStart(),
        end: property.getEnd(),
        key: state.keys[index] ?? '',
        isRest: Node.isSpreadAssignment(property),
      })),
    },
    missing.map(([key, value]) => ({
      text: `${key}: ${value}`,
      key,
      // Before a trailing spread; otherwise appended (never re-sorted among the user's options).
      index: properties.length > 0 && Node.isSpreadAssignment(properties[properties.length - 1]) ? properties.length - 1 : properties.length,
    })),
    { eol: style.eol, bracketSpacing: style.bracketSpacing },
  );
  sourceFile.replaceWithText(applyEdits(text, edits));
  return true;
}
