// The command line: argument spec and help text in one place, main() callable in-process for tests. Each command
// lives in a module of its own and says how its work went; the exit code is decided in outcome.ts.

import { Command, CommanderError, Option } from 'commander';
import { ConfigError, HeapscopeError } from '../errors/errors.js';
import { safeText } from '../model/safe-text.js';
import { formatsFor } from '../reporters/registry.js';
import { OLDEST_SUPPORTED } from '../runners/go-env.js';
import { GRACE_MS } from '../runners/process-groups.js';
import { VERSION } from '../version.js';
import { runAnalyze, type AnalyzeFlags } from './analyze.js';
import { runBench, type BenchFlags } from './bench.js';
import { runExplain, type ExplainFlags } from './explain.js';
import { runCacheClean, runCacheInfo } from './cache.js';
import { cacheLimit, DEFAULT_LIMIT, enforceBounds } from '../cache/cache-dir.js';
import { runServe, type ServeFlags } from './serve.js';
import { runCheck, type CheckFlags } from './check.js';
import { runDiff, type DiffFlags } from './diff.js';
import { LANGS, resolveLang, UnknownLangError } from '../i18n/lang.js';
import { t } from '../i18n/t.js';

/** --timeout means the same on every command that runs test binaries (runners/test-binaries.ts runLimitMs). */
const TIMEOUT_HELP = `limit for each test binary run, as go test -timeout; heapscope kills the run's whole process tree itself ${GRACE_MS / 1000} s past it (0: none)`;

const collectValues = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

/** The options the user typed, so a configuration file's defaults (config-defaults.ts) do not override them. */
function given(cmd: Command): Set<string> {
  return new Set(cmd.options.map((o) => o.attributeName()).filter((n) => cmd.getOptionValueSource(n) === 'cli'));
}
import { exitCode, EXIT_BUG, type Outcome } from './outcome.js';
import type { CliIO } from './terminal.js';
import { addFocusOptions } from './focus-flags.js';
import { addRunOptions, addTargetOptions } from './shared-flags.js';

export type { CliIO };

const EXIT_HELP = `
Exit codes:
  0  everything was analysed
  1  partial results: some packages did not compile (their errors are reported; the rest is analysed)
  2  heapscope could not run: bad usage, go missing or older than go${OLDEST_SUPPORTED.major}.${OLDEST_SUPPORTED.minor}, no module, no package matched
  ${EXIT_BUG}  a heapscope bug (an internal error; please report it)
  129, 130, 143  stopped by SIGHUP, SIGINT (Ctrl-C), SIGTERM: each child process group gets the same signal,
     SIGKILL 2.5 s later; heapscope's temporary directories are removed

Environment:
  GOFLAGS, GOOS, GOARCH, CGO_ENABLED and the rest of the go command's environment apply as usual
  (heapscope sets -gcflags='-m=2 -dwarf=false -d=escapedebug=1,closure=1' itself for the named packages).
  GOTOOLCHAIN selects the Go release as for the go command. NO_COLOR / FORCE_COLOR control colour.
  HEAPSCOPE_CACHE  where parsed results are cached (default $XDG_CACHE_HOME/heapscope or ~/.cache/heapscope);
                   an unchanged re-run of the same command replays its last complete report from there
  HEAPSCOPE_CACHE_LIMIT  the cache's bound (default 2G); see heapscope cache --help
  HEAPSCOPE_DEBUG  print where the time went (and a stack trace for internal errors) on stderr`;

/** --lang's value as typed (its last occurrence, before a bare `--`), read before the commands are declared: their
 *  help is written in that language. */
