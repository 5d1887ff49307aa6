// The command line's messages: --help (descriptions, options, the blocks after them), commander's own words,
// usage and runtime errors with their hints, problems, progress, and the serve and cache commands' lines.
// ICU MessageFormat; the compiler's and the go command's own text is a placeholder, never a message.
export const cli = {
  // --help: the program and its commands.
  'cli.help.heapscope': "What allocates on the heap in Go code, and why: the Go compiler's escape analysis, explained.",
  'cli.help.version': 'output the version number',
  'cli.help.help': 'display help for command',
  'cli.help.helpCommand': 'display help for command',
  'cli.help.lang': 'the language heapscope writes in: {langs} (default: HEAPSCOPE_LANG, else the locale: LC_ALL, LC_MESSAGES, LANG)',
  'cli.help.afterError': '(run heapscope --help for usage)',
  'cli.help.timeout':
    "limit for each test binary run, as go test -timeout; heapscope kills the run's whole process tree itself {grace} s past it (0: none)",
  'cli.help.withBench': 'with --bench: {help}',
  'cli.help.packages': 'package patterns (default ./...)',
  'cli.help.packagesGoBuild': 'package patterns as for go build (default ./...)',
  'cli.help.tags': 'comma-separated build tags',
  'cli.help.tagsGoBuild': 'comma-separated build tags, as go build -tags',
  'cli.help.dir': 'run in DIR (like go -C)',
  'cli.help.noCache': "ignore and do not write heapscope's parsed-result cache",
  'cli.help.color': 'force colour in text output',
  'cli.help.noColor': 'never colour text output',
  'cli.help.progress': 'show progress on stderr (default: when stderr is a terminal)',
  'cli.help.noProgress': 'never show progress',
  'cli.help.tests': 'include _test.go files',
  'cli.help.format': 'output format',
  'cli.help.formatHtml': 'output format (html: one self-contained page)',
  'cli.help.output': 'write the report to FILE (whole or not at all) instead of standard output',
  'cli.help.benchtime': 'with --bench: as go test -benchtime',
  'cli.help.top': 'how many sites the summary at the top ranks (0: no summary)',
  'cli.help.sort':
    'list sites by cost (most expensive first: CPU time where bench measured it, then B/op), by measured allocs/op, or by position',
  'cli.help.cause': 'only sites with these causes (comma-separated ids, see docs/causes.md)',
  'cli.help.package': 'only sites in packages matching these patterns (as go list: ./x/..., example.com/m/...)',
  'cli.help.function': 'only sites in functions matching this regular expression (compiler or readable name)',
  'cli.help.minAllocs': 'only sites the latest heapscope bench measured at N allocs/op or more',
  'cli.help.all': "also list sites in other modules' generic code instantiated here (by default charged to the calls that instantiate it)",
  'cli.help.exitCodes': `Exit codes:
  0  everything was analysed
  1  {partial}
  2  heapscope could not run: bad usage, go missing or older than {go}, no module, no package matched
  {bug}  a heapscope bug (an internal error; please report it)
  129, 130, 143  stopped by SIGHUP, SIGINT (Ctrl-C), SIGTERM: each child process group gets the same signal,
     SIGKILL 2.5 s later; heapscope's temporary directories are removed`,
  'cli.help.partial.analyze': 'partial results: some packages did not compile (their errors are reported; the rest is analysed)',
  'cli.help.partial.bench':
    'partial results: a test binary did not compile or ended before its benchmarks, or a benchmark failed, panicked, exited, timed out or matched nothing (their errors are reported; the rest is analysed)',
  'cli.help.environment': `Environment:
  GOFLAGS, GOOS, GOARCH, CGO_ENABLED and the rest of the go command's environment apply as usual
  (heapscope sets -gcflags='-m=2 -dwarf=false -d=escapedebug=1,closure=1' itself for the named packages).
  GOTOOLCHAIN selects the Go release as for the go command. NO_COLOR / FORCE_COLOR control colour.
  HEAPSCOPE_CACHE  where parsed results are cached (default $XDG_CACHE_HOME/heapscope or ~/.cache/heapscope);
                   an unchanged re-run of the same command replays its last complete report from there
  HEAPSCOPE_CACHE_LIMIT  the cache's bound (default 2G); see heapscope cache --help
  HEAPSCOPE_LANG  the language heapscope writes in (en, zh-CN), before the locale (LC_ALL, LC_MESSAGES, LANG)
  HEAPSCOPE_DEBUG  print where the time went (and a stack trace for internal errors) on stderr`,
  'cli.help.analyze': "run the compiler's escape analysis on packages and explain every heap allocation",
  'cli.help.analyze.tests': 'include _test.go files (compiles the test variants of the packages)',
  'cli.help.analyze.profile': 'rank by this CPU or memory profile (pprof, as go build -pgo takes) instead of heapscope bench figures',
  'cli.help.analyze.asm': 'html: include the assembly of the functions that allocate (one more build of their packages with -S)',
  'cli.help.analyze.writeBaseline': 'also record the heap sites that allocate in FILE, for heapscope check --baseline',
  'cli.help.analyze.verbose': 'list compiler lines heapscope did not recognise',
  'cli.help.bench': 'run benchmarks and attribute every allocs/op to the source line, type and compiler decision that make it',
  'cli.help.bench.bench': 'benchmarks to run, as go test -bench',
  'cli.help.bench.count': 'runs of each benchmark for the timings (median and spread)',
  'cli.help.bench.benchtime': 'as go test -benchtime (1s, 20000x); applies to the timing pass',
  'cli.help.bench.check': "fail (exit 1) when a benchmark takes more allocs/op or B/op than its budget in the module's heapscope.json",
  'cli.help.bench.noCost': 'skip the cost pass (one CPU-profiled, GC-traced run per benchmark): no cpu and gc figures',
  'cli.help.bench.costTime': 'how long the cost pass runs each benchmark at most (default 500ms: ~50 CPU samples)',
  'cli.help.bench.exact': 'record every allocation in the profiled runs, however long they take (default: sample where that would be slow)',
  'cli.help.bench.trace': "also record each benchmark's execution trace in a run of its own and summarise it (GC cycles, pauses, MMU)",
  'cli.help.bench.compare': 'set two benchmarks side by side (A B: full names or unique suffixes), with the ratio B/A',
  'cli.help.bench.after': `Timings come from a plain run with -benchmem. Per-line figures come from two further runs of each benchmark
with every allocation recorded (-memprofilerate=1) and fixed iteration counts; their difference removes setup.
The cost pass (skipped with --no-cost) runs each benchmark once more, for about as long as its timed run and at
most --cost-time (500ms), under the CPU profiler and GODEBUG=gctrace=1: the shares of CPU in the allocator and in GC, GC cycles.
Where recording every allocation would take long, the two runs record a sample (a larger -memprofilerate) and
each line's figures are estimates with a 95% interval; --exact records every allocation all the same.`,
  'cli.help.explain': 'everything heapscope knows about one source line: decisions, causes, inlining, allocated types, runtime figures',
  'cli.help.explain.position':
    'a source position (FILE:LINE, or FILE:LINE:COL as reports print it), relative to the current directory (or -C DIR)',
  'cli.help.explain.bench': 'also run these benchmarks of the package and show their figures for the line',
  'cli.help.check': 'check the //heapscope: directives of packages, and with --baseline the heap sites new against a baseline',
  'cli.help.check.tests': 'include _test.go files (and their directives)',
  'cli.help.check.baseline': 'also fail on heap sites not in this baseline (heapscope analyze --write-baseline FILE)',
  'cli.help.check.bench': 'also run these benchmarks: an allocation they measure in a //heapscope:noalloc function fails',
  'cli.help.check.after': `Directives, written as Go's own (no space after //):
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
  'cli.help.diff': 'heap sites added, removed and changed between two revisions, or between two Go releases',
  'cli.help.diff.revisions': 'A [B]: two revisions (B: the working tree by default); packages after --',
  'cli.help.diff.go': 'compare two Go releases on the same code (give it twice; fetched through GOTOOLCHAIN)',
  'cli.help.diff.bench': 'also run these benchmarks on both sides, interleaved, and compare them as benchstat does',
  'cli.help.diff.count': 'with --bench: runs of each benchmark on each side (6 or more: the least for a 95% interval of the median)',
  'cli.help.diff.threshold': 'with --bench: a significant change worse than this fails (exit 1)',
  'cli.help.diff.benchOutput':
    "with --bench: also write both sides' raw go test output to PREFIX.from.txt and PREFIX.to.txt (for benchstat)",
  'cli.help.diff.after': `Each revision's files that analysis reads (Go, module, assembly and cgo files, and what //go:embed lines name)
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
  'cli.help.serve': 'serve the HTML report from a local server, updated as files change, with a playground for snippets',
  'cli.help.serve.port': 'port on 127.0.0.1 (0: a free port chosen at random)',
  'cli.help.serve.after': `The first line of standard output is the server's URL; the report is at /, the playground at /playground.
The server listens on 127.0.0.1 only and answers only requests whose Host is its own address and whose Origin,
when sent, is its own. The report re-analyses (through the cache: only changed packages recompile) when a .go
file, go.mod or go.work of the analysed packages changes, and the open pages update themselves.
Playground snippets are built in a temporary module, removed afterwards, with CGO_ENABLED=0, GOPROXY=off,
GOTOOLCHAIN=local, a time limit (60 s, 120 s with benchmarks) and a 2 GiB data limit; two run at once.
Stop with Ctrl-C (exit 130).`,
  'cli.help.lsp': 'the language server (LSP 3.17 over standard input and output) for editors: see docs/editors.md',
  'cli.help.lsp.stdio': 'talk over standard input and output (the default and only transport)',
  'cli.help.cache': "heapscope's cache: where it is, what it holds, emptying it",
  'cli.help.cache.info': 'where the cache is, its size against its bound, and its entries by kind',
  'cli.help.cache.clean': "remove heapscope's files from the cache (nothing else in the directory)",
  'cli.help.cache.after': `The cache (HEAPSCOPE_CACHE, else $XDG_CACHE_HOME/heapscope or ~/.cache/heapscope) holds each package's parsed
compiler output, keyed by its files, its imports' keys, the toolchain, flags, build tags, GOEXPERIMENT and
the like, PGO profiles, overlays and the cgo environment; the last finished report of each command line; the
figures heapscope bench measured (measured/); its go/srcfacts and go/tracesum helpers (bin/); and the commits heapscope diff
unpacked (revisions/). All of it is kept under HEAPSCOPE_CACHE_LIMIT (default 2G; bytes, or K, M, G,
1024-based): every run that adds to it and takes it over the bound removes the least recently used entries
until it is at three quarters of the bound. clean removes all of it.`,

  // commander's own words (commander-text.ts), as commander 14 writes them in English.
  'cli.commander.usage': 'Usage:',
  'cli.commander.options': 'Options:',
  'cli.commander.commands': 'Commands:',
  'cli.commander.arguments': 'Arguments:',
  'cli.commander.globalOptions': 'Global Options:',
  'cli.commander.choices': 'choices: {choices}',
  'cli.commander.default': 'default: {value}',
  'cli.commander.extras': '({extras})',
  'cli.commander.withExtras': '{description} ({extras})',
  'cli.commander.extrasSeparator': ', ',
  'cli.commander.unknownOption': "error: unknown option ''{flag}''",
  'cli.commander.unknownCommand': "error: unknown command ''{name}''",
  'cli.commander.missingArgument': "error: missing required argument ''{name}''",
  'cli.commander.optionMissingArgument': "error: option ''{flags}'' argument missing",
  'cli.commander.missingMandatory': "error: required option ''{flags}'' not specified",
  'cli.commander.invalidChoice': "error: option ''{flags}'' argument ''{value}'' is invalid. Allowed choices are {choices}.",
  'cli.commander.invalidArgument': "error: option ''{flags}'' argument ''{value}'' is invalid. {why}",
  'cli.commander.excessArguments':
    "error: too many arguments for ''{command}''. Expected {expected, plural, one {# argument} other {# arguments}} but got {got}.",
  'cli.commander.didYouMean': '(Did you mean {name}?)',
  'cli.commander.didYouMeanOneOf': '(Did you mean one of {names}?)',
} as const;
