// Budgets (heapscope.json `budgets`): the most allocs/op and B/op a benchmark may take, held against the median of
// its timed runs by heapscope bench --check.

import type { BenchReport } from './bench-report.js';
import type { Config } from './config.js';

export interface BudgetResult {
  benchmark: string;
  metric: 'allocs/op' | 'B/op';
  budget: number;
  /** The median of the timed runs; null when the benchmark did not run (not selected, or it failed). */
  measured: number | null;
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
  }
  return out;
}
