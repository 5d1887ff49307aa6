// Ties measured allocations to source lines, to the allocation calls of the compiled code, and to the static
// decisions. A profile sample is charged to the innermost frame inside the analysed module (so allocations made
// inside fmt or the runtime land on the line of this module that called them), and the per-op figure of each
// line is the slope between two profiled runs: (A(N2) − A(N1)) / (N2 − N1).
//
// When the module's own code called the allocator, the sample's return address says which CALL instruction it
// was: the binary's symbol table gives the function, the -S listing the calls in it and their offsets. So each
// line's allocations are split exactly as the profile splits them, each with the type and the compiled instance
// (a generic function's shape) that made it, and only those; a line is never given another instance's types.
//
// Runs that sampled (model/sampling.ts) carry figures pprof has already scaled to estimates; the same slope of them is
// the per-op estimate, and each line also gets the 95% interval of its slope from the allocations recorded.

import type { AllocType, BenchLine, BenchmarkReport, BenchmarkRun, LineAllocation, ProfiledRun } from '../model/bench-report.js';
import type { AsmAllocCall } from '../model/alloc-types.js';
import type { AnalysisModel, Site } from '../model/types.js';
import { benchmarkOwns, inPackageInit, isUntimed, type Frame, type MemProfile, type UntimedLines } from '../model/profile.js';
import { flameGraph } from '../model/flame.js';
import type { SymbolTable } from '../model/symbols.js';
import { addressMap, callAt, callsBySymbol, listedAt, type AddressMap } from './addresses.js';
import { roundToSizeClass, TINY_SIZE, tinyPerBlock } from '../model/size-classes.js';
import { groupBy } from '../model/group.js';
import { summarizeBenchmark } from '../model/stats.js';
import { cause as causeOf, type CauseId } from '../model/causes.js';
import { pathKind } from '../model/paths.js';
import { decidesCall, describeCall } from './alloc-calls.js';
import { reconcile } from './reconcile.js';
import { sampledCount, slopeHalfWidth } from '../model/sampling.js';
import { MIN_SAMPLES, sampledLine, tooFewSamples, type SampledTotals } from './sampled.js';
import { t } from '../i18n/t.js';

/** Lines below both of these per op are noise from the runtime (GC, pools) rather than the loop. */
const MIN_ALLOCS_PER_OP = 0.01;
const MIN_BYTES_PER_OP = 8;
/** Nor is a line whose count differs between the two runs by fewer allocations than this, whatever N. */
const MIN_ALLOCS_APART = 10;
/** A line with no frame of the module (the runtime, the testing package) is shown only from this many per op. */
const MIN_RUNTIME_PER_OP = 0.1;

/** One way a line allocates, counted in one profile. */
interface Part {
  key: string;
  call: AsmAllocCall | null;
  callee: string | null;
  symbol: string | null;
  /** When the allocating code was inlined: the frame it was inlined into (its call site and function). */
  inlinedAt: { file: string; line: number; function: string } | null;
  objects: number;
  bytes: number;
}

interface LineAgg {
  file: string;
  line: number;
  /** Allocated by the benchmark's own code outside the timer (BenchmarkRun.untimed): no part of go test's figures. */
  untimed: boolean;
  function: string | null;
  objects: number;
  bytes: number;
  /** Allocations recorded, and the variance of the objects and bytes estimates (0 when every one was recorded). */
  samples: number;
  varObjects: number;
  varBytes: number;
  parts: Map<string, Part>;
}

