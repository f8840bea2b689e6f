// Packages the extension into a .vsix: production build, then `vsce package --no-dependencies`
// (dist/ is self-contained; .vscodeignore keeps sources, tests, node_modules and maps out), then a
// check of what went in. Non-interactive (CI=true, no stdin).
//
//   node scripts/package.mjs [--out FILE] [--no-build]
//
// Prints the .vsix path and size on the last line.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(root, `${manifest.name}-${manifest.version}.vsix`));
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

function run(file, argv, options = {}) {
  return execFileSync(file, argv, { cwd: root, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...options });
}

const started = Date.now();
if (!args.includes('--no-build')) {
  run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { stdio: ['ignore', 'inherit', 'inherit'] });
}
for (const entry of ['dist/extension.js', 'dist/cli.js', 'dist/scaffold.js']) {
  if (!fs.existsSync(path.join(root, entry))) {
    console.error(`package: ${entry} is missing (run node scripts/build.mjs --production)`);
    process.exit(1);
  }
}

// Flags for what the manifest does not (yet) have; without them vsce would ask on a terminal.
const hasRepository = Boolean(manifest.repository);
const hasLicense = fs.readdirSync(root).some((name) => /^licen[cs]e(\.(md|txt))?$/i.test(name));
const flags = ['--no-dependencies'];
if (!hasRepository) flags.push('--allow-missing-repository', '--no-rewrite-relative-links');
if (!hasLicense) flags.push('--skip-license');

// What would go in: fail on anything that must stay out, or a missing part.
const files = run(process.execPath, [vsce, 'ls', '--no-dependencies'])
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);
const forbidden = files.filter((file) => /^(src|test|scripts|node_modules|\.cache|out|test-results)\/|\.map$|\.vsix$|^tsconfig/.test(file));
const required = ['package.json', 'dist/extension.js', 'dist/cli.js', 'dist/scaffold.js'];
if (manifest.icon) required.push(manifest.icon);
const missing = required.filter((file) => !files.includes(file));
if (forbidden.length > 0 || missing.length > 0) {
  if (forbidden.length > 0) console.error(`package: would ship ${forbidden.slice(0, 20).join(', ')}${forbidden.length > 20 ? ', …' : ''}`);
  if (missing.length > 0) console.error(`package: missing ${missing.join(', ')}`);
  process.exit(1);
}

fs.rmSync(out, { force: true });
run(process.execPath, [vsce, 'package', ...flags, '--out', out], { stdio: ['ignore', 'inherit', 'inherit'] });
const size = fs.statSync(out).size;
console.log(`package: ${path.relative(process.cwd(), out) || out} (${files.length} files, ${(size / 1024 / 1024).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
