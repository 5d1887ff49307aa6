// What a report page reads: the analysis (and for bench, the benchmarks) in a compact form the HTML reporter
// writes into the page and `heapscope serve` sends as JSON. Every string of the model goes into one table and is
// named by its index (a path or a cause's text is stored once however many sites name it). Sources travel apart
// (page-sources.ts): gzip-compressed and base64-encoded, one per file, decoded by the page when a file is opened.
// The page's code (web/) imports this file for its types only; it holds no code, so both sides agree by the
// compiler's checks rather than by convention.

import type { Lang } from '../../i18n/lang.js';

/** Index into PageData.strings. */
export type Str = number;

/** Bumped when a field changes meaning; the page refuses data of another version. */
export const PAGE_DATA_VERSION = 1;

export interface PageData {
  version: typeof PAGE_DATA_VERSION;
  kind: 'analyze' | 'bench';
  /** The language of the data's prose (--lang when it was made), which the page's interface speaks too. */
  lang?: Lang;
  /** heapscope serve: which analysis this is; /api/source and /api/asm answer 409 for another one. */
  generation?: number;
  /** heapscope's version, the toolchain, the module root (absolute), the command line that made the data. */
  tool: string;
  go: { version: string; goos: string; goarch: string };
  root: string;
  command: string;
  strings: string[];
  packages: PagePackage[];
  files: PageFile[];
  /** The catalogue entries of the causes the sites name (docs/causes.md). */
  causes: PageCause[];
  sites: PageSite[];
  /** The summary: the costliest decisions (site indices of each group's first site), as the text report ranks them. */
  ranking: { site: number; more: number }[];
  /** Measured figures' origin, when some sites have them. */
  measuredBy?: { command: string; time: string };
  functions: PageFunction[];
  /** `inlining call to F` sites: where each call was inlined and into which function. */
  inlined: PageInlined[];
  /** Code of other packages compiled here (instantiated generics, inlined closures), charged to the calls. */
  instantiations: { package: number; callee: Str; calls: PagePos[]; sites: number; functions: Str[] }[];
  notAnalysed: { package: number; pos: PagePos; function: Str }[];
  filtered?: { sites: number; external: number; byMinAllocs: boolean };
  /** Set in the first view of a large report (see Encoded.preview): counts over the whole data, which holds only
   *  the ranked sites. */
  preview?: PagePreview;
  /** bench only. */
  benchmarks?: PageBenchmark[];
  /** Assembly of the functions that call a runtime allocation entry point (bench, or serve on request). */
  asm?: PageAsmFunction[];
}

export interface PagePreview {
  /** Heap sites that allocate, and all sites, in the whole report. */
  heapSites: number;
  sites: number;
  /** Hot heap sites (not cold, allocating) by cause id ('' for none) and by package import path, largest first. */
  byCause: [string, number][];
  byPackage: [string, number][];
}

/** [file index, line, column]. */
export type PagePos = [number, number, number];

export interface PagePackage {
  path: Str;
  dir: Str;
  errors: Str[];
}

export interface PageFile {
  /** Relative to the module root with / separators, or absolute outside it. */
  path: Str;
  /** Index into packages, or -1 for a file outside the analysed packages (a callee's source in another module). */
  package: number;
  /** Whether the page can have the file's text (heapscope read it). */
  source: boolean;
  /** Heap decisions that allocate; stack decisions. */
  heap: number;
  stack: number;
}

export interface PageCause {
  id: Str;
  title: Str;
  summary: Str;
  explanation: Str;
  fix: Str;
}

export interface PageFlowStep {
  pos: PagePos;
  /** The compiler's note and its reason, and the flow edge it belongs to, in Go's words. */
  text: Str;
  reason: Str;
  dst: Str;
  src: Str;
}

export interface PageChainLink {
  /** The heap decision this link is, as an index into sites, or -1 when it is not in the data (filtered out). */
  site: number;
  pos: PagePos;
  expr: Str;
  function: Str;
  cause: number;
}

export interface PageCost {
  source: 'measured' | 'estimated';
  score: number;
  basis: Str;
  allocsPerOp?: number;
  bytesPerOp?: number;
  benchmark?: Str;
}

