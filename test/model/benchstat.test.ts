// The benchstat port checked against benchstat itself: the real cmd/benchstat is built from the module proxy at the
// version the port follows, and every generated pair of samples is run through it (text and CSV output) and through
// a small Go probe that calls benchmath and go-moremath directly, for the numbers at full precision.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareSamples,
  comparisonString,
  formatComparison,
  formatDelta,
  formatSummary,
  goFixed,
  mannWhitneyU,
  pctRangeString,
  summarizeSample,
} from '../../src/model/benchstat.js';
import { PERF_VERSION } from '../helpers/benchstat.js';

// Calls the same library code benchstat runs for each cell, and prints every number with %g's shortest form.
const PROBE = `package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/aclements/go-moremath/stats"
	"golang.org/x/perf/benchmath"
)

func parse(s string) []float64 {
	var xs []float64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			panic(err)
		}
		xs = append(xs, v)
	}
	return xs
}

func g(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func errs(es []error) string {
	var s []string
	for _, e := range es {
		s = append(s, e.Error())
	}
	return strings.Join(s, ";")
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	a := benchmath.AssumeNothing
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "|")
		confidence, _ := strconv.ParseFloat(parts[2], 64)
		alpha, _ := strconv.ParseFloat(parts[3], 64)
		th := benchmath.Thresholds{CompareAlpha: alpha}
		s1 := benchmath.NewSample(parse(parts[0]), &th)
		s2 := benchmath.NewSample(parse(parts[1]), &th)
		m1, m2, c := a.Summary(s1, confidence), a.Summary(s2, confidence), a.Compare(s1, s2)
		u, p := "err", "err"
		if r, err := stats.MannWhitneyUTest(s1.Values, s2.Values, stats.LocationDiffers); err == nil {
			u, p = g(r.U), g(r.P)
		}
		fmt.Fprintln(w, strings.Join([]string{
			g(m1.Center), g(m1.Lo), g(m1.Hi), g(m1.Confidence), errs(m1.Warnings), m1.PctRangeString(),
			g(m2.Center), g(m2.Lo), g(m2.Hi), g(m2.Confidence), errs(m2.Warnings), m2.PctRangeString(),
			g(c.P), strconv.Itoa(c.N1), strconv.Itoa(c.N2), errs(c.Warnings),
			c.FormatDelta(m1.Center, m2.Center), c.String(), u, p,
		}, "\\t"))
	}
}
`;

let work = '';
let benchstatBin = '';
let probeBin = '';

function run(cmd: string, args: string[], opts: { cwd?: string; input?: string } = {}): { stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd ?? work,
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    // -mod=mod lets go build record the probe's imports; GOWORK=off keeps an enclosing go.work out of it.
    env: { ...process.env, GOFLAGS: [process.env['GOFLAGS'], '-mod=mod'].filter(Boolean).join(' '), GOWORK: 'off' },
  });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'heapscope-benchstat-'));
  run('go', ['mod', 'init', 'x']);
  run('go', ['get', `golang.org/x/perf/cmd/benchstat@${PERF_VERSION}`]);
  mkdirSync(join(work, 'probe'));
  writeFileSync(join(work, 'probe', 'main.go'), PROBE);
  // One build for both, so that on a cold cache the standard library is compiled once, in parallel.
  mkdirSync(join(work, 'bin'));
  run('go', ['build', '-o', join(work, 'bin') + '/', 'golang.org/x/perf/cmd/benchstat', './probe']);
  benchstatBin = join(work, 'bin', 'benchstat');
  probeBin = join(work, 'bin', 'probe');
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// Deterministic sample pairs

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pair {
  kind: string;
  a: number[];
  b: number[];
  confidence: number;
  alpha: number;
}

