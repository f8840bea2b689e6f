import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test/fixtures/**', 'test/golden/**', 'templates/**', '**/*.mjs', '**/*.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // The core and the CLI must run without VS Code: only src/vscode may import it.
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/host/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/vscode may import vscode.' }] }],
    },
  },
  {
    // The core reaches the disk only through the FileSystemHost it is given.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'Only src/vscode may import vscode.' },
          { name: 'fs', message: 'The core reads files through FileSystemHost.' },
          { name: 'node:fs', message: 'The core reads files through FileSystemHost.' },
          { name: 'fs/promises', message: 'The core reads files through FileSystemHost.' },
          { name: 'node:fs/promises', message: 'The core reads files through FileSystemHost.' },
        ],
      }],
    },
  },
);
