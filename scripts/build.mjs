// Bundles the extension, the CLI and the benchmark. The lint engine is bundled into each entry;
// ts-morph is kept out of the lint path: it is a separate bundle (dist/scaffold.js) required lazily.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // The scaffold bundle is loaded at run time from dist/, never inlined into the lint path.
  external: ['vscode', './scaffold.js'],
};

const entries = [
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/core/scaffold/index.ts'], outfile: 'dist/scaffold.js' },
  { entryPoints: ['scripts/bench.ts'], outfile: 'dist/bench.js' },
];

const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
