// Budgets against a report's figures: allocs/op and B/op against the timed medians, allocCpuShare against the cost
// pass's share, and a share the run could not measure told apart from a benchmark that did not run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBudgets } from '../../src/model/budgets.js';
import type { BenchReport, BenchmarkReport } from '../../src/model/bench-report.js';

function bench(name: string, cpu: BenchmarkReport['cpu']): BenchmarkReport {
  const b: BenchmarkReport = {
    name,
    procs: 2,
    package: 'm',
    nsPerOp: 10,
    bytesPerOp: 16,
    allocsPerOp: 1,
    metrics: {},
    runs: 1,
    profiledIterations: null,
    setup: null,
    lines: [],
    notes: [],
  };
  if (cpu !== undefined) b.cpu = cpu;
  return b;
}

test('allocCpuShare: over, within, unknown (too few samples, failed, no cost pass), and not run', () => {
  const report = {
    benchmarks: [
      bench('BenchmarkHot', { allocShare: 0.5, gcShare: 0.2, samples: 100, seconds: 1 }),
      bench('BenchmarkFew', { allocShare: null, gcShare: null, samples: 7, seconds: 0.07 }),
      bench('BenchmarkFailed', null),
      bench('BenchmarkNoCost', undefined),
    ],
  } as unknown as BenchReport;
  const budgets = (share: number) =>
    Object.fromEntries(
      ['BenchmarkHot', 'BenchmarkFew', 'BenchmarkFailed', 'BenchmarkNoCost', 'BenchmarkGone'].map((n) => [n, { allocCpuShare: share }]),
    );
  const r = checkBudgets(report, { file: 'heapscope.json', budgets: budgets(0.4), packages: {}, defaults: {} });
  assert.deepEqual(
    r.map((b) => [b.benchmark, b.metric, b.measured, b.over, b.unmeasured]),
    [
      ['BenchmarkHot', 'allocCpuShare', 0.5, true, undefined],
      ['BenchmarkFew', 'allocCpuShare', null, false, 'only 7 CPU samples'],
      ['BenchmarkFailed', 'allocCpuShare', null, false, 'the cost run failed'],
      ['BenchmarkNoCost', 'allocCpuShare', null, false, 'no cost pass ran (--no-cost)'],
      ['BenchmarkGone', 'allocCpuShare', null, false, undefined],
    ],
  );
  const within = checkBudgets(report, { file: 'heapscope.json', budgets: budgets(0.5), packages: {}, defaults: {} });
  assert.equal(within[0]!.over, false);
});
