import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScaffoldBridge } from '../core/lint/scaffold-bridge';
import type { FileSystemHost } from '../core/model/file-system';
import { toPosix } from '../core/model/paths';
// Types only: a value import would inline the engine (and ts-morph) into the calling bundle.
import type * as ScaffoldApi from '../core/scaffold/index';

/** The scaffold engine's public API (src/core/scaffold/index.ts, shipped as dist/scaffold.js). */
export type ScaffoldModule = typeof ScaffoldApi;

let loaded: ScaffoldModule | undefined;

/**
 * The scaffold engine, loaded on first use. The extension and the CLI are bundles in dist/ and
 * the engine is dist/scaffold.js beside them (scripts/build.mjs keeps './scaffold.js' external),
 * so linting never pays for ts-morph. Run from source (mocha, tsx) there is no bundle: the
 * TypeScript entry is required through a computed path that esbuild cannot follow.
 */
export function loadScaffoldModule(): ScaffoldModule {
  if (loaded) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time on purpose (see above)
    loaded = require('./scaffold.js') as ScaffoldModule;
    return loaded;
  } catch (error) {
    if (!isModuleNotFound(error, 'scaffold.js')) throw error;
  }
  const source = path.join(__dirname, '..', 'core', 'scaffold', 'index');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the source entry, when running unbundled
    loaded = require(source) as ScaffoldModule;
    return loaded;
  } catch (error) {
    if (!isModuleNotFound(error, source)) throw error;
    throw new Error(`The Routewise scaffold engine is missing: expected ${path.join(__dirname, 'scaffold.js')}. Rebuild (npm run build) or reinstall Routewise.`);
  }
}

function isModuleNotFound(error: unknown, request: string): boolean {
  const candidate = error as { code?: unknown; message?: unknown } | undefined;
  // Only the module asked for: a dependency missing inside the engine is a different failure.
  return candidate?.code === 'MODULE_NOT_FOUND' && typeof candidate.message === 'string' && candidate.message.includes(request);
}

/**
 * The `templates/` folder shipped with Routewise: beside dist/ in the package, at the repository
 * root from source. Posix, as the engine's paths are.
 */
export function templatesDirectory(from: string = __dirname): string {
  let dir = from;
  for (let depth = 0; depth < 5; depth++) {
    const candidate = path.join(dir, 'templates');
    if (fs.existsSync(path.join(candidate, 'express'))) return toPosix(candidate);
    dir = path.dirname(dir);
  }
  throw new Error(`The Routewise templates folder is missing (looked above ${from}). Rebuild or reinstall Routewise.`);
}

export interface ScaffoldBridgeOptions {
  /** Where generators read the project (the extension passes one that prefers unsaved editor text). */
  host: FileSystemHost;
  load?: () => ScaffoldModule;
  templatesDir?: string;
  /** Failures other than refusals (ScaffoldError): bugs, or a missing engine. Refusals are expected. */
  onUnexpectedError?: (generatorId: string, error: unknown) => void;
}

/** The lint ScaffoldBridge over the lazily loaded engine: quick fixes run generators through it. */
export function createScaffoldBridge(options: ScaffoldBridgeOptions): ScaffoldBridge {
  return {
    run(generatorId, generatorOptions, cwd) {
      let engine: ScaffoldModule | undefined;
      try {
        engine = (options.load ?? loadScaffoldModule)();
        const templatesDir = options.templatesDir ?? templatesDirectory();
        return engine.runGenerator({ generatorId, options: generatorOptions, cwd, host: options.host, templatesDir });
      } catch (error) {
        if (!engine || !(error instanceof engine.ScaffoldError)) options.onUnexpectedError?.(generatorId, error);
        throw error;
      }
    },
  };
}
