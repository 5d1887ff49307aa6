// Model types for what the benchmark text and the compiler's assembly listing tell heapscope: measured
// allocations per operation, and the runtime calls that perform them, with the table of those runtime entry points
// (what each allocates, where its type argument is). Like types.ts, this imports nothing of the parsers or
// reporters; they import it.

// ---------------------------------------------------------------------------------------------------------------
// Benchmarks: `go test -run '^$' -bench RE -benchmem` (the Go benchmark data format, golang.org/design/14313).

/** One result line: `BenchmarkName-P  N  X ns/op  Y B/op  Z allocs/op  [value unit]...`. */
export interface BenchRun {
  iterations: number;
  /** Value per unit exactly as printed (`ns/op`, `B/op`, `allocs/op`, `MB/s`, custom units from b.ReportMetric). */
  metrics: Record<string, number>;
  /** 1-based line number in the parsed text. */
  line: number;
}

/** Every run of one benchmark at one GOMAXPROCS value (`-count` repeats, so there can be several). */
export interface BenchResult {
  /** Full name without the `-P` suffix, sub-benchmarks included: `BenchmarkSub/size=8`. */
  name: string;
  /** GOMAXPROCS from the `-P` suffix; 1 when the name has no suffix (the testing package omits `-1`). */
  procs: number;
  runs: BenchRun[];
}

/**
 * What the output says about a benchmark besides its numbers.
 * - `fail`: `--- FAIL: NAME` (b.Fatal, b.Error, or a failing sub-benchmark);
 * - `skip`: `--- SKIP: NAME` (printed only with -v);
 * - `log`: `--- BENCH: NAME` or, with -v, log lines printed before a result;
 * - `panic`: `panic: ...` or `fatal error: ...` with the goroutine trace that follows;
 * - `exit`: the binary ended while the benchmark ran, without a panic (os.Exit): value is its exit status;
 * - `timeout`: heapscope killed the binary at --timeout while the benchmark ran.
 * The parser finds the first four; the runner adds the last two.
 */
export type BenchProblemKind = 'fail' | 'skip' | 'log' | 'panic' | 'exit' | 'timeout';

export interface BenchProblem {
  kind: BenchProblemKind;
  /** The benchmark's name without any `-P` suffix, when known (for a panic: from the trace or the -v name line). */
  benchmark: string | null;
  /** The name exactly as printed on the `--- ` line (`BenchmarkLogs-2`), when there was one. */
  printedName: string | null;
  /** For a panic: the panic value (text after `panic: `); otherwise null. */
  value: string | null;
  /** Indented message lines with the first four-space indent removed; for a panic, the trace lines. The first
   *  MESSAGES_KEPT only: a benchmark can log without end. */
  messages: string[];
  /** Message lines beyond those kept, counted. */
  omitted?: number;
  /** 1-based line number of the `--- ` or `panic:` line. */
  line: number;
}

export interface BenchPackage {
  /** Import path from the `pkg:` header, or from the go command's `ok`/`FAIL` line when no header was printed. */
  pkg: string | null;
  /** Header configuration lines (`goos`, `goarch`, `pkg`, `cpu`, and any other `key: value` the format allows). */
  config: Record<string, string>;
  benchmarks: BenchResult[];
  problems: BenchProblem[];
  /** `PASS` or `FAIL` as printed by the test binary itself; null when it died before printing one (a panic). */
  result: 'PASS' | 'FAIL' | null;
  /** The go command's summary line: `ok  pkg 0.151s`, `FAIL pkg 0.142s`, `?  pkg [no test files]`. */
  status: 'ok' | 'FAIL' | 'no-test-files' | null;
  /** Seconds from the summary line; null for `(cached)` or when absent. */
  elapsed: number | null;
  /** Anything after the time on the summary line: `(cached)`, `[build failed]`, `[no tests to run]`. */
  statusNote: string | null;
  /** From `exit status N` (the go command reports the test binary's non-zero exit). */
  exitStatus: number | null;
}

export interface BenchUnrecognised {
  line: number;
  text: string;
  /** The package block the line appeared in, when known. */
  pkg: string | null;
}

export interface BenchParse {
  packages: BenchPackage[];
  /** The go command's final bare `PASS`/`FAIL` after several packages, when printed. */
  overall: 'PASS' | 'FAIL' | null;
  /** The first UNRECOGNISED_KEPT lines not recognised; the rest are counted in unrecognisedCount. */
  unrecognised: BenchUnrecognised[];
  unrecognisedCount: number;
}

/** How many message lines a problem keeps, and unrecognised lines a parse keeps: output can be unbounded. */
export const MESSAGES_KEPT = 200;
export const UNRECOGNISED_KEPT = 200;

