// The selection and its address: every navigation writes the hash, and the hash (on load, on back/forward)
// decides what is shown, so a link to a site or line can be shared and history works.

import type { Model } from './model.js';
import type { Mode } from './data.js';
import type { SourceLoader } from './sources.js';

export interface Selection {
  site: number;
  file: number;
  line: number;
  bench: number;
}

export type Target = { site: number } | { file: number; line: number } | { bench: number };

export interface App {
  mode: Mode;
  model: Model;
  sel: Selection;
  sources: SourceLoader;
  go(t: Target): void;
  /** Called after each change of the selection or of the data. */
  listen(fn: (app: App, dataChanged: boolean) => void): void;
}

export function hashFor(m: Model, t: Target): string {
  const q = new URLSearchParams();
  if ('site' in t) q.set('site', m.siteId(t.site));
  else if ('bench' in t) q.set('bench', m.s(m.data.benchmarks?.[t.bench]?.name));
  else {
    q.set('file', m.filePath(t.file));
    q.set('line', String(t.line));
  }
  return `#${q.toString()}`;
}

/** The selection a hash names, from the one before (a bench stays selected while sites are browsed). */
export function selectionFromHash(m: Model, hash: string, before: Selection): Selection {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const sel: Selection = { site: -1, file: before.file, line: before.line, bench: before.bench };
  const site = q.get('site');
  const file = q.get('file');
  const bench = q.get('bench');
  if (site !== null) {
    const i = m.siteIndexById(site);
    const x = m.site(i);
    if (x) {
      sel.site = i;
      sel.file = x.pos[0];
      sel.line = x.pos[1];
    }
  } else if (file !== null) {
    sel.file = m.fileIndexByPath(file);
    sel.line = Number(q.get('line') ?? '1') || 1;
  }
  if (bench !== null) sel.bench = (m.data.benchmarks ?? []).findIndex((b) => m.s(b.name) === bench);
  return sel;
}

export function createApp(
  mode: Mode,
  model: Model,
  sources: SourceLoader,
): App & { setModel(m: Model): void; applyHash(dataChanged: boolean): void } {
  const listeners: ((app: App, dataChanged: boolean) => void)[] = [];
  const app = {
    mode,
    model,
    sources,
    sel: { site: -1, file: -1, line: 0, bench: -1 } as Selection,
    go(t: Target) {
      let h = hashFor(app.model, t);
      // Opening a benchmark keeps the site in view: the detail beside the bench tables stays filled.
      if ('bench' in t && app.sel.site >= 0) h = `${hashFor(app.model, { site: app.sel.site })}&${h.slice(1)}`;
      if (h === location.hash) app.applyHash(false);
      else location.hash = h;
    },
    listen(fn: (app: App, dataChanged: boolean) => void) {
      listeners.push(fn);
    },
    /** New data (heapscope serve re-analysed): what was open stays open, found by its id, path or name. */
    setModel(m: Model) {
      const old = app.model;
      const s = app.sel;
      const bench = old.s(old.data.benchmarks?.[s.bench]?.name);
      app.sel = {
        site: s.site >= 0 ? m.siteIndexById(old.siteId(s.site)) : -1,
        file: s.file >= 0 ? m.fileIndexByPath(old.filePath(s.file)) : -1,
        line: s.line,
        bench: bench ? (m.data.benchmarks ?? []).findIndex((b) => m.s(b.name) === bench) : -1,
      };
      app.model = m;
    },
    applyHash(dataChanged: boolean) {
      app.sel = selectionFromHash(app.model, location.hash, app.sel);
      for (const fn of listeners) fn(app, dataChanged);
    },
  };
  window.addEventListener('hashchange', () => app.applyHash(false));
  return app;
}