export function aggregate(
  profile: MemProfile,
  resolve: (f: string) => string,
  map: AddressMap | null = null,
  untimedLines?: UntimedLines,
): Map<string, LineAgg> {
  const out = new Map<string, LineAgg>();
  for (const s of profile.samples) {
    if (s.allocObjects === 0 && s.allocBytes === 0) continue;
    // Package initialisation ran before the benchmark, sampled at the default rate: never a per-op cost.
    if (inPackageInit(s.stack)) continue;
    let charged: Frame | null = null;
    let file = '';
    for (const fr of s.stack) {
      const f = resolve(fr.file);
      if (pathKind(f) === 'module') {
        charged = fr;
        file = f;
        break;
      }
    }
    const inner = s.stack[0];
    const untimed = isUntimed(s.stack, untimedLines);
    const lineKey = `${untimed ? 'untimed|' : ''}${charged ? `${file}:${charged.line}` : ':0'}`;
    let agg = out.get(lineKey);
    if (!agg) {
      agg = {
        file,
        line: charged?.line ?? 0,
        untimed,
        function: charged?.function ?? null,
        objects: 0,
        bytes: 0,
        samples: 0,
        varObjects: 0,
        varBytes: 0,
        parts: new Map(),
      };
      out.set(lineKey, agg);
    }
    agg.objects += s.allocObjects;
    agg.bytes += s.allocBytes;
    const counted = sampledCount(s.allocObjects, s.allocBytes, profile.rate);
    agg.samples += counted.samples;
    agg.varObjects += counted.varObjects;
    agg.varBytes += counted.varBytes;
    // How: the module's code called the allocator itself (its CALL, by address), or a function outside the module did.
    let part: Omit<Part, 'objects' | 'bytes'>;
    const direct = charged !== null && inner === charged ? callAt(inner, map) : null;
    if (direct) {
      // Code inlined into another function: the frame after it, at the same address, is the call it was inlined at.
      const outer = !inner!.physical ? s.stack[1] : undefined;
      const inlinedAt =
        outer && outer.address === inner!.address ? { file: resolve(outer.file), line: outer.line, function: outer.function } : null;
      part = { key: `call|${direct.symbol}|${direct.call.pc}`, call: direct.call, callee: null, symbol: direct.symbol, inlinedAt };
    } else if (charged && inner && inner !== charged) {
      // A library function allocated: its own CALL, from its disassembly, says what (exact addresses only).
      const via = callAt(inner, map, true);
      part = {
        key: `callee|${inner.function}|${via?.call.pc ?? ''}`,
        call: via?.call ?? null,
        callee: inner.function,
        symbol: null,
        inlinedAt: null,
      };
    } else {
      // When the listing holds the function's allocation calls and the address is none of them, the allocation was
      // made inside a call whose frames the profile trims (mapassign has its own entry in the listing; others do
      // not): 'hidden'. Otherwise ('line'), the line's allocations cannot be told apart.
      part = {
        key: charged ? (inner === charged && listedAt(inner, map) ? 'hidden' : 'line') : `runtime|${inner?.function ?? ''}`,
        call: null,
        callee: charged ? null : (inner?.function ?? null),
        symbol: null,
        inlinedAt: null,
      };
    }
    const p = agg.parts.get(part.key) ?? { ...part, objects: 0, bytes: 0 };
    p.objects += s.allocObjects;
    p.bytes += s.allocBytes;
    agg.parts.set(part.key, p);
  }
  return out;
}

/**
 * Bytes per allocation as the profile recorded them (each object at its size class), for a size the listing
 * cannot know: a make whose length is a variable, a library function's allocation. Null for tiny objects, which
 * the profile records by their shared 16-byte block.
 */
function measuredSize(p: Part): number | null {
  if (p.objects === 0) return null;
  const size = Math.round(p.bytes / p.objects);
  return size > 16 ? size : null;
}

/** A call the profile records at exactly one 16-byte block per allocation, pointer-free: a tiny allocation. An
 *  object of 8 B or less recorded at 16 B went through the tiny allocator; a string's or a boxed value's bytes hold
 *  no pointers. */
function isTinyPart(p: Part, size: number | null): boolean {
  if (!p.call || p.objects === 0 || p.bytes / p.objects !== TINY_SIZE) return false;
  return size !== null ? size <= 8 : ['string', 'bytes', 'runes', 'interface-box'].includes(p.call.kind);
}

type TinyEstimate = { allocs: number; perBlock: number | null; basis: 'size' | 'count' | 'shared' };

/**
 * The objects a line's tiny allocation call made per op, estimated from the 16-byte blocks the profile counted for
 * it (its count is a fraction: several objects share a block). Alone on its line, its count times the objects of
 * its size one block holds, when that makes the count whole again; its size unknown (a string's length is a
 * run-time value), one object per op that fills a block every 1/n ops. With other tiny calls on the line, the
 * block is shared and its opener varies: one object per op from each. Null when none of that holds.
 */
function tinyEstimate(n: number, size: number | null, tinyOnLine: number, lineBlocks: number): TinyEstimate | null {
  if (n <= 0 || n >= 0.99) return null;
  if (tinyOnLine > 1) {
    // Between them they opened fewer blocks per op than they are calls, and at least one per op.
    return lineBlocks >= 0.95 && lineBlocks < tinyOnLine - 0.05 ? { allocs: 1, perBlock: null, basis: 'shared' } : null;
  }
  if (size !== null) {
    const perBlock = tinyPerBlock(size);
    const allocs = n * perBlock;
    return Math.round(allocs) >= 1 && Math.abs(allocs - Math.round(allocs)) <= 0.05 ? { allocs, perBlock, basis: 'size' } : null;
  }
  const perBlock = Math.round(1 / n);
  if (perBlock < 2 || perBlock > TINY_SIZE || Math.abs(n * perBlock - 1) > 0.05) return null;
  return { allocs: n * perBlock, perBlock, basis: 'count' };
}

