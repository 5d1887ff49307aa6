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

  // A benchmark's and its lines' notes (join/attribute.ts, reconcile.ts, sampled.ts, cpu-cost.ts, gc-cost.ts).
  'prose.bench.noLineFigures': 'no per-line figures: {why}',
  'prose.bench.profiledRunsIncomplete': 'no per-line figures: the profiled runs did not complete',
  'prose.bench.setup':
    'setup: runs outside the timed loop (before b.ResetTimer or under b.StopTimer), {allocs} allocs and {bytes} B per b.N that go test does not count; not in the per-op lines',
  'prose.bench.oneOff':
    'one-off: {apart, plural, one {# allocation} other {# allocations}} more in the longer profiled run ({n2} iterations) than in the shorter ({n1}), not one per op: its per-op share shrinks as N grows (a pool refilled after a GC, a cache filled once; run with a larger --benchtime Nx to see it fall)',
  'prose.bench.siblings':
    "the profiled runs also ran {names} in full (the testing package matches benchmark names element by element, so a name that is a prefix of this one's runs too, and b.Loop runs it to completion): their per-line figures, {bytes} B/op, are taken out",
  'prose.bench.partInside': 'part of it is allocated inside {fn}, called from this line',
  'prose.bench.inside': 'allocated inside {fn}, called from this line',
  'prose.bench.context':
    "the compiler's heap decisions on this line ({exprs}) made none of these allocations: they are context, not the cause",
  'prose.bench.noModuleFrame': 'no frame of the analysed module is on the stack: allocated by the runtime or the testing package',
  'prose.bench.mapInsert':
    'inserting into the map allocates its storage inside runtime.{fn}: {allocs} allocs/op of {bytes} B on average (groups of 8 slots, then larger tables as it grows)',
  'prose.bench.stackMake':
    'the compiler says this make does not escape, yet it allocates: its run-time size is larger than the stack buffer',
  'prose.bench.tinyWhat':
    '{typeKind, select, named {{type}} other {objects}}{sizeKind, select, exact { of {size} B} most { of at most {size} B} other {}}{whereKind, select, callee { inside {where}} runtime { (runtime.{where})} other {}}',
  'prose.bench.tinyShared': '{what}: {blocks} blocks/op, taken as 1 allocs/op',
  'prose.bench.tinyCount': '{what}: {blocks} blocks/op × {perBlock} per block ≈ {allocs} allocs/op',
  'prose.bench.tinyEstimated':
    'tiny objects, estimated: the allocator packs pointer-free objects under 16 B into one 16-byte block, and the profile records only the allocation that opens a block (it counted {n} allocs/op here); {items}',
  'prose.bench.tinyEstimatedShared':
    'tiny objects, estimated: the allocator packs pointer-free objects under 16 B into one 16-byte block, and the profile records only the allocation that opens a block (it counted {n} allocs/op here); {items} (the calls share blocks, and whichever opens one is recorded: one object per op from each call is assumed)',
  'prose.bench.tinyEstimatedCount':
    'tiny objects, estimated: the allocator packs pointer-free objects under 16 B into one 16-byte block, and the profile records only the allocation that opens a block (it counted {n} allocs/op here); {items} (the size is not in the listing: read from the count, one object per op assumed)',
  'prose.bench.amortised':
    'amortised: one allocation every {every} ops on average ({bytes} B each), as a slice or map kept across iterations grows',
  'prose.bench.tiny':
    'tiny objects: the allocator packs several into one 16-byte block, and the profile records the block, so fewer allocations show here than go test counts',
  'prose.bench.inlinedIntoBench': "{fn} is inlined into {bench} at {at}; the allocation is made in {bench}'s frame",
  'prose.bench.unknownRuntime':
    'runtime.{fn} is an allocation entry point heapscope does not know yet: its kind and type argument are not read',
  'prose.bench.runsInlined':
    'this code runs inlined; the compiler decided it where it is inlined, at {sites}: those are the decisions shown',
  'prose.bench.callSite': '{at} in {caller}',
  'prose.bench.noCause': 'no static heap decision on this line and no known run-time cause',

  'prose.sampled.tooFew':
    'no per-line figures: the sampled profiled runs ({n1} and {n2} iterations, one allocation in about every {rate} bytes) recorded {samples, plural, one {# allocation} other {# allocations}}, too few to split by line ({min} at least); the timed figures stand: run with --exact to record every allocation',
  'prose.sampled.note':
    "sampled: the per-line figures come from two runs ({n1} and {n2} iterations) that recorded one allocation in about every {rate} bytes (-test.memprofilerate={rate}) ({samples} recorded), each scaled up by the chance it had of being recorded: they are estimates, each line's with its 95% interval, and lines whose interval holds zero are left out (recording every allocation would have taken too long; --exact does it); timings from the plain run",
  'prose.sampled.noteOverran':
    "sampled: the per-line figures come from the shorter run ({n1} iterations, -test.memprofilerate={lowRate}) took longer than planned, so the longer one ({n2}) recorded one allocation in about every {rate} bytes ({samples} recorded), each scaled up by the chance it had of being recorded: they are estimates, each line's with its 95% interval, and lines whose interval holds zero are left out (recording every allocation would have taken too long; --exact does it); timings from the plain run",
  'prose.sampled.agreeAllocs':
    "the lines add up to {lines} ± {half} allocs/op (95%), which holds the benchmark's measured {measured} allocs/op",
  'prose.sampled.agreeBytes': "the lines add up to {bytes} ± {bhalf} B/op (95%), which holds the benchmark's measured {mbytes} B/op",
  'prose.sampled.agreeBoth':
    "the lines add up to {lines} ± {half} allocs/op and {bytes} ± {bhalf} B/op (95%), which holds the benchmark's measured {measured} allocs/op and {mbytes} B/op",

  'prose.cpu.noSamples': 'only 0 CPU samples of the benchmark in its cost run ({min} needed): {why}',
  'prose.cpu.noFigures': 'no CPU figures: {why}',
  'prose.cpu.noProfile': 'no CPU figures: the cost run wrote no CPU profile',
  'prose.cpu.fewSamples':
    'only {n, plural, one {# CPU sample} other {# CPU samples}} of the benchmark in its cost run ({min} needed): its shares of CPU in the allocator and in GC are unknown (a longer --benchtime gives more)',
  'prose.gc.noAllocation': 'no cost run: the timed run measured 0 allocs/op and 0 B/op, so its CPU and GC figures are 0',
  'prose.gc.noFigures': 'no GC figures: {why}',
  'prose.gc.noResult': 'no GC figures: the cost run printed no result',

  // gctrace's figures (model/gc-figures.ts).
  'prose.gc.noBoundary': "the testing package's runtime.GC() cycles are not in the trace: all {n} cycles are counted",
  'prose.gc.offNearLimit': 'GC is off (GOGC={gogc}) except near the memory limit (GOMEMLIMIT={limit}): {n} cycles ran',
  'prose.gc.offNoCycle': 'GC is off (GOGC={gogc}): no cycle ran because collection is disabled, not because none was needed',
  'prose.gc.offForced': 'GC is off (GOGC={gogc}): {n} cycles ran, each one forced',
  'prose.gc.noGoalNoCycle':
    'GC is off during the timed run (the heap goal is unbounded: GOGC=off, or debug.SetGCPercent(-1) in the benchmark): no cycle ran because collection is disabled, not because none was needed',
  'prose.gc.noGoal':
    'GC is off during the timed run (the heap goal is unbounded: GOGC=off, or debug.SetGCPercent(-1) in the benchmark): {n} cycles ran',
  'prose.gc.ownForced':
    "the benchmark forces GC cycles itself (runtime.GC() or debug.FreeOSMemory): {n} forced cycles are counted, with the b.N = 1 probe's cycles and the testing package's runtime.GC() before the timed run",
  'prose.gc.unread':
    "{n, plural, one {# gctrace line} other {# gctrace lines}} did not read (torn by the benchmark's own stderr output, or a format {go} changed): counted as cycles by their numbers, without their pauses and heap sizes",

  // Whether the lines' sum is what go test measured, and why not (join/reconcile.ts).
  'prose.reconcile.exact':
    'per-line figures come from two runs with every allocation recorded ({n1} and {n2} iterations); timings from the plain run',
  'prose.reconcile.untimed':
    '{allocs} allocs and {bytes} B per b.N are made outside the timed loop, on {lines} (before b.ResetTimer or under b.StopTimer): go test does not count them, and the per-op lines leave them out',
  'prose.reconcile.oneOffs': "{lines}: one-off allocations ({bytes} B/op at the profiled runs' N), not a per-op cost",
  'prose.reconcile.hidden':
    "{allocs} allocs/op and {bytes} B/op are in no line (each below 0.01 allocs/op and 8 B/op: one-offs, the runtime's and the testing package's own)",
  'prose.reconcile.tinyAgree':
    "the lines add up to the benchmark's {measured} allocs/op with tiny objects estimated on {lines}: the memory profile recorded {profiled} allocs/op, counting each 16-byte block of tiny objects once (see the lines' notes)",
  'prose.reconcile.allocation': 'allocation',
  'prose.reconcile.opener': "{at}'s {what} ({type}, {size} B) leaves {room} B of each block it opens",
  'prose.reconcile.openerUnknown': "{at}'s {what} ({type}, size unknown) leaves room in each block it opens",
  'prose.reconcile.tinyHidden':
    'the lines add up to {lines} allocs/op but the benchmark measured {measured}: {diff} allocs/op are tiny objects no line shows. The profile records only the allocation that opens a 16-byte block; an object under 16 B without pointers that fits in the rest of the block is never recorded: {openers}, for an object made next on the same goroutine (inside a call on that line, or on the next line that allocates)',
  'prose.reconcile.tinyDifference':
    'the lines add up to {lines} allocs/op but the benchmark measured {measured}: the difference is tiny allocations: pointer-free objects under 16 bytes share one 16-byte block, and the memory profile records the block, not each object',
  'prose.reconcile.tinyDifferenceBytes':
    'the lines add up to {lines} allocs/op but the benchmark measured {measured}: the difference is tiny allocations: pointer-free objects under 16 bytes share one 16-byte block, and the memory profile records the block, not each object (bytes agree: {lineBytes} B/op in the lines, {measuredBytes} B/op measured)',
  'prose.reconcile.fewerRecorded':
    'the lines add up to {lines} allocs/op but the benchmark measured {measured}: the memory profile recorded fewer allocations than the allocator counted',
  'prose.reconcile.estimatesOver':
    'the lines add up to {lines} allocs/op but the benchmark measured {measured}: the tiny-object estimates on {at} count more objects than ran (they assume one object per op from each tiny call, or that its objects fill its blocks); the memory profile recorded {profiled} allocs/op',
  'prose.reconcile.allocsOneOff':
    "the lines add up to {lines} allocs/op but the benchmark measured {measured}: one-off allocations at the profiled runs' N count for less in the timed run",
  'prose.reconcile.allocsOneOffProfiled':
    "the lines add up to {lines} allocs/op but the benchmark measured {measured} ({profiled} in the profiled run): one-off allocations at the profiled runs' N count for less in the timed run",
  'prose.reconcile.allocsDiffer':
    'the lines add up to {lines} allocs/op but the benchmark measured {measured}: the timed runs may differ from the profiled ones (caches, pools, GC timing)',
  'prose.reconcile.allocsDifferProfiled':
    'the lines add up to {lines} allocs/op but the benchmark measured {measured} ({profiled} in the profiled run): the timed runs may differ from the profiled ones (caches, pools, GC timing)',
  'prose.reconcile.zeroAllocs':
    '{measuredBytes} B/op at 0 allocs/op: amortised growth on {lines}, which allocates less than once per op (go test truncates allocs/op)',
  'prose.reconcile.bytesSum': 'the lines add up to {lineBytes} B/op and the benchmark measured {measuredBytes}',
  'prose.reconcile.growth':
    'the lines add up to {lineBytes} B/op and the benchmark measured {measuredBytes}: amortised growth on {lines} allocates a share per op that depends on N (the slice doubles at powers of two); the timed run ({timedN} iterations) and the profiled runs ({n1} to {n2}) each measured their own',
  'prose.reconcile.setup':
    "{gap} B/op of the measured {measuredBytes} are setup outside the loop: {setup} B per benchmark call, which go test divides over the timed run's {timedN} iterations (call b.ResetTimer after the setup, or use b.Loop)",
  'prose.reconcile.bytesNotInSlope':
    "the lines add up to {lineBytes} B/op but the benchmark measured {measuredBytes}: {gap} B/op are not in the memory profile's per-op slope (setup outside the loop accounts for {setup} B/op)",
  'prose.reconcile.bytesOneOff':
    "the lines add up to {lineBytes} B/op but the benchmark measured {measuredBytes}: one-off allocations at the profiled runs' N count for less in the timed run",
  'prose.reconcile.bytesMore':
    'the lines add up to {lineBytes} B/op but the benchmark measured {measuredBytes}: the profiled runs allocated {more} B/op more than the timed run (caches, pools, GC timing)',

  // bench --compare (model/compare.ts).
  'prose.compare.noMatch': '--compare {given}: no benchmark is named so or ends so',
  'prose.compare.ambiguous': '--compare {given}: {n} benchmarks end so ({names}); give more of the name',
  'prose.compare.missing': '{name} did not run or measured nothing: its column is empty',
  'prose.compare.gcCycles': 'GC cycles',
  'prose.compare.gcPause': 'GC pause ns/op',
  'prose.compare.cpuAlloc': 'CPU in the allocator',
  'prose.compare.cpuGc': 'CPU in the GC',
  'prose.compare.traceOps': 'trace: ops run',
  'prose.compare.traceGcCycles': 'trace: GC cycles',
  'prose.compare.traceStwEvents': 'trace: GC pauses',
  'prose.compare.traceStwTotal': 'trace: GC pause total ns',
  'prose.compare.traceAssist': 'trace: mark assist ns',
  'prose.compare.traceGoroutines': 'trace: goroutines created',
  'prose.compare.traceMmu1': 'trace: MMU 1 ms',
  'prose.compare.traceMmu10': 'trace: MMU 10 ms',

  // The readable type of what a runtime allocation call makes (join/alloc-calls.ts).
  'prose.alloc.mapStorage': 'map storage (groups, tables)',
  'prose.alloc.typedMapStorage': '{type} storage (groups, tables)',
  'prose.alloc.grownArray': '[]{type} backing array (grown by append)',
  'prose.alloc.array': '[]{type} backing array',
  'prose.alloc.arrayCap': '[]{type} backing array, cap {cap}',
  'prose.alloc.smallVariables': '{n} bytes (small variables allocated together)',
  'prose.alloc.stringBytes': 'string bytes',

  // A profile that is not one (model/profile-costs.ts).
  'prose.profile.notAllocOrCpu': 'neither a memory nor a CPU profile (sample types: {types})',
} as const;
