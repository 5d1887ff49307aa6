// The one place heapscope starts processes. Output is streamed line by line to the caller; nothing is
// buffered whole. Each child runs in its own process group so a timeout or Ctrl-C ends the whole tree
// (the go command starts compilers, linkers and test binaries of its own), and the group is ended when its
// leader has exited, so nothing the child started outlives its run; process-groups.ts says what happens to the
// groups when heapscope is stopped.

import { spawn } from 'node:child_process';
import { closeSync, openSync, statSync } from 'node:fs';
import { resolve as absolutePath } from 'node:path';
import { ByteLineSplitter, LineSplitter } from '../parsers/line-splitter.js';
import { DirectoryGoneError, GoToolError } from '../errors/errors.js';
import { addGroup, isStopping, removeGroup, signalGroup, stopGroup } from './process-groups.js';
import { goTempDir, removeTempDir, tempDir } from './temp-dirs.js';
import { lookPath } from './look-path.js';
import { selfRegistering } from './watchdog.js';
import { t } from '../i18n/t.js';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
  /** Instead of onStderrLine: each line as a byte range, valid only during the call (see ByteLineSplitter). */
  onStderrBytes?: (buf: Buffer, start: number, end: number) => void;
  /** Milliseconds; the process group is killed when it passes. */
  timeoutMs?: number;
  /** Stops the process group when aborted: SIGTERM, then SIGKILL after the grace period (process-groups.ts). */
  signal?: AbortSignal;
  /**
   * Sends stderr to this file instead of a pipe: for output read after the process ends, which the child then
   * writes at its own pace even while heapscope's event loop is busy (a pipe it does not drain would hold it up).
   */
  stderrFile?: string;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The child exited but something it left held its output open: reading stopped PIPE_DELAY_MS later. */
  outputCut: boolean;
}

/**
 * How long a child's output may stay open after it exited: a process it left in the background can hold the
 * pipes for as long as it lives (a test binary's `sleep 60 &`), and heapscope would wait with it. After this,
 * heapscope stops reading, ends what is left of the child's group, and says the output may be cut.
 */
export const PIPE_DELAY_MS = 1000;

/** Bytes handed to the line splitter per event-loop turn. */
const SLICE = 256 * 1024;
/**
 * Output held unparsed before the child is made to wait (and when it may go on): more than almost any package
 * prints at once (go/types, at 86 MB, is the exception), far less than a whole log. When the go command
 * replays its cache it writes faster than any parser, and has to wait.
 */
const HIGH_WATER = 32 * 1024 * 1024;
const LOW_WATER = 8 * 1024 * 1024;

/**
 * Takes a child's output as fast as it comes and hands it on in slices, one per event-loop turn, so the pipe
 * is read again between slices. The go command writes each package's compiler output at once and waits until
 * the pipe has taken all of it, holding one of its build slots meanwhile (cmd/go/internal/work): parsing in the
 * 'data' handler would hold the build up for as long as heapscope takes to parse.
 */
class Drain {
  private queue: Buffer[] = [];
  private head = 0;
  private queued = 0;
  private paused = false;
  private scheduled = false;
  private failed: unknown = null;
  private idle: { resolve: () => void; reject: (e: unknown) => void } | null = null;

  constructor(
    private readonly splitter: { push(chunk: Buffer): void; end(): void },
    private readonly source: NodeJS.ReadableStream,
  ) {
    source.on('data', (c: Buffer) => this.push(c));
  }

  /** Output taken from the pipe and not yet handed on, or the pipe left unread to let the parser catch up. */
  busy(): boolean {
    return this.queued > 0 || this.paused;
  }

  /** Chunks taken from the pipe so far. */
  received = 0;

  private push(chunk: Buffer): void {
    this.received++;
    if (this.failed) return; // the consumer broke: keep the pipe flowing, drop the rest
    this.queue.push(chunk);
    this.queued += chunk.length;
    if (this.queued > HIGH_WATER && !this.paused) {
      this.paused = true;
      this.source.pause();
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.work());
    }
  }

  private work(): void {
    this.scheduled = false;
    try {
      for (let budget = SLICE; this.head < this.queue.length && budget > 0;) {
        const c = this.queue[this.head]!;
        this.queue[this.head++] = EMPTY;
        budget -= c.length;
        this.queued -= c.length;
        this.splitter.push(c);
      }
      if (this.paused && this.queued < LOW_WATER) {
        this.paused = false;
        this.source.resume();
      }
    } catch (e) {
      this.failed = e;
      this.queue = [];
      this.head = 0;
      this.queued = 0;
      if (this.paused) this.source.resume(); // keep reading so the child is not left blocked
      this.paused = false;
    }
    if (this.head < this.queue.length) {
      this.scheduled = true;
      setImmediate(() => this.work());
      return;
    }
    this.queue = [];
    this.head = 0;
    this.settle();
  }

  private settle(): void {
    const w = this.idle;
    if (!w) return;
    this.idle = null;
    if (this.failed) w.reject(this.failed);
    else {
      try {
        this.splitter.end();
        w.resolve();
      } catch (e) {
        w.reject(e);
      }
    }
  }

  /** Resolves once everything pushed has been handed on and the last partial line flushed. */
  end(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.idle = { resolve, reject };
      if (!this.scheduled) this.settle();
    });
  }
}

