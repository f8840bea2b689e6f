import assert from 'node:assert/strict';
import { mapOffset } from './app-target';

describe('mapOffset (route-graph positions after edits made earlier in the same run)', () => {
  const original = "import express from 'express';\n\nconst app = express();\napp.listen(3000);\n";
  const offset = original.indexOf('express()');

  it('keeps the offset of an unchanged text', () => {
    assert.equal(mapOffset(original, original, offset), offset);
  });

  it('shifts it past lines inserted before it', () => {
    const updated = original.replace("import express from 'express';\n", "import express from 'express';\nimport helmet from 'helmet';\n");
    assert.equal(mapOffset(original, updated, offset), updated.indexOf('express()'));
  });

  it('ignores lines inserted after it', () => {
    const updated = original.replace('app.listen(3000);\n', 'app.use(helmet());\napp.listen(3000);\n');
    assert.equal(mapOffset(original, updated, offset), offset);
  });

  it('follows it through a change earlier on its own line', () => {
    const updated = original.replace('const app = express();', 'const server = express();');
    assert.equal(mapOffset(original, updated, offset), updated.indexOf('express()'));
  });

  it('gives up when the text at it was rewritten', () => {
    const updated = original.replace('const app = express();', 'const app = createServer();');
    assert.equal(mapOffset(original, updated, offset), undefined);
  });
});
