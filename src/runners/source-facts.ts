// Runs go/srcfacts (heapscope's small go/parser program) on source files. It is built once per toolchain into
// heapscope's cache directory (its own go.mod, none of the user's GOFLAGS, GOOS or GOARCH: it runs here), and
// rebuilt when its source changes; from go1.24 on it is taken from the go command's own cache of tool executables
// when heapscope's cache lacks it, so emptying heapscope's cache does not cost a link. A file it cannot read is reported by it and left out; a helper that cannot be
// built or run costs the report its structure (cold paths, loops, readable names), never the report.

import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { utimes } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { noteGrowth } from '../cache/cache-dir.js';
import { parseSourceFacts } from '../parsers/source-facts-json.js';
import type { SourceFileFacts } from '../model/source-facts.js';
import { atLeast } from '../model/go-releases.js';
import { run } from './process.js';
import { removeTempDir, tempDir } from './temp-dirs.js';
import { t } from '../i18n/t.js';

const HELPER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'go', 'srcfacts');

/** Arguments per run: well under the kernel's limit on a command line, and several runs share the cores. */
const BATCH = 800;

export interface SourceFactsResult {
  files: Map<string, SourceFileFacts>;
  /** Why some or all files could not be read (one line each). */
  problems: string[];
}

let sourceHash: string | undefined;

/** The helper's source, hashed: part of the helper's file name and of the replay cache's key. */
export function helperSourceHash(): string {
  if (sourceHash === undefined) {
    const h = createHash('sha256');
    try {
      for (const f of ['main.go', 'go.mod', 'tool.mod']) h.update(readFileSync(join(HELPER_DIR, f)));
      sourceHash = h.digest('hex').slice(0, 16);
    } catch {
      sourceHash = 'missing';
    }
  }
  return sourceHash;
}

function helperKey(goVersion: string): string {
  const h = helperSourceHash();
  if (h === 'missing') throw new Error('missing');
  return `srcfacts-${h}-${goVersion}-${process.platform}-${process.arch}`;
}

/** This machine as the go command names it (Node's names otherwise). */
const GOOS: Partial<Record<NodeJS.Platform, string>> = { win32: 'windows' };
const GOARCH: Partial<Record<string, string>> = { x64: 'amd64', ia32: '386' };

/**
 * The go command's environment for building the helper for this machine, whatever the user's build targets: set
 * explicitly, since values written with `go env -w` apply when a variable is merely unset.
 */
export function helperEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...env,
    GOWORK: 'off',
    GOFLAGS: '-mod=mod',
    CGO_ENABLED: '0',
    GOOS: GOOS[process.platform] ?? process.platform,
    GOARCH: GOARCH[process.arch] ?? process.arch,
    GOEXPERIMENT: '',
    GOAMD64: 'v1',
    GOARM64: 'v8.0',
    GO386: 'sse2',
  };
  for (const k of ['GOARM', 'GOPPC64', 'GOMIPS', 'GOMIPS64', 'GORISCV64', 'GOWASM']) delete e[k];
  return e;
}

/**
 * Without -trimpath: the standard library packages the helper imports are then compiled exactly as the user's
 * own builds compile them (the go command keys its cache by -trimpath), so on a cold build cache the helper
 * reuses what the analysis build compiles (7 packages of its own instead of 76) rather than compiling it all
 * again. Its binary then holds heapscope's own paths, which it never prints.
 */
async function build(out: string, env: NodeJS.ProcessEnv, goVersion: string, reuse?: Reuse): Promise<string | null> {
  if (reuse && (await buildReusing(out, env, reuse))) return null;
  if (atLeast(goVersion, TOOL_CACHE_SINCE) && (await fromToolCache(out, env))) return null;
  const err: string[] = [];
  const r = await run('go', ['build', '-o', out, '.'], {
    cwd: HELPER_DIR,
    env: helperEnv(env),
    onStderrLine: (l) => err.push(l),
  });
  return r.code === 0 ? null : err.slice(0, 3).join('; ') || t('sweep.tool.buildExited', { code: r.code ?? '?' });
}

/**
 * The analysis build that ran just before: its package patterns and the compiler flags it gave them. When it
 * compiled standard library packages (`analyze std`, `analyze net/http`), it compiled them with those flags, so the
 * helper's build with default flags would compile its 76 dependencies again (7 s on an empty build cache after
 * `analyze std`); given the same flags for the same patterns, it finds them in the go command's cache (0.3 s).
 */
export interface Reuse {
  patterns: string[];
  /** The flags alone, as after `-gcflags=`. */
  flags: string;
}

/** The patterns that name the same packages from the helper's directory: import paths, not relative or `all`. */
function importPatterns(patterns: string[]): string[] {
  return patterns.filter((p) => p !== 'all' && !p.startsWith('.') && !p.startsWith('/') && !p.startsWith('-'));
}

/**
 * go build with the analysis's flags for its import-path patterns. Its standard error is the compiler's -m output
 * of every package those patterns match, replayed from the cache: sent nowhere (a failure falls back to the other
 * ways, which say why). False when there is nothing to reuse or it fails.
 */
async function buildReusing(out: string, env: NodeJS.ProcessEnv, reuse: Reuse): Promise<boolean> {
  const patterns = importPatterns(reuse.patterns);
  if (!patterns.length) return false;
  const r = await run('go', ['build', '-o', out, ...patterns.map((p) => `-gcflags=${p}=${reuse.flags}`), '.'], {
    cwd: HELPER_DIR,
    env: helperEnv(env),
    stderrFile: '/dev/null',
  });
  if (r.code !== 0) rmSync(out, { force: true });
  return r.code === 0;
}

