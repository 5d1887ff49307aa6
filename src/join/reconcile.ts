// Checks a benchmark's per-line figures against what go test measured, and says why they differ when they do.
// Each reason is checked against the figures, never assumed: setup outside the loop is what the profiled runs
// measured outside the per-op slope, divided over the timed run's iterations; tiny allocations are named only
// when the line's types are tiny-allocator sized; amortised growth only when lines allocate less than once per op.

import type { BenchmarkReport, ProfiledRun } from '../model/bench-report.js';
import { isTinyAllocation } from '../model/size-classes.js';

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

export function reconcile(rep: BenchmarkReport, high: ProfiledRun): void {
  const [n1, n2] = rep.profiledIterations!;
  rep.notes.push(
    `per-line figures come from two runs with every allocation recorded (${n1} and ${n2} iterations); timings from the plain run`,
  );
  const lines = round(rep.lines.reduce((s, l) => s + l.allocsPerOp, 0));
  const lineBytes = round(rep.lines.reduce((s, l) => s + l.bytesPerOp, 0));
  const measured = rep.allocsPerOp;
  const measuredBytes = rep.bytesPerOp;
  // go test divides what the timed run allocated by its b.N: setup outside the loop is in it, over b.N.
  const timedN = rep.metrics['iterations']?.median ?? null;
  const setupShare = rep.setup && timedN ? rep.setup.bytes / timedN : 0;

  if (measured !== null) {
    // allocs/op and B/op are printed truncated: a sum of 1.99 is "1 allocs/op".
    const agrees = Math.abs(lines - measured) < 0.5 || (measured === Math.floor(lines) && lines - measured < 1);
    if (!agrees && lines < measured) {
      const tiny = rep.lines.some(
        (l) =>
          l.allocations.some((a) => a.size !== null && isTinyAllocation(a.size, false)) ||
          l.typeDetails.some((t) => t.size !== null && t.size < 16) ||
          l.typeDetails.some((t) => /^conv|string|bytes/.test(t.runtime)),
      );
      const bytesAgree = measuredBytes !== null && Math.abs(lineBytes - measuredBytes) <= Math.max(8, measuredBytes * 0.1);
      rep.notes.push(
        `the lines add up to ${lines} allocs/op but the benchmark measured ${measured}: ` +
          (tiny || bytesAgree
            ? 'the difference is tiny allocations: pointer-free objects under 16 bytes share one 16-byte block, and the memory profile records the block, not each object'
            : 'the memory profile recorded fewer allocations than the allocator counted') +
          (bytesAgree ? ` (bytes agree: ${lineBytes} B/op in the lines, ${measuredBytes} B/op measured)` : ''),
      );
    } else if (!agrees) {
      rep.notes.push(
        `the lines add up to ${lines} allocs/op but the benchmark measured ${measured}${high.allocsPerOp !== null ? ` (${high.allocsPerOp} in the profiled run)` : ''}: the timed runs may differ from the profiled ones (caches, pools, GC timing)`,
      );
    }
  }

  if (measuredBytes === null) return;
  const gap = measuredBytes - lineBytes;
  if (Math.abs(gap) <= Math.max(8, measuredBytes * 0.1)) {
    const amortised = rep.lines.filter((l) => l.allocsPerOp < 1 && l.bytesPerOp >= 1);
    if (measured === 0 && measuredBytes > 0 && amortised.length) {
      rep.notes.push(
        `${measuredBytes} B/op at 0 allocs/op: amortised growth on ${amortised.map((l) => `${l.file}:${l.line}`).join(', ')}, which allocates less than once per op (go test truncates allocs/op)`,
      );
    }
    return;
  }
  // A slice that grows by doubling allocates a number of bytes per op that depends on where N falls between
  // doublings: the timed run and the profiled runs each measure their own N correctly, and differ by at most
  // what the growing lines allocate.
  const growing = rep.lines.filter((l) => l.amortised);
  const growingBytes = growing.reduce((t, l) => t + l.bytesPerOp, 0);
  if (growing.length && Math.abs(gap) <= growingBytes * 1.01) {
    rep.notes.push(
      `the lines add up to ${lineBytes} B/op and the benchmark measured ${measuredBytes}: amortised growth on ${growing.map((l) => `${l.file}:${l.line}`).join(', ')} ` +
        `allocates a share per op that depends on N (the slice doubles at powers of two); the timed run (${timedN ?? '?'} iterations) and the profiled runs (${n1} to ${n2}) each measured their own`,
    );
    return;
  }
  if (gap > 0 && setupShare > 0 && Math.abs(setupShare - gap) <= Math.max(8, gap * 0.25)) {
    rep.notes.push(
      `${round(gap)} B/op of the measured ${measuredBytes} are setup outside the loop: ${round(rep.setup!.bytes)} B per benchmark call, which go test divides over the timed run's ${timedN} iterations (call b.ResetTimer after the setup, or use b.Loop)`,
    );
    return;
  }
  rep.notes.push(
    `the lines add up to ${lineBytes} B/op but the benchmark measured ${measuredBytes}: ` +
      (gap > 0
        ? `${round(gap)} B/op are not in the memory profile's per-op slope (setup outside the loop accounts for ${round(setupShare)} B/op)`
        : `the profiled runs allocated ${round(-gap)} B/op more than the timed run (caches, pools, GC timing)`),
  );
}
