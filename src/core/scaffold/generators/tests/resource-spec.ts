import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { MUTATING_METHODS } from '../../../analysis/types';
import { relativePath } from '../../../model/paths';
import { ScaffoldRefusalError } from '../../errors';
import type { FieldSpec } from '../resource/fields';
import type { IdType } from '../resource/model';
import type { GeneratorContext } from '../types';
import { isAuthName } from './route-facts';
import { resolverFor, type MountedModule } from './target';

/** A resource router / plugin as the resource generator wrote it, read back from its modules. */
export interface ResourceSpec {
  /** `Product`: the prefix of the schema names. */
  typeName: string;
  schemasFile: string;
  fields: FieldSpec[];
  idType: IdType;
  put: boolean;
  /** Whether changes (POST, PATCH, PUT, DELETE) require authentication. */
  protectedWrites: boolean;
}

function importedFrom(context: GeneratorContext, mounted: MountedModule, pattern: RegExp): { name: string; file: string } | undefined {
  const resolve = resolverFor(context);
  for (const binding of mounted.analysis.imports.values()) {
    const match = pattern.exec(binding.imported);
    if (!match) continue;
    const file = resolve(binding.module, mounted.file);
    if (file) return { name: match[1], file };
  }
  return undefined;
}

/** `const X = z.object({ … })` → the object literal. */
function objectSchema(sourceFile: SourceFile, name: string): Node | undefined {
  const initializer = sourceFile.getVariableDeclaration(name)?.getInitializer();
  if (!initializer || !Node.isCallExpression(initializer)) return undefined;
  const [argument] = initializer.getArguments();
  return argument && Node.isObjectLiteralExpression(argument) ? argument : undefined;
}

function enumValues(sourceFile: SourceFile, name: string): string[] | undefined {
  let initializer = sourceFile.getVariableDeclaration(name)?.getInitializer();
  if (initializer && Node.isAsExpression(initializer)) initializer = initializer.getExpression();
  if (!initializer || !Node.isArrayLiteralExpression(initializer)) return undefined;
  const values = initializer.getElements().map((element) => (Node.isStringLiteral(element) ? element.getLiteralValue() : undefined));
  return values.every((value): value is string => value !== undefined) ? values : undefined;
}

/** Maps a create-schema expression the resource generator writes back to its field type. */
function fieldOf(sourceFile: SourceFile, name: string, expression: string): FieldSpec | undefined {
  let text = expression.replace(/\s+/g, '');
  let optional = false;
  const modifier = /\.(nullish|optional|nullable)\(\)$/.exec(text);
  if (modifier) {
    optional = true;
    text = text.slice(0, -modifier[0].length);
  }
  let array = false;
  const list = /^\w+\.array\((.*)\)$/.exec(text);
  if (list) {
    array = true;
    text = list[1]!;
  }
  const base = (type: FieldSpec['type'], values?: string[]): FieldSpec => ({ name, type, array, optional, unique: false, ...(values ? { values } : {}) });
  if (/^DateTimeSchema\b|\.datetime\(/.test(text)) return base('date');
  if (/\buuid\(/.test(text)) return base('uuid');
  if (/\bemail\(/.test(text)) return base('email');
  if (/\burl\(/.test(text)) return base('url');
  if (/^\w+\.int\(|^\w+\.number\(\)\.int\(/.test(text)) return base('integer');
  if (/^\w+\.number\(/.test(text)) return base('number');
  if (/^\w+\.boolean\(/.test(text)) return base('boolean');
  if (/^\w+\.string\(/.test(text)) return base('string');
  const enumMatch = /^\w+\.enum\((\w+)\)$/.exec(text);
  if (enumMatch) {
    const values = enumValues(sourceFile, enumMatch[1]);
    return values ? base('enum', values) : undefined;
  }
  return undefined;
}

/** Unique fields: what the in-memory repository checks (`new UniqueConstraintError('sku')`). */
function uniqueFields(sourceFile: SourceFile | undefined): Set<string> {
  const fields = new Set<string>();
  for (const expression of sourceFile?.getDescendantsOfKind(SyntaxKind.NewExpression) ?? []) {
    if (expression.getExpression().getText() !== 'UniqueConstraintError') continue;
    const [argument] = expression.getArguments();
    if (argument && Node.isStringLiteral(argument)) fields.add(argument.getLiteralValue());
  }
  return fields;
}

/**
 * The resource behind a mounted router / plugin, when the resource generator made it (it imports
 * `<Name>CreateSchema`, `<Name>ListQuerySchema` and `<Name>ParamsSchema` from one module);
 * undefined for other routers.
 */
export function readResource(context: GeneratorContext, mounted: MountedModule): ResourceSpec | undefined {
  const create = importedFrom(context, mounted, /^(\w+)CreateSchema$/);
  if (!create) return undefined;
  const query = importedFrom(context, mounted, new RegExp(`^(${create.name})ListQuerySchema$`));
  const params = importedFrom(context, mounted, new RegExp(`^(${create.name})ParamsSchema$`));
  if (!query || !params || query.file !== create.file) return undefined;

  const schemas = context.ast().getSourceFile(create.file);
  const relative = relativePath(context.root, create.file);
  const object = objectSchema(schemas, `${create.name}CreateSchema`);
  if (!object || !Node.isObjectLiteralExpression(object)) {
    throw new ScaffoldRefusalError(create.file, `Cannot read the fields of ${create.name}CreateSchema in ${relative}: it is no longer z.object({ … }).`);
  }
  const repository = importedFrom(context, mounted, new RegExp(`^InMemory(${create.name})Repository$`));
  const unique = uniqueFields(repository ? context.ast().getSourceFile(repository.file) : undefined);
  const fields: FieldSpec[] = [];
  for (const property of object.getProperties()) {
    if (!Node.isPropertyAssignment(property)) continue;
    const name = property.getName();
    const field = fieldOf(schemas, name, property.getInitializerOrThrow().getText());
    if (!field) {
      throw new ScaffoldRefusalError(
        create.file,
        `Cannot tell what test values to send for ${name} in ${create.name}CreateSchema (${relative}): it is not a type the resource generator writes. Adjust the generated test data by hand.`,
      );
    }
    field.unique = unique.has(name);
    fields.push(field);
  }
  const idSchema = objectSchema(schemas, `${create.name}ParamsSchema`);
  const idText = idSchema && Node.isObjectLiteralExpression(idSchema) ? idSchema.getProperty('id')?.getText() ?? '' : '';
  const routes = mounted.analysis.routes;
  const writes = routes.filter((route) => MUTATING_METHODS.has(route.method));
  return {
    typeName: create.name,
    schemasFile: create.file,
    fields,
    idType: /uuid/.test(idText) ? 'uuid' : 'number',
    put: routes.some((route) => route.method === 'PUT'),
    protectedWrites: writes.length > 0 && writes.every((route) => route.middleware.some((ref) => isAuthName(ref.name))),
  };
}
