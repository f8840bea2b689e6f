import assert from 'node:assert/strict';
import { ScaffoldConflictError } from '../../../src/core/scaffold/errors';
import { ensureImport, type ImportResult } from '../../../src/core/scaffold/transforms/ensure-import';
import { createModuleResolver } from '../../../src/core/scaffold/module-resolver';
import { crlf, doTest, runTransform } from '../helpers';

describe('ensureImport', () => {
  it('adds an import after the last import', () => {
    doTest(
      "import express from 'express';\n\nconst app = express();\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'helmet', defaultImport: 'helmet' }),
      "import express from 'express';\nimport helmet from 'helmet';\n\nconst app = express();\n",
    );
  });

  it('merges a named import into the existing declaration of the module', () => {
    doTest(
      "import { json } from 'express';\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'express', namedImports: ['Router'] }),
      "import { json, Router } from 'express';\n",
    );
  });

  it('merges into a multi-line Prettier-formatted import, keeping its layout', () => {
    doTest(
      "import {\n  Request,\n  Response,\n} from 'express';\n\nexport const x = 1;\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'express', namedImports: ['NextFunction', 'Router'] }),
      "import {\n  NextFunction,\n  Request,\n  Response,\n  Router,\n} from 'express';\n\nexport const x = 1;\n",
    );
  });

  it('appends to an unsorted multi-line import without a trailing comma', () => {
    doTest(
      "import {\n  b,\n  a\n} from 'm';\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'm', namedImports: ['c'] }),
      "import {\n  b,\n  a,\n  c\n} from 'm';\n",
    );
  });

  it('reuses an aliased existing import instead of duplicating it', () => {
    let result: ImportResult | undefined;
    doTest(
      "import { Router as ExpressRouter } from 'express';\n\nexport const r = ExpressRouter();\n",
      (sf) => (result = ensureImport(sf, { moduleSpecifier: 'express', namedImports: ['Router'] })),
      "import { Router as ExpressRouter } from 'express';\n\nexport const r = ExpressRouter();\n",
    );
    assert.deepEqual(result, { changed: false, named: { Router: 'ExpressRouter' } });
  });

  it('reuses a default import under another local name', () => {
    const run = runTransform("import e from 'express';\n", (sf) => {
      assert.deepEqual(ensureImport(sf, { moduleSpecifier: 'express', defaultImport: 'express' }), { changed: false, defaultImport: 'e', named: {} });
    });
    assert.deepEqual(run.changes, []);
  });

  it('recognises an import through a path alias that resolves to the same file', () => {
    const files = { '/project/src/errors/index.ts': 'export class NotFoundError {}\n' };
    const resolve = createModuleResolver((path) => path in files || path === '/project/src/app.ts', [
      { pattern: '@/*', targets: ['/project/src/*'] },
    ]);
    doTest(
      "import { NotFoundError } from '@/errors';\n",
      (sf) => {
        const result = ensureImport(sf, { moduleSpecifier: './errors/index.js', namedImports: ['NotFoundError', 'ConflictError'], resolve });
        assert.equal(result.named.NotFoundError, 'NotFoundError');
      },
      "import { NotFoundError, ConflictError } from '@/errors';\n",
      { files },
    );
  });

  it('adds a default import to a declaration that only has named imports', () => {
    doTest(
      "import { Router } from 'express';\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'express', defaultImport: 'express' }),
      "import express, { Router } from 'express';\n",
    );
  });

  it('adds named imports to a default-only declaration', () => {
    doTest(
      "import express from 'express';\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'express', namedImports: ['Router'] }),
      "import express, { Router } from 'express';\n",
    );
  });

  it('writes type-only imports and reuses value imports for types', () => {
    doTest(
      "import { Router } from 'express';\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'express', namedImports: ['Request', 'Router'], typeOnly: true }),
      "import { Router, type Request } from 'express';\n",
    );
    doTest(
      "import x from 'x';\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'express', namedImports: ['Request'], typeOnly: true }),
      "import x from 'x';\nimport type { Request } from 'express';\n",
    );
  });

  it('turns a type-only binding into a value binding when a value is needed', () => {
    doTest(
      "import type { Request, Router } from 'express';\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'express', namedImports: ['Router'] }),
      "import { type Request, Router } from 'express';\n",
    );
  });

  it('keeps a side-effect import first and adds after the last import', () => {
    doTest(
      "import 'reflect-metadata';\nimport express from 'express';\n\nconst app = express();\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'cors', defaultImport: 'cors' }),
      "import 'reflect-metadata';\nimport express from 'express';\nimport cors from 'cors';\n\nconst app = express();\n",
    );
    doTest(
      "import { a } from 'a';\nimport 'reflect-metadata';\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'b', namedImports: ['b'] }),
      "import { a } from 'a';\nimport 'reflect-metadata';\nimport { b } from 'b';\n",
    );
  });

  it('adds a side-effect import once', () => {
    doTest(
      "import express from 'express';\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'express-async-errors' }),
      "import express from 'express';\nimport 'express-async-errors';\n",
    );
  });

  it('does not touch a template literal that contains import text', () => {
    doTest(
      "import a from 'a';\n\nexport const doc = `\nimport x from 'y';\n`;\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'z', namedImports: ['z'] }),
      "import a from 'a';\nimport { z } from 'z';\n\nexport const doc = `\nimport x from 'y';\n`;\n",
    );
  });

  it('inserts after a header comment in a file without imports', () => {
    doTest(
      '// Copyright ACME\n\nexport const x = 1;\n',
      (sf) => ensureImport(sf, { moduleSpecifier: 'zod', namedImports: ['z'] }),
      "// Copyright ACME\nimport { z } from 'zod';\n\nexport const x = 1;\n",
    );
    doTest(
      'export const x = 1;\n',
      (sf) => ensureImport(sf, { moduleSpecifier: 'zod', namedImports: ['z'] }),
      "import { z } from 'zod';\n\nexport const x = 1;\n",
    );
  });

  it('keeps a comment attached to the first statement with that statement', () => {
    doTest(
      '/** The answer. */\nexport const x = 42;\n',
      (sf) => ensureImport(sf, { moduleSpecifier: 'zod', namedImports: ['z'] }),
      "import { z } from 'zod';\n\n/** The answer. */\nexport const x = 42;\n",
    );
  });

  it('keeps a shebang on the first line', () => {
    doTest(
      '#!/usr/bin/env node\nmain();\n',
      (sf) => ensureImport(sf, { moduleSpecifier: 'dotenv/config' }),
      "#!/usr/bin/env node\nimport 'dotenv/config';\n\nmain();\n",
    );
  });

  it('keeps a trailing comment on the line of the last import', () => {
    doTest(
      "import express from 'express'; // web framework\nconst app = express();\n",
      (sf) => ensureImport(sf, { moduleSpecifier: 'cors', defaultImport: 'cors' }),
      "import express from 'express'; // web framework\nimport cors from 'cors';\nconst app = express();\n",
    );
  });

  it('keeps CRLF line endings', () => {
    doTest(
      crlf("import {\n  a,\n} from 'a';\n\nexport const x = 1;\n"),
      (sf) => {
        ensureImport(sf, { moduleSpecifier: 'a', namedImports: ['b'] });
        ensureImport(sf, { moduleSpecifier: 'c', defaultImport: 'c' });
      },
      crlf("import {\n  a,\n  b,\n} from 'a';\nimport c from 'c';\n\nexport const x = 1;\n"),
    );
  });

  it("follows the file's quotes, semicolons and brace spacing", () => {
    doTest(
      'import {a} from "a"\n\nexport const x = "x"\n',
      (sf) => ensureImport(sf, { moduleSpecifier: 'b', namedImports: ['b'] }),
      'import {a} from "a"\nimport {b} from "b"\n\nexport const x = "x"\n',
    );
  });

  describe('CommonJS', () => {
    it('writes and merges requires', () => {
      doTest(
        "'use strict';\nconst express = require('express');\n\nconst app = express();\n",
        (sf) => ensureImport(sf, { moduleSpecifier: 'helmet', defaultImport: 'helmet', cjs: true }),
        "'use strict';\nconst express = require('express');\nconst helmet = require('helmet');\n\nconst app = express();\n",
        { path: '/project/src/app.js' },
      );
      doTest(
        "const { json } = require('express');\n",
        (sf) => ensureImport(sf, { moduleSpecifier: 'express', namedImports: ['Router', { name: 'static', alias: 'serveStatic' }], cjs: true }),
        "const { json, Router, static: serveStatic } = require('express');\n",
        { path: '/project/src/app.js' },
      );
    });

    it('recognises existing requires in all their forms', () => {
      const before = "var express = require('express');\nvar Router = require('express').Router;\nrequire('dotenv').config();\n";
      const run = runTransform(before, (sf) => {
        assert.equal(ensureImport(sf, { moduleSpecifier: 'express', defaultImport: 'express', cjs: true }).changed, false);
        assert.equal(ensureImport(sf, { moduleSpecifier: 'express', namedImports: ['Router'], cjs: true }).changed, false);
        assert.equal(ensureImport(sf, { moduleSpecifier: 'dotenv', cjs: true }).changed, false);
        ensureImport(sf, { moduleSpecifier: 'cors', defaultImport: 'cors', cjs: true });
      }, { path: '/project/app.js' });
      assert.equal(run.after, `${before}var cors = require('cors');\n`);
    });

    it('inserts after the leading block of requires, not after a late one', () => {
      doTest(
        "const express = require('express');\nconst app = express();\nconst routes = require('./routes');\napp.use(routes);\n",
        (sf) => ensureImport(sf, { moduleSpecifier: 'cors', defaultImport: 'cors', cjs: true }),
        "const express = require('express');\nconst cors = require('cors');\nconst app = express();\nconst routes = require('./routes');\napp.use(routes);\n",
        { path: '/project/app.js' },
      );
    });
  });

  it('refuses a name that is already taken by something else', () => {
    assert.throws(
      () => runTransform("import { Router } from './router';\n", (sf) => ensureImport(sf, { moduleSpecifier: 'express', namedImports: ['Router'] })),
      (error: unknown) => error instanceof ScaffoldConflictError && /line 1 already declares Router/.test(error.message),
    );
  });

  it('leaves nodes the caller holds usable', () => {
    runTransform("import express from 'express';\nconst app = express();\n", (sf) => {
      const app = sf.getVariableDeclarationOrThrow('app');
      ensureImport(sf, { moduleSpecifier: 'express', namedImports: ['json'] });
      ensureImport(sf, { moduleSpecifier: 'cors', defaultImport: 'cors' });
      assert.equal(app.wasForgotten(), false);
      assert.equal(app.getText(), 'app = express()');
    });
  });
});
