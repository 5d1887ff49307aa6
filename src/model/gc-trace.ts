// Model types for what GODEBUG=gctrace=1 tells heapscope: one record per garbage collection cycle the runtime
// printed on stderr (parsers/gctrace.ts reads them), and what the parser could not read, kept as data.

/** One `gc N @Ts P%: ...` line: a finished GC cycle as the runtime summarised it. */
export interface GcCycle {
  /** `gc N`: the cycle's number since the process started (memstats.numgc, one more each cycle). */
  number: number;
  /** `@Ts`: seconds since the process started, when the cycle began (millisecond precision). */
  atSeconds: number;
  /** `P%`: the share of the process's CPU time spent in GC since it started, in whole percent. */
  gcCpuPercent: number;
  /** Wall-clock milliseconds of the three phases: stop-the-world sweep termination, concurrent mark and scan,
   *  stop-the-world mark termination. The runtime prints two significant digits (whole ms from 10 ms). */
  clockMs: { sweepTermination: number; mark: number; markTermination: number };
  /** CPU milliseconds: the two pauses times the Ps stopped, and the mark phase's assist, background and idle work. */
  cpuMs: { sweepTermination: number; assist: number; background: number; idle: number; markTermination: number };
  /** `A->B->C MB`: the heap at the start of marking, at its end, and the live heap marked, in MiB (rounded down). */
  heapMB: { start: number; end: number; live: number };
  /** `G MB goal`: the heap goal the cycle was paced against, in MiB; huge (about 2^43) when GC is off. */
  goalMB: number;
  /** `S MB stacks`, `G MB globals` (go1.18 and later; null when the line has none). */
  stacksMB: number | null;
  globalsMB: number | null;
  /** `N P`: GOMAXPROCS during the cycle. */
  procs: number;
  /** ` (forced)`: runtime.GC() or debug.FreeOSMemory started it (the testing package calls runtime.GC() itself). */
  forced: boolean;
  /** ` (checking for goroutine leaks)` after `P%` (go1.26 with GOEXPERIMENT=goroutineleakprofile, go1.27). */
  leakCheck: boolean;
  /** 1-based position of the line among those parsed. */
  line: number;
}

/** A line that starts like a gctrace line (`gc N @`) but whose fields do not read. */
export interface GcTraceUnread {
  line: number;
  /** The cycle number after `gc `, so the cycle still counts; null when it is not a safe integer (damage). */
  number: number | null;
  /** The line from `gc ` on, cut to GC_UNREAD_TEXT_MAX characters. */
  text: string;
}

/** Unread lines kept at most (all are counted). */
export const GC_UNREAD_KEPT = 20;
export const GC_UNREAD_TEXT_MAX = 200;

export interface GcTraceParse {
  cycles: GcCycle[];
  /** The first GC_UNREAD_KEPT lines that looked like gctrace lines and did not read. */
  unread: GcTraceUnread[];
  /** The cycle number of every such line (they still count as cycles), null where it is damaged. */
  unreadNumbers: (number | null)[];
  /** `GC forced` lines: sysmon starts a cycle when none ran for two minutes (forcegcperiod). */
  periodic: number;
  /** Scavenger lines: `scav ...` (GODEBUG=scavtrace=1), `scvg...` (printed with gctrace=1 by older releases). */
  scavenger: number;
  /** Every other line (the benchmark's own stderr, a panic, a torn piece of a gctrace line). */
  other: number;
}
