// Runs benchmarks the way heapscope needs them, for every package with tests:
//   1. one test binary each, built beside the static analysis with the module's assembly listing;
//   2. a timing pass per binary, one at a time, with nothing else running: timings come only from here;
//   3. profiled runs with every allocation recorded (-test.memprofilerate=1) at two iteration counts N1 < N2
//      (or, where that would cost too much and --exact is not given, a sample of them: model/sampling.ts),
//      several at once since they are not timed: short top-level benchmarks together, split per benchmark,
//      the others alone. A line's allocations grow as setup + perOp × N, so the difference between the two
//      profiles divided by N2 − N1 is the exact per-op figure, whatever the benchmark does around its loop.
// What each step does with one binary is in test-binaries.ts.

import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { summarizeBenchmark } from '../model/stats.js';
import type { BenchmarkRun } from '../model/bench-report.js';
import type { AsmAllocCall, AsmListing, BenchPackage } from '../model/alloc-types.js';
import { trimInlineHash } from '../model/expressions.js';
import type { SymbolTable } from '../model/symbols.js';
import { listPackages, mainModulePath } from './go-list.js';
import { listErrorText } from '../parsers/go-list-json.js';
import { UsageError } from '../errors/errors.js';
import { safeText } from '../model/safe-text.js';
import { removeTempDir, tempDir } from './temp-dirs.js';
import { PIPE_DELAY_MS } from './process.js';
import { describeProblem, earlyExitMessage } from './bench-problems.js';
import { readFile } from 'node:fs/promises';
import { benchmarkFrame } from '../model/profile.js';
import { untimedLines } from '../parsers/timer-regions.js';
import { costPass } from './cost-pass.js';
import { runTracePasses } from './trace-pass.js';
import {
  buildTestBinary,
  GROUP_ITERATIONS,
  partAddsUp,
  groupIterations,
  profiledGroupRun,
  profiledRun,
  planFor,
  profiledPair,
  profileIterations,
  requestedIterations,
  readSymbols,
  libraryCalls,
  disassemble,
  resolveTool,
  type Tool,
  timingPass,
  type BenchOptions,
  type ListingParse,
} from './test-binaries.js';
import { t } from '../i18n/t.js';

export type { BenchOptions };
export { buildTestBinary, exactBenchPattern, profileIterations } from './test-binaries.js';
export { parseGoDuration } from '../parsers/go-duration.js';

export interface PackageBenchRun {
  importPath: string;
  dir: string;
  errors: string[];
  /** Things worth saying that are not failures (a skipped benchmark). */
  notes: string[];
  parsed: BenchPackage | null;
  benchmarks: BenchmarkRun[];
  asm: AsmAllocCall[];
  /** With BenchOptions.listings: the functions that allocate, instruction by instruction. */
  listings: AsmListing[];
  /** The test binary's text symbols (go tool nm), to relate the profiles' addresses to the listing's calls. */
  symbols: SymbolTable | null;
  /** Allocation calls of the library functions the profiles saw allocate, from the binary's disassembly. */
  libraryAsm: AsmAllocCall[];
}

/** Test binaries built for a bench run, in a temporary directory that close() removes. */
export interface BenchSession {
  packages: (PackageBenchRun & { bin: string | null; listing?: () => Promise<ListingParse> })[];
  /** The tools that read the binaries, found when the timing passes are over (runBenchmarks). */
  tools: { nm: Tool; objdump: Tool } | null;
  close(): Promise<void>;
}

/** Runs tasks with at most `limit` at once, in order of start, including tasks added while it runs. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  // A task can add tasks (a benchmark that must be profiled alone after all): run until none is left.
  while (next < items.length) await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length - next)) }, worker));
}

/**
 * Lists the packages with tests and builds their test binaries, each with the assembly listing of every package
 * of the module it links (so a line in any of them is typed). Run beside the static analysis: neither is timed.
 */
