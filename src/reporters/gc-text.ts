// One line of `heapscope bench`'s terminal report per benchmark: what the GC did in the cost pass's timed run
// (BenchmarkReport.gc, model/gc-figures.ts), e.g. "GC 39 cycles (0.02 per 1k ops), STW 4 ns/op, heap goal 14 MB,
// peak 14 MB". Sizes are MiB as the runtime's gctrace prints them (written MB, as gctrace does).

import type { GcFigures } from '../model/gc-figures.js';
import { say } from './words.js';

const MIB = 2 ** 20;

/** A figure with at most `digits` decimals, and two significant digits below 0.01 (bench-text's `num`). */
function num(x: number, digits = 2): string {
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) < 0.01 ? String(Number(x.toPrecision(2))) : String(Number(x.toFixed(digits)));
}

/** gctrace rounds sizes down to whole MiB: 0 is less than one. */
function mb(bytes: number): string {
  return bytes < MIB ? '<1 MB' : `${num(bytes / MIB, 0)} MB`;
}

/**
 * The GC line, without indentation or colour; null when there is nothing to say (no cost pass ran: `gc` absent).
 * `gc: null` (the cost pass ran and its trace did not tell) says so; the benchmark's notes say why.
 */
export function renderGcLine(gc: GcFigures | null | undefined): string | null {
  if (gc === undefined) return null;
  if (gc === null) return say('report.gc.unknown');
  if (gc.cycles === 0) return say('report.gc.none', { ops: gc.ops });
  const parts = [
    say('report.gc.cycles', { count: gc.cycles, n: gc.cycles, per1k: num(gc.cyclesPer1kOps) }),
    `STW ${num(gc.stwNsPerOp, gc.stwNsPerOp < 10 ? 2 : 0)} ns/op`,
  ];
  if (gc.heapGoalBytes !== null) parts.push(say('report.gc.goal', { size: mb(gc.heapGoalBytes) }));
  if (gc.peakHeapBytes !== null) parts.push(say('report.gc.peak', { size: mb(gc.peakHeapBytes) }));
  return parts.join(say('report.list.sep'));
}
