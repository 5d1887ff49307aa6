// The cost pass's CPU profile joined to a benchmark and its lines: which samples count, the threshold below which
// a share is unknown, and a library's allocation charged to the module's line that called it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinCpuCost, MIN_CPU_SAMPLES } from '../../src/join/cpu-cost.js';
import type { BenchLine, BenchmarkReport, CostRun } from '../../src/model/bench-report.js';
import type { CpuSample } from '../../src/model/cpu-classes.js';

const pkg = 'example.com/heapscope/examples';
const f = (fn: string, file = '', line = 0) => ({ function: fn, file, line });
const bench = f(`${pkg}.BenchmarkItoa`, 'alloc_test.go', 80);
const itoa = f(`${pkg}.Itoa`, 'alloc.go', 111);
const samples = (count: number, ...stack: ReturnType<typeof f>[]): CpuSample => ({ stack, count, nanos: count * 1e7 });

function line(n: number, bytesPerOp: number): BenchLine {
  return {
    file: 'alloc.go',
    line: n,
    function: null,
    innermost: null,
    allocsPerOp: 1,
    bytesPerOp,
    types: [],
    typeDetails: [],
    allocations: [],
    sites: [],
    cause: null,
    notes: [],
  };
}
function report(): BenchmarkReport {
  const base = { procs: 2, package: pkg, nsPerOp: 20, allocsPerOp: 2, metrics: {}, runs: 1, profiledIterations: null, setup: null };
  return { ...base, name: 'BenchmarkItoa', bytesPerOp: 20, lines: [line(111, 4), line(112, 16)], notes: [] };
}
function cost(scale: number): CostRun {
  const s = (n: number, ...st: ReturnType<typeof f>[]) => samples(n * scale, ...st);
  return {
    iterations: 1000,
    ops: 1000,
    gctrace: [],
    seconds: 1,
    error: null,
    profile: {
      periodNs: 1e7,
      durationNs: 1e9,
      samples: [
        // Allocated inside strconv, called from alloc.go:111 (absolute paths resolve outside the module).
        s(
          10,
          f('runtime.mallocgcTiny', '/go/src/runtime/malloc.go', 1),
          f('runtime.mallocgc'),
          f('strconv.FormatInt', '/go/src/strconv/itoa.go', 30),
          itoa,
          bench,
        ),
        // A mark assist inside the allocator: GC work.
        s(5, f('runtime.gcAssistAlloc'), f('runtime.mallocgc'), f('strconv.FormatInt', '/go/src/strconv/itoa.go', 30), itoa, bench),
        s(15, itoa, bench),
        // The background mark worker: GC work of another goroutine, counted.
        s(5, f('runtime.gcDrain'), f('runtime.gcBgMarkWorker')),
        // Start-up and the scheduler: not the benchmark's.
        s(20, f('runtime.mallocgc'), f('runtime.doInit1'), f('runtime.main')),
        s(7, f('runtime.findRunnable'), f('runtime.schedule')),
      ],
    },
  };
}
const resolve = (file: string): string => file;

test('shares of the benchmark and its lines, a library allocation on its caller line, too few samples, no profile', () => {
  const rep = report();
  joinCpuCost(rep, cost(1), resolve);
  assert.deepEqual(rep.cpu, { allocShare: 0.2857, gcShare: 0.2857, samples: 35, seconds: 0.35 });
  assert.equal(rep.lines[0]!.cpuShare, 0.2857);
  assert.equal(rep.lines[1]!.cpuShare, 0);
  // 4 of the 20 bytes per op: a fifth of the GC share.
  assert.equal(rep.lines[0]!.gcShareEstimate, 0.0571);
  assert.equal(rep.lines[1]!.gcShareEstimate, 0.2286);
  assert.deepEqual(rep.notes, []);

  // 35 samples counted at scale 1: at 0.5 (17), below the threshold, the shares are unknown and the note says how many.
  assert.ok(Math.floor(35 * 0.5) < MIN_CPU_SAMPLES);
  const few = report();
  joinCpuCost(
    few,
    {
      ...cost(0.5),
      profile: { ...cost(0.5).profile!, samples: cost(0.5).profile!.samples.map((x) => ({ ...x, count: Math.floor(x.count) })) },
    },
    resolve,
  );
  assert.deepEqual(few.cpu, { allocShare: null, gcShare: null, samples: 16, seconds: 0.16 });
  assert.equal(few.lines[0]!.cpuShare, null);
  assert.equal(few.lines[0]!.gcShareEstimate, null);
  assert.match(few.notes.join('\n'), /only 16 CPU samples .*\(20 needed\)/);

  const none = report();
  joinCpuCost(none, { ...cost(1), profile: null, error: 'no CPU profile was written (exit status 2)' }, resolve);
  assert.equal(none.cpu, null);
  assert.deepEqual(none.notes, ['no CPU figures: no CPU profile was written (exit status 2)']);
  // No cost run (--no-cost): nothing set.
  const skipped = report();
  joinCpuCost(skipped, undefined, resolve);
  assert.ok(!('cpu' in skipped) && !('cpuShare' in skipped.lines[0]!));
});