function shortFunc(fn: string | null): string | null {
  if (!fn) return null;
  const slash = fn.lastIndexOf('/');
  return slash < 0 ? fn : fn.slice(slash + 1);
}

/** The compiler's name of a function (`Describe`, `(*T).M`) from a symbol or profile name (`example.com/m.Describe`). */
function compilerName(symbol: string | null, pkg: string): string | null {
  if (!symbol) return null;
  return symbol.startsWith(pkg + '.') ? symbol.slice(pkg.length + 1) : shortFunc(symbol);
}

/**
 * The cause of allocations no static decision made, from the calls that made them, the innermost callee, and
 * whether the runtime made some inside a call the profile's frames do not show (`hidden`).
 */
function runtimeCause(inner: string, calls: AsmAllocCall[], sites: Site[], hidden = false): CauseId | null {
  if (calls.some((c) => c.kind === 'slice-growth') || inner.includes('growslice')) return 'slice-growth';
  if (calls.some((c) => c.kind === 'map' || c.kind === 'map-insert') || /mapassign|internal\/runtime\/maps/.test(inner))
    return 'map-growth';
  if (
    sites.some((s) => s.kind === 'does-not-escape' && s.expr.startsWith('make(')) &&
    (calls.length === 0 || calls.some((c) => c.kind === 'slice'))
  )
    return 'heap-backed-stack-make';
  if (inner.startsWith('reflect.') || inner.includes('encoding/json.')) return 'reflection';
  if (inner.startsWith('runtime.') || calls.some((c) => c.kind === 'chan') || (hidden && !inner)) return 'runtime-internal';
  if (inner) return 'library-allocation';
  return null;
}

export interface AttributionContext {
  model: AnalysisModel;
  asm: AsmAllocCall[];
  resolve: (f: string) => string;
  /** The test binary's text symbols, to tell which allocation call a profile's address is. */
  symbols?: SymbolTable | null;
  /** Allocation calls of library functions (from the binary's disassembly), for allocations made inside them. */
  libraryAsm?: AsmAllocCall[];
}

/** A line's per-op figures from the two profiled runs, before they become a report line. */
interface LineSlope {
  agg: LineAgg;
  perOp: number;
  bytesPerOp: number;
  parts: Map<string, { part: Part; n: number; bytes: number }>;
  /** The line's parts in the shorter run. */
  lowParts: Map<string, Part> | undefined;
  /** The line's allocations in the shorter run. */
  lowObjects: number | undefined;
  /** Sampled runs: the allocations recorded in both, and the 95% half-widths of perOp and bytesPerOp. */
  sampled: { samples: number; allocs: number; bytes: number } | null;
}

type Slopes = Map<string, LineSlope>;

/**
 * Attributes the benchmarks of one package. Benchmarks are processed shortest name first: a benchmark whose name
 * extends another's at a `/` (BenchmarkMux/route:/a/b after BenchmarkMux/route:/a) runs that one too in its
 * profiled runs, which the testing package's name matching cannot exclude, and in full when it uses b.Loop;
 * its figures are taken out again where the measurements show they are in.
 */
export function attributeAll(ctx: AttributionContext, runs: BenchmarkRun[]): BenchmarkReport[] {
  const sitesAt = groupBy(ctx.model.sites, (x) => `${x.file}:${x.line}`);
  const callsAt = groupBy(ctx.asm, (c) => `${c.file}:${c.line}`);
  const slopes = new Map<string, { slopes: Slopes; bytesPerOp: number }>();
  const bySymbol = callsBySymbol([...ctx.asm, ...(ctx.libraryAsm ?? [])]);
  const order = [...runs].sort((a, b) => a.result.name.length - b.result.name.length);
  const reports = new Map<BenchmarkRun, BenchmarkReport>();
  for (const run of order) reports.set(run, attributeOne(run, ctx, sitesAt, callsAt, bySymbol, slopes));
  return runs.map((r) => reports.get(r)!);
}

export function attribute(input: AttributionContext & { run: BenchmarkRun }): BenchmarkReport {
  return attributeAll(input, [input.run])[0]!;
}

