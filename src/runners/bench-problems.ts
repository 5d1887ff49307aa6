// How a test binary's troubles are told: each named as what it is (a failure, a panic, an exit status, a timeout),
// never as another. A binary that ends before any benchmark starts (a TestMain that exits, a binary built for
// another GOARCH) is told with its exit status and the last lines it printed, not as "no benchmark matches".

import type { BenchProblem } from '../model/alloc-types.js';
import { t } from '../i18n/t.js';

/** Output lines kept of a run, and characters of each: enough to show why it ended, never a whole log. */
export const TAIL_LINES = 10;
const TAIL_WIDTH = 300;

/** The last lines a process printed, bounded. */
export class OutputTail {
  readonly lines: string[] = [];
  push(line: string): void {
    if (line.trim() === '') return;
    this.lines.push(line.length > TAIL_WIDTH ? `${line.slice(0, TAIL_WIDTH)}…` : line);
    if (this.lines.length > TAIL_LINES) this.lines.shift();
  }
}

/** A process's end in the go command's words: `exit status 3`, `signal: SIGKILL`. */
export function exitStatus(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal: ${signal}` : `exit status ${code ?? '?'}`;
}

/** The testing package's own -test.timeout panics with this value (testing/testing.go, startAlarm). */
const GO_TIMEOUT = /^test timed out after (\S+)/;

/** One problem as a line of the report; null for log output, which is not a problem. */
export function describeProblem(prob: BenchProblem): { note: boolean; text: string } | null {
  if (prob.kind === 'log') return null;
  const who = prob.benchmark ?? t('cli.bench.aBenchmark');
  const msg = prob.messages.find((m) => m.trim() !== '')?.trim();
  switch (prob.kind) {
    case 'skip':
      return {
        note: true,
        text: msg ? t('cli.bench.skippedWhy', { benchmark: who, why: msg }) : t('cli.bench.skipped', { benchmark: who }),
      };
    case 'fail':
      return {
        note: false,
        text: msg ? t('cli.bench.failedWhy', { benchmark: who, why: msg }) : t('cli.bench.failed', { benchmark: who }),
      };
    case 'timeout':
      return { note: false, text: t('cli.bench.timeoutProblem', { benchmark: who, what: prob.value ?? t('cli.bench.timedOutPlain') }) };
    case 'exit':
      return { note: false, text: t('cli.bench.endedBinary', { benchmark: who, status: prob.value ?? 'exit status ?' }) };
    case 'panic': {
      const m = GO_TIMEOUT.exec(prob.value ?? '');
      if (m) return { note: false, text: t('cli.bench.goTimeout', { benchmark: who, timeout: m[1]! }) };
      return { note: false, text: t('cli.bench.panicked', { benchmark: who, value: prob.value ?? '' }) };
    }
  }
}

/** A test binary that ended before its first benchmark, with what it printed last. */
export function earlyExitMessage(status: string, tail: string[]): string {
  // A binary for another GOOS/GOARCH is built fine and cannot start here.
  const head = tail.some((l) => /exec format error/i.test(l))
    ? t('cli.bench.earlyExitArch', { status })
    : t('cli.bench.earlyExit', { status });
  return tail.length ? `${t('cli.bench.lastOutput', { head })}\n${tail.map((l) => `    ${l}`).join('\n')}` : head;
}
