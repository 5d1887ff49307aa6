// heapscope bench: runs benchmarks and attributes every allocs/op to the line, type and compiler decision that
// make it. The test binaries are built, then the benchmarks timed with nothing else running, then profiled
// several at once beside the static analysis.

import { focusModel, joinRun } from './load-model.js';
import { openOutput } from './output.js';
import { relative } from 'node:path';
import { applyDefaults, type GivenFlags } from './config-defaults.js';
import { loadConfig } from '../runners/config.js';
import { checkBudgets } from '../model/budgets.js';
import { UsageError } from '../errors/errors.js';
import { pageSourceReader } from '../runners/page-sources.js';
import type { SourceAccess } from '../runners/source-access.js';
import { pageAssets } from '../runners/page-assets.js';
import { nameBenchLines, nameContext } from '../join/go-names.js';
import { filePackages } from '../join/file-packages.js';
import { writeMeasured } from '../cache/measured-store.js';
import type { MeasuredCosts, MeasuredSite } from '../model/measured.js';
import { pathKind } from '../model/paths.js';
import { checkFiltersMatch, checkFocusFlags, type FocusFlags } from './focus-flags.js';
import { filterBenchReport } from '../model/filters.js';
import { executePlan, planAnalysis } from '../runners/analyze.js';
import type { AnalysisModel } from '../model/types.js';
import { reporter } from '../reporters/registry.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import { ToolPaths } from '../cache/tool-paths.js';
import { ModulePaths } from '../runners/paths.js';
import { parseGoDuration, prepareBenchmarks, runBenchmarks, type PackageBenchRun } from '../runners/bench.js';
import { moduleRoot, readGoEnv } from '../runners/go-env.js';
import { listPackages } from '../runners/go-list.js';
import { benchPackages } from '../runners/bench-packages.js';
import { attributeAll } from '../join/attribute.js';
import { joinCpuCost } from '../join/cpu-cost.js';
import { joinGcCost } from '../join/gc-cost.js';
import { cpuFlameGraph } from '../model/cpu-flame.js';
import type { BenchReport } from '../model/bench-report.js';
import { commandLine, phaseTimer, progressPrinter, useColor, type CliIO } from './terminal.js';
import type { Outcome } from './outcome.js';
import { checkBenchPattern, checkBenchtime, checkCostTime, checkCount, checkTimeout, commandDir } from './flag-checks.js';
import { measuredCost } from '../join/focus.js';
import { safeText } from '../model/safe-text.js';
import { joinTrace } from '../model/trace-summary.js';
import { compareBenchmarks } from '../model/compare.js';
import { compareSelection } from './compare-flags.js';

export interface BenchFlags extends FocusFlags, GivenFlags {
  C?: string;
  tags?: string;
  bench: string;
  count: string;
  benchtime?: string;
  timeout: string;
  format: string;
  output?: string;
  check?: boolean;
  /** Record every allocation in the profiled runs (model/sampling.ts): never sample. */
  exact?: boolean;
  cache: boolean;
  /** --no-cost: false; the cost pass (runners/cost-pass.ts) runs unless so. */
  cost?: boolean;
  /** --cost-time: how long the cost pass runs each benchmark at most (a Go duration). */
  costTime?: string;
  color?: boolean;
  progress?: boolean;
  /** A trace pass per benchmark (runners/trace-pass.ts). */
  trace?: boolean;
  /** Two benchmark names to set side by side (cli/compare-flags.ts). */
  compare?: string[];
}

