// The one model every parser fills and every reporter reads. Parsers and reporters import it; it imports
// nothing of theirs. Field names are the JSON schema's (docs/schema.md), so serialising is a plain copy.

import type { Allocates } from './allocation-rules.js';

export const SCHEMA_VERSION = 1;

export interface Position {
  /** Relative to the analysed module's root with / separators; absolute outside it. */
  file: string;
  line: number;
  column: number;
}

/** What the compiler decided about one expression, variable or parameter. */
export type SiteKind =
  | 'moved-to-heap' // moved to heap: NAME
  | 'escapes' // EXPR escapes to heap
  | 'does-not-escape' // EXPR does not escape
  | 'leaking-param' // leaking param: NAME
  | 'leaking-param-content' // leaking param content: NAME
  | 'leaking-param-to-result'; // leaking param: NAME to result R level=N

/** One note of the compiler's explanation: `from WHERE (REASON) at POS`, under the flow edge `DST ← SRC`. */
export interface FlowStep extends Position {
  reason: string;
  text: string;
  /** The flow edge the note belongs to: destination and source locations as the compiler names them. */
  dst: string;
  src: string;
  /** The same in Go's words (join/go-names.ts), where the compiler's text names temporaries, results or shapes. */
  goText?: { dst: string; src: string; text: string };
}

/** Readable names beside the compiler's (join/go-names.ts); only the parts that differ are set. */
export interface GoName {
  function?: string;
  expr?: string;
}

export interface CauseRef {
  id: string;
  summary: string;
  fix: string;
}

export interface Site extends Position {
  package: string;
  /** The compiler's name for the function whose compilation reported the site, when known. */
  function: string | null;
  heap: boolean;
  kind: SiteKind;
  expr: string;
  cause: CauseRef | null;
  flow: FlowStep[];
  /** For a leaking parameter: where it leaks (`{heap}`, `~r0`) and at which dereference level. */
  leak?: { to: string; derefs: number };
  /** Set when the compiler reported this site at a call it inlined: the callee whose body it came from. */
  inlinedFrom?: string;
  /** Plain-language notes that tie the site to inlining decisions. */
  notes?: string[];
  /** The compiler cut the explanation short because of an assignment cycle. */
  truncated?: boolean;
  /** What the explanation comes to for this site, in plain words (the callee that keeps it, the object it is stored in). */
  detail?: string;
  /** When the explanation ends in another heap decision (an object or variable on the heap for a reason of its
   *  own): the decisions it leads through, the last one the root. */
  chain?: ChainLink[];
  /** The root's cause: removing that escape removes this one too. */
  rootCause?: CauseRef;
  /** For heap sites: whether the runtime allocates for it (model/allocation-rules.ts), by which rule, and why. */
  allocates?: Allocates;
  allocatesRule?: string;
  allocatesReason?: string;
  /** The decision's identity, stable under edits that only move code (join/identity.ts); set by the join. */
  id?: string;
  /** Rank among decisions equal in package, function instance, kind, expression and leak target, in source order. */
  occurrence?: number;
  /** The function and expression in Go's words, where the compiler's differ. */
  goName?: GoName;
  /** Reached only on an error or panic path (join/focus.ts), and why. */
  cold?: boolean;
  coldReason?: string;
  /** What the site costs, measured or estimated (join/focus.ts); heap sites that allocate only. */
  cost?: SiteCost;
}

export interface SiteCost {
  source: 'measured' | 'estimated';
  /** Orders sites: measured ones by allocs/op, estimated ones by a relative weight (docs/ranking.md). */
  score: number;
  /** What the figure rests on, in a few words. */
  basis: string;
  allocsPerOp?: number;
  bytesPerOp?: number;
  benchmark?: string;
  /** Measured only: the share of the benchmark's CPU spent in the allocator for the site's line (bench's cost
   *  pass); measured sites with it rank by it first (docs/ranking.md). */
  cpuShare?: number;
  /** Measured only: CPU ns per op the site's allocations cost (allocator measured + GC estimated): measured sites
   *  with it rank by it first (docs/ranking.md). */
  costNsPerOp?: number;
  /** The profile the figure comes from (--profile). */
  profile?: string;
  /** Estimated only, to break ties between equal scores: heap sites that allocate in the same innermost loop body
   *  (outside loops: the same function), this one included; call sites naming its function in the files read. */
  together?: number;
  callers?: number;
}

/** A heap decision another one leads to (Site.chain). */
export interface ChainLink extends Position {
  id: string;
  kind: SiteKind;
  expr: string;
  function: string | null;
  cause: string | null;
  goName?: GoName;
}

