// Statistics over a benchmark's repeated runs: the median, range and spread of each metric, as benchstat
// summarises them. Model code: the runners and the join use it, the parsers only produce the runs.
import type { BenchResult, BenchRun, MetricSummary } from './alloc-types.js';

/**
 * The median, min, max and spread of each metric over the runs (units present in any run). Runs with 0 iterations
 * are left out: a benchmark that panics in its timed run can print "0  NaN ns/op  0 B/op" before the process dies.
 */
export function summarizeRuns(runs: readonly BenchRun[]): Record<string, MetricSummary> {
  const values = new Map<string, number[]>();
  for (const r of runs) {
    if (r.iterations === 0) continue;
    for (const [unit, v] of Object.entries(r.metrics)) {
      if (Number.isNaN(v)) continue;
      let list = values.get(unit);
      if (!list) values.set(unit, (list = []));
      list.push(v);
    }
  }
  const out: Record<string, MetricSummary> = {};
  for (const [unit, list] of values) out[unit] = summarize(list);
  return out;
}

/** summarizeRuns over one benchmark, with the iteration counts as the pseudo-unit `iterations`. */
export function summarizeBenchmark(b: BenchResult): Record<string, MetricSummary> {
  const s = summarizeRuns(b.runs);
  s['iterations'] = summarize(b.runs.filter((r) => r.iterations > 0).map((r) => r.iterations));
  return s;
}

export function summarize(list: readonly number[]): MetricSummary {
  const sorted = [...list].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, median: NaN, min: NaN, max: NaN, spread: null };
  const mid = n >> 1;
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  const spread = median === 0 ? null : Math.max(median - min, max - median) / Math.abs(median);
  return { n, median, min, max, spread };
}
