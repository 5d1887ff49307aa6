// heapscope diff A [B]: the flags checked, then the engine's diff job (pipeline/diff.ts); exit 1 when heap sites
// were added (or a benchmark regressed), 2 when heapscope could not compare.

import { resolve } from 'node:path';
import { diff } from '../pipeline/diff.js';
import { checkBenchPattern, checkBenchtime, checkCount, checkTimeout } from './flag-checks.js';
import { openOutput, writeWhole } from './output.js';
import { reporter } from '../reporters/registry.js';
import { useColor, type CliIO } from './terminal.js';
import { UsageError } from '../errors/errors.js';
import { applyDefaults, type GivenFlags } from './config-defaults.js';
import { loadConfig } from '../runners/config.js';
import type { Outcome } from './outcome.js';
import { commonOptions, writeOutput, type SharedFlags } from './shared-flags.js';
import { t } from '../i18n/t.js';

export interface DiffFlags extends GivenFlags, SharedFlags {
  tests?: boolean;
  go?: string[];
  bench?: string;
  count: string;
  benchtime?: string;
  timeout: string;
  threshold: string;
  benchOutput?: string;
  format: string;
  output?: string;
}

export async function runDiff(args: string[], patterns: string[], flags: DiffFlags, io: CliIO): Promise<Outcome> {
  const common = commonOptions(patterns, flags, io);
  applyDefaults(flags, loadConfig(common.dir, io.cwd), ['tags', 'tests']);
  if (!reporter(flags.format).diff) throw new Error(t('cli.err.noRender', { format: flags.format, what: 'diff' }));
  const releases = flags.go ?? [];
  if (releases.length !== 0 && releases.length !== 2) throw new UsageError(t('cli.err.goTwice', { n: releases.length }));
  if (releases.length === 0 && (args.length < 1 || args.length > 2)) throw new UsageError(t('cli.err.diffSides'));
  if (releases.length === 2 && args.length > 1) throw new UsageError(t('cli.err.goOneRevision'));
  let count = 0;
  let threshold = 0;
  if (flags.bench !== undefined) {
    checkBenchPattern(flags.bench);
    checkTimeout(flags.timeout);
    if (flags.benchtime !== undefined) checkBenchtime(flags.benchtime);
    count = checkCount(flags.count);
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(flags.threshold);
    if (!pct)
      throw new UsageError(t('cli.err.notPercentage', { flag: '--threshold', value: flags.threshold }), t('cli.err.hint.percentage'));
    threshold = Number(pct[1]) / 100;
  }
  const out = openOutput(io, flags.output, flags.format);
  const r = await diff({
    ...common,
    tags: flags.tags,
    tests: !!flags.tests,
    revisions: args,
    releases,
    bench: flags.bench,
    count,
    benchtime: flags.benchtime,
    timeout: flags.timeout,
    threshold,
    format: flags.format,
    color: useColor({ ...io, stdoutTTY: out.tty }, flags.color),
  }).finally(() => common.onProgress?.done());
  if (r.benchOutput && flags.benchOutput !== undefined) {
    const base = resolve(io.cwd, flags.benchOutput);
    writeWhole(`${base}.from.txt`, r.benchOutput[0], '--bench-output');
    writeWhole(`${base}.to.txt`, r.benchOutput[1], '--bench-output');
  }
  return writeOutput(r, out, io);
}
