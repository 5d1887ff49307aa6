// Search over the heap sites by expression, function, file and cause id; the text to match is built on first
// use, not at load.

import { el } from './dom.js';
import { causeId } from './format.js';
import type { Model } from './model.js';
import type { App } from './state.js';
import { virtualList } from './virtual-list.js';

export function searchBox(app: App): { element: HTMLElement; reset(): void } {
  const input = el('input', {
    type: 'search',
    class: 'search',
    testid: 'search',
    placeholder: 'Search heap sites: expression, function, file, cause',
    'aria-label': 'Search heap sites',
  });
  let hay: string[] | null = null;
  let hayModel: Model | null = null;
  let results: number[] = [];
  const count = el('div', { class: 'search-count' });
  const list = virtualList(40, (i) => row(results[i]!), { 'data-testid': 'search-results' });
  const panel = el('div', { class: 'search-panel', hidden: true }, count, list.element);
  const element = el('div', { class: 'search-box' }, input, panel);

  function haystack(): string[] {
    const m = app.model;
    if (!hay || hayModel !== m) {
      hayModel = m;
      hay = [];
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
      el('div', { class: 'where' }, `${m.s(x.function)} · ${m.posText(x.pos, false)}`),
    );
    r.addEventListener('mousedown', (e) => e.preventDefault());
    r.addEventListener('click', () => {
      panel.hidden = true;
      app.go({ site: i });
    });
    return r;
  }

  let timer = 0;
  function run(): void {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) {
      panel.hidden = true;
      return;
    }
    const h = haystack();
    results = [];
    for (let i = 0; i < h.length; i++) if (words.every((w) => h[i]!.includes(w))) results.push(i);
    count.textContent = `${results.length} heap site${results.length === 1 ? '' : 's'}`;
    panel.hidden = false;
    list.setCount(results.length);
    list.element.scrollTop = 0;
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(run, 120);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim()) panel.hidden = false;
  });
  input.addEventListener('blur', () => {
    panel.hidden = true;
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') panel.hidden = true;
    if (e.key === 'Enter' && results.length) {
      clearTimeout(timer);
      run();
      panel.hidden = true;
      app.go({ site: results[0]! });
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
