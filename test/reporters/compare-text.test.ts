// bench --compare's table: which benchmark a name means, the rows a report's fields give (the cost pass's gc and
// cpu rows only when set), the ratio B/A (1 for 0 and 0, none for a lone 0), and the text table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareBenchmarks, resolveCompareName } from '../../src/model/compare.js';
import { renderCompareText } from '../../src/reporters/compare-text.js';
import type { BenchmarkReport } from '../../src/model/bench-report.js';

const bench = (name: string, nsPerOp: number, bytesPerOp: number, extra: object = {}): BenchmarkReport => ({
  name,
  procs: 2,
  package: 'example.com/m',
  nsPerOp,
  bytesPerOp,
  allocsPerOp: bytesPerOp ? 1 : 0,
  metrics: {},
  runs: 1,
  profiledIterations: null,
  setup: null,
  lines: [],
  notes: [],
  ...extra,
});

test('compare: names resolve as a full name or a unique suffix, sub-benchmarks by their first part', () => {
  const declared = ['BenchmarkCreateCopy', 'BenchmarkCreatePointer', 'BenchmarkCounter', 'BenchmarkParse', 'BenchmarkParse'];
  assert.deepEqual(resolveCompareName('BenchmarkCounter', declared), { name: 'BenchmarkCounter' });
  assert.deepEqual(resolveCompareName('Pointer', declared), { name: 'BenchmarkCreatePointer' });
  assert.deepEqual(resolveCompareName('Parse/small', declared), { name: 'BenchmarkParse/small' });
  assert.deepEqual(resolveCompareName('er', declared), {
    error: '--compare er: 2 benchmarks end so (BenchmarkCreatePointer, BenchmarkCounter); give more of the name',
  });
  assert.deepEqual(resolveCompareName('Nope', declared), { error: '--compare Nope: no benchmark is named so or ends so' });
});

test('compare: rows, ratios and the text table; gc and cpu rows only when the cost pass set them', () => {
  const a = bench('BenchmarkA', 10, 0);
  const b = bench('BenchmarkB', 50, 80, { gc: { cycles: 12, stwNsPerOp: 0.5 }, cpu: { allocShare: 0.4, gcShare: null } });
  const cmp = compareBenchmarks('BenchmarkA', 'BenchmarkB', [a, b]);
  assert.deepEqual(
    cmp.rows.map((r) => [r.id, r.a, r.b, r.ratio]),
    [
      ['nsPerOp', 10, 50, 5],
      ['bytesPerOp', 0, 80, null],
      ['allocsPerOp', 0, 1, null],
      ['gc.cycles', null, 12, null],
      ['gc.stwNsPerOp', null, 0.5, null],
      ['cpu.allocShare', null, 0.4, null],
      ['cpu.gcShare', null, null, null],
    ],
  );
  const plain = compareBenchmarks('BenchmarkA', 'BenchmarkMissing', [a, bench('BenchmarkZ', 10, 0)]);
  assert.deepEqual(
    plain.rows.map((r) => r.id),
    ['nsPerOp', 'bytesPerOp', 'allocsPerOp'],
  );
  assert.deepEqual(plain.notes, ['BenchmarkMissing did not run or measured nothing: its column is empty']);
  assert.equal(compareBenchmarks('BenchmarkA', 'BenchmarkZ', [a, bench('BenchmarkZ', 10, 0)]).rows[1]!.ratio, 1);

  const id = (s: string): string => s;
  const text = renderCompareText(cmp, { bold: id, dim: id });
  assert.deepEqual(text, [
    'Compare BenchmarkA (A) with BenchmarkB (B)',
    '                      BenchmarkA  BenchmarkB    B/A',
    'ns/op                         10          50  5.00x',
    'B/op                           0          80    inf',
    'allocs/op                      0           1    inf',
    'GC cycles                      -          12      -',
    'GC pause ns/op                 -        0.50      -',
    'CPU in the allocator           -       40.0%      -',
    'CPU in the GC                  -           -      -',
  ]);
});
