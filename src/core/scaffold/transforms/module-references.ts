import { Node, type ImportDeclaration, type ObjectBindingPattern, type SourceFile, type VariableStatement } from 'ts-morph';

export interface NamedBinding {
  /** The exported name. */
  name: string;
  /** The local name (differs from `name` for `import { a as b }` / `const { a: b } = require()`). */
  local: string;
  typeOnly: boolean;
}

/** One top-level import or require of a module, with what it binds. */
export interface ModuleReference {
  specifier: string;
  statement: Node;
  /** `import …` (declaration), `import x = require()`, `const … = require()`, bare `require()`. */
  kind: 'import' | 'import-equals' | 'require' | 'bare-require';
  /** `import type …` */
  typeOnly: boolean;
  /** `import d from` / `import d = require()` / `const d = require()`: the module's main value. */
  defaultName?: string;
  /** `import * as ns from`; whole-module requires bind this too. */
  namespaceName?: string;
  named: NamedBinding[];
  /** The declaration, for `import` references. */
  declaration?: ImportDeclaration;
  /** `const { … } = require()`, which new names can be merged into. */
  bindingPattern?: ObjectBindingPattern;
  /** The `const` / `let` / `var` of a require. */
  declarationKeyword?: string;
}

export function collectModuleReferences(sourceFile: SourceFile): ModuleReference[] {
  const references: ModuleReference[] = [];
  for (const statement of sourceFile.getStatements()) {
    if (Node.isImportDeclaration(statement)) {
      references.push({
        specifier: statement.getModuleSpecifierValue(),
        statement,
        kind: 'import',
        typeOnly: statement.isTypeOnly(),
        defaultName: statement.getDefaultImport()?.getText(),
        namespaceName: statement.getNamespaceImport()?.getText(),
        named: statement.getNamedImports().map((specifier) => ({
          name: specifier.getName(),
          local: specifier.getAliasNode()?.getText() ?? specifier.getName(),
          typeOnly: specifier.isTypeOnly(),
        })),
        declaration: statement,
      });
    } else if (Node.isImportEqualsDeclaration(statement)) {
      const reference = statement.getModuleReference();
      if (Node.isExternalModuleReference(reference)) {
        const expression = reference.getExpression();
        if (expression && Node.isStringLiteral(expression)) {
          const name = statement.getName();
          references.push({
            specifier: expression.getLiteralValue(),
            statement,
            kind: 'import-equals',
            typeOnly: statement.isTypeOnly(),
            defaultName: name,
            namespaceName: name,
            named: [],
          });
        }
      }
    } else if (Node.isVariableStatement(statement)) {
      references.push(...requiresOf(statement));
    } else if (Node.isExpressionStatement(statement)) {
      const specifier = requiredModule(statement.getExpression());
      if (specifier !== undefined) {
        references.push({ specifier, statement, kind: 'bare-require', typeOnly: false, named: [] });
      }
    }
  }
  return references;
}

/** Whether a top-level statement loads a module the CommonJS way (`require('x')`, `require('x').config()`). */
export function isRequireStatement(statement: Node): boolean {
  if (Node.isVariableStatement(statement)) {
    const declarations = statement.getDeclarations();
    return declarations.length > 0 && declarations.every((declaration) => {
      const initializer = declaration.getInitializer();
      return initializer !== undefined && requiredModule(initializer) !== undefined;
    });
  }
  return Node.isExpressionStatement(statement) && requiredModule(statement.getExpression()) !== undefined;
}

