// The attribution of sampled profiled runs (src/join/sampled.ts): each line's interval, the notes, and a pair of
// runs that recorded too few allocations to split.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attribute } from '../../src/join/attribute.js';
import type { AnalysisModel } from '../../src/model/types.js';
import type { MemProfile } from '../../src/model/profile.js';
import type { ProfiledRun } from '../../src/model/bench-report.js';
import { renderBenchText } from '../../src/reporters/bench-text.js';

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

const bench = { function: 'example.com/m.BenchmarkX', file: 'x_test.go', line: 7 };

/** A profile as pprof writes one at `rate`: each line's count already scaled by 1/q. */
function profile(rate: number, lines: { line: number; objects: number; size: number }[]): MemProfile {
  return {
    rate,
    samples: lines.map((l) => ({
      stack: [{ function: 'example.com/m.build', file: 'x.go', line: l.line }, bench],
      allocObjects: l.objects,
      allocBytes: l.objects * l.size,
    })),
  };
}

function run(rate: number, low: MemProfile, high: MemProfile, n: [number, number]) {
  const pr = (iterations: number, p: MemProfile): ProfiledRun => ({
    iterations,
    profile: p,
    allocsPerOp: 10000,
    bytesPerOp: 576000,
    error: null,
  });
  return attribute({
    run: {
      package: 'example.com/m',
      result: {
        name: 'BenchmarkX',
        procs: 2,
        runs: [{ iterations: 20, metrics: { 'ns/op': 5e5, 'B/op': 576000, 'allocs/op': 10000 }, line: 1 }],
      },
      low: pr(n[0], low),
      high: pr(n[1], high),
    },
    model,
    asm: [],
    resolve: (f) => f,
  });
}

test('sampled runs: per-line estimates with 95% intervals, the rate and samples, and notes that say so', () => {
  // 6,000 objects of 32 B and 4,000 of 96 B per op, at rate 576: the estimates pprof wrote for 5 and 20 iterations.
  const rate = 576;
  const rep = run(
    rate,
    profile(rate, [
      { line: 21, objects: 30000, size: 32 },
      { line: 24, objects: 20000, size: 96 },
    ]),
    profile(rate, [
      { line: 21, objects: 120000, size: 32 },
      { line: 24, objects: 80000, size: 96 },
    ]),
    [5, 20],
  );
  assert.ok(rep.sampling);
  assert.equal(rep.sampling.rate, rate);
  const q32 = -Math.expm1(-32 / rate);
  const q96 = -Math.expm1(-96 / rate);
  const k = (n: number, q: number): number => Math.round(n * q);
  assert.equal(rep.sampling.samples, k(30000, q32) + k(120000, q32) + k(20000, q96) + k(80000, q96));
  const [a, b] = [rep.lines.find((l) => l.line === 21)!, rep.lines.find((l) => l.line === 24)!];
  assert.equal(a.allocsPerOp, 6000);
  assert.equal(b.bytesPerOp, 384000);
  // Half-width 1.96·sqrt(n(1−q)/q summed over both runs) / (N2 − N1).
  const half = (1.96 * Math.sqrt((150000 * (1 - q32)) / q32)) / 15;
  assert.ok(Math.abs(a.sampling!.allocsPerOp[1] - (6000 + half)) < 0.01);
  assert.ok(Math.abs(a.sampling!.bytesPerOp[0] - (192000 - half * 32)) < 0.5);
  assert.equal(a.sampling!.samples, k(30000, q32) + k(120000, q32));
  assert.ok(b.sampling!.allocsPerOp[0] < 4000 && b.sampling!.allocsPerOp[1] > 4000);
  assert.match(rep.notes[0]!, /^sampled: .*memprofilerate=576/);
  assert.ok(rep.notes.some((n) => /^the lines add up to 10000 ± [\d.]+ allocs\/op/.test(n)));
  assert.ok(!rep.lines.some((l) => l.oneOff));
  // The text report marks the estimate and prints its interval.
  const text = renderBenchText(
    { schemaVersion: 1, go: model.go, root: '/m', benchmarks: [rep], packages: [] },
    { color: false, verbose: false, cwd: '/m' },
  );
  assert.match(
    text,
    /x\.go:21: ~6000 allocs\/op, 192000 B\/op \(sampled, 95%: [\d.]+…[\d.]+ allocs\/op, [\d.]+…[\d.]+ B\/op; \d+ recorded\)/,
  );
});

test('exact runs carry no sampling; sampled runs with too few allocations recorded give no lines and say why', () => {
  const exact = run(
    1,
    profile(1, [{ line: 21, objects: 30000, size: 32 }]),
    profile(1, [{ line: 21, objects: 120000, size: 32 }]),
    [5, 20],
  );
  assert.equal(exact.sampling, undefined);
  assert.ok(exact.lines.every((l) => l.sampling === undefined));
  // Rate 1 MB: the 32-byte objects left a handful of samples (scaled back to thousands).
  const rate = 1 << 20;
  const q = -Math.expm1(-32 / rate);
  const thin = run(
    rate,
    profile(rate, [{ line: 21, objects: Math.round(3 / q), size: 32 }]),
    profile(rate, [{ line: 21, objects: Math.round(9 / q), size: 32 }]),
    [5, 20],
  );
  assert.deepEqual(thin.lines, []);
  assert.equal(thin.sampling?.samples, 12);
  assert.match(thin.notes.join('\n'), /no per-line figures: the sampled profiled runs .* recorded 12 allocations, too few .* --exact/);
  assert.equal(thin.allocsPerOp, 10000);
});

test('a line whose interval holds zero is left out; a shorter run that overran records exactly, the longer one samples', () => {
  const rate = 576;
  const q = -Math.expm1(-32 / rate);
  // Line 30: one sample in each run, no per-op growth: noise.
  const rep = run(
    rate,
    profile(1, [
      { line: 21, objects: 30000, size: 32 },
      { line: 30, objects: 1, size: 32 },
    ]),
    profile(rate, [
      { line: 21, objects: 120000, size: 32 },
      { line: 30, objects: Math.round(1 / q), size: 32 },
    ]),
    [5, 20],
  );
  assert.deepEqual(
    rep.lines.map((l) => l.line),
    [21],
  );
  assert.equal(rep.sampling?.lowRate, 1);
  assert.match(rep.notes[0]!, /^sampled: .*the shorter run \(5 iterations, -test\.memprofilerate=1\) took longer than planned/);
  // The exact shorter run adds no variance: the half-width is the longer run's alone.
  const half = (1.96 * Math.sqrt((120000 * (1 - q)) / q)) / 15;
  assert.ok(Math.abs(rep.lines[0]!.sampling!.allocsPerOp[1] - (6000 + half)) < 0.01);
});
