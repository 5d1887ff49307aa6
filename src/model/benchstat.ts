// The statistics benchstat (golang.org/x/perf/cmd/benchstat) uses by default, the benchmath.AssumeNothing
// assumption: the summary of a sample is its median with a distribution-free confidence interval, and two samples
// are compared with a two-sided Mann–Whitney U test. The formatting is benchstat's own, so a heapscope report can
// say exactly what benchstat would say about the same runs.
//
// Ported from golang.org/x/perf (BSD-style license, Copyright The Go Authors) and github.com/aclements/go-moremath
// (BSD-style license, Copyright The Go Authors): benchmath/anone.go and benchmath/sample.go of
// golang.org/x/perf@v0.0.0-20260908200009-22c9c6c9d4da, stats/{utest,udist,quantileci,binomdist,normaldist,sample}.go
// and mathx/{choose,sign}.go of go-moremath@v0.0.0-20210112150236-f10218a38794 (the version x/perf requires), and
// the parts of Go's math.Erfc and math.Lgamma those reach (FreeBSD's msun, via Go). The structure and arithmetic
// follow the Go line by line so that results agree to the last bit wherever Go's and V8's exp and log do.

/** The summary benchstat shows for one sample: the median and its confidence interval. */
export interface SampleSummary {
  center: number;
  /** Bounds of the confidence interval; -Infinity / +Infinity when the sample is too small for the level. */
  lo: number;
  hi: number;
  n: number;
  /** The interval's actual confidence level, at least the one asked for. */
  confidence: number;
  warnings: string[];
}

/** The comparison benchstat shows between a base sample and another one. */
export interface SampleComparison {
  p: number;
  n1: number;
  n2: number;
  alpha: number;
  /** p <= alpha: benchstat prints the change instead of "~". */
  significant: boolean;
  /**
   * (center2 - center1) / center1, as a fraction, computed as benchstat does (center2 / center1 - 1); null when not
   * defined (center1 is 0 and center2 is not).
   */
  delta: number | null;
  /** The medians of base and other; benchstat's delta cell is derived from them. */
  center1: number;
  center2: number;
  warnings: string[];
}

/** benchmath.DefaultThresholds.CompareAlpha and cmd/benchstat's -confidence default. */
export const DEFAULT_ALPHA = 0.05;
export const DEFAULT_CONFIDENCE = 0.95;

const ERR_SAMPLE_SIZE = 'sample is too small';
const ERR_SAMPLES_EQUAL = 'all samples are equal';

// ---------------------------------------------------------------------------------------------------------------
// benchmath: AssumeNothing.Summary, AssumeNothing.Compare, Summary.PctRangeString, Comparison.String / FormatDelta

/** The median and its confidence interval, as benchmath.AssumeNothing.Summary. */
export function summarizeSample(values: readonly number[], confidence: number = DEFAULT_CONFIDENCE): SampleSummary {
  const xs = sortedCopy(values);
  const ci = medianCI(xs.length, confidence);
  const [median, lo, hi] = sampleCI(ci, xs);
  const warnings: string[] = [];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    // benchmath tests math.IsInf; NaN bounds cannot occur because the order statistics come from the sample.
    const [op, need] = medianSamples(confidence);
    warnings.push(`need ${op} ${need} samples for confidence interval at level ${goFloat(confidence)}`);
  }
  return { center: median, lo, hi, n: xs.length, confidence: ci.confidence, warnings };
}

/** The two-sided Mann–Whitney U test of base against other, as benchmath.AssumeNothing.Compare. */
export function compareSamples(base: readonly number[], other: readonly number[], alpha: number = DEFAULT_ALPHA): SampleComparison {
  const x1 = sortedCopy(base);
  const x2 = sortedCopy(other);
  const center1 = median(x1);
  const center2 = median(x2);
  const delta = center1 === center2 ? 0 : center1 === 0 ? null : center2 / center1 - 1;
  const done = (p: number, warnings: string[]): SampleComparison => ({
    p,
    n1: x1.length,
    n2: x2.length,
    alpha,
    significant: !(p > alpha),
    delta,
    center1,
    center2,
    warnings,
  });
  let res: { u: number; p: number };
  try {
    res = mannWhitneyU(x1, x2);
  } catch (e) {
    // benchmath reports a failed test as "no significant difference", with the reason as a warning.
    if (e instanceof UTestError) return done(1, [e.message]);
    throw e;
  }
  const warnings: string[] = [];
  // Warn when even maximally separated samples of these sizes could not reach alpha.
  if (res.p > alpha) {
    const [op, n] = uTestSamples(alpha);
    if (x1.length < n && x2.length < n) {
      warnings.push(`need ${op} ${n} samples to detect a difference at alpha level ${goFloat(alpha)}`);
    }
  }
  return done(res.p, warnings);
}