/** Two decimals, or two significant digits below 0.01 (an amortised line's 0.00093 allocs/op is not 0). */
function round(x: number): number {
  if (x !== 0 && Math.abs(x) < 0.01) return Number(x.toPrecision(2));
  return Math.round(x * 100) / 100;
}

function attributeOne(
  run: BenchmarkRun,
  input: AttributionContext,
  sitesAt: Map<string, Site[]>,
  callsAt: Map<string, AsmAllocCall[]>,
  bySymbol: Map<string, AsmAllocCall[]>,
  done: Map<string, { slopes: Slopes; bytesPerOp: number }>,
): BenchmarkReport {
  const s = summarizeBenchmark(run.result);
  const metrics: BenchmarkReport['metrics'] = {};
  for (const [unit, m] of Object.entries(s)) metrics[unit] = { median: m.median, min: m.min, max: m.max };
  const rep: BenchmarkReport = {
    name: run.result.name,
    procs: run.result.procs,
    package: run.package,
    nsPerOp: s['ns/op']?.median ?? null,
    bytesPerOp: s['B/op']?.median ?? null,
    allocsPerOp: s['allocs/op']?.median ?? null,
    metrics,
    runs: run.result.runs.length,
    profiledIterations: null,
    setup: null,
    lines: [],
    notes: [],
  };
  if (run.skipped) {
    rep.notes.push(run.skipped);
    return rep;
  }
  const { low, high } = run;
  if (!low?.profile || !high?.profile) {
    const why = low?.error ?? high?.error;
    rep.notes.push(why ? t('prose.bench.noLineFigures', { why }) : t('prose.bench.profiledRunsIncomplete'));
    return rep;
  }
  const dn = high.iterations - low.iterations;
  rep.profiledIterations = [low.iterations, high.iterations];
  const map = addressMap(high.profile, input.symbols ?? null, bySymbol);
  const a = aggregate(low.profile, input.resolve, map, run.untimed);
  const b = aggregate(high.profile, input.resolve, map, run.untimed);
  const rate = high.profile.rate;
  const totals: SampledTotals = { allocs2: 0, bytes2: 0 };

  let setupAllocs = 0;
  let setupBytes = 0;
  const slopes: Slopes = new Map();
  for (const [key, hi] of b) {
    const lo = a.get(key);
    const perOp = (hi.objects - (lo?.objects ?? 0)) / dn;
    const bytesPerOp = (hi.bytes - (lo?.bytes ?? 0)) / dn;
    // Setup is the benchmark's own code outside the loop; what the testing package and the runtime allocate with
    // no frame of the module (the profile's own buffers among them) is no part of it.
    // A growing slice is not linear in N: its intercept can fall below zero, which is no setup at all.
    if (hi.file && !hi.untimed) {
      setupAllocs += Math.max(0, (lo?.objects ?? 0) - perOp * low.iterations);
      setupBytes += Math.max(0, (lo?.bytes ?? 0) - bytesPerOp * low.iterations);
    }
    const parts = new Map<string, { part: Part; n: number; bytes: number }>();
    for (const [pk, p] of hi.parts) {
      const q = lo?.parts.get(pk);
      parts.set(pk, { part: p, n: (p.objects - (q?.objects ?? 0)) / dn, bytes: (p.bytes - (q?.bytes ?? 0)) / dn });
    }
    const sampled =
      rate > 1
        ? {
            samples: hi.samples + (lo?.samples ?? 0),
            allocs: slopeHalfWidth(hi.varObjects, lo?.varObjects ?? 0, dn),
            bytes: slopeHalfWidth(hi.varBytes, lo?.varBytes ?? 0, dn),
          }
        : null;
    slopes.set(key, { agg: hi, perOp, bytesPerOp, parts, lowParts: lo?.parts, lowObjects: lo?.objects, sampled });
  }
  // A line only in the shorter run (sampled: recorded there by chance) is no per-op figure; its samples still count.
  const samples = [...b.values()].reduce((t, x) => t + x.samples, 0) + [...a.values()].reduce((t, x) => t + x.samples, 0);
  if (rate > 1) rep.sampling = { rate, samples };
  // The shorter run recorded every allocation and took longer than the budget: the longer one sampled.
  if (rate > 1 && low.profile.rate !== rate) rep.sampling!.lowRate = low.profile.rate;
  if (rate > 1 && samples < MIN_SAMPLES) {
    rep.notes.push(tooFewSamples(rep));
    return rep;
  }
  removeSiblings(rep, slopes, high, done);
  done.set(rep.name, { slopes, bytesPerOp: rep.bytesPerOp ?? 0 });
  const dropped = { allocs: 0, bytes: 0 };
  const untimed: BenchLine[] = [];
  for (const sl of slopes.values()) {
    // Amortised growth allocates rarely but much (0.005 allocs/op, 33 B/op): kept for its bytes. Not so without a
    // frame of the module: a lazy table the runtime builds once can land in one profiled run and not the other.
    // Sampled, the count apart is an estimate, and the interval says how sure the line is instead.
    const floor = Math.max(sl.agg.file ? MIN_ALLOCS_PER_OP : MIN_RUNTIME_PER_OP, sl.sampled ? 0 : MIN_ALLOCS_APART / dn);
    // Sampled, a line whose interval holds zero in both measures is not told apart from noise.
    const noise = sl.sampled !== null && sl.perOp <= sl.sampled.allocs && sl.bytesPerOp <= sl.sampled.bytes;
    if (noise || (sl.perOp < floor && (sl.bytesPerOp < MIN_BYTES_PER_OP || !sl.agg.file))) {
      if (!sl.agg.untimed) {
        dropped.allocs += sl.perOp;
        dropped.bytes += sl.bytesPerOp;
      }
      continue;
    }
    const line = lineReport(sl, run, input, sitesAt, callsAt);
    if (sl.sampled) sampledLine(line, sl.perOp, sl.sampled, sl.agg.untimed ? null : totals);
    if (sl.agg.untimed) {
      line.notes.push(t('prose.bench.setup', { allocs: String(round(sl.perOp)), bytes: String(round(sl.bytesPerOp)) }));
      untimed.push(line);
      continue;
    }
    // Fewer than MIN_ALLOCS_APART allocations more in the longer run, not as a slice or map grows: a one-off (a pool
    // refilled after a GC, a cache filled once) that the profiled runs' N makes look like a per-op share.
    const apart = sl.agg.objects - (sl.lowObjects ?? 0);
    if (!sl.sampled && sl.perOp < 0.99 && apart < MIN_ALLOCS_APART && !line.amortised) {
      line.oneOff = true;
      line.notes.push(t('prose.bench.oneOff', { apart, n2: String(high.iterations), n1: String(low.iterations) }));
    }
    rep.lines.push(line);
  }
  if (untimed.length) rep.untimed = untimed;
  rep.lines.sort(
    (x, y) =>
      y.allocsPerOp - x.allocsPerOp || y.bytesPerOp - x.bytesPerOp || (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line),
  );
  rep.setup = { allocs: round(setupAllocs), bytes: round(setupBytes) };
  reconcile(rep, high, dropped, rep.sampling ? totals : undefined);
  const owns = benchmarkOwns(rep.name.split('/')[0]!);
  rep.flame = flameGraph(
    rep.name,
    low as { profile: MemProfile; iterations: number },
    high as { profile: MemProfile; iterations: number },
    (f) => owns(f.function),
    (f) => ({
      file: f.file ? input.resolve(f.file) : '',
      line: f.line,
    }),
  );
  return rep;
}

