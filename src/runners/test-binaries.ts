// Everything heapscope does with one test binary: build it with the assembly listing, read its symbols, time its
// benchmarks, and profile them with every allocation recorded (or a sample of them, model/sampling.ts), alone or
// several together. bench.ts decides which binaries and benchmarks, in which order.

import { readFile, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { LineSplitter } from '../parsers/line-splitter.js';
import { AsmTextParser } from '../parsers/asm-text.js';
import { BenchTextParser } from '../parsers/bench-text.js';
import { parseMemProfile } from '../parsers/pprof.js';
import { parseNmText } from '../parsers/nm-text.js';
import { parseObjdump } from '../parsers/objdump-text.js';
import { parseGoDuration } from '../parsers/go-duration.js';
import type { ProfiledRun } from '../model/bench-report.js';
import { benchmarkOwns, benchmarkPart, inPackageInit, profileBytes } from '../model/profile.js';
import type { AsmAllocCall, AsmListing, BenchPackage } from '../model/alloc-types.js';
import { SymbolTable } from '../model/symbols.js';
import { capture, run } from './process.js';
import { GRACE_MS } from './process-groups.js';
import { exitStatus, OutputTail } from './bench-problems.js';
import type { TraceOptions } from '../model/trace-summary.js';
import type { ToolPaths } from '../cache/tool-paths.js';
import { isAbsolute } from 'node:path';
import type { BenchResult } from '../model/alloc-types.js';
import { summarizeBenchmark } from '../model/stats.js';
import { profileBudget, profilePlan, rateAfterOverrun, RECORD_COST_S, sampledCount, type ProfilePlan } from '../model/sampling.js';
import { t } from '../i18n/t.js';

export interface BenchOptions {
  /** Keep the instructions of the functions that allocate (the HTML report's assembly pane). */
  listings?: boolean;
  dir: string;
  root: string;
  patterns: string[];
  bench: string;
  count: number;
  benchtime?: string;
  /** Go duration for each test binary run, as -timeout. */
  timeout: string;
  tags?: string;
  env: NodeJS.ProcessEnv;
  /** Where heapscope remembers the Go tools' paths; null with --no-cache. */
  toolPaths?: ToolPaths | null;
  resolveFile: (printed: string) => string;
  onProgress?: (msg: string) => void;
  /** Profiled runs at once (they are not timed); default: the machine's cores and one. */
  parallel?: number;
  /** Run the cost pass (cost-pass.ts) after the timing passes: heapscope bench, unless --no-cost. */
  cost?: boolean;
  /** Seconds the cost pass runs each benchmark at most (--cost-time; cost-pass.ts COST_BUDGET_S when unset). */
  costSeconds?: number;
  /** Record every allocation in the profiled runs, however long they take (--exact); else costly ones sample. */
  exact?: boolean;
  /** bench --trace: a trace pass of each benchmark (trace-pass.ts). */
  trace?: TraceOptions;
}

/**
 * How long heapscope lets one run of a test binary given `-test.timeout=T` last before it kills the binary's whole
 * process group itself: T, and a grace period in which the binary's own alarm can say what was running. The alarm
 * alone is not enough: a benchmark loop with no call in it (`for i := 0; ; i++ {}`) keeps it from firing (a
 * go1.26.8 test binary given -test.timeout=3s was still spinning 30 s later). 0 for no limit, as go test takes it.
 */
export function runLimitMs(timeout: string): number {
  // go test's own default for a value that is not a duration (the CLI has rejected it before).
  const ms = parseGoDuration(timeout) ?? 10 * 60_000;
  return ms > 0 ? ms + GRACE_MS : 0;
}

function quoteRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `-test.bench` and `-test.skip` patterns that run exactly one benchmark. The testing package splits a
 * benchmark's full name at every `/` (testing/match.go, fullName), sub-benchmark names with a `/` of their own
 * included, and matches each element against one `/`-separated part of the pattern; names with more elements
 * than the pattern has parts match too (BenchmarkMux/route:/a runs BenchmarkMux/route:/a/b). So the bench pattern
 * anchors each element, and the skip pattern (Go 1.20+) has one part more, which every longer name matches.
 */
export function exactBenchPattern(name: string): { bench: string; skip: string } {
  const bench = name
    .split('/')
    .map((p) => `^${quoteRe(p)}$`)
    .join('/');
  return { bench, skip: `${bench}/.*` };
}

/** Iteration counts for the profiled runs: about 5 ms of work under memprofilerate=1, and at least 100 ops. The
 * slope is exact for allocations made every op whatever N is; more iterations would only average out what the GC
 * and pools do now and then, and a process's start costs more than that. */
export function profileIterations(nsPerOp: number, allocsPerOp: number, requested: number | null = null): [number, number] {
  // Recording every allocation costs about 10 µs (the profiler unwinds and records the stack; measured on the
  // examples' BenchmarkCounter: 3,200 allocations in 30 ms).
  // At least 100 iterations (25 in the low run), enough for the slope of a benchmark that amortises a warm-up,
  // unless 100 would take more than about 2 s of recording: then as many as fit, at least 8 and 2. With a fixed
  // floor of 100, fastjson's BenchmarkParse/canada/stdjson-struct (31 ms and 392,511 allocations per op) spent
  // minutes in profiled runs that go test finishes in a second; with a fixed floor of 8, the 1.7 ms
  // BenchmarkParse/citm/fastjson (a parser that reuses its memory) got a slope of warm-up noise.
  const perOp = nsPerOp * 1e-9 + allocsPerOp * RECORD_COST_S;
  const floor = Math.max(8, Math.min(100, Math.round(2 / Math.max(perOp, 1e-9))));
  const high = Math.max(floor, Math.min(5000, Math.round(0.005 / Math.max(perOp, 1e-9))));
  return withRequested([Math.max(2, Math.round(high / 4)), high], perOp, requested);
}

/**
 * Seconds of recording a profiled run may take to reach the iterations --benchtime Nx asked for. A pool refilled
 * after a GC, a cache filled once: one allocation in the longer run shows as 1/(N2 − N1) per op, 0.02 allocs/op at
 * 25 and 161 iterations, where go test's own N makes it nothing. The user's N is what the timed run measured;
 * 0.2 s keeps `bench --benchtime 20000x` on the examples within a few tenths of a second of what it took before
 * (what is still short of N is marked one-off by the attribution).
 */
const REQUESTED_BUDGET_S = 0.2;

/** The iteration count of `--benchtime Nx`, or null for a duration. */
export function requestedIterations(benchtime: string | undefined): number | null {
  const m = /^(\d+)x$/.exec(benchtime ?? '');
  return m ? Number(m[1]) : null;
}

/** Iteration counts raised toward the requested N, as far as the budget allows; never lowered. */
function withRequested(counts: [number, number], perOp: number, requested: number | null): [number, number] {
  if (requested === null || requested <= counts[1]) return counts;
  const high = Math.max(counts[1], Math.min(requested, Math.round(REQUESTED_BUDGET_S / Math.max(perOp, 1e-9))));
  return [Math.max(2, Math.round(high / 4)), high];
}

/**
 * How a benchmark is profiled, from its timed runs: the runs of profileIterations, or, when those would cost more
 * than the budget and `exact` is not asked for, fewer iterations or a sampled pair (model/sampling.ts).
 */
export function planFor(result: BenchResult, requested: number | null, exact: boolean): ProfilePlan & { budget: number | null } {
  const s = summarizeBenchmark(result);
  const nsPerOp = s['ns/op']?.median ?? 1000;
  const allocsPerOp = s['allocs/op']?.median ?? 1;
  const iterations = profileIterations(nsPerOp, allocsPerOp, requested);
  if (exact) return { iterations, rate: 1, budget: null };
  const timedSeconds = result.runs.reduce((t, r) => t + r.iterations * (r.metrics['ns/op'] ?? 0) * 1e-9, 0);
  const f = { nsPerOp, allocsPerOp, bytesPerOp: s['B/op']?.median ?? 0, timedSeconds };
  return { ...profilePlan(f, iterations), budget: profileBudget(f) };
}

/** Seconds at least before a shorter profiled run that overran is stopped (see profiledPair). */
const OVERRUN_AFTER_S = 2;
/** The rate it is run again at: objects of 4 KiB and more recorded nearly always, 64-byte ones once in 65. */
const OVERRUN_RATE = 4096;

/**
 * A benchmark's two profiled runs one after the other (without --exact). When the shorter one recorded more
 * allocations than the budget of both allows (allocations the timed figures did not show: a warm-up, a cache
 * filled once per process), the longer one samples at a rate chosen from what the shorter one allocated: judged
 * by the count recorded, not by the time taken, which other work on the machine stretches. A shorter run that
 * takes several times the budget is stopped and run again at OVERRUN_RATE: fastjson's
 * BenchmarkParse/canada/fastjson (0 allocs/op timed; 73 MB and 114,000 allocations of parser warm-up in each
 * process) took 5.9 s for 5 iterations at rate 1, 1.9 s of it on the CPU (its RunParallel goroutines wait on the
 * profiler's lock), and 1.1 s at rate 4096.
 */
export async function profiledPair(
  bin: string,
  cwd: string,
  opts: BenchOptions,
  name: string,
  plan: ProfilePlan & { budget: number },
  files: [string, string],
): Promise<{ low: ProfiledRun; high: ProfiledRun }> {
  const t0 = performance.now();
  const limit = Math.max(OVERRUN_AFTER_S, 3 * plan.budget) * 1000;
  const stoppable = plan.rate < OVERRUN_RATE;
  let low = await profiledRun(bin, cwd, opts, name, plan.iterations[0], files[0], plan.rate, stoppable ? limit : undefined);
  const stopped = stoppable && !low.profile && performance.now() - t0 >= limit;
  if (stopped) low = await profiledRun(bin, cwd, opts, name, plan.iterations[0], files[0], OVERRUN_RATE);
  const recorded = low.profile
    ? low.profile.samples.reduce((t, x) => t + sampledCount(x.allocObjects, x.allocBytes, low.profile!.rate).samples, 0)
    : 0;
  const overran = stopped || recorded * RECORD_COST_S > plan.budget;
  // Never more exact than the shorter run: the longer one's rate is the sampled figures' rate.
  const lowRate = low.profile?.rate ?? plan.rate;
  const rate = overran && low.profile ? Math.max(lowRate, rateAfterOverrun(profileBytes(low.profile), plan.iterations)) : plan.rate;
  return { low, high: await profiledRun(bin, cwd, opts, name, plan.iterations[1], files[1], rate) };
}

/** The iteration counts of the runs that profile short benchmarks together. */
export const GROUP_ITERATIONS = [100, 400] as const;

/** The group's iteration counts: GROUP_ITERATIONS, or toward --benchtime Nx (costs: seconds per op, profiled). */
export function groupIterations(costs: number[], requested: number | null): [number, number] {
  return withRequested(
    [...GROUP_ITERATIONS],
    costs.reduce((t, c) => t + c, 0),
    requested,
  );
}

/**
 * Whether a benchmark's part of a shared profile holds all it allocated: the bytes per op of its part's slope, or
 * that plus its setup spread over N (without b.ResetTimer), agree with the B/op the testing package counted for it
 * in the same run.
 */
export function partAddsUp(low: ProfiledRun, high: ProfiledRun): boolean {
  if (!low.profile || !high.profile || high.bytesPerOp === null) return false;
  const [a, b] = [profileBytes(low.profile), profileBytes(high.profile)];
  const perOp = (b - a) / (high.iterations - low.iterations);
  const setup = Math.max(0, (a - (low.iterations + 1) * perOp) / 2);
  const tol = Math.max(16, high.bytesPerOp * 0.1);
  return Math.abs(perOp - high.bytesPerOp) <= tol || Math.abs(perOp + setup / high.iterations - high.bytesPerOp) <= tol;
}

/** The binary's text symbols, from the go command's own nm; null when it cannot say. */
export async function readSymbols(bin: string, cwd: string, env: NodeJS.ProcessEnv, tool: Tool): Promise<SymbolTable | null> {
  const lines: string[] = [];
  const [cmd, ...args] = [...(await tool), '-size', '-sort', 'address', bin];
  const r = await run(cmd!, args, { cwd, env, onStdoutLine: (l) => lines.push(l) });
  if (r.code !== 0) return null;
  const nm = parseNmText(lines);
  return new SymbolTable(nm.symbols, nm.data);
}

/** A Go tool's command line: the tool's own executable where the go command names it, else `go tool NAME`. */
export type Tool = Promise<string[]>;

/**
 * Where a Go tool is (`go tool -n NAME`, which builds it into the go command's cache first if needed), asked once
 * per toolchain and remembered in heapscope's cache: `go tool NAME` would start the go command for each call.
 */
export function resolveTool(name: string, cwd: string, env: NodeJS.ProcessEnv, known: ToolPaths | null): Tool {
  const stored = known?.get(name);
  if (stored) return Promise.resolve([stored]);
  return capture('go', ['tool', '-n', name], { cwd, env }).then(
    (r) => {
      const path = r.stdout.trim();
      if (r.code !== 0 || !isAbsolute(path) || path.includes('\n')) return ['go', 'tool', name];
      known?.put(name, path);
      return [path];
    },
    () => ['go', 'tool', name],
  );
}

export interface ListingParse {
  calls: AsmAllocCall[];
  listings: AsmListing[];
}

/**
 * Builds a package's test binary with the assembly listing: of every package of the module
 * when its path is known (`-gcflags=MODULE/...=-S`), so allocations in the module's other packages are typed too.
 */
export async function buildTestBinary(
  opts: Pick<BenchOptions, 'dir' | 'env' | 'tags' | 'resolveFile' | 'listings'> & { modulePath?: string | null },
  importPath: string,
  bin: string,
): Promise<{ asm: () => Promise<ListingParse>; error: string | null }> {
  const buildErr: string[] = [];
  const listing = opts.modulePath ? `-gcflags=${opts.modulePath}/...=-S` : '-gcflags=-S';
  // The listing goes to a file: megabytes of it would otherwise wait in a pipe whenever the event loop is busy,
  // and hold the go command up. It is parsed when asked for, so a caller can first time the benchmarks.
  const listingFile = `${bin}.S.txt`;
  const build = await run('go', ['test', '-c', '-o', bin, listing, ...(opts.tags ? [`-tags=${opts.tags}`] : []), importPath], {
    cwd: opts.dir,
    env: opts.env,
    stderrFile: listingFile,
    onStdoutLine: (l) => {
      if (l.startsWith('FAIL') || l.startsWith('go: ')) buildErr.push(l);
    },
  });
  const read = async (): Promise<ListingParse> => {
    const asm = new AsmTextParser({ resolveFile: opts.resolveFile, listings: !!opts.listings });
    const splitter = new LineSplitter((l) => {
      // Compiler errors are position lines that are not assembly; keep them for the report.
      if (/^\S.*:\d+:\d+: /.test(l) || l.startsWith('go: ') || l.startsWith('FAIL')) buildErr.push(l);
      asm.push(l);
    });
    try {
      for await (const chunk of createReadStream(listingFile, { highWaterMark: 1 << 20 })) splitter.push(chunk as Buffer);
      splitter.end();
    } catch {
      // no listing: the build failed before writing any
    }
    await rm(listingFile, { force: true });
    const parsed = asm.end();
    return { calls: parsed.calls, listings: parsed.listings ?? [] };
  };
  if (build.code === 0) {
    let calls: Promise<ListingParse> | null = null;
    return { asm: () => (calls ??= read()), error: null };
  }
  const calls = await read();
  return {
    asm: () => Promise.resolve(calls),
    error: buildErr.length
      ? t('sweep.bench.noCompile', { lines: buildErr.join('\n') })
      : t('sweep.bench.testCFailed', { code: build.code ?? '?' }),
  };
}

const top = (name: string): string => name.split('/')[0]!;

/**
 * The timing pass. A panic or a timeout ends the test binary, and with it every benchmark after the one that
 * died: the pass is resumed with the benchmarks that have not run yet, so one bad benchmark costs only itself.
 */
export async function timingPass(
  bin: string,
  cwd: string,
  opts: BenchOptions,
): Promise<{
  parsed: BenchPackage | null;
  timedOut: boolean;
  outputCut: boolean;
  earlyExit: { status: string; tail: string[] } | null;
}> {
  const slash = opts.bench.indexOf('/');
  const sub = slash >= 0 ? opts.bench.slice(slash) : '';
  let pattern = opts.bench;
  let merged: BenchPackage | null = null;
  let timedOut = false;
  let outputCut = false;
  let listed: string[] | null = null;
  let previous = Infinity;
  for (let round = 0; round < 50; round++) {
    const r = await runBinary(bin, cwd, opts, [
      '-test.run=^$',
      `-test.bench=${pattern}`,
      '-test.benchmem',
      '-test.v',
      `-test.count=${opts.count}`,
      ...(opts.benchtime ? [`-test.benchtime=${opts.benchtime}`] : []),
      `-test.timeout=${opts.timeout}`,
    ]);
    timedOut ||= r.timedOut;
    outputCut ||= r.outputCut;
    // The binary ended, and not at a timeout, before it named any benchmark: TestMain exited, or it could not
    // start at all. Nothing was measured, and running it again would end the same way.
    if (round === 0 && !r.timedOut && (r.code !== 0 || r.signal) && r.lastName === null && !r.parsed?.benchmarks.length) {
      return { parsed: null, timedOut, outputCut, earlyExit: { status: exitStatus(r.code, r.signal), tail: r.tail } };
    }
    // A panic the output did not tie to a name belongs to the benchmark that was running.
    for (const prob of r.parsed?.problems ?? []) if (prob.kind === 'panic' && !prob.benchmark) prob.benchmark = r.lastName;
    if (r.timedOut && r.parsed) {
      if (!r.lastName) {
        merged ??= r.parsed;
        break;
      }
      r.parsed.problems.push({
        kind: 'timeout',
        benchmark: r.lastName,
        printedName: null,
        value: t('cli.bench.killedTimeout', { timeout: opts.timeout }),
        messages: [],
        line: 0,
      });
    }
    if (!merged) merged = r.parsed;
    else if (r.parsed) {
      merged.benchmarks.push(...r.parsed.benchmarks);
      merged.problems.push(...r.parsed.problems);
    }
    const died = r.timedOut || !!r.parsed?.problems.some((p) => p.kind === 'panic') || (r.code !== 0 && r.parsed?.result === null);
    if (!died || !merged) break;
    // A binary that died without a readable panic (its output cut mid-line) is charged to the running benchmark.
    const running = r.lastName;
    if (
      running &&
      !merged.problems.some((p) => p.benchmark && top(p.benchmark) === running) &&
      !r.parsed?.benchmarks.some((b) => top(b.name) === running)
    ) {
      merged.problems.push({
        kind: r.timedOut ? 'timeout' : 'exit',
        benchmark: running,
        printedName: null,
        value: r.timedOut ? t('cli.bench.killedTimeout', { timeout: opts.timeout }) : exitStatus(r.code, r.signal),
        messages: [],
        line: 0,
      });
    }
    if (listed === null) {
      listed = [];
      await run(bin, ['-test.list', slash >= 0 ? opts.bench.slice(0, slash) : opts.bench], {
        cwd,
        env: opts.env,
        timeoutMs: runLimitMs(opts.timeout),
        onStdoutLine: (l) => {
          if (/^Benchmark\S*$/.test(l.trim())) listed!.push(l.trim());
        },
      });
    }
    const done = new Set([
      ...merged.benchmarks.map((b) => top(b.name)),
      ...merged.problems.map((p) => (p.benchmark ? top(p.benchmark) : '')),
    ]);
    const rest = listed.filter((n) => !done.has(n));
    if (rest.length === 0 || rest.length >= previous) break; // no progress: stop rather than loop
    previous = rest.length;
    pattern = `^(${rest.map(quoteRe).join('|')})$${sub}`;
  }
  return { parsed: merged, timedOut, outputCut, earlyExit: null };
}

async function runBinary(
  bin: string,
  cwd: string,
  opts: BenchOptions,
  args: string[],
  /** Read stdout and stderr in the order written (the timing pass, which reports panics); a profiled run needs only its result. */
  ordered = true,
  /** A shorter limit than --timeout's, in ms (a profiled run that is stopped and run again another way). */
  limitMs?: number,
): Promise<{
  parsed: BenchPackage | null;
  timedOut: boolean;
  outputCut: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  lastName: string | null;
  tail: string[];
}> {
  const parser = new BenchTextParser();
  const tail = new OutputTail();
  // The benchmark running when the binary was stopped is the last name it printed.
  let lastName: string | null = null;
  const onLine = (l: string): void => {
    const m = /^(Benchmark[^\s/]*)/.exec(l);
    if (m) lastName = m[1]!.replace(/-\d+$/, '');
    tail.push(l);
    parser.push(l);
  };
  const limit = runLimitMs(opts.timeout);
  const timeoutMs = limitMs !== undefined && (limit === 0 || limitMs < limit) ? limitMs : limit;
  const ro = { cwd, env: opts.env, onStdoutLine: onLine, onStderrLine: onLine, timeoutMs };
  // Results go to stdout and a panic to stderr: read from two pipes, a panic can be read before the results
  // printed ahead of it (under load), and the parser then files them under the wrong benchmark or drops them.
  // One pipe for both keeps the order the binary wrote in, as go test does.
  const r =
    process.platform === 'win32' || !ordered
      ? await run(bin, args, ro)
      : await run('/bin/sh', ['-c', 'exec "$0" "$@" 2>&1', bin, ...args], ro);
  const parsed = parser.end();
  return {
    parsed: parsed.packages[0] ?? null,
    timedOut: r.timedOut,
    outputCut: r.outputCut,
    code: r.code,
    signal: r.signal,
    lastName,
    tail: tail.lines,
  };
}

/**
 * Several benchmarks in one profiled run, each given its part of the profile and its own measured figures, and the
 * allocations of no benchmark's frames (a goroutine a benchmark started runs on a stack of its own), package
 * initialisation left out.
 */
export async function profiledGroupRun(
  bin: string,
  cwd: string,
  opts: BenchOptions,
  names: string[],
  iterations: number,
  file: string,
): Promise<{ parts: Map<string, ProfiledRun>; foreign: number }> {
  const r = await runBinary(
    bin,
    cwd,
    opts,
    [
      '-test.run=^$',
      `-test.bench=^(${names.map(quoteRe).join('|')})$`,
      '-test.benchmem',
      '-test.count=1',
      `-test.benchtime=${iterations}x`,
      `-test.timeout=${opts.timeout}`,
      `-test.memprofile=${file}`,
      '-test.memprofilerate=1',
    ],
    false,
  );
  const out = new Map<string, ProfiledRun>();
  const none = { parts: out, foreign: 0 };
  if (r.timedOut) return none;
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return none;
  }
  const p = parseMemProfile(data);
  if (!p.ok) return none;
  const owners = names.map(benchmarkOwns);
  const foreign = p.profile.samples
    .filter((s) => !inPackageInit(s.stack) && !s.stack.some((f) => owners.some((o) => o(f.function))))
    .reduce((t, s) => t + s.allocObjects, 0);
  for (const name of names) {
    const res = r.parsed?.benchmarks.find((b) => b.name === name)?.runs[0];
    if (!res) continue;
    out.set(name, {
      iterations,
      allocsPerOp: res.metrics['allocs/op'] ?? null,
      bytesPerOp: res.metrics['B/op'] ?? null,
      profile: benchmarkPart(p.profile, name),
      error: null,
    });
  }
  return { parts: out, foreign };
}

