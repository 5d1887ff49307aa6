// A benchmark's GC figures (BenchmarkReport.gc) from the gctrace lines of its cost pass: one run of its test binary
// with GODEBUG=gctrace=1 and -test.benchtime=<ops>x (runners/cost-pass.ts), parsed by parsers/gctrace.ts.
//
// Which cycles are the timed run's: the testing package calls runtime.GC() at the start of every run of a
// benchmark function (testing/benchmark.go, B.runN), so the trace of a -test.benchtime=Nx run starts with forced
// cycles: the main benchmark's run1, one per enclosing benchmark of a sub-benchmark (and one per sibling the
// pattern matches partially), the benchmark's own b.N = 1 probe, and, for a b.N loop (not b.Loop), its timed run
// (test/fixtures/gctrace/COMMANDS.txt). The cycles after the last of them are the timed run's.
// A benchmark that calls runtime.GC() itself (or debug.FreeOSMemory) has more forced cycles than the testing
// package makes for its depth (counted from the "/" in its name, which never undercounts); its timed run cannot be
// told apart from its probe then, so every cycle after the probe started is counted, its own forced ones included
// (GC work the benchmark asked for), and a note says so. One forced cycle of its own in a b.Loop benchmark goes
// unnoticed: the timed run is then taken to start there.

import type { GcCycle, GcTraceParse } from './gc-trace.js';
import { t } from '../i18n/t.js';

/** BenchmarkReport.gc: what the garbage collector did during the cost pass's timed run. */
export interface GcFigures {
  /** GC cycles that ran during the timed run (0 is a real figure: none was needed, or GC was off). */
  cycles: number;
  cyclesPer1kOps: number;
  /** Wall-clock stop-the-world time (sweep termination plus mark termination) of those cycles, per op, in ns. */
  stwNsPerOp: number;
  /** The largest heap goal a cycle of the timed run was paced against, in bytes (MiB precision); null when no cycle
   *  ran or GC was off (the runtime then prints a goal of about 2^63 bytes; under GOMEMLIMIT, the limit's goal). */
  heapGoalBytes: number | null;
  /** The largest heap a cycle saw at the start or end of marking, in bytes (MiB precision); null when none ran. */
  peakHeapBytes: number | null;
  /** Iterations of the timed run. */
  ops: number;
  /** `no-allocation`: no cost run, as the timed run measured 0 allocs/op and 0 B/op (every figure 0). */
  source: 'gctrace' | 'no-allocation';
}

export interface GcFiguresInput {
  trace: GcTraceParse;
  /** Iterations of the cost pass's timed run (its -test.benchtime=<ops>x). */
  ops: number;
  /** `go1.26.8`: named in the note when the lines do not read. */
  goVersion: string;
  /** The benchmark's full name (`BenchmarkA/size=8`): its depth tells how many forced cycles the testing package makes. */
  benchmark: string;
  /** GOGC and GOMEMLIMIT as the cost pass's process had them (undefined: not set). */
  env: { GOGC?: string | undefined; GOMEMLIMIT?: string | undefined };
}

export interface GcFiguresResult {
  gc: GcFigures | null;
  notes: string[];
}

/** A goal at least this many MiB means there is none: GC is off (heapGoal is about maxInt64 then). */
const NO_GOAL_MB = 2 ** 40;
const MIB = 2 ** 20;

/** GOGC as the runtime reads it (runtime/mgcpacer.go readGOGC): "off" or a negative percentage turns GC off. */
export function gcOffByEnv(gogc: string | undefined): boolean {
  if (gogc === undefined) return false;
  if (gogc === 'off') return true;
  return /^-\d+$/.test(gogc);
}

