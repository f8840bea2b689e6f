import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from './main';
import { captureIo, removeTempProject } from './test-support';
import { RecordingFileSystem, StaleFileError, writeChanges } from './write-changes';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures/projects');

/** A throw-away copy of a fixture project (its node_modules stubs included: they tell the framework major). */
function copyFixture(name: string): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `routewise-add-${name}-`)));
  fs.cpSync(path.join(FIXTURES, name), root, { recursive: true });
  return root;
}

/** Every file under a folder, relative path → content. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
  }
  return files;
}

function run(cwd: string, ...argv: string[]): { code: number; out: string; err: string } {
  const io = captureIo();
  const code = main(['add', ...argv], cwd, io);
  return { code, out: io.out(), err: io.err() };
}

describe('routewise add', function () {
  // Each run loads ts-morph and parses the project.
  this.timeout(60000);
  const roots: string[] = [];
  const fixture = (name: string): string => {
    const root = copyFixture(name);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach(removeTempProject));

  describe('help', () => {
    it('add --help lists the generators with their descriptions, in palette order, exit 0', () => {
      const { code, out, err } = run(os.tmpdir(), '--help');
      assert.equal(code, 0);
      assert.equal(err, '');
      assert.match(out, /^Usage: routewise add GENERATOR/);
      const ids = [...out.matchAll(/^ {2}([a-z-]+) {2,}\S/gm)].map((match) => match[1]);
      assert.deepEqual(ids, ['project', 'resource', 'router', 'route', 'validation', 'auth', 'error-handler', 'middleware', 'health', 'config', 'tests']);
      assert.match(out, /^ {2}error-handler +Error classes, a structured error body/m);
      assert.doesNotMatch(out, /move-secret-to-config/, 'quick-fix generators are not listed');
    });

    it('add without a generator prints the list on stderr, exit 2', () => {
      const { code, out, err } = run(os.tmpdir());
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.match(err, /^Usage: routewise add GENERATOR/);
    });

    it('add GENERATOR --help lists its options with defaults', () => {
      const { code, out } = run(os.tmpdir(), 'resource', '--help');
      assert.equal(code, 0);
      assert.match(out, /^ {2}--name <value>\n {6}Singular resource name, e\.g\. product or orderItem \(required\)$/m);
      assert.match(out, /^ {2}--id-type <uuid\|number>\n.*\(default: "uuid"\)$/m);
      assert.match(out, /^ {2}--put\n.*\(default: false\)$/m);
    });

    it('an unknown generator or option is a usage error, exit 2', () => {
      const unknown = run(os.tmpdir(), 'controller');
      assert.equal(unknown.code, 2);
      assert.match(unknown.err, /Unknown generator "controller"\. Available: project, resource, /);
      const option = run(os.tmpdir(), 'health', '--route', '/x');
      assert.equal(option.code, 2);
      assert.match(option.err, /Unknown option --route for health; its options are --path, --test/);
      const value = run(os.tmpdir(), 'health', '--test', 'maybe');
      assert.equal(value.code, 2);
    });
  });

  describe('writing', () => {
    it('applies a generator to the project: files on disk, a summary, notes (express4-cjs-ts, error-handler)', () => {
      const root = fixture('express4-cjs-ts');
      const before = snapshot(root);
      const { code, out, err } = run(root, 'error-handler');
      assert.equal(err, '');
      assert.equal(code, 0);
      const summary = out.split('\n\n')[0].split('\n');
      for (const line of ['edited  src/app.ts', 'created src/errors.ts', 'created src/middleware/error-handler.ts']) assert.ok(summary.includes(line), `${line} in\n${out}`);
      assert.deepEqual([...summary].sort(bySummaryPath), summary, 'sorted by path');
      assert.match(out, /\nNotes:\n {2}- src\/app\.ts already answers unknown routes/);
      const after = snapshot(root);
      assert.match(after.get('src/app.ts') ?? '', /import \{ errorHandler \} from '\.\/middleware\/error-handler';\n/);
      assert.match(after.get('src/app.ts') ?? '', /\}\);\napp\.use\(errorHandler\);\n\nexport default app;\n$/);
      assert.match(after.get('src/errors.ts') ?? '', /export class NotFoundError extends HttpError/);
      // Nothing else moved.
      for (const [file, content] of before) {
        if (!['src/app.ts', 'package.json'].includes(file)) assert.equal(after.get(file), content, file);
      }
      // A second run has nothing left to do.
      const again = run(root, 'error-handler');
      assert.equal(again.code, 0);
      assert.match(again.out, /^Nothing to change: the project already has what error-handler adds\.\n/);
      assert.deepEqual(snapshot(root), after);
    });

    it('coerces --key=value and bare boolean flags by the schema, runs in --cwd, and names the package manager (fastify5-esm-ts: pnpm)', () => {
      const root = fixture('fastify5-esm-ts');
      const { code, out, err } = run(path.dirname(root), '--cwd', path.basename(root), 'middleware', '--kinds=compression', '--dry-run');
      assert.equal(err, '');
      assert.equal(code, 0);
      // Paths and the install hint are relative to where the command was started.
      assert.match(out, new RegExp(`\\nWould add to package\\.json: @fastify/compress@\\^8\\.\\d+\\.\\d+\\nThen run \`cd ${path.basename(root)} && pnpm install\` to install it\\.\\n$`));
      assert.match(out, new RegExp(`^edit {3}${path.basename(root)}/src/app\\.ts$`, 'm'));
      const health = run(root, 'health', '--path=/status', '--test');
      assert.equal(health.code, 0, health.err);
      assert.match(fs.readFileSync(path.join(root, 'src/app.ts'), 'utf8'), /healthRoutes, \{ prefix: '\/status' \}/);
    });

    it('creates a new project in a sub-folder and says where to install', () => {
      const parent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'routewise-add-project-')));
      roots.push(parent);
      const { code, out, err } = run(parent, 'project', '--name', 'orders-api', '--framework', 'fastify', '--major', '5', '--directory', 'orders-api');
      assert.equal(err, '');
      assert.equal(code, 0);
      const manifest = JSON.parse(fs.readFileSync(path.join(parent, 'orders-api/package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
      assert.equal(manifest.name, 'orders-api');
      assert.match(manifest.dependencies.fastify, /^\^5\./);
      assert.ok(fs.existsSync(path.join(parent, 'orders-api/src/app.ts')));
      assert.match(out, /\nRun `cd orders-api && npm install` to install them\.\n$/);
    });
  });

  describe('--dry-run', () => {
    it('prints created files with line counts and edits as hunks, and writes nothing', () => {
      const root = fixture('express4-cjs-ts');
      const before = snapshot(root);
      const { code, out, err } = run(root, 'error-handler', '--dry-run');
      assert.equal(err, '');
      assert.equal(code, 0);
      assert.deepEqual(snapshot(root), before);
      const errorsLines = (out.match(/^create src\/errors\.ts \((\d+) lines\)$/m) ?? [])[1];
      assert.ok(errorsLines && Number(errorsLines) > 20, out);
      assert.ok(
        out.includes(
          [
            'edit   src/app.ts',
            '  @@ -5,5 +5,6 @@',
            "   import { ordersRouter } from './routes/orders';",
            "   import { usersRouter } from './routes/users';",
            "  +import { errorHandler } from './middleware/error-handler';",
            '   ',
            '   const app = express();',
            '   ',
            '  @@ -23,4 +24,5 @@',
            "     res.status(404).json({ error: 'Not found' });",
            '   });',
            '  +app.use(errorHandler);',
            '   ',
            '   export default app;',
          ].join('\n'),
        ),
        out,
      );
    });
  });

  describe('refusals leave everything untouched', () => {
    it('a JavaScript project: exit 2, the reason on stderr, no file changed', () => {
      const root = fixture('express-js');
      const before = snapshot(root);
      const { code, out, err } = run(root, 'error-handler');
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.match(err, /^routewise add error-handler: Scaffolding writes TypeScript; .* is a JavaScript project/);
      assert.deepEqual(snapshot(root), before);
    });

    it('invalid option values: exit 2 with the generator\'s own message, no file changed', () => {
      const root = fixture('express5-esm-ts');
      const before = snapshot(root);
      const { code, err } = run(root, 'resource', '--name', 'product', '--fields', 'title:strin price:number?');
      assert.equal(code, 2);
      assert.match(err, /--fields: Unknown type "strin" for field "title" \(column 7\).*Did you mean "string"\?/);
      assert.deepEqual(snapshot(root), before);
    });

    it('a file that does not parse: refused, no file changed', () => {
      const root = fixture('express5-esm-ts');
      fs.appendFileSync(path.join(root, 'src/app.ts'), '\napp.use((req, res => {\n');
      const before = snapshot(root);
      const { code, err } = run(root, 'error-handler');
      assert.equal(code, 2);
      assert.match(err, /^routewise add error-handler: /);
      assert.deepEqual(snapshot(root), before);
    });

    it('a file changed on disk between generating and writing: nothing is written', () => {
      const root = fixture('express4-cjs-ts');
      const files = new RecordingFileSystem();
      const app = path.join(root, 'src/app.ts').split(path.sep).join('/');
      const original = files.readFile(app)!;
      fs.writeFileSync(app, `${original}// edited meanwhile\n`);
      const created = path.join(root, 'src/new.ts').split(path.sep).join('/');
      assert.throws(
        () => writeChanges([{ kind: 'create', path: created, content: 'export {};\n' }, { kind: 'edit', path: app, edits: [{ start: 0, end: 0, newText: '// x\n' }] }], files),
        (error: unknown) => error instanceof StaleFileError && /src\/app\.ts changed while the generator ran; nothing was written/.test(error.message),
      );
      assert.equal(fs.existsSync(created), false);
      assert.equal(fs.readFileSync(app, 'utf8'), `${original}// edited meanwhile\n`);
    });
  });
});

/** The summary's order: by path, as the command sorts it. */
function bySummaryPath(a: string, b: string): number {
  return a.slice(8).localeCompare(b.slice(8));
}
