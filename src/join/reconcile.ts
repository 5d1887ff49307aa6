// Checks a benchmark's per-line figures against what go test measured, and says why they differ when they do.
// Each reason is checked against the figures, never assumed: setup outside the loop is what the profiled runs
// measured outside the per-op slope, divided over the timed run's iterations; tiny allocations are named only
// when the line's types are tiny-allocator sized; amortised growth only when lines allocate less than once per op.
// Only what go test's truncation of B/op and allocs/op to integers hides goes without a note.

import type { BenchmarkReport, ProfiledRun } from '../model/bench-report.js';
import { isTinyAllocation } from '../model/size-classes.js';
import { sampledNotes, type SampledTotals } from './sampled.js';

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** What the lines do not show: allocations below the lines' floor (one-offs and noise), per op. */
export interface Unshown {
  allocs: number;
  bytes: number;
}

export function reconcile(
  rep: BenchmarkReport,
  high: ProfiledRun,
  unshown: Unshown = { allocs: 0, bytes: 0 },
  /** Sampled runs (rep.sampling): the lines' intervals, which decide whether they agree with go test. */
  sampled?: SampledTotals,
): void {
  const [n1, n2] = rep.profiledIterations!;
  // Sampled: a sum within its interval of what go test measured needs no other reason.
  const agrees = sampled ? sampledNotes(rep, sampled, unshown) : { allocs: false, bytes: false };
  if (!sampled) {
    rep.notes.push(
      `per-line figures come from two runs with every allocation recorded (${n1} and ${n2} iterations); timings from the plain run`,
    );
  }
  const lines = round(rep.lines.reduce((s, l) => s + l.allocsPerOp, 0));
  const lineBytes = round(rep.lines.reduce((s, l) => s + l.bytesPerOp, 0));
  const measured = rep.allocsPerOp;
  const measuredBytes = rep.bytesPerOp;
  // go test divides what the timed run allocated by its b.N: setup outside the loop is in it, over b.N.
  const timedN = rep.metrics['iterations']?.median ?? null;
  const setupShare = rep.setup && timedN ? rep.setup.bytes / timedN : 0;
  const oneOffs = rep.lines.filter((l) => l.oneOff);
  if (rep.untimed?.length) {
    const a = round(rep.untimed.reduce((t, l) => t + l.allocsPerOp, 0));
    const b = round(rep.untimed.reduce((t, l) => t + l.bytesPerOp, 0));
    rep.notes.push(
      `${a} allocs and ${b} B per b.N are made outside the timed loop, on ${rep.untimed.map((l) => `${l.file}:${l.line}`).join(', ')} (before b.ResetTimer or under b.StopTimer): go test does not count them, and the per-op lines leave them out`,
    );
  }
  if (oneOffs.length) {
    rep.notes.push(
      `${oneOffs.map((l) => `${l.file}:${l.line}`).join(', ')}: one-off allocations (${round(oneOffs.reduce((t, l) => t + l.bytesPerOp, 0))} B/op at the profiled runs' N), not a per-op cost`,
    );
  }
  // What the lines' floor left out: one-offs and noise that no line shows.
  const hidden =
    unshown.bytes >= 1 || unshown.allocs >= 0.01
      ? `; ${round(unshown.allocs)} allocs/op and ${round(unshown.bytes)} B/op are in no line (each below 0.01 allocs/op and 8 B/op: one-offs, the runtime's and the testing package's own)`
      : '';

  if (measured !== null && !agrees.allocs) {
    // allocs/op and B/op are printed truncated: a sum of 1.99 is "1 allocs/op".
    // allocs/op is printed truncated (a sum of 1.99 is "1 allocs/op"); a slope of 0.99 is one per op with noise.
    const agrees = Math.abs(lines - measured) < 0.02 || measured === Math.floor(lines + 0.005);
    const estimated = rep.lines.filter((l) => l.profiledAllocsPerOp !== undefined);
    const profiled = round(rep.lines.reduce((s, l) => s + (l.profiledAllocsPerOp ?? l.allocsPerOp), 0));
    if (agrees && estimated.length) {
      rep.notes.push(
        `the lines add up to the benchmark's ${measured} allocs/op with tiny objects estimated on ${estimated.map((l) => `${l.file}:${l.line}`).join(', ')}: ` +
          `the memory profile recorded ${profiled} allocs/op, counting each 16-byte block of tiny objects once (see the lines' notes)`,
      );
    }
    // Tiny objects no line shows: each block a line's tiny allocation opened has room left for objects made next.
    const openers = rep.lines.flatMap((l) =>
      l.allocations
        .filter(
          // A string whose length the listing cannot know (fmt.Sprint's) opens blocks as well as a boxed int.
          (a) =>
            !a.tinyEstimate && (a.size === null || a.size <= 8) && a.allocsPerOp > 0 && Math.abs(a.bytesPerOp / a.allocsPerOp - 16) < 0.5,
        )
        .map(
          (a) =>
            `${l.file}:${l.line}'s ${a.runtime ? `runtime.${a.runtime}` : (a.callee ?? 'allocation')} (${a.type ?? '?'}, ` +
            (a.size !== null
              ? `${a.size} B) leaves ${16 - a.size} B of each block it opens`
              : 'size unknown) leaves room in each block it opens'),
        ),
    );
    if (!agrees && lines < measured && openers.length) {
      rep.notes.push(
        `the lines add up to ${lines} allocs/op but the benchmark measured ${measured}: ${round(measured - lines)} allocs/op are tiny objects no line shows. ` +
          `The profile records only the allocation that opens a 16-byte block; an object under 16 B without pointers that fits in the rest of the block is never recorded: ` +
          `${openers.join('; ')}, for an object made next on the same goroutine (inside a call on that line, or on the next line that allocates)` +
          hidden,
      );
    } else if (!agrees && lines < measured) {
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
          (bytesAgree ? ` (bytes agree: ${lineBytes} B/op in the lines, ${measuredBytes} B/op measured)` : '') +
          hidden,
      );
    } else if (!agrees && estimated.length && profiled <= measured + 0.02) {
      // Only the estimates take the lines past the benchmark: they assumed more objects per block than it had.
      rep.notes.push(
        `the lines add up to ${lines} allocs/op but the benchmark measured ${measured}: the tiny-object estimates on ${estimated.map((l) => `${l.file}:${l.line}`).join(', ')} count more objects than ran (they assume one object per op from each tiny call, or that its objects fill its blocks); the memory profile recorded ${profiled} allocs/op`,
      );
    } else if (!agrees) {
      rep.notes.push(
        `the lines add up to ${lines} allocs/op but the benchmark measured ${measured}${high.allocsPerOp !== null ? ` (${high.allocsPerOp} in the profiled run)` : ''}: ` +
          (oneOffs.length
            ? "one-off allocations at the profiled runs' N count for less in the timed run"
            : 'the timed runs may differ from the profiled ones (caches, pools, GC timing)'),
      );
    }
  }

  if (measuredBytes === null || agrees.bytes) return;
  const gap = measuredBytes - lineBytes;
  const amortised = rep.lines.filter((l) => l.allocsPerOp < 1 && l.bytesPerOp >= 1);
  if (measured === 0 && measuredBytes > 0 && amortised.length) {
    rep.notes.push(
      `${measuredBytes} B/op at 0 allocs/op: amortised growth on ${amortised.map((l) => `${l.file}:${l.line}`).join(', ')}, which allocates less than once per op (go test truncates allocs/op)`,
    );
  }
  // go test prints B/op truncated to an integer, and a stray allocation in one profiled run moves a line's slope by
  // its size over N2 − N1: less than a byte per op either way says nothing.
  if (Math.abs(gap) < 1) return;
  // What no line shows makes up the difference.
  if (hidden && Math.abs(gap - unshown.bytes) < 1) {
    rep.notes.push(`the lines add up to ${lineBytes} B/op and the benchmark measured ${measuredBytes}${hidden}`);
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
        `allocates a share per op that depends on N (the slice doubles at powers of two); the timed run (${timedN ?? '?'} iterations) and the profiled runs (${n1} to ${n2}) each measured their own${hidden}`,
    );
    return;
  }
  if (gap > 0 && setupShare > 0 && Math.abs(setupShare - gap) <= Math.max(8, gap * 0.25)) {
    rep.notes.push(
      `${round(gap)} B/op of the measured ${measuredBytes} are setup outside the loop: ${round(rep.setup!.bytes)} B per benchmark call, which go test divides over the timed run's ${timedN} iterations (call b.ResetTimer after the setup, or use b.Loop)${hidden}`,
    );
    return;
  }
  rep.notes.push(
    `the lines add up to ${lineBytes} B/op but the benchmark measured ${measuredBytes}: ` +
      (gap > 0
        ? `${round(gap)} B/op are not in the memory profile's per-op slope (setup outside the loop accounts for ${round(setupShare)} B/op)`
        : oneOffs.length
          ? `one-off allocations at the profiled runs' N count for less in the timed run`
          : `the profiled runs allocated ${round(-gap)} B/op more than the timed run (caches, pools, GC timing)`) +
      hidden,
  );
}