export async function prepareBenchmarks(opts: BenchOptions): Promise<BenchSession> {
  const progress = opts.onProgress ?? (() => {});
  const listed = await listPackages({ dir: opts.dir, env: opts.env, patterns: opts.patterns, tags: opts.tags });
  // cli/bench.ts names only packages with matching benchmarks (bench-packages.ts); explain names the line's own
  // package, whose test binary it needs for the listing even when it runs no benchmark.
  const pkgs = listed.filter((p) => p.TestGoFiles?.length || p.XTestGoFiles?.length || p.Error);
  const modulePath = mainModulePath(listed);
  const tmp = tempDir('heapscope-bench-');
  const session: BenchSession = {
    packages: [],
    tools: null,
    close: () => removeTempDir(tmp),
  };
  try {
    let i = 0;
    for (const p of pkgs) {
      i++;
      const pr: BenchSession['packages'][number] = {
        importPath: p.ImportPath,
        dir: p.Dir ?? opts.dir,
        errors: [],
        notes: [],
        parsed: null,
        benchmarks: [],
        asm: [],
        listings: [],
        symbols: null,
        libraryAsm: [],
        bin: null,
      };
      session.packages.push(pr);
      if (p.Error) {
        pr.errors.push(listErrorText(p.Error));
        continue;
      }
      progress(t('cli.progress.buildingTests', { package: p.ImportPath, i, n: pkgs.length }));
      const bin = join(tmp, `pkg${i}.test`);
      const built = await buildTestBinary({ ...opts, modulePath }, p.ImportPath, bin);
      pr.listing = built.asm;
      if (built.error) pr.errors.push(built.error);
      else pr.bin = bin;
    }
  } catch (e) {
    await session.close();
    throw e;
  }
  return session;
}

/**
 * Times every package's benchmarks, one binary at a time (nothing else runs meanwhile), then profiles them: the
 * profiled runs and the symbol tables, several at once, since they are not timed. onTimed is called when the last
 * timing pass is over.
 */
