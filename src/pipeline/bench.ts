// The bench job: runs benchmarks and attributes every allocs/op to the line, type and compiler decision that make
// it. The test binaries are built, then the benchmarks timed with nothing else running, then profiled several at
// once beside the static analysis. The figures measured are stored for analyze's ranking (cache/measured-store.ts).

import { relative } from 'node:path';
import { focusModel, joinRun } from './load-model.js';
import { checkFiltersMatch } from './filters-match.js';
import { compareSelection } from './compare.js';
import { defaultFocus, resolveOptions, type EngineOptions, type FocusChoice, type Outcome, type Output, type Problem } from './options.js';
import { loadConfig } from '../runners/config.js';
import { checkBudgets } from '../model/budgets.js';
import type { Config } from '../model/config.js';
import { pageSourceReader } from '../runners/page-sources.js';
import type { SourceAccess } from '../runners/source-access.js';
import { pageAssets } from '../runners/page-assets.js';
import { nameBenchLines, nameContext } from '../join/go-names.js';
import { filePackages } from '../join/file-packages.js';
import { writeMeasured } from '../cache/measured-store.js';
import type { MeasuredCosts, MeasuredSite } from '../model/measured.js';
import { pathKind } from '../model/paths.js';
import { filterBenchReport } from '../model/filters.js';
import { executePlan, planAnalysis } from '../runners/analyze.js';
import type { AnalysisModel } from '../model/types.js';
import { reporter } from '../reporters/registry.js';
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
import { measuredCost } from '../join/focus.js';
import { safeText } from '../model/safe-text.js';
import { joinTrace } from '../model/trace-summary.js';
import { compareBenchmarks } from '../model/compare.js';
import { UsageError } from '../errors/errors.js';
import { t } from '../i18n/t.js';

export interface BenchJobOptions extends EngineOptions {
  /** The benchmarks to run, as go test -bench. Default: '.'. */
  bench?: string;
  /** Whether the caller chose bench (the CLI: given on the command line), which --compare widens otherwise. */
  benchGiven?: boolean;
  /** Runs of each benchmark for the timings. Default: 1. */
  count?: number;
  /** As go test -benchtime; applies to the timing pass. */
  benchtime?: string;
  /** Limit for each test binary run, as go test -timeout. Default: '10m'. */
  timeout?: string;
  /** A reporter of reporters/registry.ts that renders benchmarks. Default: json. */
  format?: string;
  color?: boolean;
  focus?: FocusChoice;
  /** The cost pass (CPU profile, gctrace). Default: true. */
  cost?: boolean;
  /** How long the cost pass runs each benchmark at most (a Go duration). */
  costTime?: string;
  /** Record every allocation in the profiled runs. */
  exact?: boolean;
  /** A trace pass per benchmark. */
  trace?: boolean;
  /** Two benchmark names to set side by side. */
  compare?: string[];
  /** Check the budgets of the module's configuration (heapscope.json). */
  check?: boolean;
  /** The module's configuration, when the caller read it already; read from dir otherwise. */
  config?: Config | null;
  command?: string;
}

export interface BenchResult {
  outcome: Outcome;
  problems: Problem[];
  /** The report as shown (filtered; with --compare and budgets); null when no benchmark matched. */
  report: BenchReport | null;
  /** The rendered report; null when there is none to write. */
  output: Output | null;
}

