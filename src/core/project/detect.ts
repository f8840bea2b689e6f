import type { FileSystemHost } from '../model/file-system';
import { basename, dirname, extname, joinPath } from '../model/paths';
import type { Framework } from '../model/rule-meta';
import type { ModuleSystem, PackageManager, ProjectInfo, TestRunner } from './project-info';

/** The parts of a package.json detection reads, with every wrongly-typed field dropped. */
interface Manifest {
  type?: string;
  packageManager?: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  scripts: Record<string, string>;
}

type DependencyKind = 'dependencies' | 'peerDependencies' | 'devDependencies';

interface ResolvedPackage {
  kind: DependencyKind;
  major?: number;
  source: 'installed' | 'declared';
}

const EMPTY_MANIFEST: Manifest = { dependencies: {}, devDependencies: {}, peerDependencies: {}, scripts: {} };

/** Runtime dependencies say more about what a package *is* than peers, and peers more than dev tools. */
const KIND_RANK: Record<DependencyKind, number> = { dependencies: 3, peerDependencies: 2, devDependencies: 1 };

const FRAMEWORKS: readonly Framework[] = ['express', 'fastify'];

const RUNNER_BINARIES: Record<string, TestRunner> = {
  vitest: 'vitest',
  jest: 'jest',
  mocha: 'mocha',
  _mocha: 'mocha',
  'ts-mocha': 'mocha',
  tap: 'tap',
  tapjs: 'tap',
  ava: 'ava',
};

/** When scripts say nothing, the first of these found among the dependencies is the runner. */
const RUNNER_PACKAGES: readonly TestRunner[] = ['vitest', 'jest', 'mocha', 'ava', 'tap'];

