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

  // Usage errors of the command line (cli/) and their hints.
  'cli.err.notDuration': '{flag} {value}: not a Go duration',
  'cli.err.hint.durationUnit': 'use a unit, as in 90s, 10m or 1h30m',
  'cli.err.negative': '{flag} {value}: must not be negative',
  'cli.err.hint.timeoutZero': 'as in 10m, or 0 for no limit',
  'cli.err.notPositiveDuration': '{flag} {value}: not a Go duration above zero',
  'cli.err.hint.costTime': 'as in 500ms or 2s',
  'cli.err.countZero': '{flag} {value}: the count must be above zero',
  'cli.err.notCount': '{flag} {value}: not a count',
  'cli.err.hint.countX': 'as in 20000x',
  'cli.err.notDurationOrCount': '{flag} {value}: not a Go duration or count',
  'cli.err.hint.benchtime': 'as in 1s, 500ms or 20000x',
  'cli.err.notLonger': '{flag} {value}: must be longer than zero',
  'cli.err.notPositiveInt': '{flag} {value}: must be a positive whole number',
  'cli.err.notRegexp': '{flag} {value}: not a Go regular expression: {why}',
  'cli.err.noSuchDir': '{flag} {value}: no such directory',
  'cli.err.notDirInPath': '{flag} {value}: a part of the path is not a directory',
  'cli.err.permission': '{flag} {value}: not readable (permission denied)',
  'cli.err.cannotRead': '{flag} {value}: cannot be read ({code})',
  'cli.err.notDir': '{flag} {value}: not a directory',
  'cli.err.hint.goModDir': 'name the directory that holds go.mod',
  'cli.err.noSuchFile': '{flag} {value}: no such file',
  'cli.err.noSuchCause': '{flag} {value}: no such cause',
  'cli.err.hint.oneOf': 'one of {names}',
  'cli.err.flagWhy': '{flag} {value}: {why}',
  'cli.err.hint.packagePattern': 'an import path pattern (example.com/m/...) or a directory pattern (./x/...)',
  'cli.err.notAllocsNumber': '{flag} {value}: not a number of allocations per op',
  'cli.err.hint.minAllocs': 'as in 1 or 0.5',
  'cli.err.notTop': '{flag} {value}: must be a whole number (0: no summary)',
  'cli.err.htmlToTerminal': '--format html writes a page, not terminal text',
  'cli.err.hint.htmlToTerminal': 'give -o FILE, or redirect standard output to a file',
  'cli.err.isDir': '{flag} {value}: is a directory',
  'cli.err.hint.nameFile': 'name a file',
  'cli.err.cannotWrite': '{flag} {value}: cannot write there ({code})',
  'cli.err.goTwice': '--go is given twice, once for each side (got {n, number})',
  'cli.err.diffSides': 'diff compares two revisions (A [B], B the working tree by default) or two Go releases (--go X --go Y)',
  'cli.err.goOneRevision': 'with --go, name at most one revision (the code both releases compile)',
  'cli.err.notPercentage': '{flag} {value}: not a percentage',
  'cli.err.hint.percentage': 'as 5% or 0.5%',
  'cli.err.noRender':
    '--format {format} does not render {what, select, diff {a diff} check {a check} bench {benchmarks} other {a line explained}}',
  'cli.err.fileLine': 'expected FILE:LINE or FILE:LINE:COL with LINE and COL whole numbers from 1, got {given}',
  'cli.err.checkNeedsBudgets': '--check needs budgets: no heapscope.json, heapscope.yaml or heapscope.yml at the module root',
  'cli.err.notPort': '{flag} {value}: not a port number (0: any free port)',
  'cli.err.cannotListen': 'cannot listen on {address}: {code}',
  'cli.serve.serving': 'serving the report at {url} and the playground at {playground} (Ctrl-C stops)',
  'cli.serve.updated': '{message} (update {generation, number})',

  // Errors of the runners (runners/): the go command, git, configuration, profiles.
  'cli.err.cacheLimit': 'HEAPSCOPE_CACHE_LIMIT={value} is not a size: write bytes, or a number with K, M or G (1024-based), such as 500M',
  'cli.err.hint.goUsage': 'check --tags, the package patterns and GOFLAGS',
  'cli.err.badBenchRegexp': '{flag} {value}: {goText}',
  'cli.err.twoConfigs': '{files}: two configuration files; keep one',
  'cli.err.configTooLarge': '{file}: {size} MiB, larger than the 1 MiB heapscope reads',
  'cli.err.cannotReadFile': '{file}: cannot read it ({code})',
  'cli.err.notGitRepo': '{dir} is not in a git repository ({why})',
  'cli.err.gitExited': 'git exited {code}',
  'cli.err.notRevision': '{value}: not a revision',
  'cli.err.unknownRevisionShallow': 'unknown revision {rev}: this clone is shallow and may not have it',
  'cli.err.hint.unshallow': 'fetch it first (git fetch --unshallow, or actions/checkout with fetch-depth: 0)',
  'cli.err.unknownRevision': 'unknown revision {rev}',
  'cli.err.hint.revision': 'a branch, tag or commit git rev-parse knows',
  'cli.err.goEnvFailed': 'go env failed: {goText}',
  'cli.err.exitStatus': 'exit status {code}',
  'cli.err.goEnvNotJson': 'go env -json printed something that is not JSON',
  'cli.err.hint.goOnPath': 'is `go` on PATH the Go toolchain?',
  'cli.err.goVersionUnknown': 'cannot tell the Go release from GOVERSION={value}',
  'cli.err.goTooOld': '{version} is too old: heapscope needs {oldest} or newer',
  'cli.err.hint.goTooOld': 'install a newer Go, or set GOTOOLCHAIN=go1.26.0 to let the go command fetch one',
  'cli.err.noModule': 'no Go module in {dir}',
  'cli.err.hint.noModule': 'run heapscope inside a module (a directory with go.mod), or use -C DIR',
  'cli.err.hint.patterns': 'check the package patterns (for example ./... or ./cmd/...)',
  'cli.err.noPackagesMatch': 'no packages match {patterns}',
  'cli.err.dirGone': 'the directory {dir} no longer exists',
  'cli.err.hint.dirGone': 'was it removed while heapscope ran?',
  'cli.err.commandNotFound': '{cmd}: command not found',
  'cli.err.hint.installGo': 'install Go from https://go.dev/dl and put it on PATH',
  'cli.err.commandFailed': '{cmd}: {why}',
  'cli.err.hint.profile': 'give a CPU or memory profile in pprof format (go test -cpuprofile or -memprofile)',

  // Errors, problems, notes and progress of the engine (pipeline/).
  'cli.err.minAllocsProfile': '--min-allocs counts allocs/op that heapscope bench measured; with --profile there are none',
  'cli.err.hint.leaveOne': 'leave out one of the two',
  'cli.err.asmHtml': '--asm adds the assembly pane of the html report',
  'cli.err.hint.asmHtml': 'use it with --format html',
  'cli.problem.asm': 'the assembly listing: {why}',
  'cli.problem.notCompiled': '{n, plural, one {# package} other {# packages}} did not compile; results are partial',
  'cli.problem.budgetsExceeded': '{n, plural, one {# budget} other {# budgets}} exceeded',
  'cli.problem.budgetedNotRun': '{n, plural, one {# budgeted benchmark} other {# budgeted benchmarks}} did not run ({names})',
  'cli.problem.budgetsUnmeasured': '{n, plural, one {# budget} other {# budgets}} not measured ({list})',
  'cli.problem.budgets': '{parts} ({file})',
  'cli.problem.noBenchmarkMatches': 'no benchmark matches --bench {pattern} in {packages}',
  'cli.problem.benchPackages': 'problems in {n, plural, one {# package} other {# packages}}; the other benchmarks are reported',
  'cli.listSeparator': '; ',
  'cli.err.hint.writeBaseline': 'write one with heapscope analyze --write-baseline FILE',
  'cli.err.benchDidNotRun': '{flag} {value}: the benchmarks did not run',
  'cli.problem.checkNotCompiled': '{n, plural, one {# package} other {# packages}} did not compile: their directives were not checked',
  'cli.problem.nothingToCheck': 'no //heapscope: directive in the analysed packages, and no --baseline: nothing to check',
  'cli.err.compareTwo':
    '--compare takes two benchmark names, A and B (given {n, number}); put package patterns before --compare or after --',
  'cli.err.compareTwice': '--compare names {name} twice: give two benchmarks',
  'cli.err.notRelease': '{flag} {value}: not a Go release name',
  'cli.err.hint.release': 'as go1.26.8 or go1.27.4, which GOTOOLCHAIN takes',
  'cli.err.toolchainUnavailable': '{flag} {value}: the go command cannot get that toolchain: {goText}',
  'cli.err.revisionNoDir': 'revision {rev} has no {dir} directory',
  'cli.err.revisionNoModule': 'revision {rev} has no module directory',
  'cli.note.dirty': 'the working tree has uncommitted changes; they are part of the working-tree side',
  'cli.note.submodule':
    'the submodule at {path} is not part of the tree of {sides} (git archive leaves it out): its packages are not compared',
  'cli.note.goSide': 'go ({side}): {goText}',
  'cli.progress.analysingSide': 'analysing {side} ({i, number}/2)',
  'cli.progress.onSide': '{side}: {message}',
  'cli.note.noRunsNew': '{name}: no runs on {side} (new there, or it failed)',
  'cli.note.noRunsRemoved': '{name}: no runs on {side} (removed, or it failed)',
  'cli.note.noBenchmarkEitherSide': 'no benchmark matching --bench {pattern} ran on either side',
  'cli.problem.comparisonIncomplete': 'the benchmark comparison is incomplete (above): a gate cannot pass on it',
  'cli.problem.diffNotCompiled':
    '{n, plural, one {# package} other {# packages}} did not compile on one side: the comparison is incomplete',
  'cli.err.notAFile': '{file}: not a file',
  'cli.err.noSuchFileName': '{file}: no such file',
  'cli.err.cannotBeRead': '{file}: cannot be read ({code})',
  'cli.err.lineOutOfRange': '{file}:{line}: {file} has {lines, plural, one {# line} other {# lines}}',
  'cli.problem.positionNotCompiled': '{position}: {package} does not compile: {goText}',
  'cli.problem.notInFunction': '{position} is not inside a function: the compiler decides nothing there',
  'cli.err.hint.analysedPackages': 'the analysed packages: {names}',
  'cli.err.hint.functionNames': 'it is matched against function names as the reports print them, such as NewPoint or (*Buffer).Write',
  'cli.packagesAndMore': '{names} and {n, number} more',
  'cli.none': 'none',

  // The runners' progress lines and what they say of packages and benchmarks that failed.
  'cli.progress.building': 'building {package} ({side})',
  'cli.progress.round': 'round {round, number}/{count, number}: {package} ({side})',
  'cli.bench.abNoBuild': '{package} ({side}): test binary does not build: {goText}',
  'cli.bench.abTimedOut': '{package} ({side}): {benchmark} timed out after {timeout} (--timeout); the test binary was killed',
  'cli.bench.aBenchmark': 'a benchmark',
  'cli.bench.abFailed': '{package} ({side}): the benchmarks failed ({status}): {lines}',
  'cli.progress.listing': 'listing packages',
  'cli.progress.compiling': 'compiling {seen, number}/{total, number} packages',
  'cli.analyze.goStopped': 'not compiled: the go command stopped before compiling it: {goText}',
  'cli.analyze.buildStopped': "not compiled: the build stopped before this package (see the other packages' errors)",
  'cli.analyze.importsBroken': 'not compiled: it imports {package}, which does not compile',
  'cli.progress.buildingTests': 'building {package} ({i, number}/{n, number})',
  'cli.progress.timing': 'timing {package} benchmarks',
  'cli.bench.timedOut': 'benchmarks timed out after {timeout} (--timeout); the test binary was killed',
  'cli.bench.measuredNothing':
    '{benchmark} measured nothing: it reported 0 iterations, its goroutine having ended abnormally (runtime.Goexit, or a panic whose message the test binary exited before printing)',
  'cli.progress.profiling': 'profiling {benchmark}',
  'cli.progress.profilingMany': 'profiling {n, plural, one {# benchmark} other {# benchmarks}} of {package}',
  'cli.progress.measuringCost': 'measuring the cost of {benchmark}',
  'cli.progress.buildingTracesum': 'building go/tracesum',
  'cli.progress.tracing': 'tracing {benchmark}',
  'cli.progress.tracingAgain': 'tracing {benchmark} again',
  'cli.srcfacts.unreadable': 'go/srcfacts printed what heapscope cannot read: {why}',
  'cli.srcfacts.exited': 'go/srcfacts exited {status}: {lines}',
  'cli.bench.killedTimeout': 'timed out after {timeout} (--timeout); the test binary was killed',
  'cli.bench.skipped': '{benchmark} was skipped',
  'cli.bench.skippedWhy': '{benchmark} was skipped: {why}',
  'cli.bench.failed': '{benchmark} failed',
  'cli.bench.failedWhy': '{benchmark} failed: {why}',
  'cli.bench.timeoutProblem': '{benchmark} {what}',
  'cli.bench.timedOutPlain': 'timed out',
  'cli.bench.endedBinary': '{benchmark} ended the test binary: {status}',
  'cli.bench.goTimeout': '{benchmark} timed out after {timeout} (-test.timeout)',
  'cli.bench.panicked': '{benchmark} panicked: {value}',
  'cli.bench.earlyExit': 'the test binary ended before any benchmark ran: {status}',
  'cli.bench.earlyExitArch':
    'the test binary ended before any benchmark ran: {status} (built for another GOOS/GOARCH than this machine runs?)',
  'cli.bench.lastOutput': '{head}; its last output:',

  // Error lines, problems around the report, and heapscope cache info / clean.
  'cli.error.withHint': '{message} ({hint})',
  'cli.problem.sourceStructure': 'source structure: {message}',
  'cli.cache.info': `cache: {dir}
size: {size} in {entries, plural, one {# file} other {# files}}, bound {limit} ({from})
  package facts:     {facts, plural, one {# entry} other {# entries}}, {factsSize}
  finished reports:  {results, plural, one {# entry} other {# entries}}, {resultsSize}
  run lists:         {runs, plural, one {# entry} other {# entries}}, {runsSize}
  Go tool paths:     {tools, plural, one {# entry} other {# entries}}
  measured figures:  {measured, plural, one {# module} other {# modules}}, {measuredSize}
  helper programs:   {bin, plural, one {# file} other {# files}}, {binSize}
  diff''s revisions:  {revisions, plural, one {# commit} other {# commits}}, {revisionsSize}`,
  'cli.cache.defaultLimit': 'default',
  'cli.cache.unfinished': '  unfinished writes: {n, number}, {size} (removed once their run has ended)',
  'cli.cache.removed': 'removed {n, plural, one {# file} other {# files}} ({size}) from {dir}',

  // Said when a report is replayed.
  'cli.replayed': 'nothing changed since the same command last ran; its report is replayed from the cache (--no-cache to redo)',

  // Between the names of a list commander prints (choices, suggestions).
  'cli.commander.listSeparator': ', ',

  // The working tree as a side of a diff; a heapscope bug.
  'cli.diff.workingTree': 'the working tree',
  'cli.diff.releaseOn': '{release} on {code}',
  'cli.internalError': 'internal error (please report it): {message}',

  // A configuration file with no problem named.
  'cli.err.configInvalid': 'the configuration file is not valid',

  // What Go's regexp package would refuse in a --bench or --function pattern (checked before anything runs).
  'cli.re2.trailingBackslash': 'trailing backslash at end of expression',
  'cli.re2.backreference': 'backreferences ({escape}) are not supported',
  'cli.re2.invalidEscape': 'invalid escape sequence: {escape}',
  'cli.re2.invalidClassRange': 'invalid character class range',
  'cli.re2.lookaround': 'lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported',
  'cli.re2.invalidRepeat': 'invalid repeat count: {repeat}',
} as const;
