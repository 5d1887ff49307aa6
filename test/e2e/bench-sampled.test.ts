// heapscope bench's sampled profiled runs against its exact ones on a real benchmark that allocates 10,000 objects
// of known sizes per op on two lines (test/fixtures/modules/sampled): recording every one costs far more than the
// benchmark, so by default the runs sample; --exact records every allocation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import type { BenchLine, BenchReport, BenchmarkReport } from '../../src/model/bench-report.js';

const dir = join(fixturesDir, 'modules', 'sampled');

function bench(args: string[]): BenchReport {
  const r = runCli(['bench', '--format', 'json', '--benchtime', '20x', ...args, '-C', dir]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as BenchReport;
}
const named = (rep: BenchReport, name: string): BenchmarkReport => {
  const b = rep.benchmarks.find((x) => x.name === name);
  assert.ok(b, name);
  return b!;
};
const at = (b: BenchmarkReport, n: number): BenchLine => {
  const l = b.lines.find((x) => x.file === 'build.go' && x.line === n);
  assert.ok(l, `${b.name}: build.go:${n} in ${JSON.stringify(b.lines.map((x) => `${x.file}:${x.line}`))}`);
  return l!;
};

test('sampled per-line figures hold the exact ones within their stated uncertainty; a short benchmark stays exact; --exact forces exact', () => {
  const exact = named(bench(['--exact', '--bench', '^BenchmarkBuild$']), 'BenchmarkBuild');
  assert.equal(exact.sampling, undefined);
  // Every allocation recorded: 6,000 Smalls of 32 B and 4,000 Bigs of 96 B per op, to within one allocation in one
  // of the two runs (once in CI line 21 read 6000.07 allocs/op and 192,007.47 B/op: one 112-byte allocation more in
  // one run, over N2 − N1 = 15; what it was is not yet known).
  const [n1, n2] = exact.profiledIterations!;
  const oneAlloc = 1 / (n2 - n1);
  for (const [n, allocs, bytes] of [
    [21, 6000, 192000],
    [24, 4000, 384000],
  ] as const) {
    const l = at(exact, n);
    assert.equal(l.sampling, undefined);
    assert.ok(Math.abs(l.allocsPerOp - allocs) <= oneAlloc * 1.01 && Math.abs(l.bytesPerOp - bytes) <= 1024 * oneAlloc, JSON.stringify(l));
  }
  assert.match(exact.notes[0]!, /every allocation recorded/);

  const rep = bench([]);
  const sampled = named(rep, 'BenchmarkBuild');
  assert.ok(sampled.sampling && sampled.sampling.rate > 1 && sampled.sampling.samples >= 1000, JSON.stringify(sampled.sampling));
  assert.match(sampled.notes[0]!, /^sampled: /);
  for (const n of [21, 24]) {
    const e = at(exact, n);
    const s = at(sampled, n);
    assert.ok(s.sampling, `build.go:${n} sampled`);
    const [lo, hi] = s.sampling.allocsPerOp;
    const [blo, bhi] = s.sampling.bytesPerOp;
    assert.ok(lo <= s.allocsPerOp && s.allocsPerOp <= hi && blo <= s.bytesPerOp && s.bytesPerOp <= bhi);
    // The interval is informative (within 10% of the figure) and holds the exact figure. A 95% interval misses
    // one time in twenty by design; twice its half-width (3.9 standard errors) misses about once in 10,000, and
    // still fails a variance taken too small or a scale taken wrong.
    const half = (hi - lo) / 2;
    const bhalf = (bhi - blo) / 2;
    assert.ok(half > 0 && half < 0.1 * e.allocsPerOp && bhalf < 0.1 * e.bytesPerOp, JSON.stringify(s.sampling));
    assert.ok(Math.abs(s.allocsPerOp - e.allocsPerOp) <= 2 * half, `build.go:${n}: ${s.allocsPerOp} ± ${half} against ${e.allocsPerOp}`);
    assert.ok(Math.abs(s.bytesPerOp - e.bytesPerOp) <= 2 * bhalf, `build.go:${n}: ${s.bytesPerOp} ± ${bhalf} against ${e.bytesPerOp}`);
  }
  // BenchmarkOne is too short to be worth sampling: every allocation recorded, nothing lost.
  const one = named(rep, 'BenchmarkOne');
  assert.equal(one.sampling, undefined);
  assert.deepEqual(
    one.lines.map((l) => [l.line, l.allocsPerOp, l.bytesPerOp, l.sampling]),
    [[32, 1, 32, undefined]],
  );
});