const EMPTY = Buffer.alloc(0);

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export function run(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  // Once heapscope is stopping, nothing new starts and nothing settles: the signal handler exits.
  if (isStopping()) return new Promise(() => {});
  return new Promise((resolve, reject) => {
    const errFd = opts.stderrFile !== undefined ? openSync(opts.stderrFile, 'w') : null;
    // PWD is the directory the child runs in: the go command names files from $PWD when it is the same
    // directory as its working one (os.Getwd), and a PWD inherited from a shell that reached the module
    // through a symlink would make it name them by another path than heapscope's.
    let env: NodeJS.ProcessEnv = { ...(opts.env ?? process.env), PWD: absolutePath(opts.cwd) };
    // The go command's work directories go inside one of heapscope's, which is removed however heapscope ends.
    // A run that can be cancelled gets one of its own, removed when it ends: a go command stopped by a signal
    // leaves its work directory (temp-dirs.ts), and a long-lived language server cancels runs as files are saved.
    const ownTmp = cmd === 'go' && opts.signal ? tempDir('heapscope-go-', goTempDir(env)) : null;
    if (cmd === 'go') env = { ...env, GOTMPDIR: ownTmp ?? goTempDir(env) };
    const removeOwnTmp = (): Promise<void> => (ownTmp ? removeTempDir(ownTmp) : Promise.resolve());
    // Through the watchdog's wrapper where there is one: the child registers itself before it runs.
    const file = lookPath(cmd, env, opts.cwd);
    const wrapped = file !== null ? selfRegistering(file, args) : null;
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(wrapped?.cmd ?? cmd, wrapped?.args ?? args, {
        cwd: opts.cwd,
        env,
        stdio: ['ignore', 'pipe', errFd ?? 'pipe', ...(wrapped ? [wrapped.fd3] : [])],
        detached: true,
      });
    } finally {
      // The child holds its own copy of the descriptor.
      if (errFd !== null) closeSync(errFd);
    }
    let timedOut = false;
    let outputCut = false;
    let timer: NodeJS.Timeout | undefined;
    let pipeTimer: NodeJS.Timeout | undefined;
    let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let closed = false;
    const out = new Drain(new LineSplitter(opts.onStdoutLine ?? (() => {})), child.stdout!);
    const errLines = opts.onStderrBytes ? new ByteLineSplitter(opts.onStderrBytes) : new LineSplitter(opts.onStderrLine ?? (() => {}));
    const err = child.stderr ? new Drain(errLines, child.stderr) : null;
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      void removeOwnTmp();
      // spawn says ENOENT both for a program it cannot find and for a working directory that is not there.
      if ((e.code === 'ENOENT' || e.code === 'ENOTDIR') && !isDirectory(opts.cwd)) {
        reject(new DirectoryGoneError(t('cli.err.dirGone', { dir: String(opts.cwd) }), t('cli.err.hint.dirGone')));
      } else if (e.code === 'ENOENT') {
        reject(new GoToolError(t('cli.err.commandNotFound', { cmd }), t('cli.err.hint.installGo')));
      } else reject(new GoToolError(t('cli.err.commandFailed', { cmd, why: e.message })));
    });
    const pid = child.pid;
    if (pid !== undefined) addGroup(pid);
    // A signal that fired before the child started stops it at once: 'abort' is not sent again.
    const stop = (): void => {
      if (pid !== undefined && !exited) stopGroup(pid);
    };
    if (opts.signal?.aborted) stop();
    else opts.signal?.addEventListener('abort', stop, { once: true });
    if (opts.timeoutMs) {
      timer = setTimeout(() => {
        timedOut = true;
        if (pid !== undefined) signalGroup(pid, 'SIGKILL');
      }, opts.timeoutMs);
    }
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      const received = (): number => out.received + (err?.received ?? 0);
      const cut = (): void => {
        // Still parsing what was read, or the pipe left unread until the parser catches up: the wait is
        // heapscope's, not a background process's; never cut output the child did write. The check is made
        // after the event loop's next poll for I/O, so output that waited while heapscope was busy is read first.
        const before = received();
        setImmediate(() => {
          if (out.busy() || err?.busy() || received() !== before) {
            pipeTimer = setTimeout(cut, PIPE_DELAY_MS);
            return;
          }
          giveUp();
        });
      };
      const giveUp = (): void => {
        if (closed) return;
        outputCut = true;
        child.stdout?.destroy();
        child.stderr?.destroy();
        // What holds the pipes is most likely in the child's group; the child is done, so is it.
        if (pid !== undefined) signalGroup(pid, 'SIGKILL');
      };
      pipeTimer = setTimeout(cut, PIPE_DELAY_MS);
    });
    child.on('close', (code, signal) => {
      closed = true;
      opts.signal?.removeEventListener('abort', stop);
      if (timer) clearTimeout(timer);
      if (pipeTimer) clearTimeout(pipeTimer);
      if (pid !== undefined) {
        // The leader has exited: whatever is left in its group was started by it and not waited for (a test
        // binary's exec.Command("sleep", "1000").Start(), which holds no pipe of ours): nothing outlives its run.
        signalGroup(pid, 'SIGKILL');
        removeGroup(pid);
      }
      if (isStopping()) return;
      const status = exited ?? { code, signal };
      Promise.all([out.end(), err?.end(), removeOwnTmp()]).then(() => resolve({ ...status, timedOut, outputCut }), reject);
    });
  });
}

/** Runs a short command and returns its whole stdout (for `go version`, `go env`). */
export async function capture(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const r = await run(cmd, args, { ...opts, onStdoutLine: (l) => out.push(l), onStderrLine: (l) => err.push(l) });
  return { code: r.code, stdout: out.join('\n'), stderr: err.join('\n') };
}
