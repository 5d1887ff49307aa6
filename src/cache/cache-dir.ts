// The cache directory as a whole: what is in it, how big it is, keeping it under its bound, emptying it. Only
// files heapscope writes are counted or removed (HEAPSCOPE_CACHE may point anywhere, even at a directory that
// holds other things): facts shards (two hex digits), runs/, results/, tools.json, and revisions/ (the trees of git
// commits heapscope diff analysed, one directory per commit, counted and removed as a whole).

import { readdir, rm, rmdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The default bound: the facts of std take about 20 MB, its finished JSON report 85 MB. */
export const DEFAULT_LIMIT = 2 * 1024 ** 3;
/** How often, at most, a run checks the bound (walking the directory costs a few ms per thousand files). */
const TRIM_EVERY_MS = 60 * 60 * 1000;
/** A temporary file younger than this may be a concurrent run's write in progress. */
const TMP_GRACE_MS = 60 * 60 * 1000;
const STAMP = 'trimmed';

export type EntryKind = 'facts' | 'runs' | 'results' | 'tools' | 'revisions';

export interface CacheEntry {
  path: string;
  kind: EntryKind;
  size: number;
  mtimeMs: number;
  /** A write that never completed (its process died), or one in progress. */
  partial: boolean;
}

/** The size bound from HEAPSCOPE_CACHE_LIMIT (bytes, or with a K, M, G suffix: powers of 1024); null when malformed. */
export function cacheLimit(env: NodeJS.ProcessEnv): number | null {
  const v = env['HEAPSCOPE_CACHE_LIMIT'];
  if (v === undefined || v === '') return DEFAULT_LIMIT;
  const m = /^(\d+)\s*([KMG]i?B?|B)?$/i.exec(v.trim());
  if (!m) return null;
  const unit = (m[2] ?? 'B')[0]!.toUpperCase();
  const mult = unit === 'K' ? 1024 : unit === 'M' ? 1024 ** 2 : unit === 'G' ? 1024 ** 3 : 1;
  return Number(m[1]) * mult;
}

/** Bytes of the files under a directory. */
async function treeSize(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += await treeSize(p);
    else if (e.isFile()) total += (await stat(p).catch(() => null))?.size ?? 0;
  }
  return total;
}

async function list(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

/** heapscope's files in the cache directory. */
export async function cacheEntries(dir: string): Promise<CacheEntry[]> {
  const out: CacheEntry[] = [];
  const add = async (path: string, kind: EntryKind): Promise<void> => {
    const st = await stat(path).catch(() => null);
    if (st?.isFile()) out.push({ path, kind, size: st.size, mtimeMs: st.mtimeMs, partial: path.endsWith('.tmp') });
  };
  const names = await list(dir);
  await Promise.all(
    names.map(async (n) => {
      const p = join(dir, n);
      if (/^[0-9a-f]{2}$/.test(n)) {
        for (const f of await list(p)) if (/^[0-9a-f]{64}\.json(\.\d+\.tmp)?$/.test(f)) await add(join(p, f), 'facts');
      } else if (n === 'runs' || n === 'results') {
        for (const f of await list(p)) if (/^[0-9a-f]+\.(json|out)(\.\d+\.tmp)?$/.test(f)) await add(join(p, f), n);
      } else if (/^tools\.json(\.\d+\.tmp)?$/.test(n)) await add(p, 'tools');
      else if (n === 'revisions')
        for (const f of await list(p)) {
          if (!/^[0-9a-f]{40,64}(\.\d+\.tmp)?$/.test(f)) continue;
          const st = await stat(join(p, f)).catch(() => null);
          if (st?.isDirectory())
            out.push({
              path: join(p, f),
              kind: 'revisions',
              size: await treeSize(join(p, f)),
              mtimeMs: st.mtimeMs,
              partial: f.endsWith('.tmp'),
            });
        }
    }),
  );
  return out;
}

/**
 * Keeps the cache under limit: when it is over, the least recently used entries go (an entry's time is its last
 * use: reads touch it) until it is at three quarters of the limit, so that the next runs do not trim again at
 * once. Partial files older than an hour go whatever the size. Checked at most once an hour; never fails.
 */
export async function trimCache(dir: string, limit: number, now = Date.now()): Promise<{ removed: number; freed: number } | null> {
  try {
    const stamp = join(dir, STAMP);
    const last = await stat(stamp).catch(() => null);
    if (last && now - last.mtimeMs < TRIM_EVERY_MS) return null;
    await writeFile(stamp, '').catch(() => {});
    await utimes(stamp, new Date(now), new Date(now)).catch(() => {});
    const entries = await cacheEntries(dir);
    let total = entries.reduce((t, e) => t + e.size, 0);
    const doomed = entries.filter((e) => e.partial && now - e.mtimeMs > TMP_GRACE_MS);
    total -= doomed.reduce((t, e) => t + e.size, 0);
    if (total > limit) {
      for (const e of entries.filter((x) => !x.partial).sort((a, b) => a.mtimeMs - b.mtimeMs)) {
        if (total <= limit * 0.75) break;
        doomed.push(e);
        total -= e.size;
      }
    }
    await Promise.all(doomed.map((e) => rm(e.path, { force: true, recursive: e.kind === 'revisions' }).catch(() => {})));
    return { removed: doomed.length, freed: doomed.reduce((t, e) => t + e.size, 0) };
  } catch {
    return null;
  }
}

/** Removes heapscope's files from the cache directory, and the directories they were in when left empty. */
export async function cleanCache(dir: string): Promise<{ removed: number; freed: number }> {
  const entries = await cacheEntries(dir);
  await Promise.all(entries.map((e) => rm(e.path, { force: true, recursive: e.kind === 'revisions' })));
  await rm(join(dir, STAMP), { force: true });
  for (const n of await list(dir)) {
    if (/^[0-9a-f]{2}$/.test(n) || n === 'runs' || n === 'results' || n === 'revisions') await rmdir(join(dir, n)).catch(() => {});
  }
  await rmdir(dir).catch(() => {});
  return { removed: entries.length, freed: entries.reduce((t, e) => t + e.size, 0) };
}
