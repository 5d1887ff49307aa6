// The prose the join and the model write into a report: the root-cause and chain sentences (Site.detail), the
// notes on sites and benchmarks, the cold-path reasons, the cost bases, check's violations, diff's changes.
// Produced in the language of the run; Go names, expressions, positions and the compiler's words are placeholders.
export const prose = {
  // A list of full clauses, one after another (the estimate's reasons, a callee's leaking parameters).
  'prose.clauses': '{list}; {next}',

  // Site.detail (join/chains.ts): what the compiler's explanation comes to.
  'prose.detail.storedInVariable': 'stored in variable {name}, which is itself on the heap',
  'prose.detail.storedInVariableBy': 'stored in variable {name} ({step} at {at}), which is itself on the heap',
  'prose.detail.storedIn': 'stored in {name}, which is itself on the heap',
  'prose.detail.storedInBy': 'stored in {name} ({step} at {at}), which is itself on the heap',
  'prose.detail.keptInTemp': 'kept in a compiler temporary, made outside the loop this runs in',
  'prose.detail.keptInTempAfter': 'kept in a compiler temporary (after {step} at {at}), made outside the loop this runs in',
  'prose.detail.keptIn': 'kept in {name}, which is declared outside the loop this runs in',
  'prose.detail.keptInBy': 'kept in {name} ({step} at {at}), which is declared outside the loop this runs in',
  'prose.detail.boxedKeptBy': 'boxed and kept by {step} ({reason}) at {at}',
  'prose.detail.step': '{step} ({reason}) at {at}',
  'prose.detail.keptBy': 'kept by {step} ({reason}) at {at}',
  'prose.detail.passedAppend': 'passed to {callee} at {at}: append stores it in the slice it returns',
  'prose.detail.passedOn': 'passed to {callee} at {at}: {fn} passes it on to a call that keeps it',
  'prose.detail.passedLeaks': 'passed to {callee} at {at}: {leaks}',
  'prose.detail.paramLeaks': "{fn}'s parameter {param} leaks",
  'prose.detail.paramLeaksAt': "{fn}'s parameter {param} leaks ({step}, {reason}, at {at})",
  'prose.detail.passedNotAnalysed':
    'passed to {callee} at {at}: {callee} is not analysed here (another package, or a call through an interface or function value): the compiler knows only that the parameter leaks',

  // Site.notes on inlining (join/build-model.ts).
  'prose.note.inlinedBody': 'comes from the body of {callee}, inlined into {caller} here',
  'prose.note.inlinedBodyCaller': 'comes from the body of {callee}, inlined into the caller here',
  'prose.note.alsoEscapes': 'also escapes where {fn} is inlined into {caller} at {at}',
  'prose.note.alsoEscapesCaller': 'also escapes where {fn} is inlined into a caller at {at}',
  'prose.note.staysOnStack':
    'stays on the stack where {fn} is inlined into {caller} at {at}: the escape happens only when {fn} is called without inlining',
  'prose.note.staysOnStackCaller':
    'stays on the stack where {fn} is inlined into a caller at {at}: the escape happens only when {fn} is called without inlining',
  'prose.note.notInlined': 'passed to {fn}, which is not inlined ({reason}): the compiler sees only that its parameter leaks',

  // Site.coldReason (join/focus.ts), by model/source-facts.ts's ColdWhy.
  'prose.cold.panic-argument': 'an argument of panic',
  'prose.cold.fatal-argument': 'an argument of a Fatal or Panic logging call',
  'prose.cold.branch-panics': 'on a branch that ends in panic',
  'prose.cold.branch-fatal': 'on a branch that ends in a Fatal or Panic logging call',
  'prose.cold.branch-exits': 'on a branch that ends in os.Exit',
  'prose.cold.branch-returns-error': 'on a branch that returns a non-nil error',
  'prose.cold.branch-records-error': 'on a branch that hands a new error to a call and returns',
  'prose.cold.error-value-returned': 'builds an error value that is returned',

  // SiteCost.basis (join/focus.ts).
  'prose.basis.profileMemory': "{n} allocations on its line ({pct} of the profile's) in {file}",
  'prose.basis.profileCpu': 'its line is on the stack in {pct} of the CPU profile {file}',
  'prose.basis.measured': '{allocs} allocs/op on its line in {benchmark}',
  'prose.basis.measuredCpu': '{allocs} allocs/op on its line in {benchmark}, {pct}% of its CPU in the allocator',
  'prose.basis.measuredCpuNs':
    '{allocs} allocs/op on its line in {benchmark}, {pct}% of its CPU in the allocator, {ns} ns/op of CPU in allocation and GC',
  'prose.basis.inLoop': 'in a loop',
  'prose.basis.inNestedLoops': 'in {n} nested loops',
  'prose.basis.calledInLoop': 'in {fn}, which is called inside a loop',
  'prose.basis.calledInLoops': 'in {fn}, which is called inside loops at {n} places',
  'prose.basis.init': 'package initialisation, run once per program',
  'prose.basis.cold': 'cold path',
  'prose.basis.sometimes': 'allocates only for some values',
  'prose.basis.straight': 'straight-line code, run once per call',

  // check's violations and stale directives (join/check.ts).
  'prose.check.noescape': 'allocates on the heap on a //heapscope:noescape line',
  'prose.check.cannotInline': 'the compiler cannot inline {name}: {reason}',
  'prose.check.cannotInlineNoReason': 'the compiler cannot inline {name}: no reason printed',
  'prose.check.noalloc': 'allocates on the heap in //heapscope:noalloc function {name}',
  'prose.check.noallocPackage': 'allocates on the heap in package {pkg}, noalloc by the configuration file',
  'prose.check.notInBaseline': 'a heap allocation not in the baseline',
  'prose.check.measured': '{benchmark} measured {allocs} allocs/op ({bytes} B/op) at {at} in //heapscope:noalloc function {name}',
  'prose.check.measuredIn':
    '{benchmark} measured {allocs} allocs/op ({bytes} B/op) at {at} (in {innermost}) in //heapscope:noalloc function {name}',
  'prose.stale.unknown': 'unknown directive //heapscope:{word} (known: {known})',
  'prose.stale.noCode': 'no code after it for it to govern',
  'prose.stale.notInDoc': "//heapscope:{kind} belongs in a function's doc comment",
  'prose.stale.generic': '{name} is generic and nothing in the analysed packages instantiates it, so the compiler did not compile it',
  'prose.stale.notCompiled':
    'the compiler did not compile {name} in this build (build tags, GOOS/GOARCH, or a _test.go file without --tests)',
  'prose.stale.ignoreNoReason': '//heapscope:ignore needs a reason: //heapscope:ignore REASON',
  'prose.stale.silencesNothing': 'silences nothing: no violation on line {line}',

  // Why a budget's metric has no figure (model/budgets.ts).
  'prose.budget.noCostPass': 'no cost pass ran (--no-cost)',
  'prose.budget.noGctrace': "the cost pass's gctrace did not tell (see the benchmark's notes)",
  'prose.budget.costRunFailed': 'the cost run failed',
  'prose.budget.fewCpuSamples': 'only {n} CPU samples',

  // Filters that match nothing and baseline files that are not one (model/filters.ts, model/baseline.ts).
  'prose.filter.badPackagePattern': 'not a package pattern: {char} cannot be in an import path',
  'prose.filter.noPackage': '--package {pattern}: matches none of the analysed packages',
  'prose.filter.noFunction': '--function {pattern}: matches no function of the analysed packages',
  'prose.baseline.notJson': 'not JSON ({error})',
  'prose.baseline.noFormat': 'not a heapscope baseline (no {field})',
  'prose.baseline.badSites': 'its "sites" are not a list of sites with ids',

  // diff's changes of a site (join/diff.ts): `field: before → after`.
  'prose.diff.expression': 'expression: {before} → {after}',
  'prose.diff.function': 'function: {before} → {after}',
  'prose.diff.cause': 'cause: {before} → {after}',
  'prose.diff.rootCause': 'root cause: {before} → {after}',
  'prose.diff.allocates': 'allocates: {before} → {after}',
  'prose.diff.inlinedFrom': 'inlined from: {before} → {after}',
  'prose.diff.none': '(none)',
  'prose.diff.notes': 'inlining notes changed',

  // Readable names of what the compiler names (join/go-names.ts).
  'prose.name.anyPointer': 'any pointer type',
  'prose.name.equality': 'the equality function of {type}',
  'prose.name.hash': 'the hash function of {type}',
  'prose.name.methodValue': 'the method value {method}',
  'prose.name.funcLiteralAt': 'the func literal at {at}',
  'prose.name.funcLiteralIn': 'a func literal in {outer}',
  'prose.name.mapInit': 'a map literal of the package initialisation (compiled as a function of its own)',
  'prose.name.inlinedIntoInit': '{name}, inlined into the package initialisation',
  'prose.name.varInit': 'the initialiser of var {names}',
  'prose.name.packageInit': 'the package initialisation',
  'prose.name.funcInit': 'func init (the {n, plural, =1 {first} =2 {second} =3 {third} other {#th}} in the package)',
  'prose.name.wrapper': 'the compiler-generated wrapper of method {method}',
  'prose.name.resultOf': 'the result of {fn}',
  'prose.name.nthResultOf': 'result {n} of {fn}',
  'prose.name.resultOfFunction': 'the result of the function',
  'prose.name.nthResultOfFunction': 'result {n} of the function',
  'prose.name.resultOfInlined': 'the result of an inlined call',
  'prose.name.nthResultOfInlined': 'result {n} of an inlined call',
  'prose.name.parameter': 'parameter {n}',
  'prose.name.blankResult': 'a blank result',
  'prose.name.rangeFuncState': "the range-over-func loop's state",
  'prose.name.aRangeFuncState': "a range-over-func loop's state",
  'prose.name.temporary': 'a compiler temporary',
  'prose.name.staticTemporary': 'a static temporary',
} as const;
