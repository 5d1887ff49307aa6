// The CPU flame graph of a cost run: the benchmark's stacks from its function down and the GC work of other
// goroutines beside them under one root of the samples the shares count, each frame's kind told from its path, a
// function's frames merged whatever line they were at, and the line it spent most on kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuFlameGraph, type CpuFlameNode } from '../../src/model/cpu-flame.js';
import { joinCpuCost } from '../../src/join/cpu-cost.js';
import type { BenchmarkReport } from '../../src/model/bench-report.js';
import type { CpuProfile, CpuSample } from '../../src/model/cpu-classes.js';

const pkg = 'example.com/heapscope/examples';
const f = (fn: string, file = '', line = 0) => ({ function: fn, file, line });
const runN = f('testing.(*B).runN', '/go/src/testing/benchmark.go', 219);
const bench = f(`${pkg}.BenchmarkCreatePointer`, 'alloc_test.go', 104);
const create = (line: number) => f(`${pkg}.CreatePointer`, 'alloc.go', line);
const s = (count: number, ...stack: ReturnType<typeof f>[]): CpuSample => ({ stack, count, nanos: count * 1e7 });

// Shaped after a real go1.26.8 profile of BenchmarkCreatePointer (go tool pprof -traces), innermost first.
const profile: CpuProfile = {
  periodNs: 1e7,
  durationNs: 1e9,
  samples: [
    s(
      12,
      f('runtime.nextFreeFast', '/go/src/runtime/malloc.go', 981),
      f('runtime.mallocgc'),
      f('runtime.newobject'),
      create(118),
      bench,
      runN,
    ),
    s(
      1,
      f('runtime.gcmarknewobject', '/go/src/runtime/mgcmark.go', 1775),
      f('runtime.mallocgc'),
      f('runtime.newobject'),
      create(118),
      bench,
      runN,
    ),
    s(3, create(117), bench, runN),
    s(2, bench, runN),
    s(7, f('runtime.lock2'), f('runtime.bgsweep'), f('runtime.goexit')),
    // Start-up and the scheduler: not the benchmark's, not GC work.
    s(4, f('runtime.mallocgc'), f('runtime.doInit1'), f('runtime.main'), f('runtime.goexit')),
    s(3, f('runtime.findRunnable'), f('runtime.schedule')),
  ],
};

const child = (n: CpuFlameNode, name: string): CpuFlameNode => {
  const c = n.children.find((x) => x.name === name);
  assert.ok(c, `${name} under ${n.name}: ${n.children.map((x) => x.name).join(', ')}`);
  return c;
};
const selfOf = (n: CpuFlameNode, kind: string): number =>
  (n.kind === kind ? n.samples - n.children.reduce((t, c) => t + c.samples, 0) : 0) + n.children.reduce((t, c) => t + selfOf(c, kind), 0);

test('the benchmark and the GC beside it, kinds by path, frames merged by function, the root the shares\u2019 samples', () => {
  const flame = cpuFlameGraph('BenchmarkCreatePointer', profile, 1000, (file) => file)!;
  assert.equal(flame.periodNs, 1e7);
  assert.equal(flame.ops, 1000);
  assert.equal(flame.outside, 7);
  const root = flame.root;
  assert.deepEqual(
    [root.name, root.samples, root.children.map((c) => [c.name, c.samples, c.kind])],
    [
      'BenchmarkCreatePointer',
      25,
      [
        [bench.function, 18, 'other'],
        ['runtime.bgsweep', 7, 'gc'], // runtime.goexit dropped
      ],
    ],
  );
  // CreatePointer's two lines are one frame, at the line it spent most on.
  const cp = child(child(root, bench.function), create(0).function);
  assert.deepEqual([cp.samples, cp.file, cp.line, cp.kind], [16, 'alloc.go', 118, 'other']);
  const malloc = child(child(cp, 'runtime.newobject'), 'runtime.mallocgc');
  assert.equal(malloc.kind, 'alloc');
  // A GC function under the allocator is GC work, and what it calls too.
  assert.equal(child(malloc, 'runtime.gcmarknewobject').kind, 'gc');
  assert.equal(child(malloc, 'runtime.nextFreeFast').kind, 'alloc');
  assert.equal(child(child(root, 'runtime.bgsweep'), 'runtime.lock2').kind, 'gc');

  // The same samples as the shares: the root is cpu.samples, the allocator's and GC's frames hold their shares.
  const rep: BenchmarkReport = {
    name: 'BenchmarkCreatePointer',
    procs: 2,
    package: pkg,
    nsPerOp: 20,
    bytesPerOp: 80,
    allocsPerOp: 1,
    metrics: {},
    runs: 1,
    profiledIterations: null,
    setup: null,
    lines: [],
    notes: [],
  };
  joinCpuCost(rep, { iterations: 1000, ops: 1000, profile, gctrace: [], seconds: 1, error: null }, (file) => file);
  assert.equal(root.samples, rep.cpu!.samples);
  assert.equal(Math.round((selfOf(root, 'alloc') / root.samples) * 10_000) / 10_000, rep.cpu!.allocShare);
  assert.equal(Math.round((selfOf(root, 'gc') / root.samples) * 10_000) / 10_000, rep.cpu!.gcShare);
});

test('a profile with none of the benchmark\u2019s samples and no GC work gives no flame graph', () => {
  assert.equal(
    cpuFlameGraph('BenchmarkOther', { ...profile, samples: profile.samples.slice(5) }, 10, (x) => x),
    null,
  );
});
