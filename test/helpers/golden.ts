/**
 * Golden tests for generators: `test/golden/<generator>/<case>/{before/, after/, options.json}`.
 *
 * A case runs the generator on `before/` (mounted in memory at `/project`), applies the changes,
 * and compares every file with `after/` byte for byte (line endings included). Then it runs the
 * generator again on the result: a second run must change nothing.
 *
 *   import { describeGoldenCases } from '../helpers/golden';
 *   describeGoldenCases('error-handler');            // one `it` per case folder
 *
 * options.json (every field optional):
 *   {
 *     "description": "what the case shows (becomes the test title)",
 *     "options": { ... },            // generator options
 *     "cwd": "src",                  // where the generator is started, relative to before/ (default: its root)
 *     "installed": { "express": "4.21.2" } | false,
 *                                    // node_modules/<name>/package.json stubs; default: one per dependency in
 *                                    // before/package.json at the floor of its range (node_modules is git-ignored)
 *     "error": "regex",              // the generator must refuse (ScaffoldError whose message matches); no after/
 *     "notes": ["substring", ...],   // each must occur in one of the run's notes
 *     "secondRun": false             // skip the zero-change re-run (only for a case whose point is another)
 *   }
 *
 * Regenerating: `UPDATE_GOLDEN=1 npx mocha <the file calling describeGoldenCases>` rewrites after/ from the
 * generator's output (review the diff!). It never happens implicitly, and never under CI=true.
 *
 * For other in-memory checks, `runGeneratorInMemory(id, files, { options })` runs a generator on a
 * map of relative paths and returns the result and the new files (same mounting and stubs).
 *
 * Golden folders hold files with CRLF or odd styles on purpose: each generator's golden folder
 * carries a `.gitattributes` with `* -text` so git stores them byte for byte.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFileChanges, type FileChange } from '../../src/core/model/edit';
import type { FileSystemHost } from '../../src/core/model/file-system';
import { InMemoryFileSystem } from '../../src/core/model/file-system';
import { ScaffoldError } from '../../src/core/scaffold/errors';
import { runGenerator } from '../../src/core/scaffold/generators/run';
import type { GeneratorResult } from '../../src/core/scaffold/generators/types';
import { NodeFileSystem } from '../../src/host/node-file-system';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const GOLDEN_ROOT = path.join(REPO_ROOT, 'test/golden');
export const TEMPLATES_DIR = path.join(REPO_ROOT, 'templates').split(path.sep).join('/');
/** Where `before/` is mounted in memory. */
export const GOLDEN_PROJECT_ROOT = '/project';

export interface GoldenCaseOptions {
  description?: string;
  options?: Record<string, unknown>;
  cwd?: string;
  installed?: Record<string, string> | false;
  error?: string;
  notes?: string[];
  secondRun?: boolean;
}

export interface GoldenCaseRun {
  /** The case's options.json. */
  spec: GoldenCaseOptions;
  /** First run (undefined when the case expects a refusal). */
  result?: GeneratorResult;
  /** Project files after the first run, relative path → content (stubs excluded). */
  files: Map<string, string>;
}

/** Paths the helper adds (node_modules stubs): never compared, never written to after/. */
const STUB_PREFIX = 'node_modules/';

/** Reads every file under `dir` (relative posix path → exact content). Missing dir → empty. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!fs.existsSync(dir)) return files;
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name !== '.gitkeep') {
        files.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
      }
    }
  };
  walk(dir);
  return files;
}

function readSpec(caseDir: string): GoldenCaseOptions {
  const file = path.join(caseDir, 'options.json');
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as GoldenCaseOptions;
}

/** `^4.21.2` → `4.21.2`; a range without a version (`*`, `latest`, a tag) gets no stub. */
function floorVersion(range: string): string | undefined {
  const match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(range);
  if (!match) return undefined;
  return `${match[1]}.${match[2] ?? '0'}.${match[3] ?? '0'}`;
}

function stubFiles(project: Map<string, string>, installed: GoldenCaseOptions['installed']): Map<string, string> {
  const stubs = new Map<string, string>();
  if (installed === false) return stubs;
  let versions: Record<string, string> = {};
  if (installed) {
    versions = installed;
  } else {
    const manifestText = project.get('package.json');
    if (manifestText) {
      const manifest = JSON.parse(manifestText) as Record<string, Record<string, string> | undefined>;
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
        for (const [name, range] of Object.entries(manifest[field] ?? {})) {
          const version = floorVersion(range);
          if (version) versions[name] = version;
        }
      }
    }
  }
  for (const [name, version] of Object.entries(versions)) {
    stubs.set(`${STUB_PREFIX}${name}/package.json`, JSON.stringify({ name, version }));
  }
  return stubs;
}

/** In-memory project files over the real disk for the templates. */
class GoldenHost implements FileSystemHost {
  private readonly disk = new NodeFileSystem();

  constructor(private readonly memory: InMemoryFileSystem) {}

  private onDisk(p: string): boolean {
    return p === TEMPLATES_DIR || p.startsWith(`${TEMPLATES_DIR}/`);
  }

  readFile(p: string): string | undefined {
    return this.onDisk(p) ? this.disk.readFile(p) : this.memory.readFile(p);
  }

  fileExists(p: string): boolean {
    return this.onDisk(p) ? this.disk.fileExists(p) : this.memory.fileExists(p);
  }

  directoryExists(p: string): boolean {
    if (this.onDisk(p)) return this.disk.directoryExists(p);
    // The project root exists even when before/ is empty (a new project).
    return p === GOLDEN_PROJECT_ROOT || this.memory.directoryExists(p);
  }

