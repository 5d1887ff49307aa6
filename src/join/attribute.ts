// Ties measured allocations to source lines, static decisions and allocated types.
// A profile sample is charged to the innermost frame inside the analysed module (so allocations made inside
// fmt or the runtime land on the line of this module that called them), and the per-op figure of each line
// is the slope between two profiled runs: (A(N2) − A(N1)) / (N2 − N1).

import type { AllocType, BenchLine, BenchmarkReport, BenchmarkRun } from '../model/bench-report.js';
import type { AsmAllocCall } from '../model/alloc-types.js';
import type { AnalysisModel, Site } from '../model/types.js';
import type { MemProfile } from '../model/profile.js';
import { roundToSizeClass } from '../model/size-classes.js';
import { groupBy } from '../model/group.js';
import { summarizeBenchmark } from '../model/stats.js';
import { cause as causeOf, type CauseId } from '../model/causes.js';

interface LineAgg {
  file: string;
  line: number;
  function: string | null;
  innermost: string | null;
  objects: number;
  bytes: number;
}

/** Lines whose per-op figure is below this are noise from the runtime (GC, pools) rather than the loop. */
const MIN_PER_OP = 0.01;

function isModuleFile(f: string): boolean {
  return f !== '' && !f.startsWith('/') && !f.startsWith('<') && !/^[A-Za-z]:[\\/]/.test(f);
}

export function aggregate(profile: MemProfile, resolve: (f: string) => string): Map<string, LineAgg> {
  const out = new Map<string, LineAgg>();
  const byInner = new Map<LineAgg, Map<string, number>>();
  for (const s of profile.samples) {
    if (s.allocObjects === 0 && s.allocBytes === 0) continue;
    let charged: LineAgg | null = null;
    for (const fr of s.stack) {
      const file = resolve(fr.file);
      if (isModuleFile(file)) {
        charged = { file, line: fr.line, function: fr.function, innermost: null, objects: 0, bytes: 0 };
        break;
      }
    }
    const inner = s.stack[0];
    if (!charged) charged = { file: '', line: 0, function: null, innermost: inner?.function ?? null, objects: 0, bytes: 0 };
    const innerFn = inner && inner.function !== charged.function ? inner.function : '';
    // One entry per line; the innermost frame shown is the one that allocates most there.
    const key = `${charged.file}:${charged.line}`;
    const agg = out.get(key) ?? charged;
    agg.objects += s.allocObjects;
    agg.bytes += s.allocBytes;
    out.set(key, agg);
    let per = byInner.get(agg);
    if (!per) byInner.set(agg, (per = new Map()));
    per.set(innerFn, (per.get(innerFn) ?? 0) + s.allocObjects);
  }
  for (const [agg, per] of byInner) {
    let best = '';
    let n = -1;
    for (const [fn, count] of per) if (count > n) [best, n] = [fn, count];
    agg.innermost = best || (agg.file ? null : agg.innermost);
  }
  return out;
}

function shortFunc(fn: string | null): string | null {
  if (!fn) return null;
  const slash = fn.lastIndexOf('/');
  return slash < 0 ? fn : fn.slice(slash + 1);
}

/** The compiler's name of a function (`Describe`, `(*T).M`) from a profile's symbol (`example.com/m.Describe`). */
function compilerName(symbol: string | null, pkg: string): string | null {
  if (!symbol) return null;
  return symbol.startsWith(pkg + '.') ? symbol.slice(pkg.length + 1) : shortFunc(symbol);
}

