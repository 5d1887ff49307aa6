// A benchmark compared between the two sides of a diff, metric by metric, as benchstat compares them (medians with
// 95% confidence intervals, a two-sided Mann–Whitney U test at alpha 0.05; model/benchstat.ts), and whether it
// regressed beyond the threshold.

import {
  compareSamples,
  formatComparison,
  formatSummary,
  summarizeSample,
  type SampleComparison,
  type SampleSummary,
} from './benchstat.js';

export interface AbMetric {
  unit: string;
  from: SampleSummary & { text: string };
  to: SampleSummary & { text: string };
  comparison: SampleComparison & { text: string };
  /** Significant, worse (more time, bytes or allocations per op) and beyond the threshold. */
  regression: boolean;
}

export interface AbBenchmark {
  package: string;
  name: string;
  procs: number;
  metrics: AbMetric[];
  regression: boolean;
}

/** Units compared, in the order shown; others (MB/s, custom metrics) follow, where higher is not always worse. */
const UNITS = ['ns/op', 'B/op', 'allocs/op'];
const WORSE_WHEN_HIGHER = new Set(UNITS);

export function compareBenchmark(
  s: { package: string; name: string; procs: number; from: Record<string, number[]>; to: Record<string, number[]> },
  threshold: number,
): AbBenchmark {
  const units = [...UNITS.filter((u) => s.from[u] && s.to[u]), ...Object.keys(s.to).filter((u) => !UNITS.includes(u) && s.from[u])];
  const metrics = units.map((unit): AbMetric => {
    const a = s.from[unit]!;
    const b = s.to[unit]!;
    const from = summarizeSample(a);
    const to = summarizeSample(b);
    const c = compareSamples(a, b);
    const worse = c.center2 > c.center1 && (c.delta === null || c.delta > threshold);
    return {
      unit,
      from: { ...from, text: formatSummary(from) },
      to: { ...to, text: formatSummary(to) },
      comparison: { ...c, text: formatComparison(c) },
      regression: WORSE_WHEN_HIGHER.has(unit) && c.significant && worse,
    };
  });
  return { package: s.package, name: s.name, procs: s.procs, metrics, regression: metrics.some((m) => m.regression) };
}
