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

  const run = async (...argv: string[]) => {
    const io = captureIo();
    const code = await main(argv, root, io);
    return { code, out: io.out(), err: io.err() };
  };

  it('prints usage on --help and -h, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await run(flag);
      assert.equal(code, 0);
      assert.match(out, /^Usage: routewise <command>/);
      assert.match(out, /lint \[paths…\] \[--format stylish\|json\|sarif\] \[--rule ID\]…/);
      assert.equal(err, '');
    }
  });

  it('prints the manifest version on --version and -v', async () => {
    assert.match(ROUTEWISE_VERSION, /^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-v']) assert.deepEqual(await run(flag), { code: 0, out: `${ROUTEWISE_VERSION}\n`, err: '' });
  });

  it('prints usage on stderr and exits 2 without a command', async () => {
    const { code, out, err } = await run();
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^Usage: routewise/);
  });

  it('rejects an unknown command', async () => {
    const { code, err } = await run('lnit');
    assert.equal(code, 2);
    assert.equal(err, 'routewise: Unknown command "lnit"\nRun "routewise --help" for usage.\n');
  });

  it('says that add is not available yet, exit 2', async () => {
    const { code, out, err } = await run('add', 'resource', '--name', 'orders');
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /"add" is not available yet/);
  });

  it('runs lint with the real rules', async () => {
    const { code, out, err } = await run('lint', '--format', 'json');
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), { version: 1, findings: [], stats: { files: 1, ms: (JSON.parse(out) as { stats: { ms: number } }).stats.ms } });
  });

  it('turns lint usage errors into exit 2 with the message on stderr and nothing on stdout', async () => {
    for (const [args, message] of [
      [['--rule', 'no-such-rule'], /^routewise: Unknown rule "no-such-rule"; known rules: [a-z-]+(, [a-z-]+)*\n/],
      [['missing/dir'], /^routewise: No such file or directory: missing\/dir\n/],
      [['--format', 'xml'], /^routewise: Unknown format "xml"/],
      [['--bogus'], /^routewise: Unknown option '--bogus'/],
    ] as const) {
      const { code, out, err } = await run('lint', ...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '');
      assert.match(err, message);
    }
  });

  it('turns a bad .routewiserc.json into exit 2', async () => {
    const project = makeTempProject({ '.routewiserc.json': '{"rules": {"hardcoded-secret": "loud"}}', 'a.ts': '' });
    try {
      const io = captureIo();
      assert.equal(await main(['lint'], project, io), 2);
      assert.match(io.err(), /^routewise: Invalid .*\.routewiserc\.json:\n {2}- rules\.hardcoded-secret: Invalid option/);
    } finally {
      removeTempProject(project);
    }
  });
});
