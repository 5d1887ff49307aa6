// ESLint for heapscope's TypeScript: the recommended rules, and the layering of STYLE.md enforced as import
// rules (the model imports nothing of the layers that use it; parsers and the join see only the model).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import patterns a layer may not use, relative to the importing file's folder under src/. */
const layer = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((f) => ({ group: [`../${f}/*`, `../../${f}/*`, `../../src/${f}/*`], message: why })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test/fixtures/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
    },
  },
  layer(
    ['src/model/**'],
    ['parsers', 'join', 'runners', 'reporters', 'cli', 'cache'],
    'the model imports nothing of the layers that use it',
  ),
  layer(['src/parsers/**'], ['join', 'runners', 'reporters', 'cli', 'cache'], 'a parser is pure: text in, model out'),
  layer(['src/join/**'], ['parsers', 'runners', 'reporters', 'cli', 'cache'], 'the join reads the model only'),
  layer(['src/reporters/**'], ['parsers', 'runners', 'cli', 'cache', 'serve'], 'a reporter renders the model only'),
  layer(['src/serve/**'], ['parsers', 'join', 'cli', 'cache'], 'the server is handed its model by the CLI'),
  // heapscope lsp reaches the engine through one file only (src/lsp/engine-adapter.ts).
  {
    ...layer(
      ['src/lsp/**'],
      ['parsers', 'join', 'runners', 'reporters', 'cli', 'cache', 'serve'],
      'the language server calls the engine through engine-adapter.ts',
    ),
    ignores: ['src/lsp/engine-adapter.ts'],
  },
);