/** The first Go 1.x release that keeps the executables of `go tool` in its build cache (and has `go tool -n`). */
const TOOL_CACHE_SINCE = 24;

/**
 * Copies the helper from the go command's cache of tool executables (tool.mod names it as a tool; go.mod stays
 * at go 1.21 for older releases), which the go command builds there when it is missing or out of date: keyed by
 * the helper's source and the toolchain, as heapscope's own copy is. False when that fails: then go build.
 */
async function fromToolCache(out: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const printed: string[] = [];
  const r = await run('go', ['tool', `-modfile=${join(HELPER_DIR, 'tool.mod')}`, '-n', 'srcfacts'], {
    cwd: HELPER_DIR,
    env: helperEnv(env),
    onStdoutLine: (l) => printed.push(l),
  });
  if (r.code !== 0 || printed.length !== 1) return false;
  try {
    copyFileSync(printed[0]!, out);
    return true;
  } catch {
    rmSync(out, { force: true });
    return false;
  }
}

type Tool = { path: string; cleanup: () => Promise<void> } | { error: string };

/** Builds started ahead of need (startSourceFactsTool), by cache directory and release, until one is taken. */
const started = new Map<string, Promise<Tool>>();

/**
 * Starts finding or building the helper now, so that a first run builds it beside its join instead of after it;
 * the next sourceFactsTool call for the same cache directory and release takes the result.
 */
export function startSourceFactsTool(cacheDir: string, goVersion: string, env: NodeJS.ProcessEnv, reuse?: Reuse): void {
  const k = `${cacheDir}\0${goVersion}`;
  if (started.has(k)) return;
  const p = findOrBuild(cacheDir, goVersion, env, reuse);
  p.catch(() => {});
  started.set(k, p);
}

/** A build started ahead and not taken (no file needed reading) is let finish, so no half-built file is left. */
export async function settleSourceFactsTool(cacheDir: string, goVersion: string): Promise<void> {
  const k = `${cacheDir}\0${goVersion}`;
  const ahead = started.get(k);
  if (!ahead) return;
  started.delete(k);
  const t = await ahead;
  if ('path' in t) await t.cleanup();
}

/** The helper's path, built if needed; cleanup removes a per-run copy made when the cache cannot hold one. */
export function sourceFactsTool(cacheDir: string, goVersion: string, env: NodeJS.ProcessEnv): Promise<Tool> {
  const k = `${cacheDir}\0${goVersion}`;
  const ahead = started.get(k);
  if (ahead) {
    started.delete(k);
    return ahead;
  }
  return findOrBuild(cacheDir, goVersion, env);
}

async function findOrBuild(cacheDir: string, goVersion: string, env: NodeJS.ProcessEnv, reuse?: Reuse): Promise<Tool> {
  let key: string;
  try {
    key = helperKey(goVersion);
  } catch {
    return { error: t('sweep.tool.missing', { tool: 'go/srcfacts', dir: HELPER_DIR }) };
  }
  const path = join(cacheDir, 'bin', key);
  const usable = (): boolean => {
    try {
      return statSync(path).isFile();
    } catch {
      return false; // missing, or a cache directory that is not one
    }
  };
  if (usable()) {
    // Used now: the last to be trimmed when the cache is over its bound.
    const now = new Date();
    utimes(path, now, now).catch(() => {});
    return { path, cleanup: async () => {} };
  }
  const tmp = `${path}.${process.pid}.tmp`;
  let cacheable = true;
  try {
    mkdirSync(join(cacheDir, 'bin'), { recursive: true });
  } catch {
    cacheable = false;
  }
  if (cacheable && (await build(tmp, env, goVersion, reuse)) === null) {
    try {
      renameSync(tmp, path);
      noteGrowth(cacheDir, statSync(path).size);
      return { path, cleanup: async () => {} };
    } catch {
      rmSync(tmp, { force: true });
    }
  }
  const dir = tempDir('heapscope-srcfacts-');
  const own = join(dir, 'srcfacts');
  const failed = await build(own, env, goVersion, reuse);
  if (failed !== null) {
    await removeTempDir(dir);
    return { error: t('sweep.tool.noBuild', { tool: 'go/srcfacts', error: failed }) };
  }
  return { path: own, cleanup: () => removeTempDir(dir) };
}

/** Reads the structure of each file (absolute paths); runs in batches, two at a time. */
export async function readSourceFacts(tool: string, files: string[], cwd: string): Promise<SourceFactsResult> {
  const result: SourceFactsResult = { files: new Map(), problems: [] };
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const one = async (batch: string[]): Promise<void> => {
    const err: string[] = [];
    const r = await run(tool, batch, {
      cwd,
      onStdoutLine: (l) => {
        const p = parseSourceFacts(l);
        if (!p.ok) result.problems.push(t('cli.srcfacts.unreadable', { why: p.error }));
        else if (p.facts.error) result.problems.push(p.facts.error);
        else result.files.set(p.facts.file, p.facts);
      },
      onStderrLine: (l) => err.push(l),
    });
    if (r.code !== 0)
      result.problems.push(t('cli.srcfacts.exited', { status: String(r.code ?? r.signal), lines: err.slice(0, 3).join('; ') }));
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) await one(batches[next++]!);
  };
  await Promise.all([worker(), worker()]);
  return result;
}
