// A watchdog that outlives heapscope by a moment: one small `sh` per run, started with heapscope's first child.
// It holds the read end of a pipe from heapscope and a list of the process groups and temporary directories
// heapscope has registered with it. When the pipe closes, heapscope has ended, however it ended (SIGKILL
// included, which no handler sees): the watchdog sends SIGTERM to the groups still listed, SIGKILL to those left
// after the grace period, removes the directories, and exits. When heapscope ends normally the lists are empty
// and it exits at once.
//
// `sh` rather than `node -e`: it is started in about a millisecond and takes no memory to speak of; Node would
// take 40 ms of a core (measured) on a machine whose cores the go command wants. Neither the child nor its pipe
// keeps Node's event loop alive. Pipes Node makes are close-on-exec, so no other child holds the write end open.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';

/** How long groups have to end after SIGTERM before SIGKILL, here and in process-groups.ts. */
export const GRACE_MS = 2500;

// Lines read: +PID / -PID (a process group started / ended), d/PATH / r/PATH (a directory made / removed).
// Paths are kept one a line; globbing is off so a path is never expanded.
const SCRIPT = `set -f
nl='
'
pids= dirs=
while IFS= read -r l; do
  case $l in
    +*) pids="$pids \${l#+}" ;;
    -*) n=; for p in $pids; do [ "$p" = "\${l#-}" ] || n="$n $p"; done; pids=$n ;;
    d*) dirs="$dirs\${l#d}$nl" ;;
    r*) n=; IFS=$nl; for d in $dirs; do [ "$d" = "\${l#r}" ] || n="$n$d$nl"; done; unset IFS; dirs=$n ;;
  esac
done
for p in $pids; do kill -TERM -$p 2>/dev/null; done
i=0
while [ -n "$pids" ] && [ $i -lt ${GRACE_MS / 100} ]; do
  a=; for p in $pids; do kill -0 -$p 2>/dev/null && a=1; done
  [ -z "$a" ] && break
  sleep 0.1; i=$((i + 1))
done
for p in $pids; do kill -KILL -$p 2>/dev/null; done
IFS=$nl; for d in $dirs; do rm -rf "$d"; done
`;

let dog: ChildProcess | null = null;
let broken = false;

function started(): ChildProcess | null {
  // No process groups on Windows, and no sh: heapscope's own handlers are all there is.
  if (broken || process.platform === 'win32') return null;
  if (!dog && !existsSync('/bin/sh')) {
    broken = true;
    return null;
  }
  if (!dog) {
    try {
      // Its own session: a terminal's Ctrl-C or hang-up reaches heapscope, not the watchdog.
      // Its own PATH: heapscope's may not find rm and sleep (a user's PATH=/nonexistent left directories behind).
      dog = spawn('/bin/sh', ['-c', SCRIPT], {
        stdio: ['pipe', 'ignore', 'ignore'],
        detached: true,
        env: { PATH: '/usr/bin:/bin:/usr/sbin:/sbin' },
      });
    } catch {
      broken = true;
      return null;
    }
    dog.on('error', () => (broken = true));
    dog.stdin!.on('error', () => (broken = true)); // the watchdog died: EPIPE
    dog.unref();
    (dog.stdin as unknown as { unref(): void }).unref();
  }
  return broken ? null : dog;
}

function send(line: string): void {
  started()?.stdin!.write(line + '\n');
}

// SIGPIPE ignored only for the write (a watchdog gone must not stop the child); the program gets the default.
// A failed write says nothing on the child's stderr, which is the output heapscope parses.
const WRAPPER = `trap '' PIPE; { echo "+$$" >&3; } 2>/dev/null; trap - PIPE; exec "$0" "$@" 3>&-`;

/**
 * How to spawn `file` (a path, already looked up on PATH) so that it registers itself with the watchdog before it
 * runs: the command, its arguments and the pipe to pass as its fd 3. Null where there is no watchdog; the caller
 * then spawns `file` itself. The child must be spawned detached (its pid is its process group).
 */
export function selfRegistering(file: string, args: string[]): { cmd: string; args: string[]; fd3: Writable } | null {
  const d = started();
  if (!d) return null;
  return { cmd: '/bin/sh', args: ['-c', WRAPPER, file, ...args], fd3: d.stdin! };
}

export function unwatchGroup(pid: number): void {
  send(`-${pid}`);
}

export function watchDir(dir: string): void {
  if (!dir.includes('\n')) send(`d${dir}`);
}

export function unwatchDir(dir: string): void {
  if (!dir.includes('\n')) send(`r${dir}`);
}
