// Pure pieces of the bench pipeline: the profile reader on a real (and a damaged) profile, iteration
// choice, exact benchmark patterns, Go durations, and what attribution says when a profile is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMemProfile } from '../../src/parsers/pprof.js';
import { exactBenchPattern, profileIterations } from '../../src/runners/bench.js';
import { attribute } from '../../src/join/attribute.js';
import { fixturesDir } from '../helpers/paths.js';
import type { AnalysisModel } from '../../src/model/types.js';

const seedProfile = join(fixturesDir, 'go1.19-seed', 'mem.pprof');

test('a real memory profile reads; a damaged one gives an error value, not an exception', () => {
  const data = readFileSync(seedProfile);
  const ok = parseMemProfile(data);
  assert.ok(ok.ok);
  if (ok.ok) {
    assert.equal(ok.profile.rate, 1);
    // go1.19 seed: BenchmarkPointer allocates one 80-byte BigStruct per op from CreatePointer (repro.go:34).
    const pointer = ok.profile.samples.filter((s) => s.stack.some((f) => f.function.endsWith('CreatePointer') && f.line === 34));
    assert.ok(pointer.length > 0);
    assert.ok(pointer.every((s) => s.allocBytes === s.allocObjects * 80));
  }
  const cut = parseMemProfile(data.subarray(0, data.length >> 1));
  assert.equal(cut.ok, false);
  const junk = parseMemProfile(Buffer.from('not a profile at all'));
  assert.equal(junk.ok, false);
});

test('attribution without profiles says why there are no per-line figures', () => {
  const model: AnalysisModel = {
    schemaVersion: 1,
    go: { version: 'go1.26.8', goos: 'linux', goarch: 'amd64' },
    root: '/m',
    packages: [],
    sites: [],
    functions: [],
    inlinedCalls: [],
    captures: [],
    staticValues: [],
    unrecognised: [],
  };
  const rep = attribute({
    run: {
      package: 'example.com/m',
      result: { name: 'BenchmarkX', procs: 2, runs: [{ iterations: 100, metrics: { 'ns/op': 5, 'B/op': 16, 'allocs/op': 1 }, line: 1 }] },
      low: { iterations: 50, profile: null, allocsPerOp: null, bytesPerOp: null, error: 'memory profile unreadable: not a pprof profile' },
      high: null,
    },
    model,
    asm: [],
    resolve: (f) => f,
  });
  assert.deepEqual(rep.lines, []);
  assert.equal(rep.allocsPerOp, 1);
  assert.match(rep.notes[0]!, /no per-line figures: memory profile unreadable/);
});

test('iteration counts, exact patterns, durations', () => {
  const [lo, hi] = profileIterations(20, 1);
  assert.ok(lo < hi && hi <= 5000 && lo >= 2);
  const [lo2, hi2] = profileIterations(50e6, 100); // a 50 ms benchmark: as many as fit in about 2 s
  assert.deepEqual([lo2, hi2], [10, 39]);
  // fastjson's BenchmarkParse/citm/fastjson (1.7 ms, 307 allocations per op): the floor of 100.
  assert.deepEqual(profileIterations(1.7e6, 307), [25, 100]);
  // fastjson's BenchmarkParse/canada/stdjson-struct: 31 ms and 392,511 allocations per op: the least, 8 and 2.
  assert.deepEqual(profileIterations(31e6, 392511), [2, 8]);
  // --benchtime 20000x: the profiled runs go to the requested N, within 0.2 s of recording each...
  assert.deepEqual(profileIterations(50, 0, 20000), [5000, 20000]);
  // ...but no further (a 1 ms benchmark: 200 iterations fit), and a smaller N never lowers the counts.
  assert.deepEqual(profileIterations(1e6, 0, 20000), [50, 200]);
  assert.deepEqual(profileIterations(20, 1, 10), profileIterations(20, 1));
  // Every /-separated element anchored; the skip pattern's extra element matches every longer name.
  assert.deepEqual(exactBenchPattern('BenchmarkSub/size=8'), { bench: '^BenchmarkSub$/^size=8$', skip: '^BenchmarkSub$/^size=8$/.*' });
  assert.equal(exactBenchPattern('BenchmarkA.b(c)').bench, '^BenchmarkA\\.b\\(c\\)$');
});