/** The confidence interval cell, "± 1%", "± ∞" or "± ?", as benchstat's text table prints it. */
export function formatSummary(s: SampleSummary): string {
  return `± ${pctRangeString(s)}`;
}

/** benchmath.Summary.PctRangeString: the CI cell without "± " (benchstat's CSV column "CI"). */
export function pctRangeString(s: SampleSummary): string {
  if (!Number.isFinite(s.lo) || !Number.isFinite(s.hi)) return '∞';
  // A range whose bounds have another sign than the center cannot be written as a percentage of it.
  const csign = sign(s.center);
  if (!sameSign(csign, sign(s.lo)) || !sameSign(csign, sign(s.hi))) return '?';
  // Only reachable when lo and hi are 0 too.
  if (s.center === 0) return '0%';
  const v = Math.max(s.hi / s.center - 1, 1 - s.lo / s.center);
  return `${goFixed(100 * v, 0)}%`;
}

/** benchstat's delta cell: "+20.00% (p=0.002 n=6)", "~ (p=0.394 n=5+6)", "? (…)", "0.00% (…)". */
export function formatComparison(c: SampleComparison): string {
  return `${formatDelta(c)} (${comparisonString(c)})`;
}

/** benchmath.Comparison.FormatDelta: the change column alone (benchstat's CSV column "vs base"). */
export function formatDelta(c: SampleComparison): string {
  if (c.p > c.alpha) return '~';
  if (c.center1 === c.center2) return '0.00%';
  if (c.center1 === 0) return '?';
  const pct = (c.center2 / c.center1 - 1.0) * 100.0;
  return `${goFixed(pct, 2, true)}%`;
}

/** benchmath.Comparison.String: "p=0.002 n=6", "p=0.394 n=5+6"; p is left out when it is exactly 0. */
export function comparisonString(c: SampleComparison): string {
  const s = c.p !== 0 ? `p=${goFixed(c.p, 3)} ` : '';
  return c.n1 === c.n2 ? `${s}n=${c.n1}` : `${s}n=${c.n1}+${c.n2}`;
}

/** medianSamples: the fewest values for which the median's interval is finite at this level. */
function medianSamples(confidence: number): [string, number] {
  const limit = 50;
  for (let n = 2; n <= limit; n++) {
    const ci = medianCI(n, confidence);
    if (0 < ci.loOrder && ci.hiOrder <= n) return ['>=', n];
  }
  return ['>', limit];
}

// uTestMinP[n] is the smallest p the U test can give for two samples of n values (benchmath's generated table).
const U_TEST_MIN_P = [
  NaN,
  1,
  0.3333333333333333,
  0.1,
  0.02857142857142857,
  0.007936507936507936,
  0.0021645021645021645,
  0.0005827505827505828,
  0.0001554001554001554,
  4.113533525298231e-5,
];

function uTestSamples(alpha: number): [string, number] {
  for (let n = 1; n < U_TEST_MIN_P.length; n++) {
    if (U_TEST_MIN_P[n]! <= alpha) return ['>=', n];
  }
  return ['>', U_TEST_MIN_P.length];
}

const medianCache = new Map<string, QuantileCIResult>();

function medianCI(n: number, confidence: number): QuantileCIResult {
  const key = `${n}/${confidence}`;
  let ci = medianCache.get(key);
  if (!ci) medianCache.set(key, (ci = quantileCI(n, 0.5, confidence)));
  return ci;
}

// ---------------------------------------------------------------------------------------------------------------
// go-moremath stats: Sample.Quantile, QuantileCI, BinomialDist, NormalDist

function sortedCopy(values: readonly number[]): number[] {
  // Go's sort.Float64s puts NaNs first; benchmark values are never NaN, so plain numeric order is the same.
  return [...values].sort((a, b) => a - b);
}

/** stats.Sample.Quantile(0.5) on a sorted, unweighted sample: R's type 8 quantile. */
function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  if (q <= 0) return xs[0]!;
  if (q >= 1) return xs[xs.length - 1]!;
  const N = xs.length;
  const n = 1 / 3.0 + q * (N + 1 / 3.0); // R8
  const kf = Math.trunc(n);
  const frac = n - kf;
  const k = kf;
  if (k <= 0) return xs[0]!;
  if (k >= xs.length) return xs[xs.length - 1]!;
  return xs[k - 1]! + frac * (xs[k]! - xs[k - 1]!);
}

