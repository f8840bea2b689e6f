import { Node, type ArrayLiteralExpression, type Expression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { applyEdits, type TextEdit } from '../../../model/edit';
import { dirname, joinPath } from '../../../model/paths';
import { eolOf, quoteString } from '../../formatting';
import { parseJsonText, type JsonNode, type JsonObject } from '../../json-text';
import { commaListInsertions } from '../../transforms/comma-list';
import { formattingOf } from '../../transforms/file-style';
import { testFilePath } from '../tests/runner';
import type { GeneratorContext } from '../types';

const VITEST_CONFIGS = ['vitest.config.ts', 'vitest.config.mts', 'vitest.config.cts', 'vitest.config.js', 'vitest.config.mjs', 'vitest.config.cjs', 'vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'];
const JEST_CONFIGS = ['jest.config.ts', 'jest.config.mts', 'jest.config.cts', 'jest.config.js', 'jest.config.mjs', 'jest.config.cjs'];

/** What happened to the project's tests: where the setup file is, and whether the runner loads it. */
export type TestEnvResult =
  | { kind: 'none' }
  | { kind: 'wired'; setupFile: string; config: string }
  | { kind: 'manual'; setupFile: string; why: string };

/** Where the setup file goes: beside the project's tests (test/ for new projects). */
function setupFilePath(context: GeneratorContext): string {
  const dir = dirname(`/${testFilePath(context, 'setup-env')}`).slice(1);
  return `${dir === '' || dir === 'src/__tests__' ? 'test' : dir}/setup-env.ts`;
}

/** Whether the project runs tests (a runner among its dependencies or scripts). */
function hasTests(context: GeneratorContext): boolean {
  return context.project.testRunner !== undefined;
}

/** The object a config module exports: `export default {…}`, `defineConfig({…})`, `module.exports = …`, or a const holding one. */
function exportedObject(sourceFile: SourceFile): ObjectLiteralExpression | undefined {
  const unwrap = (expression: Expression | undefined, depth = 0): ObjectLiteralExpression | undefined => {
    if (!expression || depth > 4) return undefined;
    if (Node.isObjectLiteralExpression(expression)) return expression;
    if (Node.isParenthesizedExpression(expression) || Node.isAsExpression(expression) || Node.isSatisfiesExpression(expression)) return unwrap(expression.getExpression(), depth + 1);
    if (Node.isCallExpression(expression)) {
      const [argument] = expression.getArguments();
      return argument && Node.isExpression(argument) ? unwrap(argument, depth + 1) : undefined;
    }
    if (Node.isIdentifier(expression)) return unwrap(sourceFile.getVariableDeclaration(expression.getText())?.getInitializer(), depth + 1);
    return undefined;
  };
  const assignment = sourceFile.getExportAssignment((candidate) => !candidate.isExportEquals());
  if (assignment) return unwrap(assignment.getExpression());
  for (const statement of sourceFile.getStatements()) {
    if (!Node.isExpressionStatement(statement)) continue;
    const expression = statement.getExpression();
    if (Node.isBinaryExpression(expression) && expression.getLeft().getText() === 'module.exports') return unwrap(expression.getRight());
  }
  return undefined;
}

function property(object: ObjectLiteralExpression, name: string): Node | undefined {
  const found = object.getProperty(name) ?? object.getProperty(`'${name}'`) ?? object.getProperty(`"${name}"`);
  return found && Node.isPropertyAssignment(found) ? found.getInitializerOrThrow() : found;
}

function keyOf(node: Node): string {
  return Node.isPropertyAssignment(node) || Node.isShorthandPropertyAssignment(node) || Node.isMethodDeclaration(node) ? node.getName().replace(/^['"]|['"]$/g, '') : '';
}

function insertInto(sourceFile: SourceFile, container: ObjectLiteralExpression | ArrayLiteralExpression, itemText: string, key: string): void {
  const text = sourceFile.getFullText();
  const items = Node.isObjectLiteralExpression(container) ? container.getProperties() : container.getElements();
  const style = formattingOf(sourceFile);
  const edits = commaListInsertions(
    {
      text,
      open: container.getStart() + 1,
      close: container.getEnd() - 1,
      items: items.map((item) => ({ start: item.getStart(), end: item.getEnd(), key: keyOf(item), isRest: Node.isSpreadAssignment(item) || Node.isSpreadElement(item) })),
    },
    [{ text: itemText, key, index: items.length }],
    { eol: style.eol, bracketSpacing: style.bracketSpacing },
  );
  sourceFile.replaceWithText(applyEdits(text, edits));
}

/**
 * Adds `entry` to the `setupFiles` of a config object (vitest: under `test`); false when the
 * config is not laid out in a way we can extend.
 */
function addSetupFile(sourceFile: SourceFile, entry: string, underTest: boolean): boolean {
  const literal = quoteString(entry, formattingOf(sourceFile).quote);
  const root = exportedObject(sourceFile);
  if (!root) return false;
  let holder = root;
  if (underTest) {
    const test = property(root, 'test');
    if (!test) {
      insertInto(sourceFile, root, `test: { setupFiles: [${literal}] }`, 'test');
      return true;
    }
    if (!Node.isObjectLiteralExpression(test)) return false;
    holder = test;
  }
  const setupFiles = property(holder, 'setupFiles');
  if (!setupFiles) {
    insertInto(sourceFile, holder, `setupFiles: [${literal}]`, 'setupFiles');
    return true;
  }
  if (Node.isStringLiteral(setupFiles)) {
    if (sameEntry(setupFiles.getLiteralValue(), entry)) return true;
    setupFiles.replaceWithText(`[${setupFiles.getText()}, ${literal}]`);
    return true;
  }
  if (!Node.isArrayLiteralExpression(setupFiles)) return false;
  if (setupFiles.getElements().some((element) => Node.isStringLiteral(element) && sameEntry(element.getLiteralValue(), entry))) return true;
  insertInto(sourceFile, setupFiles, literal, entry);
  return true;
}

function sameEntry(a: string, b: string): boolean {
  const normal = (value: string) => value.replace(/^<rootDir>\//, '').replace(/^\.\//, '');
  return normal(a) === normal(b);
}

/** The project's package.json as it stands in the tree, parsed; undefined when missing or not JSON. */
function packageJson(context: GeneratorContext): { path: string; text: string; root: JsonNode } | undefined {
  const path = joinPath(context.root, 'package.json');
  const text = context.tree.read(path);
  if (text === undefined) return undefined;
  try {
    return { path, text, root: parseJsonText(text) };
  } catch {
    return undefined;
  }
}

function jestInPackageJson(context: GeneratorContext, entry: string): boolean | undefined {
  const manifest = packageJson(context);
  if (manifest?.root.kind !== 'object') return undefined;
  const { path, text, root } = manifest;
  const jest = root.members.find((member) => member.key === 'jest')?.value;
  if (!jest) return undefined;
  if (jest.kind !== 'object') return false;
  const eol = eolOf(text);
  const setupFiles = jest.members.find((member) => member.key === 'setupFiles')?.value;
  const quoted = JSON.stringify(entry);
  let edits: TextEdit[];
  if (!setupFiles) {
    edits = insertMember(text, jest, `"setupFiles": [${quoted}]`, eol);
  } else if (setupFiles.kind === 'array') {
    if (setupFiles.elements.some((element) => element.kind === 'scalar' && typeof element.value === 'string' && sameEntry(element.value, entry))) return true;
    edits = commaListInsertions(
      { text, open: setupFiles.start + 1, close: setupFiles.end - 1, items: setupFiles.elements.map((element) => ({ start: element.start, end: element.end, key: '' })) },
      [{ text: quoted, key: entry, index: setupFiles.elements.length }],
      { eol, bracketSpacing: false },
    );
  } else {
    return false;
  }
  context.tree.write(path, applyEdits(text, edits));
  return true;
}

function insertMember(text: string, object: JsonObject, member: string, eol: string): TextEdit[] {
  if (object.members.length === 0) return [{ start: object.start + 1, end: object.end - 1, newText: member }];
  return commaListInsertions(
    { text, open: object.start + 1, close: object.end - 1, items: object.members.map((item) => ({ start: item.start, end: item.end, key: item.key })) },
    [{ text: member, key: 'setupFiles', index: object.members.length }],
    { eol, bracketSpacing: true },
  );
}

/**
 * `node --test -r ts-node/register …` (fastify-cli's TypeScript template), `--loader ts-node/esm` (its ESM
 * variant) or `--import tsx`:
 * the setup file is loaded the same way, right after the TypeScript loader, so every test file's
 * process (node --test passes its flags on) gets the secrets. False when the script is another shape.
 */
function nodeTestScript(context: GeneratorContext, setupFile: string): boolean {
  const manifest = packageJson(context);
  if (!manifest) return false;
  const { path, text, root } = manifest;
  const scripts = root.kind === 'object' ? root.members.find((member) => member.key === 'scripts')?.value : undefined;
  const test = scripts?.kind === 'object' ? scripts.members.find((member) => member.key === 'test')?.value : undefined;
  if (test?.kind !== 'scalar' || typeof test.value !== 'string' || !/\bnode\s+(?:[^&|;]*\s)?--test\b/.test(test.value)) return false;
  const entry = `./${setupFile}`;
  if (test.value.includes(entry)) return true;
  const loader = /(\s(?:-r|--require)[\s=]ts-node\/register(?:\/transpile-only)?)(?=\s|$)/.exec(test.value) ?? /(\s(?:--import[\s=]tsx|--(?:experimental-)?loader[\s=]ts-node\/esm))(?=\s|$)/.exec(test.value);
  if (!loader) return false;
  const flag = /--import|loader/.test(loader[1]) ? '--import' : '-r';
  const at = loader.index + loader[1].length;
  const script = `${test.value.slice(0, at)} ${flag} ${entry}${test.value.slice(at)}`;
  context.tree.write(path, applyEdits(text, [{ start: test.start, end: test.end, newText: JSON.stringify(script) }]));
  return true;
}

function firstExisting(context: GeneratorContext, candidates: readonly string[]): string | undefined {
  return candidates.find((candidate) => context.tree.exists(joinPath(context.root, candidate)));
}

/**
 * The app's config now needs JWT secrets at start-up, and tests build the app. The project's
 * test runner gets a setup file that gives each test run fresh random secrets (no secret is
 * written down): vitest and jest configs are extended (a vitest config is created when there
 * is none); for other runners the notes say what to load.
 */
export function ensureTestEnvironment(context: GeneratorContext): TestEnvResult {
  if (!hasTests(context)) return { kind: 'none' };
  const setupFile = setupFilePath(context);
  context.writeFile(setupFile, context.render('auth/setup-env.ts.ejs'), { ifExists: 'keep' });
  const runner = context.project.testRunner ?? 'vitest';

  if (runner === 'vitest') {
    const existing = firstExisting(context, VITEST_CONFIGS);
    if (!existing) {
      // .mts: the config is an ES module whatever the package's type.
      const config = context.flavour.esm ? 'vitest.config.ts' : 'vitest.config.mts';
      context.writeFile(config, context.render('auth/vitest.config.ts.ejs', { setupFile: `./${setupFile}` }), { ifExists: 'keep' });
      return { kind: 'wired', setupFile, config };
    }
    const sourceFile = context.ast().getSourceFile(joinPath(context.root, existing));
    return addSetupFile(sourceFile, `./${setupFile}`, true)
      ? { kind: 'wired', setupFile, config: existing }
      : { kind: 'manual', setupFile, why: `add './${setupFile}' to test.setupFiles in ${existing}` };
  }

  if (runner === 'jest') {
    const entry = `<rootDir>/${setupFile}`;
    const config = firstExisting(context, JEST_CONFIGS);
    if (config) {
      const sourceFile = context.ast().getSourceFile(joinPath(context.root, config));
      return addSetupFile(sourceFile, entry, false) ? { kind: 'wired', setupFile, config } : { kind: 'manual', setupFile, why: `add '${entry}' to setupFiles in ${config}` };
    }
    const inPackage = jestInPackageJson(context, entry);
    if (inPackage) return { kind: 'wired', setupFile, config: 'package.json' };
    return { kind: 'manual', setupFile, why: `add "${entry}" to the setupFiles of your jest config` };
  }

  if (runner === 'node' && nodeTestScript(context, setupFile)) return { kind: 'wired', setupFile, config: 'package.json (scripts.test)' };
  const how = runner === 'mocha' ? `load it before the tests (require / import in .mocharc)` : `load it before the tests (node --import)`;
  return { kind: 'manual', setupFile, why: how };
}
