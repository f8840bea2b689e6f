import assert from 'node:assert/strict';
import ts from 'typescript';
import { parseIndexed, parseSource } from '../lint/parse';
import { forEachDescendant, nodesStartingWithin } from './descendants';
import { isFunctionLike } from './syntax';

/** What a recursive forEachChild walk meets below `root`, skipping the descendants of functions. */
function recursiveWalk(root: ts.Node): ts.Node[] {
  const met: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    met.push(node);
    if (!isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return met;
}

function listedWalk(root: ts.Node): ts.Node[] {
  const met: ts.Node[] = [];
  forEachDescendant(root, (node) => {
    met.push(node);
    return !isFunctionLike(node);
  });
  return met;
}

const SOURCES: Record<string, string> = {
  'a route file': `
import { Router } from 'express';
const router = Router();
router.post('/users', async (req, res) => {
  const { name } = req.body;
  const save = () => db.insert({ name });
  try { res.status(201).json(await save()); } catch (err) { res.status(500).json({ error: 'failed' }); }
});
export default router;
`,
  'a file with syntax errors (missing tokens at the ends of nodes)': `
router.get('/a', (req, res) => {
  res.json({ a: 1
});
function broken(x {
  return x +
`,
};

describe('forEachDescendant', () => {
  for (const [what, text] of Object.entries(SOURCES)) {
    it(`meets the same nodes in the same order as a recursive forEachChild walk, skips included: ${what}`, () => {
      const { sourceFile, nodes } = parseIndexed('/project/src/routes.ts', text);
      const roots: ts.Node[] = [sourceFile, ...nodes];
      for (const root of roots) assert.deepEqual(listedWalk(root), recursiveWalk(root), `below ${ts.SyntaxKind[root.kind]} at ${root.pos}`);
    });
  }

  it('walks a tree no parse listed by recursion, with the same result', () => {
    const sourceFile = parseSource('/project/src/routes.ts', SOURCES['a route file']);
    const handler = sourceFile.statements[2];
    assert.ok(recursiveWalk(handler).length > 5);
    assert.deepEqual(listedWalk(handler), recursiveWalk(handler));
  });
});

describe('nodesStartingWithin', () => {
  it('gives every listed node of a function\'s body and nothing outside the function, by position range', () => {
    const { nodes } = parseIndexed('/project/src/routes.ts', SOURCES['a route file']);
    const functions = nodes.filter(isFunctionLike);
    assert.equal(functions.length, 2);
    for (const fn of functions) {
      const inside = nodesStartingWithin(nodes, fn.getStart(), fn.end);
      const body = nodes.filter((node) => isBelow(node, fn.body!));
      assert.ok(body.length > 3);
      assert.deepEqual(inside.filter((node) => isBelow(node, fn.body!)), body);
      assert.deepEqual(inside.filter((node) => !isBelow(node, fn)), [], 'only the function\'s own nodes');
    }
    assert.deepEqual(nodesStartingWithin(nodes, 10_000, 20_000), []);
  });
});

function isBelow(node: ts.Node, ancestor: ts.Node): boolean {
  for (let parent: ts.Node | undefined = node.parent; parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}