interface QuantileCIResult {
  quantile: number;
  n: number;
  confidence: number;
  /** 1-based order statistics bounding the interval; outside 1..n means an infinite bound. */
  loOrder: number;
  hiOrder: number;
  ambiguous: boolean;
}

function sampleCI(ci: QuantileCIResult, xs: readonly number[]): [number, number, number] {
  const q = quantile(xs, ci.quantile);
  const lo = ci.loOrder < 1 ? -Infinity : xs[ci.loOrder - 1]!;
  const hi = ci.hiOrder - 1 >= xs.length ? Infinity : xs[ci.hiOrder - 1]!;
  return [q, lo, hi];
}

// Above this many values QuantileCI uses the normal approximation of the binomial distribution.
const QUANTILE_CI_APPROX_THRESHOLD = 30;

function quantileCI(n: number, q: number, confidence: number): QuantileCIResult {
  const res: QuantileCIResult = { quantile: q, n, confidence: 0, loOrder: 0, hiOrder: 0, ambiguous: false };
  if (confidence >= 1) {
    res.confidence = 1;
    res.loOrder = 0;
    res.hiOrder = n + 1;
    return res;
  }
  // PMF(k) of this binomial is the probability that the population quantile lies between Xs[k-1] and Xs[k].
  const samp = { N: n, P: q };
  let l: number;
  let r: number;
  if (samp.N <= QUANTILE_CI_APPROX_THRESHOLD) {
    // Grow the interval outwards from the (lower) mode, always taking the likelier neighbour, left on ties.
    let x = Math.ceil((samp.N + 1) * samp.P) - 1;
    if (samp.P === 0) x = 0;
    let accum = binomPMF(samp, x);
    l = x;
    r = x + 1;
    let lp = binomPMF(samp, l - 1);
    let rp = binomPMF(samp, r);
    res.ambiguous = rp === accum;
    while (accum < confidence && (lp > 0 || rp > 0)) {
      res.ambiguous = lp === rp;
      if (lp >= rp) {
        accum += lp;
        l--;
        lp = binomPMF(samp, l - 1);
      } else {
        accum += rp;
        r++;
        rp = binomPMF(samp, r);
      }
    }
    res.confidence = accum;
  } else {
    const mu = samp.N * samp.P;
    const sigma = Math.sqrt(samp.N * samp.P * (1 - samp.P));
    const alpha = (1 - confidence) / 2;
    const l1 = normalInvCDF(mu, sigma, alpha);
    const r1 = 2 * mu - l1;
    // Round out to k ± 0.5 boundaries (the continuity correction), then back to binomial indexes.
    l = Math.floor(Math.floor(l1 - 0.5) + 0.5) + 1;
    r = Math.floor(Math.ceil(r1 - 0.5) + 0.5) + 1;
    const cdf = (l: number, r: number): number => normalCDF(mu, sigma, r - 0.5) - normalCDF(mu, sigma, l - 0.5);
    res.confidence = cdf(l, r);
    // The interval is symmetric; a left-biased one may still reach the level with less excess.
    const rBiased = r - 1;
    const aBiased = cdf(l, rBiased);
    if (aBiased >= confidence && aBiased < res.confidence) {
      res.confidence = aBiased;
      res.ambiguous = true;
      r = rBiased;
    }
    if (l <= 0 && r >= n + 1) {
      // The normal's infinite support keeps the computed confidence just below 1 for an interval covering all.
      res.confidence = 1;
      res.ambiguous = false;
    }
  }
  if (l < 0) l = 0;
  if (r > n + 1) r = n + 1;
  res.loOrder = l;
  res.hiOrder = r;
  return res;
}

function binomPMF(d: { N: number; P: number }, k: number): number {
  const ki = Math.floor(k);
  if (ki < 0 || ki > d.N) return 0;
  return choose(d.N, ki) * Math.pow(d.P, ki) * Math.pow(1 - d.P, d.N - ki);
}

function normalCDF(mu: number, sigma: number, x: number): number {
  return erfc(-(x - mu) / (sigma * Math.SQRT2)) / 2;
}

