import ts from 'typescript';
import type { FileAnalysis } from '../../analysis/types';
import { requiredModule } from '../../analysis/imports';
import { moduleSystemOfFile } from '../../project/detect';
import type { ModuleSystem } from '../../project/project-info';
import type { TextEdit } from '../../model/edit';
import { quoted, semi, sourceStyle } from './source-style';

export interface ImportContext {
  fileName: string;
  sourceFile: ts.SourceFile;
  analysis: FileAnalysis;
  project: { moduleSystem: ModuleSystem; typescript: boolean };
}

/** A named export made available in a file: the local name to use, and the edit that imports it when missing. */
export interface NamedImportPlan {
  local: string;
  edit?: TextEdit;
}

/**
 * Finds a binding of `name` from any of `modules` (named, namespace or default import, or a CJS
 * require), or plans `import { name } from 'module'` / `const { name } = require('module')` in the
 * file's own module style, after its last top-level import or require.
 */
export function planNamedImport(context: ImportContext, modules: readonly string[], name: string): NamedImportPlan {
  for (const binding of context.analysis.imports.values()) {
    if (!modules.includes(binding.module)) continue;
    if (binding.imported === name || binding.imported === '*' || binding.imported === 'default') return { local: binding.local };
  }
  const module = modules[0];
  const style = sourceStyle(context.sourceFile);
  const statement = usesRequire(context)
    ? `const { ${name} } = require(${quoted(module, style)})${semi(style)}`
    : `import { ${name} } from ${quoted(module, style)}${semi(style)}`;
  return { local: name, edit: importInsertion(context.sourceFile, statement) };
}

/** Whether new imports in this file should be written as `require` calls. */
export function usesRequire(context: ImportContext): boolean {
  let esm = false;
  let cjs = false;
  for (const statement of context.sourceFile.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) esm = true;
    else if (isRequireStatement(statement)) cjs = true;
  }
  if (esm) return false;
  if (cjs) return true;
  if (/\.[cm]?tsx?$/.test(context.fileName)) return false;
  return moduleSystemOfFile(context.fileName, context.project) === 'cjs';
}

/** An edit that inserts `statement` on its own line after the file's last top-level import or require. */
export function importInsertion(sourceFile: ts.SourceFile, statement: string): TextEdit {
  const eol = sourceStyle(sourceFile).eol;
  let last: ts.Statement | undefined;
  for (const candidate of sourceFile.statements) {
    if (ts.isImportDeclaration(candidate) || ts.isImportEqualsDeclaration(candidate) || isRequireStatement(candidate)) last = candidate;
  }
  if (last) return { start: last.getEnd(), end: last.getEnd(), newText: `${eol}${statement}` };
  const first = sourceFile.statements.find((candidate) => !isPrologueDirective(candidate));
  const at = first ? first.getStart(sourceFile) : sourceFile.getEnd();
  return { start: at, end: at, newText: `${statement}${eol}` };
}

function isPrologueDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/** `const x = require('m')`, `const { a } = require('m')`, `const x = require('m').y`. */
function isRequireStatement(statement: ts.Statement): boolean {
  if (!ts.isVariableStatement(statement)) return false;
  return statement.declarationList.declarations.some((declaration) => {
    const init = declaration.initializer;
    if (!init) return false;
    return requiredModule(init) !== undefined || (ts.isPropertyAccessExpression(init) && requiredModule(init.expression) !== undefined) ||
      (ts.isCallExpression(init) && requiredModule(init.expression) !== undefined);
  });
}
