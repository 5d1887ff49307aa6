// The GC's figures of a benchmark (BenchmarkReport.gc) from its cost run's gctrace lines (model/gc-figures.ts):
// which cycles belong to the timed run, what they paused, and the notes that say what the figures cannot.

import type { BenchmarkReport, CostRun } from '../model/bench-report.js';
import { gcFigures } from '../model/gc-figures.js';

/** Sets the benchmark's `gc` from its cost run; nothing without one (--no-cost). `env` is the run's environment. */
export function joinGcCost(
  rep: BenchmarkReport,
  cost: CostRun | undefined,
  goVersion: string,
  env: { GOGC?: string | undefined; GOMEMLIMIT?: string | undefined },
): void {
  if (cost?.noAllocation) {
    rep.gc = { cycles: 0, cyclesPer1kOps: 0, stwNsPerOp: 0, heapGoalBytes: null, peakHeapBytes: null, ops: 0, source: 'no-allocation' };
    rep.notes.push('no cost run: the timed run measured 0 allocs/op and 0 B/op, so its CPU and GC figures are 0');
    return;
  }
  if (!cost?.gcTrace) return;
  if (cost.ops <= 0) {
    rep.gc = null;
    rep.notes.push(`no GC figures: ${cost.error ?? 'the cost run printed no result'}`);
    return;
  }
  const r = gcFigures({ trace: cost.gcTrace, ops: cost.ops, goVersion, benchmark: rep.name, env });
  rep.gc = r.gc;
  rep.notes.push(...r.notes);
}
