// The lens's "measure": `heapscope bench` on the function's package, as a child leading its own process group (so
// the server's exit or a signal stops it with its go test children), its stderr lines sent as $/progress reports.
// A crash of the child is reported to the user; it never takes the server down.

import { spawn } from 'node:child_process';
import { childGroups, heapscopeCommand } from './engine-adapter.js';
import { benchPattern } from './reach.js';

export interface MeasureHooks {
  report: (line: string) => void;
}

const running = new Set<number>();
// eslint-disable-next-line no-control-regex -- the terminal's escape sequences are what is matched
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Runs the package's benchmarks (only `benchmarks` when some are named); resolves with the exit code and the last
 *  lines of stderr. */
export function measurePackage(
  root: string,
  pkg: string,
  benchmarks: string[],
  env: NodeJS.ProcessEnv,
  hooks: MeasureHooks,
): Promise<{ code: number | null; tail: string }> {
  const { node, script } = heapscopeCommand();
  return new Promise((done) => {
    let tail = '';
    let child;
    try {
      child = spawn(
        node,
        [script, 'bench', '-C', root, pkg, '--progress', ...(benchmarks.length ? ['--bench', benchPattern(benchmarks)] : [])],
        {
          env: { ...env, NO_COLOR: '1' },
          detached: true,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
    } catch (e) {
      done({ code: null, tail: e instanceof Error ? e.message : String(e) });
      return;
    }
    const pid = child.pid;
    if (pid !== undefined) {
      running.add(pid);
      childGroups.add(pid);
    }
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => {
      tail = (tail + c).slice(-2000);
      // The progress line's terminal controls (erase line) mean nothing in an editor's progress message.
      for (const l of c.replace(ESCAPES, '').split(/[\r\n]/)) if (l.trim()) hooks.report(l.trim());
    });
    child.on('error', (e) => done({ code: null, tail: e.message }));
    child.on('close', (code) => {
      if (pid !== undefined) {
        running.delete(pid);
        childGroups.remove(pid);
      }
      done({ code, tail });
    });
  });
}

/** Stops every measure still running (shutdown). */
export function stopMeasures(): void {
  for (const pid of running) childGroups.stop(pid);
}
