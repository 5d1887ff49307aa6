// Builds go/tracesum (heapscope's execution-trace summariser, against golang.org/x/exp/trace) once per toolchain
// into heapscope's cache directory, as source-facts.ts does go/srcfacts: its own go.mod and go.sum, none of the
// user's GOFLAGS, GOOS or GOARCH (it runs here). The module it needs comes through the go command, from the
// module cache or the user's GOPROXY; a helper that cannot be built costs the trace summaries (a note on each
// benchmark), never the report. Why a helper and not `go tool trace`: see docs/trace.md.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { noteGrowth } from '../cache/cache-dir.js';
import { run } from './process.js';
import { helperEnv } from './source-facts.js';
import { removeTempDir, tempDir } from './temp-dirs.js';
import { t as say } from '../i18n/t.js';

const HELPER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'go', 'tracesum');

/** Building it can fetch golang.org/x/exp the first time: allow for a slow proxy, not for a hung one. */
const BUILD_LIMIT_MS = 300_000;

let sourceHash: string | undefined;

/** Every file of the helper's source, hashed: part of the built helper's file name. */
function helperSourceHash(): string {
  if (sourceHash === undefined) {
    const h = createHash('sha256');
    try {
      for (const f of ['main.go', 'go.mod', 'go.sum']) h.update(readFileSync(join(HELPER_DIR, f)));
      for (const f of readdirSync(join(HELPER_DIR, 'mmu')).sort()) h.update(f).update(readFileSync(join(HELPER_DIR, 'mmu', f)));
      sourceHash = h.digest('hex').slice(0, 16);
    } catch {
      sourceHash = 'missing';
    }
  }
  return sourceHash;
}

async function build(out: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const err: string[] = [];
  const r = await run('go', ['build', '-trimpath', '-o', out, '.'], {
    cwd: HELPER_DIR,
    env: helperEnv(env),
    onStderrLine: (l) => err.push(l),
    timeoutMs: BUILD_LIMIT_MS,
  });
  if (r.timedOut) return say('sweep.tool.buildSlow', { s: BUILD_LIMIT_MS / 1000 });
  return r.code === 0 ? null : err.slice(0, 3).join('; ') || say('sweep.tool.buildExited', { code: r.code ?? '?' });
}

/**
 * The helper's path, built if needed (cacheDir null: a copy of this run's own, which cleanup removes). goVersion
 * is the toolchain's (`go1.26.8`): a helper built by one toolchain is not used with another.
 */
export async function traceSummaryTool(
  cacheDir: string | null,
  goVersion: string,
  env: NodeJS.ProcessEnv,
): Promise<{ path: string; cleanup: () => Promise<void> } | { error: string }> {
  const hash = helperSourceHash();
  if (hash === 'missing') return { error: say('sweep.tool.missing', { tool: 'go/tracesum', dir: HELPER_DIR }) };
  if (cacheDir !== null) {
    const path = join(cacheDir, 'bin', `tracesum-${hash}-${goVersion}-${process.platform}-${process.arch}`);
    let usable: boolean;
    try {
      usable = statSync(path).isFile();
    } catch {
      usable = false;
    }
    if (usable) {
      const now = new Date();
      utimes(path, now, now).catch(() => {}); // used now: the last to be trimmed
      return { path, cleanup: async () => {} };
    }
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      mkdirSync(join(cacheDir, 'bin'), { recursive: true });
      const failed = await build(tmp, env);
      if (failed !== null) return { error: say('sweep.tool.noBuild', { tool: 'go/tracesum', error: failed }) };
      renameSync(tmp, path);
      noteGrowth(cacheDir, statSync(path).size);
      return { path, cleanup: async () => {} };
    } catch {
      rmSync(tmp, { force: true }); // a cache that cannot hold it: build one for this run below
    }
  }
  const dir = tempDir('heapscope-tracesum-');
  const own = join(dir, 'tracesum');
  const failed = await build(own, env);
  if (failed !== null) {
    await removeTempDir(dir);
    return { error: say('sweep.tool.noBuild', { tool: 'go/tracesum', error: failed }) };
  }
  return { path: own, cleanup: () => removeTempDir(dir) };
}
