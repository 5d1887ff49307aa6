// The command line: argument spec and help in one place, main() callable in-process for tests.

import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import { EXIT, HeapscopeError, UsageError } from '../errors/errors.js';
import { joinRun, loadModel } from './load-model.js';
import { FORMATS, REPORTERS } from '../reporters/registry.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import { ResultCache, resultName, toolIdentity } from '../cache/result-cache.js';
import { OLDEST_SUPPORTED } from '../runners/go-env.js';
import { TOOL_VERSION } from '../reporters/json.js';
import { executePlan, planAnalysis } from '../runners/analyze.js';
import { ModulePaths } from '../runners/paths.js';
import { prepareBenchmarks, runBenchmarks, type PackageBenchRun } from '../runners/bench.js';
import { moduleRoot, readGoEnv } from '../runners/go-env.js';
import { attributeAll } from '../join/attribute.js';
import { renderBenchJson, renderBenchText } from '../reporters/bench-text.js';
import type { BenchReport } from '../model/bench-report.js';
import { runExplain } from './explain.js';

export interface CliIO {
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  /** Whether stdout / stderr are terminals (colour, progress). */
  stdoutTTY: boolean;
  stderrTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const EXIT_HELP = `
Exit codes:
  0  everything was analysed
  1  partial results: some packages did not compile (their errors are reported; the rest is analysed)
  2  heapscope could not run: bad usage, go missing or older than go${OLDEST_SUPPORTED.major}.${OLDEST_SUPPORTED.minor}, no module, no package matched

Environment:
  GOFLAGS, GOOS, GOARCH, CGO_ENABLED and the rest of the go command's environment apply as usual
  (heapscope sets -gcflags='-m=2 -dwarf=false' itself for the named packages). NO_COLOR / FORCE_COLOR control colour.
  HEAPSCOPE_CACHE  where parsed results are cached (default $XDG_CACHE_HOME/heapscope or ~/.cache/heapscope);
                   an unchanged re-run of the same command replays its last complete report from there
  HEAPSCOPE_DEBUG  print where the time went (and a stack trace for internal errors) on stderr`;

export function useColor(io: CliIO, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env['NO_COLOR']) return false;
  if (io.env['FORCE_COLOR'] && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdoutTTY && io.env['TERM'] !== 'dumb';
}

interface AnalyzeFlags {
  C?: string;
  tags?: string;
  tests?: boolean;
  format: string;
  verbose?: boolean;
  cache: boolean;
  color?: boolean;
  progress?: boolean;
}

interface BenchFlags {
  C?: string;
  tags?: string;
  bench: string;
  count: string;
  benchtime?: string;
  timeout: string;
  format: string;
  cache: boolean;
  color?: boolean;
  progress?: boolean;
}

export function progressPrinter(io: CliIO, flag: boolean | undefined): ((msg: string) => void) | undefined {
  if (!(flag ?? io.stderrTTY)) return undefined;
  let last = 0;
  return (msg) => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    io.stderr(`\r\x1b[2Kheapscope: ${msg}`);
  };
}

