// What every part of npm run bench shares: where heapscope is, the scratch directory, the environment, the
// commands, and the caches each cache state is made from.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { moduleCopy } from '../test/helpers/module-copy.js';
import { BenchError, progress, timed, type MeasureOptions } from './measure.js';

export const ZAP = 'go.uber.org/zap@v1.28.0';

export interface Bench {
  root: string;
  cli: string;
  scratch: string;
  /** Go's warm build cache (both sets of compiler flags filled by warmUp) and heapscope's cache of the warm rows. */
  env: NodeJS.ProcessEnv;
  /** A writable copy of zap, made on first use. */
  zap(): string;
}

export function makeBench(root: string, scratch: string): Bench {
  let zap: string | undefined;
  return {
    root,
    cli: join(root, 'bin', 'heapscope.js'),
    scratch,
    env: { ...process.env, GOCACHE: join(scratch, 'gocache'), HEAPSCOPE_CACHE: join(scratch, 'hcache'), NO_COLOR: '1' },
    zap: () => {
      if (zap === undefined) {
        progress(`copying ${ZAP} from the module proxy`);
        zap = moduleCopy(ZAP, scratch);
      }
      return zap;
    },
  };
}

/** zap's copy resolves its dependencies as a user's checkout does (GOFLAGS=-mod=mod), from the module cache. */
export const zapEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...env, GOFLAGS: '-mod=mod' });

/** The bare command: `go build -gcflags=-m=2`, its output to /dev/null. */
export const goBuild = (...patterns: string[]): string[] => ['go', 'build', '-o', '/dev/null', '-gcflags=-m=2', ...patterns];

/** heapscope analyze, its JSON report to /dev/null. */
export const analyze = (b: Bench, ...args: string[]): string[] => [
  process.execPath,
  b.cli,
  'analyze',
  '--format',
  'json',
  '--no-progress',
  ...args,
];

export const goOpts = (b: Bench, cwd: string, env: NodeJS.ProcessEnv = b.env): MeasureOptions => ({ cwd, env, scratch: b.scratch });
export const hsOpts = (b: Bench, cwd: string, env: NodeJS.ProcessEnv = b.env): MeasureOptions => ({
  cwd,
  env,
  scratch: b.scratch,
  ok: [0, 1],
  keepStderr: true,
});

const warmed = new Set<string>();

/**
 * Fills the warm build cache with PATTERNS compiled by the bare command and by heapscope (whose compiler flags
 * differ: `-m=2 -dwarf=false ...`), untimed, once per bench: the warm rows then replay. On std each is a cold
 * build of the standard library; a part that runs only heapscope asks for heapscope's alone (BARE false).
 */
export function warmUp(b: Bench, cwd: string, patterns: string[], env: NodeJS.ProcessEnv = b.env, bare = true): void {
  const key = `${cwd} ${patterns.join(' ')}`;
  if (bare && !warmed.has(`bare ${key}`)) {
    timed(`filling Go's build cache: ${goBuild(...patterns).join(' ')}`, goBuild(...patterns), goOpts(b, cwd, env));
    warmed.add(`bare ${key}`);
  }
  if (!warmed.has(`heapscope ${key}`)) {
    const cmd = analyze(b, '--no-cache', ...patterns);
    timed(`filling Go's build cache: heapscope analyze --no-cache ${patterns.join(' ')}`, cmd, hsOpts(b, cwd, env));
    warmed.add(`heapscope ${key}`);
  }
}

/** The toolchain and Node this run measured, for the table's title. */
export function versions(): string {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) throw new BenchError(`go version failed: ${go.stderr.trim()}`);
  return `${go.stdout.trim().replace(/^go version /, '')}, Node ${process.version}`;
}
