// heapscope serve's model, kept current: analysed once, then again whenever a .go file, go.mod or go.work of the
// served tree or of the analysed packages changes, or a directory holding them is made or removed (dir-watch.ts).
// Each run goes through heapscope's cache, so only the packages whose content keys changed (the edited one and
// those that import it) are compiled again.

import { dirname } from 'node:path';
import { DirWatcher } from './dir-watch.js';
import { t } from '../i18n/t.js';
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
  /** One analysis as the engine makes it (pipeline/model.ts: the compiler's run through the cache, joined, focused
   *  and filtered); the signal is aborted when the server closes. */
  load: (signal: AbortSignal) => Promise<{ run: AnalyzeRun; model: AnalysisModel }>;
  /** The directory served: every directory under it is watched, so that a package made after the start is seen. */
  tree: string;
  /** Watched on their own (the module root above the tree, for go.mod and go.work): also while no analysis has
   *  succeeded yet, when a fix to a broken go.mod or a file that did not compile must bring the server back. */
  dirs: string[];
  command: string;
  onUpdate: (s: LiveState) => void;
}

export class LiveAnalysis {
  readonly current: LiveState = { generation: 0, state: 'analysing', message: t('serve.analysing'), page: null, root: null, sources: null };
  private readonly watcher = new DirWatcher(() => void this.schedule(SETTLE_MS));
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
    this.watcher.close();
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
    s.message = t('serve.analysing');
    this.opts.onUpdate(s);
    let run: AnalyzeRun;
    try {
      const loaded = await this.opts.load(this.controller.signal);
      run = loaded.run;
      const model = loaded.model;
      const sources = run.sources;
      s.page = encodeAnalysis(model, { command: this.opts.command, hasSource: (f) => sources.path(f) !== null });
      s.root = run.root;
      s.sources = sources;
      const failed = model.packages.filter((p) => p.errors.length);
      s.state = 'ready';
      s.message = failed.length
        ? t('serve.didNotCompile', { n: failed.length, error: failed[0]!.errors[0] ?? '' })
        : t('serve.analysed', { n: model.packages.length });
      s.generation++;
      this.watch(run);
    } catch (e) {
      // The last good analysis stays on the page, marked stale by the status.
      s.state = 'error';
      s.message = e instanceof Error ? e.message : String(e);
      if (!s.page && !this.closed) this.watcher.set(this.opts.dirs, [this.opts.tree]);
    }
    if (!this.closed) this.opts.onUpdate(s);
  }

  /** Watches the tree, the module's root and each analysed package's directory (a pattern may reach outside the
   *  tree); made again after each run, which renews the watch of a directory removed and made again meanwhile. */
  private watch(run: AnalyzeRun): void {
    if (this.closed) return;
    const dirs = new Set<string>([run.root, ...this.opts.dirs]);
    for (const u of run.units) {
      dirs.add(u.dir);
      for (const f of u.files) dirs.add(dirname(f));
    }
    this.watcher.set(dirs, [this.opts.tree]);
  }
}
