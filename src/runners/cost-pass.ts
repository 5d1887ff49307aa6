// The cost pass: after the timing passes, one more run of each benchmark, one at a time with nothing else of
// heapscope's running, under the CPU profiler (-test.cpuprofile) and with the runtime's GC trace on
// (GODEBUG=gctrace=1), at the runtime's default memory profile rate. Its CPU profile says where the benchmark's CPU
// went (join/cpu-cost.ts); its gctrace lines, kept unparsed, are read by the GC model. Neither instrument runs during
// the timed runs: the profiler's 100 Hz signal and the trace's writes would touch the timings a little.

import { parseGcTrace } from '../parsers/gctrace.js';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchTextParser } from '../parsers/bench-text.js';
import { parseCpuProfile } from '../parsers/pprof.js';
import type { BenchmarkRun, CostRun } from '../model/bench-report.js';
import type { BenchResult } from '../model/alloc-types.js';
import { run } from './process.js';
import { exitStatus } from './bench-problems.js';
import { exactBenchPattern, runLimitMs, type BenchOptions } from './test-binaries.js';
import { t } from '../i18n/t.js';
import { t as say } from '../i18n/t.js';

/**
 * The longest a cost run is meant to take, in seconds of the timing pass's ns/op: about as long as the timing run
 * itself, and never more than this (--cost-time sets it). 0.5 s is about 50 samples of a single-goroutine benchmark
 * at the profiler's 100 Hz, a share to within about ±14 points at worst (95%); 1 s halved that margin but took
 * heapscope bench on the examples from 1.3x to 2.0x `go test -bench` (measured alternately, 3 rounds).
 */
export const COST_BUDGET_S = 0.5;

/** A line with a gctrace cycle in it, or the runtime's 'GC forced' line. */
const GC_LINE = /\bgc \d+ @|GC forced/;

/** More gctrace lines than this (a benchmark doing a GC every few microseconds) are counted, not kept. */
const MAX_GCTRACE_LINES = 100_000;

/**
 * The cost run's iteration count: the timing pass's final b.N (its last run's), cut so the run takes about
 * min(that run's time, COST_BUDGET_S) at the ns/op it measured.
 */
export function costIterations(result: BenchResult, budgetS = COST_BUDGET_S): number {
  const last = result.runs[result.runs.length - 1];
  if (!last || last.iterations <= 0) return 0;
  const ns = last.metrics['ns/op'];
  if (ns === undefined || !(ns > 0)) return last.iterations;
  return Math.max(1, Math.min(last.iterations, Math.floor((budgetS * 1e9) / ns)));
}

/** GODEBUG with gctrace=1 after whatever the user set (the runtime takes the last value of a repeated key). */
export function withGcTrace(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const user = env.GODEBUG?.trim();
  return { ...env, GODEBUG: user ? `${user},gctrace=1` : 'gctrace=1' };
}

/**
 * A cost run shorter than this gives fewer CPU samples than a share needs (20 at the profiler's 100 Hz, the join's
 * MIN_CPU_SAMPLES): such a run (a short --benchtime) records the GC's trace only, over a quarter of the iterations.
 * At -benchtime 100ms on the examples the CPU-profiled runs took heapscope bench from 1.2x to 2.1x `go test -bench`
 * for shares it could not give.
 */
const CPU_PROFILE_MIN_S = 0.2;

/** The cost run's plan: its iteration count, and whether it runs long enough to be worth a CPU profile. */
export function costPlan(result: BenchResult, budgetS = COST_BUDGET_S): { iterations: number; cpu: boolean } {
  const iterations = costIterations(result, budgetS);
  const ns = result.runs[result.runs.length - 1]?.metrics['ns/op'];
  if (iterations === 0 || ns === undefined || !(ns > 0)) return { iterations, cpu: true };
  if (iterations * ns * 1e-9 >= CPU_PROFILE_MIN_S) return { iterations, cpu: true };
  return { iterations: Math.max(1, Math.floor(iterations / 4)), cpu: false };
}

/** One cost run of one benchmark; `file` is where the CPU profile goes (removed before this returns), or null for a
 *  run that records the GC's trace only. */