async function runBench(patterns: string[], flags: BenchFlags, io: CliIO): Promise<number> {
  const dir = resolve(io.cwd, flags.C ?? '.');
  const count = Number(flags.count);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`--count must be a positive whole number, not ${flags.count}`);
  if (!['text', 'json'].includes(flags.format)) throw new UsageError(`--format must be text or json for bench`);
  const onProgress = progressPrinter(io, flags.progress);
  const pats = patterns.length ? patterns : ['./...'];
  const mark = phaseTimer(io);
  const modulePaths = new ModulePaths(moduleRoot(await readGoEnv(dir, io.env), dir), dir);
  const resolveFile = (p: string): string => modulePaths.printed(p);
  const benchOpts = {
    dir,
    root: modulePaths.root,
    patterns: pats,
    bench: flags.bench,
    count,
    benchtime: flags.benchtime,
    timeout: flags.timeout,
    tags: flags.tags,
    env: io.env,
    resolveFile,
    onProgress,
  };
  // The static analysis (of the named packages and the module's packages they import) and the test binaries'
  // builds go on together; the benchmarks are timed once both are done, with nothing else running.
  const [loaded, prepared] = await Promise.allSettled([
    loadModel({
      dir,
      patterns: pats,
      tags: flags.tags,
      tests: true,
      moduleDeps: true,
      cacheDir: flags.cache ? defaultCacheDir(io.env) : null,
      env: io.env,
      onProgress,
    }),
    prepareBenchmarks(benchOpts),
  ]);
  if (loaded.status === 'rejected' || prepared.status === 'rejected') {
    if (prepared.status === 'fulfilled') await prepared.value.close();
    throw loaded.status === 'rejected' ? loaded.reason : (prepared as PromiseRejectedResult).reason;
  }
  const { model } = loaded.value;
  mark('analysed and test binaries built');
  let runs: PackageBenchRun[];
  try {
    runs = await runBenchmarks(prepared.value, benchOpts);
  } finally {
    await prepared.value.close();
  }
  mark('benchmarks timed and profiled');
  if (onProgress) io.stderr('\r\x1b[2K');
  const report: BenchReport = { schemaVersion: 1, go: model.go, root: model.root, benchmarks: [], packages: [] };
  for (const pr of runs) {
    report.packages.push({ importPath: pr.importPath, dir: pr.dir, errors: pr.errors, notes: pr.notes });
    report.benchmarks.push(...attributeAll({ model, asm: pr.asm, resolve: resolveFile, symbols: pr.symbols }, pr.benchmarks));
  }
  io.stdout(flags.format === 'json' ? renderBenchJson(report) : renderBenchText(report, { color: useColor(io, flags.color) }));
  const failed = report.packages.filter((p) => p.errors.length);
  if (report.benchmarks.length === 0 && failed.length === 0) {
    io.stderr(`heapscope: no benchmark matches --bench ${flags.bench} in ${pats.join(' ')}\n`);
    return EXIT.partial;
  }
  if (failed.length) {
    io.stderr(`heapscope: problems in ${failed.length} package${failed.length === 1 ? '' : 's'}; the other benchmarks are reported\n`);
    return EXIT.partial;
  }
  return EXIT.ok;
}

/** With HEAPSCOPE_DEBUG set, where a run's time went, on stderr. */
function phaseTimer(io: CliIO): (phase: string) => void {
  if (!io.env['HEAPSCOPE_DEBUG']) return () => {};
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    const use = process.resourceUsage();
    io.stderr(
      `heapscope: debug: ${phase} ${((now - last) / 1000).toFixed(2)} s (at ${(now / 1000).toFixed(2)} s; heapscope's own CPU so far ` +
        `${(use.userCPUTime / 1e6).toFixed(2)} s user, ${(use.systemCPUTime / 1e6).toFixed(2)} s system, ${use.minorPageFault} page faults)\n`,
    );
    last = now;
  };
}