function runtimeCause(agg: LineAgg, calls: AsmAllocCall[], sites: Site[]): CauseId | null {
  const inner = agg.innermost ?? '';
  if (calls.some((c) => c.kind === 'slice-growth') || inner.includes('growslice')) return 'slice-growth';
  if (calls.some((c) => c.kind === 'map') || /mapassign|internal\/runtime\/maps/.test(inner)) return 'map-growth';
  if (sites.some((s) => s.kind === 'does-not-escape' && s.expr.startsWith('make('))) return 'heap-backed-stack-make';
  if (inner.startsWith('reflect.') || inner.includes('encoding/json.')) return 'reflection';
  if (inner.startsWith('runtime.') || calls.some((c) => c.kind === 'chan')) return 'runtime-internal';
  if (agg.innermost) return 'library-allocation';
  return null;
}

export interface AttributionContext {
  model: AnalysisModel;
  asm: AsmAllocCall[];
  resolve: (f: string) => string;
}

/** Indexes the static model and the listing once; the returned function attributes one benchmark. */
export function attributor(ctx: AttributionContext): (run: BenchmarkRun) => BenchmarkReport {
  const sitesAt = groupBy(ctx.model.sites, (x) => `${x.file}:${x.line}`);
  const callsAt = groupBy(ctx.asm, (c) => `${c.file}:${c.line}`);
  return (run) => attributeOne(run, ctx, sitesAt, callsAt);
}

export function attribute(input: AttributionContext & { run: BenchmarkRun }): BenchmarkReport {
  return attributor(input)(input.run);
}