function generatePairs(): Pair[] {
  const rand = mulberry32(20260908);
  const normal = (): number => {
    const u = 1 - rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const round = (x: number, digits: number): number => Number(x.toFixed(digits));
  type Gen = (n: number, shift: number) => number[];
  const gens: Record<string, Gen> = {
    // ns/op-like timings with 0.1 resolution: rare ties.
    continuous: (n, s) => Array.from({ length: n }, () => round(1000 * s * (1 + 0.03 * normal()), 1)),
    // Allocation counts: a handful of distinct integers, many ties.
    ties: (n, s) => Array.from({ length: n }, () => Math.round(100 * s) + Math.floor(rand() * 3)),
    constant: (n, s) => Array.from({ length: n }, () => Math.round(64 * s)),
    // Medians at or around 0, and intervals that straddle it.
    zero: (n, s) => Array.from({ length: n }, () => (rand() < 0.6 ? 0 : Math.floor(rand() * 5 * s))),
    signed: (n, s) => Array.from({ length: n }, () => round(s * normal() * 10, 2)),
    tiny: (n, s) => Array.from({ length: n }, () => round(s * 1e-9 * (1 + 0.1 * rand()), 15)),
  };
  const kinds = Object.keys(gens);
  const shifts = [1, 1, 1.01, 1.1, 1.5, 0.7];
  const pairs: Pair[] = [];
  const add = (kind: string, n1: number, n2: number, confidence = 0.95, alpha = 0.05): void => {
    const gen = gens[kind]!;
    const shift = shifts[Math.floor(rand() * shifts.length)]!;
    pairs.push({ kind, a: gen(n1, 1), b: gen(n2, shift), confidence, alpha });
  };
  for (let n1 = 1; n1 <= 12; n1++) {
    for (let n2 = 1; n2 <= 12; n2++) {
      add(kinds[(n1 * 12 + n2) % kinds.length]!, n1, n2);
      add(n1 === n2 ? 'continuous' : 'ties', n1, n2);
    }
  }
  for (const kind of kinds) for (let n = 1; n <= 12; n++) add(kind, n, n);
  // Around the exact/normal limits of the U test (25 with ties, 50 without) and of QuantileCI (30).
  for (const [n1, n2] of [
    [20, 20],
    [25, 25],
    [25, 26],
    [26, 26],
    [30, 30],
    [31, 31],
    [20, 60],
    [50, 50],
    [51, 50],
    [60, 60],
  ] as const) {
    for (const kind of ['continuous', 'ties', 'zero']) add(kind, n1, n2);
  }
  return pairs;
}

const pairs = generatePairs();
const OTHER_LEVELS = pairs.slice(0, 60).map((p, i) => ({
  ...p,
  confidence: [0.9, 0.99, 0.5][i % 3]!,
  alpha: [0.01, 0.1, 0.2][i % 3]!,
}));

const name = (i: number): string => `P${String(i).padStart(4, '0')}`;

function benchFile(side: 'a' | 'b'): string {
  const lines = ['goos: linux', 'goarch: amd64', 'pkg: example.com/heapscope'];
  pairs.forEach((p, i) => {
    for (const v of p[side]) lines.push(`Benchmark${name(i)}-2   \t    1000\t${v} B/op`);
  });
  return lines.join('\n') + '\n';
}

const parseGo = (s: string): number => (s === '+Inf' ? Infinity : s === '-Inf' ? -Infinity : Number(s));
const splitWarnings = (s: string): string[] => (s === '' ? [] : s.split(';'));

// ---------------------------------------------------------------------------------------------------------------

test('summaries, U tests and formatted cells match benchmath at full precision', () => {
  const all = [...pairs, ...OTHER_LEVELS];
  const input = all.map((p) => `${p.a.join(',')}|${p.b.join(',')}|${p.confidence}|${p.alpha}`).join('\n') + '\n';
  const out = run(probeBin, [], { input }).stdout.trimEnd().split('\n');
  assert.equal(out.length, all.length);
  const inexact = { p: 0, confidence: 0 };
  all.forEach((p, i) => {
    const f = out[i]!.split('\t');
    const at = (k: number): string => f[k]!;
    const what = `pair ${i} (${p.kind}) a=[${p.a}] b=[${p.b}] confidence=${p.confidence} alpha=${p.alpha}`;
    const s1 = summarizeSample(p.a, p.confidence);
    const s2 = summarizeSample(p.b, p.confidence);
    const c = compareSamples(p.a, p.b, p.alpha);
    for (const [s, o] of [
      [s1, 0],
      [s2, 6],
    ] as const) {
      assert.deepEqual(
        [s.center, s.lo, s.hi, s.warnings, pctRangeString(s)],
        [parseGo(at(o)), parseGo(at(o + 1)), parseGo(at(o + 2)), splitWarnings(at(o + 4)), at(o + 5)],
        what,
      );
      // Above 20 values Choose goes through exp(lgamma), where Go and V8 may differ in the last bit.
      const goConfidence = parseGo(at(o + 3));
      if (s.confidence !== goConfidence) inexact.confidence++;
      assert.ok(Math.abs(s.confidence - goConfidence) <= 1e-12, `${what}: confidence ${s.confidence} vs ${goConfidence}`);
    }
    const goP = parseGo(at(12));
    if (c.p !== goP) inexact.p++;
    assert.ok(Math.abs(c.p - goP) <= 1e-12 * Math.max(1, goP), `${what}: p ${c.p} vs ${goP}`);
    assert.deepEqual([c.n1, c.n2, c.warnings], [Number(at(13)), Number(at(14)), splitWarnings(at(15))], what);
    assert.equal(formatDelta(c), at(16), what);
    assert.equal(comparisonString(c), at(17), what);
    if (at(18) === 'err') {
      assert.throws(() => mannWhitneyU(p.a, p.b), what);
    } else {
      const r = mannWhitneyU(p.a, p.b);
      assert.equal(r.u, parseGo(at(18)), what);
      assert.ok(Math.abs(r.p - parseGo(at(19))) <= 1e-12 * Math.max(1, r.p), what);
    }
  });
  // The only expected source of difference is the last bit of exp/log between Go and V8.
  assert.ok(inexact.p + inexact.confidence <= all.length / 10, JSON.stringify(inexact));
  console.log(`benchmath cross-check: ${all.length} pairs, not bit-identical: ${JSON.stringify(inexact)}`);
});

test('formatSummary and formatComparison print what benchstat prints, text and CSV', () => {
  writeFileSync(join(work, 'a.txt'), benchFile('a'));
  writeFileSync(join(work, 'b.txt'), benchFile('b'));
  const expected = pairs.map((p) => ({
    s1: summarizeSample(p.a),
    s2: summarizeSample(p.b),
    c: compareSamples(p.a, p.b),
  }));

  // Text: "P0001-2   5.000 ± ∞ ¹   7.500 ± ∞ ¹  ~ (p=0.333 n=2) ²"
  const text = run(benchstatBin, ['a.txt', 'b.txt']).stdout.split('\n');
  const seen = new Set<number>();
  for (const line of text) {
    const m = /^P(\d{4})-2\s/.exec(line);
    if (!m) continue;
    const i = Number(m[1]);
    const e = expected[i]!;
    // The table right-aligns the range after a "± " margin; the padding is the table's, not the cell's.
    const cis = [...line.matchAll(/ ±\s+(\S+)/g)].map((x) => `± ${x[1]}`);
    assert.deepEqual(cis, [formatSummary(e.s1), formatSummary(e.s2)], line);
    const cmp = / (\S+ \((?:p=\S+ )?n=\d+(?:\+\d+)?\))/.exec(line);
    assert.equal(cmp?.[1], formatComparison(e.c), line);
    seen.add(i);
  }
  assert.equal(seen.size, pairs.length);

  // CSV: the centers at full precision, and the warnings by cell (B, D: the summaries; F: the comparison).
  const csv = run(benchstatBin, ['-format', 'csv', 'a.txt', 'b.txt']);
  const rows = csv.stdout.split('\n');
  const rowOf = new Map<number, number>();
  rows.forEach((line, r) => {
    const f = line.split(',');
    const m = /^P(\d{4})-2$/.exec(f[0]!);
    if (!m) return;
    const i = Number(m[1]);
    const e = expected[i]!;
    rowOf.set(r + 1, i);
    assert.deepEqual(
      f.slice(1).map((x, k) => (k === 0 || k === 2 ? Number(x) : x)),
      [e.s1.center, pctRangeString(e.s1), e.s2.center, pctRangeString(e.s2), formatDelta(e.c), comparisonString(e.c)],
      line,
    );
  });
  assert.equal(rowOf.size, pairs.length);
  const warnings = new Map<string, string[]>();
  for (const line of csv.stderr.split('\n')) {
    const m = /^([A-Z])(\d+): (.*)$/.exec(line);
    if (!m || !rowOf.has(Number(m[2]))) continue;
    const key = `${rowOf.get(Number(m[2]))}${m[1]}`;
    warnings.set(key, [...(warnings.get(key) ?? []), m[3]!]);
  }
  expected.forEach((e, i) => {
    assert.deepEqual(warnings.get(`${i}B`) ?? [], e.s1.warnings, `pair ${i}`);
    assert.deepEqual(warnings.get(`${i}D`) ?? [], e.s2.warnings, `pair ${i}`);
    assert.deepEqual(warnings.get(`${i}F`) ?? [], e.c.warnings, `pair ${i}`);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Known values, computed with benchstat's stats (go-moremath) at the version above.

test('Mann–Whitney U: known p-values, exact without and with ties, and normal approximation', () => {
  // Without ties: the exact distribution. Fully separated samples of 6 give the minimum p, 2/C(12,6).
  assert.deepEqual(mannWhitneyU([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]), { u: 0, p: 0.002164502164502165 });
  assert.deepEqual(mannWhitneyU([1, 2, 3], [4, 5, 6]), { u: 0, p: 0.10000000000000002 });
  // U1 == U2: p is exactly 1.
  assert.deepEqual(mannWhitneyU([1, 4], [2, 3]), { u: 2, p: 1 });
  // With ties: Klotz/Cheung's exact distribution.
  assert.deepEqual(mannWhitneyU([1, 1, 2, 2, 3], [2, 3, 3, 4, 4]), { u: 3, p: 0.07936507936507936 });
  // Above 25 values with ties: normal approximation with tie and continuity correction.
  const x = Array.from({ length: 30 }, (_, i) => i % 5);
  const y = Array.from({ length: 30 }, (_, i) => (i % 5) + 1);
  const r = mannWhitneyU(x, y);
  assert.equal(r.u, 288);
  assert.ok(Math.abs(r.p - 0.015140398645618823) < 1e-15, String(r.p));
  assert.throws(() => mannWhitneyU([3, 3], [3, 3, 3]), /all samples are equal/);
  assert.throws(() => mannWhitneyU([], [1]), /sample is too small/);
});

test('summaries and comparisons in each of benchstat’s forms', () => {
  const one = summarizeSample([100]);
  assert.equal(formatSummary(one), '± ∞');
  assert.deepEqual(one.warnings, ['need >= 6 samples for confidence interval at level 0.95']);
  const six = summarizeSample([10, 11, 12, 13, 14, 15]);
  assert.deepEqual([six.center, six.lo, six.hi, formatSummary(six)], [12.5, 10, 15, '± 20%']);
  assert.equal(formatSummary(summarizeSample([-1, 0, 0, 0, 0, 2])), '± ?');
  assert.equal(formatSummary(summarizeSample([0, 0, 0, 0, 0, 0])), '± 0%');

  const up = compareSamples([10, 11, 12, 13, 14, 15], [20, 21, 22, 23, 24, 25]);
  assert.equal(formatComparison(up), '+80.00% (p=0.002 n=6)');
  assert.ok(up.significant);
  assert.equal(up.delta, 22.5 / 12.5 - 1);
  assert.equal(formatComparison(compareSamples([10, 10, 11, 11, 12, 12], [12, 12, 13, 13, 14, 14])), '+18.18% (p=0.013 n=6)');
  assert.equal(formatComparison(compareSamples([1, 2, 3, 4, 5], [2, 3, 4, 5, 6, 7])), '~ (p=0.251 n=5+6)');
  const equal = compareSamples([5, 5, 5], [5, 5, 5]);
  assert.deepEqual([formatComparison(equal), equal.warnings], ['~ (p=1.000 n=3)', ['all samples are equal']]);
  const fromZero = compareSamples([0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1]);
  assert.deepEqual([formatComparison(fromZero), fromZero.delta], ['? (p=0.002 n=6)', null]);
  assert.deepEqual(compareSamples([1], [2]).warnings, ['need >= 4 samples to detect a difference at alpha level 0.05']);
});

test('Go’s %.Nf rounding: exact decimal ties go to even', () => {
  assert.equal(goFixed(2.5, 0), '2');
  assert.equal(goFixed(3.5, 0), '4');
  assert.equal(goFixed(0.125, 2, true), '+0.12');
  assert.equal(goFixed(-0.125, 2, true), '-0.12');
  assert.equal(goFixed(0.1, 3), '0.100');
  assert.equal(goFixed(-0, 2, true), '-0.00');
});
