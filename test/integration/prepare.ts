/** Shared by run.ts (desktop VS Code) and run-code-server.ts: compile the suite, write the workspace. */
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INTEGRATION_WORKSPACE } from './workspace';

export const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out', 'integration');

/**
 * Compiles test/integration/{workspace,suite/*}.ts to out/integration/ (one file per source, no
 * bundling: `vscode` is resolved by the extension host, `mocha` from the repository's
 * node_modules). Returns the path of the suite entry (suite/index.js).
 */
export async function compileSuite(): Promise<string> {
  fs.rmSync(OUT, { recursive: true, force: true });
  const suiteDir = path.join(__dirname, 'suite');
  const entryPoints = [
    path.join(__dirname, 'workspace.ts'),
    ...fs.readdirSync(suiteDir).filter((name) => name.endsWith('.ts')).map((name) => path.join(suiteDir, name)),
  ];
  await esbuild.build({
    entryPoints,
    outbase: __dirname,
    outdir: OUT,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(OUT, 'suite', 'index.js');
}

/** A temp folder holding `workspace/` (the project the suite opens); remove it when done. */
export function makeIntegrationWorkspace(): { root: string; workspace: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'routewise-it-'));
  for (const [rel, content] of Object.entries(INTEGRATION_WORKSPACE)) {
    const file = path.join(root, 'workspace', rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return { root, workspace: path.join(root, 'workspace') };
}

/** The extension's bundles (dist/) as `npm run build` makes them. */
export function buildExtension(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export function reasonOf(error: unknown): string {
  const e = error as { message?: unknown; cause?: unknown } | undefined;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const cause = e?.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${message}${cause}`.split('\n')[0].trim();
}
