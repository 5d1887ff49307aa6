// The per-line figures of profiled runs that sampled (model/sampling.ts): each line's 95% interval, and how the
// lines' sum compares with what go test measured, which for estimates is a question of their interval.

import type { BenchLine, BenchmarkReport } from '../model/bench-report.js';
import { t } from '../i18n/t.js';

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
  return t('prose.sampled.tooFew', { n1: String(n1), n2: String(n2), rate: String(s.rate), samples: s.samples, min: String(MIN_SAMPLES) });
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
  const how = { n1: String(n1), n2: String(n2), rate: String(s.rate), samples: String(s.samples) };
  rep.notes.push(
    s.lowRate !== undefined ? t('prose.sampled.noteOverran', { ...how, lowRate: String(s.lowRate) }) : t('prose.sampled.note', how),
  );
  const lines = rep.lines.reduce((t, l) => t + l.allocsPerOp, 0);
  const bytes = rep.lines.reduce((t, l) => t + l.bytesPerOp, 0);
  const ha = Math.sqrt(totals.allocs2);
  const hb = Math.sqrt(totals.bytes2);
  // go test truncates both figures to integers; what no line shows (noise, below the lines' floor) may make up the rest.
  const within = (sum: number, half: number, measured: number | null, hidden: number): boolean =>
    measured !== null && (Math.abs(sum - measured) <= half + 1 || Math.abs(sum + hidden - measured) <= half + 1);
  const agrees = { allocs: within(lines, ha, rep.allocsPerOp, unshown.allocs), bytes: within(bytes, hb, rep.bytesPerOp, unshown.bytes) };
  const said = {
    lines: String(round(lines)),
    half: String(round(ha)),
    measured: String(rep.allocsPerOp),
    bytes: String(round(bytes)),
    bhalf: String(round(hb)),
    mbytes: String(rep.bytesPerOp),
  };
  if (agrees.allocs && agrees.bytes) rep.notes.push(t('prose.sampled.agreeBoth', said));
  else if (agrees.allocs) rep.notes.push(t('prose.sampled.agreeAllocs', said));
  else if (agrees.bytes) rep.notes.push(t('prose.sampled.agreeBytes', said));
  return agrees;
}
