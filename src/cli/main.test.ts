import assert from 'node:assert/strict';
import { main } from './main';
import { captureIo, makeTempProject, removeTempProject } from './test-support';
import { ROUTEWISE_VERSION } from './version';

describe('routewise (dispatch)', () => {
  let root: string;
  before(() => {
    root = makeTempProject({ 'src/app.ts': "export const greeting = 'hello';\n" });
  });
  after(() => removeTempProject(root));

  const run = (...argv: string[]) => {
    const io = captureIo();
    const code = main(argv, root, io);
    return { code, out: io.out(), err: io.err() };
  };

  it('prints usage on --help and -h, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = run(flag);
      assert.equal(code, 0);
      assert.match(out, /^Usage: routewise <command>/);
      assert.match(out, /lint \[paths…\] \[--format stylish\|json\|sarif\] \[--rule ID\]…/);
      assert.equal(err, '');
    }
  });

  it('prints the manifest version on --version and -v', () => {
    assert.match(ROUTEWISE_VERSION, /^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-v']) assert.deepEqual(run(flag), { code: 0, out: `${ROUTEWISE_VERSION}\n`, err: '' });
  });

  it('prints usage on stderr and exits 2 without a command', () => {
    const { code, out, err } = run();
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^Usage: routewise/);
  });

  it('rejects an unknown command', () => {
    const { code, err } = run('lnit');
    assert.equal(code, 2);
    assert.equal(err, 'routewise: Unknown command "lnit"\nRun "routewise --help" for usage.\n');
  });

  it('dispatches add to the generators: a refusal is exit 2 with the message on stderr', () => {
    const { code, out, err } = run('add', 'resource', '--name', 'orders');
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^routewise add resource: Invalid options for resource: --fields/);
  });

  it('runs lint with the real rules', () => {
    const { code, out, err } = run('lint', '--format', 'json');
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), { version: 1, findings: [], stats: { files: 1, ms: (JSON.parse(out) as { stats: { ms: number } }).stats.ms } });
  });

  it('turns lint usage errors into exit 2 with the message on stderr and nothing on stdout', () => {
    for (const [args, message] of [
      [['--rule', 'no-such-rule'], /^routewise: Unknown rule "no-such-rule"; known rules: [a-z-]+(, [a-z-]+)*\n/],
      [['missing/dir'], /^routewise: No such file or directory: missing\/dir\n/],
      [['--format', 'xml'], /^routewise: Unknown format "xml"/],
      [['--bogus'], /^routewise: Unknown option '--bogus'/],
    ] as const) {
      const { code, out, err } = run('lint', ...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '');
      assert.match(err, message);
    }
  });

  it('delegates routes, with its usage errors as exit 2', () => {
    const help = run('routes', '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: routewise routes/);
    const wrong = run('routes', '--format', 'xml');
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /^routewise: Unknown format "xml"/);
  });

  it('turns a bad .routewiserc.json into exit 2', () => {
    const project = makeTempProject({ '.routewiserc.json': '{"rules": {"hardcoded-secret": "loud"}}', 'a.ts': '' });
    try {
      const io = captureIo();
      assert.equal(main(['lint'], project, io), 2);
      assert.match(io.err(), /^routewise: Invalid .*\.routewiserc\.json:\n {2}- rules\.hardcoded-secret: Invalid option/);
    } finally {
      removeTempProject(project);
    }
  });
});
