// What `heapscope explain FILE:LINE` reports about one line.
import type { FunctionInfo, InlinedCall, Site } from './types.js';
import type { AsmAllocCall } from './alloc-types.js';
import type { BenchLine } from './bench-report.js';

export interface Explanation {
  file: string;
  line: number;
  package: string | null;
  /** The package whose test binary was built for the line: the one in the file's directory (p for p_test's lines). */
  testBinary?: string;
  function: FunctionInfo | null;
  /** Calls where the compiler inlined the enclosing function. */
  inlinedInto: InlinedCall[];
  sites: Site[];
  allocations: (AsmAllocCall & { sizeClass: number | null })[];
  /** Benchmarks run with --bench: the line's figures, or null when the benchmark allocates nothing here. */
  benchmarks: { name: string; package: string; allocsPerOp: number | null; line: BenchLine | null }[];
  errors: string[];
}
