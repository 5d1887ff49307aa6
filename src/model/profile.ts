// A memory profile as heapscope uses it: stacks of source frames with allocation counts and bytes.

export interface Frame {
  function: string;
  file: string;
  line: number;
  /** The program counter of the location this frame belongs to (a return address; the frames inlined at one
   *  location share it), when the profile records it. */
  address?: number;
  /** The location's outermost frame: the function whose machine code holds the address (the others were inlined into it). */
  physical?: boolean;
}

export interface MemSample {
  /** Innermost frame first. */
  stack: Frame[];
  allocObjects: number;
  allocBytes: number;
}

export interface Mapping {
  start: number;
  limit: number;
  offset: number;
  file: string;
}

/** A profile of any kind, as stacks of frames with one value per sample type (CPU, heap, block, mutex). */
export interface AnyProfile {
  /** `type/unit` for each value: `samples/count`, `cpu/nanoseconds`, `alloc_objects/count`, ... */
  sampleTypes: string[];
  samples: { stack: Frame[]; values: number[] }[];
}

export interface MemProfile {
  samples: MemSample[];
  /** The profiled program's memory mappings (the binary first), to relate addresses to the binary's symbols. */
  mappings?: Mapping[];
  /** Sampling rate the runtime used (MemProfileRate); 1 means every allocation was recorded. */
  rate: number;
}

/**
 * The part of a profile made by one top-level benchmark: the samples whose stack passes through its function or a
 * closure of it (`pkg.BenchmarkX`, `pkg.BenchmarkX.func1`, RunParallel's workers included). Allocations of
 * goroutines the benchmark starts itself carry no such frame and are left out: a caller checks the part's total
 * against what the benchmark measured before relying on it.
 */
export function benchmarkPart(profile: MemProfile, benchmark: string): MemProfile {
  const owns = benchmarkOwns(benchmark);
  return { ...profile, samples: profile.samples.filter((s) => s.stack.some((f) => owns(f.function))) };
}

/**
 * Whether a sample was allocated by package initialisation (package-level variables' initialisers, init
 * functions): before the benchmark ran, at the runtime's default sampling rate, since the testing package sets
 * -test.memprofilerate only once main starts. Such samples land in one profiled run and not the other at random,
 * and are never a per-op cost.
 */
export function inPackageInit(stack: Frame[]): boolean {
  // runtime.doInit1 (Go 1.21+) or runtime.doInit calls every package's init; `pkg.init` alone could be a method.
  return stack.some((f) => f.function.startsWith('runtime.doInit'));
}

/** Lines of a benchmark function's own source that run outside the benchmark timer, as a profile names its file. */
export interface UntimedLines {
  /** The file as the profile's frames name it. */
  file: string;
  /** The function, as the profile names it (`example.com/m.BenchmarkSetup`). */
  function: string;
  /** Inclusive 1-based line ranges. */
  lines: [number, number][];
}

/** Whether a sample was allocated on an untimed line of the benchmark's own frame. */
export function isUntimed(stack: Frame[], untimed: UntimedLines | undefined): boolean {
  if (!untimed || untimed.lines.length === 0) return false;
  const f = stack.find((x) => x.function === untimed.function && x.file === untimed.file);
  return !!f && untimed.lines.some(([a, b]) => f.line >= a && f.line <= b);
}

/** The frame of the benchmark's own function (not a closure of it) in a profile, to find its source file. */
export function benchmarkFrame(profile: MemProfile, benchmark: string): Frame | null {
  for (const s of profile.samples) {
    for (const f of s.stack) {
      const last = f.function.slice(f.function.lastIndexOf('/') + 1);
      if (last.slice(last.indexOf('.') + 1) === benchmark && last.includes('.')) return f;
    }
  }
  return null;
}

/** Whether a function is the benchmark's own function or a closure of it. */
export function benchmarkOwns(benchmark: string): (fn: string) => boolean {
  return (fn) => {
    const last = fn.slice(fn.lastIndexOf('/') + 1);
    const dot = last.indexOf('.');
    if (dot < 0) return false;
    const rest = last.slice(dot + 1);
    return rest === benchmark || rest.startsWith(benchmark + '.');
  };
}

/** Bytes a profile's samples allocated in all. */
export function profileBytes(profile: MemProfile): number {
  return profile.samples.reduce((t, s) => t + s.allocBytes, 0);
}
