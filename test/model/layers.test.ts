// The layering of docs/architecture.md's table (which eslint.config.js reads too), enforced: the model imports nothing of the other layers; parsers import only the
// model (and libraries); nothing but runners and the CLI starts processes or reads files outside a parser's
// input; reporters never reach runners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

const src = join(repoRoot, 'src');
/** docs/architecture.md's layer table, the one eslint.config.js reads too: layer -> the layers it may import, and
 *  whether it may do I/O. */
function layerTable(): Map<string, { may: string[]; io: boolean }> {
  const text = readFileSync(join(repoRoot, 'docs', 'architecture.md'), 'utf8');
  const table = text.slice(text.indexOf('<!-- layers:'), text.indexOf('<!-- layers end -->'));
  const rows = [...table.matchAll(/^\| ([a-z0-9]+) +\| ([a-z0-9, ]+?) +\| (yes|no) +\|/gm)];
  return new Map(rows.map((m) => [m[1]!, { may: m[2]!.split(', '), io: m[3] === 'yes' }]));
}
const allowed = layerTable();
/** The table's doors: a file under src/ -> the layers it may import besides its layer's. */
function doorTable(): Map<string, string[]> {
  const text = readFileSync(join(repoRoot, 'docs', 'architecture.md'), 'utf8');
  const table = text.slice(text.indexOf('<!-- doors:'), text.indexOf('<!-- doors end -->'));
  return new Map([...table.matchAll(/^\| ([a-z/.-]+\.ts) +\| ([a-z, ]+?) +\|/gm)].map((m) => [m[1]!, m[2]!.split(', ')]));
}
const doors = doorTable();

/** The .ts files of a layer, its subfolders' too (reporters/html). */
function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesOf(p) : f.endsWith('.ts') ? [p] : [];
  });
}

test('the layer table is read whole', () => {
  // Every layer of src/ and nothing else, each allowed to import itself.
  const dirs = readdirSync(src).filter((d) => statSync(join(src, d)).isDirectory());
  assert.deepEqual([...allowed.keys()].sort(), dirs.sort());
  for (const [name, row] of allowed) assert.ok(row.may.includes(name), name);
  assert.deepEqual(
    [...allowed].filter(([, r]) => !r.io).map(([n]) => n),
    ['i18n', 'model', 'parsers', 'join', 'reporters', 'errors'],
  );
  // Each door is a file of a layer, and opens only onto layers of the table.
  assert.ok(doors.size > 0);
  for (const [file, also] of doors) {
    assert.ok(statSync(join(src, file)).isFile(), file);
    for (const l of also) assert.ok(allowed.has(l), `${file}: ${l}`);
  }
});

test('imports follow the layers', () => {
  const problems: string[] = [];
  for (const layer of readdirSync(src).filter((d) => statSync(join(src, d)).isDirectory())) {
    const row = allowed.get(layer);
    assert.ok(row, `layer ${layer} has a row in docs/architecture.md's layer table`);
    const ok = row.may;
    for (const path of filesOf(join(src, layer))) {
      const file = path.slice(join(src, layer).length + 1);
      const text = readFileSync(path, 'utf8');
      // An import of another layer climbs to src/ first: from src/reporters/x.ts '../', from src/reporters/html/x.ts '../../'.
      const up = '\\.\\./'.repeat(file.split('/').length);
      for (const m of text.matchAll(new RegExp(`from '${up}([a-z0-9-]+)/`, 'g')))
        if (!ok.includes(m[1]!) && !doors.get(`${layer}/${file}`)?.includes(m[1]!)) problems.push(`${layer}/${file} imports ${m[1]}`);
      if (!row.io) {
        if (/from 'node:(child_process|fs|fs\/promises)'/.test(text)) problems.push(`${layer}/${file} does I/O`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
