import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../src/core/rules';

const DOCS_DIR = path.join(__dirname, '..', 'docs', 'rules');
const REQUIRED_HEADINGS = ['## What it flags', '## What it does not flag', '## Examples', '## Quick fix', '## Configuration'];

describe('rule documentation', () => {
  it('has one page per rule and no page without a rule', () => {
    const pages = fs.readdirSync(DOCS_DIR).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
    assert.deepEqual(pages, ALL_RULES.map((rule) => rule.meta.id).sort());
  });

  for (const rule of ALL_RULES) {
    const { id, description, defaultSeverity, frameworks, fixable } = rule.meta;
    describe(id, () => {
      const text = fs.existsSync(path.join(DOCS_DIR, `${id}.md`)) ? fs.readFileSync(path.join(DOCS_DIR, `${id}.md`), 'utf8') : '';

      it('states the metadata: title, description, severity, frameworks, fixable', () => {
        const lines = text.split(/\r?\n/);
        assert.equal(lines[0], `# ${id}`);
        assert.equal(lines[2], `${description}.`);
        assert.ok(text.includes(`- Severity: ${defaultSeverity}\n`), 'severity line');
        assert.ok(text.includes(`- Frameworks: ${frameworks.join(', ')}\n`), 'frameworks line');
        assert.ok(text.includes(`- Fixable: ${fixable ? 'yes' : 'no'}\n`), 'fixable line');
      });

      it('has the required sections, an incorrect and a correct example', () => {
        for (const heading of REQUIRED_HEADINGS) assert.ok(text.includes(`\n${heading}\n`), `missing "${heading}"`);
        assert.match(text, /❌/);
        assert.match(text, /✅/);
        assert.ok(text.includes(`routewise-disable-next-line ${id}`), 'documents the suppression comment');
      });

      it('describes itself in the catalogue style', () => {
        assert.match(description, /^(Require|Disallow|Enforce|Flag|Detect|Report)\b.*[^.\s]$/);
      });
    });
  }
});
