// The command-line values checked before anything runs: each wrong value is one line naming the flag, exit 2,
// instead of a build that ends in a message about something else ("no benchmark matches").

import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors/errors.js';
import { parseGoDuration } from '../runners/bench.js';
import { re2SyntaxError } from './re2-syntax.js';

/** --timeout: a Go duration, 0 for no limit as go test takes it (a bare `1` has no unit, and go test rejects it too). */
export function checkTimeout(value: string): void {
  const ms = parseGoDuration(value);
  if (ms === null) throw new UsageError(`--timeout ${value}: not a Go duration`, 'use a unit, as in 90s, 10m or 1h30m');
  if (ms < 0) throw new UsageError(`--timeout ${value}: must not be negative`, 'as in 10m, or 0 for no limit');
}

/** --cost-time: a Go duration above zero. */
export function checkCostTime(value: string): void {
  const ms = parseGoDuration(value);
  if (ms === null || !(ms > 0)) throw new UsageError(`--cost-time ${value}: not a Go duration above zero`, 'as in 500ms or 2s');
}

/** --benchtime as the testing package reads it (testing/benchmark.go, durationOrCountFlag): `Nx` or a duration, above zero. */
export function checkBenchtime(value: string): void {
  const count = /^\+?(\d+)x$/.exec(value);
  if (count) {
    if (!(Number(count[1]) > 0)) throw new UsageError(`--benchtime ${value}: the count must be above zero`);
    return;
  }
  if (value.endsWith('x')) throw new UsageError(`--benchtime ${value}: not a count`, 'as in 20000x');
  const ms = parseGoDuration(value);
  if (ms === null) throw new UsageError(`--benchtime ${value}: not a Go duration or count`, 'as in 1s, 500ms or 20000x');
  if (!(ms > 0)) throw new UsageError(`--benchtime ${value}: must be longer than zero`);
}

/** --count: a positive whole number in decimal (not `1e1`, not `0x2`). */
export function checkCount(value: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw new UsageError(`--count ${value}: must be a positive whole number`);
  return Number(value);
}

/** --bench: a regular expression Go's regexp package accepts. */
export function checkBenchPattern(value: string): void {
  const why = re2SyntaxError(value);
  if (why) throw new UsageError(`--bench ${value}: not a Go regular expression: ${why}`);
}

/** -C DIR: exists, is a directory, and can be listed and entered. */
export function checkDir(flag: string, dir: string, given: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${flag} ${given}: no such directory`);
    if (code === 'ENOTDIR') throw new UsageError(`${flag} ${given}: a part of the path is not a directory`);
    if (code === 'EACCES') throw new UsageError(`${flag} ${given}: not readable (permission denied)`);
    throw new UsageError(`${flag} ${given}: cannot be read (${code ?? String(e)})`);
  }
  if (!isDir) throw new UsageError(`${flag} ${given}: not a directory`, 'name the directory that holds go.mod');
  try {
    accessSync(dir, constants.R_OK | constants.X_OK);
  } catch {
    throw new UsageError(`${flag} ${given}: not readable (permission denied)`);
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
  if (!st?.isFile()) throw new UsageError(`--profile ${file}: no such file`);
  return `${resolve(cwd, file)}:${st.size}:${st.mtimeMs}`;
}
