// The scaffolding commands' logic that needs no VS Code (questions, input checks, options, the
// file to open, the install offer), over the real generators' option schemas.
import assert from 'node:assert/strict';
import type { OptionSchema } from '../core/generator-options/describe';
import type { GraphRoute } from '../core/project/route-graph-types';
import { checkFields, generatorById } from '../core/scaffold/index';
import { SCAFFOLD_COMMANDS, optionsFromAnswers, optionsOf, questionFor, questionsFor, textProblem, type ScaffoldCommand } from './scaffold-plan';
import { installOffer, mainFileOf, orderProjects, routerChoices } from './scaffold-results';

function commandFor(generatorId: string): { command: ScaffoldCommand; schema: OptionSchema } {
  const command = SCAFFOLD_COMMANDS.find((candidate) => candidate.generatorId === generatorId)!;
  return { command, schema: generatorById(generatorId)!.meta.options };
}

/** What the input box shows for `input` as the answer to `key`. */
function problem(generatorId: string, key: string, input: string, answers: Record<string, unknown> = {}): string | undefined {
  const { command, schema } = commandFor(generatorId);
  return textProblem(command, schema, optionsOf(schema).get(key)!, input, answers, checkFields);
}

describe('scaffolding commands (logic)', () => {
  it('has the nine palette commands, each on an existing generator and asking only its options', () => {
    assert.deepEqual(
      SCAFFOLD_COMMANDS.map((command) => command.title),
      ['Add Resource…', 'Add Route…', 'Add Auth…', 'Add Error Handler', 'Add Middleware…', 'Add Health Check', 'Add Config', 'Generate Tests for Router…', 'New Project…'],
    );
    for (const command of SCAFFOLD_COMMANDS) {
      const generator = generatorById(command.generatorId);
      assert.ok(generator, command.generatorId);
      const keys = [...optionsOf(generator.meta.options).keys()];
      for (const key of [...command.ask, ...(command.toggles ?? [])]) assert.ok(keys.includes(key), `${command.generatorId}.${key}`);
      // A title ending in … asks something; one without asks nothing.
      assert.equal(command.title.endsWith('…'), command.ask.length > 0 || (command.toggles ?? []).length > 0, command.title);
    }
  });

  it('asks Add Resource… as name, fields, id type (default first), prefix (prefilled), then the yes/no switches', () => {
    const { command, schema } = commandFor('resource');
    const questions = questionsFor(command, schema);
    assert.deepEqual(
      questions.map((question) => (question.kind === 'toggles' ? `toggles:${question.items.map((item) => `${item.option.key}=${item.picked}`).join(',')}` : `${question.kind}:${question.option.key}`)),
      ['text:name', 'text:fields', 'pick:idType', 'text:prefix', 'toggles:put=false,tests=true'],
    );
    const idType = questions[2];
    assert.ok(idType.kind === 'pick');
    assert.deepEqual(idType.items.map((item) => [item.label, item.picked]), [['uuid', true], ['number', false]]);
    const prefix = questions[3];
    assert.ok(prefix.kind === 'text');
    assert.equal(prefix.value, '/api/v1');
  });

  describe('checks what the user types', () => {
    it('a field list: the resource parser\'s message, pointing at the column', () => {
      assert.equal(problem('resource', 'fields', 'title:string price:number? tags:string[]', { name: 'product' }), undefined);
      assert.match(problem('resource', 'fields', 'title:strin', { name: 'product' }) ?? '', /^Unknown type "strin" for field "title" \(column 7\).*Did you mean "string"\?$/);
      assert.match(problem('resource', 'fields', 'id:uuid', { name: 'product' }) ?? '', /"id" cannot be a field name: every record gets an id/);
      assert.equal(problem('resource', 'fields', '', { name: 'product' }), 'A value is required');
    });

    it('a resource name: the generator\'s own rules, before the fields are known', () => {
      assert.equal(problem('resource', 'name', 'orderItem'), undefined);
      assert.ok(problem('resource', 'name', '9lives'), 'a name starting with a digit');
      assert.ok(problem('resource', 'name', ''), 'empty');
    });

    it('route fields use the non-resource rules, and cross-field rules see earlier answers', () => {
      assert.equal(problem('route', 'query', 'page:integer? q:string?', { router: 'src/routes/orders.ts', method: 'get', path: '/' }), undefined);
      assert.equal(problem('route', 'query', '', { router: 'src/routes/orders.ts', method: 'get', path: '/' }), undefined, 'optional: empty skips it');
      assert.equal(problem('route', 'params', 'orderId:uuid', { router: 'src/routes/orders.ts', method: 'get', path: '/:id' }), '"orderId" is not a parameter of /:id');
    });

    it('a new project\'s name and folder', () => {
      assert.equal(problem('project', 'name', 'orders-api'), undefined);
      assert.match(problem('project', 'name', 'Orders API') ?? '', /npm package name/);
      assert.match(problem('project', 'directory', '../elsewhere', { name: 'x', framework: 'express' }) ?? '', /a folder inside the current one/);
    });
  });

  it('skips questions that do not apply: no body for a GET route, no param types without parameters', () => {
    const { command, schema } = commandFor('route');
    const options = optionsOf(schema);
    assert.equal(questionFor(command, options, 'body', { method: 'get' }), undefined);
    assert.equal(questionFor(command, options, 'body', { method: 'post' })?.kind, 'text');
    assert.equal(questionFor(command, options, 'params', { method: 'get', path: '/' }), undefined);
    assert.equal(questionFor(command, options, 'params', { method: 'get', path: '/:id' })?.kind, 'text');
    assert.equal(questionFor(command, options, 'router', {})?.kind, 'router');
  });

  it('defaults a new project\'s folder to its name and asks the framework major as a pick of 5 then 4', () => {
    const { command, schema } = commandFor('project');
    const options = optionsOf(schema);
    const directory = questionFor(command, options, 'directory', { name: '@acme/orders-api' });
    assert.ok(directory?.kind === 'text');
    assert.equal(directory.value, 'orders-api');
    const major = questionFor(command, options, 'major', {});
    assert.ok(major?.kind === 'pick');
    assert.deepEqual(major.items.map((item) => item.value), [5, 4]);
  });

  it('turns answers into options: skipped answers keep the generator defaults', () => {
    const options = optionsFromAnswers({ router: 'src/routes/orders.ts', method: 'get', path: '/', query: undefined, protected: true });
    assert.deepEqual(options, { router: 'src/routes/orders.ts', method: 'get', path: '/', protected: true });
    const { schema } = commandFor('route');
    assert.equal(schema.safeParse(options).success, true);
  });

  it('middleware kinds are one multi-select with every kind checked by default', () => {
    const { command, schema } = commandFor('middleware');
    const [kinds] = questionsFor(command, schema);
    assert.ok(kinds.kind === 'pick' && kinds.many);
    assert.ok(kinds.items.length >= 6 && kinds.items.every((item) => item.picked));
  });

  it('offers to install with the project\'s package manager', () => {
    assert.deepEqual(installOffer(3, 'npm'), { message: 'Install 3 dependencies with npm?', command: 'npm install' });
    assert.deepEqual(installOffer(1, 'pnpm'), { message: 'Install 1 dependency with pnpm?', command: 'pnpm install' });
    assert.equal(installOffer(2, 'yarn').command, 'yarn');
    assert.equal(installOffer(2, 'bun').command, 'bun install');
  });

  it('opens the file the generator is about', () => {
    const create = (path: string) => ({ kind: 'create' as const, path, content: '' });
    const edit = (path: string) => ({ kind: 'edit' as const, path, edits: [] });
    assert.equal(mainFileOf('resource', [edit('/p/src/app.ts'), create('/p/src/schemas/product.ts'), create('/p/src/routes/products.ts'), create('/p/test/products.test.ts')]), '/p/src/routes/products.ts');
    assert.equal(mainFileOf('tests', [create('/p/test/orders.test.ts')]), '/p/test/orders.test.ts');
    assert.equal(mainFileOf('error-handler', [edit('/p/src/app.ts'), create('/p/src/errors.ts'), create('/p/src/middleware/error-handler.ts')]), '/p/src/middleware/error-handler.ts');
    assert.equal(mainFileOf('route', [edit('/p/package.json'), edit('/p/src/routes/orders.ts')]), '/p/src/routes/orders.ts');
    assert.equal(mainFileOf('middleware', [edit('/p/package.json'), create('/p/.env.example')]), undefined);
  });

  it('lists routers with their mount prefix, most routes first, and puts the active editor\'s project first', () => {
    const route = (file: string, path: string) => ({ at: { file, start: 0, line: 1, column: 1 }, path }) as GraphRoute;
    assert.deepEqual(
      routerChoices([route('/p/src/routes/orders.ts', '/api/v1/orders'), route('/p/src/routes/orders.ts', '/api/v1/orders/:id'), route('/p/src/app.ts', '/health'), route('/p/test/x.test.ts', '/x')], '/p'),
      [
        { file: 'src/routes/orders.ts', prefix: '/api/v1/orders', routes: 2 },
        { file: 'src/app.ts', prefix: '/health', routes: 1 },
      ],
    );
    assert.deepEqual(orderProjects(['/w/api', '/w/admin', '/w'], '/w/api/src/app.ts'), ['/w/api', '/w', '/w/admin']);
    assert.deepEqual(orderProjects(['/w/b', '/w/a'], undefined), ['/w/a', '/w/b']);
  });
});
