// bench --check's budgets, the GC ones against figures from real captured gctrace runs (test/fixtures/gctrace):
// over, within, not run, and ran without the figure (the cost pass skipped, or its trace unread).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import type { BenchmarkReport, BenchReport } from '../../src/model/bench-report.js';
import { checkBudgets } from '../../src/model/budgets.js';
import type { Config } from '../../src/model/config.js';
import { gcFigures } from '../../src/model/gc-figures.js';
import { parseGcTraceText } from '../../src/parsers/gctrace.js';
import { fixturesDir } from '../helpers/paths.js';

function benchmark(name: string, gc: BenchmarkReport['gc'] | 'none'): BenchmarkReport {
  return {
    name,
    procs: 2,
    package: 'example.com/heapscope/examples',
    nsPerOp: 60,
    bytesPerOp: 80,
    allocsPerOp: 1,
    metrics: {},
    runs: 1,
    profiledIterations: null,
    setup: null,
    lines: [],
    notes: [],
    ...(gc === 'none' ? {} : { gc }),
  };
}

function captured(name: string, benchmarkName: string): BenchmarkReport['gc'] {
  const text = readFileSync(join(fixturesDir, 'gctrace', 'go1.26.8', `${name}.txt`), 'utf8');
  return gcFigures({ trace: parseGcTraceText(text), ops: 2_000_000, goVersion: 'go1.26.8', benchmark: benchmarkName, env: {} }).gc;
}

test('GC budgets: over and within on captured figures; not run; ran without the figure', () => {
  const pointer = captured('pointer', 'BenchmarkCreatePointer');
  const copy = captured('copy', 'BenchmarkCreateCopy');
  assert.ok(pointer && copy && pointer.cycles > 0 && copy.cycles === 0);
  const report: BenchReport = {
    schemaVersion: 1,
    go: { version: 'go1.26.8', goos: 'linux', goarch: 'amd64' },
    root: '/m',
    benchmarks: [
      benchmark('BenchmarkCreatePointer', pointer),
      benchmark('BenchmarkCreateCopy', copy),
      benchmark('BenchmarkNoCost', 'none'),
      benchmark('BenchmarkUnread', null),
    ],
    packages: [],
  };
  const config: Config = {
    file: '/m/heapscope.json',
    budgets: {
      BenchmarkCreatePointer: { allocsPerOp: 1, gcCyclesPer1kOps: pointer.cyclesPer1kOps / 2, stwNsPerOp: pointer.stwNsPerOp * 2 },
      BenchmarkCreateCopy: { gcCyclesPer1kOps: 0, stwNsPerOp: 0 },
      BenchmarkNoCost: { stwNsPerOp: 10 },
      BenchmarkUnread: { gcCyclesPer1kOps: 1 },
      BenchmarkGone: { gcCyclesPer1kOps: 1 },
    },
    packages: {},
    defaults: {},
  };
  const r = checkBudgets(report, config);
  assert.deepEqual(
    r.map((b) => [b.benchmark, b.metric, b.measured, b.over, b.unmeasured ?? null]),
    [
      ['BenchmarkCreatePointer', 'allocs/op', 1, false, null],
      ['BenchmarkCreatePointer', 'GC cycles/1k ops', pointer.cyclesPer1kOps, true, null],
      ['BenchmarkCreatePointer', 'STW ns/op', pointer.stwNsPerOp, false, null],
      ['BenchmarkCreateCopy', 'GC cycles/1k ops', 0, false, null],
      ['BenchmarkCreateCopy', 'STW ns/op', 0, false, null],
      ['BenchmarkNoCost', 'STW ns/op', null, false, 'no cost pass ran (--no-cost)'],
      ['BenchmarkUnread', 'GC cycles/1k ops', null, false, "the cost pass's gctrace did not tell (see the benchmark's notes)"],
      ['BenchmarkGone', 'GC cycles/1k ops', null, false, null],
    ],
  );
});