export async function profiledRun(
  bin: string,
  cwd: string,
  opts: BenchOptions,
  name: string,
  iterations: number,
  file: string,
  /** -test.memprofilerate: 1 records every allocation; a larger rate samples (model/sampling.ts). */
  rate = 1,
  /** Stop the run after this many ms (it is then run again another way) rather than at --timeout's limit. */
  limitMs?: number,
): Promise<ProfiledRun> {
  const exact = exactBenchPattern(name);
  const r = await runBinary(
    bin,
    cwd,
    opts,
    [
      '-test.run=^$',
      `-test.bench=${exact.bench}`,
      `-test.skip=${exact.skip}`,
      '-test.benchmem',
      '-test.count=1',
      `-test.benchtime=${iterations}x`,
      `-test.timeout=${opts.timeout}`,
      `-test.memprofile=${file}`,
      `-test.memprofilerate=${rate}`,
    ],
    false,
    limitMs,
  );
  const res = r.parsed?.benchmarks.find((b) => b.name === name)?.runs[0];
  const base = { iterations, allocsPerOp: res?.metrics['allocs/op'] ?? null, bytesPerOp: res?.metrics['B/op'] ?? null };
  if (r.timedOut) return { ...base, profile: null, error: t('sweep.bench.profiledTimedOut') };
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return { ...base, profile: null, error: t('sweep.bench.noMemProfile', { status: exitStatus(r.code, r.signal) }) };
  }
  const p = parseMemProfile(data);
  return p.ok
    ? { ...base, profile: p.profile, error: null }
    : { ...base, profile: null, error: t('sweep.bench.memUnreadable', { error: p.error }) };
}

/**
 * The disassembly of functions outside the module (the -S listing covers the module's packages only): the library
 * functions a profile saw allocate, named as the profile names them (a generic's type arguments as `[...]`).
 * Only the go command's output is read here; the calls are parsed once the data symbols are known (libraryCalls).
 */
export async function disassemble(bin: string, cwd: string, env: NodeJS.ProcessEnv, tool: Tool, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const lines: string[] = [];
  const pattern = (n: string): string => n.split('[...]').map(quoteRe).join('\\[.*\\]');
  const re = `^(?:${names.map(pattern).join('|')})$`;
  const [cmd, ...args] = [...(await tool), '-s', re, bin];
  const r = await run(cmd!, args, { cwd, env, onStdoutLine: (l) => lines.push(l) });
  return r.code === 0 ? lines : [];
}

/** The allocation calls in a disassembly, typed by the binary's data symbols. */
export function libraryCalls(lines: string[], symbols: SymbolTable): AsmAllocCall[] {
  return lines.length === 0 ? [] : parseObjdump(lines, { dataSymbolAt: (a) => symbols.data.get(a) ?? null }).calls;
}
