// Budgets (heapscope.json `budgets`): the most allocs/op and B/op a benchmark may take, held against the median of
// its timed runs by heapscope bench --check; and the most of its CPU it may spend in the allocator (allocCpuShare,
// 0 to 1), held against the cost pass's share.

import type { BenchReport } from './bench-report.js';
import type { Config } from './config.js';

export interface BudgetResult {
  benchmark: string;
  metric: 'allocs/op' | 'B/op' | 'allocCpuShare';
  budget: number;
  /** The median of the timed runs; null when the benchmark did not run (not selected, or it failed), or when it
   *  ran and the figure is not known (`unknown` says why). */
  measured: number | null;
  over: boolean;
  /** Why a benchmark that ran has no figure to check: no cost pass, or too few CPU samples. Not a pass. */
  unknown?: string;
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
    one('allocCpuShare', b.allocCpuShare, bench?.cpu?.allocShare);
    if (bench && b.allocCpuShare !== undefined && (bench.cpu?.allocShare ?? null) === null) {
      out[out.length - 1]!.unknown =
        bench.cpu === undefined
          ? 'no cost pass ran (--no-cost)'
          : bench.cpu === null
            ? 'the cost run failed'
            : `only ${bench.cpu.samples} CPU samples`;
    }
  }
  return out;
}
