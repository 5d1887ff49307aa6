// The per-line figures of profiled runs that sampled (model/sampling.ts): each line's 95% interval, and how the
// lines' sum compares with what go test measured, which for estimates is a question of their interval.

import type { BenchLine, BenchmarkReport } from '../model/bench-report.js';

/** The squared 95% half-widths of the timed lines, summed: the lines are sampled independently, so the half-width
 *  of their sum is its square root. */
export interface SampledTotals {
  allocs2: number;
  bytes2: number;
}

/** Fewer allocations recorded in the two runs than this, and no line's figure would mean anything. */
export const MIN_SAMPLES = 30;

/** Why a sampled benchmark has no lines: its runs recorded too few allocations (it allocated less in them than
 *  in its timed runs, or its allocations are rare). Its timed figures stand. */
export function tooFewSamples(rep: BenchmarkReport): string {
  const s = rep.sampling!;
  const [n1, n2] = rep.profiledIterations!;
  return (
    `no per-line figures: the sampled profiled runs (${n1} and ${n2} iterations, one allocation in about every ${s.rate} bytes) recorded ` +
    `${s.samples} allocation${s.samples === 1 ? '' : 's'}, too few to split by line (${MIN_SAMPLES} at least); the timed figures stand: run with --exact to record every allocation`
  );
}

function round(x: number): number {
  if (x !== 0 && Math.abs(x) < 0.01) return Number(x.toPrecision(2));
  return Math.round(x * 100) / 100;
}

/**
 * Gives a line its interval. `perOp` is the profile's slope; the line's allocsPerOp can differ from it when tiny
 * objects were estimated from their blocks, and the interval is then scaled alike. A bound below zero is 0.
 */
export function sampledLine(
  line: BenchLine,
  perOp: number,
  half: { samples: number; allocs: number; bytes: number },
  totals: SampledTotals | null,
): void {
  const scale = perOp > 0 ? line.allocsPerOp / perOp : 1;
  const allocs = half.allocs * scale;
  line.sampling = {
    samples: half.samples,
    allocsPerOp: [round(Math.max(0, line.allocsPerOp - allocs)), round(line.allocsPerOp + allocs)],
    bytesPerOp: [round(Math.max(0, line.bytesPerOp - half.bytes)), round(line.bytesPerOp + half.bytes)],
  };
  if (totals) {
    totals.allocs2 += allocs * allocs;
    totals.bytes2 += half.bytes * half.bytes;
  }
}

/**
 * The notes of a sampled benchmark: where its figures come from, and whether the lines' sum agrees with what go test
 * measured within the sum's interval, allocations and bytes apart. What agrees needs no other reason; for what does
 * not, reconcile() goes on to look for the reasons it looks for in exact runs (tiny objects, setup, growth).
 */
export function sampledNotes(
  rep: BenchmarkReport,
  totals: SampledTotals,
  unshown: { allocs: number; bytes: number },
): { allocs: boolean; bytes: boolean } {
  const [n1, n2] = rep.profiledIterations!;
  const s = rep.sampling!;
  const how =
    s.lowRate !== undefined
      ? `the shorter run (${n1} iterations, -test.memprofilerate=${s.lowRate}) took longer than planned, so the longer one (${n2}) recorded one allocation in about every ${s.rate} bytes`
      : `two runs (${n1} and ${n2} iterations) that recorded one allocation in about every ${s.rate} bytes (-test.memprofilerate=${s.rate})`;
  rep.notes.push(
    `sampled: the per-line figures come from ${how} (${s.samples} recorded), each scaled up by the chance it had of being recorded: they are estimates, ` +
      `each line's with its 95% interval, and lines whose interval holds zero are left out (recording every allocation would have taken too long; --exact does it); timings from the plain run`,
  );
  const lines = rep.lines.reduce((t, l) => t + l.allocsPerOp, 0);
  const bytes = rep.lines.reduce((t, l) => t + l.bytesPerOp, 0);
  const ha = Math.sqrt(totals.allocs2);
  const hb = Math.sqrt(totals.bytes2);
  // go test truncates both figures to integers; what no line shows (noise, below the lines' floor) may make up the rest.
  const within = (sum: number, half: number, measured: number | null, hidden: number): boolean =>
    measured !== null && (Math.abs(sum - measured) <= half + 1 || Math.abs(sum + hidden - measured) <= half + 1);
  const agrees = { allocs: within(lines, ha, rep.allocsPerOp, unshown.allocs), bytes: within(bytes, hb, rep.bytesPerOp, unshown.bytes) };
  const said = [
    agrees.allocs ? `${round(lines)} ± ${round(ha)} allocs/op` : null,
    agrees.bytes ? `${round(bytes)} ± ${round(hb)} B/op` : null,
  ].filter((x) => x !== null);
  if (said.length) {
    rep.notes.push(
      `the lines add up to ${said.join(' and ')} (95%), which holds the benchmark's measured ` +
        [agrees.allocs ? `${rep.allocsPerOp} allocs/op` : null, agrees.bytes ? `${rep.bytesPerOp} B/op` : null]
          .filter((x) => x !== null)
          .join(' and '),
    );
  }
  return agrees;
}
