// What `heapscope diff` reports: the heap sites that allocate on one side and not the other, and those on both
// whose explanation changed (cause, root cause, whether the runtime allocates, inlining), between two revisions or
// two Go releases of the same code.

import type { Site } from './types.js';
import type { AbBenchmark } from './ab.js';

export interface DiffSide {
  /** What the side is, for people: `v1.2.0 (3f2a…)`, `the working tree`, `go1.27.4`. */
  label: string;
  revision?: string;
  go: string;
}

export interface SiteChange {
  before: Site;
  after: Site;
  /** What changed, each as `field: before → after`. */
  what: string[];
}

export interface DiffReport {
  schemaVersion: 1;
  root: string;
  from: DiffSide;
  to: DiffSide;
  /** How sites were matched: by identity (revisions: names as the compiler gives them, no lines), or by position
   *  in the module's files (releases: the same code, whose compiler names can differ between releases; readable
   *  names for sites in other files). */
  matchedBy: 'identity' | 'position';
  added: Site[];
  removed: Site[];
  changed: SiteChange[];
  /** With --bench: each benchmark's metrics compared, and the threshold a significant change must pass to fail. */
  benchmarks: AbBenchmark[];
  bench?: { pattern: string; count: number; threshold: number; errors: string[] };
  packages: { side: 'from' | 'to'; importPath: string; errors: string[] }[];
}
