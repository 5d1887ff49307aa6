// Sampled memory profiles: how heapscope chooses between recording every allocation and a sample of them, and what
// a sampled figure's uncertainty is.
//
// The runtime samples by bytes: it draws the distance to the next sample from an exponential distribution with
// mean MemProfileRate (runtime/malloc.go, nextSample), so an object of S bytes is recorded with probability
// q = 1 − exp(−S/R), independently of every other. runtime/pprof writes the profile's alloc_objects and alloc_space
// already divided by q (runtime/pprof/protomem.go, scaleHeapSample, with the bucket's average size), and the
// profile's `period` is R: the values heapscope reads are unbiased estimates, and a rate of 1 leaves them exact.

/** Seconds the two profiled runs of a benchmark may take: at least this much... */
const BUDGET_S = 0.3;
/** ...or this share of the time its timed runs took, whichever is more. */
const BUDGET_SHARE = 0.25;
/** Allocation samples the longer sampled run aims at: a line with 5% of the bytes gets about 1,000 of them, and
 *  its per-op figure a relative standard error near 5% (the shorter run, a quarter as long, included). */
export const SAMPLES_TARGET = 20_000;
/** Cost of recording one allocation (the profiler unwinds and records the stack; 1 to 5 µs measured, deep stacks
 *  the most): see profileIterations. */
export const RECORD_COST_S = 1e-5;
/** The longer run of a pair cut to the budget has at least this many iterations (and the shorter one 2), as the
 *  exact runs of the longest benchmarks do, so that a warm-up does not make the slope. */
const MIN_ITERATIONS = 8;

export interface ProfileFigures {
  nsPerOp: number;
  allocsPerOp: number;
  bytesPerOp: number;
  /** Seconds the benchmark's timed runs took (iterations × ns/op, summed over --count). */
  timedSeconds: number;
}

export interface ProfilePlan {
  iterations: [number, number];
  /** -test.memprofilerate: 1 records every allocation. */
  rate: number;
}

/** What a benchmark's two profiled runs may take, in seconds. */
export function profileBudget(f: ProfileFigures): number {
  return Math.max(BUDGET_S, BUDGET_SHARE * f.timedSeconds);
}

/**
 * The rate for the longer run when the shorter one, planned from the timed figures, took longer than the whole
 * pair's budget: its allocations were more than the timed runs' per-op figures said (a parser's warm-up of 73 MB,
 * once per process, behind fastjson's 0 allocs/op). The longer run records about SAMPLES_TARGET of as many bytes
 * as the shorter one allocated, scaled to its iterations; each run's estimates stay unbiased at its own rate.
 */
export function rateAfterOverrun(lowBytes: number, iterations: [number, number]): number {
  return Math.max(1, Math.floor((lowBytes * (iterations[1] / iterations[0])) / SAMPLES_TARGET));
}

/** Estimated seconds of the two profiled runs of a plan (the benchmark's work and the recording). */
export function planCost(f: ProfileFigures, plan: ProfilePlan): number {
  const [n1, n2] = plan.iterations;
  const recorded = plan.rate <= 1 ? f.allocsPerOp : Math.min(f.allocsPerOp, f.bytesPerOp / plan.rate);
  return (n1 + n2) * (f.nsPerOp * 1e-9 + recorded * RECORD_COST_S);
}

/** A pair whose longer run has n2 iterations (within [MIN_ITERATIONS, max]) and the shorter a quarter of it. */
function pair(n2: number, max: number): [number, number] {
  const n = Math.max(Math.min(MIN_ITERATIONS, max), Math.min(max, Math.round(n2)));
  return [Math.max(2, Math.round(n / 4)), n];
}

/**
 * The exact runs of profileIterations (`exact`) when they fit the budget; else the cheaper of two pairs that do,
 * as far as MIN_ITERATIONS allows: every allocation recorded over fewer iterations (where the benchmark's own
 * work is the cost), or a sample of about SAMPLES_TARGET allocations in the longer run (where recording is).
 * Sampling is chosen only when it costs less than half as much.
 */
export function profilePlan(f: ProfileFigures, exact: [number, number]): ProfilePlan {
  const exactPlan: ProfilePlan = { iterations: exact, rate: 1 };
  const budget = profileBudget(f);
  if (planCost(f, exactPlan) <= budget) return exactPlan;
  const perOp = Math.max(f.nsPerOp * 1e-9, 1e-9);
  const fewer: ProfilePlan = { iterations: pair(budget / (1.25 * (perOp + f.allocsPerOp * RECORD_COST_S)), exact[1]), rate: 1 };
  if (f.bytesPerOp <= 0) return fewer;
  // The samples cost about 1.25 × SAMPLES_TARGET × RECORD_COST_S whatever the iterations: the work gets the rest.
  const iterations = pair(Math.max(budget / 2, budget - 1.25 * SAMPLES_TARGET * RECORD_COST_S) / (1.25 * perOp), exact[1]);
  const rate = Math.floor((f.bytesPerOp * iterations[1]) / SAMPLES_TARGET);
  const sampled: ProfilePlan = { iterations, rate };
  return rate > 1 && planCost(f, sampled) < planCost(f, fewer) / 2 ? sampled : fewer;
}

/** How many allocations a sampled profile's values stand for, and how sure that is (one stack or a sum of them). */
export interface SampledCount {
  /** Allocations the runtime recorded (before pprof's scaling). */
  samples: number;
  /** Variance of the scaled objects and bytes estimates. */
  varObjects: number;
  varBytes: number;
}

/**
 * One stack's sampled count from its scaled values: each of its n objects of average size S was recorded with
 * probability q = 1 − exp(−S/R), so it holds k = n·q samples, and the estimate n = k/q has the binomial variance
 * n(1 − q)/q (large objects, recorded nearly always, are nearly exact). Exact profiles (R ≤ 1) have none.
 */
export function sampledCount(objects: number, bytes: number, rate: number): SampledCount {
  if (rate <= 1 || objects <= 0) return { samples: Math.max(0, objects), varObjects: 0, varBytes: 0 };
  const size = bytes / objects;
  const q = -Math.expm1(-size / rate);
  const varObjects = (objects * (1 - q)) / q;
  return { samples: Math.round(objects * q), varObjects, varBytes: varObjects * size * size };
}

/** The 95% interval half-width of a slope (A(N2) − A(N1)) / (N2 − N1) from the two runs' variances. */
export function slopeHalfWidth(varHigh: number, varLow: number, dn: number): number {
  return (1.96 * Math.sqrt(varHigh + varLow)) / dn;
}
