// The verdict oracle on modules nobody here wrote: heapscope's static verdicts (allocates, cause) against what
// `heapscope bench` measured on the same lines. Shared by test/e2e/verdict-matrix.test.ts, which asserts that no
// line breaks an invariant, and bench/verdict-matrix.ts, which prints the counts for any build of heapscope.
import { posix } from 'node:path';
import type { AnalysisModel, Site } from '../../src/model/types.js';
import type { BenchLine, BenchReport } from '../../src/model/bench-report.js';

/** One module of the matrix: pinned on the module proxy; benchmarks that run offline, allocate, and are quick. */
export interface MatrixModule {
  kind: string;
  /** path@version for `go mod download`. */
  module: string;
  /** The package whose benchmarks run, relative to the module root. */
  pkg: string;
  /** go test -bench regexp: a few fast benchmarks (of the module's own tests) that allocate. */
  bench: string;
}

// Chosen from each module's _test.go files: every benchmark here ran offline at 200 iterations in well under a
// second and allocates. Rejected: github.com/tidwall/gjson (its three benchmarks, Valid*, allocate nothing);
// go-sql-driver/mysql's Query/Exec/Roundtrip benchmarks (they dial a server; its Interpolation, ParseDSN and
// RowsNext run against in-memory connections).
export const MATRIX: MatrixModule[] = [
  { kind: 'router', module: 'github.com/julienschmidt/httprouter@v1.3.0', pkg: '.', bench: '^BenchmarkAllowed$' },
  {
    kind: 'logger',
    module: 'go.uber.org/zap@v1.28.0',
    pkg: '.',
    bench: '^Benchmark(ReflectField|ErrorsField|AddCallerHook)$',
  },
  {
    kind: 'JSON codec',
    module: 'github.com/valyala/fastjson@v1.6.10',
    pkg: '.',
    // fastjson's own parsing allocates nothing per op (its benchmarks reuse a parser): here the lines are the
    // benchmark's calls of encoding/json it compares with, allocations made inside another package.
    bench: '^BenchmarkParse$/^small$',
  },
  { kind: 'JSON query', module: 'github.com/buger/jsonparser@v1.6.1', pkg: '.', bench: '^Benchmark(Set|ParsePath)$' },
  { kind: 'HTML parser', module: 'golang.org/x/net@v0.63.0', pkg: './html', bench: '^BenchmarkHighLevelTokenizer$' },
  {
    kind: 'conversion',
    module: 'github.com/spf13/cast@v1.10.0',
    pkg: '.',
    bench: '^Benchmark(Cast|Number)$/^(StringSlice|int64#0[15])$',
  },
  {
    kind: 'metrics',
    module: 'github.com/rcrowley/go-metrics@v0.0.0-20250401214520-65e299d6c5c9',
    pkg: '.',
    // RegistryParallel makes a counter per op through an inlined NewCounter (a pointer stored in an interface).
    bench: '^Benchmark(Registry|RegistryParallel|Copy1000)$',
  },
  {
    kind: 'database driver',
    module: 'github.com/go-sql-driver/mysql@v1.11.0',
    pkg: '.',
    bench: '^Benchmark(Interpolation|RowsNext)$/^binary=false$/^columns=32$',
  },
];

/** Causes a bench line takes from what ran (join/attribute.ts runtimeCause), not from a static site on it. */
const RUN_TIME_CAUSES = new Set([
  'slice-growth',
  'map-growth',
  'heap-backed-stack-make',
  'reflection',
  'runtime-internal',
  'library-allocation',
]);
const BOXING_CAUSES = new Set(['interface-conversion', 'interface-stored']);

