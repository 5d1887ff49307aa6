// heapscope's configuration file at the module root (heapscope.json, heapscope.yaml or heapscope.yml), as
// docs/heapscope.schema.json publishes it: budgets per benchmark, directive defaults per package, default flags.

export const CONFIG_NAMES = ['heapscope.json', 'heapscope.yaml', 'heapscope.yml'] as const;

export interface Budget {
  allocsPerOp?: number;
  bytesPerOp?: number;
  /** GC cycles per 1,000 ops and stop-the-world ns per op in the cost pass (BenchmarkReport.gc). */
  gcCyclesPer1kOps?: number;
  stwNsPerOp?: number;
  /** The most of the benchmark's CPU it may spend in the allocator, 0 to 1 (the cost pass's cpu.allocShare). */
  allocCpuShare?: number;
}

export interface Config {
  /** The file it was read from (absolute), for messages. */
  file: string;
  budgets: Record<string, Budget>;
  packages: Record<string, { noalloc?: boolean }>;
  defaults: {
    tags?: string;
    tests?: boolean;
    top?: number;
    baseline?: string;
    bench?: string;
    benchtime?: string;
    count?: number;
    timeout?: string;
  };
}