/** NormalDist.InvCDF: Peter John Acklam's algorithm with one step of refinement. */
function normalInvCDF(mu: number, sigma: number, p: number): number {
  const a1 = -3.969683028665376e1;
  const a2 = 2.209460984245205e2;
  const a3 = -2.759285104469687e2;
  const a4 = 1.38357751867269e2;
  const a5 = -3.066479806614716e1;
  const a6 = 2.506628277459239;
  const b1 = -5.447609879822406e1;
  const b2 = 1.615858368580409e2;
  const b3 = -1.556989798598866e2;
  const b4 = 6.680131188771972e1;
  const b5 = -1.328068155288572e1;
  const c1 = -7.784894002430293e-3;
  const c2 = -3.223964580411365e-1;
  const c3 = -2.400758277161838;
  const c4 = -2.549732539343734;
  const c5 = 4.374664141464968;
  const c6 = 2.938163982698783;
  const d1 = 7.784695709041462e-3;
  const d2 = 3.224671290700398e-1;
  const d3 = 2.445134137142996;
  const d4 = 3.754408661907416;
  const plow = 0.02425;
  const phigh = 1 - plow;
  if (p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let x: number;
  if (p < plow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
  } else if (phigh < p) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q) / (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1);
  }
  const e = 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  x = x - u / (1 + (x * u) / 2);
  return x * sigma + mu;
}

// ---------------------------------------------------------------------------------------------------------------
// go-moremath stats: MannWhitneyUTest (two-sided) and UDist

class UTestError extends Error {}

// Largest sample sizes for the exact U distribution, without and with ties; larger ones use the normal
// approximation with tie and continuity correction.
const MANN_WHITNEY_EXACT_LIMIT = 50;
const MANN_WHITNEY_TIES_EXACT_LIMIT = 25;

/**
 * The two-sided Mann–Whitney U test (stats.MannWhitneyUTest with LocationDiffers). u is U for x1 with ties counted
 * as 1/2. Throws when a sample is empty ("sample is too small") or every value is equal ("all samples are equal").
 */
export function mannWhitneyU(x1In: readonly number[], x2In: readonly number[]): { u: number; p: number } {
  const n1 = x1In.length;
  const n2 = x2In.length;
  if (n1 === 0 || n2 === 0) throw new UTestError(ERR_SAMPLE_SIZE);
  const x1 = sortedCopy(x1In);
  const x2 = sortedCopy(x2In);
  const [merged, labels] = labeledMerge(x1, x2);

  let R1 = 0.0;
  const T: number[] = [];
  let hasTies = false;
  for (let i = 0; i < merged.length;) {
    const rank1 = i + 1;
    let nx1 = 0;
    const v1 = merged[i]!;
    for (; i < merged.length && merged[i] === v1; i++) {
      if (labels[i] === 1) nx1++;
    }
    // Tied values share the average of their ranks (merged[0] has rank 1).
    if (nx1 !== 0) {
      const rank = (i + rank1) / 2;
      R1 += rank * nx1;
    }
    T.push(i - rank1 + 1);
    if (i > rank1) hasTies = true;
  }
  const U1 = R1 - (n1 * (n1 + 1)) / 2;
  const U2 = n1 * n2 - U1;
  const Usmall = Math.min(U1, U2);

  let p: number;
  if (
    (!hasTies && n1 <= MANN_WHITNEY_EXACT_LIMIT && n2 <= MANN_WHITNEY_EXACT_LIMIT) ||
    (hasTies && n1 <= MANN_WHITNEY_TIES_EXACT_LIMIT && n2 <= MANN_WHITNEY_TIES_EXACT_LIMIT)
  ) {
    if (T.length === 1) throw new UTestError(ERR_SAMPLES_EQUAL);
    const dist = { N1: n1, N2: n2, T };
    // At the center of a symmetric discrete distribution, doubling the CDF would count the mass at Usmall twice.
    p = U1 === U2 ? 1 : uCDF(dist, Usmall) * 2;
  } else {
    const t = tieCorrection(T);
    const N = n1 + n2;
    const muU = (n1 * n2) / 2;
    const sigmaU = Math.sqrt((n1 * n2 * (N + 1 - t / (N * (N - 1)))) / 12);
    if (sigmaU === 0) throw new UTestError(ERR_SAMPLES_EQUAL);
    let numer = U1 - muU;
    numer -= sign(numer) * 0.5; // continuity correction
    const z = numer / sigmaU;
    p = 2 * Math.min(normalCDF(0, 1, z), 1 - normalCDF(0, 1, z));
  }
  return { u: U1, p };
}

function labeledMerge(x1: readonly number[], x2: readonly number[]): [number[], Uint8Array] {
  const merged = new Array<number>(x1.length + x2.length);
  const labels = new Uint8Array(x1.length + x2.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < x1.length && j < x2.length) {
    if (x1[i]! < x2[j]!) {
      merged[o] = x1[i]!;
      labels[o] = 1;
      i++;
    } else {
      merged[o] = x2[j]!;
      labels[o] = 2;
      j++;
    }
    o++;
  }
  for (; i < x1.length; i++, o++) {
    merged[o] = x1[i]!;
    labels[o] = 1;
  }
  for (; j < x2.length; j++, o++) {
    merged[o] = x2[j]!;
    labels[o] = 2;
  }
  return [merged, labels];
}

