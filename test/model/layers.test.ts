// The layering in STYLE.md, enforced: the model imports nothing of the other layers; parsers import only the
// model (and libraries); nothing but runners and the CLI starts processes or reads files outside a parser's
// input; reporters never reach runners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

const src = join(repoRoot, 'src');
const allowed: Record<string, string[]> = {
  model: ['model'],
  parsers: ['model', 'parsers'],
  join: ['model', 'join'],
  reporters: ['model', 'reporters'],
  cache: ['model', 'cache'],
  errors: ['errors'],
  runners: ['model', 'parsers', 'runners', 'errors', 'cache'],
  cli: ['model', 'parsers', 'join', 'reporters', 'runners', 'cache', 'errors', 'serve', 'lsp', 'cli'],
  // heapscope serve's server: it is handed its model by the CLI, and renders and runs like the layers below it.
  serve: ['model', 'reporters', 'runners', 'errors', 'serve'],
  // heapscope lsp: the model and itself; the engine only through engine-adapter.ts (below).
  lsp: ['model', 'errors', 'lsp'],
};
/** Files that are a layer's one door into others. */
const doors: Record<string, string[]> = { 'lsp/engine-adapter.ts': ['cli', 'join', 'cache', 'runners'] };

/** The .ts files of a layer, its subfolders' too (reporters/html). */
function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesOf(p) : f.endsWith('.ts') ? [p] : [];
  });
}

test('imports follow the layers', () => {
  const problems: string[] = [];
  for (const layer of readdirSync(src).filter((d) => statSync(join(src, d)).isDirectory())) {
    const ok = allowed[layer];
    assert.ok(ok, `layer ${layer} is listed in this test`);
    for (const path of filesOf(join(src, layer))) {
      const file = path.slice(join(src, layer).length + 1);
      const text = readFileSync(path, 'utf8');
      // An import of another layer climbs to src/ first: from src/reporters/x.ts '../', from src/reporters/html/x.ts '../../'.
      const up = '\\.\\./'.repeat(file.split('/').length);
      for (const m of text.matchAll(new RegExp(`from '${up}([a-z-]+)/`, 'g')))
        if (!ok.includes(m[1]!) && !doors[`${layer}/${file}`]?.includes(m[1]!)) problems.push(`${layer}/${file} imports ${m[1]}`);
      if (layer === 'parsers' || layer === 'model' || layer === 'join' || layer === 'reporters') {
        if (/from 'node:(child_process|fs|fs\/promises)'/.test(text)) problems.push(`${layer}/${file} does I/O`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
