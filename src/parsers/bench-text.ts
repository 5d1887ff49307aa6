// Reads what `go test -run '^$' -bench RE -benchmem` prints on stdout (the Go benchmark data format,
// golang.org/design/14313, which benchstat also reads) and turns it into one BenchPackage per package.
//
// Printed by (go1.26):
//   src/testing/benchmark.go    processBench: the padded name, "\t", then BenchmarkResult.String() and MemString()
//                               ("N  X ns/op  [MB/s]  [custom metrics sorted by unit]  Y B/op  Z allocs/op");
//                               "--- FAIL: NAME" / "--- BENCH: NAME" followed by the benchmark's output, indented;
//                               benchmarkName drops the "-P" suffix when GOMAXPROCS is 1
//   src/testing/benchmark.go    runBenchmarks: the "goos:", "goarch:", "pkg:", "cpu:" header, before the first run
//   src/testing/testing.go      "PASS" / "FAIL"; with -v, chatty output prints each name on its own line first and
//                               messages BEFORE their "--- FAIL:" / "--- SKIP:" line (skips are silent without -v)
//   src/cmd/go/internal/test    "ok  \tpkg\t0.151s", "FAIL\tpkg\t0.142s", "exit status 2", the final bare "FAIL"
//   src/runtime/panic.go        "panic: VALUE" and the goroutine trace when a benchmark panics (the binary dies)
// Without -v the name is printed before the benchmark runs, so a failure or panic in the timed run shares its line:
// "BenchmarkLateFatal-2   \t--- FAIL: BenchmarkLateFatal-2", "BenchmarkLatePanic-2   \tpanic: late panic".
//
// The parser is pure: lines in, results out. Lines it does not know are kept as data, never thrown.

import { MESSAGES_KEPT, UNRECOGNISED_KEPT } from '../model/alloc-types.js';
import type { BenchPackage, BenchParse, BenchProblem, BenchResult, BenchRun, BenchUnrecognised } from '../model/alloc-types.js';

