// The process groups of heapscope's children, and what happens to them when heapscope is stopped. Each child
// leads a group of its own (the go command's compilers and a test binary's own children join it), so one
// kill(-pid) reaches the whole tree. A signal to heapscope is passed on to every group (a program that cleans
// up on it gets to), SIGKILL follows after the grace period, heapscope's temporary directories are removed and
// heapscope exits as a shell reports a death by that signal: 128 + its number. The watchdog covers the case no
// handler sees (SIGKILL).

import { removeAllTempDirsSync } from './temp-dirs.js';
import { GRACE_MS, unwatchGroup } from './watchdog.js';

export { GRACE_MS };

/** Exit statuses on a signal: 128 + the signal's number, as shells report it. */
export const EXIT_ON_SIGNAL = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof EXIT_ON_SIGNAL;

const live = new Set<number>();
let hooked = false;
/** Set when heapscope has been told to stop: no child is started after that and no run settles. */
let stopping: HandledSignal | null = null;
let onAllGone: (() => void) | null = null;

export function isStopping(): boolean {
  return stopping !== null;
}

export function addGroup(pid: number): void {
  hookSignals();
  live.add(pid); // the child has told the watchdog itself (watchdog.ts)
}

export function removeGroup(pid: number): void {
  if (!live.delete(pid)) return;
  unwatchGroup(pid);
  if (live.size === 0) onAllGone?.();
}

export function signalGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    // already gone
  }
}

/** SIGTERM (or `sig`) now, SIGKILL if the group's leader has not ended after the grace period. */
export function stopGroup(pid: number, sig: NodeJS.Signals = 'SIGTERM'): void {
  signalGroup(pid, sig);
  setTimeout(() => {
    if (live.has(pid)) signalGroup(pid, 'SIGKILL');
  }, GRACE_MS).unref(); // at exit, the exit hook and the watchdog see to it
}

export function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  // A normal exit with children still running (an error thrown past them): nobody waits for them.
  process.once('exit', () => {
    for (const pid of live) signalGroup(pid, 'SIGKILL');
    removeAllTempDirsSync();
  });
  for (const sig of Object.keys(EXIT_ON_SIGNAL) as HandledSignal[]) process.on(sig, () => onSignal(sig));
}

function onSignal(sig: HandledSignal): void {
  const exit = (): never => {
    for (const pid of live) signalGroup(pid, 'SIGKILL');
    removeAllTempDirsSync();
    process.exit(EXIT_ON_SIGNAL[stopping ?? sig]);
  };
  // A second signal while waiting: the user does not want to wait.
  if (stopping) exit();
  stopping = sig;
  if (live.size === 0) exit();
  for (const pid of live) signalGroup(pid, sig);
  onAllGone = exit;
  setTimeout(exit, GRACE_MS);
}
