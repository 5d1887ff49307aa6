// The engine as a Node program uses it: imported by the package's name (package.json "exports" resolves
// 'heapscope' to dist/src/pipeline/index.js from inside the repository, a self-reference), run on the bundled
// examples in a process of its own, as docs/api.md shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesDir, repoRoot } from '../helpers/paths.js';

const program = `
import { analyze, check, loadModel, focusModel, measuredFigures } from 'heapscope';
const dir = process.argv[1];
const controller = new AbortController();
const seen = [];
const a = await analyze({ dir, format: 'json', onProgress: (m) => seen.push(m), signal: controller.signal });
let text = '';
for await (const c of a.output) text += typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
const again = await analyze({ dir, format: 'json' });
const c = await check({ dir, format: 'json' });
controller.abort();
const stopped = await analyze({ dir, signal: controller.signal }).then(() => 'ran', (e) => e.name);
console.log(JSON.stringify({
  outcome: a.outcome,
  problems: a.problems,
  heap: a.report.sites.filter((s) => s.heap).map((s) => s.file + ':' + s.line + ' ' + s.cause?.id),
  json: JSON.parse(text).sites.length === a.report.sites.length,
  progress: seen.length > 0,
  replayed: again.replayed,
  check: { outcome: c.outcome, directives: c.report.directives, kinds: c.problems.map((p) => p.kind) },
  stopped,
  helpers: [loadModel, focusModel, measuredFigures].map((f) => typeof f),
}));
`;

test('heapscope imported by its name analyses and checks the bundled examples', () => {
  const cache = mkdtempSync(join(tmpdir(), 'heapscope-api-'));
  try {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', program, examplesDir], {
      cwd: repoRoot,
      env: { ...process.env, HEAPSCOPE_CACHE: cache },
      encoding: 'utf8',
    });
    const r = JSON.parse(out) as {
      outcome: string;
      problems: unknown[];
      heap: string[];
      json: boolean;
      progress: boolean;
      replayed: boolean;
      check: { outcome: string; directives: number; kinds: string[] };
      stopped: string;
      helpers: string[];
    };
    assert.equal(r.outcome, 'ok');
    assert.deepEqual(r.problems, []);
    // The examples' first `return &values` (AddressOfParam): the parameter, declared on the line above, is moved
    // to the heap because its address is returned.
    const line = readFileSync(join(examplesDir, 'alloc.go'), 'utf8').split('\n').indexOf('\treturn &values') + 1;
    assert.ok(line > 1);
    assert.ok(r.heap.includes(`alloc.go:${line - 1} returned-address`), r.heap.join('\n'));
    assert.ok(r.json, 'the rendered json holds the sites of the returned model');
    assert.ok(r.progress, 'progress was reported');
    assert.equal(r.replayed, true, 'the second, unchanged run is replayed from the result cache');
    // The examples hold no //heapscope: directive: check says there is nothing to check.
    assert.deepEqual(r.check, { outcome: 'ok', directives: 0, kinds: ['directives'] });
    assert.equal(r.stopped, 'AbortError');
    assert.deepEqual(r.helpers, ['function', 'function', 'function']);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
