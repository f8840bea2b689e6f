import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const TEMPLATES = path.resolve(__dirname, '../../../../../templates');

/** Templates whose output does not depend on the framework: one copy per framework folder, kept identical. */
const SHARED = ['resource/schemas.ts.ejs', 'resource/repository.ts.ejs', 'resource/service.ts.ejs', 'tests/resource.test.ts.ejs', 'tests/routes.test.ts.ejs'];

describe('framework-independent templates', () => {
  for (const template of SHARED) {
    it(`${template} is the same for Express and Fastify`, () => {
      const express = fs.readFileSync(path.join(TEMPLATES, 'express', template), 'utf8');
      const fastify = fs.readFileSync(path.join(TEMPLATES, 'fastify', template), 'utf8');
      assert.equal(fastify, express, `templates/fastify/${template} differs from templates/express/${template}: change both`);
    });
  }

  it('no generated template holds a placeholder, a TODO or an `any`', () => {
    const folders = ['resource', 'router', 'route', 'tests', 'validation'];
    for (const framework of ['express', 'fastify']) {
      for (const folder of folders) {
        const dir = path.join(TEMPLATES, framework, folder);
        if (!fs.existsSync(dir)) continue;
        for (const file of fs.readdirSync(dir)) {
          const text = fs.readFileSync(path.join(dir, file), 'utf8');
          assert.doesNotMatch(text, /\bTODO\b|\bFIXME\b|\bXXX\b|lorem ipsum|your[-_ ]secret|changeme/i, `${framework}/${folder}/${file}`);
          const code = text.split('\n').filter((line) => !/^\s*(\/\*\*|\*|\/\/)/.test(line)).join('\n');
          assert.doesNotMatch(code, /:\s*any\b|<any>|as any\b/, `${framework}/${folder}/${file} uses any`);
        }
      }
    }
  });
});
