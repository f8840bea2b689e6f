import ts from 'typescript';
import type { FileAnalysis } from '../../analysis/types';
import type { FunctionLike } from '../../analysis/syntax';
import type { FileChange, TextEdit } from '../../model/edit';
import type { FileSystemHost } from '../../model/file-system';
import type { ProjectInfo } from '../../project/project-info';
import { planNamedImport } from './module-import';
import { addDependencyChange } from './package-json-dependency';
import type { FieldNode, RequestPart } from './request-reads';
import { indentationAt, lineStartOf, quoted, semi, sourceStyle } from './source-style';
import { uniqueName } from './unique-name';
import { zodMajorOf, zodModules, zodSchemaSource } from './zod-schema-from-fields';

export interface FixFileContext {
  fileName: string;
  text: string;
  sourceFile: ts.SourceFile;
  analysis: FileAnalysis;
  project: ProjectInfo;
  host: FileSystemHost;
}

export interface PartToValidate {
  part: RequestPart;
  fields: FieldNode;
  /** How the top of the handler names the part: `req.body`, or a destructured `body`. */
  expression: string;
  /** Write the parsed value back (`req.body = parsed.data`) so the rest of the handler reads it. */
  assignBack: boolean;
}

export interface ZodValidationPlan {
  handler: FunctionLike;
  /** The response parameter's name: the check answers 422 through it. */
  response: string;
  parts: PartToValidate[];
  /** Schema names are this plus `Body` / `Query` / `Params`. */
  schemaBaseName: string;
  /** The statement the schema consts are declared above (the route registration, or the handler's). */
  anchor: ts.Statement;
}

const PART_SUFFIX: Record<RequestPart, string> = { body: 'Body', query: 'Query', params: 'Params' };
const PART_MESSAGE: Record<RequestPart, string> = { body: 'Invalid request body', query: 'Invalid query parameters', params: 'Invalid path parameters' };

/**
 * Declares a zod schema per part above `anchor` and checks it at the top of the handler: 422 with the
 * zod issues when invalid, the parsed value written back when that is safe. Imports `z` when
 * missing and adds zod to package.json when it is not a dependency. Express only (Fastify routes get
 * a JSON schema instead).
 */
export function buildZodValidationChanges(context: FixFileContext, plan: ZodValidationPlan): FileChange[] {
  const style = sourceStyle(context.sourceFile);
  const { eol } = style;
  const edits: TextEdit[] = [];
  const zImport = planNamedImport(context, zodModules(context.project), 'z');
  if (zImport.edit) edits.push(zImport.edit);
  const zodMajor = zodMajorOf(context.project);
  const taken = new Set<string>();

  // Schemas above the anchor, after its leading comments' line.
  const anchorStart = leadingCommentStart(context.sourceFile, plan.anchor);
  const anchorIndent = indentationAt(context.text, plan.anchor.getStart(context.sourceFile));
  const schemaNames = new Map<RequestPart, string>();
  let declarations = '';
  for (const entry of plan.parts) {
    const name = uniqueName(`${plan.schemaBaseName}${PART_SUFFIX[entry.part]}`, context.text, taken);
    schemaNames.set(entry.part, name);
    const source = zodSchemaSource(entry.fields, entry.part, { z: zImport.local, indent: anchorIndent, indentUnit: style.indentUnit, trailingCommas: style.trailingCommas, zodMajor, eol });
    declarations += `${anchorIndent}const ${name} = ${source}${semi(style)}${eol}${eol}`;
  }
  edits.push({ start: lineStartOf(context.text, anchorStart), end: lineStartOf(context.text, anchorStart), newText: declarations });

  // The check at the top of the handler.
  const body = plan.handler.body;
  if (!body) return [];
  const returnsValue = !plan.handler.type && (!ts.isBlock(body) || hasValueReturn(plan.handler));
  const handlerIndent = indentationAt(context.text, plan.handler.getStart(context.sourceFile));
  const statementIndent = ts.isBlock(body) && body.statements.length > 0 && startsLine(context.text, body.statements[0].getStart(context.sourceFile))
    ? indentationAt(context.text, body.statements[0].getStart(context.sourceFile))
    : handlerIndent + style.indentUnit;
  const lines: string[] = [];
  for (const entry of plan.parts) {
    const schema = schemaNames.get(entry.part) ?? '';
    const result = uniqueName(`parsed${PART_SUFFIX[entry.part]}`, context.text, taken);
    const errorBody = `{ error: { code: ${quoted('VALIDATION_FAILED', style)}, message: ${quoted(PART_MESSAGE[entry.part], style)}, details: ${result}.error.issues } }`;
    lines.push(`const ${result} = ${schema}.safeParse(${entry.expression})${semi(style)}`);
    lines.push(`if (!${result}.success) {`);
    if (returnsValue) {
      lines.push(`${style.indentUnit}return ${plan.response}.status(422).json(${errorBody})${semi(style)}`);
    } else {
      lines.push(`${style.indentUnit}${plan.response}.status(422).json(${errorBody})${semi(style)}`);
      lines.push(`${style.indentUnit}return${semi(style)}`);
    }
    lines.push('}');
    if (entry.assignBack) lines.push(`${entry.expression} = ${result}.data${semi(style)}`);
  }
  if (ts.isBlock(body)) {
    const open = body.getStart(context.sourceFile) + 1;
    edits.push({ start: open, end: open, newText: lines.map((line) => `${eol}${statementIndent}${line}`).join('') });
  } else {
    const expression = body.getText(context.sourceFile);
    const inner = lines.map((line) => `${statementIndent}${line}${eol}`).join('');
    edits.push({
      start: body.getStart(context.sourceFile),
      end: body.getEnd(),
      newText: `{${eol}${inner}${statementIndent}return ${expression}${semi(style)}${eol}${handlerIndent}}`,
    });
  }
  const changes: FileChange[] = [{ kind: 'edit', path: context.fileName, edits }];
  const dependency = zodDependencyChange(context);
  if (dependency) changes.push(dependency);
  return changes;
}

/** package.json gains zod (at the major in use, else 4) when it is not a runtime dependency yet. */
function zodDependencyChange(context: FixFileContext): FileChange | undefined {
  const range = context.project.zodMajor === 3 ? '^3.23.8' : '^4.1.0';
  return addDependencyChange(context.host, context.project.packageJsonPath, 'zod', range);
}

function hasValueReturn(fn: FunctionLike): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isReturnStatement(node) && node.expression) {
      found = true;
      return;
    }
    if (ts.isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  if (fn.body) ts.forEachChild(fn.body, visit);
  return found;
}

function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

function leadingCommentStart(sourceFile: ts.SourceFile, statement: ts.Statement): number {
  const fullStart = statement.getFullStart();
  // A comment ending the previous statement's line belongs to that statement, not this one.
  const own = (ts.getLeadingCommentRanges(sourceFile.text, fullStart) ?? []).find((range) => sourceFile.text.slice(fullStart, range.pos).includes('\n') || fullStart === 0);
  return own ? own.pos : statement.getStart(sourceFile);
}
