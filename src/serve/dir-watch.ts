// The directories heapscope serve watches for edits: one fs.watch per directory, kept in step with the tree. A
// directory made after the server started (a new package) is watched from its parent's event, and one removed and
// made again is watched anew: a watch belongs to the directory's inode, not to its path.
// Not fs.watch's recursive mode: on Linux, Node 20 builds it in JavaScript with a watch on every file (.git's
// objects included) and reports every file already there as new when it starts.

import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';

/** Directories walked at most: a tree larger than this (a vendored node_modules) is watched in part. */
const MAX_DIRS = 4096;

/** Directories the go command takes no package from (cmd/go/internal/search: names starting with . or _, testdata). */
export function skippedDir(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'testdata';
}

/** What the analysis reads: .go files, and go.mod, go.sum, go.work. Editors' swap and backup files are not sources. */
export function isSourceName(name: string): boolean {
  return name.endsWith('.go') || /^go\.(mod|sum|work)$/.test(name);
}

interface Watch {
  watcher: FSWatcher;
  ino: number;
  /** Part of a watched tree: a directory made in it is watched too. */
  deep: boolean;
}

function inode(dir: string): number | null {
  try {
    const s = statSync(dir);
    return s.isDirectory() ? s.ino : null;
  } catch {
    return null;
  }
}

export class DirWatcher {
  private watches = new Map<string, Watch>();

  /** `onChange` is called for each event that may change the analysis; the caller waits for the quiet. */
  constructor(private readonly onChange: () => void) {}

  /** Watches the directories `alone` and every directory of the trees under `trees`; watches still good are kept. */
  set(alone: Iterable<string>, trees: Iterable<string>): void {
    const want = new Map<string, boolean>();
    for (const d of alone) want.set(d, false);
    const budget = { left: MAX_DIRS };
    for (const t of trees) for (const d of this.walk(t, budget).dirs) want.set(d, true);
    for (const [d, w] of this.watches) if (!want.has(d) || w.ino !== inode(d)) this.unwatch(d);
    for (const [d, deep] of want) this.add(d, deep);
  }

  close(): void {
    for (const d of [...this.watches.keys()]) this.unwatch(d);
  }

  /** The directories under `root` (itself included) that a package could be in, and whether any holds a source. */
  private walk(root: string, budget: { left: number }): { dirs: string[]; sources: boolean } {
    const dirs: string[] = [];
    let sources = false;
    for (let queue = [root]; queue.length && budget.left > 0;) {
      const d = queue.shift()!;
      let entries;
      try {
        entries = readdirSync(d, { withFileTypes: true });
      } catch {
        continue; // gone meanwhile, or not a directory
      }
      dirs.push(d);
      budget.left--;
      for (const e of entries) {
        if (e.isDirectory() && !skippedDir(e.name)) queue.push(join(d, e.name));
        else if (e.isFile() && isSourceName(e.name)) sources = true;
      }
    }
    return { dirs, sources };
  }

  private add(dir: string, deep: boolean): void {
    const had = this.watches.get(dir);
    if (had) {
      had.deep ||= deep;
      return;
    }
    const ino = inode(dir);
    if (ino === null) return; // a directory that vanished: the next run lists what exists
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { persistent: false }, (_event, name) => this.event(dir, name?.toString() ?? ''));
    } catch {
      return;
    }
    watcher.on('error', () => this.unwatch(dir));
    this.watches.set(dir, { watcher, ino, deep });
  }

  private unwatch(dir: string): void {
    this.watches.get(dir)?.watcher.close();
    this.watches.delete(dir);
  }

  private event(dir: string, name: string): void {
    // An event without a name may be anything.
    if (!name || isSourceName(name)) return this.onChange();
    const w = this.watches.get(dir);
    if (!w?.deep || skippedDir(name)) return;
    const sub = join(dir, name);
    const ino = inode(sub);
    const known = this.watches.get(sub);
    if (ino === null) {
      // A directory removed or moved away: its packages are gone (a move deletes no file the watches would see).
      if (!known) return;
      for (const d of [...this.watches.keys()]) if (d === sub || d.startsWith(sub + sep)) this.unwatch(d);
      return this.onChange();
    }
    if (known?.ino === ino) return;
    // A directory made, made again, or moved in: watched with what it holds. Sources may have been written into it
    // before its watch was set, so sources found in it count as an edit.
    const found = this.walk(sub, { left: MAX_DIRS - this.watches.size });
    for (const d of found.dirs) {
      if (this.watches.get(d)?.ino !== inode(d)) this.unwatch(d);
      this.add(d, true);
    }
    if (found.sources || known) this.onChange();
  }
}