/** One metric over a benchmark's runs. */
export interface MetricSummary {
  n: number;
  median: number;
  min: number;
  max: number;
  /** Largest distance from the median to min or max, as a fraction of the median (benchstat's ±);
   *  null when the median is 0. */
  spread: number | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Assembly listing: `go build -gcflags=-S`.

/** What a runtime allocation entry point allocates; decides what its type argument describes. */
export type AllocKind =
  | 'object' // newobject, mallocgc, newarray: a value of the type (a moved variable, &T{}, new(T), a closure)
  | 'slice' // makeslice, makeslice64, makeslicecopy: a backing array of the element type
  | 'slice-growth' // growslice and its variants: append growing a backing array
  | 'slice-move' // moveSlice*: Go 1.26 copying a stack-built append result to the heap
  | 'map' // makemap, makemap64, makemap_small
  | 'chan' // makechan, makechan64
  | 'interface-box' // convT*: a value copied to the heap to be stored in an interface
  | 'string' // concatstring*, slicebytetostring, slicerunetostring, intstring, rawstring*
  | 'bytes' // stringtoslicebyte, concatbyte*, rawbyteslice
  | 'runes' // stringtoslicerune, rawruneslice
  // A runtime operation that allocates inside on some calls, with no allocation entry point of its own in the
  // listing; a memory profile shows what it allocates on the calling line (its own frames are trimmed):
  | 'map-insert' // mapassign*: a map's storage (the first group, more groups, a larger table as it grows)
  | 'unknown'; // a runtime.malloc* / runtime.new* function heapscope does not know yet

/** What the type argument names: the allocated value, a slice's element, the map or chan type, the boxed value. */
export type TypeRole = 'object' | 'element' | 'map' | 'chan' | 'value';

/** One CALL to a runtime allocation entry point in compiled code. */
export interface AsmAllocCall {
  /** Import path from the `# importpath` header ('' when the text had none). */
  package: string;
  /** The header's bracketed suffix, e.g. `example.com/m.test` for a test variant. */
  variant: string | null;
  /** The compiled function's symbol: `example.com/m.Counter`, `example.com/m.Counter.func1`, `pkg.F[go.shape.int]`. */
  function: string;
  /** The source position of the CALL instruction as printed. Code inlined from another function carries that
   *  function's position, so this can name a line outside `function`. `<unknown line number>` gives file '' line 0. */
  file: string;
  line: number;
  /** Where the function's TEXT line is (its declaration), to tell inlined positions from its own. */
  functionFile: string;
  functionLine: number;
  /** Byte offset of the CALL within the function. */
  pc: number;
  /** Byte offset of the nearest CALL (of any function) before this one in the function, or null: a profile
   *  address just after it is that call's return, never this call's (join/addresses.ts). */
  prevCallPc: number | null;
  /** The runtime function called, without `runtime.`: `newobject`, `growslice`, `convT64`, ... */
  runtime: string;
  kind: AllocKind;
  /** What `type` describes for this entry point. */
  typeRole: TypeRole | null;
  /** The type descriptor symbol as printed (`type:[]int`, `type.[]int` before Go 1.20), when one was found. */
  typeSymbol: string | null;
  /** The Go type, prefixes `type:`/`type.` and `noalg.` removed: `struct { F uintptr; X0 *int }`. */
  type: string | null;
  /** A readable form: import paths cut to their last element, closures as `closure capturing *int`. */
  display: string | null;
  /** How the type was found: the entry point's type register, or (for convT16/32/64/string/slice, which take
   *  no type) the interface type word stored just after the call. */
  typeFrom: 'argument' | 'interface-word' | null;
  /** For a closure context (`struct { F uintptr; X0 *int; ... }`): the captured variables' types, in order.
   *  Captured by reference shows as a pointer. Go does not print the variables' names here. */
  captures?: string[];
  /** For a method value (`struct { F uintptr; R T }`): the receiver type. */
  methodValueReceiver?: string;
  /** The type's size in bytes when the listing carries its descriptor (the descriptor's first word). */
  typeSize: number | null;
  /** Integer arguments loaded as constants right before the call, by the runtime's parameter names
   *  (`{ len: 81920, cap: 81920 }` for makeslice, `{ size: 0 }` ...). */
  constants: Record<string, number>;
  /** For entry points taking a temporary buffer (concatstring*, slicebytetostring, ...): true when the caller
   *  passed a stack buffer (the result may not allocate), false when it passed nil (it always allocates). */
  stackBuffer: boolean | null;
}

export interface AsmFunction {
  package: string;
  variant: string | null;
  symbol: string;
  file: string;
  line: number;
  /** `size=` from the header: bytes of machine code. */
  size: number;
  /** Flags between STEXT and size=: `dupok`, `nosplit`, ... */
  flags: string[];
}

/** A function's instructions as the listing prints them, kept for the functions that call an allocation entry point
 *  (the HTML report's assembly pane). */
export interface AsmListing {
  package: string;
  symbol: string;
  file: string;
  line: number;
  column: number;
  instructions: { file: string; line: number; text: string }[];
  /** The allocation calls among them: the instruction's index, the entry point, the type and its size. */
  calls: { index: number; runtime: string; type: string; size: number | null; sizeClass: number | null }[];
}

export interface AsmUnrecognised {
  /** 1-based line number in the parsed text. */
  line: number;
  text: string;
}

export interface AsmParse {
  /** The architecture the instructions were read as. */
  arch: 'amd64' | 'arm64' | null;
  functions: AsmFunction[];
  calls: AsmAllocCall[];
  /** With AsmTextOptions.listings: the functions that call an allocation entry point, instruction by instruction. */
  listings?: AsmListing[];
  /** Sizes of the types whose descriptors appear in the listing, keyed by Go type (prefix removed). */
  typeSizes: Record<string, number>;
  unrecognised: AsmUnrecognised[];
}

// ---------------------------------------------------------------------------------------------------------------
// The runtime functions compiled code calls to allocate.

/** A runtime allocation entry point: what it allocates and which argument slot holds what. */
export interface AllocEntryPoint {
  kind: AllocKind;
  role: TypeRole | null;
  /** Integer-register argument slots in order: 'typ' the type, 'buf' a temporary buffer, '' ignored, any other
   *  name an integer reported in `constants` when loaded as a constant. Strings and slices take 2 and 3 slots. */
  slots: string[];
  /** Takes no type: the boxed value's type is the interface type word stored after the call. */
  boxed?: boolean;
}

const ptr = ''; // an ignored pointer slot
const S2 = [ptr, ptr]; // a string argument: pointer, length
const S3 = [ptr, ptr, ptr]; // a slice argument

/** The entry points of Go 1.19-1.26 (typecheck/_builtin/runtime.go). Unlisted runtime.malloc... and runtime.new...
 *  functions count as allocations of an unknown kind (allocEntryPoint). */
export const ALLOC_ENTRY_POINTS: Readonly<Record<string, AllocEntryPoint>> = {
  newobject: { kind: 'object', role: 'object', slots: ['typ'] },
  newarray: { kind: 'object', role: 'element', slots: ['typ', 'n'] },
  mallocgc: { kind: 'object', role: 'object', slots: ['size', 'typ', 'needzero'] },
  makeslice: { kind: 'slice', role: 'element', slots: ['typ', 'len', 'cap'] },
  makeslice64: { kind: 'slice', role: 'element', slots: ['typ', 'len', 'cap'] },
  makeslicecopy: { kind: 'slice', role: 'element', slots: ['typ', 'tolen', 'fromlen', ptr] },
  growslice: { kind: 'slice-growth', role: 'element', slots: [ptr, 'newLen', 'oldCap', 'num', 'typ'] },
  growsliceNoAlias: { kind: 'slice-growth', role: 'element', slots: [ptr, 'newLen', 'oldCap', 'num', 'typ'] },
  growsliceBuf: {
    kind: 'slice-growth',
    role: 'element',
    slots: [ptr, 'newLen', 'oldCap', 'num', 'typ', 'buf', 'bufLen'],
  },
  growsliceBufNoAlias: {
    kind: 'slice-growth',
    role: 'element',
    slots: [ptr, 'newLen', 'oldCap', 'num', 'typ', 'buf', 'bufLen'],
  },
  moveSlice: { kind: 'slice-move', role: 'element', slots: ['typ', ptr, 'len', 'cap'] },
  moveSliceNoScan: { kind: 'slice-move', role: 'element', slots: ['elemSize', ptr, 'len', 'cap'] },
  moveSliceNoCap: { kind: 'slice-move', role: 'element', slots: ['typ', ptr, 'len'] },
  moveSliceNoCapNoScan: { kind: 'slice-move', role: 'element', slots: ['elemSize', ptr, 'len'] },
  // The compiler's name for the operation moveSlice* implement (slice/slice.go); kept in case a release calls it.
  move2heap: { kind: 'slice-move', role: 'element', slots: [] },
  makemap: { kind: 'map', role: 'map', slots: ['typ', 'hint', ptr] },
  makemap64: { kind: 'map', role: 'map', slots: ['typ', 'hint', ptr] },
  makemap_small: { kind: 'map', role: null, slots: [] },
  makechan: { kind: 'chan', role: 'chan', slots: ['typ', 'size'] },
  makechan64: { kind: 'chan', role: 'chan', slots: ['typ', 'size'] },
  convT: { kind: 'interface-box', role: 'value', slots: ['typ', ptr] },
  convTnoptr: { kind: 'interface-box', role: 'value', slots: ['typ', ptr] },
  convT16: { kind: 'interface-box', role: 'value', slots: [ptr], boxed: true },
  convT32: { kind: 'interface-box', role: 'value', slots: [ptr], boxed: true },
  convT64: { kind: 'interface-box', role: 'value', slots: [ptr], boxed: true },
  convTstring: { kind: 'interface-box', role: 'value', slots: S2, boxed: true },
  convTslice: { kind: 'interface-box', role: 'value', slots: S3, boxed: true },
  concatstring2: { kind: 'string', role: null, slots: ['buf'] },
  concatstring3: { kind: 'string', role: null, slots: ['buf'] },
  concatstring4: { kind: 'string', role: null, slots: ['buf'] },
  concatstring5: { kind: 'string', role: null, slots: ['buf'] },
  concatstrings: { kind: 'string', role: null, slots: ['buf'] },
  concatbyte2: { kind: 'bytes', role: null, slots: ['buf'] },
  concatbyte3: { kind: 'bytes', role: null, slots: ['buf'] },
  concatbyte4: { kind: 'bytes', role: null, slots: ['buf'] },
  concatbyte5: { kind: 'bytes', role: null, slots: ['buf'] },
  concatbytes: { kind: 'bytes', role: null, slots: ['buf'] },
  slicebytetostring: { kind: 'string', role: null, slots: ['buf', ptr, 'n'] },
  slicerunetostring: { kind: 'string', role: null, slots: ['buf', ...S3] },
  intstring: { kind: 'string', role: null, slots: ['buf', ptr] },
  stringtoslicebyte: { kind: 'bytes', role: null, slots: ['buf', ...S2] },
  stringtoslicerune: { kind: 'runes', role: null, slots: ['buf', ...S2] },
  rawstring: { kind: 'string', role: null, slots: ['size'] },
  rawstringtmp: { kind: 'string', role: null, slots: ['buf', 'l'] },
  rawbyteslice: { kind: 'bytes', role: null, slots: ['size'] },
  rawruneslice: { kind: 'runes', role: null, slots: ['size'] },
  // Not allocation entry points, but calls a profile charges allocations to (see AllocKind 'map-insert').
  mapassign: { kind: 'map-insert', role: 'map', slots: ['typ'] },
  mapassign_fast32: { kind: 'map-insert', role: 'map', slots: ['typ'] },
  mapassign_fast32ptr: { kind: 'map-insert', role: 'map', slots: ['typ'] },
  mapassign_fast64: { kind: 'map-insert', role: 'map', slots: ['typ'] },
  mapassign_fast64ptr: { kind: 'map-insert', role: 'map', slots: ['typ'] },
  mapassign_faststr: { kind: 'map-insert', role: 'map', slots: ['typ'] },
};

/** runtime.new* functions that are not heap allocations of a value: `go f()` reuses a free g when it can. */
const NOT_ALLOCATIONS = new Set(['newproc']);

/**
 * Size-specialised allocators with mallocgc's signature (size, typ, needzero), which go1.27 calls for objects of
 * 80 bytes or less (ssagen/ssa.go specializedMallocSym; go1.26 with GOEXPERIMENT=sizespecializedmalloc, up to
 * 512 bytes): mallocgcSmallScanNoHeaderSC<n>, mallocgcSmallNoScanSC<n>, mallocgcTinySC2, and go1.26's
 * mallocgcTinySize<bytes>. The type is nil when the compiler merged several small variables into one allocation.
 */
const RE_SPECIALISED_MALLOC = /^mallocgc(?:Small(?:ScanNoHeader|NoScan)SC\d+|TinySC\d+|TinySize\d+)$/;

/** The entry point for a runtime function name, or null if it does not allocate (as far as heapscope knows). */
export function allocEntryPoint(fn: string): AllocEntryPoint | null {
  const e = ALLOC_ENTRY_POINTS[fn];
  if (e) return e;
  if (RE_SPECIALISED_MALLOC.test(fn)) return ALLOC_ENTRY_POINTS['mallocgc']!;
  if ((fn.startsWith('malloc') || fn.startsWith('new')) && !NOT_ALLOCATIONS.has(fn)) {
    return { kind: 'unknown', role: null, slots: [] };
  }
  return null;
}