export async function bench(options: BenchJobOptions): Promise<BenchResult> {
  const o = resolveOptions(options);
  const { dir, patterns: given } = o;
  const host = { env: o.env, cwd: o.cwd };
  const onProgress = o.onProgress;
  const mark = o.phase;
  const format = options.format ?? 'json';
  const render = reporter(format).bench;
  if (!render) throw new UsageError(t('cli.err.noRender', { format, what: 'bench' }));
  const choice = options.focus ?? defaultFocus();
  const config = options.config !== undefined ? options.config : loadConfig(dir, o.cwd);
  if (options.check && !config) throw new UsageError(t('cli.err.checkNeedsBudgets'));
  const flags = {
    bench: options.bench ?? '.',
    benchtime: options.benchtime,
    timeout: options.timeout ?? '10m',
    tags: o.tags,
    cache: o.cacheDir !== null,
    cost: options.cost,
    costTime: options.costTime,
    exact: options.exact,
    trace: options.trace,
    check: options.check,
  };
  const count = options.count ?? 1;
  const cacheDir = o.cacheDir;
  const problems: Problem[] = [];
  o.signal?.throwIfAborted();
  const goEnv = await readGoEnv(dir, host.env);
  o.signal?.throwIfAborted();
  // Only the packages whose tests declare a benchmark --bench selects are built, analysed and run.
  const listed = await listPackages({ dir, env: host.env, patterns: given, tags: flags.tags });
  const compare = compareSelection(
    options.compare,
    listed.filter((p) => !p.DepOnly && !p.Error),
    flags.bench,
    !!options.benchGiven,
  );
  if (compare) flags.bench = compare.bench;
  const chosen = benchPackages(
    listed.filter((p) => !p.DepOnly && (p.TestGoFiles?.length || p.XTestGoFiles?.length || p.Error)),
    flags.bench,
  );
  if (chosen.length === 0) {
    problems.push({
      kind: 'benchmarks',
      message: t('cli.problem.noBenchmarkMatches', { pattern: flags.bench, packages: given.join(' ') }),
    });
    return { outcome: 'partial', problems, report: null, output: null };
  }
  const pats = chosen.map((p) => p.ImportPath);
  mark(`${chosen.length} of ${listed.filter((p) => !p.DepOnly).length} packages have matching benchmarks`);
  const modulePaths = new ModulePaths(moduleRoot(goEnv, dir), dir);
  const resolveFile = (p: string): string => modulePaths.printed(p);
  const benchOpts = {
    listings: format === 'html',
    dir,
    root: modulePaths.root,
    patterns: pats,
    bench: flags.bench,
    count,
    benchtime: flags.benchtime,
    timeout: flags.timeout,
    tags: flags.tags,
    env: host.env,
    toolPaths: cacheDir ? ToolPaths.in(cacheDir, JSON.stringify([goEnv.goroot, goEnv.version, goEnv.gocache])) : null,
    resolveFile,
    onProgress,
    cost: flags.cost !== false,
    ...(flags.costTime !== undefined ? { costSeconds: parseGoDuration(flags.costTime)! / 1000 } : {}),
    exact: !!flags.exact,
    ...(flags.trace
      ? {
          trace: {
            cacheDir: cacheDir,
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
    cacheDir: cacheDir,
    env: host.env,
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
              await focusModel(model, run, { cacheDir: cacheDir, env: host.env });
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
  o.signal?.throwIfAborted();
  const report: BenchReport = { schemaVersion: 1, go: model.go, root: model.root, benchmarks: [], packages: [] };
  if (format === 'html') report.listings = runs.flatMap((pr) => pr.listings);
  for (const pr of runs) {
    report.packages.push({ importPath: pr.importPath, dir: pr.dir, errors: pr.errors, notes: pr.notes });
    const reps = attributeAll({ model, asm: pr.asm, libraryAsm: pr.libraryAsm, resolve: resolveFile, symbols: pr.symbols }, pr.benchmarks);
    reps.forEach((rep, i) => {
      const run = pr.benchmarks[i]!;
      const cost = run.cost;
      joinCpuCost(rep, cost, resolveFile);
      joinGcCost(rep, cost, model.go.version, { GOGC: host.env.GOGC, GOMEMLIMIT: host.env.GOMEMLIMIT });
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
    if (cacheDir) writeMeasured(cacheDir, model.root, measured);
  }
  const shown = filterBenchReport(report, model, choice.filters, dir);
  const opts = {
    color: !!options.color,
    verbose: false,
    cwd: host.cwd,
    command: options.command ?? 'heapscope bench',
    source: pageSourceReader(sources),
    ...(format === 'html' ? { page: pageAssets() } : {}),
  };
  if (compare) shown.compare = compareBenchmarks(compare.names[0], compare.names[1], report.benchmarks);
  const budgets = flags.check && config ? checkBudgets(report, config) : null;
  if (budgets) shown.budgets = budgets;
  const output = render(shown, opts);
  const done = (outcome: Outcome): BenchResult => ({ outcome, problems, report: shown, output });
  const over = budgets?.filter((b) => b.over) ?? [];
  // A budgeted benchmark that did not run (renamed, not selected by --bench, failed) is not a pass; nor is a budget
  // whose figure the run did not measure (a GC budget with --no-cost).
  const missing = new Set(budgets?.filter((b) => b.measured === null && !b.unmeasured).map((b) => b.benchmark));
  const unmeasured = budgets?.filter((b) => b.unmeasured) ?? [];
  if (over.length || missing.size || unmeasured.length) {
    const parts = [
      ...(over.length ? [t('cli.problem.budgetsExceeded', { n: over.length })] : []),
      ...(missing.size ? [t('cli.problem.budgetedNotRun', { n: missing.size, names: [...missing].map(safeText).join(', ') })] : []),
      ...(unmeasured.length
        ? [
            t('cli.problem.budgetsUnmeasured', {
              n: unmeasured.length,
              list: unmeasured.map((b) => `${safeText(b.benchmark)} ${b.metric}: ${safeText(b.unmeasured!)}`).join(', '),
            }),
          ]
        : []),
    ];
    problems.push({
      kind: 'budgets',
      message: t('cli.problem.budgets', {
        parts: parts.join(t('cli.listSeparator')),
        file: safeText(relative(host.cwd, config!.file) || config!.file),
      }),
    });
    return done('partial');
  }
  const failed = report.packages.filter((p) => p.errors.length);
  if (report.benchmarks.length === 0 && failed.length === 0) {
    problems.push({
      kind: 'benchmarks',
      message: t('cli.problem.noBenchmarkMatches', { pattern: flags.bench, packages: given.join(' ') }),
    });
    return done('partial');
  }
  if (failed.length) {
    problems.push({
      kind: 'packages',
      message: t('cli.problem.benchPackages', { n: failed.length }),
    });
    return done('partial');
  }
  return done('ok');
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
function measuredCosts(report: BenchReport, dir: string, flags: { bench: string; benchtime?: string | undefined }): MeasuredCosts {
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