/**
 * Takes out of a benchmark's figures the benchmarks its profiled runs also ran: those whose names are prefixes of
 * its own at a `/`. Only when the measurements say they are in: the profile's slope exceeds the bytes per op the
 * testing package counted for this benchmark in the same run by what those benchmarks measured themselves.
 */
function removeSiblings(
  rep: BenchmarkReport,
  slopes: Slopes,
  high: ProfiledRun,
  done: Map<string, { slopes: Slopes; bytesPerOp: number }>,
): void {
  const siblings = [...done.entries()].filter(([name]) => rep.name.startsWith(name + '/'));
  if (siblings.length === 0 || high.bytesPerOp === null) return;
  // Only the module's lines: what the runtime and the testing package allocate varies from run to run.
  const total = [...slopes.values()].reduce((t, sl) => t + (sl.agg.file ? sl.bytesPerOp : 0), 0);
  const excess = total - high.bytesPerOp;
  const theirs = siblings.reduce((t, [, d]) => t + d.bytesPerOp, 0);
  if (excess <= 16 || Math.abs(excess - theirs) > Math.max(16, theirs * 0.15)) return;
  // And line by line: each of their lines is in this benchmark's figures at least as much as they measured it.
  const need = new Map<string, number>();
  for (const [, d] of siblings) for (const [key, sib] of d.slopes) if (sib.agg.file) need.set(key, (need.get(key) ?? 0) + sib.bytesPerOp);
  for (const [key, bytes] of need) if ((slopes.get(key)?.bytesPerOp ?? 0) < bytes * 0.85 - 8) return;
  for (const [, d] of siblings) {
    for (const [key, sib] of d.slopes) {
      const mine = slopes.get(key);
      if (!mine) continue;
      mine.perOp -= sib.perOp;
      mine.bytesPerOp -= sib.bytesPerOp;
      for (const [pk, sp] of sib.parts) {
        const mp = mine.parts.get(pk);
        if (!mp) continue;
        mp.n -= sp.n;
        mp.bytes -= sp.bytes;
      }
    }
  }
  rep.notes.push(t('prose.bench.siblings', { names: siblings.map(([n]) => n).join(', '), bytes: String(round(theirs)) }));
}

