import ts from 'typescript';
import { registerPreorder } from '../analysis/descendants';
import { nodeMemo } from '../analysis/node-memo';
import { extname } from '../model/paths';
import type { TextChange } from '../model/text-change';

export const LINTABLE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx']);

export function isLintable(path: string): boolean {
  return LINTABLE_EXTENSIONS.has(extname(path)) && !/\.d\.[cm]?ts$/.test(path);
}

function scriptKind(path: string): ts.ScriptKind {
  switch (extname(path)) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

/** Parses without a program or type checker: the cheap path every keystroke can afford. */
export function parseSource(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
}

/** A parse with its nodes listed once, so the analysis and the rules' shared walk need not recurse again. */
export interface IndexedSource {
  sourceFile: ts.SourceFile;
  /** Every node `forEachChild` reaches from the file, in pre-order (the file itself excluded). */
  nodes: readonly ts.Node[];
}

/**
 * `parseSource`, but parent pointers are set by the same walk that lists the nodes: one traversal
 * instead of the parser's own `setParentNodes` pass followed by a second walk of ours. JSDoc nodes
 * (not reached by `forEachChild`) get their parents too, as `setParentNodes` gives them.
 */
export function parseIndexed(path: string, text: string): IndexedSource {
  return indexed(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, scriptKind(path)));
}

/** Trees the incremental parser took apart: their nodes now belong to, or were moved for, a newer text. */
const consumedTrees = new WeakSet<ts.SourceFile>();

/**
 * `parseIndexed` for the next text of a file parsed before: TypeScript's incremental parser (the
 * one the language service runs on every keystroke) re-parses around the change and reuses the
 * previous tree's untouched statements, so a keystroke in a long file costs a fraction of a parse.
 * The previous tree is consumed: its nodes are moved into the new tree or left with shifted
 * positions, so nothing may read it afterwards (see isConsumedTree).
 */
export function reparseIndexed(previous: ts.SourceFile, text: string, change: TextChange): IndexedSource {
  consumedTrees.add(previous);
  const span = { start: change.start, length: change.oldEnd - change.start };
  return indexedReusingStatements(ts.updateSourceFile(previous, text, { span, newLength: change.newEnd - change.start }));
}

export function isConsumedTree(sourceFile: ts.SourceFile): boolean {
  return consumedTrees.has(sourceFile);
}

function indexed(sourceFile: ts.SourceFile): IndexedSource {
  const nodes: ts.Node[] = [];
  let parent: ts.Node = sourceFile;
  const visit = (node: ts.Node): void => {
    (node as Mutable<ts.Node>).parent = parent;
    nodes.push(node);
    const jsDoc = (node as { jsDoc?: ts.Node[] }).jsDoc;
    if (jsDoc !== undefined) for (const doc of jsDoc) setParents(doc, node);
    const saved = parent;
    parent = node;
    ts.forEachChild(node, visit);
    parent = saved;
  };
  ts.forEachChild(sourceFile, visit);
  registerPreorder(sourceFile, nodes);
  return { sourceFile, nodes };
}

/** Where a top-level statement's nodes sit in the pre-order list of the last parse that listed them. */
interface ListedRange {
  nodes: readonly ts.Node[];
  start: number;
  end: number;
}

const listedStatements = nodeMemo<ts.Node, ListedRange>('pre-order range of a top-level statement');

/**
 * `indexed` for a tree the incremental parser made. A statement it reused is the same object with
 * the same descendants (only their positions moved), so its stretch of the previous list is copied
 * instead of walked again: typing in one handler of a long router lists that handler's statement
 * alone. Parent pointers need no walk: the incremental parser sets them all itself.
 */
function indexedReusingStatements(sourceFile: ts.SourceFile): IndexedSource {
  const nodes: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    nodes.push(node);
    ts.forEachChild(node, visit);
  };
  const list = (statement: ts.Node): void => {
    const start = nodes.length;
    const listed = listedStatements.get(statement);
    if (listed === undefined) visit(statement);
    else for (let index = listed.start; index < listed.end; index++) nodes.push(listed.nodes[index]);
    listedStatements.set(statement, { nodes, start, end: nodes.length });
  };
  // forEachChild of a file yields its statements, then the end-of-file token.
  for (const statement of sourceFile.statements) list(statement);
  visit(sourceFile.endOfFileToken);
  registerPreorder(sourceFile, nodes);
  return { sourceFile, nodes };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function setParents(node: ts.Node, parent: ts.Node): void {
  (node as Mutable<ts.Node>).parent = parent;
  ts.forEachChild(node, (child) => setParents(child, node));
}

/** Syntax errors the parser recovered from; findings are still reported where the tree is sound. */
export function parseErrors(sourceFile: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

/** `users.test.ts`, `users_spec.js`, `app.e2e.ts`, `tenants.e2e-spec.ts`, `db.int-test.ts`. */
const TEST_FILE_NAME = /(\.|_)(test|spec|e2e)\.[cm]?[jt]sx?$|[._-](e2e|int|integration|unit)[.-](test|spec)\.[cm]?[jt]sx?$/;
/** A file named `test.js` is a test, except a test environment's settings (`config/test.ts`). */
const TEST_FILE = /\/(test|tests|spec)\.[cm]?[jt]sx?$/;
const SETTINGS_FOLDER = /\/(config|configs|env|environments?)\/[^/]+$/;
const TEST_FOLDER = /\/(__tests__|tests?|e2e|__mocks__|fixtures)\//;
/** The test runner's own set-up and shared fixtures: `jest.setup.js`, `vitest.setup.ts`, `setupTests.ts`, `src/fixtures.ts`, `test-utils.ts`. */
const TEST_SETUP_FILE = /\/((jest|vitest|mocha|ava|playwright|cypress)[.-][\w.-]*setup[\w.-]*|setup-?tests?|test-?setup|global-?setup|fixtures|test-?utils|test-?helpers)\.[cm]?[jt]sx?$/i;

/**
 * `public/js/app.js`, `static/scripts/main.js`, `src/public/…`, `data/static/…`: front-end code an app serves
 * with `express.static`, at the top of the package or one folder down. `src/controllers/public/…` (the
 * public routes' controllers) is server code.
 */
const STATIC_ASSET_FOLDER = /^\/(?:(?!(?:controllers|routes|api|handlers|services|modules|endpoints)\/)[^/]+\/)?(public|static)\//;

/** `path` is relative to the package, with a leading slash. */
export function isStaticAssetPath(path: string): boolean {
  return STATIC_ASSET_FOLDER.test(path);
}

export function isTestFilePath(path: string): boolean {
  return TEST_FILE_NAME.test(path) || (TEST_FILE.test(path) && !SETTINGS_FOLDER.test(path)) || TEST_FOLDER.test(path) || TEST_SETUP_FILE.test(path);
}
