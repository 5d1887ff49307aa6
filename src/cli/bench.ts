// heapscope bench: every flag checked before anything is built (a bad one is a usage error, not a run that ends
// elsewhere), then the engine's bench job (pipeline/bench.ts), its report written, its problems to stderr.

import { applyDefaults, type GivenFlags } from './config-defaults.js';
import { loadConfig } from '../runners/config.js';
import { UsageError } from '../errors/errors.js';
import { bench } from '../pipeline/bench.js';
import { checkFocusFlags, type FocusFlags } from './focus-flags.js';
import { reporter } from '../reporters/registry.js';
import { openOutput } from './output.js';
import { commandLine, useColor, type CliIO } from './terminal.js';
import type { Outcome } from './outcome.js';
import { checkBenchPattern, checkBenchtime, checkCostTime, checkCount, checkTimeout } from './flag-checks.js';
import { commonOptions, printProblems, writeOutput, type SharedFlags } from './shared-flags.js';
import { t } from '../i18n/t.js';

export interface BenchFlags extends FocusFlags, GivenFlags, SharedFlags {
  bench: string;
  count: string;
  benchtime?: string;
  timeout: string;
  format: string;
  output?: string;
  check?: boolean;
  /** Record every allocation in the profiled runs (model/sampling.ts): never sample. */
  exact?: boolean;
  /** --no-cost: false; the cost pass (runners/cost-pass.ts) runs unless so. */
  cost?: boolean;
  /** --cost-time: how long the cost pass runs each benchmark at most (a Go duration). */
  costTime?: string;
  /** A trace pass per benchmark (runners/trace-pass.ts). */
  trace?: boolean;
  /** Two benchmark names to set side by side (pipeline/compare.ts). */
  compare?: string[];
}

export async function runBench(patterns: string[], flags: BenchFlags, io: CliIO): Promise<Outcome> {
  const common = commonOptions(patterns, flags, io);
  const config = loadConfig(common.dir, io.cwd);
  applyDefaults(flags, config, ['tags', 'bench', 'benchtime', 'count', 'timeout']);
  if (flags.check && !config) throw new UsageError(t('cli.err.checkNeedsBudgets'));
  const count = checkCount(flags.count);
  checkTimeout(flags.timeout);
  if (flags.costTime !== undefined) checkCostTime(flags.costTime);
  if (flags.benchtime !== undefined) checkBenchtime(flags.benchtime);
  checkBenchPattern(flags.bench);
  const focus = checkFocusFlags(flags);
  // --format offers only the formats that render a benchmark report (formatsFor).
  if (!reporter(flags.format).bench) throw new Error(`--format ${flags.format} does not render benchmarks`);
  const out = openOutput(io, flags.output, flags.format);
  const r = await bench({
    ...common,
    tags: flags.tags,
    bench: flags.bench,
    benchGiven: flags.given?.has('bench') ?? false,
    count,
    benchtime: flags.benchtime,
    timeout: flags.timeout,
    format: flags.format,
    color: useColor({ ...io, stdoutTTY: out.tty }, flags.color),
    focus,
    cost: flags.cost !== false,
    costTime: flags.costTime,
    exact: !!flags.exact,
    trace: !!flags.trace,
    compare: flags.compare,
    check: !!flags.check,
    config,
    command: commandLine(io),
  }).finally(() => common.onProgress?.done());
  if (!r.output) {
    printProblems(r.problems, io);
    return r.outcome;
  }
  return writeOutput({ ...r, output: r.output }, out, io);
}
