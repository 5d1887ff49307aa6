// The cost figures in the page's data (encodeBench): cpu, gc and the CPU flame graph per benchmark, cpuShare and
// gcShareEstimate per line, each as the report holds it and left out when the report has none (bench --no-cost);
// the CPU flame's frames of the runtime keep their position as text and put no file of theirs in the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeBench } from '../../src/reporters/html/encode.js';
import type { BenchLine, BenchmarkReport, BenchReport } from '../../src/model/bench-report.js';
import type { PageGc } from '../../src/reporters/html/page-data.js';

const line: BenchLine = {
  file: 'alloc.go',
  line: 118,
  function: 'example.com/m.CreatePointer',
  innermost: null,
  allocsPerOp: 1,
  bytesPerOp: 80,
  types: [],
  typeDetails: [],
  allocations: [],
  sites: [],
  cause: null,
  notes: [],
};
const base: BenchmarkReport = {
  name: 'BenchmarkCreatePointer',
  procs: 2,
  package: 'example.com/m',
  nsPerOp: 110,
  bytesPerOp: 80,
  allocsPerOp: 1,
  metrics: {},
  runs: 1,
  profiledIterations: [100, 400],
  setup: null,
  lines: [line],
  flame: null,
  notes: [],
};
const gc: PageGc = {
  cycles: 120,
  cyclesPer1kOps: 0.03,
  stwNsPerOp: 1.5,
  heapGoalBytes: 4 << 20,
  peakHeapBytes: 5 << 20,
  ops: 4e6,
  source: 'gctrace',
};
const leaf = { name: 'runtime.mallocgc', file: '/go/src/runtime/malloc.go', line: 1150, kind: 'alloc' as const, samples: 14, children: [] };
const withCost: BenchmarkReport & { gc: PageGc } = {
  ...base,
  lines: [{ ...line, cpuShare: 0.5455, gcShareEstimate: 0.4545 }],
  cpu: { allocShare: 0.5455, gcShare: 0.4545, samples: 22, seconds: 0.22 },
  gc,
  cpuFlame: {
    periodNs: 1e7,
    ops: 4e6,
    outside: 7,
    root: {
      name: 'BenchmarkCreatePointer',
      file: '',
      line: 0,
      kind: 'other',
      samples: 22,
      children: [{ name: 'example.com/m.CreatePointer', file: 'alloc.go', line: 118, kind: 'other', samples: 14, children: [leaf] }],
    },
  },
};
const report = (benchmarks: BenchmarkReport[]): BenchReport => ({
  schemaVersion: 1,
  go: { version: 'go1.26.8', goos: 'linux', goarch: 'amd64' },
  root: '/m',
  benchmarks,
  packages: [{ importPath: 'example.com/m', dir: '/m', errors: [], notes: [] }],
});

test('cpu, gc, the CPU flame and the lines\u2019 shares in the page data; none of them without a cost pass', () => {
  const { data, files } = encodeBench(report([withCost, { ...base, name: 'BenchmarkNoCost' }]), {
    command: 'heapscope bench',
    hasSource: () => true,
  });
  const [b, none] = data.benchmarks!;
  const s = (i: number) => data.strings[i];
  assert.deepEqual(b!.cpu, withCost.cpu);
  assert.deepEqual(b!.gc, gc);
  assert.deepEqual([b!.lines[0]!.cpuShare, b!.lines[0]!.gcShareEstimate], [0.5455, 0.4545]);
  const flame = b!.cpuFlame!;
  assert.deepEqual([flame.periodNs, flame.ops, flame.outside, flame.root.samples], [1e7, 4e6, 7, 22]);
  const cp = flame.root.children[0]!;
  assert.deepEqual([s(cp.name), files[cp.file], cp.line, s(cp.at)], ['example.com/m.CreatePointer', 'alloc.go', 118, '']);
  const m = cp.children[0]!;
  assert.deepEqual(
    [s(m.name), m.file, s(m.at), m.kind, m.samples],
    ['runtime.mallocgc', -1, '/go/src/runtime/malloc.go:1150', 'alloc', 14],
  );
  assert.ok(!files.some((f) => f.includes('runtime')), JSON.stringify(files));
  // bench --no-cost: no field, not null.
  assert.ok(!('cpu' in none!) && !('gc' in none!) && !('cpuFlame' in none!), JSON.stringify(none));
  assert.ok(!('cpuShare' in none!.lines[0]!));
});
