// bench --trace: one more run of each selected benchmark, with an execution trace (-test.trace), summarised by
// go/tracesum (trace-tool.ts) into the report's `trace`. The runs come after every timing pass and before the
// profiled runs, one at a time with nothing else of heapscope's running: pauses and utilisation are timings too.
// A trace pass that fails costs its benchmark a note, never the report.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchmarkRun } from '../model/bench-report.js';
import { summarizeBenchmark } from '../model/stats.js';
import { traceFigures, type TraceOptions, type TraceOutcome } from '../model/trace-summary.js';
import { parseTraceSummary } from '../parsers/trace-summary-json.js';
import { exitStatus } from './bench-problems.js';
import { run } from './process.js';
import { exactBenchPattern, runLimitMs, type BenchOptions } from './test-binaries.js';
import { traceSummaryTool } from './trace-tool.js';
// `t` is this file's name for a traced run: the translator is `say` here.
import { t as say } from '../i18n/t.js';

/** Seconds of benchmark a trace pass aims at: enough GC cycles to count, a trace of a few MB at most. */
export const TRACE_BUDGET_S = 0.5;

/**
 * A trace larger than this is traced again with fewer ops, aiming at RETRACE_BYTES: go/tracesum holds every event
 * in memory (about 400 bytes each, some 5 bytes each in the file), and reading a million takes seconds. The
 * examples' BenchmarkAsync (a goroutine per op) wrote 23.6 MB, 4.5 million events, in its 0.75 s of ops.
 */
export const MAX_TRACE_BYTES = 3_000_000;
const RETRACE_BYTES = 1_500_000;

/** How long the summariser may take on one trace (it reads about 2 million events a second). */
const SUMMARY_LIMIT_MS = 120_000;

/**
 * b.N of a trace pass: the timing pass's own final b.N, capped at about TRACE_BUDGET_S of the benchmark's
 * measured ns/op, at least 1.
 */
export function traceIterations(run: BenchmarkRun): number {
  const timedN = Math.max(...run.result.runs.map((r) => r.iterations), 1);
  const ns = summarizeBenchmark(run.result)['ns/op']?.median ?? null;
  if (ns === null || ns <= 0) return timedN;
  return Math.max(1, Math.min(timedN, Math.round((TRACE_BUDGET_S * 1e9) / ns)));
}

/** Traces every benchmark of every package, one run at a time, and sets each benchmark's `trace`. */
export async function runTracePasses(
  pkgs: { bin: string | null; dir: string; benchmarks: BenchmarkRun[] }[],
  tmp: string,
  opts: BenchOptions & { trace: TraceOptions },
): Promise<void> {
  const todo = pkgs.flatMap((p) => (p.bin ? p.benchmarks.map((b) => ({ bin: p.bin!, dir: p.dir, entry: b })) : []));
  if (todo.length === 0) return;
  const progress = opts.onProgress ?? (() => {});
  progress(say('cli.progress.buildingTracesum'));
  const tool = await traceSummaryTool(opts.trace.cacheDir, opts.trace.goVersion, opts.env);
  if ('error' in tool) {
    for (const t of todo) t.entry.trace = { figures: null, notes: [say('sweep.trace.toolError', { error: tool.error })] };
    return;
  }
  const iterations = new Map(todo.map((t) => [t.entry, traceIterations(t.entry)]));
  const same = todo.filter((t) => opts.trace.sameIterations?.includes(t.entry.result.name));
  if (same.length > 1) {
    const n = Math.min(...same.map((t) => iterations.get(t.entry)!));
    for (const t of same) iterations.set(t.entry, n);
  }
  try {
    let i = 0;
    for (const t of todo) {
      progress(say('cli.progress.tracing', { benchmark: t.entry.result.name }));
      t.entry.trace = await tracePass(
        t.bin,
        t.dir,
        opts,
        t.entry.result.name,
        iterations.get(t.entry)!,
        join(tmp, `t${++i}.trace`),
        tool.path,
      );
    }
    // A compared benchmark whose trace was too large was traced again with fewer ops: trace the others of the pair
    // with as many, so the pair's figures stay comparable row by row.
    const ops = same.map((t) => t.entry.trace?.figures?.ops ?? null);
    if (same.length > 1 && ops.every((n) => n !== null) && new Set(ops).size > 1) {
      const n = Math.min(...(ops as number[]));
      for (const t of same) {
        if (t.entry.trace!.figures!.ops === n) continue;
        progress(say('cli.progress.tracingAgain', { benchmark: t.entry.result.name }));
        const again = await tracePass(t.bin, t.dir, opts, t.entry.result.name, n, join(tmp, `t${++i}.trace`), tool.path, false);
        t.entry.trace = { ...again, notes: [say('sweep.trace.sameOps', { n }), ...again.notes] };
      }
    }
  } finally {
    await tool.cleanup();
  }
}

