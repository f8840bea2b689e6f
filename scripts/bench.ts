// `npm run bench [-- path] [--files N] [--seed N] [--runs N] [--keep]`
// Measures Routewise against the cost it cannot avoid — the TypeScript parser — in the same run, so
// the ratios hold across machines: a workspace lint of a generated (or given) corpus, and re-linting
// one 2,000-line file after one-character edits, as the editor does while the user types.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { lintWorkspace } from '../src/cli/lint-files';
import { runLintCommand } from '../src/cli/lint-command';
import { createLinter } from '../src/core/lint/create-linter';
import { parseIndexed } from '../src/core/lint/parse';
import { toPosix } from '../src/core/model/paths';
import { withDefaults } from '../src/core/model/settings';
import { listSourceFiles } from '../src/core/project/source-files';
import { ALL_RULES } from '../src/core/rules';
import { NodeFileSystem } from '../src/host/node-file-system';
import { OverlayFileSystem } from '../src/host/overlay-file-system';
import { generateCorpus, generateLargeRouter } from './bench-corpus';

const TARGET_WORKSPACE_RATIO = 1.5;
const TARGET_SINGLE_FILE_P95_MS = 20;
const WARM_UPS = 2;
const SINGLE_FILE_LINES = 2000;
const SINGLE_FILE_WARM_UPS = 20;
const SINGLE_FILE_RUNS = 200;

/** Source texts held in memory, so lint and parse timings both exclude reading the disk. */
class PreloadedFileSystem extends NodeFileSystem {
  constructor(private readonly texts: ReadonlyMap<string, string>) {
    super();
  }

