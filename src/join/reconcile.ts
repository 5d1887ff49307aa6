// Checks a benchmark's per-line figures against what go test measured, and says why they differ when they do.
// Each reason is checked against the figures, never assumed: setup outside the loop is what the profiled runs
// measured outside the per-op slope, divided over the timed run's iterations; tiny allocations are named only
// when the line's types are tiny-allocator sized; amortised growth only when lines allocate less than once per op.
// Only what go test's truncation of B/op and allocs/op to integers hides goes without a note.

import type { BenchmarkReport, ProfiledRun } from '../model/bench-report.js';
import { isTinyAllocation } from '../model/size-classes.js';
import { sampledNotes, type SampledTotals } from './sampled.js';
import { t } from '../i18n/t.js';

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** What the lines do not show: allocations below the lines' floor (one-offs and noise), per op. */
export interface Unshown {
  allocs: number;
  bytes: number;
}

/** The lines' positions, as a list. */
const at = (lines: { file: string; line: number }[]): string => lines.map((l) => `${l.file}:${l.line}`).join(', ');

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
    rep.notes.push(t('prose.reconcile.exact', { n1: String(n1), n2: String(n2) }));
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
    rep.notes.push(t('prose.reconcile.untimed', { allocs: String(a), bytes: String(b), lines: at(rep.untimed) }));
  }
  if (oneOffs.length) {
    const bytes = round(oneOffs.reduce((sum, l) => sum + l.bytesPerOp, 0));
    rep.notes.push(t('prose.reconcile.oneOffs', { lines: at(oneOffs), bytes: String(bytes) }));
  }
  // What the lines' floor left out: one-offs and noise that no line shows.
  const hidden =
    unshown.bytes >= 1 || unshown.allocs >= 0.01
      ? t('prose.reconcile.hidden', { allocs: String(round(unshown.allocs)), bytes: String(round(unshown.bytes)) })
      : '';
  /** A note, and what no line shows after it. */
  const withHidden = (note: string): string => (hidden ? t('prose.clauses', { list: note, next: hidden }) : note);
  const v = {
    lines: '',
    measured: String(measured),
    lineBytes: String(lineBytes),
    measuredBytes: String(measuredBytes),
    n1: String(n1),
    n2: String(n2),
  };

  if (measured !== null && !agrees.allocs) {
    // allocs/op and B/op are printed truncated: a sum of 1.99 is "1 allocs/op".
    // allocs/op is printed truncated (a sum of 1.99 is "1 allocs/op"); a slope of 0.99 is one per op with noise.
    const agrees = Math.abs(lines - measured) < 0.02 || measured === Math.floor(lines + 0.005);
    const estimated = rep.lines.filter((l) => l.profiledAllocsPerOp !== undefined);
    const profiled = round(rep.lines.reduce((s, l) => s + (l.profiledAllocsPerOp ?? l.allocsPerOp), 0));
    if (agrees && estimated.length) {
      rep.notes.push(t('prose.reconcile.tinyAgree', { ...v, lines: at(estimated), profiled: String(profiled) }));
    }
    // Tiny objects no line shows: each block a line's tiny allocation opened has room left for objects made next.
    const openers = rep.lines.flatMap((l) =>
      l.allocations
        .filter(
          // A string whose length the listing cannot know (fmt.Sprint's) opens blocks as well as a boxed int.
          (a) =>
            !a.tinyEstimate && (a.size === null || a.size <= 8) && a.allocsPerOp > 0 && Math.abs(a.bytesPerOp / a.allocsPerOp - 16) < 0.5,
        )
        .map((a) => {
          const what = a.runtime ? `runtime.${a.runtime}` : (a.callee ?? t('prose.reconcile.allocation'));
          const o = { at: `${l.file}:${l.line}`, what, type: a.type ?? '?' };
          return a.size !== null
            ? t('prose.reconcile.opener', { ...o, size: String(a.size), room: String(16 - a.size) })
            : t('prose.reconcile.openerUnknown', o);
        }),
    );
    if (!agrees && lines < measured && openers.length) {
      const list = openers.reduce((l, next) => t('prose.clauses', { list: l, next }));
      rep.notes.push(
        withHidden(t('prose.reconcile.tinyHidden', { ...v, lines: String(lines), diff: String(round(measured - lines)), openers: list })),
      );
    } else if (!agrees && lines < measured) {
      const tiny = rep.lines.some(
        (l) =>
          l.allocations.some((a) => a.size !== null && isTinyAllocation(a.size, false)) ||
          l.typeDetails.some((t) => t.size !== null && t.size < 16) ||
          l.typeDetails.some((t) => /^conv|string|bytes/.test(t.runtime)),
      );
      const bytesAgree = measuredBytes !== null && Math.abs(lineBytes - measuredBytes) <= Math.max(8, measuredBytes * 0.1);
      const w = { ...v, lines: String(lines) };
      rep.notes.push(
        withHidden(
          bytesAgree
            ? t('prose.reconcile.tinyDifferenceBytes', w)
            : tiny
              ? t('prose.reconcile.tinyDifference', w)
              : t('prose.reconcile.fewerRecorded', w),
        ),
      );
    } else if (!agrees && estimated.length && profiled <= measured + 0.02) {
      // Only the estimates take the lines past the benchmark: they assumed more objects per block than it had.
      rep.notes.push(t('prose.reconcile.estimatesOver', { ...v, lines: String(lines), at: at(estimated), profiled: String(profiled) }));
    } else if (!agrees) {
      const w = { ...v, lines: String(lines), profiled: String(high.allocsPerOp) };
      const profiledToo = high.allocsPerOp !== null;
      rep.notes.push(
        oneOffs.length
          ? t(profiledToo ? 'prose.reconcile.allocsOneOffProfiled' : 'prose.reconcile.allocsOneOff', w)
          : t(profiledToo ? 'prose.reconcile.allocsDifferProfiled' : 'prose.reconcile.allocsDiffer', w),
      );
    }
  }

  if (measuredBytes === null || agrees.bytes) return;
  const gap = measuredBytes - lineBytes;
  const amortised = rep.lines.filter((l) => l.allocsPerOp < 1 && l.bytesPerOp >= 1);
  if (measured === 0 && measuredBytes > 0 && amortised.length) {
    rep.notes.push(t('prose.reconcile.zeroAllocs', { ...v, lines: at(amortised) }));
  }
  // go test prints B/op truncated to an integer, and a stray allocation in one profiled run moves a line's slope by
  // its size over N2 − N1: less than a byte per op either way says nothing.
  if (Math.abs(gap) < 1) return;
  // What no line shows makes up the difference.
  if (hidden && Math.abs(gap - unshown.bytes) < 1) {
    rep.notes.push(withHidden(t('prose.reconcile.bytesSum', v)));
    return;
  }
  // A slice that grows by doubling allocates a number of bytes per op that depends on where N falls between
  // doublings: the timed run and the profiled runs each measure their own N correctly, and differ by at most
  // what the growing lines allocate.
  const growing = rep.lines.filter((l) => l.amortised);
  const growingBytes = growing.reduce((t, l) => t + l.bytesPerOp, 0);
  if (growing.length && Math.abs(gap) <= growingBytes * 1.01) {
    rep.notes.push(withHidden(t('prose.reconcile.growth', { ...v, lines: at(growing), timedN: String(timedN ?? '?') })));
    return;
  }
  if (gap > 0 && setupShare > 0 && Math.abs(setupShare - gap) <= Math.max(8, gap * 0.25)) {
    rep.notes.push(
      withHidden(
        t('prose.reconcile.setup', { ...v, gap: String(round(gap)), setup: String(round(rep.setup!.bytes)), timedN: String(timedN) }),
      ),
    );
    return;
  }
  rep.notes.push(
    withHidden(
      gap > 0
        ? t('prose.reconcile.bytesNotInSlope', { ...v, gap: String(round(gap)), setup: String(round(setupShare)) })
        : oneOffs.length
          ? t('prose.reconcile.bytesOneOff', v)
          : t('prose.reconcile.bytesMore', { ...v, more: String(round(-gap)) }),
    ),
  );
}
