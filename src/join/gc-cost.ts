// The GC's figures of a benchmark (BenchmarkReport.gc) from its cost run's gctrace lines (model/gc-figures.ts):
// which cycles belong to the timed run, what they paused, and the notes that say what the figures cannot.

import type { BenchmarkReport, CostRun } from '../model/bench-report.js';
import { gcFigures } from '../model/gc-figures.js';
import { t } from '../i18n/t.js';

/** Sets the benchmark's `gc` from its cost run; nothing without one (--no-cost). `env` is the run's environment. */
export function joinGcCost(
  rep: BenchmarkReport,
  cost: CostRun | undefined,
  goVersion: string,
  env: { GOGC?: string | undefined; GOMEMLIMIT?: string | undefined },
): void {
  if (cost?.noAllocation) {
    rep.gc = { cycles: 0, cyclesPer1kOps: 0, stwNsPerOp: 0, heapGoalBytes: null, peakHeapBytes: null, ops: 0, source: 'no-allocation' };
    rep.notes.push(t('prose.gc.noAllocation'));
    return;
  }
  if (!cost?.gcTrace) return;
  if (cost.ops <= 0) {
    rep.gc = null;
    rep.notes.push(cost.error ? t('prose.gc.noFigures', { why: cost.error }) : t('prose.gc.noResult'));
    return;
  }
  const r = gcFigures({ trace: cost.gcTrace, ops: cost.ops, goVersion, benchmark: rep.name, env });
  rep.gc = r.gc;
  rep.notes.push(...r.notes);
}
