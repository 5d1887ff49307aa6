// The command-line values checked before anything runs: each wrong value is one line naming the flag, exit 2,
// instead of a build that ends in a message about something else ("no benchmark matches").

import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors/errors.js';
import { parseGoDuration } from '../parsers/go-duration.js';
import { re2SyntaxError } from './re2-syntax.js';
import { t } from '../i18n/t.js';

/** --timeout: a Go duration, 0 for no limit as go test takes it (a bare `1` has no unit, and go test rejects it too). */
export function checkTimeout(value: string): void {
  const ms = parseGoDuration(value);
  if (ms === null) throw new UsageError(t('cli.err.notDuration', { flag: '--timeout', value }), t('cli.err.hint.durationUnit'));
  if (ms < 0) throw new UsageError(t('cli.err.negative', { flag: '--timeout', value }), t('cli.err.hint.timeoutZero'));
}

/** --cost-time: a Go duration above zero. */
export function checkCostTime(value: string): void {
  const ms = parseGoDuration(value);
  if (ms === null || !(ms > 0))
    throw new UsageError(t('cli.err.notPositiveDuration', { flag: '--cost-time', value }), t('cli.err.hint.costTime'));
}

/** --benchtime as the testing package reads it (testing/benchmark.go, durationOrCountFlag): `Nx` or a duration, above zero. */
export function checkBenchtime(value: string): void {
  const count = /^\+?(\d+)x$/.exec(value);
  if (count) {
    if (!(Number(count[1]) > 0)) throw new UsageError(t('cli.err.countZero', { flag: '--benchtime', value }));
    return;
  }
  if (value.endsWith('x')) throw new UsageError(t('cli.err.notCount', { flag: '--benchtime', value }), t('cli.err.hint.countX'));
  const ms = parseGoDuration(value);
  if (ms === null) throw new UsageError(t('cli.err.notDurationOrCount', { flag: '--benchtime', value }), t('cli.err.hint.benchtime'));
  if (!(ms > 0)) throw new UsageError(t('cli.err.notLonger', { flag: '--benchtime', value }));
}

/** --count: a positive whole number in decimal (not `1e1`, not `0x2`). */
export function checkCount(value: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw new UsageError(t('cli.err.notPositiveInt', { flag: '--count', value }));
  return Number(value);
}

/** --bench: a regular expression Go's regexp package accepts. */
export function checkBenchPattern(value: string): void {
  const why = re2SyntaxError(value);
  if (why) throw new UsageError(t('cli.err.notRegexp', { flag: '--bench', value, why }));
}

/** -C DIR: exists, is a directory, and can be listed and entered. */
export function checkDir(flag: string, dir: string, given: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(t('cli.err.noSuchDir', { flag, value: given }));
    if (code === 'ENOTDIR') throw new UsageError(t('cli.err.notDirInPath', { flag, value: given }));
    if (code === 'EACCES') throw new UsageError(t('cli.err.permission', { flag, value: given }));
    throw new UsageError(t('cli.err.cannotRead', { flag, value: given, code: code ?? String(e) }));
  }
  if (!isDir) throw new UsageError(t('cli.err.notDir', { flag, value: given }), t('cli.err.hint.goModDir'));
  try {
    accessSync(dir, constants.R_OK | constants.X_OK);
  } catch {
    throw new UsageError(t('cli.err.permission', { flag, value: given }));
  }
}

/** The directory a command runs in: -C DIR resolved against the working directory, checked. */
export function commandDir(cwd: string, given: string | undefined): string {
  const dir = resolve(cwd, given ?? '.');
  if (given !== undefined) checkDir('-C', dir, given);
  return dir;
}

/** --profile: the file must exist before anything runs; its size and time key the replay of a report. */
export function profileStamp(cwd: string, file: string | undefined): string {
  if (file === undefined) return '';
  const st = statSync(resolve(cwd, file), { throwIfNoEntry: false });
  if (!st?.isFile()) throw new UsageError(t('cli.err.noSuchFile', { flag: '--profile', value: file }));
  return `${resolve(cwd, file)}:${st.size}:${st.mtimeMs}`;
}