/** Within one directory, the lockfile of the tool a project migrated *to* usually sits next to a stale npm one. */
const LOCKFILES: readonly [string, PackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['yarn.lock', 'yarn'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

const PROJECT_FILES = new Set(['package.json', 'tsconfig.json', ...LOCKFILES.map(([name]) => name)]);

/** Uncached detection for the package owning `filePath` (a file path; it need not exist). */
export function detectProject(filePath: string, host: FileSystemHost, sampleImports?: readonly string[]): ProjectInfo {
  return new ProjectDetector(host).detect(filePath, sampleImports);
}

/** Applies a file's own extension, which overrides the package `type` for Node and TypeScript alike. */
export function moduleSystemOfFile(filePath: string, project: Pick<ProjectInfo, 'moduleSystem'>): ModuleSystem {
  switch (extname(filePath).toLowerCase()) {
    case '.mjs':
    case '.mts':
      return 'esm';
    case '.cjs':
    case '.cts':
      return 'cjs';
    default:
      return project.moduleSystem;
  }
}

/**
 * Detection cached per package root. Callers invalidate when a package.json, lockfile, tsconfig or
 * anything under node_modules changes; everything else cannot change the answer.
 */
export class ProjectDetector {
  private readonly projects = new Map<string, ProjectInfo>();
  private readonly roots = new Map<string, string>();

  constructor(private readonly host: FileSystemHost) {}

  /**
   * `sampleImports` are module specifiers seen in the project's files; they only steer `zodImport`
   * and are not cached, since different callers sample differently.
   */
  detect(filePath: string, sampleImports?: readonly string[]): ProjectInfo {
    const root = this.rootOf(filePath);
    let info = this.projects.get(root);
    if (!info) {
      info = analyse(root, this.host);
      this.projects.set(root, info);
    }
    if (sampleImports?.includes('zod/v4')) return { ...info, zodImport: 'zod/v4' };
    return info;
  }

  /** Directory of the nearest package.json above `filePath`, or the file's directory when there is none. */
  rootOf(filePath: string): string {
    const start = dirname(filePath);
    let root = this.roots.get(start);
    if (root === undefined) {
      root = findPackageRoot(start, this.host) ?? start;
      this.roots.set(start, root);
    }
    return root;
  }

  /** Forgets what `path` could have changed: everything at or below the directory it affects, or everything. */
  invalidate(path?: string): void {
    if (path === undefined) {
      this.projects.clear();
      this.roots.clear();
      return;
    }
    const scope = this.invalidationScope(path);
    for (const cache of [this.projects, this.roots]) {
      for (const key of [...cache.keys()]) {
        if (isWithin(key, scope)) cache.delete(key);
      }
    }
  }

  private invalidationScope(path: string): string {
    // An installed package is seen by every package below the node_modules that holds it.
    const nodeModules = path.indexOf('/node_modules');
    if (nodeModules >= 0) return path.slice(0, nodeModules) || '/';
    if (PROJECT_FILES.has(basename(path))) return dirname(path);
    return this.host.directoryExists(path) ? path : dirname(path);
  }
}

function analyse(root: string, host: FileSystemHost): ProjectInfo {
  const packageJsonPath = joinPath(root, 'package.json');
  const text = host.readFile(packageJsonPath);
  const manifest = text === undefined ? EMPTY_MANIFEST : parseManifest(text);
  const dependencies = { ...manifest.devDependencies, ...manifest.dependencies };

  const info: ProjectInfo = {
    root,
    frameworkVersionSource: 'none',
    moduleSystem: manifest.type === 'module' ? 'esm' : 'cjs',
    typescript: declaredKind('typescript', manifest) !== undefined || host.fileExists(joinPath(root, 'tsconfig.json')),
    zodImport: 'zod',
    packageManager: detectPackageManager(root, manifest, host),
    dependencies,
  };
  if (text !== undefined) info.packageJsonPath = packageJsonPath;

  const framework = detectFramework(root, manifest, host);
  if (framework) {
    info.framework = framework.name;
    info.frameworkMajor = framework.major;
    info.frameworkVersionSource = framework.source;
  }
  const zod = resolvePackage('zod', root, manifest, host);
  if (zod?.major !== undefined) info.zodMajor = zod.major;
  const testRunner = detectTestRunner(manifest);
  if (testRunner) info.testRunner = testRunner;
  return info;
}

function findPackageRoot(start: string, host: FileSystemHost): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (host.fileExists(joinPath(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function isWithin(path: string, scope: string): boolean {
  return path === scope || path.startsWith(scope.endsWith('/') ? scope : `${scope}/`);
}

// ---- package.json -------------------------------------------------------------------------

/** A package.json being edited is often invalid for a moment; it then simply tells us nothing. */
function parseManifest(text: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return EMPTY_MANIFEST;
  }
  if (!isRecord(value)) return EMPTY_MANIFEST;
  return {
    type: typeof value.type === 'string' ? value.type : undefined,
    packageManager: typeof value.packageManager === 'string' ? value.packageManager : undefined,
    dependencies: stringRecord(value.dependencies),
    devDependencies: stringRecord(value.devDependencies),
    peerDependencies: stringRecord(value.peerDependencies),
    scripts: stringRecord(value.scripts),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') result[key] = entry;
  }
  return result;
}

function declaredKind(name: string, manifest: Manifest): DependencyKind | undefined {
  if (name in manifest.dependencies) return 'dependencies';
  if (name in manifest.peerDependencies) return 'peerDependencies';
  if (name in manifest.devDependencies) return 'devDependencies';
  return undefined;
}

// ---- versions -----------------------------------------------------------------------------

/**
 * A package counts only when the manifest declares it: node_modules also holds hoisted transitive
 * packages (webpack-dev-server brings express) that say nothing about this project. The installed
 * copy, when there is one, then gives the version, because that is what actually runs.
 */
function resolvePackage(name: string, root: string, manifest: Manifest, host: FileSystemHost): ResolvedPackage | undefined {
  const kind = declaredKind(name, manifest);
  if (!kind) return undefined;
  const installed = installedMajor(name, root, host);
  if (installed !== undefined) return { kind, major: installed, source: 'installed' };
  return { kind, major: majorFromRange(manifest[kind][name]), source: 'declared' };
}

/** Walks up like Node's resolution; the first package.json found decides, even if its version is unreadable. */
function installedMajor(name: string, root: string, host: FileSystemHost): number | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const text = host.readFile(joinPath(dir, 'node_modules', name, 'package.json'));
      if (text !== undefined) return majorFromVersion(versionOf(text));
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function versionOf(packageJsonText: string): string | undefined {
  try {
    const value: unknown = JSON.parse(packageJsonText.replace(/^\uFEFF/, ''));
    return isRecord(value) && typeof value.version === 'string' ? value.version : undefined;
  } catch {
    return undefined;
  }
}

export function majorFromVersion(version: string | undefined): number | undefined {
  const match = version === undefined ? null : /^\s*v?(\d+)(?:\.|\s*$)/.exec(version);
  return match ? Number(match[1]) : undefined;
}

const COMPARATOR = /^(<=|>=|<|>|=|\^|~>?)?v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+][0-9A-Za-z.+-]*)?$/;

/**
 * The lowest major a semver range admits (`^4.18.2` → 4, `>=4 <6` → 4, `4 || 5` → 4), or undefined
 * when it has no lower bound or is not a version range at all (dist-tags, `*`, workspace, git, file).
 */
export function majorFromRange(range: string | undefined): number | undefined {
  if (range === undefined) return undefined;
  let text = range.trim();
  if (text.startsWith('npm:')) {
    // An alias (`npm:express@^5`) carries its range after the last `@`; a scoped name has one more `@`.
    const at = text.lastIndexOf('@');
    if (at <= 'npm:'.length) return undefined;
    text = text.slice(at + 1).trim();
  }
  if (text === '' || /[:/#]/.test(text)) return undefined;
  let lowest: number | undefined;
  for (const set of text.split('||')) {
    const major = lowerMajorOfSet(set.trim());
    if (major === null) return undefined;
    if (major !== undefined && (lowest === undefined || major < lowest)) lowest = major;
  }
  return lowest;
}

/** `null` when the set is not a semver range; `undefined` when it has no lower bound. */
function lowerMajorOfSet(set: string): number | undefined | null {
  const hyphen = /^(\S+)\s+-\s+\S+$/.exec(set);
  const comparators = hyphen ? [hyphen[1]] : set.replace(/(<=|>=|<|>|=|\^|~>?)\s+/g, '$1').split(/\s+/);
  let lower: number | undefined;
  for (const comparator of comparators) {
    const match = COMPARATOR.exec(comparator);
    if (!match) return null;
    const [, operator = '', majorText, minorText] = match;
    if (operator.startsWith('<') || !/^\d+$/.test(majorText)) continue;
    const major = Number(majorText);
    // `>4` means above every 4.x; `>4.1` still admits 4.2.
    const bound = operator === '>' && (minorText === undefined || !/^\d+$/.test(minorText)) ? major + 1 : major;
    // Comparators in one set intersect, so the tightest lower bound wins.
    if (lower === undefined || bound > lower) lower = bound;
  }
  return lower;
}

// ---- framework ----------------------------------------------------------------------------

interface DetectedFramework {
  name: Framework;
  major?: number;
  source: 'installed' | 'declared';
}

function detectFramework(root: string, manifest: Manifest, host: FileSystemHost): DetectedFramework | undefined {
  const candidates = FRAMEWORKS.flatMap((name) => {
    const resolved = resolvePackage(name, root, manifest, host);
    return resolved ? [{ name, ...resolved }] : [];
  });
  // With @fastify/express, express is a compatibility layer inside a Fastify app.
  const preferFastify = '@fastify/express' in manifest.dependencies;
  candidates.sort(
    (a, b) =>
      KIND_RANK[b.kind] - KIND_RANK[a.kind] ||
      Number(b.source === 'installed') - Number(a.source === 'installed') ||
      (preferFastify ? Number(b.name === 'fastify') - Number(a.name === 'fastify') : 0),
  );
  const best = candidates[0];
  if (!best) return undefined;
  return best.major === undefined ? { name: best.name, source: best.source } : { name: best.name, major: best.major, source: best.source };
}

// ---- test runner --------------------------------------------------------------------------

function detectTestRunner(manifest: Manifest): TestRunner | undefined {
  const fromScripts = runnerOfScript('test', manifest.scripts, new Set());
  if (fromScripts) return fromScripts;
  for (const runner of RUNNER_PACKAGES) {
    if (runner in manifest.devDependencies || runner in manifest.dependencies) return runner;
  }
  return undefined;
}

/** Reads a script command by command, following `npm run other` so `test: "npm run test:unit"` still tells. */
function runnerOfScript(name: string, scripts: Record<string, string>, seen: Set<string>): TestRunner | undefined {
  const script = scripts[name];
  if (script === undefined || seen.has(name)) return undefined;
  seen.add(name);
  for (const command of script.split(/&&|\|\||[;|]/)) {
    const tokens = command
      .trim()
      .split(/\s+/)
      .map((token) => token.replace(/^['"]+|['"]+$/g, ''))
      .filter(Boolean);
    const runner = runnerOfTokens(tokens) ?? runnerOfTokens(tokens.map((token) => basename(token)));
    if (runner) return runner;
    const target = scriptTarget(tokens, scripts);
    const followed = target === undefined ? undefined : runnerOfScript(target, scripts, seen);
    if (followed) return followed;
  }
  return undefined;
}

function runnerOfTokens(tokens: string[]): TestRunner | undefined {
  for (const token of tokens) {
    const runner = RUNNER_BINARIES[token];
    if (runner) return runner;
  }
  const nodeLike = tokens.some((token) => token === 'node' || token === 'tsx');
  return nodeLike && tokens.includes('--test') ? 'node' : undefined;
}

/** The script named by `npm run x`, `pnpm x`, `yarn run x`, `bun run x`. */
function scriptTarget(tokens: string[], scripts: Record<string, string>): string | undefined {
  const [tool, first, second] = tokens;
  if (tool !== 'npm' && tool !== 'pnpm' && tool !== 'yarn' && tool !== 'bun') return undefined;
  if (first === 'run' || first === 'run-script') return second;
  if (first === 'test' || first === 't') return undefined;
  return (tool === 'pnpm' || tool === 'yarn') && first !== undefined && first in scripts ? first : undefined;
}

// ---- package manager ----------------------------------------------------------------------

/**
 * The nearest directory with a signal decides: a workspace package usually has neither field nor
 * lockfile, its monorepo root has both. The search stops at the repository root.
 */
function detectPackageManager(root: string, manifest: Manifest, host: FileSystemHost): PackageManager {
  for (let dir = root; ; dir = dirname(dir)) {
    const field = dir === root ? manifest.packageManager : readPackageManagerField(dir, host);
    const fromField = packageManagerOfField(field);
    if (fromField) return fromField;
    for (const [lockfile, manager] of LOCKFILES) {
      if (host.fileExists(joinPath(dir, lockfile))) return manager;
    }
    const gitMarker = joinPath(dir, '.git');
    if (host.fileExists(gitMarker) || host.directoryExists(gitMarker)) return 'npm';
    if (dirname(dir) === dir) return 'npm';
  }
}

function readPackageManagerField(dir: string, host: FileSystemHost): string | undefined {
  const text = host.readFile(joinPath(dir, 'package.json'));
  return text === undefined ? undefined : parseManifest(text).packageManager;
}

function packageManagerOfField(field: string | undefined): PackageManager | undefined {
  const match = field === undefined ? null : /^\s*(npm|pnpm|yarn|bun)(?:@|\s*$)/.exec(field);
  return match ? (match[1] as PackageManager) : undefined;
}