function langFlag(argv: string[]): string | undefined {
  let v: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') v = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) v = a.slice('--lang='.length);
  }
  return v;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  io = { ...io, argv };
  try {
    t.setLang(resolveLang(langFlag(argv), io.env));
  } catch (e) {
    if (!(e instanceof UnknownLangError)) throw e;
    t.setLang('en');
    io.stderr(`heapscope: ${safeText(e.message)}\n(run heapscope --help for usage)\n`);
    return exitCode('fatal');
  }
  const program = new Command();
  let outcome: Outcome = 'ok';
  program
    .name('heapscope')
    .description("What allocates on the heap in Go code, and why: the Go compiler's escape analysis, explained.")
    .version(VERSION)
    .option(
      '--lang <lang>',
      `the language heapscope writes in: ${LANGS.join(', ')} (default: HEAPSCOPE_LANG, else the locale: LC_ALL, LC_MESSAGES, LANG)`,
    )
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run heapscope --help for usage)');

  const analyze = addTargetOptions(
    program
      .command('analyze')
      .description("run the compiler's escape analysis on packages and explain every heap allocation")
      .argument('[packages...]', 'package patterns as for go build (default ./...)'),
    'comma-separated build tags, as go build -tags',
  )
    .option('--tests', 'include _test.go files (compiles the test variants of the packages)')
    .option('--profile <file>', 'rank by this CPU or memory profile (pprof, as go build -pgo takes) instead of heapscope bench figures')
    .addOption(
      new Option('--format <format>', 'output format (html: one self-contained page)').choices(formatsFor('analyze')).default('text'),
    )
    .option('-o, --output <file>', 'write the report to FILE (whole or not at all) instead of standard output')
    .option('--asm', 'html: include the assembly of the functions that allocate (one more build of their packages with -S)')
    .option('--write-baseline <file>', 'also record the heap sites that allocate in FILE, for heapscope check --baseline')
    .option('-v, --verbose', 'list compiler lines heapscope did not recognise');
  addFocusOptions(addRunOptions(analyze), { top: true })
    .addHelpText('after', EXIT_HELP)
    .action(async (patterns: string[], flags: AnalyzeFlags, cmd: Command) => {
      outcome = await runAnalyze(patterns, { ...flags, given: given(cmd) }, io);
    });

  const bench = addTargetOptions(
    program
      .command('bench')
      .description('run benchmarks and attribute every allocs/op to the source line, type and compiler decision that make it')
      .argument('[packages...]', 'package patterns (default ./...)'),
  )
    .option('--bench <regexp>', 'benchmarks to run, as go test -bench', '.')
    .option('--count <n>', 'runs of each benchmark for the timings (median and spread)', '1')
    .option('--benchtime <t>', 'as go test -benchtime (1s, 20000x); applies to the timing pass')
    .option('--timeout <d>', TIMEOUT_HELP, '10m')
    .option('--check', "fail (exit 1) when a benchmark takes more allocs/op or B/op than its budget in the module's heapscope.json")
    .option('--no-cost', 'skip the cost pass (one CPU-profiled, GC-traced run per benchmark): no cpu and gc figures')
    .option('--cost-time <duration>', 'how long the cost pass runs each benchmark at most (default 500ms: ~50 CPU samples)')
    .option('--exact', 'record every allocation in the profiled runs, however long they take (default: sample where that would be slow)')
    .option('--trace', "also record each benchmark's execution trace in a run of its own and summarise it (GC cycles, pauses, MMU)")
    .option('--compare <benchmarks...>', 'set two benchmarks side by side (A B: full names or unique suffixes), with the ratio B/A')
    .addOption(
      new Option('--format <format>', 'output format (html: one self-contained page)').choices(formatsFor('bench')).default('text'),
    )
    .option('-o, --output <file>', 'write the report to FILE (whole or not at all) instead of standard output');
  addFocusOptions(addRunOptions(bench), { top: false })
    .addHelpText(
      'after',
      `
Timings come from a plain run with -benchmem. Per-line figures come from two further runs of each benchmark
with every allocation recorded (-memprofilerate=1) and fixed iteration counts; their difference removes setup.
The cost pass (skipped with --no-cost) runs each benchmark once more, for about as long as its timed run and at
most --cost-time (500ms), under the CPU profiler and GODEBUG=gctrace=1: the shares of CPU in the allocator and in GC, GC cycles.
Where recording every allocation would take long, the two runs record a sample (a larger -memprofilerate) and
each line's figures are estimates with a 95% interval; --exact records every allocation all the same.
${EXIT_HELP.replace('some packages did not compile', 'a test binary did not compile or ended before its benchmarks, or a benchmark failed, panicked, exited, timed out or matched nothing')}`,
    )
    .action(async (patterns: string[], flags: BenchFlags, cmd: Command) => {
      outcome = await runBench(patterns, { ...flags, given: given(cmd) }, io);
    });

  const explain = addTargetOptions(
    program
      .command('explain')
      .description('everything heapscope knows about one source line: decisions, causes, inlining, allocated types, runtime figures')
      .argument(
        '<file:line>',
        'a source position (FILE:LINE, or FILE:LINE:COL as reports print it), relative to the current directory (or -C DIR)',
      ),
  )
    .option('--bench <regexp>', 'also run these benchmarks of the package and show their figures for the line')
    .option('--timeout <d>', `with --bench: ${TIMEOUT_HELP}`, '10m')
    .addOption(new Option('--format <format>', 'output format').choices(formatsFor('explain')).default('text'));
  addFocusOptions(addRunOptions(explain), { top: false })
    .addHelpText('after', EXIT_HELP)
    .action(async (position: string, flags: ExplainFlags) => {
      outcome = await runExplain(position, flags, io);
    });

  const check = addTargetOptions(
    program
      .command('check')
      .description('check the //heapscope: directives of packages, and with --baseline the heap sites new against a baseline')
      .argument('[packages...]', 'package patterns as for go build (default ./...)'),
  )
    .option('--tests', 'include _test.go files (and their directives)')
    .option('--baseline <file>', 'also fail on heap sites not in this baseline (heapscope analyze --write-baseline FILE)')
    .option('--bench <regexp>', 'also run these benchmarks: an allocation they measure in a //heapscope:noalloc function fails')
    .option('--benchtime <t>', 'with --bench: as go test -benchtime')
    .option('--timeout <d>', `with --bench: ${TIMEOUT_HELP}`, '10m')
    .addOption(new Option('--format <format>', 'output format').choices(formatsFor('check')).default('text'))
    .option('-o, --output <file>', 'write the report to FILE (whole or not at all) instead of standard output');
  addRunOptions(check)
    .addHelpText(
      'after',
      `
Directives, written as Go's own (no space after //):
  //heapscope:noescape        at the end of a line, or alone on the line above it: nothing on that line may be a
                              heap allocation (a decision the runtime never allocates for, such as a constant in an
                              interface, is not one)
  //heapscope:noalloc         in a function's doc comment: no heap allocation in the function, in code inlined into
                              it, or in its func literals
  //heapscope:inline          in a function's doc comment: the compiler can inline the function
  //heapscope:ignore REASON   at the end of a line or above it: the line's violations are listed as ignored, with
                              the reason, and do not fail
A directive that checks nothing (unknown or misspelt, misplaced, with no code after it, on a function the
compiler did not compile, an ignore that silences nothing) is reported and fails the check too.

Exit codes:
  0  every directive holds (and nothing is new against the baseline)
  1  a violation, a new heap site, or a directive that checks nothing
  2  heapscope could not check: bad usage, an unreadable baseline, a package that does not compile, go missing`,
    )
    .action(async (patterns: string[], flags: CheckFlags, cmd: Command) => {
      outcome = await runCheck(patterns, { ...flags, given: given(cmd) }, io);
    });

  const diff = addTargetOptions(
    program
      .command('diff')
      .description('heap sites added, removed and changed between two revisions, or between two Go releases')
      .argument('[revisions...]', 'A [B]: two revisions (B: the working tree by default); packages after --')
      .usage('[flags] A [B] [-- packages]  |  --go go1.X.Y --go go1.Z.W [A] [-- packages]'),
  )
    .option('--tests', 'include _test.go files')
    .option('--go <release>', 'compare two Go releases on the same code (give it twice; fetched through GOTOOLCHAIN)', collectValues)
    .option('--bench <regexp>', 'also run these benchmarks on both sides, interleaved, and compare them as benchstat does')
    .option(
      '--count <n>',
      'with --bench: runs of each benchmark on each side (6 or more: the least for a 95% interval of the median)',
      '10',
    )
    .option('--benchtime <t>', 'with --bench: as go test -benchtime')
    .option('--timeout <d>', `with --bench: ${TIMEOUT_HELP}`, '10m')
    .option('--threshold <pct>', 'with --bench: a significant change worse than this fails (exit 1)', '5%')
    .option(
      '--bench-output <prefix>',
      "with --bench: also write both sides' raw go test output to PREFIX.from.txt and PREFIX.to.txt (for benchstat)",
    )
    .addOption(new Option('--format <format>', 'output format').choices(formatsFor('diff')).default('text'))
    .option('-o, --output <file>', 'write the report to FILE (whole or not at all) instead of standard output');
  addRunOptions(diff)
    .addHelpText(
      'after',
      `
Each revision's files that analysis reads (Go, module, assembly and cgo files, and what //go:embed lines name)
are unpacked with git archive into heapscope's cache (revisions/<commit>, bounded with the rest of the cache; a
temporary directory with --no-cache) and analysed there, so the next diff against the same commit is served from
the caches; your work tree and repository are only read (uncommitted changes are part of the working-tree side,
and said so). git archive leaves submodules empty: the packages under a revision's submodule are not compared,
and a note says so.
Revisions are matched site by site by identity (package, function, kind, expression, rank: no line numbers, so
code that only moved is not a change); releases by readable names, since the compiler's names for closures and
temporaries change between releases. Only heap sites that allocate are compared.

With --bench, each package's test binary is built on both sides and run --count times each, the sides
alternating (A B, B A, ...) so that drift of the machine falls on both; each metric is compared as benchstat
compares it (median, 95% confidence interval, Mann-Whitney U test at alpha 0.05, "~" for no significant
change), and a significant change worse than --threshold in ns/op, B/op or allocs/op is a regression.

Exit codes:
  0  no heap site added, no benchmark regressed
  1  heap sites were added, or a benchmark regressed
  2  heapscope could not compare: not a git repository, an unknown revision (a shallow clone says so), a Go
     release the go command cannot get, a package that does not compile on a side; with --bench, a benchmark
     that failed, timed out (--timeout) or did not run on a side`,
    )
    .action(async (operands: string[], flags: DiffFlags, cmd: Command) => {
      // Operands after -- are package patterns; commander hands them over with the revisions.
      const dash = argv.indexOf('--');
      const n = dash < 0 ? 0 : argv.length - dash - 1;
      outcome = await runDiff(
        operands.slice(0, operands.length - n),
        operands.slice(operands.length - n),
        { ...flags, given: given(cmd) },
        io,
      );
    });

  const serve = addTargetOptions(
    program
      .command('serve')
      .description('serve the HTML report from a local server, updated as files change, with a playground for snippets')
      .argument('[packages...]', 'package patterns as for go build (default ./...)'),
  )
    .option('--tests', 'include _test.go files')
    .option('--port <n>', 'port on 127.0.0.1 (0: a free port chosen at random)', '0');
  addFocusOptions(addRunOptions(serve, { terminal: false }), { top: false })
    .addHelpText(
      'after',
      `
The first line of standard output is the server's URL; the report is at /, the playground at /playground.
The server listens on 127.0.0.1 only and answers only requests whose Host is its own address and whose Origin,
when sent, is its own. The report re-analyses (through the cache: only changed packages recompile) when a .go
file, go.mod or go.work of the analysed packages changes, and the open pages update themselves.
Playground snippets are built in a temporary module, removed afterwards, with CGO_ENABLED=0, GOPROXY=off,
GOTOOLCHAIN=local, a time limit (60 s, 120 s with benchmarks) and a 2 GiB data limit; two run at once.
Stop with Ctrl-C (exit 130).`,
    )
    .action(async (patterns: string[], flags: ServeFlags) => {
      outcome = await runServe(patterns, flags, io);
    });

  program
    .command('lsp')
    .description('the language server (LSP 3.17 over standard input and output) for editors: see docs/editors.md')
    .option('--stdio', 'talk over standard input and output (the default and only transport)')
    .action(async () => {
      // Loaded here: the protocol library costs every other command a tenth of a second or more to load.
      const { runLsp } = await import('../lsp/server.js');
      outcome = await runLsp(io.env);
    });

  const cache = program
    .command('cache')
    .description("heapscope's cache: where it is, what it holds, emptying it")
    .addHelpText(
      'after',
      `
The cache (HEAPSCOPE_CACHE, else $XDG_CACHE_HOME/heapscope or ~/.cache/heapscope) holds each package's parsed
compiler output, keyed by its files, its imports' keys, the toolchain, flags, build tags, GOEXPERIMENT and
the like, PGO profiles, overlays and the cgo environment; the last finished report of each command line; the
figures heapscope bench measured (measured/); its go/srcfacts and go/tracesum helpers (bin/); and the commits heapscope diff
unpacked (revisions/). All of it is kept under HEAPSCOPE_CACHE_LIMIT (default 2G; bytes, or K, M, G,
1024-based): every run that adds to it and takes it over the bound removes the least recently used entries
until it is at three quarters of the bound. clean removes all of it.`,
    );
  cache
    .command('info')
    .description('where the cache is, its size against its bound, and its entries by kind')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { format: string }) => {
      outcome = await runCacheInfo(flags, io);
    });
  cache
    .command('clean')
    .description("remove heapscope's files from the cache (nothing else in the directory)")
    .action(async () => {
      outcome = await runCacheClean(io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode(outcome);
  } catch (e) {
    if (e instanceof CommanderError) return exitCode(e.exitCode === 0 ? 'ok' : 'fatal');
    if (e instanceof HeapscopeError) {
      // Messages quote the go command, paths and flags as given: escaped like every other untrusted text.
      io.stderr(`heapscope: ${safeText(e.message)}${e.hint ? ` (${safeText(e.hint)})` : ''}\n`);
      if (e instanceof ConfigError) for (const p of e.problems.slice(1)) io.stderr(`heapscope: ${safeText(p)}\n`);
      return exitCode('fatal');
    }
    throw e;
  } finally {
    // What the command added to heapscope's cache is counted against its bound (cache-dir.ts: cheap unless over).
    enforceBounds(cacheLimit(io.env) ?? DEFAULT_LIMIT);
  }
}
