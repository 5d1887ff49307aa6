// heapscope check: the flags turned into the engine's check job (pipeline/check.ts); exit 0 when everything holds,
// 1 on a violation or a directive that checks nothing, 2 when heapscope could not check (bad usage, a package that
// does not compile, a baseline it cannot read).

import { check } from '../pipeline/check.js';
import { reporter } from '../reporters/registry.js';
import { checkTimeout } from './flag-checks.js';
import { openOutput } from './output.js';
import { useColor, type CliIO } from './terminal.js';
import { applyDefaults, type GivenFlags } from './config-defaults.js';
import { loadConfig } from '../runners/config.js';
import type { Outcome } from './outcome.js';
import { commonOptions, writeOutput, type SharedFlags } from './shared-flags.js';

export interface CheckFlags extends GivenFlags, SharedFlags {
  tests?: boolean;
  baseline?: string;
  bench?: string;
  benchtime?: string;
  timeout: string;
  format: string;
  output?: string;
}

export async function runCheck(patterns: string[], flags: CheckFlags, io: CliIO): Promise<Outcome> {
  const common = commonOptions(patterns, flags, io);
  const config = loadConfig(common.dir, io.cwd);
  applyDefaults(flags, config, ['tags', 'tests', 'baseline']);
  if (!reporter(flags.format).check) throw new Error(`--format ${flags.format} does not render a check`);
  if (flags.bench !== undefined) checkTimeout(flags.timeout);
  const out = openOutput(io, flags.output, flags.format);
  const r = await check({
    ...common,
    tags: flags.tags,
    tests: !!flags.tests,
    baseline: flags.baseline,
    bench: flags.bench,
    benchtime: flags.benchtime,
    timeout: flags.timeout,
    format: flags.format,
    color: useColor({ ...io, stdoutTTY: out.tty }, flags.color),
    config,
  }).finally(() => common.onProgress?.done());
  return writeOutput(r, out, io);
}