export interface FunctionInfo {
  name: string;
  package: string;
  file: string;
  line: number;
  column: number;
  /** Where the body's closing brace is, when heapscope read the source (files that declare closures). */
  endLine?: number;
  endColumn?: number;
  inlinable: boolean;
  cost: number | null;
  budget: number | null;
  reason: string | null;
}

/** `inlining call to F` at a call site. */
export interface InlinedCall extends Position {
  package: string;
  callee: string;
  /** The function the call is written in, when known. */
  caller: string | null;
}

/** `F capturing by value: x (addr=false assign=false width=8)`. */
export interface Capture extends Position {
  package: string;
  function: string;
  variable: string;
  byRef: boolean;
  width: number;
}

/**
 * What the compiler's walk pass says about one value it did not have to allocate for (`-d=escapedebug=1,closure=1`,
 * walk/convert.go dataWord and walk/closure.go walkClosure):
 * - `static`: an interface holds a constant or a literal of constants, laid out in read-only data;
 * - `zero-size`: a zero-size value, pointing at the runtime's zerobase;
 * - `single-byte`: a bool or one-byte integer, pointing into the runtime's staticuint64s table;
 * - `zero-value`: a zero value, pointing at the runtime's zeroVal;
 * - `stack`: a value that does not escape, in a stack temporary;
 * - `global-closure`: a func literal that captures nothing, a static function value.
 * `name` is the value the compiler used (a variable, or `.stmp_N` for its own static copy); a variable's
 * diagnostic is at the variable's declaration, the others at the conversion or func literal.
 */
export interface StaticValue extends Position {
  package: string;
  how: 'static' | 'zero-size' | 'single-byte' | 'zero-value' | 'stack' | 'global-closure';
  name: string;
}

export interface PackageInfo {
  importPath: string;
  dir: string;
  errors: string[];
  /** True when the package's model came from heapscope's cache rather than from a compiler run. */
  cached?: boolean;
}

/** A compiler line the parser did not recognise: kept, counted, never fatal. */
export interface Unrecognised {
  package: string;
  text: string;
}

export interface GoInfo {
  version: string;
  goos: string;
  goarch: string;
}

export interface AnalysisModel {
  schemaVersion: typeof SCHEMA_VERSION;
  go: GoInfo;
  /** Absolute path of the analysed module's root. */
  root: string;
  packages: PackageInfo[];
  sites: Site[];
  functions: FunctionInfo[];
  inlinedCalls: InlinedCall[];
  captures: Capture[];
  staticValues: StaticValue[];
  unrecognised: Unrecognised[];
  /** Heap sites in other modules' generic code instantiated by a package of this one (join/focus.ts). */
  instantiations?: Instantiation[];
  /** Generic functions the analysed packages declare that nothing compiled instantiates. */
  notAnalysed?: NotAnalysed[];
  /** Where measured costs came from, when some did. */
  measuredBy?: { command: string; time: string };
  /** Heap sites left out by the filters (model/filters.ts): by --cause, --package, --function, --min-allocs, and
   *  those in other modules' code, which --all shows. */
  filtered?: { sites: number; external: number; byMinAllocs: boolean };
}

export interface Instantiation {
  /** The package whose compilation instantiated the code. */
  package: string;
  /** The import path of the package whose code it is (`slices`, `golang.org/x/exp/slices`), or its file when no listed package holds it. */
  callee: string;
  /** The calls in the package's own files that instantiate it. */
  calls: Position[];
  /** Heap sites that allocate, in the instantiated code. */
  sites: number;
  /** The instances, readable. */
  functions: string[];
}

export interface NotAnalysed extends Position {
  package: string;
  function: string;
}

/** What one package's compiler output holds, before positions are made relative and packages are merged. */
export interface PackageFacts {
  /** Import path as the go command's `# ` header names it, without the test-variant suffix. */
  importPath: string;
  /** The header's bracketed suffix, e.g. `example.com/m.test` for `# example.com/m [example.com/m.test]`. */
  variant: string | null;
  sites: Site[];
  functions: FunctionInfo[];
  inlinedCalls: InlinedCall[];
  captures: Capture[];
  /** Values the compiler did not allocate for although escape analysis let them escape (see StaticValue). */
  staticValues: StaticValue[];
  /** Lines that are positions with a message the parser does not know: compiler errors, or new wording. */
  unknown: string[];
  /** Lines without a position under this header (go command messages). */
  other: string[];
}

export function comparePositions(a: Position, b: Position): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
