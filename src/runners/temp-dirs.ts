// heapscope's own temporary directories (test binaries, listings, the go command's work directories), recorded
// so that whatever ends the run removes them: the caller when it is done, process-groups.ts on a signal or at
// exit, and the watchdog when heapscope is killed outright.

import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unwatchDir, watchDir } from './watchdog.js';

const dirs = new Set<string>();
let hooked = false;

/**
 * Makes `PARENT/PREFIXxxxxxxxxxxx` (PARENT: the system's temporary directory) and records it. The name is told
 * to the watchdog before the directory exists (as mkdtemp would pick it, but chosen here): heapscope killed
 * between the two then leaves nothing, where a directory made first could be left unannounced.
 */
export function tempDir(prefix: string, parent: string = tmpdir()): string {
  // Removed at exit even when no child was ever started (a go command that is not on PATH).
  if (!hooked) {
    hooked = true;
    process.once('exit', removeAllTempDirsSync);
  }
  for (;;) {
    const d = join(parent, prefix + randomBytes(6).toString('base64url'));
    dirs.add(d);
    watchDir(d);
    try {
      mkdirSync(d, { mode: 0o700 });
      return d;
    } catch (e) {
      dirs.delete(d);
      unwatchDir(d);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/**
 * Makes the directory at path, a name the caller chose (heapscope diff's revision being unpacked into the cache,
 * beside where it will be renamed to), and records it as tempDir does: a run stopped or killed does not leave it.
 */
export function namedTempDir(path: string): void {
  if (!hooked) {
    hooked = true;
    process.once('exit', removeAllTempDirsSync);
  }
  dirs.add(path);
  watchDir(path);
  try {
    mkdirSync(path, { recursive: true });
  } catch (e) {
    dirs.delete(path);
    unwatchDir(path);
    throw e;
  }
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  dirs.delete(dir);
  unwatchDir(dir);
}

/** Removes every directory still recorded; for the last moments of the process, when nothing async runs. */
export function removeAllTempDirsSync(): void {
  for (const d of dirs) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      // the watchdog tries again once heapscope has gone
    }
  }
  dirs.clear();
}

let goTmp: string | null = null;

/**
 * The go command's GOTMPDIR for this run, inside the user's GOTMPDIR if set. The go command removes its
 * `go-build*` work directory only when it exits by itself: go build catches no signal (go1.26.8 exits within
 * 20 ms of SIGINT, SIGTERM or SIGHUP and leaves the directory; measured), so a go command that is stopped leaves
 * its work directory behind. Inside a directory of heapscope's own, that directory goes with it.
 */
export function goTempDir(env: NodeJS.ProcessEnv): string {
  goTmp ??= tempDir('heapscope-go-', env.GOTMPDIR || tmpdir());
  return goTmp;
}
