// The Go modules of the workspace and their analyses: found under the workspace folders (go.mod files; a go.work's
// modules are among them) and above each opened file; analysed one at a time per module, a request made while one
// runs aborting it (its go command stopped at once) and queued behind it (several requests meanwhile make one more
// run), so a result is never older than the latest request when it is published.

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

export class ModuleState {
  analysis: ModuleAnalysis | null = null;
  /** Why the last run failed, when it did (the last good analysis stays). */
  error: string | null = null;
  private running: Promise<void> | null = null;
  private stop: AbortController | null = null;
  private again = false;

  constructor(
    readonly root: string,
    private readonly options: () => AnalyseOptions,
    private readonly done: (m: ModuleState) => void,
  ) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /**
   * Resolves when an analysis that started after this call has finished. A run under way is for files older
   * than the editor's: it is aborted (its go command stopped with its process group) and the next one starts
   * once it has wound down, so there is still one analysis at a time per module.
   */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      this.stop?.abort(new Error('superseded by a newer request'));
      return this.running.then(() => this.running ?? undefined);
    }
    const stop = new AbortController();
    this.stop = stop;
    this.running = this.runOnce(stop.signal).finally(() => {
      this.running = null;
      this.stop = null;
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

  private async runOnce(signal: AbortSignal): Promise<void> {
    try {
      this.analysis = await analyseModule(this.root, { ...this.options(), signal });
      this.error = null;
    } catch (e) {
      if (signal.aborted) return; // superseded or cancelled: the last good analysis stays, nothing to say
      this.error = e instanceof Error ? e.message : String(e);
    }
    // A newer request is waiting: this result is for files older than the editor's; the next run publishes.
    if (!this.again) this.done(this);
  }
}
