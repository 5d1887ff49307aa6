// What `heapscope bench --trace` reads from a benchmark's execution trace (go/tracesum, the JSON parsed by
// parsers/trace-summary-json.ts), and how it joins the benchmark's report.
import type { BenchmarkReport, BenchmarkRun } from './bench-report.js';

/** The report's `trace` field: figures of the benchmark's timed run in the trace pass (its own run of `ops` ops). */
export interface TraceFigures {
  gcCycles: number;
  stwTotalNs: number;
  assistNs: number;
  goroutinesCreated: number;
  /** [ns since the timed run began, bytes of live heap objects], at most 200 points (the peaks kept). */
  heap: [number, number][];
  /** Minimum mutator utilisation (0–1) over any 1 ms and 10 ms window; null when the run is shorter than the window. */
  mmu: { '1ms': number | null; '10ms': number | null };
  /** The GC's stop-the-world pauses counted in stwTotalNs. */
  stwEvents: number;
  /** b.N of the trace pass's timed run, and how long that run lasted in the trace. */
  ops: number;
  windowNs: number;
}

/** go/tracesum's output, as its reader validated it. */
export interface TraceSummary {
  format: 1;
  durationNs: number;
  events: number;
  /** The benchmark's timed run in the trace, ns from its first event (the figures are of this span). */
  windowStartNs: number;
  windowEndNs: number;
  goroutinesCreated: number;
  gcCycles: number;
  stwEvents: number;
  stwTotalNs: number;
  assistNs: number;
  heap: [number, number][];
  mmu: { '1ms': number | null; '10ms': number | null };
}

/** bench --trace's settings (BenchOptions.trace). */
export interface TraceOptions {
  /** heapscope's cache directory for the built helper; null with --no-cache (built for this run). */
  cacheDir: string | null;
  /** The toolchain's version (`go1.26.8`): part of the helper's cache key. */
  goVersion: string;
  /** Benchmarks traced with the same b.N (bench --compare's two): the smallest of their own. */
  sameIterations?: string[];
}

/** What the trace pass hands the report for one benchmark: the figures, or why there are none. */
export interface TraceOutcome {
  figures: TraceFigures | null;
  notes: string[];
}

export function traceFigures(s: TraceSummary, ops: number): TraceFigures {
  return {
    gcCycles: s.gcCycles,
    stwTotalNs: s.stwTotalNs,
    assistNs: s.assistNs,
    goroutinesCreated: s.goroutinesCreated,
    heap: s.heap,
    mmu: s.mmu,
    stwEvents: s.stwEvents,
    ops,
    windowNs: s.windowEndNs - s.windowStartNs,
  };
}

/** Sets the benchmark's `trace` (null with a note when the pass ran but gave nothing), when the pass ran. */
export function joinTrace(report: BenchmarkReport, run: BenchmarkRun): void {
  if (!run.trace) return;
  report.trace = run.trace.figures;
  report.notes.push(...run.trace.notes);
}