  override readFile(path: string): string | undefined {
    return this.texts.get(path) ?? super.readFile(path);
  }
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: {
      files: { type: 'string', default: '1600' },
      seed: { type: 'string', default: '42' },
      runs: { type: 'string', default: '5' },
      keep: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const temp = fs.realpathSync(fs.mkdtempSync(nodePath.join(os.tmpdir(), 'routewise-bench-')));
  try {
    const given = positionals[0];
    const root = given === undefined ? toPosix(temp) : toPosix(nodePath.resolve(given));
    if (given === undefined) generateCorpus(root, { files: Number(values.files), seed });
    const host = new NodeFileSystem();
    const files = listSourceFiles(root, host);
    const texts = new Map(files.map((file) => [file, host.readFile(file) ?? '']));
    const lines = [...texts.values()].reduce((sum, text) => sum + text.split('\n').length, 0);
    const preloaded = new PreloadedFileSystem(texts);
    const settings = withDefaults({});

    log(`Routewise benchmark — ${ALL_RULES.length} rules, TypeScript ${ts.version}, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
    log(`corpus: ${files.length.toLocaleString('en')} files, ${lines.toLocaleString('en')} lines, ${given === undefined ? `generated with seed ${seed}` : root}`);
    log('');

    let findings = 0;
    const silent = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {} };
    const [[parse, indexedParse, lint, cli], [parseCpu, , lintCpu]] = interleavedMedians(runs, [
      () => {
        for (const [file, text] of texts) ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
      },
      () => {
        for (const [file, text] of texts) parseIndexed(file, text);
      },
      () => {
        findings = lintWorkspace(files, { host: preloaded, settings, rules: ALL_RULES }).findings.length;
      },
      () => runLintCommand(['--format', 'json', root], temp, silent),
    ]);

    log(`Workspace lint — median of ${runs} runs after ${WARM_UPS} warm-ups; ${findings.toLocaleString('en')} findings`);
    table([
      ['', 'time', 'vs parse', ''],
      ['TypeScript parse only, no parent pointers (baseline)', ms(parse), '1.00×', ''],
      ['Routewise parse step: + parent pointers, pre-order node list', ms(indexedParse), ratio(indexedParse / parse), 'every rule walks these'],
      ['Routewise lint: parse, detect, route graph, rules', ms(lint), ratio(lint / parse), verdict(lint / parse <= TARGET_WORKSPACE_RATIO, `target ≤ ${TARGET_WORKSPACE_RATIO.toFixed(2)}×`)],
      ['routewise lint CLI: + list, read from disk, JSON', ms(cli), ratio(cli / parse), 'for reference'],
    ]);
    log(`  CPU time of this process (robust to other load on the machine): parse ${ms(parseCpu)}, lint ${ms(lintCpu)}, ${ratio(lintCpu / parseCpu)}`);
    log('');

    const single = singleFileEdits(given === undefined ? nodePath.join(root, 'services/orders-api') : temp, seed);
    log(`Single file — ${SINGLE_FILE_LINES.toLocaleString('en')} lines, typing in a route handler (invalidate + re-lint, as the editor does); ${SINGLE_FILE_RUNS} runs after ${SINGLE_FILE_WARM_UPS} warm-ups`);
    table([
      ['', 'p50', 'p95', 'p95 vs parse', ''],
      ['TypeScript parse only (baseline)', ms(percentile(single.parse, 50)), ms(percentile(single.parse, 95)), '1.00×', ''],
      [
        'Routewise lintFile',
        ms(percentile(single.lint, 50)),
        ms(percentile(single.lint, 95)),
        ratio(percentile(single.lint, 95) / percentile(single.parse, 95)),
        verdict(percentile(single.lint, 95) <= TARGET_SINGLE_FILE_P95_MS, `target p95 ≤ ${TARGET_SINGLE_FILE_P95_MS} ms`),
      ],
    ]);
    log(`  CPU time of lintFile: p50 ${ms(percentile(single.lintCpu, 50))}, p95 ${ms(percentile(single.lintCpu, 95))}`);
  } finally {
    if (values.keep) log(`\nkept ${temp}`);
    else fs.rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * What the editor does while the user types in a route handler: each edit invalidates what the
 * file's text can affect (project detection, the package's route graph), then the whole file is
 * re-linted with the unsaved text, which the other files' lookups see too. Each edit types one more
 * character into a string in the middle of the file, so no text repeats and no cache can answer.
 */
function singleFileEdits(packageDir: string, seed: number): { parse: number[]; lint: number[]; lintCpu: number[] } {
  if (!fs.existsSync(nodePath.join(packageDir, 'package.json'))) {
    fs.writeFileSync(nodePath.join(packageDir, 'package.json'), JSON.stringify({ name: 'bench', dependencies: { express: '^4.21.2' } }));
  }
  const file = toPosix(nodePath.join(packageDir, 'src/routes/legacy-monolith.ts'));
  const base = generateLargeRouter(seed, SINGLE_FILE_LINES);
  fs.mkdirSync(nodePath.dirname(file), { recursive: true });
  fs.writeFileSync(file, base);
  const bodyStart = base.indexOf('=> {\n', base.length / 2) + '=> {\n'.length;
  const edit = (index: number): string => `${base.slice(0, bodyStart)}    const note = '${'x'.repeat(index + 1)}';\n${base.slice(bodyStart)}`;

  let unsaved = base;
  const host = new OverlayFileSystem(new NodeFileSystem(), (path) => (path === file ? unsaved : undefined));
  const { linter, projects, graphs } = createLinter({ host, settings: withDefaults({}), rules: ALL_RULES });
  linter.lintFile(file, unsaved);
  const parse: number[] = [];
  const lint: number[] = [];
  const lintCpu: number[] = [];
  for (let index = 0; index < SINGLE_FILE_WARM_UPS + SINGLE_FILE_RUNS; index++) {
    unsaved = edit(index);
    const parseTime = time(() => ts.createSourceFile(file, unsaved, ts.ScriptTarget.Latest, false));
    const cpuBefore = cpuMilliseconds();
    const lintTime = time(() => {
      projects.invalidate(file);
      graphs.invalidate(file);
      linter.lintFile(file, unsaved);
    });
    const lintCpuTime = cpuMilliseconds() - cpuBefore;
    if (index >= SINGLE_FILE_WARM_UPS) {
      parse.push(parseTime);
      lint.push(lintTime);
      lintCpu.push(lintCpuTime);
    }
  }
  return { parse, lint, lintCpu };
}

/**
 * Runs the measures in turn within each repetition, so a burst of load from elsewhere on the machine
 * hits all of them rather than skewing one, and the ratios stay meaningful.
 */
function interleavedMedians(runs: number, actions: readonly (() => void)[]): [wall: number[], cpu: number[]] {
  for (let index = 0; index < WARM_UPS; index++) for (const action of actions) action();
  const wall = actions.map((): number[] => []);
  const cpu = actions.map((): number[] => []);
  for (let index = 0; index < runs; index++) {
    actions.forEach((action, which) => {
      const cpuBefore = cpuMilliseconds();
      wall[which].push(time(action));
      cpu[which].push(cpuMilliseconds() - cpuBefore);
    });
  }
  return [wall.map((list) => percentile(list, 50)), cpu.map((list) => percentile(list, 50))];
}

/** User + system CPU time of this process (all its threads, the garbage collector's included). */
function cpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function time(action: () => void): number {
  const started = performance.now();
  action();
  return performance.now() - started;
}

/** Nearest-rank percentile. */
function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value: number): string => `${value.toFixed(value < 100 ? 2 : 0)} ms`;
const ratio = (value: number): string => `${value.toFixed(2)}×`;
const verdict = (met: boolean, target: string): string => `${target} ${met ? '✔ met' : '✖ missed'}`;

function table(rows: string[][]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) {
    log(`  ${row.map((cell, column) => (column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('   ')}`.trimEnd());
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

main();