export async function runBench(patterns: string[], flags: BenchFlags, io: CliIO): Promise<Outcome> {
  // Every flag is checked before anything is built: a bad one is a usage error, not a run that ends elsewhere.
  const dir = commandDir(io.cwd, flags.C);
  const config = loadConfig(dir, io.cwd);
  applyDefaults(flags, config, ['tags', 'bench', 'benchtime', 'count', 'timeout']);
  if (flags.check && !config)
    throw new UsageError('--check needs budgets: no heapscope.json, heapscope.yaml or heapscope.yml at the module root');
  const count = checkCount(flags.count);
  checkTimeout(flags.timeout);
  if (flags.costTime !== undefined) checkCostTime(flags.costTime);
  if (flags.benchtime !== undefined) checkBenchtime(flags.benchtime);
  checkBenchPattern(flags.bench);
  const choice = checkFocusFlags(flags);
  const render = reporter(flags.format).bench;
  // --format offers only the formats that render a benchmark report (formatsFor).
  if (!render) throw new Error(`--format ${flags.format} does not render benchmarks`);
  const out = openOutput(io, flags.output, flags.format);
  const onProgress = progressPrinter(io, flags.progress);
  const given = patterns.length ? patterns : ['./...'];
  const mark = phaseTimer(io);
  const goEnv = await readGoEnv(dir, io.env);
  // Only the packages whose tests declare a benchmark --bench selects are built, analysed and run.
  const listed = await listPackages({ dir, env: io.env, patterns: given, tags: flags.tags });
  const compare = compareSelection(
    flags.compare,
    listed.filter((p) => !p.DepOnly && !p.Error),
    flags.bench,
    flags.given?.has('bench') ?? false,
  );
  if (compare) flags.bench = compare.bench;
  const chosen = benchPackages(
    listed.filter((p) => !p.DepOnly && (p.TestGoFiles?.length || p.XTestGoFiles?.length || p.Error)),
    flags.bench,
  );
  if (chosen.length === 0) {
    onProgress?.done();
    io.stderr(`heapscope: no benchmark matches --bench ${safeText(flags.bench)} in ${safeText(given.join(' '))}\n`);
    return 'partial';
  }
  const pats = chosen.map((p) => p.ImportPath);
  mark(`${chosen.length} of ${listed.filter((p) => !p.DepOnly).length} packages have matching benchmarks`);
  const modulePaths = new ModulePaths(moduleRoot(goEnv, dir), dir);
  const resolveFile = (p: string): string => modulePaths.printed(p);
  const benchOpts = {
    listings: flags.format === 'html',
    dir,
    root: modulePaths.root,
    patterns: pats,
    bench: flags.bench,
    count,
    benchtime: flags.benchtime,
    timeout: flags.timeout,
    tags: flags.tags,
    env: io.env,
    toolPaths: flags.cache ? ToolPaths.in(defaultCacheDir(io.env), JSON.stringify([goEnv.goroot, goEnv.version, goEnv.gocache])) : null,
    resolveFile,
    onProgress,
    cost: flags.cost !== false,
    ...(flags.costTime !== undefined ? { costSeconds: parseGoDuration(flags.costTime)! / 1000 } : {}),
    exact: !!flags.exact,
    ...(flags.trace
      ? {
          trace: {
            cacheDir: flags.cache ? defaultCacheDir(io.env) : null,
            goVersion: goEnv.version,
            ...(compare ? { sameIterations: compare.names } : {}),
          },
        }
      : {}),
  };
  // The test binaries are built first, then timed with nothing else running. The static analysis (of the named
  // packages and the module's packages they import) is planned beside the builds (go list and the content keys
  // are light, and a link leaves a core idle); its compiling or loading and the join start when the timing is
  // over, beside the profiled runs, none of which is timed: earlier, they would take cores the builds need.
  const planned = planAnalysis({
    dir,
    patterns: pats,
    tags: flags.tags,
    tests: true,
    moduleDeps: true,
    cacheDir: flags.cache ? defaultCacheDir(io.env) : null,
    env: io.env,
    onProgress,
    goEnv,
  }).then(
    (plan) => ({ plan }),
    (error: unknown) => ({ error }),
  );
  const session = await prepareBenchmarks(benchOpts);
  mark('test binaries built');
  type Loaded = { ok: { model: AnalysisModel; sources: SourceAccess } } | { error: unknown };
  let analysis: Promise<Loaded> | null = null;
  const analyse = (): void => {
    analysis ??= planned.then((p): Promise<Loaded> | Loaded =>
      'error' in p
        ? p
        : executePlan(p.plan).then(
            async (run) => {
              const model = joinRun(run);
              await focusModel(model, run, { cacheDir: flags.cache ? defaultCacheDir(io.env) : null, env: io.env });
              return { ok: { model, sources: run.sources } };
            },
            (error: unknown) => ({ error }),
          ),
    );
  };
  let runs: PackageBenchRun[];
  try {
    runs = await runBenchmarks(session, benchOpts, analyse);
  } finally {
    await session.close();
  }
  analyse(); // when no timing pass ran
  const loaded = await analysis!;
  if ('error' in loaded) throw loaded.error;
  const { model, sources } = loaded.ok;
  checkFiltersMatch(model, choice.filters, dir);
  mark('benchmarks timed and profiled');
  onProgress?.done();
  const report: BenchReport = { schemaVersion: 1, go: model.go, root: model.root, benchmarks: [], packages: [] };
  if (flags.format === 'html') report.listings = runs.flatMap((pr) => pr.listings);
  for (const pr of runs) {
    report.packages.push({ importPath: pr.importPath, dir: pr.dir, errors: pr.errors, notes: pr.notes });
    const reps = attributeAll({ model, asm: pr.asm, libraryAsm: pr.libraryAsm, resolve: resolveFile, symbols: pr.symbols }, pr.benchmarks);
    reps.forEach((rep, i) => {
      const run = pr.benchmarks[i]!;
      const cost = run.cost;
      joinCpuCost(rep, cost, resolveFile);
      joinGcCost(rep, cost, model.go.version, { GOGC: io.env.GOGC, GOMEMLIMIT: io.env.GOMEMLIMIT });
      if (cost?.profile) rep.cpuFlame = cpuFlameGraph(rep.name, cost.profile, cost.ops, resolveFile);
      else if (cost?.cpuSkipped || cost?.noAllocation) rep.cpuFlame = null;
      joinTrace(rep, run);
    });
    report.benchmarks.push(...reps);
  }
  const ctx = nameContext(
    model,
    () => undefined,
    (f, l, c) => `${f}:${l}:${c}`,
  );
  const pkgOf = filePackages(model);
  const names = new Map(model.packages.map((p) => [p.importPath.slice(p.importPath.lastIndexOf('/') + 1), p.importPath]));
  for (const b of report.benchmarks) nameBenchLines(b.lines, ctx, pkgOf, (n) => names.get(n));
  // The figures analyze ranks by: what this run measured, per heap site, replacing the last run's.
  // This report ranks by them too: its sites were focused with the figures of the run before (or none).
  const measured = report.benchmarks.length ? measuredCosts(report, dir, flags) : null;
  if (measured) {
    for (const s of model.sites) {
      const m = s.heap && s.id && s.allocates !== 'never' ? measured.sites.get(s.id) : undefined;
      if (m) s.cost = measuredCost(m);
    }
    model.measuredBy = { command: measured.command, time: measured.time };
    if (flags.cache) writeMeasured(defaultCacheDir(io.env), model.root, measured);
  }
  const shown = filterBenchReport(report, model, choice.filters, dir);
  const opts = {
    color: useColor({ ...io, stdoutTTY: out.tty }, flags.color),
    verbose: false,
    cwd: io.cwd,
    command: commandLine(io),
    source: pageSourceReader(sources),
    ...(flags.format === 'html' ? { page: pageAssets() } : {}),
  };
  if (compare) shown.compare = compareBenchmarks(compare.names[0], compare.names[1], report.benchmarks);
  const budgets = flags.check && config ? checkBudgets(report, config) : null;
  if (budgets) shown.budgets = budgets;
  for (const c of render(shown, opts)) out.write(c);
  out.commit();
  mark('rendered and written');
  const over = budgets?.filter((b) => b.over) ?? [];
  // A budgeted benchmark that did not run (renamed, not selected by --bench, failed) is not a pass; nor is a budget
  // whose figure the run did not measure (a GC budget with --no-cost).
  const missing = new Set(budgets?.filter((b) => b.measured === null && !b.unmeasured).map((b) => b.benchmark));
  const unmeasured = budgets?.filter((b) => b.unmeasured) ?? [];
  if (over.length || missing.size || unmeasured.length) {
    const parts = [
      ...(over.length ? [`${over.length} budget${over.length === 1 ? '' : 's'} exceeded`] : []),
      ...(missing.size
        ? [`${missing.size} budgeted benchmark${missing.size === 1 ? '' : 's'} did not run (${[...missing].map(safeText).join(', ')})`]
        : []),
      ...(unmeasured.length
        ? [
            `${unmeasured.length} budget${unmeasured.length === 1 ? '' : 's'} not measured (${unmeasured.map((b) => `${safeText(b.benchmark)} ${b.metric}: ${safeText(b.unmeasured!)}`).join(', ')})`,
          ]
        : []),
    ];
    io.stderr(`heapscope: ${parts.join('; ')} (${safeText(relative(io.cwd, config!.file) || config!.file)})\n`);
    return 'partial';
  }
  const failed = report.packages.filter((p) => p.errors.length);
  if (report.benchmarks.length === 0 && failed.length === 0) {
    io.stderr(`heapscope: no benchmark matches --bench ${safeText(flags.bench)} in ${safeText(given.join(' '))}\n`);
    return 'partial';
  }
  if (failed.length) {
    io.stderr(`heapscope: problems in ${failed.length} package${failed.length === 1 ? '' : 's'}; the other benchmarks are reported\n`);
    return 'partial';
  }
  return 'ok';
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Per heap site, the most any benchmark charged to the allocations it made: a line's sites are the decisions that
 * made its allocations (its context sites get nothing), and what a callee of another package allocated there is
 * no part of their figures.
 */
function measuredCosts(report: BenchReport, dir: string, flags: BenchFlags): MeasuredCosts {
  const sites = new Map<string, MeasuredSite>();
  const lines = new Map<string, MeasuredSite>();
  for (const b of report.benchmarks) {
    for (const l of b.lines) {
      const own = l.allocations.length ? l.allocations.filter((a) => a.callee === null) : null;
      const allocsPerOp = own ? round2(own.reduce((t, a) => t + a.allocsPerOp, 0)) : l.allocsPerOp;
      const bytesPerOp = own ? round2(own.reduce((t, a) => t + a.bytesPerOp, 0)) : l.bytesPerOp;
      if (own && own.length === 0) continue;
      // The allocator's CPU for the line, scaled to its own allocations where a callee's share the line (the cost
      // pass charges both to it).
      const part = own && l.allocsPerOp > 0 ? allocsPerOp / l.allocsPerOp : 1;
      const cpu = {
        ...(typeof l.cpuShare === 'number' ? { cpuShare: round4(l.cpuShare * part) } : {}),
        ...(typeof l.costNsPerOp === 'number' ? { costNsPerOp: round4(l.costNsPerOp * part) } : {}),
      };
      const k = `${l.file}:${l.line}`;
      const had = lines.get(k);
      if (pathKind(l.file) === 'module' && l.sites.some((s) => s.heap) && (!had || allocsPerOp > had.allocsPerOp))
        lines.set(k, {
          allocsPerOp,
          bytesPerOp,
          benchmark: b.name,
          ids: l.sites.filter((s) => s.heap && s.id).map((s) => s.id!),
          ...cpu,
        });
      for (const s of l.sites) {
        if (!s.id || !s.heap) continue;
        const had = sites.get(s.id);
        if (!had || allocsPerOp > had.allocsPerOp) sites.set(s.id, { allocsPerOp, bytesPerOp, benchmark: b.name, ...cpu });
      }
    }
  }
  const command = ['heapscope bench', '-C', dir, '--bench', flags.bench, ...(flags.benchtime ? ['--benchtime', flags.benchtime] : [])].join(
    ' ',
  );
  return { command, time: new Date().toISOString(), sites, lines };
}
