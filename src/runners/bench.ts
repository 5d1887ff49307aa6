// Runs benchmarks the way heapscope needs them, per package:
//   1. one test binary, built with -gcflags=-S so the assembly listing (which types are allocated where)
//      comes with the build at no extra compile;
//   2. a timing pass: the binary with -test.benchmem, nothing else; timings come only from here;
//   3. two profiling passes per benchmark with every allocation recorded (-test.memprofilerate=1) and fixed
//      iteration counts N1 < N2. A line's allocations grow as setup + perOp × N, so the difference between the
//      two profiles divided by N2 − N1 is the exact per-op figure, whatever the benchmark does around its loop
//      (b.N = 1 probe, setup, b.Loop).
// Temporary files live in one temporary directory, removed at the end.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsmTextParser } from '../parsers/asm-text.js';
import { BenchTextParser } from '../parsers/bench-text.js';
import { summarizeBenchmark } from '../model/stats.js';
import { parseMemProfile } from '../parsers/pprof.js';
import type { BenchmarkRun, ProfiledRun } from '../model/bench-report.js';
import type { AsmAllocCall, BenchPackage } from '../model/alloc-types.js';
import { GO_LIST_FIELDS, GoListJsonParser, type GoListPackage } from '../parsers/go-list-json.js';
import { NoPackagesError } from '../errors/errors.js';
import { run } from './process.js';
import { firstGoError } from './go-env.js';

export interface BenchOptions {
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
  resolveFile: (printed: string) => string;
  onProgress?: (msg: string) => void;
}

export interface PackageBenchRun {
  importPath: string;
  dir: string;
  errors: string[];
  /** Things worth saying that are not failures (a skipped benchmark). */
  notes: string[];
  parsed: BenchPackage | null;
  benchmarks: BenchmarkRun[];
  asm: AsmAllocCall[];
}

/** Parses a Go duration (`10m`, `90s`, `1h30m`, `500ms`) into milliseconds; null if it is not one. */
export function parseGoDuration(s: string): number | null {
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  let total = 0;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(s))) {
    total += Number(m[1]) * unit[m[2]!]!;
    end = re.lastIndex;
  }
  return end === s.length && s.length > 0 ? total : null;
}

function quoteRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `-test.bench` pattern matching exactly one benchmark, sub-benchmarks included (`^A$/^b=1$`). */
export function exactBenchPattern(name: string): string {
  return name
    .split('/')
    .map((p) => `^${quoteRe(p)}$`)
    .join('/');
}

/** Iteration counts for the profiled runs: long enough to dwarf setup, short enough under memprofilerate=1. */
export function profileIterations(nsPerOp: number, allocsPerOp: number): [number, number] {
  // Recording every allocation costs about a microsecond each.
  const perOp = nsPerOp * 1e-9 + allocsPerOp * 1.5e-6;
  const high = Math.max(200, Math.min(20000, Math.round(0.25 / Math.max(perOp, 1e-9))));
  return [Math.max(20, Math.round(high / 4)), high];
}

async function listTestPackages(opts: BenchOptions): Promise<GoListPackage[]> {
  const args = ['list', '-e', `-json=${GO_LIST_FIELDS}`];
  if (opts.tags) args.push(`-tags=${opts.tags}`);
  args.push('--', ...opts.patterns);
  const parser = new GoListJsonParser();
  const stderr: string[] = [];
  await run('go', args, { cwd: opts.dir, env: opts.env, onStdoutLine: (l) => parser.push(l), onStderrLine: (l) => stderr.push(l) });
  const pkgs = parser.end().packages;
  if (pkgs.length === 0 || pkgs.every((p) => p.Error && !p.GoFiles?.length && !p.TestGoFiles?.length)) {
    const first = pkgs[0]?.Error?.Err.split('\n')[0] ?? firstGoError(stderr);
    throw new NoPackagesError(first?.replace(/^go: /, '') ?? `no packages match ${opts.patterns.join(' ')}`);
  }
  return pkgs;
}

