import assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import ts from 'typescript';
import { isFunctionLike } from '../../analysis/syntax';
import { parseSource } from '../../lint/parse';
import { SourceCache } from '../../lint/source-cache';
import { toPosix } from '../../model/paths';
import { NodeFileSystem } from '../../../host/node-file-system';
import { OverlayFileSystem } from '../../../host/overlay-file-system';
import { ProjectDetector } from '../detect';
import { RouteGraphBuilder } from '../route-graph';
import { listSourceFiles } from '../source-files';
import { textChange } from './graph-neutral-edit';
import { observableGraph } from './testing';

const FIXTURES = toPosix(nodePath.resolve(__dirname, '../../../../test/fixtures/projects'));

/** Places a user might type, a few of each per file: the start of function bodies, comments, blank lines. */
function editsOf(path: string, text: string): string[] {
  const sourceFile = parseSource(path, text);
  const bodies: number[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) && node.body && ts.isBlock(node.body)) bodies.push(node.body.getStart(sourceFile) + 1);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const points = [
    ...bodies.slice(0, 4).map((at) => ({ at, insert: '\n  const typed = 1;' })),
    ...[...text.matchAll(/\/\/[^\n]*/g)].slice(0, 3).map((match) => ({ at: match.index + 2, insert: ' typed' })),
    ...[...text.matchAll(/\n\n/g)].slice(0, 3).map((match) => ({ at: match.index + 1, insert: '\n' })),
  ];
  return points.map((point) => text.slice(0, point.at) + point.insert + text.slice(point.at));
}

describe('route graph after an edit (edits in function bodies, comments and blank lines of the fixture projects)', () => {
  it('a kept and moved graph equals a fresh build, and typing in handlers keeps the graph', function () {
    this.timeout(60000);
    const disk = new NodeFileSystem();
    let moved = 0;
    let edits = 0;
    for (const file of listSourceFiles(FIXTURES, disk)) {
      const original = disk.readFile(file) ?? '';
      for (const edited of editsOf(file, original)) {
        let current = original;
        const host = new OverlayFileSystem(disk, (path) => (path === file ? current : undefined));
        const projects = new ProjectDetector(host);
        const builder = new RouteGraphBuilder(host, new SourceCache(), projects);
        const before = builder.graphFor(projects.detect(file));
        current = edited;
        builder.invalidate(file);
        const after = builder.graphFor(projects.detect(file));
        const freshProjects = new ProjectDetector(host);
        const fresh = new RouteGraphBuilder(host, new SourceCache(), freshProjects).graphFor(freshProjects.detect(file));
        const change = textChange(original, edited);
        assert.deepEqual(observableGraph(after), observableGraph(fresh), `${file} edited at ${change?.start}`);
        edits++;
        if (before && after === before) moved++;
      }
    }
    assert.ok(edits > 100, `${edits} edits`);
    // Most of these edits are in handler bodies and comments: the graph must be kept for them.
    assert.ok(moved > edits / 2, `${moved} of ${edits} edits kept the graph`);
  });
});