function tieCorrection(ties: readonly number[]): number {
  let t = 0;
  for (const tie of ties) t += tie * tie * tie - tie;
  return t;
}

interface UDist {
  N1: number;
  N2: number;
  /** Count of tied values at each rank; sums to N1 + N2. */
  T: readonly number[];
}

function uCDF(d: UDist, U: number): number {
  if (U < 0) return 0;
  if (U >= d.N1 * d.N2) return 1;
  if (d.T.some((t) => t > 1)) {
    const twoU = Math.trunc(2 * U);
    const memo = makeUmemo(twoU, d.N1, d.T);
    const p = memo[d.T.length]!.get(ukey(d.N1, twoU));
    if (p === undefined) throw new Error('makeUmemo did not return expected memoization table');
    return p / choose(d.N1 + d.N2, d.N1);
  }
  // Without ties U is integral and the distribution symmetric about N1*N2/2: sum whichever tail is shorter.
  let Ui = Math.floor(U);
  const flip = Ui >= Math.trunc((d.N1 * d.N2 + 1) / 2);
  if (flip) Ui = d.N1 * d.N2 - Ui - 1;
  const pdfs = uP(d, Ui);
  let p = 0.0;
  for (let u = 0; u <= Ui; u++) p += pdfs[u]!;
  if (flip) p = 1 - p;
  return p;
}

/**
 * Mann and Whitney's (1947) p_{N1,N2}(u) for u in 0..U, by dynamic programming over one plane of (n, m) at a time
 * and the symmetry p_{n,m} = p_{m,n}; see go-moremath's udist.go for the layout argument.
 */
function uP(d: UDist, U: number): Float64Array {
  let N = d.N1;
  let M = d.N2;
  if (N > M) [N, M] = [M, N];
  const memo: Float64Array[] = [];
  for (let n = 0; n <= N; n++) memo.push(new Float64Array(U + 1));
  for (let m = 0; m <= M; m++) {
    memo[0]![0] = 1;
    const nlim = Math.min(N, m);
    for (let n = 1; n <= nlim; n++) {
      const lp = memo[n - 1]!;
      const rp = n <= m - 1 ? memo[n]! : memo[m - 1]!;
      const ulim = Math.min(n * m, U);
      const out = memo[n]!;
      const nplusm = n + m;
      for (let U1 = ulim; U1 >= 0; U1--) {
        let l = 0.0;
        if (U1 - m >= 0) l = n * lp[U1 - m]!;
        const r = m * rp[U1]!;
        out[U1] = (l + r) / nplusm;
      }
    }
  }
  return memo[N]!;
}

// Memo keys pack (n1, 2U); 2U stays far inside ±2^20 for the sample sizes that reach the exact distribution.
const UKEY_OFFSET = 1 << 20;
const ukey = (n1: number, twoU: number): number => n1 * 2 * UKEY_OFFSET + (twoU + UKEY_OFFSET);
const ukeyN1 = (k: number): number => Math.floor(k / (2 * UKEY_OFFSET));
const ukeyTwoU = (k: number): number => (k % (2 * UKEY_OFFSET)) - UKEY_OFFSET;

/**
 * Cumulative counts of the U distribution with ties (Cheung & Klotz 1997, Klotz 1966): memo[k] maps (n1, 2U) to the
 * number of arrangements of n1 first-sample values over the tie vector t[:k] whose U statistic is <= U. Summation
 * order follows the Go so the floating-point counts are the same.
 */