// BenchmarkNewPoint-2         	    2000	        47.04 ns/op	      16 B/op	       1 allocs/op
// BenchmarkMetrics   100   870.3 ns/op   1176.61 MB/s   0.2500 hit-ratio   3.500 items/op   1024 B/op   1 allocs/op
const RE_RESULT = /^(Benchmark\S*)\s+(\d+)((?:\s+\S+\s+\S+)*)\s*$/;
// 0.2939 ns/op | 1.2e+06 ns/op | NaN x
const RE_NUMBER = /^[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|NaN|[-+]?Inf)$/;
// BenchmarkFast            (-v prints the bare name before each run)
const RE_NAME_ONLY = /^Benchmark\S*$/;
// BenchmarkLateFatal-2   	--- FAIL: BenchmarkLateFatal-2      (non-verbose: the name was printed before the run)
// BenchmarkLatePanic-2   	panic: late panic
const RE_NAME_THEN = /^(Benchmark\S*)\s+((?:--- (?:FAIL|SKIP|BENCH): |panic: |fatal error: ).*)$/;
// --- FAIL: BenchmarkFatal | --- SKIP: BenchmarkSkip | --- BENCH: BenchmarkLogs-2 (possibly indented by nesting)
const RE_OUTCOME = /^\s*--- (FAIL|SKIP|BENCH): (\S+)(?: \(.*\))?\s*$/;
// ok  	example.com/heapscope/examples	0.151s | ok  	pkg	(cached) | ok  	pkg	0.01s [no tests to run]
const RE_OK = /^ok\s+(\S+)(?:\s+(.*))?$/;
// FAIL	example.com/heapscope/failing	0.142s | FAIL	pkg [build failed] | FAIL	pkg [setup failed]
const RE_FAIL_PKG = /^FAIL\s+(\S+)(?:\s+(.*))?$/;
// 0.151s (the time on a summary line)
const RE_SECONDS = /^(\d+(?:\.\d+)?)s$/;
// ?   	example.com/m/tools	[no test files]
const RE_NO_TEST_FILES = /^\?\s+(\S+)\s+\[no test files\]\s*$/;
// exit status 2
const RE_EXIT = /^exit status (\d+)$/;
// goos: linux | pkg: example.com/heapscope/examples | cpu: AMD EPYC (keys: lower case, no spaces; 14313)
const RE_CONFIG = /^([a-z][^\sA-Z:]*): ?(.*)$/;
// example.com/heapscope/failing.BenchmarkPanics(0x14aadba42908) | created by example.com/m.BenchmarkX.func1 in ...
const RE_TRACE_BENCH = /(?:^|[./\s])(Benchmark(?![a-z])[^.(\s]*)(?:\.func\d+(?:\.\d+)*)?(?:\(|\s|$)/;
// -2 at the end of a name: GOMAXPROCS
const RE_PROCS = /^(.*?)-(\d+)$/;

/** The config keys the testing package prints; other `key: value` lines are accepted only in a header block. */
const KNOWN_CONFIG = new Set(['goos', 'goarch', 'pkg', 'cpu']);

/**
 * Splits `BenchmarkName-P` into name and GOMAXPROCS; no suffix means GOMAXPROCS was 1. A suffix that cannot be
 * GOMAXPROCS (`-0`, or too many digits to be an integer) stays part of the name.
 */
export function splitProcs(printed: string): { name: string; procs: number } {
  const m = RE_PROCS.exec(printed);
  if (m && m[1] !== '') {
    const procs = Number(m[2]);
    if (Number.isSafeInteger(procs) && procs >= 1) return { name: m[1]!, procs };
  }
  return { name: printed, procs: 1 };
}

/** Parses the `value unit` pairs after the iteration count; null if any value is not a number. */
export function parseMetrics(rest: string): Record<string, number> | null {
  const fields = rest
    .trim()
    .split(/\s+/)
    .filter((f) => f !== '');
  if (fields.length % 2 !== 0) return null;
  const metrics: Record<string, number> = {};
  for (let i = 0; i < fields.length; i += 2) {
    const v = fields[i]!;
    if (!RE_NUMBER.test(v)) return null;
    const n = Number(v.replace('Inf', 'Infinity'));
    // Digits too many for a double are damage, not a measurement; Go prints an infinite value as Inf.
    if (!Number.isFinite(n) && !v.includes('Inf') && !v.includes('NaN')) return null;
    metrics[fields[i + 1]!] = n;
  }
  return metrics;
}

interface OpenPanic {
  problem: BenchProblem;
  sawTrace: boolean;
}

export class BenchTextParser {
  private readonly packages: BenchPackage[] = [];
  private readonly unrecognised: BenchUnrecognised[] = [];
  private unrecognisedCount = 0;
  private overall: 'PASS' | 'FAIL' | null = null;
  private cur: BenchPackage | null = null;
  private byKey = new Map<string, BenchResult>();
  private lineNo = 0;
  /** The last `--- X:` problem: indented lines after it are its messages (non-verbose output). */
  private lastOutcome: BenchProblem | null = null;
  /** -v: the name printed alone before a run, and indented lines printed since. */
  private verboseName: string | null = null;
  private pending: { line: number; text: string }[] = [];
  private pendingOmitted = 0;
  private panic: OpenPanic | null = null;
  /** The name printed before a failure or panic on the same line (non-verbose, timed run). */
  private prefixName: string | null = null;

  push(raw: string): void {
    this.lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.panic && this.panicLine(line)) return;

    const split = RE_NAME_THEN.exec(line);
    if (split) {
      // The printed name belongs to the problem that follows on the same line.
      this.verboseName = splitProcs(split[1]!).name;
      this.pending = [];
      this.pendingOmitted = 0;
      this.prefixName = split[1]!;
      this.pushLogical(split[2]!);
      this.prefixName = null;
      return;
    }
    this.pushLogical(line);
  }

  private pushLogical(line: string): void {
    if (line === '') return;

    // Indented lines: messages of a benchmark.
    const c0 = line.charCodeAt(0);
    if ((c0 === 32 || c0 === 9) && !line.trimStart().startsWith('--- ')) {
      const text = line.startsWith('    ') ? line.slice(4) : line.trimStart();
      if (this.lastOutcome) this.message(this.lastOutcome, text);
      else if (this.verboseName !== null) {
        if (this.pending.length < MESSAGES_KEPT) this.pending.push({ line: this.lineNo, text });
        else this.pendingOmitted++;
      } else this.unknown(line);
      return;
    }

    if (line.startsWith('Benchmark')) {
      const m = RE_RESULT.exec(line);
      if (m) {
        const iterations = Number(m[2]);
        const metrics = Number.isSafeInteger(iterations) ? parseMetrics(m[3]!) : null;
        if (metrics) return this.result(m[1]!, iterations, metrics);
      }
      if (RE_NAME_ONLY.test(line)) {
        this.flushPending(null);
        this.lastOutcome = null;
        this.verboseName = splitProcs(line).name;
        return;
      }
    }

    if (line.startsWith('---')) {
      const m = RE_OUTCOME.exec(line);
      if (m) return this.outcome(m[1] as 'FAIL' | 'SKIP' | 'BENCH', m[2]!);
    }

    if (line.startsWith('panic: ') || line.startsWith('fatal error: ')) return this.startPanic(line);

    if (line === 'PASS' || line === 'FAIL') {
      this.flushPending(null);
      this.lastOutcome = null;
      const pkg = this.ensure();
      if (pkg.result === null) pkg.result = line;
      else this.unknown(line);
      return;
    }

    const ex = RE_EXIT.exec(line);
    if (ex && Number.isSafeInteger(Number(ex[1]))) {
      this.ensure().exitStatus = Number(ex[1]);
      return;
    }

    let m = RE_OK.exec(line);
    if (m) return this.summary('ok', m[1]!, m[2] ?? null);
    m = RE_FAIL_PKG.exec(line);
    if (m) return this.summary('FAIL', m[1]!, m[2] ?? null);
    m = RE_NO_TEST_FILES.exec(line);
    if (m) return this.summary('no-test-files', m[1]!, '[no test files]');

    const cm = RE_CONFIG.exec(line);
    if (cm && (KNOWN_CONFIG.has(cm[1]!) || this.inHeader())) {
      const pkg = this.ensureForHeader();
      pkg.config[cm[1]!] = cm[2]!;
      if (cm[1] === 'pkg') pkg.pkg = cm[2]!;
      return;
    }

    this.unknown(line);
  }

  /** Finishes and returns everything parsed. */
  end(): BenchParse {
    this.endPanic();
    this.flushPending(null);
    // A bare PASS/FAIL after the last package's summary is the go command's overall verdict, not a package.
    const last = this.packages[this.packages.length - 1];
    if (
      last &&
      last === this.cur &&
      last.pkg === null &&
      last.status === null &&
      last.benchmarks.length === 0 &&
      last.problems.length === 0 &&
      Object.keys(last.config).length === 0 &&
      last.exitStatus === null &&
      this.packages.length > 1
    ) {
      this.overall = last.result;
      this.packages.pop();
    }
    this.cur = null;
    return { packages: this.packages, overall: this.overall, unrecognised: this.unrecognised, unrecognisedCount: this.unrecognisedCount };
  }

  // -------------------------------------------------------------------------------------------------------------

  private ensure(): BenchPackage {
    if (this.cur) return this.cur;
    const pkg: BenchPackage = {
      pkg: null,
      config: {},
      benchmarks: [],
      problems: [],
      result: null,
      status: null,
      elapsed: null,
      statusNote: null,
      exitStatus: null,
    };
    this.packages.push(pkg);
    this.cur = pkg;
    this.byKey = new Map();
    return pkg;
  }

  /** A header line starts a new block if the current one already has results (no summary line between them). */
  private ensureForHeader(): BenchPackage {
    const cur = this.cur;
    if (cur && (cur.benchmarks.length > 0 || cur.problems.length > 0 || cur.result !== null)) this.cur = null;
    return this.ensure();
  }

  private inHeader(): boolean {
    const cur = this.cur;
    return !!cur && cur.benchmarks.length === 0 && cur.problems.length === 0 && Object.keys(cur.config).length > 0;
  }

  private unknown(text: string): void {
    this.unrecognisedCount++;
    if (this.unrecognised.length < UNRECOGNISED_KEPT) this.unrecognised.push({ line: this.lineNo, text, pkg: this.cur?.pkg ?? null });
  }

  /** A message line for p, kept while p has fewer than MESSAGES_KEPT, counted after. */
  private message(p: BenchProblem, text: string): void {
    if (p.messages.length < MESSAGES_KEPT) p.messages.push(text);
    else p.omitted = (p.omitted ?? 0) + 1;
  }

  private result(printed: string, iterations: number, metrics: Record<string, number>): void {
    const { name, procs } = splitProcs(printed);
    this.flushPending(name);
    this.lastOutcome = null;
    const pkg = this.ensure();
    const key = procs + '\u0000' + name;
    let b = this.byKey.get(key);
    if (!b) {
      b = { name, procs, runs: [] };
      this.byKey.set(key, b);
      pkg.benchmarks.push(b);
    }
    const run: BenchRun = { iterations, metrics, line: this.lineNo };
    b.runs.push(run);
  }

  private outcome(word: 'FAIL' | 'SKIP' | 'BENCH', printed: string): void {
    const name = splitProcs(printed).name;
    const kind = word === 'FAIL' ? 'fail' : word === 'SKIP' ? 'skip' : 'log';
    const p: BenchProblem = {
      kind,
      benchmark: name,
      printedName: printed,
      value: null,
      messages: [],
      line: this.lineNo,
    };
    // -v prints the messages first; they belong to this outcome when they were printed under its name.
    if (this.pending.length > 0 && this.verboseName === name) {
      p.messages = this.pending.map((m) => m.text);
      if (this.pendingOmitted) p.omitted = this.pendingOmitted;
      this.pending = [];
      this.pendingOmitted = 0;
    } else this.flushPending(null);
    this.ensure().problems.push(p);
    this.lastOutcome = p;
  }

  /** Indented lines printed under a -v name line that no `---` line claimed: the benchmark's log output. */
  private flushPending(resultName: string | null): void {
    if (this.pending.length === 0) return;
    const name = this.verboseName;
    const first = this.pending[0]!;
    const p: BenchProblem = {
      kind: 'log',
      benchmark: resultName ?? name,
      printedName: null,
      value: null,
      messages: this.pending.map((m) => m.text),
      line: first.line,
    };
    if (this.pendingOmitted) p.omitted = this.pendingOmitted;
    this.pendingOmitted = 0;
    this.pending = [];
    this.ensure().problems.push(p);
  }

  private summary(status: 'ok' | 'FAIL' | 'no-test-files', pkgPath: string, tail: string | null): void {
    this.endPanic();
    this.flushPending(null);
    this.lastOutcome = null;
    let pkg = this.cur;
    if (pkg && pkg.pkg !== null && pkg.pkg !== pkgPath) pkg = null;
    if (!pkg) {
      this.cur = null;
      pkg = this.ensure();
    }
    if (pkg.pkg === null) pkg.pkg = pkgPath;
    pkg.status = status;
    // "0.151s", "(cached)", "0.01s [no tests to run]", "[build failed]"
    const rest = (tail ?? '').trim();
    const first = rest.split(/\s+/, 1)[0] ?? '';
    const secs = RE_SECONDS.exec(first);
    pkg.elapsed = secs && Number.isFinite(Number(secs[1])) ? Number(secs[1]) : null;
    const note = secs ? rest.slice(first.length).trim() : rest;
    pkg.statusNote = note === '' ? null : note;
    this.cur = null;
    this.verboseName = null;
  }

  private startPanic(line: string): void {
    this.flushPending(null);
    this.lastOutcome = null;
    const colon = line.indexOf(': ');
    const p: BenchProblem = {
      kind: 'panic',
      benchmark: this.verboseName,
      printedName: this.prefixName,
      value: line.slice(colon + 2),
      messages: [],
      line: this.lineNo,
    };
    this.ensure().problems.push(p);
    this.panic = { problem: p, sawTrace: false };
  }

  /** Lines inside a panic's trace; returns false for a line that ends it (handled by the normal path). */
  private panicLine(line: string): boolean {
    const open = this.panic!;
    // The go command's lines after the binary died, or the next package's header.
    if (RE_EXIT.test(line) || line === 'PASS' || line === 'FAIL' || RE_OK.test(line) || RE_FAIL_PKG.test(line)) {
      this.endPanic();
      return false;
    }
    if (line.startsWith('goos: ')) {
      this.endPanic();
      return false;
    }
    if (line === '') return true;
    this.message(open.problem, line);
    if (line.startsWith('goroutine ')) open.sawTrace = true;
    // The innermost Benchmark frame (or "created by" a benchmark) names the benchmark that panicked.
    if (open.sawTrace && !line.startsWith('\t') && !line.startsWith('testing.')) {
      const m = RE_TRACE_BENCH.exec(line);
      if (m && (open.problem.benchmark === null || open.problem.benchmark === this.verboseName)) {
        open.problem.benchmark = m[1]!;
        this.verboseName = null;
      }
    }
    return true;
  }

  private endPanic(): void {
    this.panic = null;
  }
}

/** Parses a whole captured text at once (fixtures, tests). */
export function parseBenchText(lines: Iterable<string>): BenchParse {
  const p = new BenchTextParser();
  for (const l of lines) p.push(l);
  return p.end();
}