export function gcFigures(input: GcFiguresInput): GcFiguresResult {
  const { trace, ops, goVersion, benchmark, env } = input;
  const notes: string[] = [];
  const unreadCount = trace.unreadNumbers.length;
  const seen = trace.cycles.length + unreadCount;
  if (seen === 0)
    return {
      gc: null,
      notes: [t('sweep.gc.noLine', { go: goVersion })],
    };
  if (trace.cycles.length === 0) {
    const first = trace.unread[0]?.text ?? '';
    return {
      gc: null,
      notes: [t('sweep.gc.unread', { go: goVersion, n: unreadCount, line: JSON.stringify(first.slice(0, 80)) })],
    };
  }
  if (!(Number.isSafeInteger(ops) && ops > 0)) return { gc: null, notes: [t('sweep.gc.noOps', { ops })] };

  const depth = benchmark.split('/').length - 1;
  // Forced cycles the testing package makes before the benchmark's code first runs: main's run1, one per
  // enclosing benchmark, and the probe; a b.N loop's timed run adds one more.
  const beforeProbe = 2 + depth;
  const forced = trace.cycles.filter((c) => c.forced);
  const ownForced = forced.length > beforeProbe + 1;
  // The last cycle before the timed run, by number: cycles after it are counted.
  const boundary: GcCycle | undefined = ownForced ? forced[beforeProbe - 1] : forced[forced.length - 1];
  if (!boundary) notes.push(t('prose.gc.noBoundary', { n: String(seen) }));
  const after = boundary?.number ?? -Infinity;
  const counted = trace.cycles.filter((c) => c.number > after);
  // A line that did not read still names its cycle (one whose number is damaged is taken as the timed run's).
  const unreadAfter = trace.unreadNumbers.filter((u) => u === null || u > after);
  const cycles =
    new Set([...counted.map((c) => c.number), ...unreadAfter.filter((u) => u !== null)]).size +
    unreadAfter.filter((u) => u === null).length;

  const stwMs = counted.reduce((t, c) => t + c.clockMs.sweepTermination + c.clockMs.markTermination, 0);
  const goals = counted.map((c) => c.goalMB).filter((g) => g < NO_GOAL_MB);
  const peaks = counted.map((c) => Math.max(c.heapMB.start, c.heapMB.end));
  const offByEnv = gcOffByEnv(env.GOGC);
  const noGoal = counted.some((c) => c.goalMB >= NO_GOAL_MB) || (counted.length === 0 && (boundary?.goalMB ?? 0) >= NO_GOAL_MB);

  if (offByEnv) {
    const limit = env.GOMEMLIMIT !== undefined && env.GOMEMLIMIT !== '' && env.GOMEMLIMIT !== 'off';
    const v = { gogc: env.GOGC ?? '', limit: env.GOMEMLIMIT ?? '', n: String(cycles) };
    notes.push(limit ? t('prose.gc.offNearLimit', v) : cycles === 0 ? t('prose.gc.offNoCycle', v) : t('prose.gc.offForced', v));
  } else if (noGoal) {
    notes.push(cycles === 0 ? t('prose.gc.noGoalNoCycle') : t('prose.gc.noGoal', { n: String(cycles) }));
  }
  if (ownForced) {
    const own = counted.filter((c) => c.forced).length;
    notes.push(t('prose.gc.ownForced', { n: String(own) }));
  }
  if (unreadCount > 0) {
    notes.push(t('prose.gc.unread', { n: unreadCount, go: goVersion }));
  }
  return {
    gc: {
      cycles,
      cyclesPer1kOps: significant((cycles * 1000) / ops, 3),
      stwNsPerOp: significant((stwMs * 1e6) / ops, 3),
      heapGoalBytes: goals.length && !noGoal ? largest(goals) * MIB : null,
      peakHeapBytes: peaks.length ? largest(peaks) * MIB : null,
      ops,
      source: 'gctrace',
    },
    notes,
  };
}

/** The largest of many numbers (Math.max(...xs) runs out of stack past about 100,000). */
function largest(xs: number[]): number {
  return xs.reduce((m, x) => (x > m ? x : m), -Infinity);
}

/** x to n significant digits (the runtime's own times have two). */
function significant(x: number, n: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(n));
}
