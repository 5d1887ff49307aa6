// Where a benchmark's CPU went, from the cost pass's CPU profile (runners/cost-pass.ts): the shares of its samples
// in the allocator and in GC work (model/cpu-classes.ts), and per line the allocator's CPU spent on the line's
// behalf. A sample in the allocator is charged to the innermost frame of the analysed module on its stack, as the
// memory attribution charges an allocation (join/attribute.ts, aggregate): strconv.Itoa's allocation lands on the
// module's line that called strconv.Itoa.
//
// The denominator is the benchmark's own samples (a frame of its function or a closure of it on the stack, or what
// testing.(*B).runN called: model/cpu-classes.ts benchmarkTop; mark
// assists and allocation included) and the GC work of the process's other goroutines (background marking and
// sweeping, the pauses, the testing package's runtime.GC before each run): what the benchmark cost, not diluted by
// the process's start-up, the testing package's own work or the scheduler looking for work, which a short
// benchmark's profile would otherwise be made of in good part. A goroutine the benchmark starts itself runs on a
// stack of its own and is left out, as in the memory attribution.

import type { BenchLine, BenchmarkReport, CostRun } from '../model/bench-report.js';
import { benchmarkTop, classifyStack } from '../model/cpu-classes.js';
import { benchmarkOwns, type Frame } from '../model/profile.js';
import { pathKind } from '../model/paths.js';
import { t } from '../i18n/t.js';

/** Fewer samples than this say nothing reliable about a share (one sample is 5% of 20): the shares are null. */
export const MIN_CPU_SAMPLES = 20;

function share(x: number, total: number): number {
  return Math.round((x / total) * 10_000) / 10_000;
}

/** Sets the benchmark's `cpu` and its lines' `cpuShare` and `gcShareEstimate` from its cost run; nothing without one. */
export function joinCpuCost(rep: BenchmarkReport, cost: CostRun | undefined, resolve: (f: string) => string): void {
  if (!cost) return;
  if (cost.noAllocation) {
    rep.cpu = { allocShare: 0, gcShare: 0, samples: 0, seconds: 0 };
    return;
  }
  if (!cost.profile && cost.cpuSkipped && !cost.error) {
    rep.cpu = { allocShare: null, gcShare: null, samples: 0, seconds: 0 };
    rep.notes.push(t('prose.cpu.noSamples', { min: String(MIN_CPU_SAMPLES), why: cost.cpuSkipped }));
    for (const l of [...rep.lines, ...(rep.untimed ?? [])]) {
      l.cpuShare = null;
      l.gcShareEstimate = null;
      l.costNsPerOp = null;
    }
    return;
  }
  if (!cost.profile) {
    rep.cpu = null;
    rep.notes.push(cost.error ? t('prose.cpu.noFigures', { why: cost.error }) : t('prose.cpu.noProfile'));
    return;
  }
  const owns = benchmarkOwns(rep.name.split('/')[0]!);
  const resolved = new Map<string, string>();
  const moduleFrame = (stack: Frame[]): string | null => {
    for (const f of stack) {
      let file = resolved.get(f.file);
      if (file === undefined) resolved.set(f.file, (file = resolve(f.file)));
      if (pathKind(file) === 'module') return `${file}:${f.line}`;
    }
    return null;
  };
  let total = 0;
  let alloc = 0;
  let gc = 0;
  const byLine = new Map<string, number>();
  for (const s of cost.profile.samples) {
    const cls = classifyStack(s.stack);
    if (cls !== 'gc' && benchmarkTop(s.stack, (f) => owns(f.function)) < 0) continue;
    total += s.count;
    if (cls === 'gc') gc += s.count;
    else if (cls === 'alloc') {
      alloc += s.count;
      const key = moduleFrame(s.stack);
      if (key) byLine.set(key, (byLine.get(key) ?? 0) + s.count);
    }
  }
  const known = total >= MIN_CPU_SAMPLES;
  const seconds = Math.round(total * cost.profile.periodNs) / 1e9;
  const gcShare = known ? share(gc, total) : null;
  rep.cpu = { allocShare: known ? share(alloc, total) : null, gcShare, samples: total, seconds };
  if (!known) {
    rep.notes.push(t('prose.cpu.fewSamples', { n: total, min: String(MIN_CPU_SAMPLES) }));
  }
  // A line's GC estimate: its share of the bytes the benchmark allocates (what the GC must sweep and, while they
  // live, mark), times the benchmark's GC share.
  const lines: BenchLine[] = [...rep.lines, ...(rep.untimed ?? [])];
  const bytes = Math.max(
    rep.bytesPerOp ?? 0,
    rep.lines.reduce((t, l) => t + l.bytesPerOp, 0),
  );
  // The CPU a sample stands for, per op of the cost run: what turns shares into time comparable across benchmarks.
  const nsPerSampleOp = cost.ops > 0 ? cost.profile.periodNs / cost.ops : null;
  for (const l of lines) {
    const own = byLine.get(`${l.file}:${l.line}`) ?? 0;
    l.cpuShare = known ? share(own, total) : null;
    l.gcShareEstimate = gcShare === null ? null : bytes > 0 ? Math.round(gcShare * (l.bytesPerOp / bytes) * 10_000) / 10_000 : 0;
    l.costNsPerOp =
      known && nsPerSampleOp !== null && l.gcShareEstimate !== null
        ? Math.round((own + l.gcShareEstimate * total) * nsPerSampleOp * 100) / 100
        : null;
  }
}
