// Search over the heap sites by expression, function, file and cause id; the text to match is built on first
// use, not at load.

import { el } from './dom.js';
import { causeId } from './format.js';
import { t } from './i18n.js';
import type { Model } from './model.js';
import type { App } from './state.js';
import { virtualList } from './virtual-list.js';

export function searchBox(app: App): { element: HTMLElement; reset(): void } {
  const input = el('input', {
    type: 'search',
    class: 'search',
    testid: 'search',
    placeholder: t('web.search.placeholder'),
    'aria-label': t('web.search.label'),
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
  });
  let hay: string[] | null = null;
  /** Each heap site's place in the results: its group's place in the ranking, then by cost. */
  let order: number[] = [];
  let hayModel: Model | null = null;
  let results: number[] = [];
  let timer = 0;
  const count = el('div', { class: 'search-count' });
  const list = virtualList(40, (i) => row(results[i]!), {
    attrs: { 'data-testid': 'search-results', id: 'search-results' },
    role: 'listbox',
    label: t('web.search.results'),
    owner: input,
    open: (i) => choose(results[i]!),
  });
  const panel = el('div', { class: 'search-panel', hidden: true }, count, list.element);
  // The panel shows or hides in one place, so the combobox's aria-expanded says the same.
  const show = (on: boolean) => {
    panel.hidden = !on;
    input.setAttribute('aria-expanded', String(on));
  };
  // Choosing ends the search: a run still waiting on the last keystroke would open the panel again.
  const choose = (site: number) => {
    clearTimeout(timer);
    show(false);
    app.go({ site });
  };
  const element = el('div', { class: 'search-box' }, input, panel);

  function haystack(): string[] {
    const m = app.model;
    if (!hay || hayModel !== m) {
      hayModel = m;
      hay = [];
      const ranked = new Map<number, number>();
      m.ranking().forEach((r, k) => ranked.set(m.data.sites[r.site]!.group, k));
      const key = (i: number) => ranked.get(m.data.sites[i]!.group) ?? ranked.size;
      const byCost = [...Array(m.heapCount).keys()].sort((a, b) => key(a) - key(b) || m.weight(b) - m.weight(a) || a - b);
      order = [];
      byCost.forEach((site, k) => (order[site] = k));
      for (let i = 0; i < m.heapCount; i++) {
        const x = m.data.sites[i]!;
        hay.push(
          `${m.s(x.expr)}\n${m.s(x.function)}\n${m.s(x.functionRaw)}\n${m.posText(x.pos, false)}\n${causeId(m, x.cause)}`.toLowerCase(),
        );
      }
    }
    return hay;
  }

  function row(i: number): HTMLElement {
    const m = app.model;
    const x = m.data.sites[i]!;
    const r = el(
      'div',
      { class: 'search-result', testid: 'search-result', 'data-site-id': m.siteId(i) },
      el('div', { class: 'expr' }, m.s(x.expr), el('span', { class: 'cause-id' }, causeId(m, x.cause))),
      el('div', { class: 'where', title: m.posText(x.pos) }, `${m.s(x.function)} · ${m.shortPosText(x.pos, x.package)}`),
    );
    r.addEventListener('mousedown', (e) => e.preventDefault());
    r.addEventListener('click', () => choose(i));
    return r;
  }

  function run(): void {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) {
      show(false);
      return;
    }
    const h = haystack();
    results = [];
    for (let i = 0; i < h.length; i++) if (words.every((w) => h[i]!.includes(w))) results.push(i);
    results.sort((a, b) => order[a]! - order[b]!);
    // The panel is as tall as its results, up to the window's height under the header.
    list.element.style.height = `${Math.min(Math.max(200, window.innerHeight - 120), results.length * 40)}px`;
    count.textContent = t('web.search.count', { n: results.length });
    show(true);
    list.setCount(results.length);
    list.setActive(-1);
    list.element.scrollTop = 0;
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(run, 120);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim()) show(true);
  });
  input.addEventListener('blur', () => show(false));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') show(false);
    // Arrows move in the results; Enter opens the active result, or the first when none is active.
    if (!panel.hidden && e.key !== ' ' && e.key !== 'Home' && e.key !== 'End' && list.key(e)) return;
    if (e.key === 'Enter' && results.length) {
      clearTimeout(timer);
      run();
      choose(results[0]!);
    }
  });
  return {
    element,
    reset() {
      hay = null;
      if (!panel.hidden) run();
    },
  };
}
