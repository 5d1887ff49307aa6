// The run-time figures `heapscope bench` last measured for a module, kept so that `analyze` can rank heap sites
// by what they cost (cache/measured-store.ts stores them; join/focus.ts reads them).

export interface MeasuredSite {
  allocsPerOp: number;
  bytesPerOp: number;
  /** The benchmark that charged the site the most. */
  benchmark: string;
  /** For a line's figures: the ids of the decisions the profile charged them to (the instances that ran). */
  ids?: string[];
  /** The share of that benchmark's CPU the allocator spent for these allocations (its cost pass), when measured. */
  cpuShare?: number;
  /** CPU ns per op these allocations cost in that benchmark (allocator measured + GC estimated; BenchLine.costNsPerOp). */
  costNsPerOp?: number;
}

export interface MeasuredCosts {
  /** The command that measured them, and when (ISO time). */
  command: string;
  time: string;
  /** By site id (join/identity.ts): ids survive edits that only move code. */
  sites: Map<string, MeasuredSite>;
  /**
   * By `file:line` (model path): the line the profile charged, for sites measured where they were inlined (the
   * instance compiled into the benchmark has an id of its own). Only lines of files unchanged since are kept.
   */
  lines: Map<string, MeasuredSite>;
}
