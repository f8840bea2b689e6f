import assert from 'node:assert/strict';
import ts from 'typescript';
import { parseSource } from '../../lint/parse';
import { ModuleSummary } from './module-summary';

function summary(text: string): ModuleSummary {
  return new ModuleSummary('/project/src/module.js', parseSource('/project/src/module.js', text));
}

describe('module summary: which modules may register routes', () => {
  it('counts a route table registered through its method field', () => {
    const module = summary(`routes.forEach((route) => router[route.method](route.path, ...route.middlewares, route.handler));`);
    assert.equal(module.mayRegister, true);
  });

  it('does not count a computed call of another kind (a logger picking its console method)', () => {
    const module = summary(`
class Logger {
  log(level, ...args) {
    const consoleMethod = level === 'error' ? 'error' : 'log';
    console[consoleMethod](\`[\${level}]\`, ...args);
  }
}
module.exports = new Logger();
`);
    assert.equal(module.mayRegister, false);
    const logger = module.sourceFile.statements[0] as ts.ClassDeclaration;
    const log = logger.members.find(ts.isMethodDeclaration);
    assert.ok(log);
    assert.equal(module.container(log).registers, false);
  });
});
