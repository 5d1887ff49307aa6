// heapscope explain FILE:LINE: the position and flags checked, then the engine's explain job (pipeline/explain.ts),
// its report written to standard output.

import { UsageError } from '../errors/errors.js';
import { explain } from '../pipeline/explain.js';
import { checkFocusFlags, type FocusFlags } from './focus-flags.js';
import { reporter } from '../reporters/registry.js';
import { useColor, type CliIO } from './terminal.js';
import type { Outcome } from './outcome.js';
import { checkBenchPattern, checkTimeout } from './flag-checks.js';
import { commonOptions, writeOutput, type SharedFlags } from './shared-flags.js';
import { t } from '../i18n/t.js';

export interface ExplainFlags extends FocusFlags, SharedFlags {
  bench?: string;
  timeout: string;
  format: string;
}

/**
 * FILE:LINE, or FILE:LINE:COL as the compiler, go vet and heapscope's own reports print positions (the column is
 * read and left out: explain is about the line). Numbers in decimal digits from 1 (Number() would also take `1e1`,
 * `0x2` and ` 2`).
 */
export function parseFileLine(arg: string): { file: string; line: number } {
  const m = /^(.+?):([0-9]+)(?::([0-9]+))?$/s.exec(arg);
  const line = m ? Number(m[2]) : NaN;
  const column = m?.[3] === undefined ? 1 : Number(m[3]);
  if (!m || !Number.isSafeInteger(line) || line < 1 || !Number.isSafeInteger(column) || column < 1)
    throw new UsageError(t('cli.err.fileLine', { given: JSON.stringify(arg) }));
  return { file: m[1]!, line };
}

export async function runExplain(position: string, flags: ExplainFlags, io: CliIO): Promise<Outcome> {
  // --format offers only the formats that explain (formatsFor).
  if (!reporter(flags.format).explain) throw new Error(`--format ${flags.format} does not explain a line`);
  const common = commonOptions([], flags, io);
  const { file, line } = parseFileLine(position);
  if (flags.bench !== undefined) {
    checkBenchPattern(flags.bench);
    checkTimeout(flags.timeout);
  }
  const focus = checkFocusFlags(flags);
  const r = await explain({
    ...common,
    tags: flags.tags,
    file,
    line,
    position,
    bench: flags.bench,
    timeout: flags.timeout,
    format: flags.format,
    color: useColor(io, flags.color),
    focus,
  }).finally(() => common.onProgress?.done());
  return writeOutput(r, { tty: io.stdoutTTY, write: (c) => io.stdout(c), commit: () => {} }, io);
}
