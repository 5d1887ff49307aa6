// The report page: loads the data the way the page's mode says, lays out the views and keeps them in step with
// the selection in the hash.

import './style.css';
import type { PageData } from '../../src/reporters/html/page-data.js';
import { asmPane } from './asm.js';
import { routeEditorStyles } from './cm-styles.js';
import { benchView } from './bench.js';
import { loadFileData, loadFirstData, loadServeData, pageMode } from './data.js';
import { siteDetail } from './detail.js';
import { el, fill } from './dom.js';
import { pageLang, t } from './i18n.js';
import { Model } from './model.js';
import { emptyData, playgroundPane } from './playground.js';
import { searchBox } from './search.js';
import { sourceLoader } from './sources.js';
import { sourceView } from './source-view.js';
import { createApp, hashFor } from './state.js';
import { summaryView } from './summary.js';
import { treeView } from './tree.js';

routeEditorStyles();
const mode = pageMode();
const root = document.getElementById('app') ?? document.body.appendChild(el('div', { id: 'app' }));

async function start(): Promise<void> {
  const status = el('div', { class: 'status', testid: 'status', role: 'status' });
  const about = el('div', { class: 'about' });
  const brand = el('h1', { class: 'brand' }, 'heapscope');
  const skip = el('a', { class: 'skip-link', href: '#site-detail' }, t('web.main.skip'));
  root.replaceChildren(skip, el('header', null, brand, about, status));
  let data: PageData;
  // A large report paints its first view (the ranked sites) before the whole data is decoded.
  const firstView = mode === 'file' ? loadFirstData() : null;
  try {
    data =
      firstView ??
      (mode === 'file'
        ? await loadFileData()
        : mode === 'serve'
          ? await loadServeData((m) => {
              status.textContent = m;
              status.dataset.state = 'analysing';
            })
          : emptyData());
  } catch (e) {
    status.textContent = t('web.main.loadFailed', { error: (e as Error).message });
    status.classList.add('error');
    document.body.dataset.ready = '1';
    return;
  }

  // The data says its language too (a served page's data follows the server's language).
  if (data.lang) t.setLang(pageLang(data.lang));
  let generation = data.generation ?? 0;
  let reloads = 0;
  let playgroundFiles: Record<string, string> = {};
  const sources = sourceLoader(
    mode,
    () => generation,
    (file) => {
      const path = app.model.filePath(file);
      const name = Object.keys(playgroundFiles).find((n) => path === n || path.endsWith(`/${n}`));
      return name !== undefined ? playgroundFiles[name]! : null;
    },
  );
  const app = createApp(mode, new Model(data), sources);
  const search = searchBox(app);
  const summary = summaryView(app);
  const tree = treeView(app);
  const source = sourceView(app);
  const detail = siteDetail(app);
  const asm = asmPane(app);
  const bench = benchView(app);
  const centre = el('main', { class: 'centre' }, source.element);
  const layout = el(
    'div',
    { class: `layout${mode === 'playground' ? ' with-playground' : ''}` },
    el('aside', { class: 'left', 'aria-label': t('web.main.leftLabel') }, summary.element, summary.overview, tree.element),
    centre,
    el('aside', { class: 'right', 'aria-label': t('web.main.rightLabel') }, detail.element, asm.element),
  );
  // The skip link moves the focus, not the address: the hash names the selection.
  detail.element.id = 'site-detail';
  detail.element.tabIndex = -1;
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    detail.element.focus();
  });
  // Benchmark rows: arrows move between them, Enter or Space opens one, as in the other lists.
  bench.element.addEventListener('keydown', (e) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-testid="bench-row"]');
    if (!row) return;
    const next = e.key === 'ArrowDown' ? row.nextElementSibling : e.key === 'ArrowUp' ? row.previousElementSibling : null;
    if (next instanceof HTMLElement && next.dataset.testid === 'bench-row') next.focus();
    else if (e.key === 'Enter' || e.key === ' ') row.click();
    else return;
    e.preventDefault();
  });
  if (mode === 'playground') {
    layout.prepend(
      playgroundPane((d, files) => {
        generation++;
        playgroundFiles = files;
        app.setModel(new Model(d));
        search.reset();
        app.applyHash(true);
      }),
    );
  }
  root.querySelector('header')!.appendChild(search.element);
  root.appendChild(layout);

  const describe = () => {
    const d = app.model.data;
    const go = d.go.version ? `${d.go.version} ${d.go.goos}/${d.go.goarch}` : '';
    // The tool's name and version once ("heapscope 0.1.0"), not after the brand again.
    brand.textContent = d.tool || 'heapscope';
    const measured = d.measuredBy ? t('web.main.measured', { command: d.measuredBy.command, time: d.measuredBy.time }) : '';
    fill(
      about,
      go ? el('span', { class: 'go' }, go) : null,
      d.command ? el('code', { class: 'command', title: d.command }, d.command) : null,
      measured ? el('span', { class: 'measured', title: measured }, measured) : null,
    );
    const hasBench = d.kind === 'bench' && (d.benchmarks?.length ?? 0) > 0;
    if (hasBench && !bench.element.isConnected) centre.appendChild(bench.element);
    if (!hasBench) bench.element.remove();
    centre.classList.toggle('with-bench', hasBench);
  };

  let first = true;
  app.listen((a, dataChanged) => {
    if (dataChanged) describe();
    summary.render(dataChanged);
    if (first) performance.mark('heapscope:first-paint');
    tree.render(dataChanged);
    source.render();
    detail.render();
    asm.render();
    if (a.model.data.kind === 'bench') bench.render(dataChanged);
    if (first) {
      first = false;
      document.body.dataset.ready = '1';
    }
  });
  // The first view answers "what first": with no address given, the costliest site is open with its line.
  const top = app.model.ranking()[0];
  if (!location.hash && top) history.replaceState(null, '', hashFor(app.model, { site: top.site }));
  app.applyHash(true);

  if (firstView) {
    // Let the first view reach the screen before the main thread spends a second on the whole data.
    await new Promise((r) => setTimeout(r, 0));
    try {
      const whole = await loadFileData();
      app.setModel(new Model(whole));
      search.reset();
      app.applyHash(true);
      document.body.dataset.complete = '1';
      performance.mark('heapscope:complete');
    } catch (e) {
      status.textContent = t('web.main.loadWholeFailed', { error: (e as Error).message });
      status.classList.add('error');
    }
  } else {
    document.body.dataset.complete = '1';
    performance.mark('heapscope:complete');
  }

  if (mode === 'serve')
    watch(status, async (g) => {
      // Updates can come faster than the data loads: only the newest one is applied.
      const mine = ++reloads;
      const d = await loadServeData();
      if (mine !== reloads) return;
      generation = d.generation ?? g;
      app.setModel(new Model(d));
      search.reset();
      app.applyHash(true);
    });
}

