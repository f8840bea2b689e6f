import type { Node, SourceFile } from 'ts-morph';
import { analyzeFile } from '../../../analysis/file-analysis';
import type { AppDeclaration } from '../../../analysis/types';
import { parseSource } from '../../../lint/parse';
import type { Framework } from '../../../model/rule-meta';
import { basename, relativePath } from '../../../model/paths';
import { ScaffoldRefusalError } from '../../errors';
import { diffTexts } from '../../line-diff';
import { discoverSourceFiles } from '../../source-files';
import type { GeneratorContext } from '../types';

/**
 * The app a generator registers on: the file and the variable the app is bound to. Held as names,
 * not nodes, because an insertion may make ts-morph forget a file's nodes; `appNode` finds the
 * creation call again in the file's current text.
 */
export interface AppTarget {
  /** Absolute path. */
  file: string;
  /** Path relative to the project root, for imports and messages. */
  relative: string;
  framework: Framework;
  /** The variable name (`app`, `server`, `fastify`). */
  name: string;
  /** Which of the file's apps with this name (two functions may both declare `app`). */
  ordinal: number;
}

const FRAMEWORK_LABEL: Record<Framework, string> = { express: 'Express app (express())', fastify: 'Fastify instance (fastify())' };
const PREFERRED_FILES = ['app', 'index', 'server', 'main'];

function isRootApp(app: AppDeclaration, framework: Framework): boolean {
  if (!app.creation) return false;
  return framework === 'express' ? app.kind === 'express-app' : app.kind === 'fastify';
}

function appsIn(text: string, path: string, framework: Framework): AppDeclaration[] {
  return analyzeFile(parseSource(path, text), framework).apps.filter((app) => isRootApp(app, framework));
}

/** Maps an offset of `original` to the same place in `updated` (undefined when that text was rewritten). */
export function mapOffset(original: string, updated: string, offset: number): number | undefined {
  if (original === updated) return offset;
  let delta = 0;
  for (const edit of diffTexts(original, updated)) {
    if (edit.end <= offset) delta += edit.newText.length - (edit.end - edit.start);
    else if (edit.start <= offset) return undefined;
  }
  // Sanity check: the mapped text starts the same way.
  const mapped = offset + delta;
  return updated.slice(mapped, mapped + 8) === original.slice(offset, offset + 8) ? mapped : undefined;
}

/** The current text of a file: ts-morph's (which may hold edits not yet flushed) when loaded, else the tree's. */
function currentText(context: GeneratorContext, file: string): string | undefined {
  return context.tree.read(file) === undefined ? undefined : context.ast().getSourceFile(file).getFullText();
}

function targetAt(context: GeneratorContext, file: string, text: string, offset: number, framework: Framework): AppTarget | undefined {
  const apps = appsIn(text, file, framework);
  const app = apps.find((candidate) => candidate.creation!.getStart() === offset);
  if (!app) return undefined;
  const sameName = apps.filter((candidate) => candidate.name === app.name);
  return { file, relative: relativePath(context.root, file), framework, name: app.name, ordinal: sameName.indexOf(app) };
}

/** Files created in this run (a new project's app exists only in the tree). */
function createdFiles(context: GeneratorContext): string[] {
  return context.tree
    .listChanges()
    .filter((change) => change.kind === 'create')
    .map((change) => change.path);
}

/**
 * Finds the app to register on: from the route graph when it knows the project's apps (the app
 * with the most routes), else from the project's source files (app.ts / index.ts / server.ts /
 * main.ts first). Refuses with a clear message when there is none.
 */
export function findAppTarget(context: GeneratorContext): AppTarget {
  const framework = context.flavour.framework;
  const graphApps = (context.graph()?.apps ?? []).filter((app) => (framework === 'express' ? app.kind === 'express-app' : app.kind === 'fastify'));
  const ranked = [...graphApps].sort((a, b) => b.routes.length - a.routes.length);
  for (const app of ranked) {
    const original = context.tree.host.readFile(app.at.file);
    const text = currentText(context, app.at.file);
    if (original === undefined || text === undefined) continue;
    const offset = mapOffset(original, text, app.at.start);
    if (offset === undefined) continue;
    const target = targetAt(context, app.at.file, text, offset, framework);
    if (target) return target;
  }

  const candidates = [...new Set([...createdFiles(context), ...discoverSourceFiles(context.root, context.tree.host, 2000)])]
    .filter((file) => /\.[cm]?ts$/.test(file) && !/\.d\.[cm]?ts$/.test(file) && !/\.(test|spec)\.[cm]?ts$/.test(file) && !/\/(test|tests|__tests__)\//.test(file))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const file of candidates) {
    const text = context.tree.read(file);
    if (text === undefined) continue;
    const apps = appsIn(text, file, framework);
    if (apps.length === 0) continue;
    const app = apps[0];
    return { file, relative: relativePath(context.root, file), framework, name: app.name, ordinal: apps.filter((candidate) => candidate.name === app.name).indexOf(app) };
  }
  throw new ScaffoldRefusalError(
    context.root,
    `No ${FRAMEWORK_LABEL[framework]} found in ${context.root}: Routewise registers on the app where it is created. Create one (or run the project generator), then try again.`,
  );
}

function rank(file: string): number {
  const name = basename(file).replace(/\.[cm]?ts$/, '');
  const inSrc = /\/src\/[^/]+$/.test(file) ? 0 : 10;
  const preferred = PREFERRED_FILES.indexOf(name);
  return inSrc + (preferred === -1 ? PREFERRED_FILES.length : preferred);
}

/** The app's creation call (`express()` / `Fastify({…})`) in the file's current ts-morph tree. */
export function appNode(context: GeneratorContext, target: AppTarget): { sourceFile: SourceFile; node: Node } {
  const sourceFile = context.ast().getSourceFile(target.file);
  const apps = appsIn(sourceFile.getFullText(), target.file, target.framework).filter((app) => app.name === target.name);
  const app = apps[target.ordinal] ?? apps[0];
  if (!app) {
    throw new ScaffoldRefusalError(target.file, `Cannot find the app ${target.name} in ${target.relative} any more.`);
  }
  const start = app.creation!.getStart();
  const node = sourceFile.getDescendantAtPos(start);
  let current: Node | undefined = node;
  while (current && !(current.getStart() === start && (current.getKindName() === 'CallExpression' || current.getKindName() === 'NewExpression'))) {
    current = current.getParent();
  }
  if (!current) throw new ScaffoldRefusalError(target.file, `Cannot find the creation of ${target.name} in ${target.relative}.`);
  return { sourceFile, node: current };
}
