// What a CPU profile sample of a Go program was doing, told from its stack's runtime frames: allocating (inside the
// allocator) or GC work (marking, sweeping, the pauses). The runtime's own functions, read from
// $GOROOT/src/runtime/{malloc,malloc_generated,mgc,mgcmark,mgcsweep,proc,iface,slice,map,string,chan}.go of
// go1.26.8 and go1.27.4: the same names in both, except the size-specialised allocator routines (below).

import type { Frame } from './profile.js';

export interface CpuSample {
  /** Innermost frame first, inlined calls as frames of their own. */
  stack: Frame[];
  /** Profiler ticks (samples/count) and the CPU time they stand for (cpu/nanoseconds). */
  count: number;
  nanos: number;
}

export interface CpuProfile {
  samples: CpuSample[];
  /** Nanoseconds per tick (10 ms at runtime/pprof's default 100 Hz). */
  periodNs: number;
  /** How long the profile ran, wall clock. */
  durationNs: number;
}

export type CpuClass = 'alloc' | 'gc';

/**
 * The allocator's entry points, called by compiled code or by the runtime on its behalf. runtime.mallocgc and every
 * routine named mallocgc* are the allocator itself: go1.26.8's mallocgcTiny, mallocgcSmallNoscan,
 * mallocgcSmallScanNoHeader, mallocgcSmallScanHeader, mallocgcLarge, and the size-specialised routines of
 * malloc_generated.go (mallocgcSmallNoScanSC2..26, mallocgcSmallScanNoHeaderSC1..26, mallocgcTinySize1..15; on by
 * default in go1.27.4, where the compiler calls them directly with no runtime.mallocgc frame above them, and
 * narrowed to mallocgcSmallNoScanSC2..7, mallocgcSmallScanNoHeaderSC1..7 and mallocgcTinySC2 with the
 * mallocgc*SlowPath routines and mallocgcSlowPathStub behind them).
 */
const ALLOC_PREFIX = 'runtime.mallocgc';
const ALLOC_ENTRIES = new Set(
  [
    'newobject',
    'newarray',
    'makeslice',
    'makeslice64',
    'makeslicecopy',
    'growslice',
    'makemap',
    'makemap64',
    'makemap_small',
    'makechan',
    'makechan64',
    'convT',
    'convTnoptr',
    'convT16',
    'convT32',
    'convT64',
    'convTstring',
    'convTslice',
    'rawstring',
    'rawbyteslice',
    'rawruneslice',
    'newUserArenaChunk',
  ].map((n) => `runtime.${n}`),
);

/**
 * GC work: the background mark workers (dedicated, fractional and idle), mark assists, the mark phase's scanning
 * (also when a truncated stack keeps only its innermost frames), sweeping (the background sweeper and the sweeping
 * an allocation does before it may take a span: deductSweepCredit, mheap.reclaim), the write barrier's buffer
 * flushes, the stop-the-world transitions (the pauses) and runtime.GC. The scavenger (bgscavenge, returning memory
 * to the OS) is neither: runtime/metrics counts it apart (/cpu/classes/scavenge).
 */
const GC_FUNCTIONS = new Set(
  [
    'gcBgMarkWorker',
    'gcAssistAlloc',
    'gcAssistAlloc1',
    'gcParkAssist',
    'gcFlushBgCredit',
    'gcmarknewobject',
    'markroot',
    'markrootBlock',
    'markrootSpans',
    'markrootFreeGStacks',
    'scanobject',
    'scanblock',
    'scanstack',
    'scanframeworker',
    'scanSpan',
    'scanObjectSmall',
    'scanObjectsSmall',
    'freeDeadSpanSPMCs',
    'greyobject',
    'tryDeferToSpanScan',
    'bgsweep',
    'sweepone',
    'deductSweepCredit',
    '(*sweepLocked).sweep',
    '(*mheap).reclaim',
    '(*mheap).reclaimChunk',
    'wbBufFlush',
    'wbBufFlush1',
    'gcStart',
    'gcMarkDone',
    'gcMarkTermination',
    'gcSweep',
    'stopTheWorld',
    'stopTheWorldGC',
    'stopTheWorldWithSema',
    'startTheWorld',
    'startTheWorldGC',
    'startTheWorldWithSema',
    'GC',
  ].map((n) => `runtime.${n}`),
);
const GC_PREFIXES = ['runtime.gcDrain', 'runtime.gcWriteBarrier'];

/** Whether a function is one of the allocator's (an entry point or runtime.mallocgc*). */
export function isAllocFunction(fn: string): boolean {
  return fn.startsWith(ALLOC_PREFIX) || ALLOC_ENTRIES.has(fn);
}

/** Whether a function does GC work. */
export function isGcFunction(fn: string): boolean {
  return GC_FUNCTIONS.has(fn) || GC_PREFIXES.some((p) => fn.startsWith(p));
}

/**
 * What a sample was doing: GC work wherever on the stack it is, else allocating when an allocator function is on
 * the stack, else neither (null). GC comes first: a mark assist or the sweeping an allocation must do before it may
 * take a span runs inside mallocgc (mallocgc → deductAssistCredit → gcAssistAlloc), but it is the GC's work,
 * charged to the allocating goroutine, not the allocator's.
 */
export function classifyStack(stack: Frame[]): CpuClass | null {
  let alloc = false;
  for (const f of stack) {
    if (isGcFunction(f.function)) return 'gc';
    alloc ||= isAllocFunction(f.function);
  }
  return alloc ? 'alloc' : null;
}

/** The testing package's frames that call a benchmark's code: its function with b.N (run1's probe and the timed
 *  runs), and each of b.RunParallel's worker goroutines its body. */
const RUNNERS = new Set(['testing.(*B).runN', 'testing.(*B).RunParallel.func1']);

/**
 * Where the benchmark's own code starts on a CPU sample's stack (innermost first): the outermost frame `owns`
 * names (the benchmark function or one of its closures), or else the frame testing.(*B).runN called, for a
 * sub-benchmark whose body is a function of another name (`b.Run("x", func(b) { benchmarkParse(b, s) })` in
 * fastjson runs benchmarkParse.func1, which the benchmark's name does not match; its b.RunParallel workers run
 * benchmarkStdJSONParseMap.func1 on goroutines of their own); -1 when the sample is not the
 * benchmark's. In a cost run only the selected benchmark runs b.N times; its parents run once, to call b.Run.
 */
export function benchmarkTop<F extends { function: string }>(stack: readonly F[], owns: (f: F) => boolean): number {
  for (let i = stack.length - 1; i >= 0; i--) if (owns(stack[i]!)) return i;
  // What the runner called, unless it is the testing package's or the runtime's own work (b.ResetTimer's
  // bookkeeping, a GC): on the examples' BenchmarkItoa such a block added 0.008 B/op above the benchmark's code.
  for (let i = stack.length - 1; i > 0; i--)
    if (RUNNERS.has(stack[i]!.function)) {
      const body = stack[i - 1]!.function;
      return body.startsWith('testing.') || body.startsWith('runtime.') ? -1 : i - 1;
    }
  return -1;
}
