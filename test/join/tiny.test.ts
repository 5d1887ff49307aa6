// Tiny objects: how many one 16-byte block holds, and what the benchmark's note says when an object shares the
// blocks another allocation opened and so is in no line (the profile records only the allocation that opens one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tinyPerBlock } from '../../src/model/size-classes.js';
import { reconcile } from '../../src/join/reconcile.js';
import type { BenchLine, BenchmarkReport } from '../../src/model/bench-report.js';

test('objects per tiny block follow the allocator: aligned by their size, 16 bytes in all', () => {
  // 4-byte strings (Itoa of 1000..1999): 4; an 8-byte int or struct: 2; 6 bytes (2-aligned): 2; 3 bytes: 5; 9 and up: 1.
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 0].map(tinyPerBlock), [16, 8, 5, 4, 3, 2, 2, 2, 1, 1, 1, 1, 1]);
});

test('an object packed into blocks another call opened: the note names the opener, its line and the room it leaves', () => {
  const line: BenchLine = {
    file: 'alloc.go',
    line: 43,
    function: 'Describe',
    innermost: null,
    allocsPerOp: 1,
    bytesPerOp: 16,
    types: ['int'],
    typeDetails: [],
    allocations: [
      { runtime: 'convT64', callee: null, symbol: 'm.Describe', type: 'int', size: 8, sizeClass: 8, allocsPerOp: 1, bytesPerOp: 16 },
    ],
    sites: [],
    context: [],
    cause: null,
    notes: [],
  };
  const rep: BenchmarkReport = {
    name: 'BenchmarkDescribe',
    procs: 2,
    package: 'm',
    nsPerOp: 100,
    bytesPerOp: 16,
    allocsPerOp: 2,
    metrics: {},
    runs: 1,
    profiledIterations: [100, 400],
    setup: { allocs: 0, bytes: 0 },
    lines: [line],
    notes: [],
  };
  reconcile(rep, { iterations: 400, profile: null, allocsPerOp: 2, bytesPerOp: 16, error: null });
  const note = rep.notes.find((n) => /tiny objects no line shows/.test(n));
  assert.ok(note, JSON.stringify(rep.notes));
  assert.match(note, /add up to 1 allocs\/op but the benchmark measured 2: 1 allocs\/op/);
  assert.match(note, /alloc\.go:43's runtime\.convT64 \(int, 8 B\) leaves 8 B of each block it opens/);

  // With the line estimated (its count times the objects per block), the lines add up, and the note says how.
  const est: BenchmarkReport = { ...rep, notes: [], lines: [{ ...line, allocsPerOp: 2, profiledAllocsPerOp: 1 }] };
  reconcile(est, { iterations: 400, profile: null, allocsPerOp: 2, bytesPerOp: 16, error: null });
  assert.ok(!est.notes.some((n) => /no line shows/.test(n)));
  // An estimate past what go test counted (a call that allocates every other op, taken as once per op): said so.
  const over: BenchmarkReport = { ...rep, allocsPerOp: 1, notes: [], lines: [{ ...line, allocsPerOp: 2, profiledAllocsPerOp: 1 }] };
  reconcile(over, { iterations: 400, profile: null, allocsPerOp: 1, bytesPerOp: 16, error: null });
  assert.ok(
    over.notes.some((n) => /measured 1: the tiny-object estimates on alloc\.go:43 count more objects than ran/.test(n)),
    JSON.stringify(over.notes),
  );
  assert.ok(
    est.notes.some((n) =>
      /add up to the benchmark's 2 allocs\/op with tiny objects estimated on alloc\.go:43: the memory profile recorded 1 allocs\/op/.test(
        n,
      ),
    ),
  );
});