export async function runBenchmarks(session: BenchSession, opts: BenchOptions, onTimed?: () => void): Promise<PackageBenchRun[]> {
  const progress = opts.onProgress ?? (() => {});
  const requested = requestedIterations(opts.benchtime);
  const jobs: (() => Promise<void>)[] = [];
  let profiles = 0;
  // A package's library functions are disassembled as soon as its last profile is in, beside the other
  // packages' profiled runs and its own symbol table: the listing is parsed once both are there.
  const disassembly = new Map<BenchSession['packages'][number], Promise<string[]>>();
  const profileJob = (pr: BenchSession['packages'][number], bin: string, job: () => Promise<void>): void => {
    pending.set(pr, (pending.get(pr) ?? 0) + 1);
    jobs.push(async () => {
      try {
        await job();
      } finally {
        const left = pending.get(pr)! - 1;
        pending.set(pr, left);
        if (left === 0)
          disassembly.set(
            pr,
            listed.get(pr)!.then(() => disassemble(bin, pr.dir, opts.env, tools.objdump, librarySymbols(pr))),
          );
      }
    });
  };
  const pending = new Map<BenchSession['packages'][number], number>();
  for (const pr of session.packages) {
    const bin = pr.bin;
    if (!bin) continue;
    progress(t('cli.progress.timing', { package: pr.importPath }));
    const timing = await timingPass(bin, pr.dir, opts);
    pr.parsed = timing.parsed;
    // Go's regexp package is the judge of --bench: what the check before the build let through (a Unicode class
    // name it does not know) the test binary refuses before it runs anything, and that is bad usage too.
    const invalid = timing.earlyExit?.tail
      .map((l) => /^testing: invalid regexp for .*-test\.bench .*?: (error parsing regexp: .*)$/.exec(l))
      .find((m) => m !== null);
    if (invalid)
      throw new UsageError(t('cli.err.badBenchRegexp', { flag: '--bench', value: safeText(opts.bench), goText: safeText(invalid[1]!) }));
    if (timing.earlyExit) pr.errors.push(earlyExitMessage(timing.earlyExit.status, timing.earlyExit.tail));
    if (timing.timedOut && !timing.parsed?.problems.some((x) => x.kind === 'timeout')) {
      pr.errors.push(t('cli.bench.timedOut', { timeout: opts.timeout }));
    }
    if (timing.outputCut) {
      pr.notes.push(t('sweep.bench.outputCut', { s: PIPE_DELAY_MS / 1000 }));
    }
    for (const prob of timing.parsed?.problems ?? []) {
      const d = describeProblem(prob);
      if (d) (d.note ? pr.notes : pr.errors).push(d.text);
    }
    const results = timing.parsed?.benchmarks ?? [];
    // A result of 0 iterations with nothing else said: the benchmark's goroutine died (a panic lets the testing
    // package print the result and PASS before the runtime prints the panic, and the binary can exit 0 first).
    const spoken = new Set((timing.parsed?.problems ?? []).map((p) => p.benchmark));
    for (const r of results) {
      if (r.runs.every((run) => run.iterations === 0) && !spoken.has(r.name)) {
        pr.errors.push(t('cli.bench.measuredNothing', { benchmark: r.name }));
      }
    }
    if (results.length === 0) continue; // no benchmark matched here
    // The symbol table is read beside the profiled runs: only the attribution needs it.
    jobs.push(async () => {
      pr.symbols = await readSymbols(bin, pr.dir, opts.env, tools.nm);
    });
    // A benchmark that died in its timed run can still print a line with 0 iterations: nothing was measured.
    const dir = dirname(bin);
    const file = (): string => join(dir, `p${++profiles}.pprof`);
    const alone: { entry: BenchmarkRun; n1: number; n2: number; rate?: number; budget?: number | null }[] = [];
    const together: BenchmarkRun[] = [];
    const costs: number[] = [];
    for (const r of results.filter((x) => x.runs.some((run) => run.iterations > 0))) {
      const s = summarizeBenchmark(r);
      const entry: BenchmarkRun = { package: pr.importPath, result: r, low: null, high: null };
      pr.benchmarks.push(entry);
      // Nothing allocated in the timed runs, not even a byte: there is nothing to attribute.
      if (s['allocs/op']?.max === 0 && s['B/op']?.max === 0) {
        entry.skipped = t('sweep.bench.notProfiled');
        continue;
      }
      const plan = planFor(r, requested, !!opts.exact);
      const [n1, n2] = plan.iterations;
      const cost = ((s['ns/op']?.median ?? 1e6) * 1e-9 + (s['allocs/op']?.median ?? 1) * 1e-5) * GROUP_ITERATIONS[1];
      if (plan.rate === 1 && !r.name.includes('/') && cost < 0.1) {
        together.push(entry);
        costs.push(cost / GROUP_ITERATIONS[1]);
      } else alone.push({ entry, n1, n2, rate: plan.rate, budget: plan.budget });
    }
    const profileAlone = (x: { entry: BenchmarkRun; n1: number; n2: number; rate?: number; budget?: number | null }) => {
      const [f1, f2] = [file(), file()];
      // Without --exact, one run after the other: the longer one samples if the shorter overran (profiledPair).
      if (x.budget) {
        const plan = { iterations: [x.n1, x.n2] as [number, number], rate: x.rate ?? 1, budget: x.budget };
        profileJob(pr, bin, async () => {
          progress(t('cli.progress.profiling', { benchmark: x.entry.result.name }));
          Object.assign(x.entry, await profiledPair(bin, pr.dir, opts, x.entry.result.name, plan, [f1, f2]));
          await readUntimed(x.entry);
        });
        return;
      }
      profileJob(pr, bin, async () => {
        progress(t('cli.progress.profiling', { benchmark: x.entry.result.name }));
        x.entry.low = await profiledRun(bin, pr.dir, opts, x.entry.result.name, x.n1, f1, x.rate);
        await readUntimed(x.entry);
      });
      profileJob(pr, bin, async () => {
        x.entry.high = await profiledRun(bin, pr.dir, opts, x.entry.result.name, x.n2, f2, x.rate);
      });
    };
    for (const x of alone) profileAlone(x);
    if (together.length === 1) {
      const e = together[0]!;
      profileAlone({ entry: e, ...iterationsOf(e, requested) });
    } else if (together.length > 1) {
      // Short top-level benchmarks are profiled together, one pair of runs for all, and split by the frames of
      // each benchmark; a benchmark whose part does not add up to what it measured is profiled alone after all.
      const [f1, f2] = [file(), file()];
      const names = together.map((e) => e.result.name);
      const [g1, g2] = groupIterations(costs, requested);
      type Group = Awaited<ReturnType<typeof profiledGroupRun>>;
      const group: { low: Group | null; high: Group | null } = { low: null, high: null };
      const settle = async (): Promise<void> => {
        if (!group.low || !group.high) return;
        // Allocations under no benchmark's frame that grow with N: a goroutine a benchmark started, whose stack
        // begins at its own function. A memory profile keeps neither the goroutine's creator nor its labels, so
        // which benchmark it belongs to cannot be told: each is profiled alone, where the whole process is its own.
        const foreign = group.high.foreign - group.low.foreign >= MIN_FOREIGN_APART;
        for (const e of together) {
          const low = group.low.parts.get(e.result.name);
          const high = group.high.parts.get(e.result.name);
          if (!foreign && low && high && partAddsUp(low, high)) {
            Object.assign(e, { low, high });
            await readUntimed(e);
          } else {
            profileAlone({ entry: e, ...iterationsOf(e, requested) });
          }
        }
      };
      profileJob(pr, bin, async () => {
        progress(t('cli.progress.profilingMany', { n: names.length, package: pr.importPath }));
        group.low = await profiledGroupRun(bin, pr.dir, opts, names, g1, f1);
        await settle();
      });
      profileJob(pr, bin, async () => {
        group.high = await profiledGroupRun(bin, pr.dir, opts, names, g2, f2);
        await settle();
      });
    }
  }
  // The cost pass runs alone too (its gctrace pauses are wall-clock times), before anything else starts.
  const first = session.packages.find((p) => p.bin !== null);
  if (opts.cost && first) await costPass(session.packages, opts, dirname(first.bin!));
  // The trace passes are timed too (pauses, utilisation): one at a time, before anything else starts.
  if (opts.trace && session.packages.some((p) => p.bin)) {
    await runTracePasses(session.packages, dirname(session.packages.find((p) => p.bin)!.bin!), { ...opts, trace: opts.trace });
  }
  // Nothing is timed from here on: the caller may start other work now. The tools are found only now, as each
  // `go tool -n` takes the cores for 0.1–0.2 s, which the builds need more.
  onTimed?.();
  // The listings are parsed now, beside the profiled runs; a package's disassembly waits for its own.
  const listed = new Map(
    session.packages.map((pr) => [
      pr,
      (pr.listing?.() ?? Promise.resolve({ calls: pr.asm, listings: pr.listings })).then((parsed) => {
        pr.asm = parsed.calls;
        pr.listings = parsed.listings;
      }),
    ]),
  );
  const tools = (session.tools ??= {
    nm: resolveTool('nm', opts.dir, opts.env, opts.toolPaths ?? null),
    objdump: resolveTool('objdump', opts.dir, opts.env, opts.toolPaths ?? null),
  });
  // One more than the cores: a short profiled run spends much of its life starting and writing its profile.
  await pool(jobs, opts.parallel ?? availableParallelism() + 1, (job) => job());
  // The library functions that allocated, read from the binary, so their allocations are typed too.
  await Promise.all(listed.values());
  for (const [pr, lines] of disassembly) if (pr.symbols) pr.libraryAsm = libraryCalls(await lines, pr.symbols);
  return session.packages.map(({ bin: _bin, listing: _listing, ...pr }) => pr);
}

