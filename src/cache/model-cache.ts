// A cache of parsed package facts, keyed like the go command keys its build cache: by the content of the
// package's files, the keys of everything it imports, the toolchain and the flags. An unchanged package skips
// the compiler and its output replay entirely. Entries are written atomically; a corrupt entry is a miss.

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { access, mkdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PackageFacts } from '../model/types.js';
import { decodeFacts, encodeFacts } from './facts-codec.js';
import { noteGrowth, sizeOf } from './cache-dir.js';

/** Bump when the parser or the stored shape changes, so old entries are not read. */
export const CACHE_FORMAT = 'heapscope-facts-8';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['HEAPSCOPE_CACHE']) return env['HEAPSCOPE_CACHE'];
  const base = env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'heapscope');
}

/** An entry as stored: the facts with the key and unit they were stored for. */
interface Stored {
  format: string;
  key: string;
  unit: string;
}

export class ModelCache {
  /** Entries read ahead of need (see preload), by key, not yet checked against what is asked for. */
  private readonly early = new Map<string, Stored | null>();
  private preloading: Promise<void> = Promise.resolve();
  private preloadStopped = false;
  /** Shard directories known to exist: a recursive mkdir per entry costs more than writing a small one. */
  private readonly made = new Set<string>();

  constructor(readonly dir: string) {}

  private runPath(run: string): string {
    return join(this.dir, 'runs', run + '.json');
  }

  /**
   * Starts reading the entries the previous identical run used, while go list is still working: a warm
   * run then overlaps its cache reads with the one command it cannot skip. Each entry is parsed in its own
   * event-loop turn so go list's output keeps flowing. Entries not asked for later are simply dropped.
   */
  preload(run: string): void {
    this.preloading = (async () => {
      let keys: unknown;
      try {
        keys = JSON.parse(await readFile(this.runPath(run), 'utf8'));
      } catch {
        return;
      }
      // Only a hint: anything but a list of keys is ignored (and rewritten at the end of the run).
      if (!Array.isArray(keys)) return;
      for (const key of keys) {
        if (this.preloadStopped) return;
        if (typeof key !== 'string' || !/^[0-9a-f]{64}$/.test(key)) continue;
        this.early.set(key, await this.readRaw(key));
        await new Promise((r) => setImmediate(r));
      }
    })();
  }

  /** Whether an identical invocation ran before (its entries are likely cached). */
  async hasRun(run: string): Promise<boolean> {
    try {
      await access(this.runPath(run));
      return true;
    } catch {
      return false;
    }
  }

  /** Remembers which entries this run used, for the next run's preload. */
  async recordRun(run: string, keys: string[]): Promise<void> {
    try {
      await mkdir(join(this.dir, 'runs'), { recursive: true });
      const p = this.runPath(run);
      const text = JSON.stringify(keys);
      await writeFile(`${p}.${process.pid}.tmp`, text);
      const old = sizeOf(p);
      await rename(`${p}.${process.pid}.tmp`, p);
      noteGrowth(this.dir, Buffer.byteLength(text) - old);
    } catch {
      // only speed is lost
    }
  }

  /** The entries will not be needed after all (the whole result was cached): stop reading them. */
  stopPreload(): void {
    this.preloadStopped = true;
    this.early.clear();
  }

  async settle(): Promise<void> {
    await this.preloading;
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), key + '.json');
  }

  /**
   * The facts stored under key for the unit (a package, or a package with its tests) named unit; null when there
   * are none, or the entry is not whole and well formed, or was stored for another key or unit.
   */
  async get(key: string, unit: string): Promise<PackageFacts[] | null> {
    let stored = this.early.get(key);
    if (stored !== undefined) this.early.delete(key);
    else stored = await this.readRaw(key);
    if (!stored || stored.key !== key || stored.unit !== unit) return null;
    const facts = decodeFacts(stored);
    const base = unit.split(' ')[0]!;
    if (!facts || facts.some((f) => f.importPath !== base && f.importPath !== `${base}_test`)) return null;
    // Used now: the last to be trimmed when the cache is over its bound.
    const now = new Date();
    utimes(this.path(key), now, now).catch(() => {});
    return facts;
  }

  private async readRaw(key: string): Promise<Stored | null> {
    try {
      const v: unknown = JSON.parse((await readFile(this.path(key))).toString('utf8'));
      return typeof v === 'object' && v !== null && (v as Stored).format === CACHE_FORMAT ? (v as Stored) : null;
    } catch {
      return null;
    }
  }

  /**
   * Stores facts under key. Synchronous on purpose: an entry is tens of KB and a few system calls, which cost
   * less on the main thread than the promises and thread-pool hand-offs of the async calls (measured: 356
   * entries in about 25 ms against 50 to 80 ms), and the cold run writes one per package while it parses.
   * Returns the text stored, or null when nothing could be.
   */
  put(key: string, unit: string, facts: PackageFacts[]): string | null {
    const p = this.path(key);
    const tmp = `${p}.${process.pid}.tmp`;
    try {
      const shard = join(this.dir, key.slice(0, 2));
      if (!this.made.has(shard)) {
        mkdirSync(shard, { recursive: true });
        this.made.add(shard);
      }
      const text = JSON.stringify({ format: CACHE_FORMAT, key, unit, ...encodeFacts(facts) });
      writeFileSync(tmp, text);
      const old = sizeOf(p);
      renameSync(tmp, p);
      noteGrowth(this.dir, Buffer.byteLength(text) - old);
      return text;
    } catch {
      // A cache that cannot be written only costs speed; do not leave a partial file behind.
      try {
        rmSync(tmp, { force: true });
      } catch {
        // nothing was written
      }
      return null;
    }
  }
}
