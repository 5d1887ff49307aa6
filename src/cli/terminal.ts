// The terminal side of the command line: the I/O the commands write through, colour, progress on stderr, and
// HEAPSCOPE_DEBUG's timings. Every command uses these; none writes to process streams itself.

import { safeLine } from '../model/safe-text.js';

export interface CliIO {
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  /** Whether stdout / stderr are terminals (colour, progress). */
  stdoutTTY: boolean;
  stderrTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The arguments heapscope was started with (shown in the HTML report). */
  argv?: string[];
}

/** The command as typed, for reports that say how they were made. */
export function commandLine(io: CliIO): string {
  return ['heapscope', ...(io.argv ?? [])].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(' ');
}

/** Colour when asked, else when stdout is a terminal; NO_COLOR and FORCE_COLOR as everywhere (no-color.org). */
export function useColor(io: CliIO, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env['NO_COLOR']) return false;
  if (io.env['FORCE_COLOR'] && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdoutTTY && io.env['TERM'] !== 'dumb';
}

export interface Progress {
  (msg: string): void;
  /** Clears the progress line before the report is written. */
  done(): void;
}

/** A progress line on stderr, redrawn at most every 100 ms; undefined when progress is off. */
export function progressPrinter(io: CliIO, flag: boolean | undefined): Progress | undefined {
  if (!(flag ?? io.stderrTTY)) return undefined;
  let last = 0;
  const p = ((msg: string) => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    // Progress names packages and benchmarks, which can hold anything: one escaped line.
    io.stderr(`\r\x1b[2Kheapscope: ${safeLine(msg)}`);
  }) as Progress;
  p.done = () => io.stderr('\r\x1b[2K');
  return p;
}

/** With HEAPSCOPE_DEBUG set, where a run's time went, on stderr. */
export function phaseTimer(io: CliIO): (phase: string) => void {
  if (!io.env['HEAPSCOPE_DEBUG']) return () => {};
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    const use = process.resourceUsage();
    io.stderr(
      `heapscope: debug: ${phase} ${((now - last) / 1000).toFixed(2)} s (at ${(now / 1000).toFixed(2)} s; heapscope's own CPU so far ` +
        `${(use.userCPUTime / 1e6).toFixed(2)} s user, ${(use.systemCPUTime / 1e6).toFixed(2)} s system, ${use.minorPageFault} page faults, peak RSS ${Math.round(use.maxRSS / 1024)} MiB, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB)\n`,
    );
    last = now;
  };
}
