import assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { SourceCache } from '../../lint/source-cache';
import { toPosix } from '../../model/paths';
import { NodeFileSystem } from '../../../host/node-file-system';
import { OverlayFileSystem } from '../../../host/overlay-file-system';
import { ProjectDetector } from '../detect';
import { RouteGraphBuilder } from '../route-graph';
import { listSourceFiles } from '../source-files';
import { textChange } from '../../model/text-change';
import { buildGraph, editsOf, observableGraph, projectHost, ROOT, routeLines } from './testing';

const FIXTURES = toPosix(nodePath.resolve(__dirname, '../../../../test/fixtures/projects'));

describe('route graph after an edit (edits in function bodies, comments and blank lines of the fixture projects)', () => {
  // `reuse`: the edited file is parsed again incrementally (as the linter does before it asks for the
  // graph), which takes apart the tree the kept graph's summary was built on.
  for (const reuse of [false, true]) {
    it(`a kept and moved graph equals a fresh build, and typing in handlers keeps the graph${reuse ? ' (previous tree reused by the parser)' : ''}`, function () {
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
          const cache = new SourceCache();
          const builder = new RouteGraphBuilder(host, cache, projects);
          const before = builder.graphFor(projects.detect(file));
          current = edited;
          builder.invalidate(file);
          if (reuse) cache.sourceFile(file, edited, true);
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
  }
});

describe('route graph after an edit inside a function whose return value the graph read', () => {
  it('builds again when the edit changes what an IIFE controller module returns', () => {
    const host = projectHost('express4', {
      'src/app.js': `const express = require('express');
const comments = require('./comments');
const app = express();
app.post('/comments', comments.create);
module.exports = app;
`,
      'src/comments.js': `const comments = (() => {
  const create = async (req, res) => {
    res.status(201).json(await save(req.body));
  };
  return { create };
})();
module.exports = comments;
`,
    });
    const { builder, projects } = buildGraph(host);
    const file = `${ROOT}/src/comments.js`;
    const before = builder.graphFor(projects.detect(file));
    assert.deepEqual(before && routeLines(before).map((line) => line.split(/\s+/).slice(0, 3).join(' ')), ['POST /comments comments.create']);
    // typing `return` at the top of the IIFE: it now returns nothing, and the route has no known handler
    host.files.set(file, (host.files.get(file) ?? '').replace('(() => {\n', '(() => {\n  return\n'));
    builder.invalidate(file);
    const after = builder.graphFor(projects.detect(file));
    const fresh = buildGraph(host).graph;
    assert.deepEqual(observableGraph(after), observableGraph(fresh));
    assert.notDeepEqual(observableGraph(after), observableGraph(before));
  });
});