  readDirectory(p: string): { files: string[]; directories: string[] } {
    return this.onDisk(p) ? this.disk.readDirectory(p) : this.memory.readDirectory(p);
  }
}

function absolute(files: Map<string, string>): Map<string, string> {
  return new Map([...files].map(([relative, content]) => [`${GOLDEN_PROJECT_ROOT}/${relative}`, content]));
}

function relativeFiles(files: Map<string, string>): Map<string, string> {
  const result = new Map<string, string>();
  for (const [absolutePath, content] of files) {
    const relative = absolutePath.slice(GOLDEN_PROJECT_ROOT.length + 1);
    if (!relative.startsWith(STUB_PREFIX)) result.set(relative, content);
  }
  return result;
}

/** Runs a generator over in-memory project files (relative path → content); returns result + new files. */
export function runGeneratorInMemory(
  generatorId: string,
  project: Map<string, string>,
  { options = {}, cwd = '', installed }: Pick<GoldenCaseOptions, 'options' | 'cwd' | 'installed'> = {},
): { result: GeneratorResult; files: Map<string, string>; changes: FileChange[] } {
  const all = new Map([...absolute(project), ...absolute(stubFiles(project, installed))]);
  const memory = new InMemoryFileSystem(all);
  const result = runGenerator({
    generatorId,
    options,
    cwd: cwd ? `${GOLDEN_PROJECT_ROOT}/${cwd}` : GOLDEN_PROJECT_ROOT,
    host: new GoldenHost(memory),
    templatesDir: TEMPLATES_DIR,
  });
  const after = applyFileChanges(memory.files, result.changes);
  return { result, files: relativeFiles(after), changes: result.changes };
}

function describeChanges(changes: readonly FileChange[]): string {
  return changes.map((change) => `${change.kind} ${change.path}`).join('\n');
}

function writeAfter(caseDir: string, files: Map<string, string>): void {
  const afterDir = path.join(caseDir, 'after');
  fs.rmSync(afterDir, { recursive: true, force: true });
  fs.mkdirSync(afterDir, { recursive: true });
  for (const [relative, content] of files) {
    const target = path.join(afterDir, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
}

/** Whether this run may rewrite after/ folders. */
export function updatingGoldens(): boolean {
  return process.env.UPDATE_GOLDEN === '1' && process.env.CI !== 'true';
}

/**
 * Runs one case folder and asserts it: exact after/ tree (or the expected refusal with nothing
 * changed), expected notes, and a second run with zero changes.
 */
export function runGoldenCase(generatorId: string, caseDir: string): GoldenCaseRun {
  const spec = readSpec(caseDir);
  const before = readTree(path.join(caseDir, 'before'));
  const runOptions = { options: spec.options, cwd: spec.cwd, installed: spec.installed };

  if (spec.error !== undefined) {
    let thrown: unknown;
    try {
      runGeneratorInMemory(generatorId, before, runOptions);
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown !== undefined, `expected ${generatorId} to refuse (${spec.error}), but it succeeded`);
    assert.ok(thrown instanceof ScaffoldError, `expected a ScaffoldError, got: ${thrown instanceof Error ? (thrown.stack ?? thrown.message) : JSON.stringify(thrown)}`);
    assert.match(thrown.message, new RegExp(spec.error));
    // Nothing reaches the files when a generator refuses: changes only exist in the returned result.
    return { spec, files: before };
  }

  const first = runGeneratorInMemory(generatorId, before, runOptions);
  const afterDir = path.join(caseDir, 'after');
  if (updatingGoldens()) writeAfter(caseDir, first.files);

  const expected = readTree(afterDir);
  assert.ok(expected.size > 0 || first.files.size === 0, `${afterDir} is missing: run with UPDATE_GOLDEN=1 to create it, then review it`);
  const actualNames = [...first.files.keys()].sort();
  const expectedNames = [...expected.keys()].sort();
  assert.deepEqual(actualNames, expectedNames, 'the generated tree has other files than after/');
  for (const name of expectedNames) {
    assert.equal(first.files.get(name), expected.get(name), `${name} differs from after/${name}`);
  }

  for (const note of spec.notes ?? []) {
    assert.ok(
      first.result.notes.some((actual) => actual.includes(note)),
      `expected a note containing "${note}"; notes were:\n${first.result.notes.join('\n')}`,
    );
  }

  if (spec.secondRun !== false) {
    const second = runGeneratorInMemory(generatorId, first.files, runOptions);
    assert.deepEqual(second.changes, [], `a second run must change nothing; it changed:\n${describeChanges(second.changes)}`);
  }
  return { spec, result: first.result, files: first.files };
}

/** The case folders of a generator (`test/golden/<generatorId>/*` holding before/, after/ or options.json). */
export function goldenCaseDirs(generatorId: string, root = GOLDEN_ROOT): string[] {
  const dir = path.join(root, generatorId);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(dir, entry.name))
    .filter((caseDir) => ['before', 'after', 'options.json'].some((name) => fs.existsSync(path.join(caseDir, name))))
    .sort();
}

/** Registers one mocha `it` per case folder of the generator. */
export function describeGoldenCases(generatorId: string, { root = GOLDEN_ROOT }: { root?: string } = {}): void {
  describe(`golden: ${generatorId}`, () => {
    const cases = goldenCaseDirs(generatorId, root);
    it('has golden cases', () => {
      assert.ok(cases.length > 0, `no case folders under ${path.join(root, generatorId)}`);
    });
    for (const caseDir of cases) {
      const spec = readSpec(caseDir);
      const title = spec.description ? `${path.basename(caseDir)}: ${spec.description}` : path.basename(caseDir);
      it(title, () => {
        runGoldenCase(generatorId, caseDir);
      });
    }
  });
}
