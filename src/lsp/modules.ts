// The Go modules of the workspace and their analyses: found under the workspace folders (go.mod files; a go.work's
// modules are among them) and above each opened file; analysed one at a time per module, a request made while one
// runs aborting it (its go command stopped at once) and queued behind it (several requests meanwhile make one more
// run), so a result is never older than the latest request when it is published. A run for a save or an open
// analyses that file's package first and publishes it (the editor waits for its own package's compile, not for
// its importers'), then the whole module; a newer request aborts either step.

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { analyseModule, type AnalyseOptions, type ModuleAnalysis } from './engine-adapter.js';

const SKIP = new Set(['vendor', 'testdata', 'node_modules']);

/** go.mod directories under `dir` (at most `limit` directories visited). */
export function findModules(dir: string, limit = 5000): string[] {
  const out: string[] = [];
  const queue = [dir];
  let seen = 0;
  while (queue.length && seen++ < limit) {
    const d = queue.shift()!;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    if (entries.some((e) => e.name === 'go.mod' && e.isFile())) out.push(d);
    for (const e of entries)
      if (e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_') && !SKIP.has(e.name)) queue.push(join(d, e.name));
  }
  return out;
}

export function moduleAbove(file: string): string | null {
  for (let d = dirname(file); ; d = dirname(d)) {
    if (existsSync(join(d, 'go.mod'))) return d;
    if (dirname(d) === d) return null;
  }
}

/** Which analysis a publish is for: the package-first one (only its packages' files) or the whole module's. */
export type Scope = 'packages' | 'module';

export class ModuleState {
  analysis: ModuleAnalysis | null = null;
  /** The package-first analysis of the last run (the saved or opened files' packages), newer than `analysis` for
   *  their files until the module's analysis lands; `packageDirs` are their absolute directories. */
  packages: ModuleAnalysis | null = null;
  packageDirs: string[] = [];
  /** Why the last run failed, when it did (the last good analysis stays). */
  error: string | null = null;
  private running: Promise<void> | null = null;
  private stop: AbortController | null = null;
  private again = false;
  /** Package patterns (`.`, `./dir`) the next run analyses first; those of the run under way. */
  private wanted = new Set<string>();
  private current: string[] = [];
  /** Whether a request behind the next run came from a save (its package's compile is then certain). */
  private savedWanted = false;

  constructor(
    readonly root: string,
    private readonly options: () => AnalyseOptions,
    private readonly done: (m: ModuleState, scope: Scope) => void,
  ) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** The pattern of the package holding `file` (absolute, under root). */
  patternOf(file: string): string {
    const rel = relative(this.root, dirname(file));
    return rel ? './' + rel : '.';
  }

  /** Whether the run under way, or the one queued, analyses the package of `pattern` first. */
  covers(pattern: string): boolean {
    return this.current.includes(pattern) || this.wanted.has(pattern);
  }

  /** The newest analysis that covers `file`: the package-first one until the module's lands. */
  analysisFor(file: string): ModuleAnalysis | null {
    if (this.packages && this.packageDirs.includes(dirname(file))) return this.packages;
    return this.analysis;
  }

  /**
   * Resolves when an analysis that started after this call has finished. A run under way is for files older
   * than the editor's: it is aborted (its go command stopped with its process group) and the next one starts
   * once it has wound down, so there is still one analysis at a time per module. With `pattern` (a package
   * saved or opened), the next run analyses that package first and publishes it, then the whole module; `saved`
   * says the package's source changed, so its compile starts beside go list.
   */
  request(pattern?: string, saved = false): Promise<void> {
    if (pattern !== undefined) this.wanted.add(pattern);
    if (saved) this.savedWanted = true;
    if (this.running) {
      this.again = true;
      this.stop?.abort(new Error('superseded by a newer request'));
      return this.running.then(() => this.running ?? undefined);
    }
    const stop = new AbortController();
    this.stop = stop;
    this.current = [...this.wanted];
    this.wanted.clear();
    const changed = this.savedWanted;
    this.savedWanted = false;
    this.running = this.runOnce(stop.signal, this.current, changed).finally(() => {
      this.running = null;
      this.stop = null;
      this.current = [];
      if (this.again) {
        this.again = false;
        void this.request();
      }
    });
    return this.running;
  }

  /** Stops the run under way, if any (the server is shutting down); nothing is published for it. */
  cancel(): Promise<void> {
    this.stop?.abort(new Error('cancelled'));
    return this.running ?? Promise.resolve();
  }

  private async runOnce(signal: AbortSignal, patterns: string[], saved: boolean): Promise<void> {
    if (patterns.length) {
      // The packages the editor is looking at first (a package's own compile, not its importers'): published
      // alone, their files only; the module's run follows.
      try {
        const a = await analyseModule(this.root, { ...this.options(), signal, changed: saved }, patterns);
        if (signal.aborted || this.again) throw signal.reason;
        this.packages = a;
        this.packageDirs = patterns.map((p) => join(this.root, p));
        this.done(this, 'packages');
      } catch {
        if (signal.aborted || this.again) {
          // Superseded before its packages were published: the next run analyses them first again.
          for (const p of patterns) this.wanted.add(p);
          if (saved) this.savedWanted = true;
          return;
        }
        // A package that cannot be analysed alone (not a package of this module): the module's run says why.
      }
    }
    try {
      this.analysis = await analyseModule(this.root, { ...this.options(), signal });
      this.packages = null;
      this.packageDirs = [];
      this.error = null;
    } catch (e) {
      if (signal.aborted) return; // superseded or cancelled: the last good analysis stays, nothing to say
      this.error = e instanceof Error ? e.message : String(e);
    }
    // A newer request is waiting: this result is for files older than the editor's; the next run publishes.
    if (!this.again) this.done(this, 'module');
  }
}
