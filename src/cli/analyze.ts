// heapscope analyze: the flags turned into the engine's options (pipeline/analyze.ts), the report written to
// standard output or -o FILE, the problems to stderr.

import { resolve } from 'node:path';
import { analyze } from '../pipeline/analyze.js';
import { checkFocusFlags, type FocusFlags } from './focus-flags.js';
import { commandLine, useColor, type CliIO } from './terminal.js';
import type { Outcome } from './outcome.js';
import { openOutput, writeWhole } from './output.js';
import { applyDefaults, type GivenFlags } from './config-defaults.js';
import { loadConfig } from '../runners/config.js';
import { commonOptions, writeOutput, type SharedFlags } from './shared-flags.js';
import { t } from '../i18n/t.js';

export interface AnalyzeFlags extends FocusFlags, GivenFlags, SharedFlags {
  profile?: string;
  tests?: boolean;
  format: string;
  verbose?: boolean;
  output?: string;
  asm?: boolean;
  writeBaseline?: string;
}

export async function runAnalyze(patterns: string[], flags: AnalyzeFlags, io: CliIO): Promise<Outcome> {
  const common = commonOptions(patterns, flags, io);
  applyDefaults(flags, loadConfig(common.dir, io.cwd), ['tags', 'tests', 'top']);
  const focus = checkFocusFlags(flags);
  const out = openOutput(io, flags.output, flags.format);
  const r = await analyze({
    ...common,
    tags: flags.tags,
    tests: !!flags.tests,
    format: flags.format,
    color: useColor({ ...io, stdoutTTY: out.tty }, flags.color),
    verbose: !!flags.verbose,
    focus,
    profile: flags.profile,
    asm: !!flags.asm,
    baseline: flags.writeBaseline !== undefined,
    command: commandLine(io),
  }).finally(() => common.onProgress?.done());
  if (r.replayed && flags.verbose) io.stderr(`heapscope: ${t('cli.replayed')}\n`);
  // Every heap site of the analysed packages, whatever the filters show: check --baseline compares against all.
  if (r.baseline && flags.writeBaseline !== undefined)
    writeWhole(resolve(io.cwd, flags.writeBaseline), JSON.stringify(r.baseline, null, 1) + '\n', '--write-baseline');
  return writeOutput(r, out, io);
}