/** a: the line's own code (or a callee inlined and decided on it) allocated, yet every heap decision on it says never. */
export const NEVER_ON_REAL = 'never-on-real-allocation';
/** b: a static site's cause on a line whose allocations were all made inside another package's function. */
export const CAUSE_FROM_UNRELATED_SITE = 'cause-from-unrelated-site';
/** c: a boxing cause on a line that boxed nothing (no convT* call: a pointer's pointee, a map or slice made). */
export const BOXING_WITHOUT_CONVERSION = 'boxing-without-conversion';
export type Invariant = typeof NEVER_ON_REAL | typeof CAUSE_FROM_UNRELATED_SITE | typeof BOXING_WITHOUT_CONVERSION;
export const INVARIANTS: Invariant[] = [NEVER_ON_REAL, CAUSE_FROM_UNRELATED_SITE, BOXING_WITHOUT_CONVERSION];

export interface Violation {
  invariant: Invariant;
  benchmark: string;
  at: string;
  cause: string | null;
  /** The line's allocations as the report gives them: entry point, callee, allocs/op. */
  allocations: string;
  /** The static heap decisions on the line: expression, allocates, cause. */
  sites: string;
}

const isBoxingCall = (runtime: string | null): boolean => !!runtime && /^convT/.test(runtime);
const describeSite = (s: Site): string => `${s.expr} ${s.allocates ?? '?'}/${s.cause?.id ?? '?'}`;

/**
 * The lines of a bench report that break an invariant. The line's static heap decisions are those the report
 * lists on it and those analyze gives at the same file and line (the report leaves out decisions it judged
 * `never`, which are exactly the ones invariant a is about).
 */
export function benchViolations(report: BenchReport, model: AnalysisModel): Violation[] {
  const heapAt = new Map<string, Site[]>();
  for (const s of model.sites) {
    if (!s.heap) continue;
    const k = `${s.file}:${s.line}`;
    heapAt.set(k, [...(heapAt.get(k) ?? []), s]);
  }
  const inlinedAt = new Map<string, Set<string>>();
  for (const c of model.inlinedCalls ?? []) {
    const k = `${c.file}:${c.line}`;
    inlinedAt.set(k, new Set([...(inlinedAt.get(k) ?? []), c.callee]));
  }
  const out: Violation[] = [];
  for (const b of report.benchmarks) {
    for (const line of b.lines) {
      const at = `${line.file}:${line.line}`;
      const sites = [...(line.sites ?? []), ...(heapAt.get(at) ?? []).filter((s) => !(line.sites ?? []).some((x) => x.id === s.id))];
      const add = (invariant: Invariant): void => {
        out.push({
          invariant,
          benchmark: b.name,
          at,
          cause: line.cause?.id ?? null,
          allocations: describeAllocations(line),
          sites: sites.map(describeSite).join('; '),
        });
      };
      // An allocation is the line's own when its code made it, or when the callee it ran in is inlined on this line:
      // the compiler decides the callee's allocations here (`&bytes.Buffer{...}` of an inlined bytes.NewBuffer).
      // Both the sites' inlinedFrom and analyze's inlined calls say so: where two callees are inlined at one
      // position (json.NewEncoder and json.DefaultOptionsV1 on go1.27), a site names neither.
      const allocations = line.allocations ?? [];
      const inlined = new Set([...sites.map((s) => s.inlinedFrom ?? ''), ...(inlinedAt.get(at) ?? [])]);
      inlined.delete('');
      const own = allocations.filter((a) => a.runtime && (!a.callee || inlined.has(a.callee)));
      const ownPerOp = own.reduce((t, a) => t + a.allocsPerOp, 0);
      if (ownPerOp >= 0.5 && sites.length > 0 && sites.every((s) => s.allocates === 'never')) add(NEVER_ON_REAL);
      // b and c on lines that allocate on every op, not on a one-off refill the profile spreads over the run.
      const cause = line.allocsPerOp >= 0.5 ? (line.cause?.id ?? null) : null;
      const foreign = allocations.filter((a) => a.callee && !inlined.has(a.callee));
      if (cause && !RUN_TIME_CAUSES.has(cause) && allocations.length > 0 && foreign.length === allocations.length) {
        add(CAUSE_FROM_UNRELATED_SITE);
      }
      if (
        cause &&
        BOXING_CAUSES.has(cause) &&
        own.length > 0 &&
        own.length === allocations.length &&
        !own.some((a) => isBoxingCall(a.runtime))
      ) {
        add(BOXING_WITHOUT_CONVERSION);
      }
    }
  }
  return out;
}

