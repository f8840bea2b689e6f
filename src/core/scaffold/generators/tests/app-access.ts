import { Node, type SourceFile } from 'ts-morph';
import { ScaffoldRefusalError } from '../../errors';
import type { AppTarget } from '../error-handler/app-target';
import { openApp } from '../middleware/placement';
import type { GeneratorContext } from '../types';

/** How a test gets hold of the app without starting the server. */
export type AppAccess =
  /** `export function createApp()` / `export async function buildApp(options)`: a fresh app per test. */
  | { kind: 'factory'; name: string; isDefault: boolean; file: AppTarget; takesOptions: boolean }
  /** `export const app = express()` / `export default app`: one app for the whole file. */
  | { kind: 'instance'; name: string; isDefault: boolean; file: AppTarget }
  /**
   * The exported root plugin of a project whose instance fastify-cli creates: a fresh
   * `fastify()` per test registers it, as `fastify start` does.
   */
  | { kind: 'plugin'; name: string; isDefault: boolean; file: AppTarget };

function exportedName(sourceFile: SourceFile, node: Node): { name: string; isDefault: boolean } | undefined {
  for (const [exportName, declarations] of sourceFile.getExportedDeclarations()) {
    if (declarations.some((declaration) => declaration === node)) return { name: exportName, isDefault: exportName === 'default' };
  }
  return undefined;
}

/**
 * Finds how tests can build the app: the exported function that creates it, or the exported app
 * itself. An app created in the server entry next to `listen` cannot be imported without
 * starting it: refused, with the way out.
 */
export function appAccess(context: GeneratorContext, target: AppTarget): AppAccess {
  const { sourceFile, node } = openApp(context, target);
  if (target.form === 'plugin') return pluginAccess(sourceFile, node, target);
  if (target.form === 'configure-function') {
    throw new ScaffoldRefusalError(
      target.file,
      `The app is set up in ${target.relative} by a function that receives it; the app itself is created elsewhere, with the rest of the start-up, so tests cannot build it on its own. ` +
        `Add an exported factory that creates the app and runs that set-up (export function createApp()), then generate the tests again.`,
    );
  }
  const factory = node.getFirstAncestor((ancestor) => Node.isFunctionDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor));
  if (factory) {
    // `export function createApp()` or `export const buildApp = async () => …`.
    const parent = factory.getParent();
    const holder = Node.isFunctionDeclaration(factory) ? factory : Node.isVariableDeclaration(parent) ? parent : undefined;
    const exported = holder ? exportedName(sourceFile, holder) : undefined;
    if (exported && (Node.isFunctionDeclaration(factory) || Node.isArrowFunction(factory) || Node.isFunctionExpression(factory))) {
      const own = Node.isFunctionDeclaration(factory) ? factory.getName() : undefined;
      const name = exported.isDefault ? own ?? defaultLocal(context) : exported.name;
      return { kind: 'factory', name, isDefault: exported.isDefault, file: target, takesOptions: factory.getParameters().length > 0 && context.flavour.framework === 'fastify' };
    }
    throw new ScaffoldRefusalError(
      target.file,
      `The app in ${target.relative} is created inside a function that is not exported: export it (export function ${context.flavour.framework === 'express' ? 'createApp' : 'buildApp'}) so tests can build the app.`,
    );
  }
  const declaration = node.getFirstAncestor((ancestor) => Node.isVariableDeclaration(ancestor));
  const exported = declaration ? exportedName(sourceFile, declaration) : undefined;
  if (exported) return { kind: 'instance', name: exported.isDefault ? target.name : exported.name, isDefault: exported.isDefault, file: target };
  throw new ScaffoldRefusalError(
    target.file,
    `${target.relative} creates the app but does not export it, so tests cannot import it without starting the server. ` +
      `Move the app into an exported factory (export function ${context.flavour.framework === 'express' ? 'createApp(): Express' : 'buildApp(): Promise<FastifyInstance>'}) and call it from the server entry.`,
  );
}

/** The root plugin's export, the default one first (`export default app` beside `export { app }`). */
function pluginAccess(sourceFile: SourceFile, parameter: Node, target: AppTarget): AppAccess {
  const fn = parameter.getParent();
  const holder = fn && Node.isFunctionDeclaration(fn) ? fn : fn?.getParent();
  const names: string[] = [];
  for (const [exportName, declarations] of sourceFile.getExportedDeclarations()) {
    if (declarations.some((declaration) => declaration === holder)) names.push(exportName);
  }
  if (names.length === 0) {
    throw new ScaffoldRefusalError(target.file, `The root plugin in ${target.relative} is not exported, so tests cannot register it: export it (export default ${target.name === 'fastify' ? 'app' : 'plugin'}).`);
  }
  const name = names.includes('default') ? 'default' : names[0];
  return { kind: 'plugin', name, isDefault: name === 'default', file: target };
}

function defaultLocal(context: GeneratorContext): string {
  return context.flavour.framework === 'express' ? 'createApp' : 'buildApp';
}
