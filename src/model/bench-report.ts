// What `heapscope bench` reports: per benchmark, the measured figures and the lines that make them.
import type { CauseRef, Site } from './types.js';
import type { Allocates } from './allocation-rules.js';
import type { BenchResult } from './alloc-types.js';
import type { MemProfile, UntimedLines } from './profile.js';
import type { FlameNode } from './flame.js';
import type { AsmListing } from './alloc-types.js';
import type { BudgetResult } from './budgets.js';
import type { GcFigures } from './gc-figures.js';
import type { GcTraceParse } from './gc-trace.js';
import type { CpuProfile } from './cpu-classes.js';
import type { CpuFlame } from './cpu-flame.js';
import type { TraceFigures, TraceOutcome } from './trace-summary.js';
import type { BenchCompare } from './compare.js';

/** One profiled run of a benchmark with a fixed iteration count. */
export interface ProfiledRun {
  iterations: number;
  profile: MemProfile | null;
  /** allocs/op and B/op the profiled run itself printed. */
  allocsPerOp: number | null;
  bytesPerOp: number | null;
  error: string | null;
}

/** The cost pass's run of one benchmark (runners/cost-pass.ts): its CPU profile and its gctrace lines, unparsed. */
export interface CostRun {
  /** No run: the timed run measured 0 allocs/op and 0 B/op, so the allocator and the GC had nothing to do. */
  noAllocation?: boolean;
  /** The iteration count asked for (-test.benchtime=Nx). */
  iterations: number;
  /** The iterations the result line printed (the timed loop's N; the testing package's b.N = 1 probe before it is
   *  not counted); 0 when it printed none. */
  ops: number;
  profile: CpuProfile | null;
  /** The runtime's `gc N @...` lines (GODEBUG=gctrace=1) from the run's stderr, in order. */
  gctrace: string[];
  /** Why the run had no CPU profile on purpose (too short for a share: it traced the GC only). */
  cpuSkipped?: string;
  /** The same lines parsed (parsers/gctrace.ts). */
  gcTrace?: GcTraceParse;
  /** Wall-clock seconds the run took, start to exit. */
  seconds: number;
  error: string | null;
}

/** A benchmark with its two profiled runs, as the runner hands it to the join. */
export interface BenchmarkRun {
  package: string;
  result: BenchResult;
  low: ProfiledRun | null;
  high: ProfiledRun | null;
  /** Why the benchmark was not profiled, when it was not (it measured no allocation and no byte). */
  skipped?: string;
  /** The benchmark function's lines that run with the timer stopped or before b.ResetTimer (parsers/timer-regions.ts). */
  untimed?: UntimedLines;
  /** The cost pass's run; absent with --no-cost. */
  cost?: CostRun;
  /** bench --trace: the trace pass's outcome (runners/trace-pass.ts). */
  trace?: TraceOutcome;
}

export interface AllocType {
  /** Readable type (`examples.Point`, `closure capturing *int`, `[]byte`). */
  type: string;
  /** The runtime entry point that allocates it (`newobject`, `makeslice`, `convT64`, ...). */
  runtime: string;
  /** Size of one object in bytes when the listing or the type tells it, or else the profile's bytes per allocation. */
  size: number | null;
  /** The size class the allocator rounds it to. */
  sizeClass: number | null;
  /** The size is the profile's bytes per allocation (see LineAllocation.sizeMeasured). */
  sizeMeasured?: boolean;
}

/**
 * One way a line allocates, as the memory profile splits it: a runtime allocation call in the compiled code (known
 * exactly from the profile's return address and the -S listing), or a call into a function of another package
 * that allocates inside (the profile's innermost frame).
 */
export interface LineAllocation {
  /** The runtime entry point called on the line (`newobject`, `mallocgcSmallNoScanSC2`, `growslice`, `convT64`). */
  runtime: string | null;
  /** The function of another package that allocated, called from this line (`strconv.FormatInt`, `reflect.unsafe_New`). */
  callee: string | null;
  /** The compiled function (its symbol, with a generic function's shape) the allocating code is in. */
  symbol: string | null;
  /** Readable type allocated, when the listing names it (`examples.Point`, `[]int backing array`). */
  type: string | null;
  /** Bytes of one object of the type, when known; the size class the allocator rounds it to. */
  size: number | null;
  sizeClass: number | null;
  /** The size is the profile's bytes per allocation (already a size class): the listing cannot know a run-time
   *  size (`make([]byte, 0, n)`), and an average where the sizes vary. */
  sizeMeasured?: boolean;
  allocsPerOp: number;
  bytesPerOp: number;
  /** Tiny objects: allocsPerOp is an estimate from the profile's count of 16-byte blocks (profiledAllocsPerOp):
   *  `size`: times the objects of the listing's size one block holds (perBlock); `count`: the size unknown, one
   *  object per op fills a block every 1/count ops (perBlock); `shared`: several tiny calls on the line share
   *  blocks, one object per op each (perBlock null). */
  tinyEstimate?: { profiledAllocsPerOp: number; perBlock: number | null; basis: 'size' | 'count' | 'shared' };
  /** Whether the runtime allocates every time, per the static site or the entry point (`sometimes` for convT64 and friends). */
  allocates?: Allocates;
}