function makeUmemo(twoU: number, n1: number, t: readonly number[]): Map<number, number>[] {
  const K = t.length;
  const a = new Array<number>(K + 1).fill(0);
  a[1] = t[0]!;
  for (let k = 2; k <= K; k++) a[k] = a[k - 1]! + t[k - 2]! + t[k - 1]!;

  const A: Map<number, number>[] = new Array<Map<number, number>>(K + 1);
  A[K] = new Map([[ukey(n1, twoU), 0]]);

  // Drive the recurrence downwards to find every (k, n1, 2U) it needs.
  let tsum = sumint(t);
  for (let k = K - 1; k >= 2; k--) {
    tsum -= t[k]!;
    const Ak = new Map<number, number>();
    A[k] = Ak;
    for (const key of A[k + 1]!.keys()) {
      const kn1 = ukeyN1(key);
      const ktwoU = ukeyTwoU(key);
      const rkLow = Math.max(0, kn1 - tsum);
      const rkHigh = Math.min(kn1, t[k]!);
      for (let rk = rkLow; rk <= rkHigh; rk++) {
        const twoUk = ktwoU - rk * (a[k + 1]! - 2 * kn1 + rk);
        const n1k = kn1 - rk;
        const tk = t.slice(0, k);
        if (twoUmin(n1k, tk, a) <= twoUk && twoUk <= twoUmax(n1k, tk, a)) Ak.set(ukey(n1k, twoUk), 0);
      }
    }
  }

  if (K < 2) throw new Error('K < 2');
  const N2 = t[0]! + t[1]!;
  const A2 = A[2]!;
  for (const key of A2.keys()) {
    const kn1 = ukeyN1(key);
    const ktwoU = ukeyTwoU(key);
    let Asum = 0.0;
    const r2Low = Math.max(0, kn1 - t[0]!);
    const r2High = Math.trunc((ktwoU - kn1 * (t[0]! - kn1)) / N2);
    for (let r2 = r2Low; r2 <= r2High; r2++) Asum += choose(t[0]!, kn1 - r2) * choose(t[1]!, r2);
    A2.set(key, Asum);
  }

  // Unwind the recurrence upwards.
  tsum = t[0]!;
  for (let k = 3; k <= K; k++) {
    tsum += t[k - 2]!;
    const Ak = A[k]!;
    const Akm1 = A[k - 1]!;
    const tkm1 = t.slice(0, k - 1);
    for (const key of Ak.keys()) {
      const kn1 = ukeyN1(key);
      const ktwoU = ukeyTwoU(key);
      let Asum = 0.0;
      const rkLow = Math.max(0, kn1 - tsum);
      const rkHigh = Math.min(kn1, t[k - 1]!);
      for (let rk = rkLow; rk <= rkHigh; rk++) {
        const twoUkm1 = ktwoU - rk * (a[k]! - 2 * kn1 + rk);
        const n1km1 = kn1 - rk;
        let x = Akm1.get(ukey(n1km1, twoUkm1));
        if (x === undefined) {
          x = 0;
          if (twoUmax(n1km1, tkm1, a) < twoUkm1) x = choose(tsum, n1km1);
        }
        Asum += x * choose(t[k - 1]!, rk);
      }
      Ak.set(key, Asum);
    }
  }
  return A;
}

function twoUmin(n1: number, t: readonly number[], a: readonly number[]): number {
  let twoU = -n1 * n1;
  let n1k = n1;
  for (let k = 1; k <= t.length; k++) {
    const twoUk = Math.min(n1k, t[k - 1]!);
    twoU += twoUk * a[k]!;
    n1k -= twoUk;
  }
  return twoU;
}

function twoUmax(n1: number, t: readonly number[], a: readonly number[]): number {
  let twoU = -n1 * n1;
  let n1k = n1;
  for (let k = t.length; k > 0; k--) {
    const twoUk = Math.min(n1k, t[k - 1]!);
    twoU += twoUk * a[k]!;
    n1k -= twoUk;
  }
  return twoU;
}