export interface PageSite {
  id: Str;
  pos: PagePos;
  package: number;
  /** In Go's words; the compiler's own text beside it only where it differs. */
  function: Str;
  functionRaw?: Str;
  expr: Str;
  exprRaw?: Str;
  kind: 'moved-to-heap' | 'escapes' | 'does-not-escape' | 'leaking-param' | 'leaking-param-content' | 'leaking-param-to-result';
  heap: boolean;
  /** always | sometimes | never, for heap sites; why, for sometimes and never. */
  allocates?: 'always' | 'sometimes' | 'never';
  allocatesReason?: Str;
  /** Index into causes, -1 for none. */
  cause: number;
  rootCause: number;
  detail?: Str;
  notes?: Str[];
  flow: PageFlowStep[];
  truncated?: boolean;
  /** The heap decisions the explanation leads through, the last one the root. */
  chain?: PageChainLink[];
  inlinedFrom?: Str;
  cold?: Str;
  cost?: PageCost;
  /** Other sites of the same decision (a generic function's instances, a callee inlined at several calls). */
  group: number;
}

export interface PageFunction {
  name: Str;
  package: number;
  pos: PagePos;
  endLine?: number;
  inlinable: boolean;
  cost: number | null;
  budget: number | null;
  reason: Str;
}

export interface PageInlined {
  pos: PagePos;
  callee: Str;
  caller: Str;
}

export interface PageFigure {
  median: number;
  min: number;
  max: number;
}

export interface PageBenchLine {
  file: number;
  line: number;
  function: Str;
  innermost: Str;
  allocsPerOp: number;
  bytesPerOp: number;
  /** Types allocated on the line with their sizes, from the assembly: "examples.Point (16 B)". */
  types: Str[];
  /** Sites of the analysis on this line. */
  sites: number[];
  cause: number;
  notes: Str[];
  amortised?: boolean;
  /** The benchmark's CPU in the allocator for this line, and the line's estimated share of its GC work (BenchLine);
   *  null when the CPU profile had too few samples, absent when no cost pass ran. */
  cpuShare?: number | null;
  gcShareEstimate?: number | null;
  /** Set when allocsPerOp includes an estimate of tiny objects (under 16 B, no pointers) sharing 16-byte blocks:
   *  the profile counts blocks, and this is its own count. */
  profiledAllocsPerOp?: number;
}

/** A node of a benchmark's allocation flame graph: a frame, with allocs/op and B/op of everything below it. */
export interface PageFlameNode {
  name: Str;
  /** Where the frame is: a file index and line, or -1 for a frame without a position in the data. */
  file: number;
  line: number;
  allocs: number;
  bytes: number;
  children: PageFlameNode[];
}

export interface PageBenchmark {
  name: Str;
  package: number;
  procs: number;
  runs: number;
  metrics: { name: Str; figure: PageFigure }[];
  setup: { allocs: number; bytes: number } | null;
  lines: PageBenchLine[];
  flame: PageFlameNode | null;
  notes: Str[];
  /** The cost pass's figures (BenchmarkReport.cpu and .gc): null when the pass failed, absent when it did not run. */
  cpu?: { allocShare: number | null; gcShare: number | null; samples: number; seconds: number } | null;
  gc?: PageGc | null;
  cpuFlame?: PageCpuFlame | null;
  /** bench --trace: the execution trace's summary (null: the pass gave nothing, a note says why). */
  trace?: PageTrace | null;
}

/** The GC's figures from the cost run's gctrace lines (BenchmarkReport.gc). */
export interface PageGc {
  cycles: number;
  cyclesPer1kOps: number;
  stwNsPerOp: number;
  heapGoalBytes: number | null;
  peakHeapBytes: number | null;
  ops: number;
  source: 'gctrace' | 'no-allocation';
}

/** A frame of the CPU flame graph (model/cpu-flame.ts), its samples and what it was doing. */
export interface PageCpuFlameNode {
  name: Str;
  /** A file index for a frame of the module, else -1 with the position as text in `at` ('' without one): the
   *  runtime's and libraries' files are not put in the page for the frames they have. */
  file: number;
  at: Str;
  line: number;
  kind: 'alloc' | 'gc' | 'other';
  samples: number;
  children: PageCpuFlameNode[];
}

export interface PageCpuFlame {
  periodNs: number;
  ops: number;
  outside: number;
  root: PageCpuFlameNode;
}

/** A benchmark's execution-trace figures (model/trace-summary.ts TraceFigures): numbers only. */
export interface PageTrace {
  gcCycles: number;
  stwEvents: number;
  stwTotalNs: number;
  assistNs: number;
  goroutinesCreated: number;
  /** [ns since the timed run began, bytes of live heap objects]. */
  heap: [number, number][];
  mmu: { '1ms': number | null; '10ms': number | null };
  ops: number;
  windowNs: number;
}

export interface PageAsmFunction {
  symbol: Str;
  pos: PagePos;
  /** Instructions: [file index or -1, source line, text]; the allocation calls flagged with what they allocate. */
  instructions: [number, number, Str][];
  calls: { index: number; runtime: Str; type: Str; size: number | null; sizeClass: number | null }[];
}