/** One benchmark's trace pass: the run, then the summary of the trace it wrote. */
export async function tracePass(
  bin: string,
  cwd: string,
  opts: BenchOptions,
  name: string,
  iterations: number,
  file: string,
  tool: string,
  again = true,
): Promise<TraceOutcome> {
  const exact = exactBenchPattern(name);
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
      `-test.trace=${file}`,
    ],
    { cwd, env: opts.env, timeoutMs: runLimitMs(opts.timeout) },
  );
  const notes: string[] = [];
  if (r.timedOut) return { figures: null, notes: [say('sweep.trace.timedOut', { n: iterations })] };
  if (r.code !== 0 || r.signal) notes.push(say('sweep.trace.exited', { n: iterations, status: exitStatus(r.code, r.signal) }));
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    size = 0;
  }
  if (size === 0) return { figures: null, notes: [...notes, say('sweep.trace.noFile')] };
  if (size > MAX_TRACE_BYTES && again && iterations > 1) {
    const fewer = Math.max(1, Math.floor((iterations * RETRACE_BYTES) / size));
    const r2 = await tracePass(bin, cwd, opts, name, fewer, file, tool, false);
    const mb = (size / 1e6).toFixed(1);
    return { ...r2, notes: [say('sweep.trace.fewer', { fewer, n: iterations, mb }), ...r2.notes] };
  }
  return summarise(tool, file, cwd, iterations, notes);
}

/** Runs go/tracesum on a trace file and reads what it prints; `notes` gains why, when there is no summary. */
export async function summarise(tool: string, file: string, cwd: string, iterations: number, notes: string[] = []): Promise<TraceOutcome> {
  const out: string[] = [];
  const err: string[] = [];
  const r = await run(tool, [file], {
    cwd,
    onStdoutLine: (l) => out.push(l),
    onStderrLine: (l) => err.push(l),
    timeoutMs: SUMMARY_LIMIT_MS,
  });
  if (r.timedOut) return { figures: null, notes: [...notes, say('sweep.trace.toolSlow', { s: SUMMARY_LIMIT_MS / 1000 })] };
  const parsed = parseTraceSummary(out.join('\n'));
  if (!parsed.ok) {
    const why = parsed.fromTool
      ? say('sweep.trace.undecodable', { error: parsed.error })
      : say('sweep.trace.unreadable', {
          status: exitStatus(r.code, r.signal),
          error: `${parsed.error}${err.length ? `; ${err.slice(0, 2).join('; ')}` : ''}`,
        });
    return { figures: null, notes: [...notes, why] };
  }
  const s = parsed.summary;
  if (s.mmu['10ms'] === null)
    notes.push(
      say(s.mmu['1ms'] === null ? 'sweep.trace.shortBoth' : 'sweep.trace.short10', {
        us: Math.round((s.windowEndNs - s.windowStartNs) / 1000),
      }),
    );
  return { figures: traceFigures(s, iterations), notes };
}
