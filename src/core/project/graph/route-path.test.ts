import assert from 'node:assert/strict';
import { joinRoutePath, pathCovers } from './route-path';

describe('route paths', () => {
  it('joins mount prefixes and route paths like Express and Fastify do', () => {
    assert.equal(joinRoutePath('/api', '/'), '/api');
    assert.equal(joinRoutePath('/api/', '/users/'), '/api/users');
    assert.equal(joinRoutePath(undefined, '/'), '/');
    assert.equal(joinRoutePath('', ''), '/');
    assert.equal(joinRoutePath('/v1', 'users'), '/v1/users');
    assert.equal(joinRoutePath('legacy', '/ping'), '/legacy/ping');
    assert.equal(joinRoutePath(undefined, '*'), '*');
    assert.equal(joinRoutePath('/api', '*'), '/api/*');
    assert.equal(joinRoutePath('{config.prefix}', '/users'), '{config.prefix}/users');
  });

  it('decides which routes path-scoped middleware runs for, by whole segments', () => {
    assert.equal(pathCovers(undefined, '/x'), true);
    assert.equal(pathCovers('/', '/x'), true);
    assert.equal(pathCovers('/auth', '/auth/login'), true);
    assert.equal(pathCovers('/auth', '/auth'), true);
    assert.equal(pathCovers('/auth', '/authors'), false);
    assert.equal(pathCovers('/users/:id', '/users/42/posts'), true);
    assert.equal(pathCovers('/api/admin', '/api'), false);
    assert.equal(pathCovers('{prefix}', '/anything'), true);
  });
});