function sumint(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// go-moremath mathx: Choose, Sign; Go's math: Erfc, Lgamma (the positive-integer arguments Choose uses)

/** mathx.Sign: -1, 0 or 1, NaN for NaN (so a NaN sign never matches, as Go's != on NaN). */
function sign(x: number): number {
  if (x === 0) return 0;
  if (x < 0) return -1;
  if (x > 0) return 1;
  return NaN;
}

function sameSign(a: number, b: number): boolean {
  return a === b;
}

const SMALL_FACT_LIMIT = 20; // 20! fits in 62 bits
const smallFact: bigint[] = [1n];
for (let n = 1; n <= SMALL_FACT_LIMIT; n++) smallFact.push(smallFact[n - 1]! * BigInt(n));

const chooseCache = new Map<number, number>();

/** mathx.Choose: exact int64 arithmetic up to n = 20, exp(lgamma…) above, as the Go does. */
function choose(n: number, k: number): number {
  if (k === 0 || k === n) return 1;
  if (k < 0 || n < k) return 0;
  const key = n * 65536 + k;
  const hit = chooseCache.get(key);
  if (hit !== undefined) return hit;
  let v: number;
  if (n <= SMALL_FACT_LIMIT) {
    let numer = 1n;
    for (let n1 = BigInt(n - (k - 1)); n1 <= BigInt(n); n1++) numer *= n1;
    v = Number(numer / smallFact[k]!);
  } else {
    v = Math.exp(lgammaInt(n + 1) - lgammaInt(k + 1) - lgammaInt(n - k + 1));
  }
  chooseCache.set(key, v);
  return v;
}

const LGAM_R = [
  1.0, 1.39200533467621045958, 7.21935547567138069525e-1, 1.71933865632803078993e-1, 1.86459191715652901344e-2, 7.77942496381893596434e-4,
  7.32668430744625636189e-6,
];
const LGAM_S = [
  -7.72156649015328655494e-2, 2.14982415960608852501e-1, 3.25778796408930981787e-1, 1.46350472652464452805e-1, 2.6642270303363860956e-2,
  1.84028451407337715652e-3, 3.19475326584100867617e-5,
];
const LGAM_W = [
  4.18938533204672725052e-1, 8.33333333333329678849e-2, -2.7777777772877553647e-3, 7.936505586430195585e-4, -5.95187557450339963135e-4,
  8.36339918996282139126e-4, -1.63092934096575273989e-3,
];

/**
 * Go's math.Lgamma for x >= 1, the only arguments mathx.Choose passes (integers n+1, k+1, n-k+1); the branches
 * for x < 1 and negative x are left out because nothing here reaches them.
 */
function lgammaInt(x: number): number {
  if (!(x >= 1)) throw new RangeError(`lgammaInt(${x})`);
  if (x === 1 || x === 2) return 0;
  if (x < 2) throw new RangeError(`lgammaInt(${x})`);
  if (x < 8) {
    const i = Math.trunc(x);
    const y = x - i;
    const p =
      y * (LGAM_S[0]! + y * (LGAM_S[1]! + y * (LGAM_S[2]! + y * (LGAM_S[3]! + y * (LGAM_S[4]! + y * (LGAM_S[5]! + y * LGAM_S[6]!))))));
    const q = 1 + y * (LGAM_R[1]! + y * (LGAM_R[2]! + y * (LGAM_R[3]! + y * (LGAM_R[4]! + y * (LGAM_R[5]! + y * LGAM_R[6]!)))));
    let lgamma = 0.5 * y + p / q;
    // Lgamma(1+s) = Log(s) + Lgamma(s), with Go's fallthrough from i down to 3.
    let z = 1.0;
    if (i >= 7) z *= y + 6;
    if (i >= 6) z *= y + 5;
    if (i >= 5) z *= y + 4;
    if (i >= 4) z *= y + 3;
    if (i >= 3) {
      z *= y + 2;
      lgamma += Math.log(z);
    }
    return lgamma;
  }
  if (x < 2 ** 58) {
    const t = Math.log(x);
    const z = 1 / x;
    const y = z * z;
    const w = LGAM_W[0]! + z * (LGAM_W[1]! + y * (LGAM_W[2]! + y * (LGAM_W[3]! + y * (LGAM_W[4]! + y * (LGAM_W[5]! + y * LGAM_W[6]!)))));
    return (x - 0.5) * (t - 1) + w;
  }
  return x * (Math.log(x) - 1);
}

const ERX = 8.45062911510467529297e-1;
const PP = [
  1.28379167095512558561e-1, -3.2504210724700149937e-1, -2.84817495755985104766e-2, -5.77027029648944159157e-3, -2.37630166566501626084e-5,
];
const QQ = [
  NaN,
  3.97917223959155352819e-1,
  6.50222499887672944485e-2,
  5.08130628187576562776e-3,
  1.32494738004321644526e-4,
  -3.9602282787753681232e-6,
];
const PA = [
  -2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1, 3.18346619901161753674e-1, -1.10894694282396677476e-1,
  3.54783043256182359371e-2, -2.166375594868790843e-3,
];
const QA = [
  NaN,
  1.06420880400844228286e-1,
  5.40397917702171048937e-1,
  7.18286544141962662868e-2,
  1.26171219808761642112e-1,
  1.36370839120290507362e-2,
  1.1984499846799107417e-2,
];
const RA = [
  -9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1, -6.23753324503260060396e1, -1.62396669462573470355e2,
  -1.84605092906711035994e2, -8.12874355063065934246e1, -9.81432934416914548592,
];
const SA = [
  NaN,
  1.96512716674392571292e1,
  1.376577541435190426e2,
  4.34565877475229228821e2,
  6.45387271733267880336e2,
  4.29008140027567833386e2,
  1.08635005541779435134e2,
  6.57024977031928170135,
  -6.04244152148580987438e-2,
];
const RB = [
  -9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1, -1.60636384855821916062e2, -6.37566443368389627722e2,
  -1.02509513161107724954e3, -4.83519191608651397019e2,
];
const SB = [
  NaN,
  3.03380607434824582924e1,
  3.25792512996573918826e2,
  1.53672958608443695994e3,
  3.19985821950859553908e3,
  2.55305040643316442583e3,
  4.74528541206955367215e2,
  -2.24409524465858183362e1,
];

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Index of the high 32 bits of a float64 in u32 on this machine.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Go's math.erfc (FreeBSD's s_erf.c); on amd64 Go has no assembly for it, so this is the code Go runs. */
function erfc(x: number): number {
  const Tiny = 1.0 / 2 ** 56;
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 0;
  if (x === -Infinity) return 2;
  let neg = false;
  if (x < 0) {
    x = -x;
    neg = true;
  }
  if (x < 0.84375) {
    let temp: number;
    if (x < Tiny) {
      temp = x;
    } else {
      const z = x * x;
      const r = PP[0]! + z * (PP[1]! + z * (PP[2]! + z * (PP[3]! + z * PP[4]!)));
      const s = 1 + z * (QQ[1]! + z * (QQ[2]! + z * (QQ[3]! + z * (QQ[4]! + z * QQ[5]!))));
      const y = r / s;
      temp = x < 0.25 ? x + x * y : 0.5 + (x * y + (x - 0.5));
    }
    return neg ? 1 + temp : 1 - temp;
  }
  if (x < 1.25) {
    const s = x - 1;
    const P = PA[0]! + s * (PA[1]! + s * (PA[2]! + s * (PA[3]! + s * (PA[4]! + s * (PA[5]! + s * PA[6]!)))));
    const Q = 1 + s * (QA[1]! + s * (QA[2]! + s * (QA[3]! + s * (QA[4]! + s * (QA[5]! + s * QA[6]!)))));
    return neg ? 1 + ERX + P / Q : 1 - ERX - P / Q;
  }
  if (x < 28) {
    const s = 1 / (x * x);
    let R: number;
    let S: number;
    if (x < 1 / 0.35) {
      R = RA[0]! + s * (RA[1]! + s * (RA[2]! + s * (RA[3]! + s * (RA[4]! + s * (RA[5]! + s * (RA[6]! + s * RA[7]!))))));
      S = 1 + s * (SA[1]! + s * (SA[2]! + s * (SA[3]! + s * (SA[4]! + s * (SA[5]! + s * (SA[6]! + s * (SA[7]! + s * SA[8]!)))))));
    } else {
      if (neg && x > 6) return 2;
      R = RB[0]! + s * (RB[1]! + s * (RB[2]! + s * (RB[3]! + s * (RB[4]! + s * (RB[5]! + s * RB[6]!)))));
      S = 1 + s * (SB[1]! + s * (SB[2]! + s * (SB[3]! + s * (SB[4]! + s * (SB[5]! + s * (SB[6]! + s * SB[7]!))))));
    }
    // z is x with the low 32 bits of its mantissa cleared, so that exp(-z*z) is exact enough.
    f64[0] = x;
    u32[1 - HI] = 0;
    const z = f64[0];
    const r = Math.exp(-z * z - 0.5625) * Math.exp((z - x) * (z + x) + R / S);
    return neg ? 2 - r / x : r / x;
  }
  return neg ? 2 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Go's fmt for the verbs benchstat uses

/**
 * fmt.Sprintf("%.<digits>f") (with "%+" when plus): correctly rounded like JavaScript's toFixed, except that Go
 * rounds an exact decimal tie to even where toFixed rounds it away from zero, and Go keeps the sign of -0.
 */
export function goFixed(x: number, digits: number, plus = false): string {
  if (Number.isNaN(x)) return plus ? '+NaN' : 'NaN';
  const negative = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  if (ax === Infinity) return negative ? '-Inf' : '+Inf';
  let body: string;
  if (ax >= 1e21) {
    // toFixed switches to exponent notation here; such doubles are integers, so BigInt gives every digit.
    body = BigInt(ax).toString() + (digits > 0 ? '.' + '0'.repeat(digits) : '');
  } else {
    body = ax.toFixed(digits);
    // toFixed(100) is the exact expansion for every double >= 2^-47; below that no tie at these digits is possible.
    const exact = ax.toFixed(100);
    const point = exact.indexOf('.');
    const rest = exact.slice(point + 1 + digits);
    if (/^50*$/.test(rest)) {
      // Exact tie: toFixed went up; Go goes to the even neighbour.
      const down = exact.slice(0, point + 1 + digits).replace(/\.$/, '');
      const lastDigit = Number(down[down.length - 1]);
      if (lastDigit % 2 === 0) body = down;
    }
  }
  return (negative ? '-' : plus ? '+' : '') + body;
}

/** fmt's %v for a float64: the shortest representation, in exponent form below 1e-4 or from 1e21 on. */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mant, e] = x.toExponential().split('e') as [string, string];
  const e10 = Number(e);
  if (e10 < -4 || e10 >= 21) {
    const sign = e10 < 0 ? '-' : '+';
    const digits = String(Math.abs(e10)).padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  return String(x);
}
