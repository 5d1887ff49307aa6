// The options every job of the engine shares, declared once: where the go command runs, which packages, build
// tags, the cache, the environment, cancellation and progress. The CLI fills them from its flags (cli/flags.ts),
// heapscope serve and the language server from their own settings, a Node program by hand (docs/api.md).

import { resolve } from 'node:path';
import { defaultCacheDir } from '../cache/model-cache.js';
import { NO_FILTERS, type SiteFilters } from '../model/filters.js';

export interface EngineOptions {
  /** The directory the go command runs in (the CLI's -C), absolute or relative to cwd. Default: cwd. */
  dir?: string;
  /** Where relative paths (dir, a baseline, a profile) are resolved and reports print paths from. Default: process.cwd(). */
  cwd?: string;
  /** Package patterns as for go build. Default: ['./...']. */
  patterns?: string[];
  /** Comma-separated build tags, as go build -tags. */
  tags?: string;
  /** Use and fill heapscope's cache (HEAPSCOPE_CACHE, else the user's cache directory). Default: true. */
  cache?: boolean;
  /** The environment of the go command and of heapscope's cache location. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Stops the job: the go command running for it (its whole process group) at once, the rest between phases;
   *  the job then rejects with the signal's reason and writes nothing of the stopped run to the cache. */
  signal?: AbortSignal;
  /** What the job is doing, as short lines ("listing packages", "compiling 3 packages"). */
  onProgress?: (message: string) => void;
  /** Called as each phase of the job ends, for timings (HEAPSCOPE_DEBUG in the CLI). */
  onPhase?: (phase: string) => void;
}

/** How a job went: ok, partial (some packages or benchmarks failed, or for check a violation), or fatal (it could
 *  not do its job, though it reported what it could). The CLI maps these to exit codes 0, 1 and 2. */
export type Outcome = 'ok' | 'partial' | 'fatal';

/** Something the job could not do or wants said, as data; the CLI prints each as one `heapscope: ...` line. */
export interface Problem {
  /** go: a line of the go command's output; source: the source structure could not be read (the report is
   *  complete without it); asm: the assembly listing; packages, benchmarks, budgets, directives: the summary of
   *  what failed, which the CLI prints after the report; bench: what the bench job check ran had to say;
   *  position: explain's line holds nothing the compiler decides; note: anything else said before the report
   *  (diff's working tree with changes, a submodule left out, a side's go output, a benchmark that did not run). */
  kind: 'go' | 'source' | 'asm' | 'bench' | 'packages' | 'benchmarks' | 'budgets' | 'directives' | 'position' | 'note';
  /** As the go command or the source printed it: not escaped for a terminal (safe-text.ts does that). */
  message: string;
}

/** A rendered report, produced as it is written (an html page is large): iterate it once. */
export type Output = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** The options resolved: absolute directories, the cache directory or null, the environment. */
export interface Resolved {
  dir: string;
  cwd: string;
  patterns: string[];
  tags: string | undefined;
  cacheDir: string | null;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal | undefined;
  onProgress: ((message: string) => void) | undefined;
  phase: (phase: string) => void;
}

export function resolveOptions(o: EngineOptions): Resolved {
  const cwd = o.cwd ?? process.cwd();
  const env = o.env ?? process.env;
  return {
    dir: resolve(cwd, o.dir ?? '.'),
    cwd,
    patterns: o.patterns?.length ? o.patterns : ['./...'],
    tags: o.tags,
    cacheDir: o.cache === false ? null : defaultCacheDir(env),
    env,
    signal: o.signal,
    onProgress: o.onProgress,
    phase: o.onPhase ?? (() => {}),
  };
}

/** What a report shows first and what it leaves out (the CLI's --top, --sort, --cause, --package, --function,
 *  --min-allocs, --all), checked (cli/focus-flags.ts checkFocusFlags turns the flags into this). */
export interface FocusChoice {
  filters: SiteFilters;
  top: number;
  sort: 'cost' | 'allocs' | 'position';
}

export const DEFAULT_TOP = 10;

/** No filter, the default ranking: what a report shows when nothing is chosen. */
export function defaultFocus(): FocusChoice {
  return { filters: { ...NO_FILTERS }, top: DEFAULT_TOP, sort: 'position' };
}
