// ESLint for heapscope's TypeScript: the recommended rules, and the layering of STYLE.md enforced as import
// rules (the model imports nothing of the layers that use it; parsers and the join see only the model).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { readFileSync } from 'node:fs';

/** docs/architecture.md's layer table (also read by test/model/layers.test.ts): layer -> the layers it may import. */
function layerTable() {
  const text = readFileSync(new URL('./docs/architecture.md', import.meta.url), 'utf8');
  const table = text.slice(text.indexOf('<!-- layers:'), text.indexOf('<!-- layers end -->'));
  const rows = [...table.matchAll(/^\| ([a-z0-9]+) +\| ([a-z0-9, ]+?) +\| (yes|no) +\|/gm)];
  return new Map(rows.map((m) => [m[1], m[2].split(', ')]));
}
const layers = layerTable();

/** The table's doors: a file (under src/) -> the layers it may import besides its layer's. */
function doorTable() {
  const text = readFileSync(new URL('./docs/architecture.md', import.meta.url), 'utf8');
  const table = text.slice(text.indexOf('<!-- doors:'), text.indexOf('<!-- doors end -->'));
  const rows = [...table.matchAll(/^\| ([a-z/.-]+\.ts) +\| ([a-z, ]+?) +\|/gm)];
  return new Map(rows.map((m) => [m[1], m[2].split(', ')]));
}
const doors = doorTable();

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
  { ignores: ['dist/', 'node_modules/', 'test/fixtures/', 'examples/', 'editors/vscode/dist/'] },
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
  // Each layer may not import the layers its row of the table leaves out; a door may import its row's too.
  ...[...layers]
    .filter(([, may]) => may.length < layers.size)
    .map(([name, may]) => ({
      ...layer(
        [`src/${name}/**`],
        [...layers.keys()].filter((l) => !may.includes(l)),
        `docs/architecture.md: ${name} may import ${may.join(', ')}`,
      ),
      ignores: [...doors.keys()].filter((f) => f.startsWith(`${name}/`)).map((f) => `src/${f}`),
    })),
  ...[...doors].map(([file, also]) => {
    const name = file.slice(0, file.indexOf('/'));
    const may = [...(layers.get(name) ?? []), ...also];
    return layer(
      [`src/${file}`],
      [...layers.keys()].filter((l) => !may.includes(l)),
      `docs/architecture.md: the door ${file} may import ${may.join(', ')}`,
    );
  }),
);