/** serve's state in the page's words (its message comes in the server's language). */
function stateText(state: string): string {
  if (state === 'analysing') return t('web.state.analysing');
  if (state === 'ready') return t('web.state.ready');
  if (state === 'error') return t('web.state.error');
  return state;
}

/** heapscope serve re-analyses when files change: its events say when, and what it is doing. */
function watch(status: HTMLElement, reload: (generation: number) => Promise<void>): void {
  const events = new EventSource('/api/events');
  events.addEventListener('status', (e) => {
    try {
      const s = JSON.parse((e as MessageEvent<string>).data) as { state: string; message?: string };
      const state = stateText(s.state);
      // The message alone when it says no more than the state ("analysing").
      status.textContent = s.message && s.message !== state ? t('web.main.status', { state, message: s.message }) : state;
      status.dataset.state = s.state;
      status.classList.toggle('error', s.state === 'error');
    } catch {
      /* a malformed event changes nothing */
    }
  });
  events.addEventListener('update', (e) => {
    try {
      const { generation } = JSON.parse((e as MessageEvent<string>).data) as { generation: number };
      reload(generation).catch((err: Error) => {
        status.textContent = t('web.main.reloadFailed', { error: err.message });
        status.classList.add('error');
      });
    } catch {
      /* ignored as above */
    }
  });
  events.addEventListener('error', () => {
    if (events.readyState === EventSource.CLOSED) status.textContent = t('web.main.disconnected');
  });
}

void start();
