// The left column's top: the ranked decisions, then how the hot heap sites split by cause and by package (charts
// under the list, tables in it).

import { el, section } from './dom.js';
import { causeId, costText, num } from './format.js';
import { overviewCharts, tally, type Tally } from './overview.js';
import type { App } from './state.js';

export function summaryView(app: App): { element: HTMLElement; overview: HTMLElement; render(dataChanged: boolean): void } {
  const element = el('div', { class: 'summary', testid: 'summary' });
  // The charts sit under the ranked list's scroll, always in view.
  const overview = el('div', { class: 'overview-host' });
  let items: HTMLElement[] = [];
  let built = false;

  function build(): void {
    const m = app.model;
    const d = m.data;
    if (m.blank) {
      // Before the playground's first run: a placeholder that cannot be taken for a result with no allocation.
      element.replaceChildren(
        el(
          'div',
          { class: 'placeholder', testid: 'summary-placeholder' },
          el('h2', null, 'Nothing analysed yet'),
          el(
            'p',
            null,
            'Pick an example or write Go code in the editor, then press Run: the heap allocations the compiler decides show here, costliest first.',
          ),
        ),
      );
      items = [];
      return;
    }
    const list = el('ol', { class: 'ranking', role: 'listbox', 'aria-label': 'Costliest heap allocations' });
    items = m.ranking().map((r) => {
      const x = d.sites[r.site]!;
      const cause = causeId(m, x.cause);
      const item = el(
        'li',
        {
          class: 'summary-item',
          testid: 'summary-item',
          'data-site-id': m.siteId(r.site),
          'data-site': r.site,
          role: 'option',
          tabindex: -1,
        },
        // Two lines an item: the expression and why, then where, in which function and at what cost.
        el(
          'div',
          { class: 'line' },
          el('span', { class: 'expr' }, m.s(x.expr), x.cold ? el('span', { class: 'cold', title: m.s(x.cold) }, 'cold') : null),
          cause ? el('span', { class: 'cause-id' }, cause) : null,
        ),
        el(
          'div',
          { class: 'line' },
          el('span', { class: 'where', title: m.posText(x.pos) }, m.shortPosText(x.pos, x.package)),
          el('span', { class: 'fn', title: m.s(x.function) }, m.s(x.function)),
          el('span', { class: 'cost', title: costText(m, x) }, costText(m, x)),
        ),
        r.more ? el('div', { class: 'more' }, `+${r.more} more in this function`) : null,
      );
      item.addEventListener('click', () => app.go({ site: r.site }));
      list.appendChild(item);
      return item;
    });
    // One item takes the Tab stop (the selected one); arrows move among them, Enter or Space opens.
    list.addEventListener('keydown', (e) => {
      const at = items.indexOf(e.target as HTMLElement);
      if (at < 0) return;
      const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
      if (to !== undefined) {
        const next = items[Math.max(0, Math.min(items.length - 1, to))]!;
        for (const it of items) it.tabIndex = it === next ? 0 : -1;
        next.focus();
      } else if (e.key === 'Enter' || e.key === ' ') items[at]!.click();
      else return;
      e.preventDefault();
    });
    const heap = d.preview?.heapSites ?? m.heapCount;
    const all = d.preview?.sites ?? d.sites.length;
    const heading = el('h2', null, `Costliest heap allocations (${num(heap)} heap sites of ${num(all)})`);
    element.replaceChildren(heading, items.length ? list : el('p', { class: 'empty' }, 'No heap allocation.'));
    if (d.filtered)
      element.appendChild(
        el(
          'p',
          { class: 'note' },
          `${num(d.filtered.sites)} sites filtered out${d.filtered.external ? ` (${num(d.filtered.external)} outside the module)` : ''}.`,
        ),
      );
  }

  /** Counts over all heap sites, as tables (the charts' numbers): kept apart from the ranking so they fill in after
   *  the first paint. */
  function counts(t: Tally): HTMLElement {
    const table = (title: string, rows: [string, number][]) =>
      section(
        title,
        el(
          'table',
          { class: 'counts' },
          ...rows.slice(0, 30).map(([k, n]) => el('tr', null, el('td', { class: 'n' }, num(n)), el('td', null, k))),
        ),
      );
    return el(
      'div',
      { class: 'count-tables', testid: 'summary-counts' },
      table('Hot heap sites by cause', t.byCause),
      table('Hot heap sites by package', t.byPackage),
      t.measured ? table('Allocating heap sites, measured or estimated', t.measured) : null,
      t.cold ? table('Allocating heap sites, hot or cold', t.cold) : null,
    );
  }

  return {
    element,
    overview,
    render(dataChanged) {
      if (dataChanged || !built) {
        built = true;
        build();
        const t = app.model.blank ? null : tally(app);
        if (t) element.appendChild(counts(t));
        overview.replaceChildren(...(t ? [overviewCharts(t)] : []));
      }
      const sel = String(app.sel.site);
      const selected = items.find((it) => it.dataset.site === sel);
      for (const it of items) {
        it.classList.toggle('selected', it === selected);
        it.setAttribute('aria-selected', String(it === selected));
        // The Tab stop follows the selection unless the keyboard is inside the list already.
        if (!element.contains(document.activeElement)) it.tabIndex = it === (selected ?? items[0]) ? 0 : -1;
      }
    },
  };
}
