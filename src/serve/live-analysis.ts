// heapscope serve's model, kept current: analysed once, then again whenever a file of the analysed packages (or
// go.mod, go.work, a new file in their directories) changes. Each run goes through heapscope's cache, so only the
// packages whose content keys changed (the edited one and those that import it) are compiled again.

import { watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import type { AnalyzeRun } from '../runners/analyze.js';
import type { AnalysisModel } from '../model/types.js';
import { encodeAnalysis, type Encoded } from '../reporters/html/encode.js';
import type { SourceAccess } from '../runners/source-access.js';

/** Edits come in bursts (an editor writes a file, then its backup, then formats it): wait for the quiet. */
const SETTLE_MS = 200;

export interface LiveState {
  generation: number;
  state: 'analysing' | 'ready' | 'error';
  message: string;
  page: Encoded | null;
  root: string | null;
  /** The files the page may show: the analysed run's (runners/source-access.ts). */
  sources: SourceAccess | null;
}

export interface LiveOptions {
  /** One analysis as the CLI makes it (the compiler's run through the cache, joined, focused and filtered). */
  load: () => Promise<{ run: AnalyzeRun; model: AnalysisModel }>;
  /** Watched while no analysis has succeeded yet (the directory served, and its module root): a fix to a broken
   *  go.mod or a file that did not compile must bring the server back. */
  dirs: string[];
  command: string;
  onUpdate: (s: LiveState) => void;
}

export class LiveAnalysis {
  readonly current: LiveState = { generation: 0, state: 'analysing', message: 'analysing', page: null, root: null, sources: null };
  private watchers = new Map<string, FSWatcher>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private controller = new AbortController();

  constructor(private readonly opts: LiveOptions) {}

  private started: Promise<void> | null = null;

  /** The first analysis; resolves when it is done (its failure is the state, not a rejection). Called again, the
   *  same promise: the server's first data request waits on it. */
  start(): Promise<void> {
    return (this.started ??= this.schedule(0));
  }

  close(): void {
    this.closed = true;
    this.controller.abort();
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private schedule(delay: number): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    return new Promise((done) => {
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.running) {
          this.again = true;
          void this.running.then(done);
          return;
        }
        this.running = this.runOnce().finally(() => {
          this.running = null;
          if (this.again && !this.closed) {
            this.again = false;
            void this.schedule(0);
          }
        });
        void this.running.then(done);
      }, delay);
    });
  }

  private async runOnce(): Promise<void> {
    const s = this.current;
    s.state = 'analysing';
    s.message = 'analysing';
    this.opts.onUpdate(s);
    let run: AnalyzeRun;
    try {
      const loaded = await this.opts.load();
      run = loaded.run;
      const model = loaded.model;
      const sources = run.sources;
      s.page = encodeAnalysis(model, { command: this.opts.command, hasSource: (f) => sources.path(f) !== null });
      s.root = run.root;
      s.sources = sources;
      const failed = model.packages.filter((p) => p.errors.length);
      s.state = 'ready';
      s.message = failed.length
        ? `${failed.length} package${failed.length === 1 ? '' : 's'} did not compile: ${failed[0]!.errors[0] ?? ''}`
        : `${model.packages.length} package${model.packages.length === 1 ? '' : 's'} analysed`;
      s.generation++;
      this.watch(run);
    } catch (e) {
      // The last good analysis stays on the page, marked stale by the status.
      s.state = 'error';
      s.message = e instanceof Error ? e.message : String(e);
      if (!s.page) this.watchDirs(new Set(this.opts.dirs));
    }
    if (!this.closed) this.opts.onUpdate(s);
  }

  /** Watches each analysed package's directory and the module's go.mod; an event schedules a new run. */
  private watch(run: AnalyzeRun): void {
    const dirs = new Set<string>([run.root, ...this.opts.dirs]);
    for (const u of run.units) {
      dirs.add(u.dir);
      for (const f of u.files) dirs.add(dirname(f));
    }
    this.watchDirs(dirs);
  }

  private watchDirs(dirs: Set<string>): void {
    for (const [d, w] of this.watchers)
      if (!dirs.has(d)) {
        w.close();
        this.watchers.delete(d);
      }
    for (const d of dirs) {
      if (this.watchers.has(d)) continue;
      try {
        const w = watch(d, { persistent: false }, (_event, name) => {
          // Editors' swap and backup files are not sources; an event without a name may be anything.
          const n = name?.toString() ?? '';
          if (n && !n.endsWith('.go') && !/^go\.(mod|sum|work)$/.test(n)) return;
          void this.schedule(SETTLE_MS);
        });
        w.on('error', () => {
          w.close();
          this.watchers.delete(d);
        });
        this.watchers.set(d, w);
      } catch {
        // A directory that vanished: the next run lists what exists.
      }
    }
  }
}
