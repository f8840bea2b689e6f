import assert from 'node:assert/strict';
import { applyEdits } from '../model/edit';
import { disableNextLineEdit } from './disable-comment';
import { Suppressions } from './suppressions';
import { parseSource } from './parse';

function disable(text: string, line: number, rule: string): string {
  return applyEdits(text, [disableNextLineEdit(text, line, rule)]);
}

describe('disableNextLineEdit', () => {
  it('inserts an indented directive above the line', () => {
    assert.equal(disable('app.get("/", h);\n  jwt.sign(p, "s");\n', 2, 'hardcoded-secret'), 'app.get("/", h);\n  // routewise-disable-next-line hardcoded-secret\n  jwt.sign(p, "s");\n');
  });

  it('keeps CRLF line endings', () => {
    assert.equal(disable('a();\r\nb();\r\n', 2, 'x-rule'), 'a();\r\n// routewise-disable-next-line x-rule\r\nb();\r\n');
  });

  it('appends the rule to an existing directive instead of adding a second one', () => {
    assert.equal(disable('// routewise-disable-next-line a-rule\nb();\n', 2, 'b-rule'), '// routewise-disable-next-line a-rule, b-rule\nb();\n');
  });

  it('works on the first line', () => {
    assert.equal(disable('b();', 1, 'x-rule'), '// routewise-disable-next-line x-rule\nb();');
  });

  it('produces a comment the suppression parser honours', () => {
    const text = disable('const a = 1;\nconst b = 2;\n', 2, 'x-rule');
    const suppressions = new Suppressions(parseSource('/a.ts', text));
    assert.equal(suppressions.isSuppressed('x-rule', 2), true);
    assert.equal(suppressions.isSuppressed('other-rule', 2), false);
  });
});

describe('Suppressions', () => {
  const parse = (text: string) => new Suppressions(parseSource('/a.ts', text));

  it('disables a rule for a block between disable and enable comments', () => {
    const s = parse('/* routewise-disable x-rule */\na();\n/* routewise-enable x-rule */\nb();\n');
    assert.equal(s.isSuppressed('x-rule', 1), true);
    assert.equal(s.isSuppressed('x-rule', 3), false);
  });

  it('disables every rule when no id is given, and ignores the reason after --', () => {
    const s = parse('a(); // routewise-disable-line\n// routewise-disable-next-line y-rule -- reviewed\nb();\n');
    assert.equal(s.isSuppressed('any-rule', 0), true);
    assert.equal(s.isSuppressed('y-rule', 2), true);
    assert.equal(s.isSuppressed('reviewed', 2), false);
  });
});