/** Every name bound at the top level of the file, with the node that binds it. */
export function topLevelBindings(sourceFile: SourceFile): Map<string, Node> {
  const bindings = new Map<string, Node>();
  const add = (name: string | undefined, node: Node): void => {
    if (name && !bindings.has(name)) bindings.set(name, node);
  };
  for (const statement of sourceFile.getStatements()) {
    if (Node.isImportDeclaration(statement)) {
      add(statement.getDefaultImport()?.getText(), statement);
      add(statement.getNamespaceImport()?.getText(), statement);
      for (const specifier of statement.getNamedImports()) add(specifier.getAliasNode()?.getText() ?? specifier.getName(), statement);
    } else if (Node.isImportEqualsDeclaration(statement)) {
      add(statement.getName(), statement);
    } else if (Node.isVariableStatement(statement)) {
      for (const declaration of statement.getDeclarations()) {
        for (const name of bindingNames(declaration.getNameNode())) add(name, statement);
      }
    } else if (
      Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) || Node.isEnumDeclaration(statement) ||
      Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement) || Node.isModuleDeclaration(statement)
    ) {
      add(statement.getName(), statement);
    }
  }
  return bindings;
}

function requiresOf(statement: VariableStatement): ModuleReference[] {
  const references: ModuleReference[] = [];
  const keyword = statement.getDeclarationKind();
  for (const declaration of statement.getDeclarations()) {
    const initializer = declaration.getInitializer();
    if (!initializer) continue;
    const nameNode = declaration.getNameNode();
    if (Node.isCallExpression(initializer)) {
      const specifier = requireCallSpecifier(initializer);
      if (specifier === undefined) continue;
      if (Node.isIdentifier(nameNode)) {
        const name = nameNode.getText();
        references.push({ specifier, statement, kind: 'require', typeOnly: false, defaultName: name, namespaceName: name, named: [], declarationKeyword: keyword });
      } else if (Node.isObjectBindingPattern(nameNode)) {
        const named: NamedBinding[] = [];
        for (const element of nameNode.getElements()) {
          const local = element.getNameNode();
          if (element.getDotDotDotToken() || !Node.isIdentifier(local)) continue;
          const property = element.getPropertyNameNode();
          named.push({ name: property ? property.getText().replace(/^['"]|['"]$/g, '') : local.getText(), local: local.getText(), typeOnly: false });
        }
        references.push({ specifier, statement, kind: 'require', typeOnly: false, named, bindingPattern: nameNode, declarationKeyword: keyword });
      }
    } else if (Node.isPropertyAccessExpression(initializer) && Node.isIdentifier(nameNode)) {
      // const Router = require('express').Router
      const target = initializer.getExpression();
      const specifier = Node.isCallExpression(target) ? requireCallSpecifier(target) : undefined;
      if (specifier === undefined) continue;
      references.push({
        specifier, statement, kind: 'require', typeOnly: false, declarationKeyword: keyword,
        named: [{ name: initializer.getName(), local: nameNode.getText(), typeOnly: false }],
      });
    }
  }
  return references;
}

/** The module of `require('x')` at the root of a chain like `require('x').a.b()`. */
function requiredModule(expression: Node): string | undefined {
  let current: Node = expression;
  for (;;) {
    if (Node.isCallExpression(current)) {
      const specifier = requireCallSpecifier(current);
      if (specifier !== undefined) return specifier;
      current = current.getExpression();
    } else if (Node.isPropertyAccessExpression(current) || Node.isElementAccessExpression(current) || Node.isAwaitExpression(current) || Node.isParenthesizedExpression(current)) {
      current = current.getExpression();
    } else {
      return undefined;
    }
  }
}

function requireCallSpecifier(call: Node): string | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  const [argument] = call.getArguments();
  if (!Node.isIdentifier(callee) || callee.getText() !== 'require' || !argument || !Node.isStringLiteral(argument)) return undefined;
  return argument.getLiteralValue();
}

function bindingNames(name: Node): string[] {
  if (Node.isIdentifier(name)) return [name.getText()];
  if (Node.isObjectBindingPattern(name) || Node.isArrayBindingPattern(name)) {
    return name.getElements().flatMap((element) => (Node.isBindingElement(element) ? bindingNames(element.getNameNode()) : []));
  }
  return [];
}