export async function costRun(
  bin: string,
  cwd: string,
  opts: BenchOptions,
  name: string,
  iterations: number,
  file: string | null,
): Promise<CostRun> {
  const exact = exactBenchPattern(name);
  const parser = new BenchTextParser();
  const gctrace: string[] = [];
  const start = performance.now();
  const r = await run(
    bin,
    [
      '-test.run=^$',
      `-test.bench=${exact.bench}`,
      `-test.skip=${exact.skip}`,
      '-test.benchmem',
      '-test.count=1',
      `-test.benchtime=${iterations}x`,
      `-test.timeout=${opts.timeout}`,
      ...(file ? [`-test.cpuprofile=${file}`] : []),
    ],
    {
      cwd,
      env: withGcTrace(opts.env),
      // Results go to stdout, the runtime's trace to stderr (fd 2, written by the runtime itself).
      onStdoutLine: (l) => parser.push(l),
      onStderrLine: (l) => {
        // A gc line can follow the benchmark's own output on the same line (parsers/gctrace.ts reads it there).
        if (GC_LINE.test(l) && gctrace.length < MAX_GCTRACE_LINES) gctrace.push(l);
      },
      timeoutMs: runLimitMs(opts.timeout),
    },
  );
  const seconds = (performance.now() - start) / 1000;
  const res = parser.end().packages[0]?.benchmarks.find((b) => b.name === name)?.runs[0];
  const base = { iterations, ops: res?.iterations ?? 0, gctrace, gcTrace: parseGcTrace(gctrace), seconds };
  if (!file) {
    return {
      ...base,
      profile: null,
      error: r.timedOut ? say('sweep.cost.timedOut', { timeout: opts.timeout }) : null,
      cpuSkipped: res
        ? say('sweep.cost.gcOnly', { ms: CPU_PROFILE_MIN_S * 1000, took: Math.round(seconds * 1000) })
        : say('sweep.cost.gcOnlyNoResult', { ms: CPU_PROFILE_MIN_S * 1000 }),
    };
  }
  try {
    if (r.timedOut) return { ...base, profile: null, error: say('sweep.cost.timedOut', { timeout: opts.timeout }) };
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return { ...base, profile: null, error: say('sweep.cost.noProfile', { status: exitStatus(r.code, r.signal) }) };
    }
    const p = parseCpuProfile(data);
    if (!p.ok) return { ...base, profile: null, error: say('sweep.cost.unreadable', { error: p.error }) };
    if (!res) return { ...base, profile: p.profile, error: say('sweep.cost.noResult', { status: exitStatus(r.code, r.signal) }) };
    return { ...base, profile: p.profile, error: null };
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * The cost pass of every benchmark that ran, one at a time, after the timing passes: each benchmark gets `cost`.
 * `dir` is a temporary directory of the caller's for the profiles.
 */
export async function costPass(
  packages: { bin: string | null; dir: string; benchmarks: BenchmarkRun[] }[],
  opts: BenchOptions,
  dir: string,
): Promise<void> {
  let n = 0;
  for (const pr of packages) {
    if (!pr.bin) continue;
    for (const b of pr.benchmarks) {
      const plan = costPlan(b.result, opts.costSeconds);
      if (plan.iterations === 0) continue;
      // Nothing allocated in the timed run: nothing for the allocator or the GC to cost (as the profiled runs skip
      // it). On fastjson's BenchmarkParse family that is 30 of 49 benchmarks, and half the cost pass's time.
      const last = b.result.runs[b.result.runs.length - 1]!.metrics;
      if (last['allocs/op'] === 0 && last['B/op'] === 0) {
        b.cost = { iterations: 0, ops: 0, profile: null, gctrace: [], seconds: 0, error: null, noAllocation: true };
        continue;
      }
      opts.onProgress?.(t('cli.progress.measuringCost', { benchmark: b.result.name }));
      const file = plan.cpu ? join(dir, `cost${++n}.pprof`) : null;
      b.cost = await costRun(pr.bin, pr.dir, opts, b.result.name, plan.iterations, file);
    }
  }
}
