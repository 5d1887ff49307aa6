// Causes decided by the flow, checked against what runs: in test/fixtures/modules/causes, a pointer converted to
// an interface takes the cause of the store or call that keeps it, and a named map or slice literal is a literal,
// not a box; each such site's `allocates` agrees with the allocs/op of the benchmark that runs it
// (causes_test.go; go test -benchmem, read with a regular expression of this test's own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli, TOOLCHAINS } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import type { AnalysisModel } from '../../src/model/types.js';

const dir = join(fixturesDir, 'modules', 'causes');

/** `function expr` → the cause, `allocates`, the benchmark that runs it, and what that benchmark must measure. */
const EXPECTED: Record<string, [cause: string | RegExp, allocates: string, bench: string, allocs: (n: number) => boolean]> = {
  'AppendBox &Box{...}': ['append-escaping-slice', 'always', 'BenchmarkAppendBox', (n) => n === 1],
  'StoreAddr n': ['leaking-param-call', 'always', 'BenchmarkStoreAddr', (n) => n === 1],
  // go1.26.8 inlines json.NewEncoder into a literal passed to Encode; go1.27.4 stores the writer through a pointer.
  'Encode buf': [/^(leaking-param-call|stored-in-heap)$/, 'always', 'BenchmarkEncode', (n) => n >= 2],
  'Encode v': ['interface-conversion', 'sometimes', 'BenchmarkEncode', (n) => n >= 2],
  // A map header and its first group.
  'NamedMap Labels{...}': ['leaking-param-call', 'always', 'BenchmarkNamedMap', (n) => n === 2],
  'NamedSlice Names{...}': ['returned-value', 'always', 'BenchmarkNamedSlice', (n) => n === 1],
  // No flow note says these are a map and a slice: their types' declarations do.
  'NamedMapConst Labels{...}': ['leaking-param-call', 'always', 'BenchmarkNamedMapConst', (n) => n === 2],
  'NamedSliceInts Ints{...}': ['returned-value', 'always', 'BenchmarkNamedSliceInts', (n) => n === 1],
};

for (const tc of TOOLCHAINS) {
  test(`${tc.name}: pointers in interfaces and named map and slice literals: causes from the flow, allocates as measured`, () => {
    const r = runCli(['analyze', '--format', 'json', '--no-cache', '-C', dir], { env: tc.env });
    assert.equal(r.code, 0, r.stderr);
    const heap = (JSON.parse(r.stdout) as AnalysisModel).sites.filter((s) => s.heap);
    for (const [k, [cause, allocates]] of Object.entries(EXPECTED)) {
      const s = heap.filter((h) => `${h.function} ${h.expr}` === k);
      assert.equal(s.length, 1, k);
      assert.match(s[0]!.cause?.id ?? '', cause instanceof RegExp ? cause : new RegExp(`^${cause}$`), k);
      assert.equal(s[0]!.allocates, allocates, k);
    }
    // No site of these functions reads as boxing except Encode's int.
    const boxed = heap.filter(
      (s) => /^interface-/.test(s.cause?.id ?? '') && Object.keys(EXPECTED).some((k) => k.startsWith(`${s.function} `)),
    );
    assert.deepEqual(
      boxed.map((s) => `${s.function} ${s.expr}`),
      ['Encode v'],
    );

    const bench = spawnSync('go', ['test', '-run', '^$', '-bench', '.', '-benchmem', '-benchtime', '2000x', '.'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...tc.env },
    });
    assert.equal(bench.status, 0, bench.stderr + bench.stdout);
    const measured = new Map<string, number>();
    for (const line of bench.stdout.split('\n')) {
      const b = /^(Benchmark\w+?)(?:-\d+)?\s+\d+\s.*\s(\d+) allocs\/op$/.exec(line);
      if (b) measured.set(b[1]!, Number(b[2]));
    }
    for (const [k, [, , name, ok]] of Object.entries(EXPECTED)) {
      const n = measured.get(name);
      assert.ok(n !== undefined && ok(n), `${k}: ${name} measured ${n} allocs/op`);
    }
  });
}
