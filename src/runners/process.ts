// The one place heapscope starts processes. Output is streamed line by line to the caller; nothing is
// buffered whole. Each child runs in its own process group so a timeout or Ctrl-C kills the whole tree
// (the go command starts compilers, linkers and test binaries of its own).

import { spawn } from 'node:child_process';
import { LineSplitter } from '../parsers/line-splitter.js';
import { GoToolError } from '../errors/errors.js';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
  /** Milliseconds; the process group is killed when it passes. */
  timeoutMs?: number;
  /** Kills the process group when aborted. */
  signal?: AbortSignal;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

const live = new Set<number>();
let hooked = false;

function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  const killAll = (): void => {
    for (const pid of live) killGroup(pid);
  };
  process.once('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      killAll();
      process.exit(130);
    });
  }
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function run(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  hookSignals();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const out = new LineSplitter(opts.onStdoutLine ?? (() => {}));
    const err = new LineSplitter(opts.onStderrLine ?? (() => {}));
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      if (e.code === 'ENOENT') {
        reject(new GoToolError(`${cmd}: command not found`, 'install Go from https://go.dev/dl and put it on PATH'));
      } else reject(new GoToolError(`${cmd}: ${e.message}`));
    });
    if (child.pid !== undefined) live.add(child.pid);
    opts.signal?.addEventListener('abort', () => {
      if (child.pid !== undefined) killGroup(child.pid);
    });
    if (opts.timeoutMs) {
      timer = setTimeout(() => {
        timedOut = true;
        if (child.pid !== undefined) killGroup(child.pid);
      }, opts.timeoutMs);
    }
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (child.pid !== undefined) live.delete(child.pid);
      out.end();
      err.end();
      resolve({ code, signal, timedOut });
    });
  });
}

/** Runs a short command and returns its whole stdout (for `go version`, `go env`). */
export async function capture(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const r = await run(cmd, args, { ...opts, onStdoutLine: (l) => out.push(l), onStderrLine: (l) => err.push(l) });
  return { code: r.code, stdout: out.join('\n'), stderr: err.join('\n') };
}