export async function runBenchmarks(opts: BenchOptions): Promise<PackageBenchRun[]> {
  const progress = opts.onProgress ?? (() => {});
  const pkgs = (await listTestPackages(opts)).filter((p) => p.TestGoFiles?.length || p.XTestGoFiles?.length || p.Error);
  const timeoutMs = parseGoDuration(opts.timeout) ?? 600000;
  const tmp = await mkdtemp(join(tmpdir(), 'heapscope-bench-'));
  const out: PackageBenchRun[] = [];
  try {
    let i = 0;
    let profiles = 0;
    for (const p of pkgs) {
      i++;
      const pr: PackageBenchRun = {
        importPath: p.ImportPath,
        dir: p.Dir ?? opts.dir,
        errors: [],
        notes: [],
        parsed: null,
        benchmarks: [],
        asm: [],
      };
      out.push(pr);
      if (p.Error) {
        pr.errors.push(p.Error.Err.trim());
        continue;
      }
      progress(`building ${p.ImportPath} (${i}/${pkgs.length})`);
      const bin = join(tmp, `pkg${i}.test`);
      const built = await buildTestBinary(opts, p.ImportPath, bin);
      pr.asm = built.asm;
      if (built.error) {
        pr.errors.push(built.error);
        continue;
      }

      progress(`timing ${p.ImportPath} benchmarks`);
      const timing = await timingPass(bin, pr.dir, opts, timeoutMs);
      pr.parsed = timing.parsed;
      if (timing.timedOut && !timing.parsed?.problems.some((x) => x.value?.startsWith('did not finish'))) {
        pr.errors.push(`benchmarks did not finish within --timeout ${opts.timeout}; the test binary was killed`);
      }
      for (const prob of timing.parsed?.problems ?? []) {
        if (prob.kind === 'log') continue;
        const who = prob.benchmark ?? 'a benchmark';
        const what = prob.kind === 'panic' ? `panicked: ${prob.value ?? ''}` : prob.kind === 'fail' ? 'failed' : 'was skipped';
        const msg = prob.messages.find((m) => m.trim() !== '');
        (prob.kind === 'skip' ? pr.notes : pr.errors).push(`${who} ${what}${msg && prob.kind !== 'panic' ? `: ${msg.trim()}` : ''}`);
      }
      const results = timing.parsed?.benchmarks ?? [];
      if (results.length === 0 && pr.errors.length === 0) continue; // no benchmark matched here

      // A benchmark that died in its timed run can still print a line with 0 iterations: nothing was measured.
      for (const r of results.filter((x) => x.runs.some((run) => run.iterations > 0))) {
        const s = summarizeBenchmark(r);
        const [n1, n2] = profileIterations(s['ns/op']?.median ?? 1000, s['allocs/op']?.median ?? 1);
        progress(`profiling ${r.name}`);
        // Each run writes its own file: a run that writes none must not find an earlier benchmark's profile.
        const low = await profiledRun(bin, pr.dir, opts, r.name, n1, join(tmp, `p${++profiles}.pprof`), timeoutMs);
        const high = await profiledRun(bin, pr.dir, opts, r.name, n2, join(tmp, `p${++profiles}.pprof`), timeoutMs);
        pr.benchmarks.push({ package: p.ImportPath, result: r, low, high });
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return out;
}

/** Builds a package's test binary with the assembly listing; the listing is parsed as it streams. */
export async function buildTestBinary(
  opts: Pick<BenchOptions, 'dir' | 'env' | 'tags' | 'resolveFile'>,
  importPath: string,
  bin: string,
): Promise<{ asm: AsmAllocCall[]; error: string | null }> {
  const asm = new AsmTextParser({ resolveFile: opts.resolveFile });
  const buildErr: string[] = [];
  const build = await run('go', ['test', '-c', '-o', bin, '-gcflags=-S', ...(opts.tags ? [`-tags=${opts.tags}`] : []), importPath], {
    cwd: opts.dir,
    env: opts.env,
    onStderrLine: (l) => {
      // Compiler errors are position lines that are not assembly; keep them for the report.
      if (/^\S.*:\d+:\d+: /.test(l) || l.startsWith('go: ') || l.startsWith('FAIL')) buildErr.push(l);
      asm.push(l);
    },
    onStdoutLine: (l) => {
      if (l.startsWith('FAIL') || l.startsWith('go: ')) buildErr.push(l);
    },
  });
  const calls = asm.end().calls;
  if (build.code === 0) return { asm: calls, error: null };
  return {
    asm: calls,
    error: buildErr.length ? `test binary does not compile:\n${buildErr.join('\n')}` : `go test -c failed (exit ${build.code})`,
  };
}

const top = (name: string): string => name.split('/')[0]!;

/**
 * The timing pass. A panic or a timeout ends the test binary, and with it every benchmark after the one that
 * died: the pass is resumed with the benchmarks that have not run yet, so one bad benchmark costs only itself.
 */
async function timingPass(
  bin: string,
  cwd: string,
  opts: BenchOptions,
  timeoutMs: number,
): Promise<{ parsed: BenchPackage | null; timedOut: boolean }> {
  const slash = opts.bench.indexOf('/');
  const sub = slash >= 0 ? opts.bench.slice(slash) : '';
  let pattern = opts.bench;
  let merged: BenchPackage | null = null;
  let timedOut = false;
  let listed: string[] | null = null;
  let previous = Infinity;
  for (let round = 0; round < 50; round++) {
    const r = await runBinary(
      bin,
      cwd,
      opts,
      [
        '-test.run=^$',
        `-test.bench=${pattern}`,
        '-test.benchmem',
        '-test.v',
        `-test.count=${opts.count}`,
        ...(opts.benchtime ? [`-test.benchtime=${opts.benchtime}`] : []),
        `-test.timeout=${opts.timeout}`,
      ],
      timeoutMs,
    );
    timedOut ||= r.timedOut;
    // A panic the output did not tie to a name belongs to the benchmark that was running.
    for (const prob of r.parsed?.problems ?? []) if (prob.kind === 'panic' && !prob.benchmark) prob.benchmark = r.lastName;
    if (r.timedOut && r.parsed) {
      if (!r.lastName) {
        merged ??= r.parsed;
        break;
      }
      r.parsed.problems.push({
        kind: 'panic',
        benchmark: r.lastName,
        printedName: null,
        value: `did not finish within --timeout ${opts.timeout}; killed`,
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
        kind: 'panic',
        benchmark: running,
        printedName: null,
        value: `the test binary exited with status ${r.code ?? '?'}`,
        messages: [],
        line: 0,
      });
    }
    if (listed === null) {
      listed = [];
      await run(bin, ['-test.list', slash >= 0 ? opts.bench.slice(0, slash) : opts.bench], {
        cwd,
        env: opts.env,
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
  return { parsed: merged, timedOut };
}

async function runBinary(
  bin: string,
  cwd: string,
  opts: BenchOptions,
  args: string[],
  timeoutMs: number,
): Promise<{ parsed: BenchPackage | null; timedOut: boolean; code: number | null; lastName: string | null }> {
  const parser = new BenchTextParser();
  // The benchmark running when the binary was stopped is the last name it printed.
  let lastName: string | null = null;
  const onLine = (l: string): void => {
    const m = /^(Benchmark[^\s/]*)/.exec(l);
    if (m) lastName = m[1]!.replace(/-\d+$/, '');
    parser.push(l);
  };
  // A hard stop a little after the binary's own -test.timeout, which prints a goroutine dump first.
  const ro = { cwd, env: opts.env, onStdoutLine: onLine, onStderrLine: onLine, timeoutMs: timeoutMs + 5000 };
  // Results go to stdout and a panic to stderr: read from two pipes, a panic can be read before the results
  // printed ahead of it (under load), and the parser then files them under the wrong benchmark or drops them.
  // One pipe for both keeps the order the binary wrote in, as go test does.
  const r = process.platform === 'win32' ? await run(bin, args, ro) : await run('/bin/sh', ['-c', 'exec "$0" "$@" 2>&1', bin, ...args], ro);
  const parsed = parser.end();
  return { parsed: parsed.packages[0] ?? null, timedOut: r.timedOut, code: r.code, lastName };
}

async function profiledRun(
  bin: string,
  cwd: string,
  opts: BenchOptions,
  name: string,
  iterations: number,
  file: string,
  timeoutMs: number,
): Promise<ProfiledRun> {
  const r = await runBinary(
    bin,
    cwd,
    opts,
    [
      '-test.run=^$',
      `-test.bench=${exactBenchPattern(name)}`,
      '-test.benchmem',
      '-test.count=1',
      `-test.benchtime=${iterations}x`,
      `-test.timeout=${opts.timeout}`,
      `-test.memprofile=${file}`,
      '-test.memprofilerate=1',
    ],
    timeoutMs,
  );
  const res = r.parsed?.benchmarks.find((b) => b.name === name)?.runs[0];
  const base = { iterations, allocsPerOp: res?.metrics['allocs/op'] ?? null, bytesPerOp: res?.metrics['B/op'] ?? null };
  if (r.timedOut) return { ...base, profile: null, error: 'the profiled run did not finish in time' };
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return { ...base, profile: null, error: `no memory profile was written (exit ${r.code})` };
  }
  const p = parseMemProfile(data);
  return p.ok ? { ...base, profile: p.profile, error: null } : { ...base, profile: null, error: `memory profile unreadable: ${p.error}` };
}