export interface BenchLine {
  file: string;
  line: number;
  function: string | null;
  /** The function in Go's words (join/go-names.ts), where the profile's name differs. */
  goFunction?: string;
  /** The innermost frame of the allocation when it is in another function or package (`fmt.Sprint`). */
  innermost: string | null;
  allocsPerOp: number;
  bytesPerOp: number;
  /** When allocsPerOp includes tiny-object estimates (LineAllocation.tinyEstimate): the profile's own count. */
  profiledAllocsPerOp?: number;
  /** Qualified type names allocated on this line, from the assembly. */
  types: string[];
  typeDetails: AllocType[];
  /** Allocates less than once per op as a slice or map kept across iterations grows: bytes per op depend on N. */
  amortised?: boolean;
  /** Allocated only a few times in all, not as anything grows (a pool refilled after a GC): its per-op share
   *  shrinks as N grows; the profiled runs' N made it show. */
  oneOff?: boolean;
  /** How the line allocates, split as the profile splits it (runtime calls, callees), largest first. */
  allocations: LineAllocation[];
  /** The static heap decisions that made the line's allocations (of the calls and instances the profile charges,
   *  where it tells them apart). Empty when every allocation was made elsewhere (inside a callee or a runtime call). */
  sites: Site[];
  /** The line's other heap decisions: they made none of the measured allocations, and are shown as context only. */
  context?: Site[];
  /** The cause of the line's first site, or, when no site made the allocations, of the allocations that ran. */
  cause: CauseRef | null;
  notes: string[];
  /** The share of the benchmark's CPU samples spent in the allocator on behalf of this line (join/cpu-cost.ts);
   *  null when the profile had too few samples to say. Absent when no cost pass ran. */
  cpuShare?: number | null;
  /** An estimate: the line's share of the benchmark's allocated bytes times the benchmark's GC share. */
  gcShareEstimate?: number | null;
  /** CPU ns per op the line's allocations cost: the allocator's, measured, plus the line's estimated share of the GC
   *  (gcShareEstimate); comparable across benchmarks, unlike the shares. null with too few samples. */
  costNsPerOp?: number | null;
  /** When the profiled runs sampled (BenchmarkReport.sampling): the line's allocations they recorded (both runs),
   *  and the 95% intervals of its per-op figures, which are estimates. */
  sampling?: LineSampling;
}

/** A sampled line's figures: allocsPerOp and bytesPerOp are estimates within these 95% intervals. */
export interface LineSampling {
  samples: number;
  allocsPerOp: [number, number];
  bytesPerOp: [number, number];
}

export interface BenchFigure {
  median: number;
  min: number;
  max: number;
}

export interface BenchmarkReport {
  name: string;
  procs: number;
  package: string;
  nsPerOp: number | null;
  bytesPerOp: number | null;
  allocsPerOp: number | null;
  /** Median and range over the -count runs, for every metric printed (ns/op, B/op, allocs/op, MB/s, custom). */
  metrics: Record<string, BenchFigure>;
  runs: number;
  /** Iteration counts of the two profiled runs the per-line figures come from. */
  profiledIterations: [number, number] | null;
  /** Present when the profiled runs recorded a sample of the allocations rather than every one: one in about
   *  every `rate` bytes (-test.memprofilerate), `samples` recorded in the two runs; the lines' figures are
   *  then estimates, each with its interval (BenchLine.sampling). Absent: every allocation was recorded. */
  sampling?: {
    rate: number;
    samples: number;
    /** The shorter run's rate, when it differs: it recorded at the plan's rate and took longer than the budget of
     *  both runs (allocations the timed figures did not show), so the longer one sampled at `rate`. */
    lowRate?: number;
  };
  /** Allocations per benchmark call outside the loop (setup, the b.N = 1 probe), from the same two runs. */
  setup: { allocs: number; bytes: number } | null;
  lines: BenchLine[];
  /** Lines that allocate b.N times outside the timed region (before b.ResetTimer, under b.StopTimer), per b.N:
   *  go test does not count them, and they are not in `lines`, whose sum is what the timed loop allocates. */
  untimed?: BenchLine[];
  /** The profile's stacks below the benchmark function, per op (the HTML report's flame graph). */
  flame?: FlameNode | null;
  /** What the GC did in the cost pass's timed run (model/gc-figures.ts); null when its gctrace did not tell. */
  gc?: GcFigures | null;
  /** Where the benchmark's CPU went, from the cost pass's CPU profile (join/cpu-cost.ts): the shares of its samples
   *  in the allocator and in GC work, null when there were too few samples to say. null when the cost pass failed;
   *  absent when none ran (--no-cost). */
  cpu?: { allocShare: number | null; gcShare: number | null; samples: number; seconds: number } | null;
  /** The cost pass's CPU profile as a flame graph (model/cpu-flame.ts): the benchmark's stacks and the GC work
   *  beside it, frames marked allocator, GC or other. Absent when no cost run wrote a profile. */
  cpuFlame?: CpuFlame | null;
  /** bench --trace: the execution trace's summary; null when the pass gave nothing (a note says why). */
  trace?: TraceFigures | null;
  notes: string[];
}

export interface BenchReport {
  schemaVersion: 1;
  go: { version: string; goos: string; goarch: string };
  root: string;
  benchmarks: BenchmarkReport[];
  packages: { importPath: string; dir: string; errors: string[]; notes: string[] }[];
  /** bench --check: each budget of the configuration file against the benchmark's median. */
  budgets?: BudgetResult[];
  /** bench --compare A B: A beside B, the ratio B/A per row. */
  compare?: BenchCompare;
  /** The assembly of the functions that allocate, for the HTML report (left out of the JSON: it is large). */
  listings?: AsmListing[];
}