function describeAllocations(line: BenchLine): string {
  return (line.allocations ?? []).map((a) => `${a.runtime ?? '-'}${a.callee ? ` in ${a.callee}` : ''} ${a.allocsPerOp}/op`).join(', ');
}

export interface SiteCounts {
  heap: number;
  never: number;
  interfaceConversion: number;
  interfaceStored: number;
}

/** The static verdicts of the module's code: heap sites that never allocate, those with a boxing cause. */
export function siteCounts(model: AnalysisModel): SiteCounts {
  const heap = model.sites.filter((s) => s.heap);
  return {
    heap: heap.length,
    never: heap.filter((s) => s.allocates === 'never').length,
    interfaceConversion: heap.filter((s) => s.cause?.id === 'interface-conversion').length,
    interfaceStored: heap.filter((s) => s.cause?.id === 'interface-stored').length,
  };
}

export interface ModuleRun {
  code: number | null;
  stdout: string;
  stderr: string;
}
/** Runs one heapscope command in a directory with extra environment (the toolchain, the cache). */
export type Heapscope = (args: string[], cwd: string, env: NodeJS.ProcessEnv) => ModuleRun;

export interface MatrixResult {
  /** The Go release that ran, as the bench report gives it. */
  go: string;
  counts: SiteCounts;
  violations: Violation[];
  /** Lines the bench report attributed, over all its benchmarks; benchmarks that measured allocations. */
  lines: number;
  allocating: number;
}

/** The import path of a module's package: `golang.org/x/net@v0.63.0` and `./html` give `golang.org/x/net/html`. */
export function importPath(m: MatrixModule): string {
  const path = m.module.replace(/@.*/, '');
  return m.pkg === '.' ? path : `${path}/${m.pkg.replace(/^\.\//, '')}`;
}

/**
 * heapscope bench of one package of a module copy, then analyze of that package and of the module's other
 * packages the bench lines are in (zap's benchmarks run zapcore's code): the lines' heap decisions and inlined
 * calls. Analyze reads the packages without their tests, so a benchmark's own file has no decisions but those its
 * report lists. The counts are of the benchmarked package. Throws with heapscope's message when either does not
 * exit 0.
 */
export function measureModule(run: Heapscope, dir: string, m: MatrixModule, env: NodeJS.ProcessEnv): MatrixResult {
  const bench = run(['bench', '--format', 'json', '--bench', m.bench, '--benchtime', '200x', m.pkg], dir, env);
  if (bench.code !== 0) throw new Error(`heapscope bench in ${m.module} exited ${bench.code}: ${bench.stderr}`);
  const report = JSON.parse(bench.stdout) as BenchReport;
  const dirs = new Set([m.pkg]);
  for (const b of report.benchmarks) {
    for (const l of b.lines) {
      const d = posix.dirname(l.file);
      if (/^[^/<.].*\.go$/.test(l.file) && !l.file.endsWith('_test.go') && !d.startsWith('..')) dirs.add(d === '.' ? '.' : `./${d}`);
    }
  }
  const analyze = run(['analyze', '--format', 'json', ...dirs], dir, env);
  if (analyze.code !== 0) throw new Error(`heapscope analyze in ${m.module} exited ${analyze.code}: ${analyze.stderr}`);
  const model = JSON.parse(analyze.stdout) as AnalysisModel;
  const own = importPath(m);
  return {
    go: report.go.version,
    counts: siteCounts({ ...model, sites: model.sites.filter((s) => s.package === own) }),
    violations: benchViolations(report, model),
    lines: report.benchmarks.reduce((t, b) => t + b.lines.length, 0),
    allocating: report.benchmarks.filter((b) => (b.allocsPerOp ?? 0) > 0).length,
  };
}
