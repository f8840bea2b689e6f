import assert from 'node:assert/strict';
import { DEFAULT_FORMATTING } from '../formatting';
import { restyle } from './restyle';

const canonical = "import { z } from 'zod';\n\nexport function greet(name: string) {\n  if (name === '') {\n    return 'hello \"world\"';\n  }\n  return `hi ${name}`;\n}\n";

describe('restyle', () => {
  it('leaves canonical text alone for the canonical style', () => {
    assert.equal(restyle('/a.ts', canonical, DEFAULT_FORMATTING), canonical);
  });

  it('switches to double quotes, escaping where needed, and leaves templates alone', () => {
    const out = restyle('/a.ts', canonical, { ...DEFAULT_FORMATTING, quote: 'double' });
    assert.ok(out.startsWith('import { z } from "zod";'));
    assert.ok(out.includes('return "hello \\"world\\"";'));
    assert.ok(out.includes('`hi ${name}`'));
  });

  it('drops semicolons and re-indents with tabs', () => {
    const out = restyle('/a.ts', canonical, { ...DEFAULT_FORMATTING, semicolons: false, indent: '\t' });
    assert.equal(out, "import { z } from 'zod'\n\nexport function greet(name: string) {\n\tif (name === '') {\n\t\treturn 'hello \"world\"'\n\t}\n\treturn `hi ${name}`\n}\n");
  });

  it('re-indents with four spaces and writes CRLF', () => {
    const out = restyle('/a.ts', canonical, { ...DEFAULT_FORMATTING, indent: '    ', eol: '\r\n' });
    assert.ok(out.includes('\r\n    if (name === \'\') {\r\n        return'));
    assert.equal(out.split('\n').length, out.split('\r\n').length);
  });
});
