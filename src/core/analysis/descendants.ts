import ts from 'typescript';
import { nodeMemo } from './node-memo';

/** Each parse's nodes in pre-order, registered by the parse that listed them (see parseIndexed). */
const preorder = nodeMemo<ts.SourceFile, readonly ts.Node[]>('pre-order nodes');

export function registerPreorder(sourceFile: ts.SourceFile, nodes: readonly ts.Node[]): void {
  preorder.set(sourceFile, nodes);
}

/**
 * Calls `visit` for every node below `root`, in the order a recursive `forEachChild` walk meets
 * them; `visit` returning false skips that node's descendants. When the parse listed its nodes,
 * this is a loop over a slice of that list instead of a recursion through `forEachChild` — rules
 * walk every handler body several times, so the difference adds up.
 */
export function forEachDescendant(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  const nodes = preorder.get(ts.isSourceFile(root) ? root : root.getSourceFile());
  const first = nodes === undefined ? -1 : ts.isSourceFile(root) ? 0 : indexAfter(nodes, root);
  if (nodes === undefined || first < 0) {
    const recurse = (node: ts.Node): void => {
      if (visit(node) !== false) ts.forEachChild(node, recurse);
    };
    ts.forEachChild(root, recurse);
    return;
  }
  let index = first;
  while (index < nodes.length && isBelow(nodes[index], root)) {
    const node = nodes[index++];
    if (visit(node) === false) while (index < nodes.length && isBelow(nodes[index], node)) index++;
  }
}

/**
 * Whether `node`, met after `ancestor` in pre-order, is one of its descendants: nodes start within
 * it; only an empty node at its very end (a parser-inserted missing token) needs the parent check.
 */
function isBelow(node: ts.Node, ancestor: ts.Node): boolean {
  if (node.pos < ancestor.end) return true;
  if (node.pos > ancestor.end || node.end !== node.pos) return false;
  for (let parent = node.parent as ts.Node | undefined; parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}

/** The index just after `node` in the pre-order list (positions never decrease along it), or -1. */
function indexAfter(nodes: readonly ts.Node[], node: ts.Node): number {
  for (let index = firstAtOrAfter(nodes, node.pos); index < nodes.length && nodes[index].pos === node.pos; index++) if (nodes[index] === node) return index + 1;
  return -1;
}

/**
 * The stretch of a pre-order node list (a parse's, see registerPreorder) whose nodes start within
 * `start`–`end`: every node inside a function that lies in that range, found by two binary searches.
 */
export function nodesStartingWithin(nodes: readonly ts.Node[], start: number, end: number): readonly ts.Node[] {
  return nodes.slice(firstAtOrAfter(nodes, start), firstAtOrAfter(nodes, end + 1));
}

function firstAtOrAfter(nodes: readonly ts.Node[], position: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodes[middle].pos < position) low = middle + 1;
    else high = middle;
  }
  return low;
}