function lineReport(
  sl: LineSlope,
  run: BenchmarkRun,
  input: AttributionContext,
  sitesAt: Map<string, Site[]>,
  callsAt: Map<string, AsmAllocCall[]>,
): BenchLine {
  const { agg: hi, perOp, bytesPerOp } = sl;
  const { model } = input;
  const here = sitesAt.get(`${hi.file}:${hi.line}`) ?? [];
  const calls = callsAt.get(`${hi.file}:${hi.line}`) ?? [];
  const pkg = here[0]?.package ?? run.package;

  // The line's allocations as the profile splits them. A part can count less in the longer run (a pool refilled,
  // a GC at another moment, tiny objects sharing a 16-byte block where the profile records whichever opened
  // it): then the parts' differences say nothing alone, and the line's figure is split by each part's share of
  // both runs, so the parts shown add up to what the line measured and none is dropped for a chance split.
  const slopes = [...sl.parts.values()].map((x) => ({ ...x }));
  if (slopes.some((x) => x.n < 0 || x.bytes < 0)) {
    const lo = sl.lowParts;
    const count = (x: (typeof slopes)[number]): { objects: number; bytes: number } => {
      const q = lo?.get(x.part.key);
      return { objects: x.part.objects + (q?.objects ?? 0), bytes: x.part.bytes + (q?.bytes ?? 0) };
    };
    const all = slopes.reduce((t, x) => ({ objects: t.objects + count(x).objects, bytes: t.bytes + count(x).bytes }), {
      objects: 0,
      bytes: 0,
    });
    for (const x of slopes) {
      const c = count(x);
      x.n = all.objects > 0 ? (perOp * c.objects) / all.objects : 0;
      x.bytes = all.bytes > 0 ? (bytesPerOp * c.bytes) / all.bytes : 0;
    }
  }
  const allocations: LineAllocation[] = [];
  // What the tiny-object estimates add to the profile's count of blocks.
  let tinyExtra = 0;
  const shown = slopes.filter((x) => x.n >= MIN_ALLOCS_PER_OP || x.bytes >= MIN_BYTES_PER_OP);
  const tinyParts = shown.filter((x) => isTinyPart(x.part, x.part.call ? describeCall(x.part.call).size : null));
  const tinyBlocks = tinyParts.reduce((t, x) => t + x.n, 0);
  for (const { part: p, n, bytes } of shown) {
    const d = p.call ? describeCall(p.call) : null;
    const measured = (d?.size ?? null) === null ? measuredSize(p) : null;
    const entry: LineAllocation = {
      runtime: p.call?.runtime ?? null,
      callee: shortFunc(p.callee),
      symbol: p.symbol,
      type: d?.type ?? null,
      size: d?.size ?? measured,
      sizeClass: d?.size ? roundToSizeClass(d.size) : measured,
      allocsPerOp: round(n),
      bytesPerOp: round(bytes),
    };
    if (measured !== null) entry.sizeMeasured = true;
    if (d?.allocates) entry.allocates = d.allocates;
    const est = tinyParts.some((x) => x.part === p) ? tinyEstimate(n, entry.size, tinyParts.length, tinyBlocks) : null;
    if (est) {
      entry.tinyEstimate = { profiledAllocsPerOp: round(n), perBlock: est.perBlock, basis: est.basis };
      entry.allocsPerOp = round(est.allocs);
      tinyExtra += est.allocs - n;
    }
    allocations.push(entry);
  }
  allocations.sort((x, y) => y.allocsPerOp - x.allocsPerOp || y.bytesPerOp - x.bytesPerOp);

  // Which calls of the listing the profile charged: only those name the line's types and instances (the module's
  // own calls: a library function's are the types it allocates, not this line's decisions). Without addresses
  // the line's allocations are not told apart, and every allocation call on the line is a candidate; with them,
  // a call that did not allocate is no candidate, however close it is.
  const charged = [...hi.parts.values()].filter((p) => p.call && !p.callee).map((p) => p.call!);
  const unplaced = hi.parts.has('line');
  const known = charged.length > 0 ? charged : unplaced ? calls : [];
  const library = [...hi.parts.values()].filter((p) => p.call && p.callee).map((p) => p.call!);
  const typeDetails: AllocType[] = [];
  for (const c of [...known, ...library]) {
    const d = describeCall(c);
    if (!d.type || typeDetails.some((t) => t.type === d.type && t.runtime === c.runtime)) continue;
    const p = d.size === null ? [...hi.parts.values()].find((x) => x.call === c) : undefined;
    const measured = p ? measuredSize(p) : null;
    const t: AllocType = {
      type: d.type,
      runtime: c.runtime,
      size: d.size ?? measured,
      sizeClass: d.size !== null ? roundToSizeClass(d.size) : measured,
    };
    if (measured !== null) t.sizeMeasured = true;
    typeDetails.push(t);
  }
  // The static decisions of the code that really ran. Inlined code is decided again where it is inlined, and
  // the compiler reports that decision at the call: those are the line's decisions then. Otherwise the
  // instances the profile charged (a generic function's shapes), when it tells a line's instances apart.
  const lineSites = here.filter((x) => x.heap && x.allocates !== 'never');
  let heapSites = lineSites;
  const inlinedSites: Site[] = [];
  const callSites: string[] = [];
  for (const p of sl.parts.values()) {
    const at = p.part.inlinedAt;
    if (!at || !p.part.call) continue;
    const caller = compilerName(at.function, p.part.call.package);
    const there = (sitesAt.get(`${at.file}:${at.line}`) ?? []).filter((x) => x.heap && x.allocates !== 'never' && x.function === caller);
    for (const x of there) if (!inlinedSites.includes(x)) inlinedSites.push(x);
    if (there.length) callSites.push(t('prose.bench.callSite', { at: `${at.file}:${at.line}`, caller: caller ?? '' }));
  }
  const instances = new Set(charged.map((c) => compilerName(c.function, c.package)));
  // Of several decisions, the ones that are the charged calls' operations (a make for makeslice). When none is,
  // the line's decisions stand, unless every charged call is one no decision makes (a map insert): then no
  // decision made the line's allocations.
  const byOperation = (list: Site[]): Site[] => {
    const m = list.filter((x) => charged.some((c) => decidesCall(x, c)));
    if (m.length) return m;
    return charged.length > 0 && charged.every((c) => c.kind === 'map-insert') ? [] : list;
  };
  if (inlinedSites.length) heapSites = byOperation(inlinedSites);
  else if (instances.size > 0 && new Set(heapSites.map((x) => x.function)).size > 1) {
    const matching = heapSites.filter((x) => instances.has(x.function));
    if (matching.length > 0) heapSites = matching;
  }
  if (!inlinedSites.length) heapSites = byOperation(heapSites);
  // A line whose allocations were all made elsewhere (inside a callee, inside a runtime call) or by no call of
  // its own: its decisions made none of them. They stay as context, never as the cause or the measured figures.
  if (charged.length === 0 && !unplaced) heapSites = [];
  const context = lineSites.filter((x) => !heapSites.includes(x));
  const innermost = allocations.find((x) => x.callee)?.callee ?? null;
  const line: BenchLine = {
    file: hi.file,
    line: hi.line,
    function: compilerName(hi.function, pkg),
    innermost,
    allocsPerOp: round(perOp + tinyExtra),
    bytesPerOp: round(bytesPerOp),
    types: [...new Set(known.map((c) => c.type).filter((t): t is string => !!t))],
    typeDetails,
    allocations,
    sites: heapSites,
    context,
    cause: null,
    notes: [],
  };
  if (tinyExtra !== 0) line.profiledAllocsPerOp = round(perOp);
  // The compiler's own decision on the line explains it first; a run-time cause only where it has none.
  if (heapSites[0]?.cause) line.cause = heapSites[0].rootCause ?? heapSites[0].cause;
  // Allocated inside a call whose frames the profile trims: the runtime's own (a channel operation, select, ...).
  const hidden = hi.parts.has('hidden');
  const rc = runtimeCause(innermost ?? (hi.file ? '' : (allocations[0]?.callee ?? '')), known, here, hidden);
  if (line.cause && innermost) line.notes.push(t('prose.bench.partInside', { fn: innermost }));
  else if (!line.cause && rc) {
    const c = causeOf(rc);
    line.cause = { id: c.id, summary: c.summary, fix: c.fix };
    if (innermost && rc === 'library-allocation') line.notes.push(t('prose.bench.inside', { fn: innermost }));
  }
  if (context.length && !heapSites.length) {
    line.notes.push(t('prose.bench.context', { exprs: context.map((x) => x.expr).join(', ') }));
  }
  if (!hi.file) line.notes.push(t('prose.bench.noModuleFrame'));
  // A map's storage has no one size (a group, more groups, a larger table): the measured bytes say what it took.
  for (const a of allocations) {
    if (a.runtime?.startsWith('mapassign') && a.allocsPerOp > 0) {
      line.notes.push(
        t('prose.bench.mapInsert', { fn: a.runtime, allocs: String(a.allocsPerOp), bytes: String(round(a.bytesPerOp / a.allocsPerOp)) }),
      );
    }
  }
  if (rc === 'heap-backed-stack-make') {
    line.notes.push(t('prose.bench.stackMake'));
  }
  // Tiny objects whose count was estimated from the blocks the profile recorded: how, per call.
  const estimated = allocations.filter((a) => a.tinyEstimate);
  if (estimated.length) {
    const each = estimated.map((a) => {
      const est = a.tinyEstimate!;
      const what = t('prose.bench.tinyWhat', {
        typeKind: a.type ? 'named' : 'none',
        type: a.type ?? '',
        sizeKind: a.size !== null ? 'exact' : est.perBlock ? 'most' : 'none',
        size: String(a.size ?? (est.perBlock ? Math.floor(TINY_SIZE / est.perBlock) : '')),
        whereKind: a.callee ? 'callee' : a.runtime ? 'runtime' : 'none',
        where: a.callee ?? a.runtime ?? '',
      });
      const blocks = String(est.profiledAllocsPerOp);
      return est.basis === 'shared'
        ? t('prose.bench.tinyShared', { what, blocks })
        : t('prose.bench.tinyCount', { what, blocks, perBlock: String(est.perBlock), allocs: String(a.allocsPerOp) });
    });
    const tiny = { n: String(round(perOp)), items: each.reduce((list, next) => t('prose.clauses', { list, next })) };
    line.notes.push(
      estimated.some((a) => a.tinyEstimate!.basis !== 'size')
        ? estimated.some((a) => a.tinyEstimate!.basis === 'shared')
          ? t('prose.bench.tinyEstimatedShared', tiny)
          : t('prose.bench.tinyEstimatedCount', tiny)
        : t('prose.bench.tinyEstimated', tiny),
    );
  }
  // Less than one allocation per op: a slice or map kept across iterations that grows now and then, or tiny
  // objects the profile counts by the block. Said only when the calls show which.
  if (perOp < 0.99 && bytesPerOp >= MIN_BYTES_PER_OP) {
    const growth =
      known.some((c) => c.kind === 'slice-growth' || c.kind === 'map' || c.kind === 'map-insert') ||
      /growslice|hashGrow|internal\/runtime\/maps/.test(innermost ?? '');
    const tiny = allocations.some((a) => a.size !== null && a.size < 16 && !a.callee) && !estimated.length;
    if (growth) {
      line.amortised = true;
      line.notes.push(t('prose.bench.amortised', { every: String(round(1 / perOp)), bytes: String(round(bytesPerOp / perOp)) }));
    } else if (tiny) {
      line.notes.push(t('prose.bench.tiny'));
    }
  }
  // Inlining moves an allocation into the caller's frame: say where the compiler reported it.
  if (line.function) {
    const into = model.inlinedCalls.filter((c) => c.callee === line.function && c.package === pkg);
    const bench = run.result.name.split('/')[0]!;
    const inBench = into.find((c) => c.caller === bench);
    if (inBench) {
      line.notes.push(
        t('prose.bench.inlinedIntoBench', { fn: line.function, bench, at: `${inBench.file}:${inBench.line}:${inBench.column}` }),
      );
    }
  }
  // A runtime function heapscope does not know (a newer release's allocator): named, not guessed at.
  for (const c of new Set(charged.filter((x) => x.kind === 'unknown').map((x) => x.runtime))) {
    line.notes.push(t('prose.bench.unknownRuntime', { fn: c ?? '' }));
  }
  if (inlinedSites.length) {
    line.notes.push(t('prose.bench.runsInlined', { sites: [...new Set(callSites)].join(', ') }));
  }
  if (!line.cause) line.notes.push(t('prose.bench.noCause'));
  return line;
}