function attributeOne(
  run: BenchmarkRun,
  input: AttributionContext,
  sitesAt: Map<string, Site[]>,
  callsAt: Map<string, AsmAllocCall[]>,
): BenchmarkReport {
  const { model } = input;
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
  const { low, high } = run;
  if (!low?.profile || !high?.profile) {
    rep.notes.push(`no per-line figures: ${low?.error ?? high?.error ?? 'the profiled runs did not complete'}`);
    return rep;
  }
  const dn = high.iterations - low.iterations;
  rep.profiledIterations = [low.iterations, high.iterations];
  const a = aggregate(low.profile, input.resolve);
  const b = aggregate(high.profile, input.resolve);

  let setupAllocs = 0;
  let setupBytes = 0;
  let sumAllocs = 0;
  let sumBytes = 0;
  for (const [key, hi] of b) {
    const lo = a.get(key);
    const perOp = (hi.objects - (lo?.objects ?? 0)) / dn;
    const bytesPerOp = (hi.bytes - (lo?.bytes ?? 0)) / dn;
    setupAllocs += (lo?.objects ?? 0) - perOp * low.iterations;
    setupBytes += (lo?.bytes ?? 0) - bytesPerOp * low.iterations;
    if (perOp < MIN_PER_OP) continue;
    sumAllocs += perOp;
    sumBytes += bytesPerOp;
    const here = sitesAt.get(`${hi.file}:${hi.line}`) ?? [];
    const heapSites = here.filter((x) => x.heap);
    const calls = callsAt.get(`${hi.file}:${hi.line}`) ?? [];
    const typeDetails: AllocType[] = [];
    for (const c of calls) {
      if (!c.type && !c.display) continue;
      // For makeslice/growslice the listing names the element type; for makechan/makemap the chan or map type:
      // the allocation's size then depends on run-time lengths, so no size is claimed.
      const whole = c.typeRole === 'object' || c.typeRole === 'value';
      const base = c.display ?? c.type!;
      const t = c.typeRole === 'element' ? `[]${base} backing array` : base;
      if (typeDetails.some((d) => d.type === t && d.runtime === c.runtime)) continue;
      const size = whole ? c.typeSize : null;
      typeDetails.push({ type: t, runtime: c.runtime, size, sizeClass: size !== null ? roundToSizeClass(size) : null });
    }
    const pkg = heapSites[0]?.package ?? run.package;
    const line: BenchLine = {
      file: hi.file,
      line: hi.line,
      function: compilerName(hi.function, pkg),
      innermost: shortFunc(hi.innermost),
      allocsPerOp: round(perOp),
      bytesPerOp: round(bytesPerOp),
      types: [...new Set(calls.map((c) => c.type).filter((t): t is string => !!t))],
      typeDetails,
      sites: heapSites,
      cause: null,
      notes: [],
    };
    // The compiler's own decision on the line explains it first; a run-time cause only where it has none.
    if (heapSites[0]?.cause) line.cause = heapSites[0].cause;
    const rc = runtimeCause(hi, calls, here);
    if (line.cause && line.innermost) line.notes.push(`part of it is allocated inside ${line.innermost}, called from this line`);
    else if (!line.cause && rc) {
      const c = causeOf(rc);
      line.cause = { id: c.id, summary: c.summary, fix: c.fix };
    }
    if (!hi.file) line.notes.push('no frame of the analysed module is on the stack: allocated by the runtime or the testing package');
    if (rc === 'heap-backed-stack-make') {
      line.notes.push('the compiler says this make does not escape, yet it allocates: its run-time size is larger than the stack buffer');
    }
    // Inlining moves an allocation into the caller's frame: say where the compiler reported it.
    if (line.function) {
      const into = model.inlinedCalls.filter((c) => c.callee === line.function && c.package === pkg);
      const bench = rep.name.split('/')[0]!;
      const inBench = into.find((c) => c.caller === bench);
      if (inBench)
        line.notes.push(
          `${line.function} is inlined into ${bench} at ${inBench.file}:${inBench.line}:${inBench.column}; the allocation is made in ${bench}'s frame`,
        );
    }
    if (!line.cause) line.notes.push('no static heap decision on this line and no known run-time cause');
    rep.lines.push(line);
  }
  rep.lines.sort(
    (x, y) =>
      y.allocsPerOp - x.allocsPerOp || y.bytesPerOp - x.bytesPerOp || (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line),
  );
  rep.setup = { allocs: round(setupAllocs), bytes: round(setupBytes) };
  reconcile(rep, sumAllocs, sumBytes, high.allocsPerOp, high.bytesPerOp);
  return rep;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function reconcile(rep: BenchmarkReport, sumAllocs: number, sumBytes: number, profAllocs: number | null, profBytes: number | null): void {
  const measured = rep.allocsPerOp;
  rep.notes.push(
    `per-line figures come from two runs with every allocation recorded (${rep.profiledIterations![0]} and ${rep.profiledIterations![1]} iterations); timings from the plain run`,
  );
  if (measured === null) return;
  const lines = round(sumAllocs);
  if (Math.abs(lines - measured) < 0.5 || (measured === Math.floor(lines) && lines - measured < 1)) {
    // B/op and allocs/op are printed truncated: a sum of 1.99 is "1 allocs/op".
    return;
  }
  if (lines < measured) {
    const tiny = rep.lines.some(
      (l) => l.typeDetails.some((t) => t.size !== null && t.size < 16) || l.typeDetails.some((t) => /^conv|string|bytes/.test(t.runtime)),
    );
    const bytesAgree =
      profBytes !== null && rep.bytesPerOp !== null && Math.abs(round(sumBytes) - rep.bytesPerOp) <= Math.max(8, rep.bytesPerOp * 0.1);
    rep.notes.push(
      `the lines add up to ${lines} allocs/op but the benchmark measured ${measured}: ` +
        `${tiny || bytesAgree ? 'the difference is tiny allocations: pointer-free objects under 16 bytes share one 16-byte block, and the memory profile records the block, not each object' : 'the memory profile recorded fewer allocations than the allocator counted'}` +
        `${bytesAgree ? ` (bytes agree: ${round(sumBytes)} B/op in the lines, ${rep.bytesPerOp} B/op measured)` : ''}`,
    );
  } else {
    rep.notes.push(
      `the lines add up to ${lines} allocs/op but the benchmark measured ${measured}${profAllocs !== null ? ` (${profAllocs} in the profiled run)` : ''}: the timed runs may differ from the profiled ones (caches, pools, GC timing)`,
    );
  }
}
