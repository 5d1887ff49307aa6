// The cache directory as a whole: what is in it, how big it is, keeping it under its bound, emptying it. Only
// files heapscope writes are counted or removed (HEAPSCOPE_CACHE may point anywhere, even at a directory that
// holds other things): facts shards (two hex digits), runs/, results/, tools.json, measured/ (bench's figures),
// bin/ (the go/srcfacts and go/tracesum helpers), and revisions/ (the trees of git commits heapscope diff analysed, one directory
// per commit, counted and removed as a whole).
//
// The bound is enforced at the end of every run that added to the cache. Walking the cache costs 15–100 ms per
// three thousand entries (measured on a busy two-core machine), too much for every run; so each run appends what
// it added to a ledger (one line, `+bytes`), reads the total back, and walks the cache only when the total is
// over the bound (or the ledger is missing or long): the walk trims, and rewrites the ledger with what it found.

import { appendFileSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** The default bound: the facts of std take about 20 MB, its finished JSON report 85 MB. */
export const DEFAULT_LIMIT = 2 * 1024 ** 3;
/** A partial write or an in-use mark older than this is a leftover, whatever its process id says (ids are reused). */
const STALE_MS = 24 * 60 * 60 * 1000;
const LEDGER = 'ledger';
const LEDGER_FORMAT = 'heapscope-ledger-1';
/** Past this many lines the ledger is rewritten (by a walk) rather than read ever longer. */
const LEDGER_LINES = 1000;
/** The once-an-hour stamp of older heapscopes: removed with the rest. */
const OLD_STAMP = 'trimmed';
/** In a revision's directory once it is whole: what it holds (RevisionMark). */
export const REVISION_MARK = '.heapscope-complete';

export type EntryKind = 'facts' | 'runs' | 'results' | 'tools' | 'measured' | 'bin' | 'revisions';
export const ENTRY_KINDS: EntryKind[] = ['facts', 'results', 'runs', 'tools', 'measured', 'bin', 'revisions'];

export interface CacheEntry {
  path: string;
  kind: EntryKind;
  size: number;
  mtimeMs: number;
  /** A write that never completed (its process died), or one in progress: NAME.PID.tmp. */
  partial: boolean;
}

export interface RevisionMark {
  /** Bytes of the files unpacked: the tree is counted without walking it. */
  bytes: number;
  /** Where the commit has submodules (git archive leaves them empty). */
  submodules: string[];
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

const statOf = (p: string): Stats | undefined => {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Bytes of the files under a directory (a revision written by an older heapscope, without its mark's count). */
function treeSize(dir: string): number {
  let total = 0;
  for (const n of list(dir)) {
    const st = statOf(join(dir, n));
    if (st?.isDirectory()) total += treeSize(join(dir, n));
    else if (st?.isFile()) total += st.size;
  }
  return total;
}

/** What a whole revision's mark says; null when it is not whole (no mark). */
export function readRevisionMark(dir: string): RevisionMark | null {
  let text: string;
  try {
    text = readFileSync(join(dir, REVISION_MARK), 'utf8');
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as Partial<RevisionMark>;
    if (typeof v.bytes === 'number' && Array.isArray(v.submodules) && v.submodules.every((s) => typeof s === 'string'))
      return { bytes: v.bytes, submodules: v.submodules };
  } catch {
    // an older heapscope's empty mark
  }
  return { bytes: treeSize(dir), submodules: [] };
}

/** The process id in a partial write's or an in-use mark's name (NAME.PID.tmp, NAME.PID.use). */
function pidIn(name: string): number | null {
  const m = /\.(\d+)\.(tmp|use)$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** Whether a process with this id runs (on this machine: a cache shared across machines sees every other run as dead). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a partial write (or an in-use mark) is left over from a run that ended. */
export function leftOver(name: string, mtimeMs: number, now = Date.now()): boolean {
  const pid = pidIn(name);
  return now - mtimeMs > STALE_MS || (pid !== null && !processAlive(pid));
}

/** heapscope's files in the cache directory. */
export function cacheEntries(dir: string): CacheEntry[] {
  const out: CacheEntry[] = [];
  const add = (path: string, kind: EntryKind): void => {
    const st = statOf(path);
    if (st?.isFile()) out.push({ path, kind, size: st.size, mtimeMs: st.mtimeMs, partial: path.endsWith('.tmp') });
  };
  const files = (sub: string, name: RegExp, kind: EntryKind): void => {
    for (const f of list(join(dir, sub))) if (name.test(f)) add(join(dir, sub, f), kind);
  };
  for (const n of list(dir)) {
    if (/^[0-9a-f]{2}$/.test(n)) files(n, /^[0-9a-f]{64}\.json(\.\d+\.tmp)?$/, 'facts');
    // A result is named <invocation>-<settings> (result-cache.ts resultName).
    else if (n === 'runs' || n === 'results') files(n, /^[0-9a-f]+(-[0-9a-f]+)?\.(json|out)(\.\d+\.tmp)?$/, n);
    else if (n === 'measured') files(n, /^[0-9a-f]{32}\.json(\.\d+\.tmp)?$/, 'measured');
    else if (n === 'bin') files(n, /^(srcfacts|tracesum)-[\w.-]+$/, 'bin');
    else if (/^tools\.json(\.\d+\.tmp)?$/.test(n)) add(join(dir, n), 'tools');
    else if (n === 'revisions')
      for (const f of list(join(dir, n))) {
        if (!/^[0-9a-f]{40,64}(\.\d+\.tmp)?$/.test(f)) continue;
        const p = join(dir, n, f);
        const st = statOf(p);
        if (!st?.isDirectory()) continue;
        const mark = f.endsWith('.tmp') ? null : readRevisionMark(p);
        // A tree without its mark was cut short (or is being written): walked, it is counted as it is.
        out.push({ path: p, kind: 'revisions', size: mark?.bytes ?? treeSize(p), mtimeMs: st.mtimeMs, partial: !mark });
      }
  }
  return out;
}

/** The revisions a running diff uses (marked revisions/COMMIT.PID.use); leftover marks are removed. */
function revisionsInUse(dir: string, now: number): Set<string> {
  const used = new Set<string>();
  for (const f of list(join(dir, 'revisions'))) {
    const m = /^([0-9a-f]{40,64})\.\d+\.use$/.exec(f);
    if (!m) continue;
    const p = join(dir, 'revisions', f);
    if (leftOver(f, statOf(p)?.mtimeMs ?? 0, now)) rmSync(p, { force: true });
    else used.add(join(dir, 'revisions', m[1]!));
  }
  return used;
}

/**
 * Keeps the cache under limit: when it is over, the least recently used entries go (an entry's time is its last
 * use: reads touch it) until it is at three quarters of the limit, so that the next runs do not trim again at
 * once. A revision a running diff uses stays. Partial writes of runs that ended go whatever the size. Never fails.
 * Returns what it removed and the bytes left.
 */
export function trimCache(dir: string, limit: number, now = Date.now()): { removed: number; freed: number; total: number } | null {
  try {
    const entries = cacheEntries(dir);
    const used = revisionsInUse(dir, now);
    let total = entries.reduce((t, e) => t + e.size, 0);
    const doomed = entries.filter((e) => e.partial && leftOver(e.path, e.mtimeMs, now));
    total -= doomed.reduce((t, e) => t + e.size, 0);
    if (total > limit) {
      for (const e of entries.filter((x) => !x.partial && !used.has(x.path)).sort((a, b) => a.mtimeMs - b.mtimeMs)) {
        if (total <= limit * 0.75) break;
        doomed.push(e);
        total -= e.size;
      }
    }
    for (const e of doomed) rmSync(e.path, { force: true, recursive: e.kind === 'revisions' });
    rmSync(join(dir, OLD_STAMP), { force: true });
    return { removed: doomed.length, freed: doomed.reduce((t, e) => t + e.size, 0), total };
  } catch {
    return null;
  }
}

/** Bytes each cache directory gained in this process, not yet in its ledger. */
const gained = new Map<string, number>();

/** A writer's note that the cache gained bytes (negative: it lost them, a file replaced by a smaller one). */
export function noteGrowth(dir: string, bytes: number): void {
  gained.set(dir, (gained.get(dir) ?? 0) + bytes);
}

/** The size of the file at path, 0 when there is none: what a writer about to replace it takes away. */
export function sizeOf(path: string): number {
  const st = statOf(path);
  return st?.isFile() ? st.size : 0;
}

/** The ledger's total and length; null when it is missing or not what this version writes. */
function readLedger(dir: string): { total: number; lines: number } | null {
  try {
    const lines = readFileSync(join(dir, LEDGER), 'utf8').split('\n');
    if (lines[0] !== LEDGER_FORMAT) return null;
    let total = 0;
    for (const l of lines.slice(1)) {
      if (l === '') continue;
      if (!/^[+-]?\d+$/.test(l)) return null;
      total += Number(l);
    }
    return { total, lines: lines.length };
  } catch {
    return null;
  }
}

/**
 * Enforces the bound on the cache directories this process added to: their growth goes into their ledgers,
 * and a ledger over the bound, missing or long has its cache trimmed and is rewritten. Between a walk and its
 * rewrite, another run's line can be lost; the next walk counts what it wrote. Never fails.
 */
export function enforceBounds(limit: number): void {
  for (const [dir, bytes] of gained) {
    gained.delete(dir);
    if (bytes !== 0) appendLine(dir, bytes);
    // A run that only replaced files (a run list rewritten, the same size) has nothing to enforce.
    if (bytes <= 0) continue;
    const l = readLedger(dir);
    if (l && l.total <= limit && l.lines < LEDGER_LINES) continue;
    const r = trimCache(dir, limit);
    if (!r) continue;
    try {
      const tmp = join(dir, `${LEDGER}.${process.pid}.tmp`);
      writeFileSync(tmp, `${LEDGER_FORMAT}\n${r.total}\n`);
      renameSync(tmp, join(dir, LEDGER));
    } catch {
      // the next run walks again
    }
  }
}

function appendLine(dir: string, bytes: number): void {
  try {
    // One short write with O_APPEND: lines of concurrent runs do not mix.
    appendFileSync(join(dir, LEDGER), `${bytes > 0 ? '+' : ''}${bytes}\n`);
  } catch {
    // an unwritable cache has nothing to bound
  }
}

/** Removes heapscope's files from the cache directory, and the directories they were in when left empty. */
export function cleanCache(dir: string): { removed: number; freed: number } {
  const entries = cacheEntries(dir);
  for (const e of entries) rmSync(e.path, { force: true, recursive: e.kind === 'revisions' });
  for (const f of list(join(dir, 'revisions')))
    if (/^[0-9a-f]{40,64}\.\d+\.use$/.test(f)) rmSync(join(dir, 'revisions', f), { force: true });
  for (const f of [LEDGER, OLD_STAMP]) rmSync(join(dir, f), { force: true });
  for (const n of list(dir)) {
    if (/^[0-9a-f]{2}$/.test(n) || ['runs', 'results', 'revisions', 'measured', 'bin'].includes(n)) {
      try {
        rmdirSync(join(dir, n));
      } catch {
        // not empty: it holds something heapscope did not write
      }
    }
  }
  try {
    rmdirSync(dir);
  } catch {
    // it holds something else
  }
  return { removed: entries.length, freed: entries.reduce((t, e) => t + e.size, 0) };
}