/**
 * The functions outside the listing where the profiles saw an allocation made: the function whose code holds the
 * innermost frame's address (its location's outermost frame), as the profile names it.
 */
function librarySymbols(pr: PackageBenchRun): string[] {
  const generic = (s: string): string => trimInlineHash(s).replace(/\[.*?\](?=\.|$)/g, '[...]');
  const listed = new Set(pr.asm.map((c) => generic(c.function)));
  const names = new Set<string>();
  for (const b of pr.benchmarks) {
    for (const p of [b.low?.profile, b.high?.profile]) {
      for (const s of p?.samples ?? []) {
        const fn = s.stack.find((f) => f.physical)?.function;
        if (fn && !listed.has(generic(fn)) && !fn.startsWith('runtime.')) names.add(fn);
        if (names.size >= 300) return [...names];
      }
    }
  }
  return [...names];
}

function iterationsOf(e: BenchmarkRun, requested: number | null): { n1: number; n2: number } {
  const s = summarizeBenchmark(e.result);
  const [n1, n2] = profileIterations(s['ns/op']?.median ?? 1000, s['allocs/op']?.median ?? 1, requested);
  return { n1, n2 };
}

/** Allocations apart between a group's two runs, under no benchmark's frame, that make the split unsafe. */
const MIN_FOREIGN_APART = 10;

/** Reads which lines of the benchmark function run outside the timer (parsers/timer-regions.ts), from the source
 * file its profile names. */
async function readUntimed(e: BenchmarkRun): Promise<void> {
  const profile = e.low?.profile ?? e.high?.profile;
  const top = e.result.name.split('/')[0]!;
  const f = profile ? benchmarkFrame(profile, top) : null;
  if (!f || !f.file) return;
  const bytes = await readFile(f.file).then(
    (b) => new Uint8Array(b),
    () => null,
  );
  if (!bytes) return;
  const lines = untimedLines(bytes, top);
  if (lines.length) e.untimed = { file: f.file, function: f.function, lines };
}