async function runAnalyze(patterns: string[], flags: AnalyzeFlags, io: CliIO): Promise<number> {
  const dir = resolve(io.cwd, flags.C ?? '.');
  const reporter = REPORTERS[flags.format]!;
  const onProgress = progressPrinter(io, flags.progress);
  const showProgress = !!onProgress;
  const cacheDir = flags.cache ? defaultCacheDir(io.env) : null;
  const mark = phaseTimer(io);
  const plan = await planAnalysis({
    dir,
    patterns: patterns.length ? patterns : ['./...'],
    tags: flags.tags,
    tests: !!flags.tests,
    cacheDir,
    env: io.env,
    onProgress,
  });
  mark('go list and content keys');
  const color = useColor(io, flags.color);
  const verbose = !!flags.verbose;
  // Nothing changed since this exact command last finished cleanly: replay its report.
  const results = cacheDir && plan.stateKey ? new ResultCache(cacheDir) : null;
  const name = results ? resultName(plan.runId, [flags.format, color, verbose, io.cwd, toolIdentity(TOOL_VERSION)]) : '';
  const hit = results && plan.stateKey ? await results.get(name, plan.stateKey) : null;
  if (hit) {
    await plan.cancel();
    if (showProgress) io.stderr('\r\x1b[2K');
    if (verbose)
      io.stderr('heapscope: nothing changed since the same command last ran; its report is replayed from the cache (--no-cache to redo)\n');
    io.stdout(hit.output);
    return hit.code;
  }
  const run = await executePlan(plan);
  mark('compiler output parsed or facts loaded');
  const model = joinRun(run);
  mark('joined');
  if (showProgress) io.stderr('\r\x1b[2K');
  for (const m of run.messages) io.stderr(`heapscope: go: ${m}\n`);
  const failed = model.packages.filter((p) => p.errors.length);
  const code = failed.length ? EXIT.partial : EXIT.ok;
  const store =
    results && plan.stateKey && code === EXIT.ok && run.messages.length === 0 ? await results.create(name, plan.stateKey, code) : null;
  // Each chunk is written as soon as it is made; the copy for the cache is written by libuv's threads
  // meanwhile, and one conversion serves both.
  for (const c of reporter(model, { color, verbose, cwd: io.cwd })) {
    if (!store) io.stdout(c);
    else {
      const b = Buffer.from(c, 'utf8');
      io.stdout(b);
      store.write(b);
    }
  }
  mark('rendered and written');
  await store?.commit();
  mark('stored for replay');
  if (failed.length)
    io.stderr(`heapscope: ${failed.length} package${failed.length === 1 ? '' : 's'} did not compile; results are partial\n`);
  return code;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const program = new Command();
  let code: number = EXIT.ok;
  program
    .name('heapscope')
    .description("What allocates on the heap in Go code, and why: the Go compiler's escape analysis, explained.")
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run heapscope --help for usage)');

  program
    .command('analyze')
    .description("run the compiler's escape analysis on packages and explain every heap allocation")
    .argument('[packages...]', 'package patterns as for go build (default ./...)')
    .option('-C <dir>', 'run in DIR (like go -C)')
    .option('--tags <tags>', 'comma-separated build tags, as go build -tags')
    .option('--tests', 'include _test.go files (compiles the test variants of the packages)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-v, --verbose', 'list compiler lines heapscope did not recognise')
    .option('--no-cache', "ignore and do not write heapscope's parsed-result cache")
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never colour text output')
    .option('--progress', 'show progress on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'never show progress')
    .addHelpText('after', EXIT_HELP)
    .action(async (patterns: string[], flags: AnalyzeFlags) => {
      code = await runAnalyze(patterns, flags, io);
    });

  program
    .command('bench')
    .description('run benchmarks and attribute every allocs/op to the source line, type and compiler decision that make it')
    .argument('[packages...]', 'package patterns (default ./...)')
    .option('-C <dir>', 'run in DIR (like go -C)')
    .option('--tags <tags>', 'comma-separated build tags')
    .option('--bench <regexp>', 'benchmarks to run, as go test -bench', '.')
    .option('--count <n>', 'runs of each benchmark for the timings (median and spread)', '1')
    .option('--benchtime <t>', 'as go test -benchtime (1s, 20000x); applies to the timing pass')
    .option('--timeout <d>', 'limit for each test binary run; the whole process tree is killed past it', '10m')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-cache', "ignore and do not write heapscope's parsed-result cache")
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never colour text output')
    .option('--progress', 'show progress on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'never show progress')
    .addHelpText(
      'after',
      `
Timings come from a plain run with -benchmem. Per-line figures come from two further runs of each benchmark
with every allocation recorded (-memprofilerate=1) and fixed iteration counts; their difference removes setup.
${EXIT_HELP.replace('some packages did not compile', 'a test binary did not compile, or a benchmark failed, panicked, timed out or matched nothing')}`,
    )
    .action(async (patterns: string[], flags: BenchFlags) => {
      code = await runBench(patterns, flags, io);
    });

  program
    .command('explain')
    .description('everything heapscope knows about one source line: decisions, causes, inlining, allocated types, runtime figures')
    .argument('<file:line>', 'a source position, relative to the current directory (or -C DIR)')
    .option('-C <dir>', 'run in DIR')
    .option('--tags <tags>', 'comma-separated build tags')
    .option('--bench <regexp>', 'also run these benchmarks of the package and show their figures for the line')
    .option('--format <format>', 'text or json', 'text')
    .option('--no-cache', "ignore and do not write heapscope's parsed-result cache")
    .option('--color', 'force colour')
    .option('--no-color', 'never colour')
    .option('--progress', 'show progress on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'never show progress')
    .addHelpText('after', EXIT_HELP)
    .action(async (position: string, flags: Parameters<typeof runExplain>[1]) => {
      code = await runExplain(position, flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.fatal;
    }
    if (e instanceof HeapscopeError) {
      io.stderr(`heapscope: ${e.message}${e.hint ? ` (${e.hint})` : ''}\n`);
      return EXIT.fatal;
    }
    throw e;
  }
}
