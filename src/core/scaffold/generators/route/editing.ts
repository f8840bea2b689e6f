import ts from 'typescript';
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { analyzeFile } from '../../../analysis/file-analysis';
import type { FileAnalysis } from '../../../analysis/types';
import { parseSource } from '../../../lint/parse';
import { relativePath } from '../../../model/paths';
import { ScaffoldRefusalError } from '../../errors';
import type { FormattingStyle } from '../../formatting';
import { createModuleResolver } from '../../module-resolver';
import { ensureImport } from '../../transforms/ensure-import';
import { enclosingStatement, indexBefore, indexOfStatement, insertStatementText, type StatementContainer } from '../../transforms/statement-insertion';
import { formattingOf } from '../../transforms/file-style';
import { collectModuleReferences } from '../../transforms/module-references';
import { restyle } from '../restyle';
import type { GeneratorContext } from '../types';

/** A fresh analysis of a file as ts-morph holds it now (positions match the ts-morph tree). */
export function analyze(context: GeneratorContext, sourceFile: SourceFile): FileAnalysis {
  return analyzeFile(parseSource(sourceFile.getFilePath(), sourceFile.getFullText()), context.flavour.framework);
}

/** The ts-morph call expression a TypeScript-API call (from the analysis) points at. */
export function callNode(sourceFile: SourceFile, call: ts.CallExpression): Node {
  const start = call.getStart();
  let node: Node | undefined = sourceFile.getDescendantAtPos(start);
  while (node && !(Node.isCallExpression(node) && node.getStart() === start && node.getEnd() === call.getEnd())) node = node.getParent();
  if (!node) throw new Error(`No call at ${start} in ${sourceFile.getFilePath()}`);
  return node;
}

/** The ts-morph node spanning exactly `start`..`end`, of the given kind. */
export function nodeAt(sourceFile: SourceFile, start: number, end: number, kind?: SyntaxKind): Node | undefined {
  let node: Node | undefined = sourceFile.getDescendantAtPos(start);
  while (node && !(node.getStart() === start && node.getEnd() === end && (kind === undefined || node.getKind() === kind))) node = node.getParent();
  return node;
}

/**
 * Renders canonical generated code (2 spaces, single quotes, semicolons) in the file's own style;
 * line endings and indentation are adapted by the insertion.
 */
export function inFileStyle(sourceFile: SourceFile, code: string): string {
  const style: FormattingStyle = { ...formattingOf(sourceFile), eol: '\n' };
  return restyle(sourceFile.getFilePath(), code, style).replace(/\n$/, '');
}

/** The local name of zod's `z` in the file, importing it when missing (an existing `import * as z` counts). */
export function ensureZod(context: GeneratorContext, sourceFile: SourceFile): string {
  const specifiers = context.flavour.zodImport === 'zod/v4' ? ['zod/v4'] : ['zod'];
  for (const reference of collectModuleReferences(sourceFile)) {
    if (!specifiers.includes(reference.specifier) || reference.typeOnly) continue;
    const named = reference.named.find((binding) => binding.name === 'z' && !binding.typeOnly);
    if (named) return named.local;
    if (reference.namespaceName) return reference.namespaceName;
  }
  return ensureImport(sourceFile, { moduleSpecifier: specifiers[0], namedImports: ['z'] }).named.z ?? 'z';
}

/** Imports names from a project module into a file (existing bindings, aliases included, are reused). */
export function ensureProjectImport(context: GeneratorContext, sourceFile: SourceFile, moduleRelative: string, names: string[]): Record<string, string> {
  const from = relativePath(context.root, sourceFile.getFilePath());
  const resolver = createModuleResolver((path) => context.tree.exists(path), context.style.pathAliases);
  return ensureImport(sourceFile, { moduleSpecifier: context.importPath(from, moduleRelative), namedImports: names, resolve: resolver }).named;
}

/** A top-level name not yet declared (or imported) in the file: `base`, else `base2`, `base3`, … */
export function freeName(sourceFile: SourceFile, base: string): string {
  const taken = new Set<string>();
  for (const statement of sourceFile.getStatements()) {
    if (Node.isVariableStatement(statement)) for (const declaration of statement.getDeclarations()) taken.add(declaration.getName());
    if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) || Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement)) {
      const name = statement.getName();
      if (name) taken.add(name);
    }
  }
  for (const reference of collectModuleReferences(sourceFile)) {
    for (const local of [reference.defaultName, reference.namespaceName, ...reference.named.map((binding) => binding.local)]) if (local) taken.add(local);
  }
  if (!taken.has(base)) return base;
  for (let index = 2; ; index++) if (!taken.has(`${base}${index}`)) return `${base}${index}`;
}

/**
 * Inserts statements at `index` of a statement list as a block of their own: a blank line before
 * them (after an earlier statement) and after them (before a later one).
 */
export function insertBlock(container: StatementContainer, index: number, code: string): void {
  const children = container.getStatementsWithComments();
  const previous = index > 0 ? children[index - 1] : undefined;
  const next = children[index];
  const text = container.getSourceFile().getFullText();
  const blankAfterPrevious = previous !== undefined && next !== undefined && /\n[ \t]*\r?\n/.test(text.slice(previous.getEnd(), next.getStart(true)));
  insertStatementText(container, index, `${previous ? '\n' : ''}${code}${next && !blankAfterPrevious ? '\n' : ''}`);
}

/** Inserts statements right before the statement holding `anchor` (above its comments). */
export function insertBlockBefore(anchor: Node, code: string): void {
  const found = enclosingStatement(anchor);
  if (!found) throw new ScaffoldRefusalError(anchor.getSourceFile().getFilePath(), 'Cannot insert next to a node outside a statement list.');
  insertBlock(found.container, indexBefore(found.container, found.statement), code);
}

/** Inserts statements right after the statement holding `anchor`. */
export function insertBlockAfter(anchor: Node, code: string): void {
  const found = enclosingStatement(anchor);
  if (!found) throw new ScaffoldRefusalError(anchor.getSourceFile().getFilePath(), 'Cannot insert next to a node outside a statement list.');
  insertBlock(found.container, indexOfStatement(found.container, found.statement) + 1, code);
}

/** Whether a top-level `const <name> = …` exists. */
export function declaresConst(sourceFile: SourceFile, name: string): boolean {
  return sourceFile.getVariableDeclaration(name) !== undefined;
}

export function normalizeRoutePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
