// Budgets (heapscope.json `budgets`): the most allocs/op and B/op a benchmark may take, held against the median of
// its timed runs by heapscope bench --check; and the most GC cycles per 1k ops, stop-the-world ns/op and share of
// its CPU in the allocator (allocCpuShare, 0 to 1), held against the cost pass's figures (BenchmarkReport.gc, .cpu).

import type { BenchReport } from './bench-report.js';
import type { Config } from './config.js';
import { t } from '../i18n/t.js';

export interface BudgetResult {
  benchmark: string;
  metric: 'allocs/op' | 'B/op' | 'GC cycles/1k ops' | 'STW ns/op' | 'allocCpuShare';
  budget: number;
  /** The median of the timed runs (the cost pass's figure for the GC and CPU metrics); null when the benchmark did
   *  not run (not selected, or it failed), or ran without the figure (`unmeasured` says why). */
  measured: number | null;
  /** Why a benchmark that ran has no figure for the metric. */
  unmeasured?: string;
  over: boolean;
}

export function checkBudgets(report: BenchReport, config: Config): BudgetResult[] {
  const out: BudgetResult[] = [];
  for (const [name, b] of Object.entries(config.budgets)) {
    const bench = report.benchmarks.find((x) => x.name === name);
    const one = (metric: BudgetResult['metric'], budget: number | undefined, measured: number | null | undefined): void => {
      if (budget === undefined) return;
      const m = bench ? (measured ?? null) : null;
      out.push({ benchmark: name, metric, budget, measured: m, over: m !== null && m > budget });
    };
    one('allocs/op', b.allocsPerOp, bench?.allocsPerOp);
    one('B/op', b.bytesPerOp, bench?.bytesPerOp);
    const gcAt = out.length;
    one('GC cycles/1k ops', b.gcCyclesPer1kOps, bench?.gc?.cyclesPer1kOps);
    one('STW ns/op', b.stwNsPerOp, bench?.gc?.stwNsPerOp);
    if (bench && !bench.gc) {
      const why = bench.gc === undefined ? t('prose.budget.noCostPass') : t('prose.budget.noGctrace');
      for (const r of out.slice(gcAt)) r.unmeasured = why;
    }
    one('allocCpuShare', b.allocCpuShare, bench?.cpu?.allocShare);
    if (bench && b.allocCpuShare !== undefined && (bench.cpu?.allocShare ?? null) === null) {
      out[out.length - 1]!.unmeasured =
        bench.cpu === undefined
          ? t('prose.budget.noCostPass')
          : bench.cpu === null
            ? t('prose.budget.costRunFailed')
            : t('prose.budget.fewCpuSamples', { n: String(bench.cpu.samples) });
    }
  }
  return out;
}
