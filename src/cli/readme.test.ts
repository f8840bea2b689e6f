import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../core/rules';

// The README's tables repeat facts that live in code; these checks keep them from drifting.
const ROOT = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
};

function table(heading: string): string[][] {
  const section = readme.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
}

describe('README', () => {
  it('starts with the demo and test commands', () => {
    assert.match(readme, /^# Routewise\n\n```sh\nnpm ci && npm run demo .*\nnpm ci && npm test .*\n```/);
    assert.ok(manifest.scripts.demo && manifest.scripts.test);
  });

  it('lists every rule with its default severity and whether it is fixable', () => {
    const rows = table('Rules').map(([rule, , severity, fixable]) => [/`([^`]+)`/.exec(rule)?.[1], severity, fixable]);
    const expected = [...ALL_RULES].sort((a, b) => a.meta.id.localeCompare(b.meta.id)).map((rule) => [rule.meta.id, rule.meta.defaultSeverity, rule.meta.fixable ? 'yes' : 'no']);
    assert.deepEqual(rows, expected);
  });

  it('lists every setting of the manifest with its default', () => {
    const rows = table('Settings').map(([setting, defaults]) => [setting.replace(/`/g, ''), defaults.replace(/`/g, '')]);
    const expected = Object.entries(manifest.contributes.configuration.properties).map(([key, schema]) => [key, JSON.stringify(schema.default)]);
    assert.deepEqual(rows, expected);
  });
});
